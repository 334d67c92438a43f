// SPDX-License-Identifier: MIT
// The lab as a user drives it: `toposcope lab up` starts real HAProxy, Nginx, the application
// servers, MariaDB primary and replica, Prometheus and the exporters; `lab status` says how to
// reach each; `lab load` sends known traffic; `lab down` leaves nothing running.
#include "io/topofile.h"
#include "lab/processtable.h"
#include "labfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

class tst_Lab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void statusNamesEveryServerAsProbeTakesIt();
    void upAgainChangesNothing();
    void boundDesignOpensAndIsBoundToTheLab();
    void loadIsSentAtTheRateAndSplitRoundRobin();
    void aWriteOnThePrimaryIsReadOnTheReplica();
    void aServerDisabledThroughTheRuntimeApiIsInMaintenance();
    void downStopsExactlyWhatUpStarted();

private:
    LabFixture m_lab;
};

void tst_Lab::initTestCase()
{
    QString why;
    QVERIFY2(m_lab.up(&why), qPrintable(why));
}

void tst_Lab::statusNamesEveryServerAsProbeTakesIt()
{
    QString out;
    QCOMPARE(
        m_lab.lab(
            { QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json") }, &out),
        0);
    const QJsonObject status = QJsonDocument::fromJson(out.toUtf8()).object();
    QVERIFY(status.value(QStringLiteral("up")).toBool());
    const QJsonArray servers = status.value(QStringLiteral("servers")).toArray();
    QVERIFY(servers.size() >= 12);
    QStringList kinds;
    for (const QJsonValue &v : servers) {
        const QJsonObject s = v.toObject();
        const QString kind = s.value(QStringLiteral("kind")).toString();
        const QString address = s.value(QStringLiteral("address")).toString();
        QVERIFY(!s.value(QStringLiteral("name")).toString().isEmpty());
        kinds.append(kind);
        // Every server answers where the status says, on loopback.
        if (address.startsWith(QLatin1String("http://"))) {
            QVERIFY2(address.startsWith(QLatin1String("http://127.0.0.1:")), qPrintable(address));
            int code = 0;
            LabFixture::get(address, &code);
            QVERIFY2(
                code == 200, qPrintable(QStringLiteral("%1 answered %2").arg(address).arg(code)));
        } else if (kind == QLatin1String("mysql")) {
            QTcpSocket socket;
            socket.connectToHost(
                QStringLiteral("127.0.0.1"), quint16(address.section(u':', 1).toInt()));
            QVERIFY2(socket.waitForReadyRead(5000), qPrintable(address)); // the greeting
            QVERIFY(!s.value(QStringLiteral("password_file")).toString().isEmpty());
        } else if (kind == QLatin1String("haproxy-socket")) {
            QVERIFY(m_lab.runtime(QStringLiteral("lb"), "show info").contains("Name: HAProxy"));
        }
    }
    for (const char *k :
        { "haproxy", "haproxy-socket", "nginx", "mysql", "prometheus", "exporter", "http" })
        QVERIFY2(kinds.contains(QLatin1String(k)), k);
    QVERIFY(status.value(QStringLiteral("syslog"))
                .toString()
                .startsWith(QLatin1String("udp://127.0.0.1:")));
}

void tst_Lab::upAgainChangesNothing()
{
    QString out;
    QCOMPARE(m_lab.lab({ QStringLiteral("up") }, &out), 0);
    QVERIFY2(out.contains(QLatin1String("is up already")), qPrintable(out));
    QCOMPARE(out.trimmed().split(u'\n').constLast(), m_lab.designPath());
    for (const LabState::Process &p : m_lab.state().processes)
        QVERIFY2(ProcessTable::isRunning(p.pid, p.startTime), qPrintable(p.name));
}

void tst_Lab::boundDesignOpensAndIsBoundToTheLab()
{
    const TopoFile::ReadResult r = TopoFile::read(m_lab.designPath());
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(!r.data.sources.isEmpty());
    QStringList bound;
    for (const Binding &b : r.data.bindings)
        bound.append(b.element);
    for (const char *element : { "lb", "web-1", "web-2", "app-1", "app-2", "db-1", "db-2" })
        QVERIFY2(bound.contains(QLatin1String(element)), element);
    for (const SourceConfig &s : r.data.sources) {
        QVERIFY2(s.address.contains(QLatin1String("127.0.0.1")) || s.address.startsWith(u'/'),
            qPrintable(s.address));
    }
}

void tst_Lab::loadIsSentAtTheRateAndSplitRoundRobin()
{
    const auto before = m_lab.stats(QStringLiteral("lb"));
    const qint64 web1Before = before.value(QStringLiteral("be_lb/web-1"))
                                  .value(QStringLiteral("hrsp_2xx"))
                                  .toLongLong();
    const qint64 web2Before = before.value(QStringLiteral("be_lb/web-2"))
                                  .value(QStringLiteral("hrsp_2xx"))
                                  .toLongLong();
    QString out;
    QCOMPARE(m_lab.lab({ QStringLiteral("load"),
                           QStringLiteral("--rate"),
                           QStringLiteral("100"),
                           QStringLiteral("--duration"),
                           QStringLiteral("6"),
                           QStringLiteral("--format"),
                           QStringLiteral("json") },
                 &out),
        0);
    const QJsonObject report = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(report.value(QStringLiteral("sent")).toInt(), 600);
    QCOMPARE(report.value(QStringLiteral("answered")).toInt(), 600);
    QCOMPARE(report.value(QStringLiteral("status")).toObject().value(QStringLiteral("2xx")).toInt(),
        600);
    QVERIFY(std::abs(report.value(QStringLiteral("rate")).toDouble() - 100) < 5);
    // Round robin: each application server answered half, and HAProxy counted the same.
    const QJsonObject servers = report.value(QStringLiteral("servers")).toObject();
    QCOMPARE(servers.value(QStringLiteral("app-1")).toInt(), 300);
    QCOMPARE(servers.value(QStringLiteral("app-2")).toInt(), 300);
    const auto after = m_lab.stats(QStringLiteral("lb"));
    QCOMPARE(
        after.value(QStringLiteral("be_lb/web-1")).value(QStringLiteral("hrsp_2xx")).toLongLong()
            - web1Before,
        300);
    QCOMPARE(
        after.value(QStringLiteral("be_lb/web-2")).value(QStringLiteral("hrsp_2xx")).toLongLong()
            - web2Before,
        300);
}

void tst_Lab::aWriteOnThePrimaryIsReadOnTheReplica()
{
    // Through the application server linked to the primary, then from the replica.
    const QString app1 = m_lab.address(QStringLiteral("app-1")).section(u'/', 0, 2);
    QString error;
    const QString before = m_lab.sql(QStringLiteral("db-2"),
        QStringLiteral("SELECT COUNT(*) FROM toposcope_lab.visits WHERE note = 'live-test'"),
        &error);
    QVERIFY2(!before.isEmpty(), qPrintable(error));
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request{ QUrl(app1 + QStringLiteral("/visit")) };
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("text/plain"));
    QNetworkReply *reply = network.post(request, QByteArrayLiteral("live-test"));
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
    reply->deleteLater();
    QTRY_COMPARE_WITH_TIMEOUT(m_lab.sql(QStringLiteral("db-2"),
                                  QStringLiteral("SELECT COUNT(*) FROM toposcope_lab.visits WHERE "
                                                 "note = 'live-test'")),
        QString::number(before.toInt() + 1),
        10000);
    // And the replica refuses writes of its own: it is read-only.
    QCOMPARE(m_lab.sql(QStringLiteral("db-2"), QStringLiteral("SELECT @@read_only")),
        QStringLiteral("1"));
}

void tst_Lab::aServerDisabledThroughTheRuntimeApiIsInMaintenance()
{
    QVERIFY(m_lab.runtime(QStringLiteral("lb"), "disable server be_lb/web-1").trimmed().isEmpty());
    QCOMPARE(m_lab.stats(QStringLiteral("lb"))
                 .value(QStringLiteral("be_lb/web-1"))
                 .value(QStringLiteral("status")),
        QStringLiteral("MAINT"));
    m_lab.runtime(QStringLiteral("lb"), "enable server be_lb/web-1");
    QVERIFY(m_lab.stats(QStringLiteral("lb"))
                .value(QStringLiteral("be_lb/web-1"))
                .value(QStringLiteral("status"))
        != QLatin1String("MAINT"));
}

void tst_Lab::downStopsExactlyWhatUpStarted()
{
    QList<ProcessTable::Target> started;
    QList<qint64> children;
    for (const LabState::Process &p : m_lab.state().processes) {
        started.append({ p.pid, p.startTime });
        children += ProcessTable::children(p.pid);
    }
    QVERIFY(!children.isEmpty()); // Nginx's workers
    QString why;
    QVERIFY2(m_lab.down(&why), qPrintable(why));
    for (const ProcessTable::Target &t : std::as_const(started))
        QVERIFY(!ProcessTable::isRunning(t.pid, t.startTime));
    for (qint64 child : std::as_const(children))
        QVERIFY(!ProcessTable::isRunning(child));
    QVERIFY(!QFileInfo::exists(m_lab.directory()));
    QString out;
    QCOMPARE(m_lab.lab({ QStringLiteral("status") }, &out), 1);
    QVERIFY(out.contains(QLatin1String("no lab is up")));
    QCOMPARE(m_lab.lab({ QStringLiteral("down") }, &out), 0); // again: nothing to do
}

QTEST_GUILESS_MAIN(tst_Lab)
#include "tst_lab.moc"
