// SPDX-License-Identifier: MIT
#include "haproxysocketsource.h"

#include "live/parsers/haproxycsv.h"
#include "live/parsers/haproxyruntime.h"

namespace {

const QByteArray Command = "show info;show stat;show servers state\n";

} // namespace

HaproxySocketSource::HaproxySocketSource(
    const QString &id, const QString &address, const SourceOptions &options, QObject *parent)
    : LiveSource(id, parent)
    , m_address(address)
{
    m_client.setOptions(options);
}

HaproxySocketSource::~HaproxySocketSource() = default;

QString HaproxySocketSource::description() const
{
    return tr("HAProxy Runtime API at %1").arg(m_address);
}

void HaproxySocketSource::poll()
{
    m_client.ask(m_address, Command, [this](const HaproxyRuntimeClient::Result &r) {
        if (!r.ok) {
            failed(r.error);
            pollFinished();
            return;
        }
        answered(r.answer);
    });
}

void HaproxySocketSource::answered(const QByteArray &answer)
{
    const int generation = m_generation;
    const qint64 at = now();
    m_work.run<Reading>(
        this,
        [this, answer, at] {
            QMutexLocker lock(&m_reading);
            return read(answer, at);
        },
        [this, generation](Reading r) {
            if (generation != m_generation)
                return;
            if (!r.ok) {
                failed(tr("HAProxy Runtime API at %1: %2").arg(m_address, r.error));
            } else {
                m_serverInfo = r.serverInfo;
                succeeded();
                publish(r.samples);
            }
            pollFinished();
        });
}

HaproxySocketSource::Reading HaproxySocketSource::read(const QByteArray &answer, qint64 timeMs)
{
    Reading out;
    const HaproxyRuntime::Answer a = HaproxyRuntime::parse(answer);
    if (!a.ok) {
        out.error = a.error;
        return out;
    }
    if (a.stat.isEmpty()) {
        out.error = tr("the answer has no `show stat` part");
        return out;
    }
    HaproxyCsv::Result csv = HaproxyCsv::parse(a.stat);
    if (!csv.ok) {
        // Line numbers of the whole answer, not of its CSV part.
        out.error = csv.errorLine > 0 ? QStringLiteral("line %1: %2")
                                            .arg(csv.errorLine + a.statFirstLine - 1)
                                            .arg(csv.error.section(QStringLiteral(": "), 1))
                                      : csv.error;
        return out;
    }
    bool restarted = false;
    if (a.hasInfo) {
        restarted = m_pid >= 0 && a.info.pid >= 0 && a.info.pid != m_pid;
        m_pid = a.info.pid;
        out.serverInfo
            = QStringLiteral("%1 %2, pid %3").arg(a.info.name, a.info.version).arg(a.info.pid);
    }
    out.samples = HaproxyCsv::samples(csv.rows, &m_counters, timeMs, restarted);
    if (a.hasServers)
        HaproxyRuntime::complete(&out.samples, a.servers);
    m_counters.forget(timeMs - 10 * 60 * 1000);
    out.ok = true;
    return out;
}

void HaproxySocketSource::halt()
{
    ++m_generation;
    m_client.abort();
}
