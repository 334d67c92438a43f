// SPDX-License-Identifier: MIT
#include "prometheussource.h"

#include "live/parsers/prometheusapi.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QUrlQuery>

#include <memory>

using namespace Live;
using Flavour = ExporterMap::Flavour;

namespace {

constexpr qint64 RediscoverMs = 5 * 60 * 1000;

// A value as an RE2 literal inside a PromQL double-quoted string.
QString regexLiteral(const QString &value)
{
    QString out;
    for (QChar c : value) {
        if (QStringView(u".+*?()|[]{}^$\\").contains(c))
            out += QStringLiteral("\\\\");
        if (c == u'"')
            out += u'\\';
        out += c;
    }
    return out;
}

// Asked for its non-zero series only: a sum of counters' rates (requests, bytes, errors, the
// responses by status class) or the queue. Zero is the usual value there (an idle element's rates,
// a healthy one's errors and 4xx/5xx), and a sum with the zeros left out is the same sum.
bool isSparse(const PrometheusSource::Query &q, const QList<ExporterMap::Rule> &rules)
{
    for (int index : q.rules) {
        const ExporterMap::Rule &r = rules.at(index);
        const bool summed = r.combine == ExporterMap::Combine::Sum;
        if (!summed
            || !(r.kind == ExporterMap::Kind::Counter
                || (r.kind == ExporterMap::Kind::Gauge && r.metric == Live::Metric::Queue)))
            return false;
    }
    return true;
}

} // namespace

PrometheusSource::PrometheusSource(
    const QString &id, const QUrl &baseUrl, const SourceOptions &options, QObject *parent)
    : LiveSource(id, parent)
    , m_base(baseUrl)
{
    m_http.setOptions(options);
}

QString PrometheusSource::description() const
{
    return tr("Prometheus at %1").arg(HttpFetcher::shown(m_base));
}

void PrometheusSource::setKeys(const QStringList &keys)
{
    m_keys = QSet<QString>(keys.cbegin(), keys.cend());
}

void PrometheusSource::setSelector(const QString &matchers)
{
    m_selector = matchers.trimmed();
}

void PrometheusSource::setRateWindow(int seconds)
{
    m_window = std::max(1, seconds);
}

void PrometheusSource::setFlavours(const QList<Flavour> &flavours)
{
    m_flavours = flavours;
    m_fixedFlavours = !flavours.isEmpty();
}

void PrometheusSource::post(const QString &promql, HttpFetcher::Callback done)
{
    // The API lives under the server's path (a Prometheus behind a prefix: --web.route-prefix).
    QUrl url = m_base;
    QString path = url.path();
    if (!path.endsWith(u'/'))
        path += u'/';
    url.setPath(path + QStringLiteral("api/v1/query"));
    url.setQuery(QString());
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("query"), promql);
    ++m_requestsThisPoll;
    m_http.post(url,
        form.toString(QUrl::FullyEncoded).toUtf8(),
        "application/x-www-form-urlencoded",
        std::move(done));
}

QString PrometheusSource::keyMatchers(Flavour flavour, const QString &role, bool *none) const
{
    *none = false;
    const QStringList labels = ExporterMap::keyLabels(flavour, role, true);
    QStringList matchers;
    if (!labels.isEmpty())
        matchers.append(labels.first() + QStringLiteral("!=\"\""));
    if (!m_keys.isEmpty() && !labels.isEmpty()) {
        QList<QStringList> values(labels.size());
        for (const QString &key : m_keys) {
            // HAProxy names have no '/': a key with one is a server's, never a proxy's.
            const QStringList parts = key.split(u'/');
            if (parts.size() != labels.size())
                continue;
            for (qsizetype i = 0; i < parts.size(); ++i) {
                if (!values[i].contains(parts.at(i)))
                    values[i].append(parts.at(i));
            }
        }
        if (values.first().isEmpty()) {
            *none = true;
            return QString();
        }
        for (qsizetype i = 0; i < labels.size(); ++i) {
            QStringList alternatives;
            values[i].sort(); // the same query for the same keys, whatever the set's order
            for (const QString &v : std::as_const(values[i]))
                alternatives.append(regexLiteral(v));
            matchers.append(labels.at(i) + QStringLiteral("=~\"") + alternatives.join(u'|') + u'"');
        }
    }
    if (!m_selector.isEmpty())
        matchers.append(m_selector);
    return matchers.join(u',');
}

QList<PrometheusSource::Query> PrometheusSource::queries() const
{
    QList<Query> out;
    const QList<ExporterMap::Rule> &rules = ExporterMap::rules();
    QHash<QString, qsizetype> byFamily;
    for (int i = 0; i < rules.size(); ++i) {
        const ExporterMap::Rule &r = rules.at(i);
        if (!m_flavours.contains(r.flavour))
            continue;
        const QString id = QString::number(int(r.flavour)) + u'|' + QLatin1String(r.family);
        auto it = byFamily.find(id);
        if (it == byFamily.end()) {
            it = byFamily.insert(id, out.size());
            out.append(
                { r.flavour, QString::fromLatin1(r.role), QString::fromLatin1(r.family), {}, {} });
        }
        out[*it].rules.append(i);
    }
    QList<Query> kept;
    for (Query &q : out) {
        bool none = false;
        const QString selector = keyMatchers(q.flavour, q.role, &none);
        if (none)
            continue; // no bound element of that role
        const QStringList labels = ExporterMap::keyLabels(q.flavour, q.role, true);
        QStringList by = labels;
        const ExporterMap::Rule &first = rules.at(q.rules.first());
        for (int index : std::as_const(q.rules)) {
            const ExporterMap::Rule &r = rules.at(index);
            if (r.splitLabel && !by.contains(QLatin1String(r.splitLabel)))
                by.append(QString::fromLatin1(r.splitLabel));
        }
        q.sparse = isSparse(q, rules);
        const QString series = q.family + u'{' + selector + u'}';
        const QString grouping = QStringLiteral(" by (") + by.join(QStringLiteral(", ")) + u')';
        switch (first.kind) {
        case ExporterMap::Kind::Counter:
            q.promql = QStringLiteral("sum%1 (rate(%2[%3s]))").arg(grouping, series).arg(m_window);
            break;
        case ExporterMap::Kind::Gauge:
            q.promql = (first.combine == ExporterMap::Combine::Max ? QStringLiteral("max")
                                                                   : QStringLiteral("sum"))
                + grouping + QStringLiteral(" (") + series + u')';
            break;
        case ExporterMap::Kind::State:
        case ExporterMap::Kind::CheckState:
            // Only the current state (value 1) of each element comes back.
            q.promql = QStringLiteral("max by (%1) (%2) == 1")
                           .arg((labels + QStringList{ QStringLiteral("state") })
                                    .join(QStringLiteral(", ")),
                               series);
            break;
        case ExporterMap::Kind::Up:
            q.promql = QStringLiteral("max") + grouping + QStringLiteral(" (") + series + u')';
            break;
        }
        if (q.sparse)
            q.promql += QStringLiteral(" > 0");
        kept.append(q);
    }
    return kept;
}

void PrometheusSource::poll()
{
    m_requestsThisPoll = 0;
    m_pollStartMs = QDateTime::currentMSecsSinceEpoch();
    const bool stale = QDateTime::currentMSecsSinceEpoch() - m_discoveredMs > RediscoverMs;
    if (!m_fixedFlavours && (m_flavours.isEmpty() || stale))
        discover();
    else
        ask();
}

void PrometheusSource::discover()
{
    QStringList markers;
    for (Flavour f : ExporterMap::flavours())
        markers.append(ExporterMap::marker(f));
    QString selector = QStringLiteral("__name__=~\"") + markers.join(u'|') + u'"';
    if (!m_selector.isEmpty())
        selector += u',' + m_selector;
    const int generation = m_generation;
    post(QStringLiteral("count by (__name__) ({%1})").arg(selector),
        [this, generation](const HttpFetcher::Result &r) {
            if (generation != m_generation)
                return;
            QString error;
            if (!r.answered)
                error = r.error;
            else if (r.status != 200 && r.status != 400 && r.status != 422)
                error = HttpFetcher::describeStatus(r, m_base, !m_http.options().user.isEmpty());
            PrometheusApi::Result answer;
            if (error.isEmpty()) {
                answer = PrometheusApi::parseQuery(r.body);
                if (!answer.ok)
                    error = answer.error;
            }
            if (!error.isEmpty()) {
                failed(tr("Prometheus at %1: %2").arg(HttpFetcher::shown(m_base), error));
                pollFinished();
                return;
            }
            m_flavours.clear();
            for (Flavour f : ExporterMap::flavours()) {
                for (const PrometheusApi::Series &s : answer.series) {
                    if (s.labels.value(QStringLiteral("__name__")) == ExporterMap::marker(f)) {
                        m_flavours.append(f);
                        break;
                    }
                }
            }
            if (m_flavours.isEmpty()) {
                // Just started, it has not scraped its targets yet: that is no failure, until
                // it lasts.
                waiting(tr("Prometheus at %1 has none of the exporters' metrics yet (%2)")
                            .arg(HttpFetcher::shown(m_base),
                                QStringList{ ExporterMap::marker(Flavour::HaproxyBuiltin),
                                    ExporterMap::marker(Flavour::HaproxyExporter),
                                    ExporterMap::marker(Flavour::Nginx),
                                    ExporterMap::marker(Flavour::Mysqld) }
                                    .join(QStringLiteral(", "))));
                pollFinished();
                return;
            }
            m_discoveredMs = QDateTime::currentMSecsSinceEpoch();
            ask();
        });
}

void PrometheusSource::ask()
{
    const QList<Query> qs = queries();
    if (qs.isEmpty()) {
        // Bound keys of no role these exporters have: nothing to ask, nothing wrong.
        succeeded();
        pollFinished();
        return;
    }
    m_asking = std::make_shared<Asking>();
    m_asking->queries = qs;
    m_asking->bodies.resize(qs.size());
    m_asking->left = int(qs.size());
    for (int i = 0; i < MaxInFlight && m_asking->next < qs.size(); ++i)
        askNext(m_asking);
}

void PrometheusSource::askNext(const std::shared_ptr<Asking> &asking)
{
    const int i = asking->next++;
    const int generation = m_generation;
    post(asking->queries.at(i).promql, [this, generation, asking, i](const HttpFetcher::Result &r) {
        if (generation != m_generation || asking != m_asking)
            return;
        QString error;
        if (!r.answered)
            error = tr("%1: %2").arg(asking->queries.at(i).family, r.error);
        else if (r.status != 200 && r.status != 400 && r.status != 422)
            error = HttpFetcher::describeStatus(r, m_base, !m_http.options().user.isEmpty());
        if (!error.isEmpty()) {
            // One failed query fails the poll: the others are not waited for.
            m_asking.reset();
            m_http.abortAll();
            if (!m_fixedFlavours)
                m_flavours.clear();
            failed(tr("Prometheus at %1: %2").arg(HttpFetcher::shown(m_base), error));
            pollFinished();
            return;
        }
        asking->bodies[i] = r.body; // a 400 or 422 carries Prometheus' own error text
        if (asking->next < asking->queries.size())
            askNext(asking);
        if (--asking->left > 0)
            return;
        m_asking.reset();
        const qint64 at = now();
        m_work.run<Reading>(
            this,
            [qs = asking->queries, bodies = asking->bodies, keys = m_keys, at] {
                Reading reading;
                reading.samples = interpret(qs, bodies, keys, at, &reading.error);
                reading.ok = reading.error.isEmpty();
                return reading;
            },
            [this, generation](Reading reading) {
                if (generation != m_generation)
                    return;
                m_lastRequests = m_requestsThisPoll;
                m_lastPollMs = QDateTime::currentMSecsSinceEpoch() - m_pollStartMs;
                if (!reading.ok) {
                    failed(
                        tr("Prometheus at %1: %2").arg(HttpFetcher::shown(m_base), reading.error));
                } else {
                    succeeded();
                    publish(reading.samples);
                }
                pollFinished();
            });
    });
}

QList<Sample> PrometheusSource::interpret(const QList<Query> &qs,
    const QList<QByteArray> &bodies,
    const QSet<QString> &keys,
    qint64 timeMs,
    QString *error)
{
    const QList<ExporterMap::Rule> &rules = ExporterMap::rules();
    QHash<QString, ExporterMap::Accumulator> elements;
    QList<QString> order;
    for (qsizetype i = 0; i < qs.size(); ++i) {
        const Query &q = qs.at(i);
        const PrometheusApi::Result answer = PrometheusApi::parseQuery(bodies.at(i));
        if (!answer.ok) {
            *error = tr("%1: %2").arg(q.family, answer.error);
            return {};
        }
        for (const PrometheusApi::Series &s : answer.series) {
            const QString key = ExporterMap::keyOf(
                q.flavour, q.role, [&s](const QString &l) { return s.labels.value(l); }, true);
            if (!keys.isEmpty() && !keys.contains(key))
                continue;
            // Per exporter first: two exporters of one HAProxy must not add up.
            const QString id = QString::number(int(q.flavour)) + u'|' + q.role + u'|' + key;
            auto e = elements.find(id);
            if (e == elements.end()) {
                e = elements.insert(id, ExporterMap::Accumulator());
                e->sample.key = key;
                e->sample.role = q.role;
                e->sample.timeMs = timeMs;
                order.append(id);
            }
            for (int index : q.rules) {
                const ExporterMap::Rule &rule = rules.at(index);
                if (rule.splitLabel
                    && s.labels.value(QLatin1String(rule.splitLabel))
                        != QLatin1String(rule.splitValue))
                    continue;
                e->add(rule, s.value, s.labels.value(QStringLiteral("state")));
            }
        }
    }
    // What a sparse query left out is zero, for the elements that are there: one pass over
    // them, with the sparse rules of each flavour and role.
    QHash<QString, QList<int>> sparseRules; // "flavour|role" → rule indexes
    for (const Query &q : qs) {
        if (q.sparse)
            sparseRules[QString::number(int(q.flavour)) + u'|' + q.role].append(q.rules);
    }
    if (!sparseRules.isEmpty()) {
        for (auto e = elements.begin(); e != elements.end(); ++e) {
            const auto found = sparseRules.constFind(e.key().section(u'|', 0, 1));
            if (found == sparseRules.cend())
                continue;
            for (int index : *found) {
                const ExporterMap::Rule &rule = rules.at(index);
                if (!e->seen[size_t(rule.metric)])
                    e->add(rule, 0);
            }
        }
    }
    // One sample an element: the first exporter's figures (the flavours' order: HAProxy's own
    // before prometheus-haproxy-exporter), the others' where it has none.
    std::stable_sort(order.begin(), order.end(), [](const QString &a, const QString &b) {
        return a.section(u'|', 0, 0).toInt() < b.section(u'|', 0, 0).toInt();
    });
    QList<Sample> samples;
    QHash<QString, qsizetype> byElement;
    for (const QString &id : std::as_const(order)) {
        const Sample s = elements.value(id).finish();
        const QString element = id.section(u'|', 1);
        const auto seen = byElement.constFind(element);
        if (seen == byElement.cend()) {
            byElement.insert(element, samples.size());
            samples.append(s);
            continue;
        }
        Sample &kept = samples[*seen];
        for (int m = 0; m < MetricCount; ++m) {
            if (std::isnan(kept.values[size_t(m)]))
                kept.values[size_t(m)] = s.values[size_t(m)];
        }
        if (kept.health == Health::Unknown) {
            kept.health = s.health;
            kept.status = s.status;
        }
        if (kept.checkStatus.isEmpty())
            kept.checkStatus = s.checkStatus;
    }
    return samples;
}

void PrometheusSource::halt()
{
    ++m_generation;
    m_asking.reset();
    m_http.abortAll();
}
