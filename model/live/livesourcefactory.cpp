// SPDX-License-Identifier: MIT
#include "livesourcefactory.h"

#include "sources/dnssource.h"
#include "sources/exportersource.h"
#include "sources/haproxysocketsource.h"
#include "sources/haproxystatssource.h"
#include "sources/httpprobesource.h"
#include "sources/mysqlsource.h"
#include "sources/nginxstatussource.h"
#include "sources/prometheussource.h"
#include "sources/syslogsource.h"

#include <QFile>
#include <QRegularExpression>
#include <QSslCertificate>

namespace {

const char *const Kinds[][2] = {
    { "haproxy", "HAProxy stats CSV over HTTP(S)" },
    { "haproxy-socket", "HAProxy Runtime API over a UNIX socket or TCP" },
    { "nginx", "Nginx (or Tengine) stub_status" },
    { "mysql", "MySQL or MariaDB" },
    { "prometheus", "Prometheus HTTP API" },
    { "exporter", "an exporter's /metrics (HAProxy, Nginx, MySQL)" },
    { "http", "HTTP(S) probe of the entry point" },
    { "syslog", "syslog listener (UDP) for HAProxy and Nginx access logs" },
    { "dns", "DNS records of a domain" },
};

bool isUrlKind(const QString &kind)
{
    return kind == QLatin1String("haproxy") || kind == QLatin1String("nginx")
        || kind == QLatin1String("prometheus") || kind == QLatin1String("exporter")
        || kind == QLatin1String("http");
}

} // namespace

QStringList LiveSourceFactory::kinds()
{
    QStringList out;
    for (const auto &k : Kinds)
        out.append(QString::fromLatin1(k[0]));
    return out;
}

QString LiveSourceFactory::kindDescription(const QString &kind)
{
    for (const auto &k : Kinds) {
        if (kind == QLatin1String(k[0]))
            return QString::fromLatin1(k[1]);
    }
    return QString();
}

QUrl LiveSourceFactory::urlOf(const QString &address)
{
    const QString a = address.trimmed();
    return QUrl(
        a.contains(QLatin1String("://")) ? a : QStringLiteral("http://") + a, QUrl::StrictMode);
}

QString LiveSourceFactory::passwordVariable(const SourceSpec &spec)
{
    if (!spec.passwordVariable.isEmpty())
        return spec.passwordVariable;
    QString kind = spec.kind.section(u'-', 0, 0).toUpper();
    return QStringLiteral("TOPOSCOPE_%1_PASSWORD").arg(kind);
}

QString LiveSourceFactory::redacted(const QString &address)
{
    if (!address.contains(QLatin1String("://")))
        return address;
    QUrl url(address);
    if (!url.isValid() || url.password().isEmpty())
        return address;
    url.setPassword(QString());
    return url.toString();
}

LiveSource *LiveSourceFactory::create(const QString &id,
    const SourceSpec &spec,
    QString *error,
    const PasswordProvider &askPassword,
    QObject *parent)
{
    const auto fail = [error](const QString &why) -> LiveSource * {
        if (error)
            *error = why;
        return nullptr;
    };
    if (!kinds().contains(spec.kind))
        return fail(QStringLiteral("unknown kind \"%1\" (%2)")
                        .arg(spec.kind, kinds().join(QStringLiteral(", "))));
    if (spec.address.trimmed().isEmpty())
        return fail(QStringLiteral("no address for the %1 source").arg(spec.kind));
    if (!spec.invalid.isEmpty())
        return fail(spec.invalid);

    SourceOptions options;
    options.timeoutMs = spec.timeoutMs;
    options.verifyTls = spec.verifyTls;
    if (!spec.caFile.isEmpty()) {
        QFile f(spec.caFile);
        if (!f.open(QIODevice::ReadOnly))
            return fail(
                QStringLiteral("cannot read the CA file %1: %2").arg(spec.caFile, f.errorString()));
        options.trusted = QSslCertificate::fromData(f.read(1 << 20), QSsl::Pem);
        if (options.trusted.isEmpty())
            return fail(QStringLiteral("%1 holds no PEM certificate").arg(spec.caFile));
    }

    // Who logs in, and with what.
    QString addressUser;
    QString addressPassword;
    QUrl url;
    if (isUrlKind(spec.kind) || spec.address.startsWith(QLatin1String("mysql://"))) {
        url = urlOf(spec.address);
        if (!url.isValid() || url.host().isEmpty())
            return fail(QStringLiteral("\"%1\" is not a URL").arg(redacted(spec.address)));
        if (isUrlKind(spec.kind) && url.scheme() != QLatin1String("http")
            && url.scheme() != QLatin1String("https"))
            return fail(QStringLiteral("\"%1\" is not an http:// or https:// URL")
                            .arg(redacted(spec.address)));
        addressUser = url.userName();
        addressPassword = url.password();
        url.setUserInfo(QString());
    }
    options.user = !spec.user.isEmpty() ? spec.user : addressUser;
    if (spec.kind == QLatin1String("mysql") && options.user.isEmpty())
        options.user = qEnvironmentVariable("USER", QStringLiteral("root"));
    options.password = addressPassword;
    if (options.password.isEmpty())
        options.password = qEnvironmentVariable(qPrintable(passwordVariable(spec)));
    if (options.password.isEmpty())
        options.password = qEnvironmentVariable("TOPOSCOPE_PASSWORD");
    if (options.password.isEmpty() && !options.user.isEmpty() && askPassword)
        options.password = askPassword(spec, options.user);

    LiveSource *source = nullptr;
    const QString &k = spec.kind;
    if (k == QLatin1String("haproxy")) {
        source = new HaproxyStatsSource(id, url, options, parent);
    } else if (k == QLatin1String("haproxy-socket")) {
        source = new HaproxySocketSource(id, spec.address.trimmed(), options, parent);
    } else if (k == QLatin1String("nginx")) {
        source = new NginxStatusSource(id, url, options, parent);
    } else if (k == QLatin1String("mysql")) {
        MysqlWorker::Target target;
        QString why;
        if (!MysqlSource::parseAddress(spec.address, &target, &why))
            return fail(why);
        source = new MysqlSource(id, spec.address.trimmed(), options, parent);
    } else if (k == QLatin1String("prometheus")) {
        auto *p = new PrometheusSource(id, url, options, parent);
        p->setKeys(spec.keys);
        p->setSelector(spec.selector);
        p->setRateWindow(spec.rateWindowSeconds);
        source = p;
    } else if (k == QLatin1String("exporter")) {
        if (url.path().isEmpty() || url.path() == QLatin1String("/"))
            url.setPath(QStringLiteral("/metrics"));
        source = new ExporterSource(id, url, options, parent);
    } else if (k == QLatin1String("http")) {
        auto *h = new HttpProbeSource(id, url, options, parent);
        if (spec.plainUrl.isValid())
            h->setPlainUrl(spec.plainUrl);
        source = h;
    } else if (k == QLatin1String("syslog")) {
        QString a = spec.address.trimmed();
        if (a.startsWith(QLatin1String("udp://")))
            a = a.mid(6);
        const QUrl listen(QStringLiteral("udp://") + a);
        const QHostAddress host(listen.host());
        if (!listen.isValid() || host.isNull() || listen.port() < 0)
            return fail(
                QStringLiteral("\"%1\" is not address:port to listen on").arg(spec.address));
        source = new SyslogSource(id, host, quint16(listen.port()), parent);
    } else if (k == QLatin1String("dns")) {
        static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9_.-]+$"));
        if (!name.match(spec.address.trimmed()).hasMatch())
            return fail(QStringLiteral("\"%1\" is not a domain name").arg(spec.address));
        auto *d = new DnsSource(id, spec.address.trimmed(), spec.entryPoint, parent);
        if (!spec.nameserver.isNull())
            d->setNameserver(spec.nameserver);
        d->setTimeout(spec.timeoutMs);
        source = d;
    }
    if (source)
        source->setPollInterval(spec.pollMs);
    return source;
}

QString LiveSourceFactory::kindFromAddress(const QString &address)
{
    const QString a = address.trimmed();
    if (a.startsWith(QLatin1String("mysql://")))
        return QStringLiteral("mysql");
    if (a.startsWith(QLatin1String("udp://")) || a.startsWith(QLatin1String("syslog://")))
        return QStringLiteral("syslog");
    if (a.startsWith(u'/') || a.startsWith(QLatin1String("unix:")))
        return a.contains(QLatin1String("mysql"), Qt::CaseInsensitive)
            ? QStringLiteral("mysql")
            : QStringLiteral("haproxy-socket");
    const QUrl url = urlOf(a);
    if (!url.isValid())
        return QString();
    const QString path = url.path();
    if (!a.contains(QLatin1String("://")) && (path.isEmpty() || path == QLatin1String("/"))
        && url.port() == 3306)
        return QStringLiteral("mysql");
    if (path.contains(QLatin1String(";csv")))
        return QStringLiteral("haproxy");
    if (path.endsWith(QLatin1String("stub_status")) || path.endsWith(QLatin1String("nginx_status")))
        return QStringLiteral("nginx");
    if (path.startsWith(QLatin1String("/api/v1")))
        return QStringLiteral("prometheus");
    return QString();
}

QString LiveSourceFactory::kindFromAnswer(const QByteArray &body)
{
    const QByteArray head = body.left(4096).trimmed();
    if (head.startsWith("# pxname"))
        return QStringLiteral("haproxy");
    if (head.startsWith("Active connections:"))
        return QStringLiteral("nginx");
    if (head.contains("Statistics Report for HAProxy"))
        return QStringLiteral("haproxy");
    if (head.startsWith("{") && head.contains("\"status\"")
        && (head.contains("\"success\"") || head.contains("\"error\"")))
        return QStringLiteral("prometheus");
    if (head.contains("<title>Prometheus"))
        return QStringLiteral("prometheus");
    static const QRegularExpression sample(
        QStringLiteral(
            "^(# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* |[a-zA-Z_:][a-zA-Z0-9_:]*(\\{[^}]*\\})? "
            "([-+]?[0-9.]+([eE][-+]?[0-9]+)?|[-+]?Inf|NaN)( -?[0-9]+)?\\s*$)"),
        QRegularExpression::MultilineOption);
    if (sample.match(QString::fromUtf8(head)).hasMatch())
        return QStringLiteral("exporter");
    return QString();
}

bool LiveSourceFactory::ratesNeedTwoReadings(const QString &kind)
{
    return kind == QLatin1String("haproxy") || kind == QLatin1String("haproxy-socket")
        || kind == QLatin1String("nginx") || kind == QLatin1String("mysql")
        || kind == QLatin1String("exporter");
}
