// SPDX-License-Identifier: MIT
#include "exportersource.h"

#include "live/parsers/prometheustext.h"

using namespace Live;
using Flavour = ExporterMap::Flavour;

namespace {

const QSet<QByteArray> &wantedFamilies()
{
    static const QSet<QByteArray> wanted = [] {
        QSet<QByteArray> w;
        for (const ExporterMap::Rule &r : ExporterMap::rules())
            w.insert(QByteArray(r.family));
        for (Flavour f : ExporterMap::flavours())
            w.insert(ExporterMap::marker(f).toLatin1());
        return w;
    }();
    return wanted;
}

} // namespace

ExporterSource::ExporterSource(
    const QString &id, const QUrl &metricsUrl, const SourceOptions &options, QObject *parent)
    : HttpPollSource(id, metricsUrl, options, parent)
{ }

QString ExporterSource::description() const
{
    const QList<Flavour> seen = flavours();
    QStringList names;
    for (Flavour f : seen)
        names.append(ExporterMap::flavourName(f));
    return names.isEmpty()
        ? tr("exporter at %1").arg(HttpFetcher::shown(m_url))
        : tr("%1 at %2").arg(names.join(QStringLiteral(", ")), HttpFetcher::shown(m_url));
}

QList<Flavour> ExporterSource::flavours() const
{
    QMutexLocker lock(&m_flavourLock);
    return m_flavours;
}

HttpPollSource::Reading ExporterSource::read(const QByteArray &body, qint64 timeMs)
{
    Reading out;
    QList<Flavour> present;
    out.samples = interpret(body, &m_counters, timeMs, &present, &out.error);
    out.ok = out.error.isEmpty();
    QMutexLocker lock(&m_flavourLock);
    m_flavours = present;
    return out;
}

QList<Sample> ExporterSource::interpret(QByteArrayView body,
    RateCounter *counters,
    qint64 timeMs,
    QList<Flavour> *flavours,
    QString *error)
{
    QList<Sample> samples;
    const PrometheusText::Result text = PrometheusText::parse(body, &wantedFamilies());
    if (!text.ok) {
        *error = text.error;
        return {};
    }
    // Which exporters: their marker families, else the labels their series carry.
    QList<Flavour> present;
    for (Flavour f : ExporterMap::flavours()) {
        const QByteArray marker = ExporterMap::marker(f).toLatin1();
        for (const PrometheusText::Series &s : text.series) {
            if (s.name == marker) {
                present.append(f);
                break;
            }
        }
    }
    if (present.isEmpty()) {
        for (const PrometheusText::Series &s : text.series) {
            Flavour f;
            if (s.name.startsWith("nginx_"))
                f = Flavour::Nginx;
            else if (s.name.startsWith("mysql_"))
                f = Flavour::Mysqld;
            else if (!s.label("proxy").isEmpty())
                f = Flavour::HaproxyBuiltin;
            else
                f = Flavour::HaproxyExporter;
            if (!present.contains(f))
                present.append(f);
        }
    }
    if (present.isEmpty()) {
        *error = tr("no metrics of HAProxy, Nginx or MySQL exporters among the %1 in the "
                    "answer")
                     .arg(text.lines);
        return {};
    }
    *flavours = present;

    // Rules by family, for the flavours present.
    QHash<QByteArray, QList<int>> rulesOf;
    const QList<ExporterMap::Rule> &rules = ExporterMap::rules();
    for (int i = 0; i < rules.size(); ++i) {
        if (present.contains(rules.at(i).flavour))
            rulesOf[QByteArray(rules.at(i).family)].append(i);
    }
    struct Element
    {
        ExporterMap::Accumulator acc;
        QHash<int, double> counters; ///< rule → the summed counter value
    };
    QHash<QString, Element> elements;
    QList<QString> order;
    for (const PrometheusText::Series &s : text.series) {
        const auto it = rulesOf.constFind(s.name);
        if (it == rulesOf.cend())
            continue;
        for (int index : *it) {
            const ExporterMap::Rule &rule = rules.at(index);
            if (rule.splitLabel && s.label(rule.splitLabel) != QLatin1String(rule.splitValue))
                continue;
            const QString role = QString::fromLatin1(rule.role);
            const QString key = ExporterMap::keyOf(
                rule.flavour,
                role,
                [&s](const QString &l) { return s.label(l.toLatin1()); },
                false);
            const QString id = role + u'|' + key;
            auto e = elements.find(id);
            if (e == elements.end()) {
                e = elements.insert(id, Element());
                e->acc.sample.key = key;
                e->acc.sample.role = role;
                e->acc.sample.timeMs = timeMs;
                order.append(id);
            }
            if (rule.kind == ExporterMap::Kind::Counter)
                e->counters[index] += s.value;
            else
                e->acc.add(rule, s.value, s.label("state"));
        }
    }
    for (const QString &id : std::as_const(order)) {
        Element &e = elements[id];
        for (auto c = e.counters.cbegin(); c != e.counters.cend(); ++c) {
            const double rate
                = counters ? counters->rate(id, c.key(), c.value(), timeMs) : std::nan("");
            if (!std::isnan(rate))
                e.acc.add(rules.at(c.key()), rate);
        }
        samples.append(e.acc.finish());
    }
    if (counters)
        counters->forget(timeMs - 10 * 60 * 1000);
    return samples;
}
