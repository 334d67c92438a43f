// SPDX-License-Identifier: MIT
#include "connecthaproxydialog.h"

#include "design/kinds.h"
#include "live/environmentpasswordprovider.h"
#include "live/parsers/haproxycsv.h"
#include "live/parsers/haproxyruntime.h"
#include "live/sources/haproxyruntimeclient.h"
#include "live/sources/haproxystatssource.h"
#include "live/sources/httpfetcher.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace {

const char *const StatsKind = "haproxy";
const char *const SocketKind = "haproxy-socket";

} // namespace

ConnectHaproxyDialog::ConnectHaproxyDialog(const DesignData &design, QWidget *parent)
    : QDialog(parent)
    , m_design(design)
    , m_http(new HttpFetcher(this))
    , m_runtime(new HaproxyRuntimeClient(this))
{
    setWindowTitle(tr("Connect to HAProxy"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Read a running HAProxy's statistics page or Runtime API: its "
                                "frontends, backends and servers are matched to this design by "
                                "name and address, or drawn as a new design."));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = m_form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_kind = new QComboBox;
    m_kind->addItem(tr("Statistics page (HTTP)"), QString::fromLatin1(StatsKind));
    m_kind->addItem(tr("Runtime API (UNIX socket or TCP)"), QString::fromLatin1(SocketKind));
    auto *kindLabel = new QLabel(tr("Read &from:"));
    kindLabel->setBuddy(m_kind);
    form->addRow(kindLabel, m_kind);

    auto *row = new QHBoxLayout;
    m_address = new QLineEdit;
    m_address->setClearButtonEnabled(true);
    m_address->setMinimumWidth(360);
    m_read = new QPushButton(tr("&Read"));
    m_read->setEnabled(false);
    row->addWidget(m_address, 1);
    row->addWidget(m_read);
    auto *label = new QLabel(tr("&Address:"));
    label->setBuddy(m_address);
    form->addRow(label, row);

    m_user = new QLineEdit;
    m_user->setPlaceholderText(tr("none"));
    auto *userLabel = new QLabel(tr("&User name:"));
    userLabel->setBuddy(m_user);
    form->addRow(userLabel, m_user);
    m_passwordEdit = new QLineEdit;
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    auto *passwordLabel = new QLabel(tr("&Password:"));
    passwordLabel->setBuddy(m_passwordEdit);
    form->addRow(passwordLabel, m_passwordEdit);
    m_passwordNote = new QLabel;
    m_passwordNote->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), m_passwordNote);
    layout->addLayout(form);

    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Room for two lines from the start: the window does not grow when the answer comes.
    m_status->setMinimumHeight(2 * m_status->fontMetrics().lineSpacing() + 2);
    m_status->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_status);
    m_details = new QPlainTextEdit;
    m_details->setReadOnly(true);
    m_details->setPlaceholderText(tr("What HAProxy lists appears here."));
    m_details->setMinimumHeight(140);
    layout->addWidget(m_details, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_bind = buttons->addButton(tr("&Bind to This Design"), QDialogButtonBox::AcceptRole);
    m_new = buttons->addButton(tr("Open as &New Design"), QDialogButtonBox::AcceptRole);
    m_bind->setEnabled(false);
    m_new->setEnabled(false);
    layout->addWidget(buttons);

    // Room for the wrapped lines at any scale: their height is known only once laid out.
    resize(640, 480);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ConnectHaproxyDialog::kindChanged);
    connect(m_address, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_read->setEnabled(!text.trimmed().isEmpty());
        m_read->setDefault(true);
    });
    connect(m_address, &QLineEdit::returnPressed, this, &ConnectHaproxyDialog::read);
    connect(m_read, &QPushButton::clicked, this, &ConnectHaproxyDialog::read);
    connect(m_bind, &QPushButton::clicked, this, [this] {
        m_choice = Choice::Bind;
        accept();
    });
    connect(m_new, &QPushButton::clicked, this, [this] {
        m_choice = Choice::NewDesign;
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    kindChanged();
}

ConnectHaproxyDialog::~ConnectHaproxyDialog() = default;

void ConnectHaproxyDialog::setKind(Kind kind)
{
    m_kind->setCurrentIndex(kind == Kind::RuntimeApi ? 1 : 0);
}

ConnectHaproxyDialog::Kind ConnectHaproxyDialog::kind() const
{
    return m_kind->currentIndex() == 1 ? Kind::RuntimeApi : Kind::StatsPage;
}

void ConnectHaproxyDialog::setAddress(const QString &address)
{
    m_address->setText(address);
}

void ConnectHaproxyDialog::setUser(const QString &user)
{
    m_user->setText(user);
}

// The Runtime API has no login (the socket's file permissions or the TCP bind guard it).
void ConnectHaproxyDialog::kindChanged()
{
    const bool page = kind() == Kind::StatsPage;
    m_address->setPlaceholderText(page
            ? QStringLiteral("http://127.0.0.1:8404/stats")
            : QStringLiteral("/run/haproxy/admin.sock or 127.0.0.1:9999"));
    m_address->setToolTip(page ? tr("The URL of HAProxy's statistics page (stats uri)")
                               : tr("The path of HAProxy's stats socket, or host:port for one "
                                    "on TCP"));
    for (QWidget *login : { m_user, m_passwordEdit }) {
        login->setEnabled(page);
        if (QLabel *label = qobject_cast<QLabel *>(m_form->labelForField(login)))
            label->setEnabled(page);
    }
    const QString variable
        = EnvironmentPasswordProvider::kindVariable(QString::fromLatin1(StatsKind));
    const bool fromEnvironment = !qEnvironmentVariableIsEmpty(qPrintable(variable));
    m_passwordNote->setText(page ? tr("Kept in memory for this session only, never saved.")
                                 : tr("The Runtime API takes no login: the socket's permissions "
                                      "guard it."));
    m_passwordEdit->setPlaceholderText(
        page && fromEnvironment ? tr("from %1").arg(variable) : QString());
}

void ConnectHaproxyDialog::read()
{
    m_http->abortAll();
    m_runtime->abort();
    ++m_generation;
    m_hasResult = false;
    m_password.clear();
    m_bind->setEnabled(false);
    m_new->setEnabled(false);
    m_details->clear();
    const QString text = m_address->text().trimmed();
    if (kind() == Kind::StatsPage)
        readStatsPage(text);
    else
        readRuntimeApi(text);
}

void ConnectHaproxyDialog::readStatsPage(const QString &typed)
{
    if (typed.isEmpty()) {
        finish(false,
            tr("Give the address of HAProxy's statistics page, such as "
               "http://127.0.0.1:8404/stats."));
        return;
    }
    QString text = typed;
    if (!text.contains(QLatin1String("://")))
        text.prepend(QStringLiteral("http://"));
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        || url.host().isEmpty()) {
        finish(false,
            tr("“%1” is not an HTTP address of a statistics page (such as "
               "http://127.0.0.1:8404/stats).")
                .arg(typed));
        return;
    }
    // A login written into the address moves to the fields: the address kept names no one.
    SourceConfig source;
    source.kind = QString::fromLatin1(StatsKind);
    source.user = m_user->text().trimmed();
    if (source.user.isEmpty())
        source.user = url.userName();
    QString password = m_passwordEdit->text();
    if (password.isEmpty())
        password = url.password();
    url.setUserInfo(QString());
    source.address = url.toString();
    if (!source.user.isEmpty() && password.isEmpty()) {
        // As connecting would: the environment's variable for the source (answers at once).
        PasswordProvider::Request request;
        request.source = source;
        request.source.id = QString::fromLatin1(StatsKind);
        EnvironmentPasswordProvider().lookup(request, [&](const PasswordProvider::Result &r) {
            if (r.status == PasswordProvider::Result::Status::Found)
                password = r.password;
        });
    }
    HttpFetcher::Options options;
    options.user = source.user;
    options.password = password;
    m_http->setOptions(options);
    const int generation = m_generation;
    m_status->setText(tr("Reading %1…").arg(HttpFetcher::shown(url)));
    m_http->get(HaproxyStatsSource::csvUrl(url),
        [this, generation, url, source, password](const HttpFetcher::Result &r) {
            if (generation != m_generation)
                return;
            if (!r.answered) {
                finish(false, tr("No answer from %1: %2").arg(HttpFetcher::shown(url), r.error));
                return;
            }
            if (r.status != 200) {
                finish(false, HttpFetcher::describeStatus(r, url, !source.user.isEmpty()));
                return;
            }
            const HaproxyCsv::Result rows = HaproxyCsv::parse(r.body);
            if (!rows.ok) {
                finish(false,
                    tr("%1 does not answer with HAProxy statistics: %2")
                        .arg(HttpFetcher::shown(url), rows.error));
                return;
            }
            m_password = password;
            found(rows.rows, source);
        });
}

void ConnectHaproxyDialog::readRuntimeApi(const QString &typed)
{
    // "unix:/path" is the path; the design keeps a socket as its path.
    const QString address = typed.startsWith(QLatin1String("unix:")) ? typed.mid(5) : typed;
    QString why;
    if (!address.isEmpty() && !address.startsWith(u'/')
        && HaproxyRuntimeClient::isUnixSocket(address))
        why = tr("a socket is named by its full path, from /");
    else if (Kinds::checkSourceAddress(QString::fromLatin1(SocketKind), address, &why))
        why = HaproxyRuntimeClient::checkAddress(address); // and a TCP one has a port
    if (!why.isEmpty()) {
        finish(false,
            typed.isEmpty()
                ? tr("Give the path of HAProxy's stats socket "
                     "(such as /run/haproxy/admin.sock) or its host:port.")
                : tr("“%1” is not an address of HAProxy's Runtime API: %2.").arg(typed, why));
        return;
    }
    SourceConfig source;
    source.kind = QString::fromLatin1(SocketKind);
    source.address = address;
    const int generation = m_generation;
    m_status->setText(tr("Reading %1…").arg(address));
    m_runtime->ask(
        address, "show stat\n", [this, generation, source](const HaproxyRuntimeClient::Result &r) {
            if (generation != m_generation)
                return;
            if (!r.ok) {
                finish(false, tr("No answer from %1: %2").arg(source.address, r.error));
                return;
            }
            const HaproxyRuntime::Answer answer = HaproxyRuntime::parse(r.answer);
            const HaproxyCsv::Result rows
                = answer.ok ? HaproxyCsv::parse(answer.stat) : HaproxyCsv::Result();
            if (!answer.ok || !rows.ok || answer.stat.isEmpty()) {
                finish(false,
                    tr("%1 does not answer as HAProxy's Runtime API: %2")
                        .arg(source.address,
                            !answer.ok ? answer.error
                                       : (rows.ok ? tr("no statistics") : rows.error)));
                return;
            }
            m_password.clear();
            found(rows.rows, source);
        });
}

void ConnectHaproxyDialog::found(const QList<HaproxyCsv::Row> &rows, const SourceConfig &source)
{
    m_snapshot = HaproxyDiscovery::snapshotOf(rows);
    // The HAProxy as a source of the design, under an id the design does not use yet.
    m_source = source;
    QString id = QStringLiteral("haproxy");
    for (int n = 2; m_design.source(id); ++n)
        id = QStringLiteral("haproxy-%1").arg(n);
    m_source.id = id;
    m_match = HaproxyDiscovery::bindToDesign(m_design, m_snapshot, m_source.id);

    QStringList lines;
    if (!m_match.matched.isEmpty()) {
        lines.append(tr("Matched in this design:"));
        for (const QString &m : std::as_const(m_match.matched))
            lines.append(QStringLiteral("  ✓ ") + m);
    }
    if (!m_match.unmatched.isEmpty()) {
        if (!lines.isEmpty())
            lines.append(QString());
        lines.append(tr("Not matched (nothing is guessed):"));
        for (const QString &m : std::as_const(m_match.unmatched))
            lines.append(QStringLiteral("  ✗ ") + m);
    }
    m_details->setPlainText(lines.join(u'\n'));
    m_hasResult = true;
    m_bind->setEnabled(!m_match.bindings.isEmpty());
    m_new->setEnabled(!m_snapshot.backends.isEmpty());
    (m_match.bindings.isEmpty() ? m_new : m_bind)->setDefault(true);
    finish(true, summary());
}

QString ConnectHaproxyDialog::shownAddress() const
{
    return m_source.kind == QLatin1String(StatsKind) ? HttpFetcher::shown(QUrl(m_source.address))
                                                     : m_source.address;
}

QString ConnectHaproxyDialog::summary() const
{
    int servers = 0;
    for (const HaproxySnapshot::Backend &b : m_snapshot.backends)
        servers += int(b.servers.size());
    const QString listed = tr("%n frontend(s)", nullptr, int(m_snapshot.frontends.size()))
        + QStringLiteral(", ") + tr("%n backend(s)", nullptr, int(m_snapshot.backends.size()))
        + QStringLiteral(", ") + tr("%n server(s)", nullptr, servers);
    return tr("%1 lists %2; %3 of this design bound to them.")
        .arg(shownAddress(), listed, tr("%n element(s)", nullptr, int(m_match.bindings.size())));
}

DesignData ConnectHaproxyDialog::newDesign() const
{
    return HaproxyDiscovery::buildDesign(m_snapshot, m_source);
}

void ConnectHaproxyDialog::finish(bool ok, const QString &text)
{
    m_status->setText(text);
    Q_EMIT readFinished(ok);
}
