// SPDX-License-Identifier: MIT
#include "connecthaproxydialog.h"

#include "live/parsers/haproxycsv.h"
#include "live/sources/haproxystatssource.h"
#include "live/sources/httpfetcher.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

ConnectHaproxyDialog::ConnectHaproxyDialog(const DesignData &design, QWidget *parent)
    : QDialog(parent)
    , m_design(design)
    , m_http(new HttpFetcher(this))
{
    setWindowTitle(tr("Connect to HAProxy"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Read a running HAProxy's statistics page: its frontends, "
                                "backends and servers are matched to this design by name and "
                                "address, or drawn as a new design."));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    auto *row = new QHBoxLayout;
    m_address = new QLineEdit;
    m_address->setPlaceholderText(QStringLiteral("http://127.0.0.1:8404/stats"));
    m_address->setClearButtonEnabled(true);
    m_address->setMinimumWidth(360);
    m_read = new QPushButton(tr("&Read"));
    m_read->setEnabled(false);
    row->addWidget(m_address, 1);
    row->addWidget(m_read);
    auto *label = new QLabel(tr("&Statistics page:"));
    label->setBuddy(m_address);
    form->addRow(label, row);
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
    m_details->setPlaceholderText(tr("What the page lists appears here."));
    m_details->setMinimumHeight(140);
    layout->addWidget(m_details, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_bind = buttons->addButton(tr("&Bind to This Design"), QDialogButtonBox::AcceptRole);
    m_new = buttons->addButton(tr("Open as &New Design"), QDialogButtonBox::AcceptRole);
    m_bind->setEnabled(false);
    m_new->setEnabled(false);
    layout->addWidget(buttons);

    // Room for the wrapped lines at any scale: their height is known only once laid out.
    resize(620, 400);

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
}

ConnectHaproxyDialog::~ConnectHaproxyDialog() = default;

void ConnectHaproxyDialog::setAddress(const QString &address)
{
    m_address->setText(address);
}

void ConnectHaproxyDialog::read()
{
    QString text = m_address->text().trimmed();
    if (text.isEmpty())
        return;
    if (!text.contains(QLatin1String("://")))
        text.prepend(QStringLiteral("http://"));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        || url.host().isEmpty()) {
        finish(false, tr("“%1” is not an HTTP address of a statistics page.").arg(text));
        return;
    }
    m_http->abortAll();
    const int generation = ++m_generation;
    m_hasResult = false;
    m_bind->setEnabled(false);
    m_new->setEnabled(false);
    m_status->setText(tr("Reading %1…").arg(HttpFetcher::shown(url)));
    m_details->clear();
    m_http->get(
        HaproxyStatsSource::csvUrl(url), [this, generation, url](const HttpFetcher::Result &r) {
            if (generation != m_generation)
                return;
            if (!r.answered) {
                finish(false, tr("No answer from %1: %2").arg(HttpFetcher::shown(url), r.error));
                return;
            }
            if (r.status != 200) {
                finish(false, HttpFetcher::describeStatus(r, url, false));
                return;
            }
            const HaproxyCsv::Result rows = HaproxyCsv::parse(r.body);
            if (!rows.ok) {
                finish(false,
                    tr("%1 does not answer with HAProxy statistics: %2")
                        .arg(HttpFetcher::shown(url), rows.error));
                return;
            }
            m_snapshot = HaproxyDiscovery::snapshotOf(rows.rows);
            // The page as a source of the design, under an id the design does not use yet.
            m_source = SourceConfig();
            m_source.kind = QStringLiteral("haproxy");
            m_source.address = url.toString();
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
        });
}

QString ConnectHaproxyDialog::summary() const
{
    int servers = 0;
    for (const HaproxySnapshot::Backend &b : m_snapshot.backends)
        servers += int(b.servers.size());
    const QString found = tr("%n frontend(s)", nullptr, int(m_snapshot.frontends.size()))
        + QStringLiteral(", ") + tr("%n backend(s)", nullptr, int(m_snapshot.backends.size()))
        + QStringLiteral(", ") + tr("%n server(s)", nullptr, servers);
    return tr("%1 lists %2; %3 of this design bound to them.")
        .arg(HttpFetcher::shown(QUrl(m_source.address)),
            found,
            tr("%n element(s)", nullptr, int(m_match.bindings.size())));
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
