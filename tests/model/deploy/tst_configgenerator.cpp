// SPDX-License-Identifier: MIT
// The generated configuration, checked by the real programs: haproxy -c, nginx -t, mariadbd
// reading its option file, promtool check config; and what each file must say for the design.
#include "deploy/configgenerator.h"
#include "elementbuilder.h"
#include "io/topofile.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString program(const QString &name)
{
    QString p = QStandardPaths::findExecutable(name);
    if (p.isEmpty())
        p = QStandardPaths::findExecutable(name, { QStringLiteral("/usr/sbin") });
    return p;
}

/** Runs `program` and returns its exit code; `output` gets what it printed. */
int run(const QString &program, const QStringList &args, QString *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(60000)) {
        *output = QStringLiteral("%1 did not finish").arg(program);
        return -1;
    }
    *output = QString::fromLocal8Bit(p.readAll());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

int freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

DesignData example(const QString &name)
{
    const TopoFile::ReadResult r
        = TopoFile::read(QStringLiteral(TOPOSCOPE_SOURCE_DIR "/resources/examples/") + name);
    return r.data;
}

QString fileOf(const QList<ConfigGenerator::File> &files, const QString &path)
{
    for (const ConfigGenerator::File &f : files) {
        if (f.path == path)
            return QString::fromUtf8(f.content);
    }
    return {};
}

/** A balancer with the given properties, three servers (the last a backup), as a design. */
DesignData pool(const QVariantMap &balancer, bool markBackup)
{
    using ElementBuilder::component;
    DesignData d;
    d.name = QStringLiteral("Pool");
    d.components.append(
        component(QStringLiteral("users"), QStringLiteral("client"), QStringLiteral("Users")));
    Component lb = component(
        QStringLiteral("lb"), QStringLiteral("load_balancer"), QStringLiteral("HAProxy"));
    for (auto it = balancer.cbegin(); it != balancer.cend(); ++it)
        lb.props.insert(it.key(), it.value());
    d.components.append(lb);
    for (const char *id : { "web-1", "web-2", "web-3" })
        d.components.append(component(
            QString::fromLatin1(id), QStringLiteral("web_server"), QStringLiteral("Nginx")));
    int n = 0;
    for (const char *id : { "web-1", "web-2", "web-3" }) {
        Link l;
        l.id = QStringLiteral("l%1").arg(++n);
        l.from = QStringLiteral("lb");
        l.to = QString::fromLatin1(id);
        l.protocol = QStringLiteral("http");
        l.port = 8080;
        l.props = { { QStringLiteral("weight"), n },
            { QStringLiteral("backup"), markBackup && n == 3 },
            { QStringLiteral("tls"), false } };
        d.links.append(l);
    }
    Link in;
    in.id = QStringLiteral("in");
    in.from = QStringLiteral("users");
    in.to = QStringLiteral("lb");
    in.protocol = QStringLiteral("http");
    in.port = 80;
    d.links.append(in);
    return d;
}

} // namespace

class TestConfigGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        for (const char *p : { "haproxy", "nginx", "mariadbd", "promtool", "openssl" })
            QVERIFY2(!program(QString::fromLatin1(p)).isEmpty(), p);
    }

    void examplesPassTheRealCheckers_data()
    {
        QTest::addColumn<QString>("design");
        const QStringList names
            = QDir(QStringLiteral(TOPOSCOPE_SOURCE_DIR "/resources/examples"))
                  .entryList({ QStringLiteral("*.topo") }, QDir::Files, QDir::Name);
        for (const QString &n : names)
            QTest::newRow(qPrintable(n)) << n;
    }

    void examplesPassTheRealCheckers()
    {
        QFETCH(QString, design);
        const DesignData data = example(design);
        QVERIFY(!data.components.isEmpty());
        const DeployTopology topology(data);
        const ConfigGenerator gen(topology, Placement::placeholders(topology));
        const QList<ConfigGenerator::File> files = gen.files();
        QCOMPARE(files.constFirst().path, QStringLiteral("README.md"));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const ConfigGenerator::File &f : files)
            QVERIFY(writeFile(dir.filePath(f.path), f.content));

        QString out;
        int checked = 0;
        for (const ConfigGenerator::File &f : files) {
            const QString path = dir.filePath(f.path);
            if (f.path.endsWith(QLatin1String("/haproxy.cfg"))) {
                QString text = QString::fromUtf8(f.content);
                if (text.contains(QLatin1String("crt-base"))) {
                    // TLS termination names a certificate where Debian keeps them; give it one.
                    const QString certs = dir.filePath(QStringLiteral("certs"));
                    QDir().mkpath(certs);
                    const QString pem = certs + u'/' + topology.domain() + QStringLiteral(".pem");
                    QCOMPARE(run(program(QStringLiteral("openssl")),
                                 { QStringLiteral("req"),
                                     QStringLiteral("-x509"),
                                     QStringLiteral("-newkey"),
                                     QStringLiteral("rsa:2048"),
                                     QStringLiteral("-nodes"),
                                     QStringLiteral("-days"),
                                     QStringLiteral("2"),
                                     QStringLiteral("-subj"),
                                     QStringLiteral("/CN=") + topology.domain(),
                                     QStringLiteral("-keyout"),
                                     pem + QStringLiteral(".key"),
                                     QStringLiteral("-out"),
                                     pem },
                                 &out),
                        0);
                    QFile key(pem + QStringLiteral(".key"));
                    QVERIFY(key.open(QIODevice::ReadOnly));
                    QFile cert(pem);
                    QVERIFY(cert.open(QIODevice::Append));
                    cert.write(key.readAll());
                    cert.close();
                    text.replace(QStringLiteral("crt-base /etc/haproxy/certs"),
                        QStringLiteral("crt-base ") + certs);
                    QVERIFY(writeFile(path, text.toUtf8()));
                }
                QVERIFY2(run(program(QStringLiteral("haproxy")),
                             { QStringLiteral("-c"), QStringLiteral("-f"), path },
                             &out)
                        == 0,
                    qPrintable(f.path + u'\n' + out));
                ++checked;
            } else if (f.path.endsWith(QLatin1String("/nginx-site.conf"))) {
                // nginx -t binds what a site listens on: the export's port 80 becomes a free
                // loopback port; everything else is checked as written.
                QString site = QString::fromUtf8(f.content);
                static const QRegularExpression listen(QStringLiteral("listen (\\d+);"));
                QVERIFY2(listen.match(site).hasMatch(), qPrintable(site));
                site.replace(listen, QStringLiteral("listen 127.0.0.1:%1;").arg(freePort()));
                const QString root
                    = dir.filePath(QStringLiteral("nginx-test/") + f.path.section(u'/', 0, 0));
                QDir().mkpath(root);
                const QString sitePath = root + QStringLiteral("/site.conf");
                QVERIFY(writeFile(sitePath, site.toUtf8()));
                const QString main = QStringLiteral(
                    "pid %1/nginx.pid;\nerror_log %1/error.log;\nevents {}\nhttp {\n"
                    "include /etc/nginx/mime.types;\nclient_body_temp_path %1/t1;\n"
                    "proxy_temp_path %1/t2;\nfastcgi_temp_path %1/t3;\nuwsgi_temp_path %1/t4;\n"
                    "scgi_temp_path %1/t5;\ninclude %2;\n}\n")
                                         .arg(root, sitePath);
                QVERIFY(writeFile(root + QStringLiteral("/nginx.conf"), main.toUtf8()));
                QVERIFY2(run(program(QStringLiteral("nginx")),
                             { QStringLiteral("-t"),
                                 QStringLiteral("-p"),
                                 root + u'/',
                                 QStringLiteral("-c"),
                                 root + QStringLiteral("/nginx.conf"),
                                 QStringLiteral("-e"),
                                 root + QStringLiteral("/error.log") },
                             &out)
                        == 0,
                    qPrintable(f.path + u'\n' + out));
                ++checked;
            } else if (f.path.endsWith(QLatin1String("/mariadb.cnf"))) {
                // mariadbd refuses an option file with an unknown or malformed setting.
                QVERIFY2(run(program(QStringLiteral("mariadbd")),
                             { QStringLiteral("--defaults-file=") + path,
                                 QStringLiteral("--verbose"),
                                 QStringLiteral("--help") },
                             &out)
                        == 0,
                    qPrintable(f.path + u'\n' + out.right(2000)));
                ++checked;
            } else if (f.path == QLatin1String("prometheus/prometheus.yml")) {
                QVERIFY2(run(program(QStringLiteral("promtool")),
                             { QStringLiteral("check"), QStringLiteral("config"), path },
                             &out)
                        == 0,
                    qPrintable(out));
                ++checked;
            }
        }
        QVERIFY(checked > 0);
    }

    void haproxySaysWhatTheBalancerIs_data()
    {
        QTest::addColumn<QVariantMap>("balancer");
        QTest::addColumn<bool>("markBackup");
        QTest::addColumn<QStringList>("present");
        QTest::addColumn<QStringList>("absent");
        const QString web1 = QStringLiteral("server web-1 192.0.2.");
        QTest::newRow("round robin, no checks")
            << QVariantMap{} << false
            << QStringList{ QStringLiteral("balance roundrobin"),
                   QStringLiteral("option httplog"),
                   QStringLiteral("stats socket /run/haproxy/admin.sock mode 600 level admin"),
                   QStringLiteral("stats uri /stats"),
                   QStringLiteral("use-service prometheus-exporter if { path /metrics }"),
                   QStringLiteral("log 192.0.2.254:514"),
                   QStringLiteral("bind 127.0.0.1:8404"),
                   QStringLiteral(":8080 weight 1\n"),
                   QStringLiteral(":8080 weight 3\n") }
            << QStringList{
                   QStringLiteral(" check"), QStringLiteral(" backup"), QStringLiteral("httpchk")
               };
        QTest::newRow("least connections with checks")
            << QVariantMap{ { QStringLiteral("algorithm"), QStringLiteral("leastconn") },
                   { QStringLiteral("health_checks"), true },
                   { QStringLiteral("health_check_interval"), 500 },
                   { QStringLiteral("stats_endpoint"), QStringLiteral("public") } }
            << false
            << QStringList{ QStringLiteral("balance leastconn"),
                   QStringLiteral("option httpchk GET /health"),
                   QStringLiteral("default-server inter 500ms"),
                   QStringLiteral("weight 2 check\n"),
                   QStringLiteral("bind :8404") }
            << QStringList{ QStringLiteral(" backup") };
        QTest::newRow("active-passive: the links after the first are backups")
            << QVariantMap{ { QStringLiteral("backend_mode"), QStringLiteral("active-passive") },
                   { QStringLiteral("health_checks"), true } }
            << false
            << QStringList{ QStringLiteral("weight 1 check\n"),
                   QStringLiteral("weight 2 backup check\n"),
                   QStringLiteral("weight 3 backup check\n") }
            << QStringList{};
        QTest::newRow("a link marked backup is the backup, and without checks it never serves")
            << QVariantMap{ { QStringLiteral("backend_mode"), QStringLiteral("active-passive") } }
            << true
            << QStringList{ QStringLiteral("weight 2\n"),
                   QStringLiteral("weight 3 backup\n"),
                   QStringLiteral("the backup servers never take over") }
            << QStringList{ QStringLiteral("weight 2 backup") };
        QTest::newRow("source hash, TLS termination")
            << QVariantMap{ { QStringLiteral("algorithm"), QStringLiteral("source") },
                   { QStringLiteral("tls_termination"), true } }
            << false
            << QStringList{ QStringLiteral("balance source"),
                   QStringLiteral("bind :443 ssl crt"),
                   QStringLiteral("redirect scheme https") }
            << QStringList{};
    }

    void haproxySaysWhatTheBalancerIs()
    {
        QFETCH(QVariantMap, balancer);
        QFETCH(bool, markBackup);
        QFETCH(QStringList, present);
        QFETCH(QStringList, absent);
        const DeployTopology topology(pool(balancer, markBackup));
        const ConfigGenerator gen(topology, Placement::placeholders(topology));
        const QString cfg = gen.haproxyConfig(QStringLiteral("lb"));
        for (const QString &p : present)
            QVERIFY2(cfg.contains(p), qPrintable(p + QStringLiteral(" not in:\n") + cfg));
        for (const QString &a : absent)
            QVERIFY2(!cfg.contains(a), qPrintable(a + QStringLiteral(" in:\n") + cfg));
    }

    void databasesGetTheirRoleAndReplication()
    {
        const DesignData data = example(QStringLiteral("distributed.topo"));
        const DeployTopology topology(data);
        QCOMPARE(topology.databaseRole(QStringLiteral("db-1")), QStringLiteral("primary"));
        QCOMPARE(topology.databaseRole(QStringLiteral("db-2")), QStringLiteral("replica"));
        const ConfigGenerator gen(topology, Placement::placeholders(topology));
        const QList<ConfigGenerator::File> files = gen.files();
        const QString primary = fileOf(files, QStringLiteral("db-1/mariadb.cnf"));
        const QString replica = fileOf(files, QStringLiteral("db-2/mariadb.cnf"));
        QVERIFY(primary.contains(QLatin1String("server_id = 1\n")));
        QVERIFY(primary.contains(QLatin1String("read_only = OFF")));
        QVERIFY(primary.contains(QLatin1String("log_bin = ")));
        QVERIFY(replica.contains(QLatin1String("server_id = 2\n")));
        QVERIFY(replica.contains(QLatin1String("read_only = ON")));
        QVERIFY(replica.contains(QLatin1String("relay_log = ")));
        const Placement place = Placement::placeholders(topology);
        const QString users = fileOf(files, QStringLiteral("db-1/users.sql"));
        QVERIFY2(
            users.contains(
                QStringLiteral("'repl'@'%1'").arg(place.server(QStringLiteral("db-2")).address)),
            qPrintable(users));
        QVERIFY(users.contains(QLatin1String("GRANT REPLICATION SLAVE")));
        const QString setup = fileOf(files, QStringLiteral("db-2/replication.sql"));
        QVERIFY2(setup.contains(QStringLiteral("MASTER_HOST = '%1'")
                                    .arg(place.server(QStringLiteral("db-1")).address)),
            qPrintable(setup));
        QVERIFY(setup.contains(QLatin1String("MASTER_USE_GTID = slave_pos")));
        QVERIFY(setup.contains(QLatin1String("START SLAVE")));
        // The placeholders say they are placeholders; the lab's schema is not in an export.
        QVERIFY(users.contains(QLatin1String("CHANGE-ME")));
        QVERIFY(!users.contains(QLatin1String(ConfigGenerator::LabSchema)));
        const QString readme = fileOf(files, QStringLiteral("README.md"));
        QVERIFY(readme.contains(QLatin1String("192.0.2.0/24")));
        QVERIFY(readme.contains(QLatin1String("`db-2/replication.sql`")));
        const QString prometheus = fileOf(files, QStringLiteral("prometheus/prometheus.yml"));
        QVERIFY(prometheus.contains(QLatin1String("job_name: haproxy")));
        QVERIFY(prometheus.contains(QLatin1String("job_name: nginx")));
        QVERIFY(prometheus.contains(QLatin1String("job_name: mysqld")));
        QVERIFY(prometheus.contains(QLatin1String("component: 'db-2'")));
    }

    void placeholdersUseTheHostsAddresses()
    {
        DesignData data = example(QStringLiteral("distributed.topo"));
        data.hosts[0].props.insert(QStringLiteral("address"), QStringLiteral("10.1.2.3"));
        const DeployTopology topology(data);
        const Placement place = Placement::placeholders(topology);
        QCOMPARE(place.server(QStringLiteral("web-1")).address, QStringLiteral("10.1.2.3"));
        QCOMPARE(place.server(QStringLiteral("db-1")).address, QStringLiteral("10.1.2.3"));
        QVERIFY(
            place.server(QStringLiteral("web-2")).address.startsWith(QLatin1String("192.0.2.")));
        QCOMPARE(place.server(QStringLiteral("app-1")).port, 8000);
        const QString cfg = ConfigGenerator(topology, place).haproxyConfig(QStringLiteral("lb"));
        QVERIFY2(cfg.contains(QLatin1String("server web-1 10.1.2.3:80 weight 1")), qPrintable(cfg));
    }

    void nginxSitePassesToItsApplicationServers()
    {
        const DesignData data = example(QStringLiteral("distributed.topo"));
        const DeployTopology topology(data);
        const ConfigGenerator gen(topology, Placement::placeholders(topology));
        const QString site = gen.nginxSite(QStringLiteral("web-1"));
        const Placement place = Placement::placeholders(topology);
        QVERIFY2(site.contains(QStringLiteral("server %1:8000;")
                                   .arg(place.server(QStringLiteral("app-1")).address)),
            qPrintable(site));
        QVERIFY(site.contains(QLatin1String("stub_status;")));
        QVERIFY(site.contains(QLatin1String("access_log syslog:server=192.0.2.254:514")));
        QVERIFY(site.contains(QLatin1String("keepalive 16;")));
        QVERIFY(site.contains(QLatin1String("proxy_set_header Connection \"\";")));
        QVERIFY(!site.contains(place.server(QStringLiteral("app-2")).address + u':'));
    }

    void labPlacementPassesNginxWithRealPorts()
    {
        // The lab's own texts: a whole nginx.conf in a private directory, on loopback ports.
        const DesignData data = example(QStringLiteral("distributed.topo"));
        const DeployTopology topology(data);
        QTemporaryDir dir;
        Placement place;
        place.lab = true;
        place.syslogAddress = QStringLiteral("127.0.0.1");
        place.syslogPort = 5514;
        for (const Component &c : data.components)
            place.servers.insert(
                c.id, { QStringLiteral("127.0.0.1"), freePort(), 0, 0, dir.filePath(c.id) });
        const ConfigGenerator gen(topology, place);
        const QString root = dir.filePath(QStringLiteral("web-1"));
        QVERIFY(writeFile(
            root + QStringLiteral("/site.conf"), gen.nginxSite(QStringLiteral("web-1")).toUtf8()));
        QVERIFY(writeFile(root + QStringLiteral("/nginx.conf"),
            gen.nginxMain(QStringLiteral("web-1"), root + QStringLiteral("/site.conf")).toUtf8()));
        QDir().mkpath(root + QStringLiteral("/tmp"));
        QString out;
        QVERIFY2(run(program(QStringLiteral("nginx")),
                     { QStringLiteral("-t"),
                         QStringLiteral("-p"),
                         root + u'/',
                         QStringLiteral("-c"),
                         root + QStringLiteral("/nginx.conf"),
                         QStringLiteral("-e"),
                         root + QStringLiteral("/error.log") },
                     &out)
                == 0,
            qPrintable(out));
        const QString app = QString::fromUtf8(gen.appConfig(QStringLiteral("app-2")));
        QVERIFY2(app.contains(QLatin1String("\"element\": \"db-2\"")), qPrintable(app));
        QVERIFY2(app.contains(QLatin1String("\"write\": null")), qPrintable(app));
    }

    void skippedKindsAreNamed()
    {
        const DesignData data = example(QStringLiteral("distributed.topo"));
        const DeployTopology topology(data);
        const QStringList skipped
            = ConfigGenerator(topology, Placement::placeholders(topology)).skipped();
        QVERIFY(skipped.join(u'\n').contains(QLatin1String("app-1")));
        QVERIFY(skipped.join(u'\n').contains(QLatin1String("dns")));
    }
};

QTEST_GUILESS_MAIN(TestConfigGenerator)
#include "tst_configgenerator.moc"
