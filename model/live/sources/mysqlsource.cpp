// SPDX-License-Identifier: MIT
#include "mysqlsource.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMutex>
#include <QThread>
#include <QUrl>
#include <QWaitCondition>

namespace {

QAtomicInt connectionCounter;

/**
 * The worker threads still running. A source never waits for its thread, but the process must:
 * a thread that closes its connection while the application and Qt SQL's connection list are
 * being destroyed crashes. So the application's destruction waits (bounded) for them.
 */
struct RunningThreads
{
    QMutex mutex;
    QWaitCondition none;
    int count = 0;
    int longestTimeoutMs = 0;
};

RunningThreads &runningThreads()
{
    static RunningThreads r;
    return r;
}

void waitForRunningThreads()
{
    RunningThreads &r = runningThreads();
    QMutexLocker lock(&r.mutex);
    // A query in progress ends within its read timeout; a little more for the close.
    QDeadlineTimer deadline(r.longestTimeoutMs + 2000);
    while (r.count > 0) {
        if (!r.none.wait(&r.mutex, deadline))
            break;
    }
}

void threadStarted(int timeoutSeconds)
{
    static bool routineAdded = false;
    if (!routineAdded && QCoreApplication::instance()) {
        qAddPostRoutine(waitForRunningThreads);
        routineAdded = true;
    }
    RunningThreads &r = runningThreads();
    QMutexLocker lock(&r.mutex);
    ++r.count;
    r.longestTimeoutMs = std::max(r.longestTimeoutMs, timeoutSeconds * 1000);
}

void threadEnded()
{
    RunningThreads &r = runningThreads();
    QMutexLocker lock(&r.mutex);
    if (--r.count == 0)
        r.none.wakeAll();
}

} // namespace

MysqlSource::MysqlSource(
    const QString &id, const QString &address, const SourceOptions &options, QObject *parent)
    : LiveSource(id, parent)
    , m_address(address)
{
    qRegisterMetaType<MysqlStatus::Reading>();
    parseAddress(address, &m_target, &m_addressError);
    if (!options.user.isEmpty())
        m_target.user = options.user;
    if (!options.password.isEmpty())
        m_target.password = options.password;
    m_target.timeoutSeconds = std::max(1, (options.timeoutMs + 999) / 1000);

    m_thread = new QThread; // no parent: it may outlive this source by a query's timeout
    m_thread->setObjectName(QStringLiteral("mysql ") + address);
    m_worker = new MysqlWorker(
        m_target, QStringLiteral("toposcope-live-%1").arg(connectionCounter.fetchAndAddRelaxed(1)));
    m_worker->moveToThread(m_thread);
    MysqlWorker *worker = m_worker;
    // The worker closes its connection in its own thread, where it was opened.
    connect(
        m_thread,
        &QThread::finished,
        worker,
        [worker] {
            delete worker;
            threadEnded();
        },
        Qt::DirectConnection);
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    connect(m_worker, &MysqlWorker::polled, this, &MysqlSource::answered, Qt::QueuedConnection);
    threadStarted(m_target.timeoutSeconds);
    m_thread->start();
}

MysqlSource::~MysqlSource()
{
    // Never wait for a query: the thread ends after it, then deletes the worker and itself.
    m_worker->disconnect(this);
    m_thread->quit();
}

bool MysqlSource::parseAddress(const QString &address, MysqlWorker::Target *t, QString *error)
{
    QString a = address.trimmed();
    if (a.startsWith(QLatin1String("unix:")) || a.startsWith(u'/')) {
        t->socket = a.startsWith(QLatin1String("unix:")) ? a.mid(5) : a;
        t->host.clear();
        return true;
    }
    if (!a.contains(QLatin1String("://")))
        a = QStringLiteral("mysql://") + a;
    const QUrl url(a);
    if (!url.isValid() || url.host().isEmpty()) {
        if (error)
            *error = QStringLiteral("\"%1\" is not host:port or a socket path").arg(address);
        return false;
    }
    t->host = url.host();
    t->port = url.port(3306);
    if (!url.userName().isEmpty())
        t->user = url.userName();
    if (!url.password().isEmpty())
        t->password = url.password();
    return true;
}

QString MysqlSource::description() const
{
    QUrl shown(m_address.contains(QLatin1String("://")) ? m_address : QString());
    return tr("MySQL/MariaDB at %1")
        .arg(shown.isValid() && !shown.isEmpty() ? shown.toDisplayString(QUrl::RemovePassword)
                                                 : m_address);
}

void MysqlSource::poll()
{
    if (!m_addressError.isEmpty()) {
        failed(m_addressError);
        pollFinished();
        return;
    }
    const int generation = m_generation;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, generation] { worker->poll(generation); },
        Qt::QueuedConnection);
}

void MysqlSource::answered(
    int generation, bool ok, const QString &error, const MysqlStatus::Reading &reading)
{
    if (generation != m_generation)
        return;
    if (!ok) {
        failed(tr("MySQL/MariaDB at %1: %2")
                   .arg(m_target.socket.isEmpty()
                           ? m_target.host + u':' + QString::number(m_target.port)
                           : m_target.socket,
                       error));
        pollFinished();
        return;
    }
    bool okUptime = false;
    const double uptime = reading.status.value(QStringLiteral("Uptime")).toDouble(&okUptime);
    const bool restarted = okUptime && m_uptime >= 0 && uptime < m_uptime;
    if (okUptime)
        m_uptime = uptime;
    QList<Live::Sample> samples = MysqlStatus::samples(reading, &m_counters, now(), restarted);
    if (!samples.isEmpty() && m_target.socket.isEmpty())
        samples.first().address = m_target.host + u':' + QString::number(m_target.port);
    succeeded();
    publish(samples);
    pollFinished();
}

void MysqlSource::halt()
{
    ++m_generation;
}
