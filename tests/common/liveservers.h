// SPDX-License-Identifier: MIT
#pragma once

// Real servers for the live tests: HAProxy, Nginx, MariaDB, Prometheus and the exporters from
// Debian's packages, started by the test itself as plain processes in a private temporary
// directory, on loopback, on ports the system hands out, and stopped by the PID the test
// recorded (SIGTERM, then SIGKILL) when the LiveServers::Server goes. Nothing here talks to
// anything but 127.0.0.1.
//
//     LiveServers::Dir dir;                                  // private, removed afterwards
//     const quint16 port = LiveServers::freePort();
//     auto haproxy = LiveServers::haproxy(dir, config);      // config text, checked with -c
//     QVERIFY2(haproxy->ok(), qPrintable(haproxy->error()));
//
// Tests that use this live in a servers/ folder (CTest label `live`). Blocking waits are fine
// here: this is test code, never the application's.

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QUdpSocket>

#include <functional>
#include <memory>
#include <unistd.h>

namespace LiveServers {

/** A free TCP port on 127.0.0.1, picked by the system. */
inline quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

/** A free UDP port on 127.0.0.1, picked by the system. */
inline quint16 freeUdpPort()
{
    QUdpSocket s;
    s.bind(QHostAddress::LocalHost, 0);
    return s.localPort();
}

/** A private directory for one test's servers; short (UNIX socket paths are limited). */
class Dir
{
public:
    Dir()
        : m_dir(QDir::tempPath() + QStringLiteral("/tsl-XXXXXX"))
    { }
    QString path() const { return m_dir.path(); }
    QString file(const QString &name) const { return m_dir.filePath(name); }
    bool write(const QString &name, const QByteArray &text) const
    {
        QFile f(file(name));
        return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
    }

private:
    QTemporaryDir m_dir;
};

inline bool canConnect(quint16 port)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    return s.waitForConnected(200);
}

/** One server process. Stopped by its PID when destroyed. */
class Server
{
public:
    Server(const QString &name, const QString &logFile)
        : m_name(name)
        , m_log(logFile)
    { }
    ~Server() { stop(); }
    Server(const Server &) = delete;
    Server &operator=(const Server &) = delete;

    bool ok() const { return m_error.isEmpty() && m_process.state() == QProcess::Running; }
    QString error() const { return m_error; }
    qint64 pid() const { return m_process.processId(); }
    QString name() const { return m_name; }

    bool start(const QString &program, const QStringList &args)
    {
        const QString exe = QStandardPaths::findExecutable(program,
            { QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin"), QStringLiteral("/sbin") });
        if (exe.isEmpty())
            return fail(QStringLiteral("%1 is not installed (installer/setup.sh)").arg(program));
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setStandardOutputFile(m_log);
        m_process.start(exe, args);
        if (!m_process.waitForStarted(5000))
            return fail(
                QStringLiteral("%1 did not start: %2").arg(program, m_process.errorString()));
        return true;
    }

    /** Waits until `ready` holds, the process dies (its log says why) or `ms` pass. */
    bool waitUntil(const std::function<bool()> &ready, int ms = 20000)
    {
        QDeadlineTimer deadline(ms);
        while (!deadline.hasExpired()) {
            if (m_process.state() != QProcess::Running)
                return fail(QStringLiteral("%1 exited: %2").arg(m_name, log().right(2000)));
            if (ready())
                return true;
            QThread::msleep(50);
        }
        return fail(QStringLiteral("%1 not ready after %2 s: %3")
                        .arg(m_name)
                        .arg(ms / 1000)
                        .arg(log().right(2000)));
    }

    bool waitForPort(quint16 port, int ms = 20000)
    {
        return waitUntil([port] { return canConnect(port); }, ms);
    }

    QString log() const
    {
        QFile f(m_log);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

    /** Stops it: SIGTERM by PID, SIGKILL if it lingers. */
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }

    bool fail(const QString &why)
    {
        if (m_error.isEmpty())
            m_error = why;
        return false;
    }

private:
    QString m_name;
    QString m_log;
    QProcess m_process;
    QString m_error;
};

using ServerPtr = std::unique_ptr<Server>;

/** Runs a program to its end (a configuration check, a client); its output, or why it failed. */
inline bool run(const QString &program, const QStringList &args, QString *output, int ms = 60000)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(ms)) {
        p.kill();
        p.waitForFinished();
        *output = QStringLiteral("%1 did not finish").arg(program);
        return false;
    }
    *output = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

/** HAProxy 2.6 with `config` (checked with `haproxy -c` first), in the foreground (-db). Ready
 *  when `readyPort` accepts. */
inline ServerPtr haproxy(const Dir &dir, const QByteArray &config, quint16 readyPort)
{
    auto s = std::make_unique<Server>(
        QStringLiteral("haproxy"), dir.file(QStringLiteral("haproxy.log")));
    const QString cfg = dir.file(QStringLiteral("haproxy.cfg"));
    QString out;
    if (!dir.write(QStringLiteral("haproxy.cfg"), config))
        s->fail(QStringLiteral("cannot write %1").arg(cfg));
    else if (!run(QStringLiteral("haproxy"),
                 { QStringLiteral("-c"), QStringLiteral("-f"), cfg },
                 &out))
        s->fail(QStringLiteral("haproxy -c refused the configuration: %1").arg(out));
    else if (s->start(
                 QStringLiteral("haproxy"), { QStringLiteral("-db"), QStringLiteral("-f"), cfg }))
        s->waitForPort(readyPort);
    return s;
}

/** Nginx with the `http { }` body given (server blocks), its temp paths in the directory. */
inline ServerPtr nginx(const Dir &dir, const QByteArray &httpBody, quint16 readyPort)
{
    auto s
        = std::make_unique<Server>(QStringLiteral("nginx"), dir.file(QStringLiteral("nginx.log")));
    const QByteArray d = dir.path().toUtf8();
    QDir(dir.path()).mkpath(QStringLiteral("nginx-tmp"));
    const QByteArray conf = "worker_processes 1;\npid " + d + "/nginx.pid;\nerror_log " + d
        + "/nginx-error.log;\nevents { worker_connections 256; }\nhttp {\n    access_log off;\n"
          "    client_body_temp_path "
        + d + "/nginx-tmp;\n    proxy_temp_path " + d + "/nginx-tmp;\n    fastcgi_temp_path " + d
        + "/nginx-tmp;\n    uwsgi_temp_path " + d + "/nginx-tmp;\n    scgi_temp_path " + d
        + "/nginx-tmp;\n" + httpBody + "\n}\n";
    dir.write(QStringLiteral("nginx.conf"), conf);
    const QStringList args = { QStringLiteral("-p"),
        dir.path(),
        QStringLiteral("-c"),
        dir.file(QStringLiteral("nginx.conf")),
        QStringLiteral("-g"),
        QStringLiteral("daemon off;") };
    QString out;
    if (!run(QStringLiteral("nginx"), QStringList{ QStringLiteral("-t") } + args.mid(0, 4), &out))
        s->fail(QStringLiteral("nginx -t refused the configuration: %1").arg(out));
    else if (s->start(QStringLiteral("nginx"), args))
        s->waitForPort(readyPort);
    return s;
}

/** A MariaDB server in dir/<name>: its own datadir, socket and port; root over the socket. */
struct Mariadb
{
    ServerPtr server;
    quint16 port = 0;
    QString socket;
    QString defaultsFile;
    /** Runs SQL with the mariadb client as root over the socket. */
    bool sql(const QString &statements, QString *output) const
    {
        return run(QStringLiteral("mariadb"),
            { QStringLiteral("--defaults-file=") + defaultsFile,
                QStringLiteral("-B"),
                QStringLiteral("-N"),
                QStringLiteral("-e"),
                statements },
            output);
    }
};

inline QByteArray mariadbConfig(const QString &base, quint16 port, int serverId)
{
    const QByteArray b = base.toUtf8();
    QByteArray cnf = "[mysqld]\n";
    if (geteuid() == 0)
        cnf += "user=root\n"; // mariadbd refuses to run as root unless told so
    cnf += "datadir=" + b + "/data\ntmpdir=" + b + "/tmp\nsocket=" + b
        + "/mysqld.sock\npid-file=" + b + "/mysqld.pid\nport=" + QByteArray::number(port)
        + "\nbind-address=127.0.0.1\nserver-id=" + QByteArray::number(serverId)
        + "\nlog-bin=mysql-bin\nskip-name-resolve\ninnodb_buffer_pool_size=16M\n"
          "performance_schema=OFF\nlog-error="
        + b + "/error.log\n[client]\nsocket=" + b + "/mysqld.sock\nuser=root\n";
    return cnf;
}

/**
 * An initialised MariaDB data directory in dir/pristine, made once: copying it is faster than
 * running mariadb-install-db for every server. Empty with `error` set when it fails.
 */
inline QString mariadbPristine(const Dir &dir, QString *error)
{
    const QString base = dir.file(QStringLiteral("pristine"));
    QDir().mkpath(base + QStringLiteral("/data"));
    QDir().mkpath(base + QStringLiteral("/tmp")); // a private tmpdir: install-db is flaky without
    const QString cnf = base + QStringLiteral("/my.cnf");
    QFile f(cnf);
    if (!f.open(QIODevice::WriteOnly) || f.write(mariadbConfig(base, 0, 1)) < 0) {
        *error = QStringLiteral("cannot write %1").arg(cnf);
        return QString();
    }
    f.close();
    // Every MariaDB tool gets --defaults-file first, or /etc/mysql applies.
    QString out;
    if (!run(QStringLiteral("mariadb-install-db"),
            { QStringLiteral("--defaults-file=") + cnf,
                QStringLiteral("--auth-root-authentication-method=normal"),
                QStringLiteral("--skip-test-db"),
                // No name check: a fresh root may have no /etc/hosts (servers use addresses).
                QStringLiteral("--force") },
            &out,
            120000)) {
        *error = QStringLiteral("mariadb-install-db failed: %1").arg(out.right(2000));
        return QString();
    }
    return base + QStringLiteral("/data");
}

/** A MariaDB server in dir/<name> from a copy of `pristine`: its own datadir, socket and port;
 *  root without a password over the socket. */
inline Mariadb mariadb(const Dir &dir, const QString &name, int serverId, const QString &pristine)
{
    Mariadb m;
    m.server = std::make_unique<Server>(name, dir.file(name + QStringLiteral(".log")));
    const QString base = dir.file(name);
    QDir().mkpath(base + QStringLiteral("/tmp"));
    m.port = freePort();
    m.socket = base + QStringLiteral("/mysqld.sock");
    m.defaultsFile = base + QStringLiteral("/my.cnf");
    QString out;
    if (!run(QStringLiteral("cp"),
            { QStringLiteral("-a"), pristine, base + QStringLiteral("/data") },
            &out)) {
        m.server->fail(QStringLiteral("cannot copy the data directory: %1").arg(out));
        return m;
    }
    // Each server starts its own binary log: none comes from the copy.
    const QDir data(base + QStringLiteral("/data"));
    for (const QString &log : data.entryList({ QStringLiteral("mysql-bin.*") }, QDir::Files))
        QFile::remove(data.filePath(log));
    QFile f(m.defaultsFile);
    const QByteArray cnf = mariadbConfig(base, m.port, serverId);
    if (!f.open(QIODevice::WriteOnly) || f.write(cnf) != cnf.size()) {
        m.server->fail(QStringLiteral("cannot write %1").arg(m.defaultsFile));
        return m;
    }
    f.close();
    if (m.server->start(
            QStringLiteral("mariadbd"), { QStringLiteral("--defaults-file=") + m.defaultsFile }))
        m.server->waitUntil([&m] { return QFile::exists(m.socket) && canConnect(m.port); }, 60000);
    return m;
}

/** Prometheus with `yml` as its configuration, its storage in the directory. */
inline ServerPtr prometheus(const Dir &dir, const QByteArray &yml, quint16 port)
{
    auto s = std::make_unique<Server>(
        QStringLiteral("prometheus"), dir.file(QStringLiteral("prometheus.log")));
    dir.write(QStringLiteral("prometheus.yml"), yml);
    if (s->start(QStringLiteral("prometheus"),
            { QStringLiteral("--config.file=") + dir.file(QStringLiteral("prometheus.yml")),
                QStringLiteral("--storage.tsdb.path=")
                    + dir.file(QStringLiteral("prometheus-data")),
                QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port) }))
        s->waitForPort(port, 30000);
    return s;
}

/** Any other long-running program (an exporter), ready when `port` accepts. */
inline ServerPtr program(const Dir &dir, const QString &name, const QStringList &args, quint16 port)
{
    auto s = std::make_unique<Server>(name, dir.file(name + QStringLiteral(".log")));
    if (s->start(name, args))
        s->waitForPort(port);
    return s;
}

/**
 * A self-signed certificate for 127.0.0.1 and localhost, valid for `days`, made with the
 * openssl tool: dir/<name>.pem and dir/<name>.key. False with `error` when openssl fails.
 */
inline bool selfSignedCertificate(const Dir &dir, const QString &name, int days, QString *error)
{
    return run(QStringLiteral("openssl"),
        { QStringLiteral("req"),
            QStringLiteral("-x509"),
            QStringLiteral("-newkey"),
            QStringLiteral("rsa:2048"),
            QStringLiteral("-nodes"),
            QStringLiteral("-keyout"),
            dir.file(name + QStringLiteral(".key")),
            QStringLiteral("-out"),
            dir.file(name + QStringLiteral(".pem")),
            QStringLiteral("-days"),
            QString::number(days),
            QStringLiteral("-subj"),
            QStringLiteral("/CN=127.0.0.1"),
            QStringLiteral("-addext"),
            QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost") },
        error);
}

/** A plain HTTP GET over loopback, blocking; the status (0 when there was no answer). */
inline int httpGet(quint16 port, const QByteArray &path, QByteArray *body = nullptr)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(2000))
        return 0;
    s.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    while (s.waitForReadyRead(5000))
        answer += s.readAll();
    answer += s.readAll();
    const int status = answer.startsWith("HTTP/1.") ? answer.mid(9, 3).toInt() : 0;
    if (body)
        *body = answer.mid(answer.indexOf("\r\n\r\n") + 4);
    return status;
}

} // namespace LiveServers
