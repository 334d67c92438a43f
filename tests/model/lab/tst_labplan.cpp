// SPDX-License-Identifier: MIT
#include "design/design.h"
#include "elementbuilder.h"
#include "io/topofile.h"
#include "lab/labplan.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

DesignData example(const QString &name)
{
    return TopoFile::read(QStringLiteral(TOPOSCOPE_SOURCE_DIR "/resources/examples/") + name).data;
}

LabPlan::Settings settings(const QString &dir)
{
    LabPlan::Settings s;
    s.directory = dir;
    auto port = std::make_shared<int>(20000);
    s.nextTcpPort = [port]() { return ++*port; };
    s.syslogPort = 19999;
    s.programs.haproxy = QStringLiteral("/usr/sbin/haproxy");
    s.programs.nginx = QStringLiteral("/usr/sbin/nginx");
    s.programs.mariadbd = QStringLiteral("/usr/sbin/mariadbd");
    s.programs.mariadbClient = QStringLiteral("/usr/bin/mariadb");
    s.programs.mariadbInstallDb = QStringLiteral("/usr/bin/mariadb-install-db");
    s.programs.python = QStringLiteral("/usr/bin/python3");
    s.programs.prometheus = QStringLiteral("/usr/bin/prometheus");
    s.programs.nginxExporter = QStringLiteral("/usr/bin/prometheus-nginx-exporter");
    s.programs.mysqldExporter = QStringLiteral("/usr/bin/prometheus-mysqld-exporter");
    s.appScript = QStringLiteral(TOPOSCOPE_SOURCE_DIR "/resources/lab/labapp.py");
    s.replicationPassword = QStringLiteral("r");
    s.appPassword = QStringLiteral("a");
    s.monitorPassword = QStringLiteral("m");
    return s;
}

const LabPlan::Process *process(const LabPlan &plan, const QString &name)
{
    for (const LabPlan::Process &p : plan.processes) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

} // namespace

class TestLabPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theDomainIsAnsweredWhenTheLabCan()
    {
        const DesignData design = example(QStringLiteral("distributed.topo"));
        LabPlan::Settings s = settings(QStringLiteral("/run/lab"));
        s.programs.dnsmasq = QStringLiteral("/usr/sbin/dnsmasq");
        const LabPlan plan = LabPlan::make(design, s);
        const LabPlan::Process *dns = process(plan, QStringLiteral("dns"));
        QVERIFY(dns);
        QCOMPARE(dns->element, QStringLiteral("dns"));
        QVERIFY(dns->arguments.contains(QStringLiteral("--host-record=www.example.com,127.0.0.1")));
        QVERIFY(dns->arguments.contains(QStringLiteral("--listen-address=127.0.0.1")));
        QVERIFY(dns->arguments.contains(QStringLiteral("--no-resolv"))); // never asks outside
        QCOMPARE(dns->readyProbe, QStringLiteral("connect://127.0.0.1:53"));
        const SourceConfig *source = plan.boundDesign.source(QStringLiteral("dns"));
        QVERIFY(source);
        QCOMPARE(source->kind, QStringLiteral("dns"));
        QCOMPARE(source->address, QStringLiteral("www.example.com"));
        QCOMPARE(source->options.value(QStringLiteral("nameserver")).toString(),
            QStringLiteral("127.0.0.1"));
        QCOMPARE(source->options.value(QStringLiteral("entry_point")).toString(),
            QStringLiteral("127.0.0.1"));
        for (const QString &n : plan.notStarted)
            QVERIFY2(!n.startsWith(QLatin1String("dns ")), qPrintable(n));

        // Not root, or port 53 taken: named, and nothing pretends to answer.
        s.dnsUnavailable = QStringLiteral("port 53 on 127.0.0.1 is taken");
        const LabPlan without = LabPlan::make(design, s);
        QVERIFY(!process(without, QStringLiteral("dns")));
        QVERIFY(!without.boundDesign.source(QStringLiteral("dns")));
        QVERIFY(without.notStarted.contains(
            QStringLiteral("dns “DNS”: port 53 on 127.0.0.1 is taken")));
    }

    void theDistributedExampleRunsEveryServer()
    {
        const LabPlan plan = LabPlan::make(
            example(QStringLiteral("distributed.topo")), settings(QStringLiteral("/run/lab")));
        QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
        QStringList names;
        for (const LabPlan::Process &p : plan.processes)
            names.append(p.name);
        names.sort();
        QCOMPARE(names,
            QStringList({ QStringLiteral("app-1"),
                QStringLiteral("app-2"),
                QStringLiteral("db-1"),
                QStringLiteral("db-1-exporter"),
                QStringLiteral("db-2"),
                QStringLiteral("db-2-exporter"),
                QStringLiteral("lb"),
                QStringLiteral("prometheus"),
                QStringLiteral("web-1"),
                QStringLiteral("web-1-exporter"),
                QStringLiteral("web-2"),
                QStringLiteral("web-2-exporter") }));
        // Everything in the lab's directory, on loopback, exporters after their servers.
        for (const LabPlan::Process &p : plan.processes) {
            QVERIFY2(p.directory.startsWith(QLatin1String("/run/lab/")), qPrintable(p.directory));
            QVERIFY2(p.readyProbe.contains(QLatin1String("127.0.0.1")), qPrintable(p.readyProbe));
            // Exporters and balancers start once the servers they watch or check answer.
            const bool second = p.name.endsWith(QLatin1String("-exporter"))
                || p.program.endsWith(QLatin1String("/haproxy"));
            QCOMPARE(p.stage, second ? 1 : 0);
        }
        for (const LabPlan::File &f : plan.files)
            QVERIFY2(f.path.startsWith(QLatin1String("/run/lab/")), qPrintable(f.path));
        QCOMPARE(process(plan, QStringLiteral("db-1"))->arguments.constFirst(),
            QStringLiteral("--defaults-file=/run/lab/db-1/my.cnf"));
        QCOMPARE(plan.replication.size(), 1);
        QCOMPARE(plan.replication.constFirst().first, QStringLiteral("db-2"));
        QCOMPARE(plan.replication.constFirst().second, QStringLiteral("db-1"));
        QCOMPARE(plan.primarySql.size(), 1);
        QCOMPARE(plan.replicaSql.size(), 1);
        QVERIFY(plan.replicaSql.constFirst().text.contains(QLatin1String("START SLAVE")));
        QVERIFY(plan.entryUrl.startsWith(QLatin1String("http://127.0.0.1:")));
        QCOMPARE(plan.syslogAddress, QStringLiteral("udp://127.0.0.1:19999"));
        QVERIFY(plan.notStarted.join(u'\n').contains(QLatin1String("dns")));
        // No two servers share a port (the balancer's metrics are on its stats page's).
        QSet<QString> addresses;
        for (const LabPlan::Server &s : plan.servers) {
            if (s.kind == QLatin1String("haproxy-socket")
                || s.name.endsWith(QLatin1String("-metrics")))
                continue;
            const QString hostPort = s.address.section(u'/', 0, 2);
            QVERIFY2(!addresses.contains(hostPort), qPrintable(s.name + u' ' + hostPort));
            addresses.insert(hostPort);
        }
    }

    void theBoundDesignIsValidAndNamesNoPassword()
    {
        const LabPlan plan = LabPlan::make(
            example(QStringLiteral("distributed.topo")), settings(QStringLiteral("/run/lab")));
        const QByteArray bytes = TopoFile::serialize(plan.boundDesign);
        const TopoFile::ReadResult again = TopoFile::parse(bytes);
        QVERIFY2(again.ok, qPrintable(again.error));
        QVERIFY(!bytes.contains("\"m\"")); // the monitoring password is in a file, not here
        Design d;
        d.reset(again.data);
        QCOMPARE(d.binding(QStringLiteral("lb"), QStringLiteral("be_lb/web-1"))->element,
            QStringLiteral("web-1"));
        QCOMPARE(d.binding(QStringLiteral("lb"), QStringLiteral("fe_lb"))->element,
            QStringLiteral("lb"));
        QCOMPARE(d.binding(QStringLiteral("syslog"), QStringLiteral("be_lb/web-2"))->element,
            QStringLiteral("web-2"));
        QCOMPARE(d.binding(QStringLiteral("web-1"), QString())->element, QStringLiteral("web-1"));
        QCOMPARE(d.binding(QStringLiteral("db-2"), QString())->element, QStringLiteral("db-2"));
        const SourceConfig *db = d.source(QStringLiteral("db-2"));
        QCOMPARE(db->user, QStringLiteral("toposcope"));
        QCOMPARE(db->options.value(QStringLiteral("password_file")).toString(),
            QStringLiteral("/run/lab/db-2/monitor.password"));
        bool secretFile = false;
        for (const LabPlan::File &f : plan.files) {
            if (f.path == QLatin1String("/run/lab/db-2/monitor.password"))
                secretFile = f.secret && f.content == "m\n";
        }
        QVERIFY(secretFile);
        QVERIFY(d.name().endsWith(QLatin1String("(lab)")));
        for (const Host &h : d.data().hosts)
            QCOMPARE(
                h.props.value(QStringLiteral("address")).toString(), QStringLiteral("127.0.0.1"));
    }

    void whatTheLabCannotStartIsNamed()
    {
        using ElementBuilder::component;
        DesignData d;
        d.components.append(
            component(QStringLiteral("c"), QStringLiteral("cache"), QStringLiteral("Redis")));
        Component apache = component(
            QStringLiteral("w"), QStringLiteral("web_server"), QStringLiteral("Apache"));
        apache.props.insert(QStringLiteral("software"), QStringLiteral("apache"));
        d.components.append(apache);
        Component pg
            = component(QStringLiteral("p"), QStringLiteral("database"), QStringLiteral("PG"));
        pg.props.insert(QStringLiteral("engine"), QStringLiteral("postgresql"));
        d.components.append(pg);
        const LabPlan none = LabPlan::make(d, settings(QStringLiteral("/run/lab")));
        QVERIFY(!none.error.isEmpty());
        const QString named = none.notStarted.join(u'\n');
        QVERIFY2(named.contains(QStringLiteral("c “Redis”: the lab cannot start redis")),
            qPrintable(named));
        QVERIFY2(named.contains(QLatin1String("not apache")), qPrintable(named));
        QVERIFY2(named.contains(QLatin1String("not PostgreSQL")), qPrintable(named));

        d.components.append(
            component(QStringLiteral("n"), QStringLiteral("web_server"), QStringLiteral("Nginx")));
        LabPlan::Settings s = settings(QStringLiteral("/run/lab"));
        s.programs.prometheus.clear();
        const LabPlan some = LabPlan::make(d, s);
        QVERIFY2(some.error.isEmpty(), qPrintable(some.error));
        QVERIFY(process(some, QStringLiteral("n")));
        QVERIFY(!process(some, QStringLiteral("prometheus")));
    }

    void activePassiveAndChecksReachHaproxy()
    {
        DesignData d = example(QStringLiteral("seed-004-active-passive.topo"));
        QVERIFY(!d.components.isEmpty());
        const LabPlan plan = LabPlan::make(d, settings(QStringLiteral("/run/lab")));
        QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
        QString cfg;
        for (const LabPlan::File &f : plan.files) {
            if (f.path.endsWith(QLatin1String("/haproxy.cfg")))
                cfg = QString::fromUtf8(f.content);
        }
        QVERIFY2(cfg.contains(QLatin1String(" backup")), qPrintable(cfg));
        QVERIFY(cfg.contains(QLatin1String("stats socket /run/lab/")));
        QVERIFY(cfg.contains(QLatin1String("log 127.0.0.1:19999")));
    }
};

QTEST_GUILESS_MAIN(TestLabPlan)
#include "tst_labplan.moc"
