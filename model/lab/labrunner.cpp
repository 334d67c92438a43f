// SPDX-License-Identifier: MIT
#include "labrunner.h"

#include "io/topofile.h"
#include "processtable.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QUdpSocket>

#include <cstdio>
#include <functional>
#include <memory>
#include <unistd.h>

namespace {

constexpr int MaxSocketPath = 100; // sockaddr_un holds 108 bytes, with the final NUL

QString randomPassword()
{
    static const char alphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString out;
    for (int i = 0; i < 24; ++i)
        out.append(QChar::fromLatin1(
            alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))]));
    return out;
}

/** Writes `content` to a temporary file and renames it over `path`: readers never see half a
 *  file. No fsync (unlike QSaveFile): the lab's files are recreated by every `lab up`, and a
 *  dozen syncs on a busy disk cost seconds. */
bool writeFile(const QString &path, const QByteArray &content, bool secret, QString *error)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = QStringLiteral("cannot create %1").arg(QFileInfo(path).absolutePath());
        return false;
    }
    const QString temporary = path + QStringLiteral(".new");
    QFile f(temporary);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("cannot write %1: %2").arg(temporary, f.errorString());
        return false;
    }
    f.setPermissions(secret
            ? QFile::ReadOwner | QFile::WriteOwner
            : QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    const bool written = f.write(content) == content.size() && f.flush();
    f.close();
    if (!written
        || ::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData())
            != 0) {
        *error = QStringLiteral("cannot write %1").arg(path);
        QFile::remove(temporary);
        return false;
    }
    return true;
}

bool copyTree(const QString &from, const QString &to, QString *error)
{
    if (!QDir().mkpath(to)) {
        *error = QStringLiteral("cannot create %1").arg(to);
        return false;
    }
    QDirIterator it(
        from, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = to + path.mid(from.size());
        const QFileInfo info = it.fileInfo();
        if (info.isDir()) {
            if (!QDir().mkpath(target)) {
                *error = QStringLiteral("cannot create %1").arg(target);
                return false;
            }
        } else {
            // Not QFile::copy: it syncs every file, and a datadir is hundreds of small ones.
            QFile in(path);
            QFile out(target);
            bool ok = in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly);
            while (ok && !in.atEnd()) {
                const QByteArray chunk = in.read(1 << 20);
                ok = !chunk.isEmpty() && out.write(chunk) == chunk.size();
            }
            if (!ok) {
                *error = QStringLiteral("cannot copy %1 to %2").arg(path, target);
                return false;
            }
            out.setPermissions(in.permissions());
        }
    }
    return true;
}

QString sourceHash(const DesignData &design)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(TopoFile::serialize(design), QCryptographicHash::Sha256).toHex());
}

QString seconds(qint64 ms)
{
    return QString::number(ms / 1000.0, 'f', 1) + QStringLiteral(" s");
}

} // namespace

LabRunner::LabRunner(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    if (m_options.directory.isEmpty())
        m_options.directory = defaultDirectory();
    if (m_options.cacheDirectory.isEmpty())
        m_options.cacheDirectory = defaultCacheDirectory();
    m_options.directory = QDir::cleanPath(QDir(m_options.directory).absolutePath());
}

QString LabRunner::defaultDirectory()
{
    const QString given = qEnvironmentVariable("TOPOSCOPE_LAB_DIR");
    if (!given.isEmpty())
        return given;
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && QFileInfo(runtime).isDir())
        return runtime + QStringLiteral("/toposcope-lab");
    return QDir::homePath() + QStringLiteral("/.cache/toposcope/lab");
}

QString LabRunner::defaultCacheDirectory()
{
    const QString given = qEnvironmentVariable("TOPOSCOPE_LAB_CACHE");
    if (!given.isEmpty())
        return given;
    return QDir::homePath() + QStringLiteral("/.cache/toposcope");
}

QString LabRunner::statePath() const
{
    return m_options.directory + QStringLiteral("/lab.json");
}

std::optional<LabState> LabRunner::state(QString *error) const
{
    QFile f(statePath());
    if (!f.exists())
        return std::nullopt;
    LabState s;
    QString why;
    if (!f.open(QIODevice::ReadOnly) || !LabState::fromJson(f.read(16 * 1024 * 1024), &s, &why)) {
        if (error)
            *error
                = QStringLiteral("%1: %2").arg(statePath(), why.isEmpty() ? f.errorString() : why);
        return std::nullopt;
    }
    return s;
}

bool LabRunner::writeState(const LabState &state, QString *error) const
{
    return writeFile(statePath(), state.toJson(), false, error);
}

QStringList LabRunner::deadProcesses(const LabState &state)
{
    QStringList dead;
    for (const LabState::Process &p : state.processes) {
        if (!ProcessTable::isRunning(p.pid, p.startTime))
            dead.append(p.name);
    }
    return dead;
}

qint64 LabRunner::rssKiB(const LabState &state)
{
    qint64 total = 0;
    for (const LabState::Process &p : state.processes) {
        if (!ProcessTable::isRunning(p.pid, p.startTime))
            continue;
        total += ProcessTable::rssKiB(p.pid);
        for (qint64 child : ProcessTable::children(p.pid))
            total += ProcessTable::rssKiB(child);
    }
    return total;
}

QString LabRunner::logTail(const QString &path) const
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    if (f.size() > 2048)
        f.seek(f.size() - 2048);
    QStringList lines = QString::fromUtf8(f.readAll()).trimmed().split(u'\n');
    if (lines.size() > 6)
        lines = lines.mid(lines.size() - 6);
    return lines.join(QStringLiteral("\n    "));
}

bool LabRunner::ensurePristine(QString *pristine, QString *error)
{
    // One pristine datadir per MariaDB build: initialising takes seconds, copying a fraction.
    const QFileInfo server(m_options.programs.mariadbd);
    const QString tag = QString::fromLatin1(
        QCryptographicHash::hash(QStringLiteral("%1 %2 %3")
                                     .arg(server.canonicalFilePath())
                                     .arg(server.size())
                                     .arg(server.lastModified().toMSecsSinceEpoch())
                                     .toUtf8(),
            QCryptographicHash::Sha256)
            .toHex()
            .left(16));
    *pristine = m_options.cacheDirectory + QStringLiteral("/mariadb-pristine-") + tag;
    if (QFileInfo::exists(*pristine + QStringLiteral("/mysql")))
        return true;
    Q_EMIT progress(QStringLiteral("initialising a pristine MariaDB datadir (once per version)"));
    if (!QDir().mkpath(m_options.cacheDirectory)) {
        *error = QStringLiteral("cannot create %1").arg(m_options.cacheDirectory);
        return false;
    }
    QTemporaryDir work(m_options.cacheDirectory + QStringLiteral("/mariadb-init-XXXXXX"));
    if (!work.isValid()) {
        *error = QStringLiteral("cannot create a directory in %1").arg(m_options.cacheDirectory);
        return false;
    }
    const QString cnf = work.filePath(QStringLiteral("my.cnf"));
    QString text = QStringLiteral("[mariadbd]\ndatadir = %1/data\ntmpdir = %1/tmp\n"
                                  "innodb_log_file_size = 8M\ninnodb_buffer_pool_size = 16M\n"
                                  "skip_name_resolve = ON\n")
                       .arg(work.path());
    if (::geteuid() == 0)
        text += QStringLiteral("user = root\n");
    if (!writeFile(cnf, text.toUtf8(), false, error)
        || !QDir().mkpath(work.filePath(QStringLiteral("tmp"))))
        return false;
    QProcess init;
    init.setProcessChannelMode(QProcess::MergedChannels);
    init.start(m_options.programs.mariadbInstallDb,
        { QStringLiteral("--defaults-file=") + cnf,
            QStringLiteral("--skip-test-db"),
            QStringLiteral("--auth-root-authentication-method=normal"),
            // A machine whose hostname is not in /etc/hosts (a fresh container or chroot)
            // fails install-db's name check: the lab's servers are reached by address only.
            QStringLiteral("--force") });
    if (!init.waitForFinished(120000) || init.exitStatus() != QProcess::NormalExit
        || init.exitCode() != 0) {
        *error = QStringLiteral("mariadb-install-db failed: %1")
                     .arg(QString::fromLocal8Bit(init.readAll().right(1500)).trimmed());
        return false;
    }
    // Another lab may have made it meanwhile: then keep theirs.
    if (!QDir().rename(work.filePath(QStringLiteral("data")), *pristine)
        && !QFileInfo::exists(*pristine + QStringLiteral("/mysql"))) {
        *error = QStringLiteral("cannot move the datadir to %1").arg(*pristine);
        return false;
    }
    return true;
}

bool LabRunner::prepareDatabases(const LabPlan &plan, QString *error)
{
    if (plan.databases.isEmpty())
        return true;
    QString pristine;
    if (!ensurePristine(&pristine, error))
        return false;
    for (const LabPlan::Process &p : plan.processes) {
        if (!plan.databases.contains(p.element) || p.stage != 0)
            continue;
        if (!copyTree(pristine, p.directory + QStringLiteral("/data"), error))
            return false;
        for (const char *sub : { "tmp", "binlog" })
            QDir().mkpath(p.directory + u'/' + QLatin1String(sub));
    }
    return true;
}

bool LabRunner::start(const LabPlan::Process &p, LabState *state, QString *error)
{
    QDir().mkpath(p.directory + QStringLiteral("/tmp"));
    const QString log = m_options.directory + u'/' + p.name + QStringLiteral(".log");
    QProcess process;
    process.setProgram(p.program);
    process.setArguments(p.arguments);
    process.setWorkingDirectory(p.directory);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(log, QIODevice::Append);
    process.setStandardErrorFile(log, QIODevice::Append);
    qint64 pid = 0;
    if (!process.startDetached(&pid) || pid <= 0) {
        *error = QStringLiteral("cannot start %1 (%2): %3")
                     .arg(p.name, p.program, process.errorString());
        return false;
    }
    state->processes.append(
        { p.name, p.element, p.program, pid, ProcessTable::startTime(pid), log });
    return writeState(*state, error);
}

bool LabRunner::waitReady(
    const QList<LabPlan::Process> &processes, const LabState &state, QString *error)
{
    struct Pending
    {
        LabPlan::Process process;
        LabState::Process recorded;
        bool busy = false;
    };
    QList<Pending> pending;
    for (const LabPlan::Process &p : processes) {
        for (const LabState::Process &r : state.processes) {
            if (r.name == p.name)
                pending.append({ p, r, false });
        }
    }
    if (pending.isEmpty())
        return true;
    // Declared before the network objects, so that replies aborted when those go still find
    // what their handlers touch.
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    QString failure;
    const std::function<void(const QString &, bool)> finished = [&](const QString &name,
                                                                    bool ready) {
        for (Pending &q : pending) {
            if (q.process.name == name)
                q.busy = false;
        }
        if (!ready)
            return;
        pending.removeIf([&](const Pending &q) { return q.process.name == name; });
        Q_EMIT progress(QStringLiteral("  %1 ready (%2)").arg(name, seconds(clock.elapsed())));
        if (pending.isEmpty())
            loop.quit();
    };
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    auto probe = [&](Pending &p) {
        p.busy = true;
        const QString name = p.process.name;
        const QUrl url(p.process.readyProbe);
        if (url.scheme() == QLatin1String("connect") || url.scheme() == QLatin1String("tcp")) {
            // tcp: MariaDB speaks first, and its greeting means it accepts connections.
            // connect: a server that waits for the client (dnsmasq over TCP) is ready once it
            // accepts one.
            auto *socket = new QTcpSocket(&loop);
            const auto ready = [socket, name, &finished]() {
                socket->deleteLater();
                finished(name, true);
            };
            if (url.scheme() == QLatin1String("connect"))
                QObject::connect(socket, &QTcpSocket::connected, socket, ready);
            else
                QObject::connect(socket, &QTcpSocket::readyRead, socket, ready);
            QObject::connect(
                socket, &QTcpSocket::errorOccurred, socket, [socket, name, &finished]() {
                    socket->deleteLater();
                    finished(name, false);
                });
            socket->connectToHost(url.host(), quint16(url.port()));
            return;
        }
        QNetworkRequest request(url);
        request.setTransferTimeout(1000);
        QNetworkReply *reply = network.get(request);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [reply, name, &finished]() {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            reply->deleteLater();
            finished(name, status > 0 && status < 500);
        });
    };
    auto check = [&]() {
        for (Pending &p : pending) {
            if (!ProcessTable::isRunning(p.recorded.pid, p.recorded.startTime)) {
                failure = QStringLiteral("%1 exited at start; its log says:\n    %2")
                              .arg(p.process.name, logTail(p.recorded.log));
                loop.quit();
                return;
            }
        }
        // probe() may finish at once and shrink the list: walk a copy of the names.
        QStringList idle;
        for (const Pending &p : std::as_const(pending)) {
            if (!p.busy)
                idle.append(p.process.name);
        }
        for (const QString &name : std::as_const(idle)) {
            for (Pending &p : pending) {
                if (p.process.name == name) {
                    probe(p);
                    break;
                }
            }
        }
        if (clock.elapsed() > m_options.readyTimeoutMs && !pending.isEmpty()) {
            failure = QStringLiteral("%1 did not answer within %2; its log says:\n    %3")
                          .arg(pending.constFirst().process.name,
                              seconds(m_options.readyTimeoutMs),
                              logTail(pending.constFirst().recorded.log));
            loop.quit();
        }
    };
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &loop, check);
    tick.start(100);
    QTimer::singleShot(0, &loop, check);
    loop.exec();
    tick.stop();
    if (!failure.isEmpty()) {
        *error = failure;
        return false;
    }
    return true;
}

bool LabRunner::runSql(const LabPlan::Sql &sql, const QString &text, QString *out, QString *error)
{
    QProcess client;
    client.start(m_options.programs.mariadbClient,
        { QStringLiteral("--defaults-file=") + sql.clientConfig,
            QStringLiteral("--batch"),
            QStringLiteral("--skip-column-names") });
    client.write(text.toUtf8());
    client.closeWriteChannel();
    if (!client.waitForFinished(60000) || client.exitStatus() != QProcess::NormalExit
        || client.exitCode() != 0) {
        *error = QStringLiteral("setting up %1 failed: %2")
                     .arg(sql.database,
                         QString::fromLocal8Bit(client.readAllStandardError()).trimmed());
        return false;
    }
    if (out)
        *out = QString::fromUtf8(client.readAllStandardOutput()).trimmed();
    return true;
}

bool LabRunner::waitReplication(const LabPlan &plan, QString *error)
{
    auto sqlOf = [&plan](const ElementId &db) -> const LabPlan::Sql * {
        for (const LabPlan::Sql &s : plan.primarySql) {
            if (s.database == db)
                return &s;
        }
        for (const LabPlan::Sql &s : plan.replicaSql) {
            if (s.database == db)
                return &s;
        }
        return nullptr;
    };
    for (const auto &[replica, source] : plan.replication) {
        const LabPlan::Sql *r = sqlOf(replica);
        const LabPlan::Sql *s = sqlOf(source);
        if (!r || !s)
            continue;
        QString position, waited;
        if (!runSql(*s, QStringLiteral("SELECT @@gtid_binlog_pos;"), &position, error))
            return false;
        // MASTER_GTID_WAIT answers 0 once the replica has applied that position, -1 on timeout.
        if (!runSql(*r,
                QStringLiteral("SELECT MASTER_GTID_WAIT('%1', 30);").arg(position),
                &waited,
                error))
            return false;
        if (waited != QLatin1String("0")) {
            QString status;
            runSql(*r, QStringLiteral("SHOW SLAVE STATUS\\G"), &status, error);
            *error = QStringLiteral("%1 did not catch up with %2 within 30 s:\n%3")
                         .arg(replica, source, status.left(1500));
            return false;
        }
        Q_EMIT progress(QStringLiteral("  %1 replicates %2").arg(replica, source));
    }
    return true;
}

LabRunner::UpResult LabRunner::up(const DesignData &design, const QString &source)
{
    UpResult result;
    QElapsedTimer clock;
    clock.start();
    QDir().mkpath(QFileInfo(m_options.directory).absolutePath());
    QLockFile lock(m_options.directory + QStringLiteral(".lock"));
    if (!lock.tryLock(30000)) {
        result.error
            = QStringLiteral("another lab command is running (%1.lock)").arg(m_options.directory);
        return result;
    }
    const QString hash = sourceHash(design);
    QString error;
    if (const std::optional<LabState> old = state(&error)) {
        if (old->complete && old->sourceHash == hash && deadProcesses(*old).isEmpty()) {
            result.ok = true;
            result.alreadyUp = true;
            result.designPath = old->designPath;
            result.state = *old;
            return result;
        }
        Q_EMIT progress(old->sourceHash == hash
                ? QStringLiteral("the lab of %1 is not whole: starting it again").arg(source)
                : QStringLiteral("stopping the lab of %1").arg(old->source));
        if (!down(&error)) {
            result.error = error;
            return result;
        }
    } else if (!error.isEmpty()) {
        result.error
            = error + QStringLiteral("; remove %1 if no lab is running").arg(m_options.directory);
        return result;
    }
    if (QFileInfo::exists(m_options.directory) && !QDir(m_options.directory).isEmpty()) {
        result.error = QStringLiteral("%1 exists and is not a lab: move it away, or set "
                                      "TOPOSCOPE_LAB_DIR")
                           .arg(m_options.directory);
        return result;
    }
    if (!QDir().mkpath(m_options.directory)) {
        result.error = QStringLiteral("cannot create %1").arg(m_options.directory);
        return result;
    }
    QFile::setPermissions(
        m_options.directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    // Free ports: held open together until the plan has them all, so no two are the same.
    std::vector<std::unique_ptr<QTcpServer>> held;
    LabPlan::Settings settings;
    settings.directory = m_options.directory;
    settings.programs = m_options.programs;
    settings.appScript = m_options.appScript;
    settings.runAsUser = ::geteuid() == 0 ? QStringLiteral("root") : QString();
    settings.replicationPassword = randomPassword();
    settings.appPassword = randomPassword();
    settings.monitorPassword = randomPassword();
    settings.scrapeIntervalSeconds = m_options.scrapeIntervalSeconds;
    settings.nextTcpPort = [&held]() {
        auto server = std::make_unique<QTcpServer>();
        if (!server->listen(QHostAddress::LocalHost, 0))
            return 0;
        const int port = server->serverPort();
        held.push_back(std::move(server));
        return port;
    };
    QUdpSocket udp;
    udp.bind(QHostAddress::LocalHost, 0);
    settings.syslogPort = udp.localPort();
    // Qt 6.4's QDnsLookup asks a name server on port 53 only: the lab's DNS needs root and a
    // free port 53 on loopback (tried here, and let go just before dnsmasq takes it).
    QUdpSocket dnsPort;
    if (::geteuid() != 0)
        settings.dnsUnavailable
            = QStringLiteral("answering DNS on port 53 (the only port Qt 6.4 asks) needs root");
    else if (!dnsPort.bind(QHostAddress::LocalHost, 53))
        settings.dnsUnavailable
            = QStringLiteral("port 53 on 127.0.0.1 is taken: %1").arg(dnsPort.errorString());
    const LabPlan plan = LabPlan::make(design, settings);
    held.clear();
    udp.close();
    dnsPort.close();
    if (!plan.error.isEmpty()) {
        result.error = plan.error;
        QDir(m_options.directory).removeRecursively();
        return result;
    }
    for (const LabPlan::Process &p : plan.processes) {
        for (const QString &socket : { p.directory + QStringLiteral("/admin.sock"),
                 p.directory + QStringLiteral("/mysqld.sock") }) {
            if (socket.toLocal8Bit().size() > MaxSocketPath) {
                result.error = QStringLiteral("the lab directory %1 is too long for UNIX socket "
                                              "paths; set TOPOSCOPE_LAB_DIR to a shorter one")
                                   .arg(m_options.directory);
                QDir(m_options.directory).removeRecursively();
                return result;
            }
        }
    }

    LabState st;
    st.directory = m_options.directory;
    st.designPath = m_options.directory + QStringLiteral("/design.topo");
    st.source = source;
    st.sourceHash = hash;
    st.startedMs = QDateTime::currentMSecsSinceEpoch();
    st.entryUrl = plan.entryUrl;
    st.syslogAddress = plan.syslogAddress;
    st.notStarted = plan.notStarted;
    st.notes = plan.notes;
    for (const LabPlan::Server &s : plan.servers)
        st.servers.append({ s.name, s.kind, s.address, s.element, s.user, s.passwordFile });

    auto fail = [&](const QString &why) {
        result.error = why;
        QString ignored;
        down(&ignored);
        return result;
    };
    if (!writeState(st, &error))
        return fail(error);
    for (const LabPlan::File &f : plan.files) {
        if (!writeFile(f.path, f.content, f.secret, &error))
            return fail(error);
    }
    if (!prepareDatabases(plan, &error))
        return fail(error);
    Q_EMIT progress(QStringLiteral("files written, %1 datadirs copied (%2)")
                        .arg(plan.databases.size())
                        .arg(seconds(clock.elapsed())));

    QList<LabPlan::Process> first, second;
    for (const LabPlan::Process &p : plan.processes)
        (p.stage == 0 ? first : second).append(p);
    Q_EMIT progress(QStringLiteral("starting %1 servers in %2 (%3)")
                        .arg(first.size())
                        .arg(m_options.directory, seconds(clock.elapsed())));
    for (const LabPlan::Process &p : std::as_const(first)) {
        if (!start(p, &st, &error))
            return fail(error);
    }
    if (!waitReady(first, st, &error))
        return fail(error);
    Q_EMIT progress(
        QStringLiteral("setting up users and replication (%1)").arg(seconds(clock.elapsed())));
    for (const LabPlan::Sql &sql : plan.primarySql) {
        if (!runSql(sql, sql.text, nullptr, &error))
            return fail(error);
    }
    for (const LabPlan::Sql &sql : plan.replicaSql) {
        if (!runSql(sql, sql.text, nullptr, &error))
            return fail(error);
    }
    if (!waitReplication(plan, &error))
        return fail(error);
    if (!second.isEmpty())
        Q_EMIT progress(QStringLiteral("starting %1 balancers and exporters (%2)")
                            .arg(second.size())
                            .arg(seconds(clock.elapsed())));
    for (const LabPlan::Process &p : std::as_const(second)) {
        if (!start(p, &st, &error))
            return fail(error);
    }
    if (!waitReady(second, st, &error))
        return fail(error);
    if (!TopoFile::write(st.designPath, plan.boundDesign, &error))
        return fail(error);
    st.complete = true;
    if (!writeState(st, &error))
        return fail(error);
    result.ok = true;
    result.designPath = st.designPath;
    result.state = st;
    result.elapsedMs = clock.elapsed();
    return result;
}

bool LabRunner::down(QString *error, QStringList *stopped)
{
    const std::optional<LabState> st = state(error);
    if (!st) {
        if (error && !error->isEmpty())
            return false;
        return true; // no lab
    }
    // Stop in reverse order: exporters and Prometheus first, the databases last.
    QList<ProcessTable::Target> targets;
    for (auto it = st->processes.crbegin(); it != st->processes.crend(); ++it) {
        if (ProcessTable::isRunning(it->pid, it->startTime)) {
            targets.append({ it->pid, it->startTime });
            if (stopped)
                stopped->append(it->name);
        }
    }
    const QList<qint64> left = ProcessTable::stop(targets, 15000);
    if (!left.isEmpty()) {
        QStringList pids;
        for (qint64 pid : left)
            pids.append(QString::number(pid));
        if (error)
            *error = QStringLiteral("these lab processes would not stop: %1").arg(pids.join(u' '));
        return false;
    }
    if (!QDir(m_options.directory).removeRecursively()) {
        if (error)
            *error = QStringLiteral("cannot remove %1").arg(m_options.directory);
        return false;
    }
    return true;
}

bool LabRunner::watchedDesign(
    const QString &directory, const DesignData &design, DesignData *out, QString *error)
{
    Options options;
    options.directory = directory;
    const LabRunner runner(options);
    QString why;
    const std::optional<LabState> state = runner.state(&why);
    if (!state || !state->complete) {
        *error = !why.isEmpty() ? why
                                : QStringLiteral("no lab is up in %1: start one with "
                                                 "`toposcope lab up DESIGN`")
                                      .arg(directory);
        return false;
    }
    const TopoFile::ReadResult bound = TopoFile::read(state->designPath);
    if (!bound.ok) {
        *error = QStringLiteral("cannot read the lab's bound design %1: %2")
                     .arg(state->designPath, bound.error);
        return false;
    }
    // The lab's servers, bound to the watched design's elements (a lab made from another
    // design binds only the elements both have).
    *out = design;
    out->sources = bound.data.sources;
    out->bindings = bound.data.bindings;
    const bool shared = std::any_of(out->bindings.cbegin(),
        out->bindings.cend(),
        [&](const Binding &b) { return design.component(b.element) || design.host(b.element); });
    if (!shared) {
        *error = QStringLiteral("the lab runs “%1”, which shares no element with “%2”")
                     .arg(bound.data.name, design.name);
        return false;
    }
    return true;
}
