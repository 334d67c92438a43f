// SPDX-License-Identifier: MIT
// The queries PrometheusSource asks (one per metric family, for all bound elements) and how it
// reads the answers, on recorded Prometheus answers. A real Prometheus is in servers/.
#include "live/sources/prometheussource.h"
#include "livefixtures.h"

#include <QTest>

using namespace Live;
using Flavour = ExporterMap::Flavour;

class TestPrometheusSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneQueryPerFamilyWhateverTheNumberOfElements()
    {
        PrometheusSource few(QStringLiteral("p"), QUrl(QStringLiteral("http://127.0.0.1:9")));
        few.setFlavours({ Flavour::HaproxyBuiltin });
        few.setKeys({ QStringLiteral("be_web/web1") });
        PrometheusSource many(QStringLiteral("p"), QUrl(QStringLiteral("http://127.0.0.1:9")));
        many.setFlavours({ Flavour::HaproxyBuiltin });
        QStringList keys;
        for (int i = 0; i < 1000; ++i)
            keys.append(QStringLiteral("be_%1/web%2").arg(i % 10).arg(i));
        many.setKeys(keys);
        const QList<PrometheusSource::Query> a = few.queries();
        const QList<PrometheusSource::Query> b = many.queries();
        QCOMPARE(a.size(), b.size());
        QVERIFY(!a.isEmpty());
        for (const PrometheusSource::Query &q : b)
            QCOMPARE(q.role, QStringLiteral("server")); // no bound frontend or backend: not asked
        QStringList families;
        for (const PrometheusSource::Query &q : a)
            families.append(q.family);
        families.removeDuplicates();
        QCOMPARE(families.size(), a.size());
    }

    void queriesAreProperPromQL()
    {
        PrometheusSource p(QStringLiteral("p"), QUrl(QStringLiteral("http://127.0.0.1:9")));
        p.setFlavours({ Flavour::HaproxyBuiltin, Flavour::Nginx });
        p.setKeys({ QStringLiteral("be.web/web1"),
            QStringLiteral("fe_main"),
            QStringLiteral("127.0.0.1:9113") });
        p.setRateWindow(10);
        p.setSelector(QStringLiteral("job=\"lab\""));
        QString responses;
        QString status;
        QString nginx;
        for (const PrometheusSource::Query &q : p.queries()) {
            if (q.family == QLatin1String("haproxy_server_http_responses_total"))
                responses = q.promql;
            if (q.family == QLatin1String("haproxy_server_status"))
                status = q.promql;
            if (q.family == QLatin1String("nginx_http_requests_total"))
                nginx = q.promql;
        }
        QCOMPARE(responses,
            QStringLiteral(
                "sum by (proxy, server, code) (rate(haproxy_server_http_responses_total"
                "{proxy!=\"\",proxy=~\"be\\\\.web\",server=~\"web1\",job=\"lab\"}[10s])) > 0"));
        QCOMPARE(status,
            QStringLiteral("max by (proxy, server, state) (haproxy_server_status{proxy!=\"\","
                           "proxy=~\"be\\\\.web\",server=~\"web1\",job=\"lab\"}) == 1"));
        QCOMPARE(nginx,
            QStringLiteral("sum by (instance) (rate(nginx_http_requests_total{instance!=\"\","
                           "instance=~\"127\\\\.0\\\\.0\\\\.1:9113|fe_main\","
                           "job=\"lab\"}[10s])) > 0"));
        // Gauges and states are asked whole; only sums of rates (and the queue) drop zeros.
        QVERIFY(status.endsWith(u"== 1"));
        for (const PrometheusSource::Query &q : p.queries()) {
            if (q.family.endsWith(u"_current_sessions") || q.family.endsWith(u"_weight"))
                QVERIFY2(!q.sparse && !q.promql.endsWith(u"> 0"), qPrintable(q.promql));
            if (q.family.endsWith(u"_errors_total") || q.family.endsWith(u"_current_queue"))
                QVERIFY2(q.sparse && q.promql.endsWith(u" > 0"), qPrintable(q.promql));
        }
    }

    void zerosLeftOutAreZeroForTheElementsThere()
    {
        // The answer to the sparse responses query, `… > 0`: the recorded answer's non-zero
        // series (web1 and web5 served 2xx; the other servers nothing).
        PrometheusSource p(QStringLiteral("p"), QUrl(QStringLiteral("http://127.0.0.1:9")));
        p.setFlavours({ Flavour::HaproxyBuiltin });
        QList<PrometheusSource::Query> asked;
        QList<QByteArray> whole;
        QList<QByteArray> sparse;
        for (const PrometheusSource::Query &q : p.queries()) {
            const bool responses = q.family == QLatin1String("haproxy_server_http_responses_total");
            if (responses) {
                QVERIFY(q.sparse);
                whole.append(LiveFixtures::read(
                    QStringLiteral("prometheus/query-haproxy-server-responses.json")));
                sparse.append(LiveFixtures::read(
                    QStringLiteral("prometheus/query-haproxy-server-responses-nonzero.json")));
            } else if (q.family == QLatin1String("haproxy_server_status")) {
                const QByteArray status = LiveFixtures::read(
                    QStringLiteral("prometheus/query-haproxy-server-status.json"));
                whole.append(status);
                sparse.append(status);
            } else {
                continue;
            }
            asked.append(q);
        }
        QCOMPARE(asked.size(), 2);
        QString error;
        const QList<Sample> a = PrometheusSource::interpret(asked, whole, {}, 0, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QList<Sample> b = PrometheusSource::interpret(asked, sparse, {}, 0, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(b.size(), a.size()); // no element lost with its zeros
        QCOMPARE(b.size(), 9);
        for (const Sample &s : b) {
            for (Metric m :
                { Metric::RequestRate, Metric::Responses2xxRate, Metric::Responses5xxRate }) {
                QVERIFY2(s.has(m), qPrintable(s.key));
                const Sample *same = LiveFixtures::find(a, s.key, s.role);
                // be_app's servers had no responses series at all: zero, as for web2.
                const double expected = same && same->has(m) ? same->value(m) : 0.0;
                QCOMPARE(s.value(m), expected);
            }
        }
        const Sample *web1
            = LiveFixtures::find(b, QStringLiteral("be_web/web1"), QStringLiteral("server"));
        QVERIFY(web1 && web1->value(Metric::RequestRate) > 4.8);
        const Sample *app1
            = LiveFixtures::find(b, QStringLiteral("be_app/app1"), QStringLiteral("server"));
        QVERIFY(app1);
        QCOMPARE(app1->value(Metric::RequestRate), 0.0);
        // A rate nobody asked for stays unknown.
        QVERIFY(!app1->has(Metric::BytesInRate));
    }

    void answersBecomeSamples()
    {
        PrometheusSource p(QStringLiteral("p"), QUrl(QStringLiteral("http://127.0.0.1:9")));
        p.setFlavours({ Flavour::HaproxyBuiltin, Flavour::Nginx });
        QList<PrometheusSource::Query> asked;
        QList<QByteArray> bodies;
        for (const PrometheusSource::Query &q : p.queries()) {
            if (q.family == QLatin1String("haproxy_server_http_responses_total")) {
                asked.append(q);
                bodies.append(LiveFixtures::read(
                    QStringLiteral("prometheus/query-haproxy-server-responses.json")));
            } else if (q.family == QLatin1String("haproxy_server_status")) {
                asked.append(q);
                bodies.append(LiveFixtures::read(
                    QStringLiteral("prometheus/query-haproxy-server-status.json")));
            } else if (q.family == QLatin1String("nginx_connections_active")) {
                asked.append(q);
                bodies.append(
                    LiveFixtures::read(QStringLiteral("prometheus/query-nginx-active.json")));
            }
        }
        QCOMPARE(asked.size(), 3);
        QString error;
        const QList<Sample> s = PrometheusSource::interpret(asked, bodies, {}, 0, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const Sample *web1
            = LiveFixtures::find(s, QStringLiteral("be_web/web1"), QStringLiteral("server"));
        QVERIFY(web1);
        QVERIFY(web1->has(Metric::RequestRate));
        QVERIFY(web1->value(Metric::RequestRate) > 0); // the recording was made under load
        QCOMPARE(web1->health, Health::Up);
        QCOMPARE(
            LiveFixtures::find(s, QStringLiteral("be_app/app3"))->health, Health::NoLoadBalancing);
        const Sample *nginx
            = LiveFixtures::find(s, QStringLiteral("127.0.0.1:54775"), QStringLiteral("web"));
        QVERIFY(nginx);
        QCOMPARE(nginx->value(Metric::Connections), 1.0);

        const QList<Sample> only = PrometheusSource::interpret(
            asked, bodies, { QStringLiteral("be_web/web1") }, 0, &error);
        QCOMPARE(only.size(), 1);

        bodies[1] = LiveFixtures::read(QStringLiteral("prometheus/query-error.json"));
        QVERIFY(PrometheusSource::interpret(asked, bodies, {}, 0, &error).isEmpty());
        QVERIFY2(error.startsWith(u"haproxy_server_status: Prometheus refused the query"),
            qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusSource)
#include "tst_prometheussource.moc"
