// SPDX-License-Identifier: MIT
#pragma once

#include "sources/sourceoptions.h"

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

class LiveSource;
class QObject;

/**
 * What to read and how: the one description of a source that `toposcope probe`, the lab and a
 * design's bindings share. `kind` is one of LiveSourceFactory::kinds(); `address` is what that
 * kind takes (see LiveSourceFactory). Passwords are not part of it: they come from the address
 * typed on a command line, the environment or the UI (LiveSourceFactory::PasswordProvider).
 */
struct SourceSpec
{
    QString kind;
    QString address;
    QString user; ///< overrides a user in the address
    QString
        passwordVariable; ///< the environment variable with the password; see passwordVariable()
    int pollMs = 1000;
    int timeoutMs = 5000;
    bool verifyTls = true;
    QString caFile; ///< a PEM file of CA certificates to trust besides the system's
    // prometheus
    QStringList keys; ///< only these elements (the bound ones); empty: all
    QString selector; ///< label matchers added to every query: job="haproxy"
    int rateWindowSeconds = 60;
    // dns
    QList<QHostAddress> entryPoint; ///< the addresses the domain should point at
    QHostAddress nameserver; ///< null: the system's resolver
    /** An option that is not valid (set by DesignSources::specOf): create() refuses the source
     *  with it. */
    QString invalid;
    // http
    QUrl plainUrl; ///< where to check the plain-HTTP redirect (default: port 80 of the host)
};

/**
 * Makes sources from (kind, address). Kinds and the addresses they take:
 *
 * | kind           | address                                              | source              |
 * |----------------|------------------------------------------------------|---------------------|
 * | haproxy        | stats page URL, http(s)://[user@]host:port/stats     | HaproxyStatsSource  |
 * | haproxy-socket | Runtime API: /path/admin.sock, unix:/path, host:port | HaproxySocketSource |
 * | nginx          | stub_status URL                                      | NginxStatusSource   |
 * | mysql          | host[:port], mysql://user@host:port, socket path     | MysqlSource         |
 * | prometheus     | Prometheus base URL, http://host:9090                | PrometheusSource    |
 * | exporter       | an exporter's /metrics URL                           | ExporterSource      |
 * | http           | the entry point's URL                                | HttpProbeSource     |
 * | syslog         | where to listen: 127.0.0.1:PORT (0: any free port)   | SyslogSource        |
 * | dns            | the domain (SourceSpec::entryPoint: where it should point) | DnsSource     |
 *
 * A URL may leave out "http://". The password: the one in the address (for a command line),
 * else the environment variable SourceSpec::passwordVariable, else TOPOSCOPE_<KIND>_PASSWORD
 * (TOPOSCOPE_HAPROXY_PASSWORD, TOPOSCOPE_MYSQL_PASSWORD...), else TOPOSCOPE_PASSWORD, else the
 * provider's answer (the UI asks the user or the keyring), asked only when a user is set.
 */
class LiveSourceFactory
{
public:
    /** Asked for a password the environment does not hold; return empty for none. */
    using PasswordProvider = std::function<QString(const SourceSpec &spec, const QString &user)>;

    static QStringList kinds();
    /** "HAProxy stats CSV over HTTP(S)", for usage texts. */
    static QString kindDescription(const QString &kind);

    /** The source, or nullptr with `error` set (an unknown kind, an address that is not one). */
    static LiveSource *create(const QString &id,
        const SourceSpec &spec,
        QString *error,
        const PasswordProvider &askPassword = {},
        QObject *parent = nullptr);

    /** The environment variable that holds the spec's password. */
    static QString passwordVariable(const SourceSpec &spec);
    /** The address with any password taken out: what may be shown or saved. */
    static QString redacted(const QString &address);
    /** The URL an address means ("127.0.0.1:8404/stats" → "http://127.0.0.1:8404/stats"). */
    static QUrl urlOf(const QString &address);

    /** The kind an address alone says (a socket path, mysql://, a known path or port); empty
     *  when only the answer can tell. */
    static QString kindFromAddress(const QString &address);
    /** The kind an HTTP answer's body says: haproxy (CSV or the HTML stats page), nginx,
     *  exporter (Prometheus text), prometheus (its API's JSON or its web page); empty for
     *  anything else (a web page: probe it as "http"). */
    static QString kindFromAnswer(const QByteArray &body);
    /** Whether the kind's figures are rates of counters, so that a first reading has none. */
    static bool ratesNeedTwoReadings(const QString &kind);
};
