// SPDX-License-Identifier: MIT
#pragma once

#include "lab/labstate.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonObject>
#include <QLocalSocket>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>

// One lab of real servers for a live test: `toposcope lab up` in a private directory, the
// state it leaves, small blocking helpers to talk to its servers (HTTP GET, the HAProxy Runtime
// API, SQL through the mariadb client with the lab's option files), and `lab down`.
class LabFixture
{
public:
    LabFixture();
    ~LabFixture();

    /** Runs `toposcope lab ARGS...` with this lab's directory; returns the exit code. */
    int lab(const QStringList &args,
        QString *out = nullptr,
        QString *err = nullptr,
        int timeoutMs = 180000) const;
    /** Runs `toposcope ARGS...` with this lab's directory (watch --source lab reads it). */
    int toposcope(const QStringList &args,
        QString *out = nullptr,
        QString *err = nullptr,
        int timeoutMs = 180000) const;
    /** The environment every command of this lab runs with. */
    QProcessEnvironment environment() const;
    /** Starts `lab load --rate R --duration S` in `process` (left running); whether it started. */
    bool startLoad(QProcess *process, int rate, int seconds) const;
    /** `lab up [DESIGN]`; true when it succeeded and its state could be read. */
    bool up(QString *why, const QString &design = {});
    bool down(QString *why);

    const LabState &state() const { return m_state; }
    QString directory() const { return m_dir.path() + QStringLiteral("/lab"); }
    QString designPath() const { return m_designPath; }
    /** The address `lab status` gives for the server called `name`. */
    QString address(const QString &name) const;

    static QByteArray get(const QString &url, int *status = nullptr);
    /** A Runtime API command on the balancer's socket; the answer. */
    QByteArray runtime(const QString &balancer, const QByteArray &command) const;
    static QByteArray runtimeAt(const QString &socketPath, const QByteArray &command);
    /** SQL as root through the database's own option file; the output, or empty with `error`. */
    QString sql(const QString &database, const QString &statement, QString *error = nullptr) const;
    /** Why a server of `lab status --format json` does not answer where it says, on loopback,
     *  as its kind does (HTTP 200; a MariaDB greeting, with a password file; the Runtime
     *  API's `show info`), or empty when it does. */
    static QString unanswered(const QJsonObject &server);
    /** The CSV rows of the balancer's stats page, by "pxname/svname". */
    QHash<QString, QHash<QString, QString>> stats(const QString &balancer) const;

private:
    QTemporaryDir m_dir;
    LabState m_state;
    QString m_designPath;
    bool m_up = false;
};

inline LabFixture::LabFixture()
    : m_dir(QDir::tempPath() + QStringLiteral("/tslab-XXXXXX"))
{ }

inline LabFixture::~LabFixture()
{
    if (m_up) {
        QString ignored;
        down(&ignored);
    }
}

inline QProcessEnvironment LabFixture::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TOPOSCOPE_LAB_DIR"), directory());
    // The pristine MariaDB datadir is made once and kept beside the tests.
    env.insert(QStringLiteral("TOPOSCOPE_LAB_CACHE"),
        QCoreApplication::applicationDirPath() + QStringLiteral("/lab-cache"));
    return env;
}

inline bool LabFixture::startLoad(QProcess *process, int rate, int seconds) const
{
    process->setProcessEnvironment(environment());
    process->start(QStringLiteral(TOPOSCOPE_BINARY),
        { QStringLiteral("lab"),
            QStringLiteral("load"),
            QStringLiteral("--rate"),
            QString::number(rate),
            QStringLiteral("--duration"),
            QString::number(seconds) });
    return process->waitForStarted();
}

inline int LabFixture::lab(const QStringList &args, QString *out, QString *err, int timeoutMs) const
{
    return toposcope(QStringList{ QStringLiteral("lab") } + args, out, err, timeoutMs);
}

inline int LabFixture::toposcope(
    const QStringList &args, QString *out, QString *err, int timeoutMs) const
{
    QProcess p;
    p.setProcessEnvironment(environment());
    p.start(QStringLiteral(TOPOSCOPE_BINARY), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        if (err)
            *err = QStringLiteral("toposcope %1 did not finish").arg(args.join(u' '));
        return -1;
    }
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput());
    if (err)
        *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

inline bool LabFixture::up(QString *why, const QString &design)
{
    QString out, err;
    QStringList args{ QStringLiteral("up") };
    if (!design.isEmpty())
        args.append(design);
    const int code = lab(args, &out, &err);
    m_up = true; // even half started, it must come down
    if (code != 0) {
        *why = QStringLiteral("lab up exited %1:\n%2\n%3").arg(code).arg(out, err);
        return false;
    }
    m_designPath = out.trimmed().split(u'\n').constLast();
    QFile f(directory() + QStringLiteral("/lab.json"));
    if (!f.open(QIODevice::ReadOnly) || !LabState::fromJson(f.readAll(), &m_state, why))
        return false;
    return true;
}

inline bool LabFixture::down(QString *why)
{
    QString out, err;
    const int code = lab({ QStringLiteral("down") }, &out, &err);
    m_up = code != 0;
    if (code != 0)
        *why = err;
    return code == 0;
}

inline QString LabFixture::address(const QString &name) const
{
    for (const LabState::Server &s : m_state.servers) {
        if (s.name == name)
            return s.address;
    }
    return {};
}

inline QByteArray LabFixture::get(const QString &url, int *status)
{
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request{ QUrl(url) };
    request.setTransferTimeout(10000);
    QNetworkReply *reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

inline QByteArray LabFixture::runtime(const QString &balancer, const QByteArray &command) const
{
    return runtimeAt(address(balancer + QStringLiteral("-socket")), command);
}

inline QByteArray LabFixture::runtimeAt(const QString &socketPath, const QByteArray &command)
{
    QLocalSocket socket;
    socket.connectToServer(socketPath);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(command + '\n');
    socket.waitForBytesWritten(5000);
    QByteArray answer;
    // HAProxy answers and closes the connection (non-interactive mode).
    while (socket.state() == QLocalSocket::ConnectedState && socket.waitForReadyRead(5000))
        answer += socket.readAll();
    answer += socket.readAll();
    return answer;
}

inline QString LabFixture::unanswered(const QJsonObject &server)
{
    const QString kind = server.value(QStringLiteral("kind")).toString();
    const QString address = server.value(QStringLiteral("address")).toString();
    const QString where = kind + u' ' + address;
    if (server.value(QStringLiteral("name")).toString().isEmpty())
        return QStringLiteral("no name: ") + where;
    if (address.startsWith(QLatin1String("http://"))) {
        if (!address.startsWith(QLatin1String("http://127.0.0.1:")))
            return QStringLiteral("not on loopback: ") + where;
        int code = 0;
        get(address, &code);
        return code == 200 ? QString() : QStringLiteral("%1 answered %2").arg(where).arg(code);
    }
    if (kind == QLatin1String("mysql")) {
        if (!address.startsWith(QLatin1String("127.0.0.1:")))
            return QStringLiteral("not on loopback: ") + where;
        if (server.value(QStringLiteral("password_file")).toString().isEmpty())
            return QStringLiteral("no password file: ") + where;
        QTcpSocket socket;
        socket.connectToHost(
            QStringLiteral("127.0.0.1"), quint16(address.section(u':', 1).toInt()));
        return socket.waitForReadyRead(5000) ? QString() : QStringLiteral("no greeting: ") + where;
    }
    if (kind == QLatin1String("haproxy-socket")) {
        return runtimeAt(address, "show info").contains("Name: HAProxy")
            ? QString()
            : QStringLiteral("no answer to show info: ") + where;
    }
    return {};
}

inline QString LabFixture::sql(
    const QString &database, const QString &statement, QString *error) const
{
    QProcess p;
    p.start(QStringLiteral("mariadb"),
        { QStringLiteral("--defaults-file=") + directory() + u'/' + database
                + QStringLiteral("/my.cnf"),
            QStringLiteral("--batch"),
            QStringLiteral("--skip-column-names"),
            QStringLiteral("-e"),
            statement });
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        if (error)
            *error = QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

inline QHash<QString, QHash<QString, QString>> LabFixture::stats(const QString &balancer) const
{
    QHash<QString, QHash<QString, QString>> rows;
    const QList<QByteArray> lines = get(address(balancer)).split('\n');
    if (lines.isEmpty() || !lines.constFirst().startsWith("# "))
        return rows;
    const QList<QByteArray> header = lines.constFirst().mid(2).split(',');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> fields = lines.at(i).split(',');
        if (fields.size() < 2)
            continue;
        QHash<QString, QString> row;
        for (qsizetype c = 0; c < header.size() && c < fields.size(); ++c)
            row.insert(QString::fromLatin1(header.at(c)), QString::fromLatin1(fields.at(c)));
        rows.insert(QString::fromLatin1(fields.at(0) + '/' + fields.at(1)), row);
    }
    return rows;
}
