// SPDX-License-Identifier: MIT
#include "../../fixtures/mermaid/generateddesigns.h"
#include "analysis/fixes.h"
#include "analysis/validator.h"
#include "design/kinds.h"
#include "hostiletext.h"
#include "io/mermaidreader.h"
#include "io/mermaidwriter.h"
#include "io/topofile.h"
#include "markdowncheck.h"
#include "report/reportwriter.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

Finding finding(const QString &rule,
    Finding::Category category,
    Finding::Severity severity,
    const QStringList &subjects,
    const QString &title)
{
    Finding f;
    f.rule = rule;
    f.category = category;
    f.severity = severity;
    f.subjects = subjects;
    f.title = title;
    f.explanation = QStringLiteral("Explanation of %1.").arg(title);
    f.fix = QStringLiteral("Fix for %1.").arg(title);
    return f;
}

Component *find(DesignData &d, const QString &id)
{
    for (Component &c : d.components) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

Link *findLink(DesignData &d, const QString &from, const QString &to)
{
    for (Link &l : d.links) {
        if (l.from == from && l.to == to)
            return &l;
    }
    return nullptr;
}

/** The text between a heading and the next heading of the same or a higher level. */
QString section(const QString &markdown, const QString &heading)
{
    const qsizetype start = markdown.indexOf(heading + u'\n');
    if (start < 0)
        return {};
    const qsizetype level = heading.indexOf(u' ');
    qsizetype end = start + heading.size();
    for (;;) {
        end = markdown.indexOf(QStringLiteral("\n#"), end);
        if (end < 0)
            return markdown.mid(start);
        const qsizetype hashes = markdown.indexOf(u' ', end + 1) - end - 1;
        if (hashes <= level)
            return markdown.mid(start, end - start);
        end += 2;
    }
}

} // namespace

class TestReportWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seedDesign();
    void diagramWithoutPicture();
    void everyComponentIsExplained();
    void algorithms_data();
    void algorithms();
    void weightsGiveShares();
    void activePassive();
    void clusterPeerIsNotABackend();
    void failoverConfigured();
    void readsFromReplica();
    void noBalancerNoReplica();
    void findingsGroupedWithAcceptedMarked();
    void labelsAreEscaped();
    void hostileTextStaysText();
    void domainIsACodeSpan();
    void writeFile();
    void factsAreTrue_data();
    void factsAreTrue();
};

void TestReportWriter::seedDesign()
{
    const DesignData d = GeneratedDesigns::distributed();
    const QString mermaid = MermaidWriter::write(d);
    const QString md = ReportWriter(d, {}, mermaid, QStringLiteral("distributed.png")).markdown();

    QVERIFY(md.startsWith(QStringLiteral("# Distributed web infrastructure\n\n"
                                         "**Domain:** `www.foobar.com`\n\n")));
    QVERIFY(md.contains(QStringLiteral("The design has 11 components on 2 hosts (1 client, 1 DNS, "
                                       "1 load balancer, 2 web servers, 2 application servers, 2 "
                                       "application files and 2 databases), joined by 11 links.")));
    QVERIFY2(md.contains(QStringLiteral("A request travels: User → DNS lookup → HAProxy → Nginx "
                                        "(Server 1) or Nginx (Server 2) → Application server "
                                        "(Server 1) or Application server (Server 2) → MySQL "
                                        "primary.\n")),
        qPrintable(section(md, QStringLiteral("## Summary"))));
    QVERIFY(md.contains(QStringLiteral("![diagram](distributed.png)\n")));
    QVERIFY(md.contains(QStringLiteral("```mermaid\n") + mermaid + QStringLiteral("```\n")));
    QVERIFY(md.contains(QStringLiteral("| Server 1 | Nginx (web server), Application server "
                                       "(application server), Application files (application "
                                       "files), MySQL primary (database) | — |")));

    const QString lb = section(md, QStringLiteral("### HAProxy: roundrobin"));
    QVERIFY2(lb.contains(QStringLiteral("**Round robin** sends each new request to the next "
                                        "backend in turn")),
        qPrintable(lb));
    QVERIFY(lb.contains(QStringLiteral("| Nginx | Server 1 | 1 | active | 50 % |")));
    QVERIFY(lb.contains(QStringLiteral("#### Backend mode: active-active")));
    QVERIFY(lb.contains(QStringLiteral("- **Active-passive**: ")));
    QVERIFY(lb.contains(QStringLiteral("This design uses **active-active**: Nginx (Server 1) and "
                                       "Nginx (Server 2) share the traffic.")));
    QVERIFY(lb.contains(QStringLiteral("Health checks are off")));

    const QString db = section(md, QStringLiteral("## Database"));
    QVERIFY2(db.contains(QStringLiteral("**MySQL primary** is the **primary** and **MySQL "
                                        "replica** is the **replica**")),
        qPrintable(db));
    QVERIFY(db.contains(QStringLiteral("binary log (binlog)")));
    QVERIFY(db.contains(QStringLiteral("**asynchronous**")));
    QVERIFY(db.contains(QStringLiteral("| MySQL replica | replica | Server 2 | reads only "
                                       "(SELECT)")));
    QVERIFY(db.contains(QStringLiteral("every application server queries the primary "
                                       "(Application server on Server 1 → MySQL primary; "
                                       "Application server on Server 2 → MySQL primary)")));
    QVERIFY(db.contains(QStringLiteral("**promotes a replica by hand**")));

    const QString dns = section(md, QStringLiteral("## DNS"));
    QVERIFY2(dns.contains(QStringLiteral("| `www.foobar.com` | A | HAProxy (load balancer) | "
                                         "3600 s |")),
        qPrintable(dns));
    QVERIFY(dns.contains(QStringLiteral("An **A record** maps the name to an IPv4 address")));
    QVERIFY(md.contains(QStringLiteral("## Findings\n\nNo findings were reported")));
}

void TestReportWriter::diagramWithoutPicture()
{
    const QString md
        = ReportWriter(GeneratedDesigns::distributed(), {}, QStringLiteral("flowchart TD\n  a"))
              .markdown();
    QVERIFY(!md.contains(QStringLiteral("![diagram]")));
    QVERIFY(md.contains(QStringLiteral("## Diagram\n\n```mermaid\nflowchart TD\n  a\n```\n")));
}

void TestReportWriter::everyComponentIsExplained()
{
    const DesignData d = GeneratedDesigns::random(26, 5, false);
    const QString md = ReportWriter(d, {}, QString()).markdown();
    for (const Component &c : d.components) {
        const QString heading = QStringLiteral("### %1 — ").arg(c.label);
        QVERIFY2(md.contains(heading), qPrintable(c.label));
        const QString text = section(md, md.mid(md.indexOf(heading)).section(u'\n', 0, 0));
        QVERIFY2(text.contains(QStringLiteral("*Connections:*")), qPrintable(text));
        // More than a heading and the connections: a sentence that says what it is for.
        QVERIFY2(text.split(u'\n', Qt::SkipEmptyParts).size() >= 3, qPrintable(text));
    }
    // Properties show through: a runtime, a product, allowed ports.
    for (const Component &c : d.components) {
        if (c.kind == QLatin1String("app_server"))
            QVERIFY(md.contains(
                QStringLiteral("(%1)").arg(c.props.value(QStringLiteral("runtime")).toString())));
    }
}

void TestReportWriter::algorithms_data()
{
    QTest::addColumn<QString>("algorithm");
    QTest::addColumn<QString>("phrase");
    QTest::newRow("roundrobin") << "roundrobin"
                                << "next backend in turn";
    QTest::newRow("leastconn") << "leastconn"
                               << "fewest open connections";
    QTest::newRow("source") << "source"
                            << "hash of the client's IP address";
    QTest::newRow("uri") << "uri"
                         << "hash of the requested path";
    QTest::newRow("random") << "random"
                            << "at random";
}

void TestReportWriter::algorithms()
{
    QFETCH(QString, algorithm);
    QFETCH(QString, phrase);
    DesignData d = GeneratedDesigns::distributed();
    find(d, QStringLiteral("lb"))->props.insert(QStringLiteral("algorithm"), algorithm);
    const QString md = ReportWriter(d, {}, QString()).markdown();
    QVERIFY(md.contains(QStringLiteral("### HAProxy: %1").arg(algorithm)));
    QVERIFY2(section(md, QStringLiteral("## Load balancing")).contains(phrase), qPrintable(md));
}

void TestReportWriter::weightsGiveShares()
{
    DesignData d = GeneratedDesigns::distributed();
    findLink(d, QStringLiteral("lb"), QStringLiteral("web-1"))
        ->props.insert(QStringLiteral("weight"), 3);
    find(d, QStringLiteral("web-2"))->label = QStringLiteral("Nginx 2");
    const QString md = ReportWriter(d, {}, QString()).markdown();
    QVERIFY2(
        md.contains(QStringLiteral("| Nginx | Server 1 | 3 | active | 75 % |")), qPrintable(md));
    QVERIFY(md.contains(QStringLiteral("| Nginx 2 | Server 2 | 1 | active | 25 % |")));
    QVERIFY(md.contains(QStringLiteral("With these weights, Nginx receives 3 of every 4 requests "
                                       "and Nginx 2 receives 1 of every 4 requests.")));
}

void TestReportWriter::clusterPeerIsNotABackend()
{
    // The one-click cluster fix adds a second balancer and the VRRP heartbeat between the two:
    // the balancer still has its two web servers as backends, half the traffic each.
    const DesignData d = GeneratedDesigns::distributed();
    const Fixes::Result fix = Fixes::addLoadBalancerCluster(d, QStringLiteral("lb"));
    QVERIFY(fix.ok);
    const QString md = ReportWriter(fix.design, {}, QString()).markdown();
    QVERIFY2(md.contains(QStringLiteral("one of its 2 backends")), qPrintable(md));
    QVERIFY(md.contains(QStringLiteral("50 %")));
    QVERIFY(!md.contains(QStringLiteral("33.3 %")));
    const QString mermaid = MermaidWriter::write(fix.design);
    for (const QString &line : mermaid.split(u'\n')) {
        if (line.contains(QStringLiteral("VRRP")))
            QVERIFY2(!line.contains(QStringLiteral("roundrobin")), qPrintable(line));
    }
}

void TestReportWriter::activePassive()
{
    DesignData d = GeneratedDesigns::distributed();
    Component *lb = find(d, QStringLiteral("lb"));
    lb->props.insert(QStringLiteral("backend_mode"), QStringLiteral("active-passive"));
    lb->props.insert(QStringLiteral("health_checks"), true);
    find(d, QStringLiteral("web-2"))->label = QStringLiteral("Standby Nginx");
    findLink(d, QStringLiteral("lb"), QStringLiteral("web-2"))
        ->props.insert(QStringLiteral("backup"), true);
    const QString md = ReportWriter(d, {}, QString()).markdown();
    QVERIFY(md.contains(QStringLiteral("#### Backend mode: active-passive")));
    QVERIFY2(md.contains(QStringLiteral("This design uses **active-passive**: Nginx serves the "
                                        "traffic and Standby Nginx waits in reserve.")),
        qPrintable(md));
    QVERIFY(md.contains(QStringLiteral("| Standby Nginx | Server 2 | 1 | backup | 0 % (until the "
                                       "active backends fail) |")));
    QVERIFY(md.contains(QStringLiteral("| Nginx | Server 1 | 1 | active | 100 % |")));
    QVERIFY(md.contains(QStringLiteral("health checks every 2000 ms")));
    QVERIFY(!md.contains(QStringLiteral("Health checks are off")));

    findLink(d, QStringLiteral("lb"), QStringLiteral("web-2"))
        ->props.insert(QStringLiteral("backup"), false);
    const QString unmarked = ReportWriter(d, {}, QString()).markdown();
    QVERIFY(unmarked.contains(QStringLiteral("no backend is marked as a backup")));
}

void TestReportWriter::failoverConfigured()
{
    DesignData d = GeneratedDesigns::distributed();
    find(d, QStringLiteral("db-1"))
        ->props.insert(QStringLiteral("failover"), QStringLiteral("orchestrator"));
    find(d, QStringLiteral("db-2"))
        ->props.insert(QStringLiteral("replication"), QStringLiteral("semi-sync"));
    const QString md = ReportWriter(d, {}, QString()).markdown();
    QVERIFY(md.contains(QStringLiteral("orchestrator watches **MySQL primary** and promotes a "
                                       "replica automatically")));
    QVERIFY(!md.contains(QStringLiteral("promotes a replica by hand")));
    QVERIFY(md.contains(QStringLiteral("**semi-synchronous**")));
}

void TestReportWriter::readsFromReplica()
{
    DesignData d = GeneratedDesigns::distributed();
    findLink(d, QStringLiteral("app-2"), QStringLiteral("db-1"))->to = QStringLiteral("db-2");
    const QString md = ReportWriter(d, {}, QString()).markdown();
    QVERIFY2(md.contains(QStringLiteral("In this design reads go to the replica (Application "
                                        "server on Server 2 → MySQL replica), writes to the "
                                        "primary (Application server on Server 1 → MySQL "
                                        "primary).")),
        qPrintable(section(md, QStringLiteral("## Database"))));
}

void TestReportWriter::noBalancerNoReplica()
{
    DesignData d;
    d.name = QStringLiteral("One server");
    d.components = { GeneratedDesigns::component(
                         QStringLiteral("u"), QStringLiteral("client"), QStringLiteral("User")),
        GeneratedDesigns::component(
            QStringLiteral("w"), QStringLiteral("web_server"), QStringLiteral("Nginx")),
        GeneratedDesigns::component(
            QStringLiteral("d"), QStringLiteral("database"), QStringLiteral("MySQL")) };
    d.links = {
        GeneratedDesigns::link(
            QStringLiteral("l1"), QStringLiteral("u"), QStringLiteral("w"), QStringLiteral("http")),
        GeneratedDesigns::link(
            QStringLiteral("l2"), QStringLiteral("w"), QStringLiteral("d"), QStringLiteral("mysql"))
    };
    const QString md = ReportWriter(d, {}, QString()).markdown();
    QVERIFY(md.contains(QStringLiteral("There is no load balancer")));
    QVERIFY(md.contains(QStringLiteral("**MySQL** is standalone")));
    QVERIFY(!md.contains(QStringLiteral("## DNS")));
    QVERIFY(!md.contains(QStringLiteral("## Hosts")));
}

void TestReportWriter::findingsGroupedWithAcceptedMarked()
{
    const DesignData d = GeneratedDesigns::distributed();
    QList<Finding> findings = {
        finding(QStringLiteral("security.no_firewall"),
            Finding::Category::Security,
            Finding::Severity::Warning,
            {},
            QStringLiteral("No firewall")),
        finding(QStringLiteral("spof.component"),
            Finding::Category::Spof,
            Finding::Severity::Critical,
            { QStringLiteral("lb") },
            QStringLiteral("HAProxy is a single point of failure")),
        finding(QStringLiteral("spof.component"),
            Finding::Category::Spof,
            Finding::Severity::Critical,
            { QStringLiteral("db-1") },
            QStringLiteral("The primary is a single point of failure")),
        finding(QStringLiteral("monitoring.none"),
            Finding::Category::Monitoring,
            Finding::Severity::Info,
            { QStringLiteral("l5") },
            QStringLiteral("No monitoring")),
    };
    findings[1].accepted = true;
    findings[1].acceptedReason = QStringLiteral("a second balancer is planned for Q3");
    const QString md = ReportWriter(d, findings, QString()).markdown();
    const QString all = section(md, QStringLiteral("## Findings"));
    // Categories in a fixed order, open findings before accepted ones.
    const qsizetype spof = all.indexOf(QStringLiteral("### Single points of failure (2)"));
    const qsizetype security = all.indexOf(QStringLiteral("### Security (1)"));
    const qsizetype monitoring = all.indexOf(QStringLiteral("### Monitoring (1)"));
    QVERIFY(spof >= 0 && security > spof && monitoring > security);
    QVERIFY(!all.contains(QStringLiteral("### Configuration")));
    QVERIFY2(all.contains(QStringLiteral("1. **The primary is a single point of failure** — "
                                         "critical\n   - *Concerns:* MySQL primary\n"
                                         "   - *Why it matters:* Explanation of The primary is a "
                                         "single point of failure.\n   - *Fix:* Fix for The "
                                         "primary is a single point of failure.\n")),
        qPrintable(all));
    QVERIFY(all.contains(QStringLiteral("2. **HAProxy is a single point of failure** — critical, "
                                        "accepted\n")));
    QVERIFY(all.contains(QStringLiteral("   - *Accepted:* a second balancer is planned for Q3\n")));
    QVERIFY(all.contains(QStringLiteral("*Concerns:* MySQL primary → MySQL replica")));
    QVERIFY(md.contains(QStringLiteral("Validation reports 4 findings (3 open, 1 of them "
                                       "critical)")));
}

void TestReportWriter::labelsAreEscaped()
{
    DesignData d = GeneratedDesigns::distributed();
    find(d, QStringLiteral("web-1"))->label = QStringLiteral("Web | *one* <b>");
    const QString md = ReportWriter(d, {}, QString()).markdown();
    QVERIFY(md.contains(QStringLiteral("| Web \\| \\*one\\* \\<b\\> | Server 1 |")));
    QVERIFY(!md.contains(QStringLiteral("*one*")));
}

void TestReportWriter::hostileTextStaysText()
{
    // A property over random strings: whatever the design and its findings say, the report
    // holds no HTML from them and shows each text as it is (issue 11).
    QRandomGenerator rng(1111);
    const QStringList samples = HostileText::samples();
    for (int round = 0; round < 150; ++round) {
        DesignData d = GeneratedDesigns::random(8, quint32(round + 7), false);
        const auto text = [&](int max) {
            const QString t = rng.bounded(3) == 0 ? samples.at(rng.bounded(int(samples.size())))
                                                  : HostileText::random(rng, max);
            return t.trimmed().isEmpty() ? QStringLiteral("x") + t : t;
        };
        QStringList shown;
        d.name = text(60);
        d.description = text(200);
        shown << d.name << d.description;
        for (Host &h : d.hosts) {
            h.label = text(30);
            shown << h.label;
        }
        for (Component &c : d.components) {
            c.label = text(30);
            shown << c.label;
        }
        QList<Finding> findings;
        for (int i = 0; i < 3; ++i) {
            Finding f = finding(QStringLiteral("spof.component"),
                Finding::Category::Spof,
                Finding::Severity::Critical,
                { d.components.at(i).id },
                text(40));
            f.explanation = text(80);
            f.fix = text(80);
            f.accepted = i == 2;
            f.acceptedReason = f.accepted ? text(40) : QString();
            shown << f.title << f.explanation << f.fix;
            if (f.accepted)
                shown << f.acceptedReason;
            findings.append(f);
        }
        MermaidWriter::Options options;
        options.metadata = false;
        const QString md
            = ReportWriter(d, findings, MermaidWriter::write(d, options), QStringLiteral("d.png"))
                  .markdown();
        QVERIFY2(MarkdownCheck::rawHtml(md).isEmpty(), qPrintable(MarkdownCheck::rawHtml(md)));
        const QString back = MarkdownCheck::unescaped(md);
        for (const QString &t : std::as_const(shown))
            QVERIFY2(back.contains(MarkdownCheck::asShown(t)), qPrintable(t));
    }
}

void TestReportWriter::domainIsACodeSpan()
{
    DesignData d = GeneratedDesigns::distributed();
    d.domain = QStringLiteral("www.`x`.com\n\n# not a heading <b>");
    const QString md = ReportWriter(d, {}, QString()).markdown();
    QVERIFY2(md.contains(QStringLiteral("**Domain:** ``www.`x`.com  # not a heading <b>``\n")),
        qPrintable(md.left(300)));
    QCOMPARE(ReportWriter::codeSpan(QStringLiteral("plain")), QStringLiteral("`plain`"));

    // The same text as the DNS record's name, wherever the report shows it (the DNS section's
    // sentence and table, found by the report fuzzer): no HTML starts, the table keeps its
    // four cells.
    for (Component &c : d.components) {
        if (c.kind == QLatin1String("dns"))
            c.props.insert(QStringLiteral("domain"), d.domain + QStringLiteral(" | cell"));
    }
    const QString all = ReportWriter(d, {}, QString()).markdown();
    QVERIFY2(MarkdownCheck::rawHtml(all).isEmpty(), qPrintable(MarkdownCheck::rawHtml(all)));
    bool row = false;
    for (const QString &line : all.split(u'\n')) {
        if (!line.startsWith(u'|') || !line.contains(QLatin1String("not a heading")))
            continue;
        row = true;
        qsizetype cells = 0;
        for (qsizetype i = 0; i < line.size(); ++i)
            cells += line.at(i) == u'|' && (i == 0 || line.at(i - 1) != u'\\') ? 1 : 0;
        QCOMPARE(cells, 5);
    }
    QVERIFY(row);
}

void TestReportWriter::writeFile()
{
    QTemporaryDir dir;
    const ReportWriter writer(GeneratedDesigns::distributed(), {}, QString());
    QString error;
    QVERIFY(writer.writeFile(dir.filePath(QStringLiteral("report.md")), &error));
    QFile file(dir.filePath(QStringLiteral("report.md")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), writer.markdown());
    QVERIFY(!writer.writeFile(dir.filePath(QStringLiteral("no/such/dir/report.md")), &error));
    QVERIFY(error.contains(QStringLiteral("cannot write")));
}

QTEST_GUILESS_MAIN(TestReportWriter)
#include "tst_reportwriter.moc"

void TestReportWriter::factsAreTrue_data()
{
    QTest::addColumn<QString>("path");
    const QString examples = QStringLiteral(TOPOSCOPE_SOURCE_DIR "/resources/examples/");
    for (const QString &f : QDir(examples).entryList({ QStringLiteral("*.topo") }))
        QTest::newRow(qPrintable(f)) << examples + f;
    const QString judgement = QStringLiteral(TOPOSCOPE_FIXTURES "/judgement/");
    for (const QString &dir : { QString(), QStringLiteral("own/") }) {
        for (const QString &f : QDir(judgement + dir).entryList({ QStringLiteral("*.mmd") }))
            QTest::newRow(qPrintable(dir + f)) << judgement + dir + f;
    }
    QTest::newRow("seed-000") << QStringLiteral(
        TOPOSCOPE_FIXTURES "/mermaid/seed-000-distributed.mmd");
}

// What the report says about the design is true of the design: the request path names hops
// that exist and follow each other, counts agree with their nouns and the design, and what it
// says about TLS matches the links. Facts, not wording.
void TestReportWriter::factsAreTrue()
{
    QFETCH(QString, path);
    DesignData d;
    if (path.endsWith(QLatin1String(".topo"))) {
        const TopoFile::ReadResult r = TopoFile::read(path);
        QVERIFY2(r.ok, qPrintable(r.error));
        d = r.data;
    } else {
        const MermaidReader::ReadResult r = MermaidReader::read(path);
        QVERIFY2(r.ok, qPrintable(r.error));
        d = r.data;
    }
    const QString md = ReportWriter(d, Validator::validate(d), MermaidWriter::write(d)).markdown();
    auto isRequest = [](const Link &l) {
        return l.protocol != QLatin1String("replication") && l.protocol != QLatin1String("metrics")
            && l.protocol != QLatin1String("syslog") && l.protocol != QLatin1String("vrrp")
            && l.protocol != QLatin1String("dns");
    };
    auto encrypted = [](const Link &l) {
        const Kinds::ProtocolSpec *p = Kinds::findProtocol(l.protocol);
        return (p && p->encrypted) || l.props.value(QStringLiteral("tls")).toBool();
    };
    // Names as the report writes them: the label, with its machine when labels repeat.
    QHash<QString, QStringList> byName;
    for (const Component &c : std::as_const(d.components)) {
        const QString label = ReportWriter::escape(c.label.isEmpty() ? c.id : c.label);
        byName[label].append(c.id);
        if (const Host *h = d.host(c.host))
            byName[label + QStringLiteral(" (") + ReportWriter::escape(h->label) + u')'].append(
                c.id);
    }

    // The request path.
    static const QRegularExpression travels(QStringLiteral("A request travels: (.*)\\.\n"));
    const QRegularExpressionMatch m = travels.match(md);
    if (!d.components.isEmpty()
        && std::any_of(d.components.cbegin(), d.components.cend(), [](const Component &c) {
               return c.kind == QLatin1String("client");
           }))
        QVERIFY2(m.hasMatch(), qPrintable(md.left(800)));
    // Each hop: its names, each with the components it can stand for (labels may repeat).
    QList<QList<QStringList>> hops;
    for (const QString &hop : m.captured(1).split(QStringLiteral(" → "), Qt::SkipEmptyParts)) {
        if (hop == QLatin1String("DNS lookup"))
            continue;
        if (hop.startsWith(QLatin1String("one of "))) {
            hops.append(QList<QStringList>());
            continue;
        }
        QString rest = hop;
        rest.replace(QStringLiteral(" or "), QStringLiteral(", "));
        QList<QStringList> names;
        for (const QString &name : rest.split(QStringLiteral(", "))) {
            QVERIFY2(byName.contains(name),
                qPrintable(QStringLiteral("“%1” is no component: %2").arg(name, m.captured(1))));
            names.append(byName.value(name));
        }
        hops.append(names);
    }
    for (qsizetype i = 1; i < hops.size(); ++i) {
        if (hops.at(i).isEmpty() || hops.at(i - 1).isEmpty())
            continue;
        QStringList before;
        for (const QStringList &ids : hops.at(i - 1))
            before += ids;
        for (const QStringList &candidates : hops.at(i)) {
            bool called = false;
            for (const QString &to : candidates) {
                for (const Link &l : std::as_const(d.links))
                    called = called || (isRequest(l) && before.contains(l.from) && l.to == to);
                // Users who only ask DNS reach the entry point without a drawn link.
                for (const Component &c : std::as_const(d.components))
                    called = called
                        || (i == 1 && c.kind == QLatin1String("dns")
                            && (c.props.value(QStringLiteral("target")) == to
                                || c.props.value(QStringLiteral("extra_targets"))
                                       .toStringList()
                                       .contains(to)));
            }
            QVERIFY2(called,
                qPrintable(QStringLiteral("nothing in the hop before calls %1: %2")
                               .arg(candidates.join(u'/'), m.captured(1))));
        }
    }

    // Counts agree with the design and with their nouns.
    static const QRegularExpression summary(
        QStringLiteral("The design has (\\d+) component(s?) on (\\d+) host(s?) \\((.*)\\), joined "
                       "by (\\d+) link(s?)\\."));
    const QRegularExpressionMatch sm = summary.match(md);
    if (!d.components.isEmpty()) {
        QVERIFY2(sm.hasMatch(), qPrintable(md.left(600)));
        QCOMPARE(sm.captured(1).toInt(), d.components.size());
        QCOMPARE(sm.captured(2).isEmpty(), d.components.size() == 1);
        QCOMPARE(sm.captured(3).toInt(), d.hosts.size());
        QCOMPARE(sm.captured(4).isEmpty(), d.hosts.size() == 1);
        QCOMPARE(sm.captured(6).toInt(), d.links.size());
        QCOMPARE(sm.captured(7).isEmpty(), d.links.size() == 1);
    }
    for (const char *bad : { "nothing are",
             "nothing is the",
             " 1 web servers",
             " 1 load balancers",
             " 1 databases" }) {
        QVERIFY2(!md.contains(QLatin1String(bad)), bad);
    }
    static const QRegularExpression sendsIt(QStringLiteral("requests that ([^.]*) (sends?) it"));
    for (QRegularExpressionMatchIterator it = sendsIt.globalMatch(md); it.hasNext();) {
        const QRegularExpressionMatch s = it.next();
        const bool several = s.captured(1).contains(QStringLiteral(" and "));
        QCOMPARE(s.captured(2) == QLatin1String("send"), several);
    }

    // TLS, component by component.
    for (const Component &c : std::as_const(d.components)) {
        const QString heading = QStringLiteral("### %1 — ")
                                    .arg(ReportWriter::escape(c.label.isEmpty() ? c.id : c.label));
        const qsizetype at = md.indexOf(heading);
        if (at < 0)
            continue;
        const qsizetype end = md.indexOf(QStringLiteral("\n### "), at + 1);
        const QString text = md.mid(at, end < 0 ? -1 : end - at);
        int encIn = 0, plainIn = 0, encOut = 0, plainOut = 0;
        for (const Link &l : std::as_const(d.links)) {
            if (!isRequest(l))
                continue;
            const Component *other = d.component(l.to == c.id ? l.from : l.to);
            if (other && other->kind == QLatin1String("monitoring"))
                continue;
            if (l.to == c.id)
                ++(encrypted(l) ? encIn : plainIn);
            if (l.from == c.id)
                ++(encrypted(l) ? encOut : plainOut);
        }
        if (text.contains(QStringLiteral("backends receive plain HTTP")))
            QVERIFY2(encIn > 0 && plainOut > 0, qPrintable(text));
        if (text.contains(QStringLiteral("answers the HTTPS requests")))
            QVERIFY2(encIn > 0 && plainIn == 0, qPrintable(text));
        if (text.contains(QStringLiteral("answers the HTTP requests")))
            QVERIFY2(encIn == 0, qPrintable(text));
        if (text.contains(QStringLiteral("no hop behind it is plain text")))
            QVERIFY2(plainOut == 0, qPrintable(text));
    }
}
