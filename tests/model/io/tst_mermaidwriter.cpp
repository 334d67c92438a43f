// SPDX-License-Identifier: MIT
#include "../../fixtures/mermaid/generateddesigns.h"
#include "design/kinds.h"
#include "design/limits.h"
#include "hostiletext.h"
#include "io/mermaidreader.h"
#include "io/mermaidwriter.h"

#include <QRegularExpression>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace {

/** Everything but the layout, which import recomputes. */
DesignData withoutLayout(DesignData d)
{
    for (Component &c : d.components)
        c.pos = QPointF();
    for (Host &h : d.hosts)
        h.rect = QRectF();
    return d;
}

QString kindOf(const DesignData &d, const QString &id)
{
    const Component *c = d.component(id);
    return c ? c->kind : QString();
}

} // namespace

class TestMermaidWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void distributedDesign();
    void safeIds();
    void labelsAreEscaped_data();
    void labelsAreEscaped();
    void nulIsDropped();
    void edgeText_data();
    void edgeText();
    void dashedEdges();
    void classDefPerKind();
    void roundTrip_data();
    void roundTrip();
    void roundTripWithoutMetadata_data();
    void roundTripWithoutMetadata();
    void editedDiagramWins();
    void writeFileIsAtomic();
    void hostileTextRoundTrips_data();
    void hostileTextRoundTrips();
};

void TestMermaidWriter::distributedDesign()
{
    const QString text = MermaidWriter::write(GeneratedDesigns::distributed());
    QVERIFY(text.startsWith(QStringLiteral("---\ntitle: \"Distributed web infrastructure\"\n"
                                           "---\nflowchart TD\n")));
    QVERIFY2(text.contains(QStringLiteral("    subgraph server_1 [\"Server 1\"]\n"
                                          "        web_1[\"Nginx\"]\n")),
        qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("        db_1[(\"MySQL primary\")]\n")));
    QVERIFY(text.contains(QStringLiteral("    lb{{\"HAProxy\"}}\n")));
    QVERIFY(text.contains(QStringLiteral("    user([\"User\"])\n")));
    QVERIFY(text.contains(QStringLiteral("    lb -->|\"HTTP, roundrobin\"| web_1\n")));
    QVERIFY(text.contains(QStringLiteral("    db_1 -.->|\"Replication\"| db_2\n")));
    QVERIFY(text.contains(QStringLiteral("    app_1 -->|\"File access\"| files_1\n")));
    QVERIFY(text.contains(QStringLiteral("    class db_1 primary\n")));
    QVERIFY(text.contains(QStringLiteral("    %% toposcope component db_2 ")));
}

void TestMermaidWriter::safeIds()
{
    const DesignData d = GeneratedDesigns::random(40, 7, true);
    const QHash<ElementId, QString> ids = MermaidWriter::mermaidIds(d);
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z][A-Za-z0-9_]*$"));
    const QStringList reserved = { "end",
        "graph",
        "subgraph",
        "style",
        "class",
        "classdef",
        "click",
        "linkstyle",
        "flowchart",
        "direction" };
    QSet<QString> seen;
    for (auto it = ids.cbegin(); it != ids.cend(); ++it) {
        QVERIFY2(safe.match(*it).hasMatch(), qPrintable(*it));
        QVERIFY2(!reserved.contains(it->toLower()), qPrintable(*it));
        QVERIFY2(!it->startsWith(u'o') && !it->startsWith(u'x'), qPrintable(*it));
        QVERIFY2(!seen.contains(it->toLower()), qPrintable(*it));
        seen.insert(it->toLower());
    }
    QCOMPARE(ids.size(), d.components.size() + d.hosts.size());
    QCOMPARE(ids.value(QStringLiteral("end")), QStringLiteral("n_end"));
    QCOMPARE(ids.value(QStringLiteral("web server 1")), QStringLiteral("web_server_1"));
    // "a-b" and "a_b" would meet; the second is numbered.
    QCOMPARE(ids.value(QStringLiteral("a-b")), QStringLiteral("a_b"));
    QCOMPARE(ids.value(QStringLiteral("a_b")), QStringLiteral("a_b_2"));
}

void TestMermaidWriter::labelsAreEscaped_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("written");
    QTest::newRow("quotes") << "He said \"hi\""
                            << "He said #quot;hi#quot;";
    QTest::newRow("hash") << "#1 & #quot;"
                          << "#35;1 #amp; #35;quot;";
    QTest::newRow("angles") << "a < b > c"
                            << "a #lt; b #gt; c";
    QTest::newRow("brackets") << "[a] (b) {c}"
                              << "[a] (b) {c}";
    QTest::newRow("unicode") << "Größe 日本 🚀"
                             << "Größe 日本 🚀";
    QTest::newRow("blanks") << " two  spaces\ttab"
                            << "#32;two#32;#32;spaces#9;tab";
    QTest::newRow("newline") << "one\ntwo"
                             << "one<br>two";
    QTest::newRow("backtick") << "`code`"
                              << "#96;code#96;";
    QTest::newRow("pipe") << "a|b"
                          << "a#124;b";
    QTest::newRow("icon") << "fa:fa-user"
                          << "fa#58;fa-user";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("control") << "a\x01"
                                "b"
                             << "a#1;b";
    QTest::newRow("blank before break") << "MySQL \nreplica"
                                        << "MySQL#32;<br>replica";
    QTest::newRow("other blanks") << QString(QChar(0xA0)) + "a" + QChar(0x2028) << "#160;a#8232;";
    QTest::newRow("backslash n") << "C:\\new \\x"
                                 << "C:#92;new \\x";
    QTest::newRow("carriage return") << "\ra\r\nb"
                                     << "#13;a#13;<br>b";
}

void TestMermaidWriter::labelsAreEscaped()
{
    QFETCH(QString, label);
    QFETCH(QString, written);
    QCOMPARE(MermaidWriter::escapeLabel(label), written);

    DesignData d;
    d.components.append(
        GeneratedDesigns::component(QStringLiteral("c"), QStringLiteral("web_server"), label));
    const MermaidReader::ReadResult r
        = MermaidReader::parse(MermaidWriter::write(d, { false, false, QStringLiteral("TD") }));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.data.components.size(), 1);
    QCOMPARE(r.data.components.first().label, label);
}

void TestMermaidWriter::nulIsDropped()
{
    // Found by fuzz_mermaid: NUL has no spelling in Mermaid; both directions drop it.
    const QString label = QStringLiteral("Ng") + QChar(0) + QStringLiteral("inx");
    QCOMPARE(MermaidWriter::escapeLabel(label), QStringLiteral("Nginx"));
    QCOMPARE(
        MermaidWriter::escapeLabel(QStringLiteral("a") + QChar(0) + QStringLiteral(" ") + QChar(0)),
        QStringLiteral("a#32;"));
    const MermaidReader::ReadResult r = MermaidReader::parse(
        QStringLiteral("flowchart TD\n  A[\"") + label + QStringLiteral("\"]\n"));
    QVERIFY(r.ok);
    QCOMPARE(r.data.components.first().label, QStringLiteral("Nginx"));
}

void TestMermaidWriter::edgeText_data()
{
    QTest::addColumn<QString>("fromKind");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("weight");
    QTest::addColumn<bool>("backup");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("text");

    QTest::newRow("plain") << "web_server"
                           << "http" << 80 << 1 << false << false << ""
                           << "HTTP";
    QTest::newRow("port") << "web_server"
                          << "http" << 8080 << 1 << false << false << ""
                          << "HTTP :8080";
    QTest::newRow("lb") << "load_balancer"
                        << "http" << 80 << 1 << false << false << ""
                        << "HTTP, leastconn";
    QTest::newRow("lb weight backup") << "load_balancer"
                                      << "https" << 443 << 3 << true << true << ""
                                      << "HTTPS, leastconn, weight 3, backup";
    QTest::newRow("tls") << "app_server"
                         << "mysql" << 3306 << 1 << false << true << ""
                         << "MySQL, TLS";
    QTest::newRow("label") << "app_server"
                           << "mysql" << 3307 << 1 << false << false << "writes only"
                           << "MySQL :3307 — writes only";
}

void TestMermaidWriter::edgeText()
{
    QFETCH(QString, fromKind);
    QFETCH(QString, protocol);
    QFETCH(int, port);
    QFETCH(int, weight);
    QFETCH(bool, backup);
    QFETCH(bool, tls);
    QFETCH(QString, label);
    QFETCH(QString, text);
    Component from
        = GeneratedDesigns::component(QStringLiteral("a"), fromKind, QStringLiteral("A"));
    from.props.insert(QStringLiteral("algorithm"), QStringLiteral("leastconn"));
    Link l = GeneratedDesigns::link(
        QStringLiteral("l"), QStringLiteral("a"), QStringLiteral("b"), protocol, label);
    l.port = port;
    l.props.insert(QStringLiteral("weight"), weight);
    l.props.insert(QStringLiteral("backup"), backup);
    l.props.insert(QStringLiteral("tls"), tls);
    QCOMPARE(MermaidWriter::linkText(from, l), text);
}

void TestMermaidWriter::dashedEdges()
{
    DesignData d;
    d.components
        = { GeneratedDesigns::component(
                QStringLiteral("w"), QStringLiteral("web_server"), QStringLiteral("Nginx")),
              GeneratedDesigns::component(
                  QStringLiteral("m"), QStringLiteral("monitoring"), QStringLiteral("Datadog")) };
    d.links = {
        GeneratedDesigns::link(QStringLiteral("l1"),
            QStringLiteral("w"),
            QStringLiteral("m"),
            QStringLiteral("metrics")),
        GeneratedDesigns::link(QStringLiteral("l2"),
            QStringLiteral("w"),
            QStringLiteral("m"),
            QStringLiteral("syslog")),
        GeneratedDesigns::link(
            QStringLiteral("l3"), QStringLiteral("m"), QStringLiteral("w"), QStringLiteral("http"))
    };
    const QString text = MermaidWriter::write(d);
    QVERIFY(text.contains(QStringLiteral("w -.->|\"Metrics\"| m")));
    QVERIFY(text.contains(QStringLiteral("w -.->|\"Syslog\"| m")));
    QVERIFY(text.contains(QStringLiteral("m -->|\"HTTP\"| w")));
}

void TestMermaidWriter::classDefPerKind()
{
    const DesignData d = GeneratedDesigns::random(26, 3, false);
    const QString text = MermaidWriter::write(d);
    for (const Kinds::KindSpec &k : Kinds::all()) {
        QVERIFY2(
            text.contains(QStringLiteral("    classDef %1 fill:").arg(k.name)), qPrintable(k.name));
        QVERIFY2(text.contains(QRegularExpression(
                     QStringLiteral("\n    class [a-z0-9_,]+ %1\n").arg(k.name))),
            qPrintable(k.name));
    }
    QVERIFY(text.contains(QStringLiteral("classDef host ")));
}

void TestMermaidWriter::roundTrip_data()
{
    QTest::addColumn<DesignData>("design");
    QTest::newRow("distributed") << GeneratedDesigns::distributed();
    QTest::newRow("empty") << DesignData();
    for (quint32 seed : { 1u, 2u, 3u, 4u, 5u })
        QTest::newRow(qPrintable(QStringLiteral("random %1").arg(seed)))
            << GeneratedDesigns::random(30, seed, false);
    for (quint32 seed : { 11u, 12u, 13u })
        QTest::newRow(qPrintable(QStringLiteral("nasty %1").arg(seed)))
            << GeneratedDesigns::random(45, seed, true);
}

void TestMermaidWriter::roundTrip()
{
    QFETCH(DesignData, design);
    const QString text = MermaidWriter::write(design);
    const MermaidReader::ReadResult r = MermaidReader::parse(text);
    QVERIFY2(r.ok, qPrintable(r.error + u'\n' + text));
    if (!design.components.isEmpty())
        QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(u'\n')));
    const DesignData back = withoutLayout(r.data);
    const DesignData expected = withoutLayout(design);
    QCOMPARE(back.name, expected.name);
    QCOMPARE(back.domain, expected.domain);
    QCOMPARE(back.description, expected.description);
    QCOMPARE(back.hosts.size(), expected.hosts.size());
    for (qsizetype i = 0; i < expected.hosts.size(); ++i)
        QCOMPARE(back.hosts.at(i), expected.hosts.at(i));
    QCOMPARE(back.components.size(), expected.components.size());
    // Unhosted components come first in the diagram; compare by id.
    for (const Component &c : expected.components) {
        const Component *b = back.component(c.id);
        QVERIFY2(b, qPrintable(c.id));
        QCOMPARE(*b, c);
    }
    QCOMPARE(back.links, expected.links);
    QCOMPARE(back.acceptedFindings, expected.acceptedFindings);
}

void TestMermaidWriter::roundTripWithoutMetadata_data()
{
    QTest::addColumn<DesignData>("design");
    QTest::newRow("distributed") << GeneratedDesigns::distributed();
    for (quint32 seed : { 21u, 22u, 23u })
        QTest::newRow(qPrintable(QStringLiteral("random %1").arg(seed)))
            << GeneratedDesigns::random(30, seed, false);
    QTest::newRow("nasty") << GeneratedDesigns::random(45, 31, true);
}

void TestMermaidWriter::roundTripWithoutMetadata()
{
    // Only what the picture shows: kinds (classes), roles, hosts, links with their protocol,
    // port, weight, backup, TLS and label, the LB algorithm, and every label.
    QFETCH(DesignData, design);
    MermaidWriter::Options options;
    options.metadata = false;
    const QString text = MermaidWriter::write(design, options);
    QVERIFY(!text.contains(QStringLiteral("toposcope")));
    const MermaidReader::ReadResult r = MermaidReader::parse(text);
    QVERIFY2(r.ok, qPrintable(r.error + u'\n' + text));
    const QHash<ElementId, QString> ids = MermaidWriter::mermaidIds(design);
    QCOMPARE(r.data.name, design.name);
    QCOMPARE(r.data.hosts.size(), design.hosts.size());
    for (qsizetype i = 0; i < design.hosts.size(); ++i) {
        QCOMPARE(r.data.hosts.at(i).id, ids.value(design.hosts.at(i).id));
        QCOMPARE(r.data.hosts.at(i).label, design.hosts.at(i).label);
    }
    QCOMPARE(r.data.components.size(), design.components.size());
    for (const Component &c : design.components) {
        const Component *b = r.data.component(ids.value(c.id));
        QVERIFY2(b, qPrintable(c.id));
        QCOMPARE(b->kind, c.kind);
        QCOMPARE(b->label, c.label);
        QCOMPARE(b->host, c.host.isEmpty() ? QString() : ids.value(c.host));
        if (c.kind == QLatin1String("database"))
            QCOMPARE(b->props.value(QStringLiteral("role")), c.props.value(QStringLiteral("role")));
        if (c.kind == QLatin1String("load_balancer")) {
            // The algorithm is written on the requests it spreads, not on a heartbeat.
            bool hasLinks = false;
            for (const Link &l : design.links) {
                const Kinds::ProtocolSpec *p = Kinds::findProtocol(l.protocol);
                hasLinks
                    = hasLinks || (l.from == c.id && (!p || p->traffic == Kinds::Traffic::Request));
            }
            if (hasLinks)
                QCOMPARE(b->props.value(QStringLiteral("algorithm")),
                    c.props.value(QStringLiteral("algorithm")));
        }
    }
    QCOMPARE(r.data.links.size(), design.links.size());
    for (qsizetype i = 0; i < design.links.size(); ++i) {
        const Link &a = design.links.at(i);
        const Link &b = r.data.links.at(i);
        QCOMPARE(b.from, ids.value(a.from));
        QCOMPARE(b.to, ids.value(a.to));
        QCOMPARE(b.protocol, a.protocol);
        QCOMPARE(b.port, a.port);
        QCOMPARE(b.label, a.label);
        // Weights and backups are about the requests a balancer forwards; a heartbeat to its
        // cluster peer (VRRP) carries neither.
        const Kinds::ProtocolSpec *protocol = Kinds::findProtocol(a.protocol);
        const bool request = !protocol || protocol->traffic == Kinds::Traffic::Request;
        if (kindOf(design, a.from) == QLatin1String("load_balancer") && request) {
            QCOMPARE(
                b.props.value(QStringLiteral("weight")), a.props.value(QStringLiteral("weight")));
            QCOMPARE(
                b.props.value(QStringLiteral("backup")), a.props.value(QStringLiteral("backup")));
        }
        const bool encrypted = Kinds::findProtocol(a.protocol)->encrypted;
        if (!encrypted)
            QCOMPARE(b.props.value(QStringLiteral("tls")), a.props.value(QStringLiteral("tls")));
    }
}

void TestMermaidWriter::editedDiagramWins()
{
    QString text = MermaidWriter::write(GeneratedDesigns::distributed());
    // Someone renames a node and rewrites an edge in the exported text.
    text.replace(QStringLiteral("web_1[\"Nginx\"]"), QStringLiteral("web_1[\"Apache\"]"));
    text.replace(QStringLiteral("app_1 -->|\"MySQL\"| db_1"),
        QStringLiteral("app_1 -->|\"MySQL :3307 — reads\"| db_1"));
    const MermaidReader::ReadResult r = MermaidReader::parse(text);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.data.component(QStringLiteral("web-1"))->label, QStringLiteral("Apache"));
    QCOMPARE(r.data.component(QStringLiteral("web-1"))->kind, QStringLiteral("web_server"));
    const Link *edited = nullptr;
    for (const Link &l : r.data.links) {
        if (l.from == QLatin1String("app-1") && l.to == QLatin1String("db-1"))
            edited = &l;
    }
    QVERIFY(edited);
    QCOMPARE(edited->port, 3307);
    QCOMPARE(edited->label, QStringLiteral("reads"));
}

void TestMermaidWriter::hostileTextRoundTrips_data()
{
    QTest::addColumn<bool>("metadata");
    QTest::newRow("with the toposcope comments") << true;
    QTest::newRow("as a picture only") << false;
}

void TestMermaidWriter::hostileTextRoundTrips()
{
    // A property over random strings: whatever the names, labels and property values, the
    // Mermaid parses back (as UTF-8, as a file is read) and every label is found as it was.
    QFETCH(bool, metadata);
    QRandomGenerator rng(metadata ? 1101 : 1102);
    const QStringList samples = HostileText::samples();
    // What survives UTF-8 (a lone surrogate does not) and Mermaid (NUL does not); a U+FEFF at
    // the start of a label is text, not a byte order mark.
    const auto spelled = [](const QString &s) {
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
        QString text = utf8(s.toUtf8());
        return text.remove(QChar(0));
    };
    for (int round = 0; round < 150; ++round) {
        DesignData d = GeneratedDesigns::random(8, quint32(round + 1), false);
        const auto text = [&](int max) {
            const QString t = round < samples.size() && rng.bounded(2) == 0
                ? samples.at(round)
                : HostileText::random(rng, max);
            return t.isEmpty() ? QStringLiteral("x") : t;
        };
        d.name = text(60);
        d.description = text(200);
        // Without the toposcope comments a node labelled like a subgraph stands for that
        // subgraph (a documented import heuristic): host labels are kept apart from component
        // labels there, hostile all the same.
        for (Host &h : d.hosts)
            h.label = metadata ? text(30) : text(30) + QStringLiteral(" (host)");
        for (Component &c : d.components) {
            c.label = text(30);
            if (c.kind == QLatin1String("generic"))
                c.props.insert(QStringLiteral("description"), text(80));
        }
        for (Link &l : d.links)
            l.label = rng.bounded(2) ? text(20) : QString();
        MermaidWriter::Options options;
        options.metadata = metadata;
        const QString written = MermaidWriter::write(d, options);
        const MermaidReader::ReadResult r = MermaidReader::parse(written.toUtf8());
        QVERIFY2(r.ok, qPrintable(r.error + u'\n' + written));
        QCOMPARE(r.data.components.size(), d.components.size());
        QCOMPARE(r.data.hosts.size(), d.hosts.size());
        QCOMPARE(r.data.links.size(), d.links.size());
        // The reader lists nodes in the order the diagram shows them (hosts' members
        // together), not in the design's order.
        const auto labels = [](const auto &elements, const auto &spell) {
            QStringList list;
            for (const auto &e : elements)
                list.append(spell(e.label));
            list.sort();
            return list;
        };
        const auto same = [](const QString &s) { return s; };
        QCOMPARE(labels(r.data.components, same), labels(d.components, spelled));
        QCOMPARE(labels(r.data.hosts, same), labels(d.hosts, spelled));
        if (metadata) {
            // The name and the description travel as JSON strings, which carry every
            // character.
            QCOMPARE(r.data.name, d.name.left(Limits::MaxLabelLength));
            QCOMPARE(r.data.description, d.description.left(Limits::MaxLabelLength));
            // From the comments: exact, but for NUL, which Mermaid has no spelling for.
            const auto withoutNul = [](QString s) { return s.remove(QChar(0)); };
            QCOMPARE(labels(r.data.links, same), labels(d.links, withoutNul));
            // The comments bring back the ids: each component is found with its own text.
            for (const Component &c : std::as_const(d.components)) {
                const auto it = std::find_if(r.data.components.cbegin(),
                    r.data.components.cend(),
                    [&c](const Component &read) { return read.id == c.id; });
                QVERIFY2(it != r.data.components.cend(), qPrintable(c.id));
                QCOMPARE(it->label, spelled(c.label));
                QCOMPARE(it->props.value(QStringLiteral("description")).toString(),
                    QString::fromUtf8(
                        c.props.value(QStringLiteral("description")).toString().toUtf8()));
            }
        }
    }
}

void TestMermaidWriter::writeFileIsAtomic()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.mmd"));
    QString error;
    QVERIFY(MermaidWriter::writeFile(path, GeneratedDesigns::distributed(), &error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(
        QString::fromUtf8(file.readAll()), MermaidWriter::write(GeneratedDesigns::distributed()));
    QVERIFY(!MermaidWriter::writeFile(
        dir.filePath(QStringLiteral("missing/out.mmd")), GeneratedDesigns::distributed(), &error));
    QVERIFY2(error.contains(QStringLiteral("cannot write")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestMermaidWriter)
#include "tst_mermaidwriter.moc"
