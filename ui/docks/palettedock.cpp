// SPDX-License-Identifier: MIT
#include "palettedock.h"

#include "design/kinds.h"
#include "palettelist.h"
#include "style/kindicons.h"
#include "style/theme.h"

#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

#include <algorithm>

namespace {

QListWidgetItem *makeEntry(
    const QIcon &icon, const QString &text, const QString &kind, const QString &toolTip)
{
    auto *item = new QListWidgetItem(icon, text);
    item->setData(PaletteList::KindRole, kind);
    item->setToolTip(toolTip);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    return item;
}

QListWidgetItem *makeHeading(const QString &text)
{
    auto *item = new QListWidgetItem(text.toUpper());
    item->setFont(Theme::sectionFont(item->font()));
    item->setFlags(Qt::ItemIsEnabled);
    item->setData(Qt::AccessibleTextRole, text);
    return item;
}

// Words people search by that the kind table does not hold.
const QHash<QString, QStringList> &synonyms()
{
    static const QHash<QString, QStringList> words = {
        { QStringLiteral("client"), { QStringLiteral("browser"), QStringLiteral("internet") } },
        { QStringLiteral("dns"),
            { QStringLiteral("bind"),
                QStringLiteral("route53"),
                QStringLiteral("unbound"),
                QStringLiteral("resolver") } },
        { QStringLiteral("load_balancer"),
            { QStringLiteral("lb"),
                QStringLiteral("balancer"),
                QStringLiteral("proxy"),
                QStringLiteral("keepalived"),
                QStringLiteral("vrrp"),
                QStringLiteral("traefik"),
                QStringLiteral("envoy") } },
        { QStringLiteral("web_server"),
            { QStringLiteral("httpd"), QStringLiteral("caddy"), QStringLiteral("static") } },
        { QStringLiteral("app_server"),
            { QStringLiteral("php"),
                QStringLiteral("fpm"),
                QStringLiteral("node"),
                QStringLiteral("python"),
                QStringLiteral("gunicorn"),
                QStringLiteral("uwsgi"),
                QStringLiteral("java"),
                QStringLiteral("tomcat"),
                QStringLiteral("ruby"),
                QStringLiteral("rails"),
                QStringLiteral("django"),
                QStringLiteral("backend"),
                QStringLiteral("api") } },
        { QStringLiteral("app_files"),
            { QStringLiteral("nfs"),
                QStringLiteral("code"),
                QStringLiteral("storage"),
                QStringLiteral("s3") } },
        { QStringLiteral("database"),
            { QStringLiteral("db"),
                QStringLiteral("sql"),
                QStringLiteral("postgres"),
                QStringLiteral("pgsql"),
                QStringLiteral("galera"),
                QStringLiteral("replica") } },
        { QStringLiteral("firewall"),
            { QStringLiteral("iptables"),
                QStringLiteral("ufw"),
                QStringLiteral("waf"),
                QStringLiteral("security group") } },
        { QStringLiteral("monitoring"),
            { QStringLiteral("grafana"),
                QStringLiteral("nagios"),
                QStringLiteral("zabbix"),
                QStringLiteral("metrics"),
                QStringLiteral("logs"),
                QStringLiteral("alerting") } },
        { QStringLiteral("cache"), { QStringLiteral("memcache"), QStringLiteral("keydb") } },
        { QStringLiteral("cdn"),
            { QStringLiteral("cloudflare"),
                QStringLiteral("fastly"),
                QStringLiteral("akamai"),
                QStringLiteral("cloudfront"),
                QStringLiteral("edge") } },
        { QStringLiteral("queue"),
            { QStringLiteral("broker"),
                QStringLiteral("mq"),
                QStringLiteral("sqs"),
                QStringLiteral("worker") } },
        { QStringLiteral("host"),
            { QStringLiteral("server"),
                QStringLiteral("machine"),
                QStringLiteral("vm"),
                QStringLiteral("node"),
                QStringLiteral("box") } },
    };
    return words;
}

} // namespace

QStringList PaletteDock::searchTerms(const QString &kind)
{
    QStringList terms = synonyms().value(kind);
    terms << kind;
    if (const Kinds::KindSpec *spec = Kinds::find(kind)) {
        terms << spec->displayName << spec->defaultLabel << spec->description;
        // The products and settings a kind can have: "haproxy", "mariadb", "redis", …
        for (const Kinds::PropertySpec &p : spec->properties) {
            terms << p.values << p.description;
            if (p.defaultValue.typeId() == QMetaType::QString)
                terms << p.defaultValue.toString();
        }
    }
    terms.removeAll(QString());
    return terms;
}

QString PaletteDock::hostKind()
{
    return QStringLiteral("host");
}

PaletteDock::PaletteDock(QWidget *parent)
    : QDockWidget(tr("Palette"), parent)
    , m_filter(new QLineEdit)
    , m_list(new PaletteList)
{
    setObjectName(QStringLiteral("PaletteDock"));
    m_filter->setClearButtonEnabled(true);
    m_list->setIconSize(QSize(28, 28));
    m_list->setSpacing(1);
    // One surface with the rest of the dock, like the inspector beside the canvas.
    m_list->viewport()->setBackgroundRole(QPalette::Window);
    m_list->setBackgroundRole(QPalette::Window);

    m_list->addItem(makeHeading(tr("Components")));
    for (const Kinds::KindSpec &kind : Kinds::all()) {
        const QString tip
            = QStringLiteral("<b>%1</b><br>%2")
                  .arg(kind.displayName.toHtmlEscaped(), kind.description.toHtmlEscaped());
        m_list->addItem(makeEntry(KindIcons::icon(kind), kind.displayName, kind.name, tip));
    }
    m_list->addItem(makeHeading(tr("Machines")));
    m_list->addItem(makeEntry(KindIcons::hostIcon(),
        tr("Host (server)"),
        hostKind(),
        tr("<b>Host</b><br>A machine: the components inside it fail "
           "together.")));

    m_filter->setPlaceholderText(tr("Filter: nginx, mysql, cache…"));
    m_filter->setToolTip(tr("Find a component by kind, product (HAProxy, MariaDB, Redis…) or "
                            "what it does"));
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->setSpacing(6);
    m_noMatch = new QLabel(content);
    m_noMatch->setObjectName(QStringLiteral("noMatchLabel"));
    m_noMatch->setWordWrap(true);
    m_noMatch->setForegroundRole(QPalette::PlaceholderText);
    m_noMatch->hide();
    layout->addWidget(m_filter);
    layout->addWidget(m_noMatch);
    layout->addWidget(m_list);
    setWidget(content);

    connect(m_filter, &QLineEdit::textChanged, this, &PaletteDock::applyFilter);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QString kind = item->data(PaletteList::KindRole).toString();
        if (!kind.isEmpty())
            Q_EMIT kindActivated(kind);
    });
}

void PaletteDock::applyFilter(const QString &text)
{
    const QString needle = text.trimmed();
    int shown = 0;
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        const QString kind = item->data(PaletteList::KindRole).toString();
        bool match = needle.isEmpty();
        if (!match && !kind.isEmpty()) {
            const QStringList terms = searchTerms(kind) << item->text();
            match = std::any_of(terms.cbegin(), terms.cend(), [&needle](const QString &term) {
                return term.contains(needle, Qt::CaseInsensitive);
            });
        }
        item->setHidden(!match);
        shown += match && !kind.isEmpty() ? 1 : 0;
    }
    m_noMatch->setText(tr("No component matches “%1”. Try a kind (database, cache), a product "
                          "(nginx, mariadb, redis) or clear the filter.")
                           .arg(needle));
    m_noMatch->setVisible(!needle.isEmpty() && shown == 0);
}
