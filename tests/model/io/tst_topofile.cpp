// SPDX-License-Identifier: MIT
#include "design/design.h"
#include "hostiletext.h"
#include "io/topofile.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

class TestTopoFile : public QObject
{
    Q_OBJECT

private:
    static DesignData sample()
    {
        Design d;
        d.setName(QStringLiteral("Two servers"));
        d.setDomain(QStringLiteral("www.foobar.com"));
        Host h;
        h.id = QStringLiteral("server1");
        h.label = QStringLiteral("Server 1");
        h.rect = QRectF(10, 20, 300, 200);
        d.addHost(h);
        Component user;
        user.id = QStringLiteral("user");
        user.kind = QStringLiteral("client");
        user.pos = QPointF(100, 0);
        d.addComponent(user);
        Component lb;
        lb.id = QStringLiteral("lb");
        lb.kind = QStringLiteral("load_balancer");
        lb.label = QStringLiteral("HAProxy «edge»");
        lb.pos = QPointF(100.5, 140.25);
        lb.props.insert(QStringLiteral("algorithm"), QStringLiteral("leastconn"));
        lb.props.insert(QStringLiteral("health_checks"), true);
        d.addComponent(lb);
        Component web;
        web.id = QStringLiteral("web");
        web.kind = QStringLiteral("web_server");
        web.host = QStringLiteral("server1");
        web.pos = QPointF(100, 280);
        d.addComponent(web);
        Component fw;
        fw.id = QStringLiteral("fw");
        fw.kind = QStringLiteral("firewall");
        fw.props.insert(QStringLiteral("allowed_ports"), QStringList{ QStringLiteral("443") });
        d.addComponent(fw);
        Link l;
        l.id = QStringLiteral("l1");
        l.from = QStringLiteral("user");
        l.to = QStringLiteral("lb");
        l.protocol = QStringLiteral("https");
        d.addLink(l);
        Link l2;
        l2.id = QStringLiteral("l2");
        l2.from = QStringLiteral("lb");
        l2.to = QStringLiteral("web");
        l2.protocol = QStringLiteral("http");
        l2.port = 8080;
        l2.props.insert(QStringLiteral("weight"), 3);
        d.addLink(l2);
        d.setAcceptedFindings({ { QStringLiteral("spof.component"),
            { QStringLiteral("lb") },
            QStringLiteral("Budget: one balancer for now") } });
        SourceConfig stats;
        stats.id = QStringLiteral("haproxy");
        stats.kind = QStringLiteral("haproxy");
        stats.address = QStringLiteral("https://10.0.0.1:8404/stats;csv");
        stats.user = QStringLiteral("admin");
        stats.options.insert(QStringLiteral("password_env"), QStringLiteral("LB_PASSWORD"));
        stats.options.insert(QStringLiteral("poll_interval"), 2000);
        d.addSource(stats);
        SourceConfig db;
        db.id = QStringLiteral("db");
        db.kind = QStringLiteral("mysql");
        db.address = QStringLiteral("10.0.0.3:3306");
        d.addSource(db);
        d.bind({ QStringLiteral("lb"), QStringLiteral("haproxy"), QStringLiteral("fe_main"), {} });
        d.bind(
            { QStringLiteral("web"), QStringLiteral("haproxy"), QStringLiteral("be_web/web"), {} });
        d.bind({ QStringLiteral("server1"), QStringLiteral("db"), QString(), {} });
        return d.data();
    }

    static QByteArray withRoot(const QByteArray &body)
    {
        return QByteArrayLiteral("{\"format\":\"toposcope\",\"version\":2,") + body + '}';
    }

private Q_SLOTS:
    void saveThenLoadIsEqual()
    {
        const DesignData original = sample();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("design.topo"));
        QString error;
        QVERIFY2(TopoFile::write(path, original, &error), qPrintable(error));
        const TopoFile::ReadResult r = TopoFile::read(path);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.fileVersion, TopoFile::CurrentVersion);
        QCOMPARE(r.data.name, original.name);
        QCOMPARE(r.data.hosts, original.hosts);
        QCOMPARE(r.data.links, original.links);
        QCOMPARE(r.data.acceptedFindings, original.acceptedFindings);
        QCOMPARE(r.data.sources, original.sources);
        QCOMPARE(r.data.bindings, original.bindings);
        QCOMPARE(r.data.components.size(), original.components.size());
        for (qsizetype i = 0; i < original.components.size(); ++i)
            QCOMPARE(r.data.components.at(i), original.components.at(i));
        QVERIFY(r.data == original);
        // Writing what was read gives the same bytes: saving does not drift.
        QCOMPARE(TopoFile::serialize(r.data), TopoFile::serialize(original));
    }

    void unknownFieldsAreKept()
    {
        const QByteArray text = withRoot(
            "\"future\":{\"a\":1},"
            "\"components\":[{\"id\":\"u\",\"kind\":\"client\",\"x\":0,\"y\":0,\"colour\":\"red\","
            "\"properties\":{\"vip_level\":3}}]");
        const TopoFile::ReadResult r = TopoFile::parse(text);
        QVERIFY2(r.ok, qPrintable(r.error));
        const QJsonObject again = QJsonDocument::fromJson(TopoFile::serialize(r.data)).object();
        QCOMPARE(
            again.value(QStringLiteral("future")).toObject().value(QStringLiteral("a")).toInt(), 1);
        const QJsonObject c = again.value(QStringLiteral("components")).toArray().at(0).toObject();
        QCOMPARE(c.value(QStringLiteral("colour")).toString(), QStringLiteral("red"));
        QCOMPARE(c.value(QStringLiteral("properties"))
                     .toObject()
                     .value(QStringLiteral("vip_level"))
                     .toInt(),
            3);
    }

    void sourcesOfNewerKindsAndUnknownFieldsAreKept()
    {
        const QByteArray text = withRoot(
            "\"components\":[{\"id\":\"u\",\"kind\":\"client\"}],"
            "\"sources\":[{\"id\":\"q\",\"kind\":\"quic-probe\",\"address\":\"whatever\","
            "\"colour\":\"red\",\"options\":{\"burst\":3,\"timeout\":700}}],"
            "\"bindings\":[{\"element\":\"u\",\"source\":\"q\",\"key\":\"k\",\"note\":1}]");
        const TopoFile::ReadResult r = TopoFile::parse(text);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.data.sources.size(), 1);
        QCOMPARE(r.data.sources.at(0).options.value(QStringLiteral("timeout")).toInt(), 700);
        QCOMPARE(r.data.sources.at(0).options.value(QStringLiteral("poll_interval")).toInt(), 1000);
        const QJsonObject again = QJsonDocument::fromJson(TopoFile::serialize(r.data)).object();
        const QJsonObject source
            = again.value(QStringLiteral("sources")).toArray().at(0).toObject();
        QCOMPARE(source.value(QStringLiteral("kind")).toString(), QStringLiteral("quic-probe"));
        QCOMPARE(source.value(QStringLiteral("colour")).toString(), QStringLiteral("red"));
        QCOMPARE(source.value(QStringLiteral("options"))
                     .toObject()
                     .value(QStringLiteral("burst"))
                     .toInt(),
            3);
        const QJsonObject binding
            = again.value(QStringLiteral("bindings")).toArray().at(0).toObject();
        QCOMPARE(binding.value(QStringLiteral("note")).toInt(), 1);
        QCOMPARE(binding.value(QStringLiteral("key")).toString(), QStringLiteral("k"));
    }

    void migratesVersion1()
    {
        const QByteArray v1
            = "{\"format\":\"toposcope\",\"version\":1,\"name\":\"old\","
              "\"nodes\":[{\"id\":\"u\",\"type\":\"client\",\"position\":{\"x\":5,\"y\":6}},"
              "{\"id\":\"lb\",\"type\":\"load_balancer\",\"properties\":{\"algorithm\":\"source\"}}"
              "],"
              "\"edges\":[{\"id\":\"e\",\"source\":\"u\",\"target\":\"lb\",\"protocol\":\"http\"}]"
              "}";
        const TopoFile::ReadResult r = TopoFile::parse(v1);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.fileVersion, 1);
        QCOMPARE(r.data.components.size(), 2);
        QCOMPARE(r.data.components.at(0).kind, QStringLiteral("client"));
        QCOMPARE(r.data.components.at(0).pos, QPointF(5, 6));
        QCOMPARE(r.data.components.at(1).props.value(QStringLiteral("algorithm")).toString(),
            QStringLiteral("source"));
        QCOMPARE(r.data.links.size(), 1);
        QCOMPARE(r.data.links.at(0).from, QStringLiteral("u"));
        QCOMPARE(r.data.links.at(0).port, 80);
        QVERIFY(!r.data.extra.contains(QStringLiteral("nodes")));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected"); // a part of the message a user must see

        QTest::newRow("empty") << QByteArray()
                               << "not valid JSON at line 1, column 1: the file is empty";
        QTest::newRow("truncated")
            << QByteArray("{\"format\":\"toposcope\",\n\"version\":2,\n\"components\":[{\"id\":")
            << "line 3";
        QTest::newRow("binary garbage")
            << QByteArray("\x00\xff\xfe garbage", 12) << "not valid JSON";
        QTest::newRow("array root") << QByteArray("[1,2]") << "top level is not an object";
        QTest::newRow("other format")
            << QByteArray("{\"format\":\"drawio\",\"version\":2}") << "not a Toposcope design";
        QTest::newRow("version text")
            << QByteArray("{\"format\":\"toposcope\",\"version\":\"2\"}") << "version";
        QTest::newRow("newer version")
            << QByteArray("{\"format\":\"toposcope\",\"version\":99}") << "newer Toposcope";
        QTest::newRow("components not a list")
            << withRoot("\"components\":{}") << "components: expected a list";
        QTest::newRow("unknown kind")
            << withRoot("\"components\":[{\"id\":\"a\",\"kind\":\"toaster\"}]")
            << "components[0].kind: unknown kind \"toaster\"";
        QTest::newRow("missing id")
            << withRoot("\"components\":[{\"kind\":\"client\"}]") << "components[0].id: missing";
        QTest::newRow("duplicate id")
            << withRoot("\"components\":[{\"id\":\"a\",\"kind\":\"client\"},"
                        "{\"id\":\"a\",\"kind\":\"dns\"}]")
            << "components[1].id: \"a\" is used by another element";
        QTest::newRow("bad enum") << withRoot(
            "\"components\":[{\"id\":\"a\",\"kind\":\"load_balancer\","
            "\"properties\":{\"algorithm\":\"fastest\"}}]")
                                  << "components[0].properties.algorithm: expected one of";
        QTest::newRow("bad bool")
            << withRoot("\"components\":[{\"id\":\"a\",\"kind\":\"load_balancer\","
                        "\"properties\":{\"health_checks\":\"yes\"}}]")
            << "components[0].properties.health_checks: expected true or false";
        QTest::newRow("huge coordinate")
            << withRoot("\"components\":[{\"id\":\"a\",\"kind\":\"client\",\"x\":1e300}]")
            << "components[0].x: expected a number";
        QTest::newRow("missing host")
            << withRoot("\"components\":[{\"id\":\"a\",\"kind\":\"client\",\"host\":\"h\"}]")
            << "components[0].host: no host with id \"h\"";
        QTest::newRow("dangling link") << withRoot(
            "\"components\":[{\"id\":\"a\",\"kind\":\"client\"}],"
            "\"links\":[{\"id\":\"l\",\"from\":\"a\",\"to\":\"b\",\"protocol\":\"http\"}]")
                                       << "links[0].to: no component with id \"b\"";
        QTest::newRow("self link") << withRoot(
            "\"components\":[{\"id\":\"a\",\"kind\":\"client\"}],"
            "\"links\":[{\"id\":\"l\",\"from\":\"a\",\"to\":\"a\",\"protocol\":\"http\"}]")
                                   << "links[0].to: a link cannot go from a component to itself";
        QTest::newRow("unknown protocol") << withRoot(
            "\"components\":[{\"id\":\"a\",\"kind\":\"client\"},"
            "{\"id\":\"b\",\"kind\":\"dns\"}],"
            "\"links\":[{\"id\":\"l\",\"from\":\"a\",\"to\":\"b\",\"protocol\":\"smtp\"}]")
                                          << "links[0].protocol: unknown protocol \"smtp\"";
        QTest::newRow("port out of range") << withRoot(
            "\"components\":[{\"id\":\"a\",\"kind\":\"client\"},"
            "{\"id\":\"b\",\"kind\":\"dns\"}],"
            "\"links\":[{\"id\":\"l\",\"from\":\"a\",\"to\":\"b\",\"protocol\":\"dns\","
            "\"port\":70000}]") << "links[0].port: expected a number from 0 to 65535";
        QTest::newRow("host on a link id") << withRoot(
            "\"hosts\":[{\"id\":\"x\"}],\"components\":[{\"id\":\"x\",\"kind\":\"client\"}]")
                                           << "components[0].id: \"x\" is used by another element";
        const QByteArray two = "\"components\":[{\"id\":\"a\",\"kind\":\"client\"}],";
        QTest::newRow("password in a source")
            << withRoot(two
                   + "\"sources\":[{\"id\":\"s\",\"kind\":\"mysql\",\"address\":\"h:3306\","
                     "\"password\":\"hunter2\"}]")
            << "sources[0].password: a design file never holds a password";
        QTest::newRow("password in options")
            << withRoot(two
                   + "\"sources\":[{\"id\":\"s\",\"kind\":\"mysql\",\"address\":\"h:3306\","
                     "\"options\":{\"Password\":\"x\"}}]")
            << "sources[0].options.Password: a design file never holds a password";
        QTest::newRow("source address of the wrong form")
            << withRoot(
                   two + "\"sources\":[{\"id\":\"s\",\"kind\":\"nginx\",\"address\":\"h:80\"}]")
            << "sources[0].address: expected an http:// or https:// address";
        QTest::newRow("source without kind")
            << withRoot(two + "\"sources\":[{\"id\":\"s\",\"address\":\"h:80\"}]")
            << "sources[0].kind: missing";
        QTest::newRow("duplicate source id") << withRoot(two
            + "\"sources\":[{\"id\":\"s\",\"kind\":\"dns\",\"address\":\"a.b\"},"
              "{\"id\":\"s\",\"kind\":\"dns\",\"address\":\"c.d\"}]")
                                             << "sources[1].id: \"s\" is used by another source";
        QTest::newRow("bad option")
            << withRoot(two
                   + "\"sources\":[{\"id\":\"s\",\"kind\":\"dns\",\"address\":\"a.b\","
                     "\"options\":{\"poll_interval\":1}}]")
            << "sources[0].options.poll_interval: expected a number from 100";
        const QByteArray withSource = two
            + "\"sources\":[{\"id\":\"lb\",\"kind\":\"haproxy\",\"address\":\"http://h/stats\"},"
              "{\"id\":\"n\",\"kind\":\"nginx\",\"address\":\"http://h/stub_status\"}],";
        QTest::newRow("binding to a missing element")
            << withRoot(withSource
                   + "\"bindings\":[{\"element\":\"z\",\"source\":\"lb\",\"key\":\"k\"}]")
            << "bindings[0].element: no component or host with id \"z\"";
        QTest::newRow("binding to a missing source")
            << withRoot(
                   withSource + "\"bindings\":[{\"element\":\"a\",\"source\":\"x\",\"key\":\"k\"}]")
            << "bindings[0].source: no source with id \"x\"";
        QTest::newRow("keyed source without key")
            << withRoot(withSource + "\"bindings\":[{\"element\":\"a\",\"source\":\"lb\"}]")
            << "bindings[0].key: missing";
        QTest::newRow("key for a source without keys")
            << withRoot(
                   withSource + "\"bindings\":[{\"element\":\"a\",\"source\":\"n\",\"key\":\"k\"}]")
            << "bindings[0].key: a nginx source reports one thing";
        QTest::newRow("key bound twice") << withRoot(withSource
            + "\"bindings\":[{\"element\":\"a\",\"source\":\"lb\",\"key\":\"k\"},"
              "{\"element\":\"a\",\"source\":\"lb\",\"key\":\"k\"}]")
                                         << "bindings[1].key: lb \"k\" is bound to \"a\" already";
        QTest::newRow("bindings not a list")
            << withRoot(withSource + "\"bindings\":{}") << "bindings: expected a list";
        QByteArray deep(100000, '[');
        QTest::newRow("deep nesting") << deep << "not valid JSON";
        QTest::newRow("id too long") << withRoot(
            "\"components\":[{\"id\":\"" + QByteArray(5000, 'a') + "\",\"kind\":\"client\"}]")
                                     << "components[0].id: longer than";
        // Issue 11: messages that named the wrong thing.
        QTest::newRow("absurd version")
            << QByteArray("{\"format\":\"toposcope\",\"version\":1e308}")
            << "version: 1e+308 is not a version number (this Toposcope reads versions 1 to 2)";
        QTest::newRow("missing version")
            << QByteArray("{\"format\":\"toposcope\"}") << "version: missing";
        QTest::newRow("top-level null") << QByteArray(
            " null\n") << "not a Toposcope design: the file holds null, not an object";
        QTest::newRow("top-level number")
            << QByteArray("42") << "not a Toposcope design: the file holds a number";
        QTest::newRow("top-level text")
            << QByteArray("\"design\"") << "not a Toposcope design: the file holds text";
        // Issue 11: bounded text, so that no file costs gigabytes when it is drawn or exported.
        QTest::newRow("label too long")
            << withRoot("\"components\":[{\"id\":\"a\",\"kind\":\"client\",\"label\":\""
                   + QByteArray(64 * 1024, 'l') + "\"}]")
            << "components[0].label: longer than 1024 characters";
        QTest::newRow("text property too long")
            << withRoot("\"components\":[{\"id\":\"a\",\"kind\":\"generic\",\"properties\":"
                        "{\"description\":\""
                   + QByteArray(5 * 1024 * 1024, 'd') + "\"}}]")
            << "components[0].properties.description: "
               "longer than 4096 characters";
        QByteArray ports;
        for (int i = 0; i < 2000; ++i)
            ports += (i ? ",\"" : "\"") + QByteArray::number(i) + '"';
        QTest::newRow("list too long") << withRoot(
            "\"components\":[{\"id\":\"f\",\"kind\":\"firewall\",\"properties\":"
            "{\"allowed_ports\":["
            + ports + "]}}]") << "components[0].properties.allowed_ports: more than 1024 items";
        QTest::newRow("host label too long")
            << withRoot("\"hosts\":[{\"id\":\"h\",\"label\":\"" + QByteArray(2000, 'h') + "\"}]")
            << "hosts[0].label: longer than 1024";
        QTest::newRow("name too long")
            << withRoot("\"name\":\"" + QByteArray(2000, 'n') + "\"") << "name: longer than 1024";
    }

    void version1ErrorsNameVersion1Fields_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        // Before: "nodes": "garbage" read as an empty design, and errors said "components".
        QTest::newRow("nodes not a list")
            << QByteArray("\"nodes\":\"garbage\"") << "nodes: expected a list";
        QTest::newRow("edges not a list") << QByteArray("\"edges\":{}") << "edges: expected a list";
        QTest::newRow("node not an object")
            << QByteArray("\"nodes\":[7]") << "nodes[0]: expected an object";
        QTest::newRow("unknown type")
            << QByteArray("\"nodes\":[{\"id\":\"a\",\"type\":\"router\"}]")
            << "nodes[0].type: unknown kind \"router\"";
        QTest::newRow("missing type")
            << QByteArray("\"nodes\":[{\"id\":\"a\"}]") << "nodes[0].type: missing";
        QTest::newRow("position not an object")
            << QByteArray("\"nodes\":[{\"id\":\"a\",\"type\":\"client\",\"position\":\"x\"}]")
            << "nodes[0].position: expected an object with x and y";
        QTest::newRow("bad position") << QByteArray("\"nodes\":[{\"id\":\"a\",\"type\":\"client\","
                                                    "\"position\":{\"x\":\"left\",\"y\":0}}]")
                                      << "nodes[0].position.x: expected a number";
        QTest::newRow("dangling target") << QByteArray(
            "\"nodes\":[{\"id\":\"a\",\"type\":\"client\"}],"
            "\"edges\":[{\"id\":\"e\",\"source\":\"a\",\"target\":\"z\","
            "\"protocol\":\"http\"}]") << "edges[0].target: no component with id \"z\"";
        QTest::newRow("missing source")
            << QByteArray("\"nodes\":[{\"id\":\"a\",\"type\":\"client\"}],"
                          "\"edges\":[{\"id\":\"e\",\"target\":\"a\",\"protocol\":\"http\"}]")
            << "edges[0].source: missing";
        QTest::newRow("host position")
            << QByteArray("\"hosts\":[{\"id\":\"h\",\"position\":[1,2]}]")
            << "hosts[0].position: expected an object with x and y";
    }

    void version1ErrorsNameVersion1Fields()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        const TopoFile::ReadResult r
            = TopoFile::parse("{\"format\":\"toposcope\",\"version\":1," + body + '}');
        QVERIFY(!r.ok);
        QCOMPARE(r.error, expected);
    }

    void version1WithVersion2NamesReadsThem()
    {
        // A half-migrated draft: the version 2 name is read where it is there.
        const TopoFile::ReadResult r = TopoFile::parse(
            "{\"format\":\"toposcope\",\"version\":1,\"nodes\":[{\"id\":\"a\","
            "\"kind\":\"client\",\"x\":3},{\"id\":\"b\",\"type\":\"dns\","
            "\"position\":{\"x\":1,\"y\":2}}],"
            "\"edges\":[{\"id\":\"e\",\"from\":\"a\",\"target\":\"b\",\"protocol\":\"dns\"}]}");
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.data.components.at(0).kind, QStringLiteral("client"));
        QCOMPARE(r.data.components.at(0).pos, QPointF(3, 0));
        QCOMPARE(r.data.components.at(1).pos, QPointF(1, 2));
        QCOMPARE(r.data.links.at(0).to, QStringLiteral("b"));
        // Saved as version 2 and read again, nothing changes.
        const TopoFile::ReadResult again = TopoFile::parse(TopoFile::serialize(r.data));
        QVERIFY2(again.ok, qPrintable(again.error));
        QVERIFY(again.data == r.data);
    }

    void readRefusesEndlessDevices_data()
    {
        QTest::addColumn<QString>("device");
        QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero");
        QTest::newRow("/dev/urandom") << QStringLiteral("/dev/urandom");
    }

    void readRefusesEndlessDevices()
    {
        // Before: the size check read size(), 0 for a device, and reading took 2 GB and then
        // aborted with std::bad_alloc.
        QFETCH(QString, device);
        QTemporaryDir dir;
        const QString link = dir.filePath(QStringLiteral("design.topo"));
        QVERIFY(QFile::link(device, link));
        const TopoFile::ReadResult r = TopoFile::read(link);
        QVERIFY(!r.ok);
        QCOMPARE(r.error, QStringLiteral("%1 is a device, not a file").arg(link));
    }

    void readFifoWithoutWriterDoesNotHang()
    {
        // Before: open() waited for a writer for ever.
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("design.topo"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        const TopoFile::ReadResult r = TopoFile::read(fifo);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QStringLiteral("the file is empty")), qPrintable(r.error));
    }

    void writeRefusesWhatItCouldNotRead()
    {
        // What Toposcope writes, it must read: a component beyond the coordinates, or a label
        // beyond the limit, is refused before anything is written.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("far.topo"));
        DesignData far = sample();
        far.components[1].pos = QPointF(1.2e7, 0);
        QString error;
        QVERIFY(!TopoFile::write(path, far, &error));
        QCOMPARE(error,
            QStringLiteral("cannot write %1: components[1].x: 12000000 is outside -10000000 to "
                           "10000000")
                .arg(path));
        QVERIFY(!QFile::exists(path));
        DesignData wordy = sample();
        wordy.hosts[0].label = QString(5000, u'w');
        QVERIFY(!TopoFile::write(path, wordy, &error));
        QVERIFY2(error.endsWith(QStringLiteral("hosts[0].label: longer than 1024 characters")),
            qPrintable(error));
        QVERIFY(TopoFile::problem(sample()).isEmpty());
    }

    void malformed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        const TopoFile::ReadResult r = TopoFile::parse(bytes);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
        QVERIFY(r.data.components.isEmpty()); // nothing half-read
    }

    void syntaxErrorHasLineAndColumn()
    {
        const TopoFile::ReadResult r
            = TopoFile::parse("{\n  \"format\": \"toposcope\",\n  \"version\": 2,,\n}");
        QVERIFY(!r.ok);
        QCOMPARE(r.line, 3);
        QVERIFY(r.column > 1);
    }

    void failedSaveKeepsTheOldFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.topo"));
        QString error;
        QVERIFY(TopoFile::write(path, sample(), &error));
        const QByteArray before = [&] {
            QFile f(path);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        DesignData other;
        other.name = QStringLiteral("other");
        const bool written = TopoFile::write(path, other, &error);
        QFile::setPermissions(
            dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        if (written)
            QSKIP("running as root: directory permissions do not stop writes");
        QVERIFY(!error.isEmpty());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }

    void hostileTextRoundTrips()
    {
        // A property over random strings: whatever the names, labels, property values and
        // reasons hold (markup, control characters, NUL, lone surrogates, U+FEFF at the start
        // of a string, which Qt's JSON reader took for a byte order mark and dropped), what is
        // written is read back exactly.
        QRandomGenerator rng(1108);
        const QStringList samples = HostileText::samples();
        for (int round = 0; round < 200; ++round) {
            DesignData d = sample();
            const auto text = [&](int max) {
                return round < samples.size() && rng.bounded(2) == 0
                    ? samples.at(round)
                    : HostileText::random(rng, max);
            };
            d.name = text(80);
            d.domain = text(40);
            d.description = text(300);
            for (Host &h : d.hosts)
                h.label = text(40);
            for (Component &c : d.components)
                c.label = text(40);
            for (Link &l : d.links)
                l.label = text(40);
            if (!d.acceptedFindings.isEmpty())
                d.acceptedFindings.first().reason = text(200);
            const QByteArray bytes = TopoFile::serialize(d);
            const TopoFile::ReadResult r = TopoFile::parse(bytes);
            QVERIFY2(r.ok, qPrintable(r.error));
            QCOMPARE(r.data.name, d.name);
            QCOMPARE(r.data.domain, d.domain);
            QCOMPARE(r.data.description, d.description);
            QCOMPARE(r.data.hosts, d.hosts);
            QCOMPARE(r.data.links, d.links);
            QCOMPARE(r.data.acceptedFindings, d.acceptedFindings);
            for (qsizetype i = 0; i < d.components.size(); ++i)
                QCOMPARE(r.data.components.at(i).label, d.components.at(i).label);
        }
    }

    void missingFileSaysSo()
    {
        const TopoFile::ReadResult r = TopoFile::read(QStringLiteral("/nonexistent/x.topo"));
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QStringLiteral("/nonexistent/x.topo: no such file")),
            qPrintable(r.error));
    }
};

QTEST_GUILESS_MAIN(TestTopoFile)
#include "tst_topofile.moc"
