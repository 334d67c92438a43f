// SPDX-License-Identifier: MIT
#include "labplan.h"

#include "deploy/configgenerator.h"
#include "deploy/deploytopology.h"
#include "design/kinds.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace {

QString findProgram(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(
            name, { QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin") });
    return path;
}

QString quoted(const DeployTopology &t, const ElementId &id)
{
    return QStringLiteral("%1 “%2”").arg(id, t.label(id));
}

} // namespace

LabPlan::Programs LabPlan::Programs::find()
{
    Programs p;
    p.haproxy = findProgram(QStringLiteral("haproxy"));
    p.nginx = findProgram(QStringLiteral("nginx"));
    p.mariadbd = findProgram(QStringLiteral("mariadbd"));
    // Debian's python3 with python3-pymysql, not whatever python3 comes first in PATH.
    p.python = QFileInfo::exists(QStringLiteral("/usr/bin/python3"))
        ? QStringLiteral("/usr/bin/python3")
        : findProgram(QStringLiteral("python3"));
    p.prometheus = findProgram(QStringLiteral("prometheus"));
    p.nginxExporter = findProgram(QStringLiteral("prometheus-nginx-exporter"));
    p.mysqldExporter = findProgram(QStringLiteral("prometheus-mysqld-exporter"));
    p.mariadbClient = findProgram(QStringLiteral("mariadb"));
    p.mariadbInstallDb = findProgram(QStringLiteral("mariadb-install-db"));
    p.dnsmasq = findProgram(QStringLiteral("dnsmasq"));
    return p;
}

LabPlan LabPlan::make(const DesignData &design, const Settings &settings)
{
    LabPlan plan;
    plan.directory = settings.directory;
    const DeployTopology t(design);
    const Programs &bin = settings.programs;
    const QString dir = settings.directory;
    auto dirOf = [&](const ElementId &id) { return dir + u'/' + t.configName(id); };

    // What the lab starts, decided first, so ports go to those only.
    QList<ElementId> haproxies, nginxes, apps, databases, dnses;
    auto domainOf = [&](const Component &c) {
        const QString own = c.props.value(QStringLiteral("domain")).toString().trimmed();
        return own.isEmpty() ? design.domain.trimmed() : own;
    };
    auto cannot = [&](const ElementId &id, const QString &why) {
        plan.notStarted.append(QStringLiteral("%1: %2").arg(quoted(t, id), why));
    };
    for (const Component &c : design.components) {
        const QString software = c.props.value(QStringLiteral("software")).toString();
        if (c.kind == QLatin1String("load_balancer")) {
            if (software == QLatin1String("nginx")) {
                if (bin.nginx.isEmpty())
                    cannot(c.id, QStringLiteral("nginx is not installed"));
                else
                    nginxes.append(c.id);
            } else if (bin.haproxy.isEmpty()) {
                cannot(c.id, QStringLiteral("haproxy is not installed"));
            } else {
                haproxies.append(c.id);
            }
        } else if (c.kind == QLatin1String("web_server")) {
            if (software != QLatin1String("nginx"))
                cannot(
                    c.id, QStringLiteral("the lab runs Nginx web servers, not %1").arg(software));
            else if (bin.nginx.isEmpty())
                cannot(c.id, QStringLiteral("nginx is not installed"));
            else
                nginxes.append(c.id);
        } else if (c.kind == QLatin1String("app_server")) {
            if (bin.python.isEmpty())
                cannot(c.id, QStringLiteral("python3 is not installed"));
            else
                apps.append(c.id);
        } else if (c.kind == QLatin1String("database")) {
            const QString engine = c.props.value(QStringLiteral("engine")).toString();
            if (engine == QLatin1String("postgresql"))
                cannot(c.id, QStringLiteral("the lab runs MariaDB, not PostgreSQL"));
            else if (bin.mariadbd.isEmpty() || bin.mariadbClient.isEmpty()
                || bin.mariadbInstallDb.isEmpty())
                cannot(c.id, QStringLiteral("MariaDB is not installed (mariadb-server)"));
            else
                databases.append(c.id);
        } else if (c.kind == QLatin1String("dns")) {
            if (bin.dnsmasq.isEmpty())
                cannot(c.id, QStringLiteral("dnsmasq is not installed (dnsmasq-base)"));
            else if (!settings.dnsUnavailable.isEmpty())
                cannot(c.id, settings.dnsUnavailable);
            else if (domainOf(c).isEmpty())
                cannot(c.id, QStringLiteral("it names no domain"));
            else if (dnses.isEmpty())
                dnses.append(c.id);
            else
                cannot(c.id, QStringLiteral("the lab answers DNS for one domain only"));
        } else if (c.kind == QLatin1String("monitoring")) {
            if (c.props.value(QStringLiteral("mode")) != QLatin1String("collector"))
                cannot(c.id,
                    QStringLiteral("the lab runs no monitoring agent; Prometheus scrapes the "
                                   "exporters"));
        } else if (c.kind == QLatin1String("cache") || c.kind == QLatin1String("queue")) {
            cannot(c.id, QStringLiteral("the lab cannot start %1").arg(software));
        } else if (c.kind == QLatin1String("firewall") || c.kind == QLatin1String("cdn")
            || c.kind == QLatin1String("generic")) {
            cannot(c.id, QStringLiteral("the lab cannot start this kind"));
        }
    }
    if (haproxies.isEmpty() && nginxes.isEmpty() && apps.isEmpty() && databases.isEmpty()) {
        plan.error = QStringLiteral("the design has no server the lab can start (HAProxy, Nginx, "
                                    "an application server or MySQL/MariaDB)");
        return plan;
    }

    // Where everything listens: loopback, free ports, a directory each.
    Placement place;
    place.lab = true;
    place.runAsUser = settings.runAsUser;
    place.replicationPassword = settings.replicationPassword;
    place.appPassword = settings.appPassword;
    place.monitorPassword = settings.monitorPassword;
    place.scrapeIntervalSeconds = settings.scrapeIntervalSeconds;
    place.syslogAddress = QStringLiteral("127.0.0.1");
    place.syslogPort = settings.syslogPort;
    place.prometheusAddress = QStringLiteral("127.0.0.1");
    for (const Component &c : design.components) {
        Placement::Server s;
        s.address = QStringLiteral("127.0.0.1");
        s.dir = dirOf(c.id);
        const bool runs = haproxies.contains(c.id) || nginxes.contains(c.id) || apps.contains(c.id)
            || databases.contains(c.id);
        // Servers the lab does not start still get a port: a balancer pointing at one shows
        // it down, which is the truth.
        s.port = settings.nextTcpPort();
        if (haproxies.contains(c.id))
            s.statsPort = settings.nextTcpPort();
        if (runs && (c.kind == QLatin1String("web_server") || databases.contains(c.id)))
            s.exporterPort = settings.nextTcpPort();
        place.servers.insert(c.id, s);
    }
    const bool prometheus = !bin.prometheus.isEmpty();
    if (prometheus)
        place.prometheusPort = settings.nextTcpPort();
    place.prometheusDir = dir + QStringLiteral("/prometheus");
    plan.syslogAddress = QStringLiteral("udp://127.0.0.1:%1").arg(settings.syslogPort);

    const ConfigGenerator gen(t, place);
    DesignData &bound = plan.boundDesign;
    bound = design;
    if (!bound.name.endsWith(QLatin1String(" (lab)")))
        bound.name += QStringLiteral(" (lab)");
    for (Host &h : bound.hosts)
        h.props.insert(QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    bound.sources.clear();
    bound.bindings.clear();
    // Source ids are unique: a component called "syslog" gets "syslog" and the listener
    // "syslog-2".
    auto addSource = [&](const QString &id,
                         const QString &kind,
                         const QString &address,
                         const QString &user = QString()) {
        SourceConfig s;
        s.id = id;
        for (int n = 2; bound.source(s.id); ++n)
            s.id = QStringLiteral("%1-%2").arg(id).arg(n);
        s.kind = kind;
        s.address = address;
        s.user = user;
        for (const Kinds::PropertySpec &o : Kinds::sourceOptions())
            s.options.insert(o.name, o.defaultValue);
        bound.sources.append(s);
        return s.id;
    };
    auto bind = [&](const ElementId &element, const QString &source, const QString &key) {
        for (const Binding &b : std::as_const(bound.bindings)) {
            if (b.source == source && b.key == key)
                return;
        }
        bound.bindings.append(Binding{ element, source, key, {} });
    };
    auto url = [](int port, const QString &path) {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path);
    };
    // The names components will take first, so that theirs stay their own.
    QString syslog;
    if (!haproxies.isEmpty() || !nginxes.isEmpty()) {
        syslog = QStringLiteral("syslog");
        for (const Component &c : design.components) {
            if (t.configName(c.id) == syslog)
                syslog = QStringLiteral("syslog-listener");
        }
        syslog = addSource(syslog, QStringLiteral("syslog"), plan.syslogAddress);
    }

    for (const ElementId &lb : std::as_const(haproxies)) {
        const Placement::Server s = place.server(lb);
        const QString name = t.configName(lb);
        const QString cfg = s.dir + QStringLiteral("/haproxy.cfg");
        plan.files.append({ cfg, gen.haproxyConfig(lb).toUtf8(), false });
        plan.processes.append({ name,
            lb,
            bin.haproxy,
            { QStringLiteral("-f"), cfg, QStringLiteral("-db") },
            s.dir,
            url(s.statsPort, QStringLiteral("/stats;csv")),
            // After its servers answer: HAProxy starts a server UP, but one failed first check
            // puts it DOWN until `rise` checks pass (seconds of 503 after `lab up`).
            1 });
        const QString stats = url(s.statsPort, QStringLiteral("/stats;csv"));
        const QString entry = url(s.port, QStringLiteral("/"));
        plan.servers.append({ name, QStringLiteral("haproxy"), stats, lb, {}, {} });
        plan.servers.append({ name + QStringLiteral("-socket"),
            QStringLiteral("haproxy-socket"),
            s.dir + QStringLiteral("/admin.sock"),
            lb,
            {},
            {} });
        plan.servers.append({ name + QStringLiteral("-metrics"),
            QStringLiteral("exporter"),
            url(s.statsPort, QStringLiteral("/metrics")),
            lb,
            {},
            {} });
        plan.servers.append(
            { name + QStringLiteral("-entry"), QStringLiteral("http"), entry, lb, {}, {} });
        if (plan.entryUrl.isEmpty())
            plan.entryUrl = entry;
        const QString source = addSource(name, QStringLiteral("haproxy"), stats);
        const QString probe
            = addSource(name + QStringLiteral("-entry"), QStringLiteral("http"), entry);
        bind(lb, source, QStringLiteral("fe_") + name);
        bind(lb, probe, QString());
        bind(lb, syslog, QStringLiteral("fe_") + name);
        for (const DeployTopology::PoolMember &m : t.pool(lb)) {
            const QString key = QStringLiteral("be_%1/%2").arg(name, t.configName(m.server));
            bind(m.server, source, key);
            bind(m.server, syslog, key);
        }
        if (t.prop(lb, QStringLiteral("tls_termination")) == QLatin1String("true"))
            plan.notes.append(QStringLiteral("%1 answers plain HTTP: the lab has no certificate "
                                             "for TLS termination")
                                  .arg(quoted(t, lb)));
        if (t.prop(lb, QStringLiteral("stats_endpoint")) == QLatin1String("disabled"))
            plan.notes.append(QStringLiteral("%1 has its stats page on loopback (the design has "
                                             "none), so that Toposcope can watch it")
                                  .arg(quoted(t, lb)));
    }

    for (const ElementId &w : std::as_const(nginxes)) {
        const Placement::Server s = place.server(w);
        const QString name = t.configName(w);
        const QString site = s.dir + QStringLiteral("/site.conf");
        const QString conf = s.dir + QStringLiteral("/nginx.conf");
        plan.files.append({ site, gen.nginxSite(w).toUtf8(), false });
        plan.files.append({ conf, gen.nginxMain(w, site).toUtf8(), false });
        plan.files.append({ s.dir + QStringLiteral("/www/index.html"),
            QStringLiteral("<!doctype html><title>%1</title><p>%1 (Toposcope lab)</p>\n")
                .arg(t.label(w).toHtmlEscaped())
                .toUtf8(),
            false });
        const QString status = url(s.port, QStringLiteral("/stub_status"));
        plan.processes.append({ name,
            w,
            bin.nginx,
            { QStringLiteral("-p"),
                s.dir + u'/',
                QStringLiteral("-c"),
                conf,
                QStringLiteral("-e"),
                s.dir + QStringLiteral("/error.log") },
            s.dir,
            status,
            0 });
        plan.servers.append({ name, QStringLiteral("nginx"), status, w, {}, {} });
        bind(w, addSource(name, QStringLiteral("nginx"), status), QString());
        // Request lines of an Nginx balancer are its requests; behind HAProxy, a web server's
        // lines repeat requests HAProxy's already counted, so they stay unbound.
        if (t.kind(w) == QLatin1String("load_balancer")) {
            bind(w, syslog, ConfigGenerator::syslogTag(name));
            if (plan.entryUrl.isEmpty())
                plan.entryUrl = url(s.port, QStringLiteral("/"));
        }
        if (s.exporterPort > 0 && !bin.nginxExporter.isEmpty()) {
            plan.processes.append({ name + QStringLiteral("-exporter"),
                w,
                bin.nginxExporter,
                { QStringLiteral("-nginx.scrape-uri=") + status,
                    QStringLiteral("-web.listen-address=127.0.0.1:%1").arg(s.exporterPort),
                    QStringLiteral("-nginx.retries=10"),
                    QStringLiteral("-nginx.retry-interval=1s") },
                s.dir,
                url(s.exporterPort, QStringLiteral("/metrics")),
                1 });
            plan.servers.append({ name + QStringLiteral("-exporter"),
                QStringLiteral("exporter"),
                url(s.exporterPort, QStringLiteral("/metrics")),
                w,
                {},
                {} });
        }
    }

    const QString script = QStringLiteral("labapp.py");
    for (const ElementId &a : std::as_const(apps)) {
        const Placement::Server s = place.server(a);
        const QString name = t.configName(a);
        const QString cfg = s.dir + QStringLiteral("/app.json");
        plan.files.append({ cfg, gen.appConfig(a), true });
        const QString health = url(s.port, QStringLiteral("/health"));
        plan.processes.append(
            { name, a, bin.python, { dir + u'/' + script, cfg }, s.dir, health, 0 });
        plan.servers.append({ name, QStringLiteral("http"), health, a, {}, {} });
        bind(a, addSource(name, QStringLiteral("http"), health), QString());
        const QString runtime = t.prop(a, QStringLiteral("runtime"));
        plan.notes.append(
            QStringLiteral("%1 runs the lab application (python3, PyMySQL)%2: reads "
                           "%3, writes %4")
                .arg(quoted(t, a),
                    runtime.isEmpty() ? QString() : QStringLiteral(" in place of ") + runtime,
                    t.readDatabase(a).isEmpty() ? QStringLiteral("nothing") : t.readDatabase(a),
                    t.writeDatabase(a).isEmpty() ? QStringLiteral("nothing") : t.writeDatabase(a)));
        if (plan.entryUrl.isEmpty() && haproxies.isEmpty())
            plan.entryUrl = url(s.port, QStringLiteral("/"));
    }

    for (const ElementId &db : std::as_const(databases)) {
        const Placement::Server s = place.server(db);
        const QString name = t.configName(db);
        const QString cnf = s.dir + QStringLiteral("/my.cnf");
        plan.files.append({ cnf, gen.mariadbConfig(db).toUtf8(), false });
        plan.databases.append(db);
        plan.processes.append({ name,
            db,
            bin.mariadbd,
            { QStringLiteral("--defaults-file=") + cnf },
            s.dir,
            QStringLiteral("tcp://127.0.0.1:%1").arg(s.port),
            0 });
        const QString address = QStringLiteral("127.0.0.1:%1").arg(s.port);
        // The monitoring login's password is in a file of the lab's, which the bound design
        // names (never the password itself).
        const QString passwordFile = s.dir + QStringLiteral("/monitor.password");
        plan.files.append({ passwordFile, settings.monitorPassword.toUtf8() + '\n', true });
        plan.servers.append({ name,
            QStringLiteral("mysql"),
            address,
            db,
            QStringLiteral("toposcope"),
            passwordFile });
        const QString sourceId
            = addSource(name, QStringLiteral("mysql"), address, QStringLiteral("toposcope"));
        bound.sources.last().options.insert(QStringLiteral("password_file"), passwordFile);
        bind(db, sourceId, QString());
        const ElementId source = t.replicationSource(db);
        const bool replica
            = t.databaseRole(db) == QLatin1String("replica") && databases.contains(source);
        if (replica) {
            plan.replicaSql.append({ db, name, cnf, gen.replicaSql(db) });
            plan.replication.append({ db, source });
        } else {
            plan.primarySql.append({ db, name, cnf, gen.primarySql(db) });
            if (!source.isEmpty())
                plan.notes.append(QStringLiteral("%1 runs standalone: its primary %2 is not "
                                                 "started")
                                      .arg(quoted(t, db), source));
        }
        if (s.exporterPort > 0 && !bin.mysqldExporter.isEmpty()) {
            const QString exporterCnf = s.dir + QStringLiteral("/exporter.cnf");
            plan.files.append({ exporterCnf, gen.mysqldExporterConfig(db).toUtf8(), true });
            plan.processes.append({ name + QStringLiteral("-exporter"),
                db,
                bin.mysqldExporter,
                { QStringLiteral("--config.my-cnf=") + exporterCnf,
                    QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(s.exporterPort) },
                s.dir,
                url(s.exporterPort, QStringLiteral("/metrics")),
                1 });
            plan.servers.append({ name + QStringLiteral("-exporter"),
                QStringLiteral("exporter"),
                url(s.exporterPort, QStringLiteral("/metrics")),
                db,
                {},
                {} });
        }
    }

    if (prometheus) {
        ElementId monitor;
        for (const Component &c : design.components) {
            if (c.kind == QLatin1String("monitoring")
                && c.props.value(QStringLiteral("mode")) == QLatin1String("collector")) {
                monitor = c.id;
                break;
            }
        }
        const QString pdir = place.prometheusDir;
        plan.files.append(
            { pdir + QStringLiteral("/prometheus.yml"), gen.prometheusConfig().toUtf8(), false });
        const QString address = url(place.prometheusPort, QString());
        plan.processes.append({ QStringLiteral("prometheus"),
            monitor,
            bin.prometheus,
            { QStringLiteral("--config.file=") + pdir + QStringLiteral("/prometheus.yml"),
                QStringLiteral("--storage.tsdb.path=") + pdir + QStringLiteral("/data"),
                QStringLiteral("--storage.tsdb.retention.time=1d"),
                QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(place.prometheusPort) },
            pdir,
            url(place.prometheusPort, QStringLiteral("/-/ready")),
            0 });
        plan.servers.append({ QStringLiteral("prometheus"),
            QStringLiteral("prometheus"),
            address,
            monitor,
            {},
            {} });
        // Through Prometheus, HAProxy's figures keep their keys and an exporter's server is
        // its scrape target (`instance`).
        const QString source
            = addSource(QStringLiteral("prometheus"), QStringLiteral("prometheus"), address);
        for (const ElementId &lb : std::as_const(haproxies)) {
            const QString name = t.configName(lb);
            bind(lb, source, QStringLiteral("fe_") + name);
            for (const DeployTopology::PoolMember &m : t.pool(lb))
                bind(
                    m.server, source, QStringLiteral("be_%1/%2").arg(name, t.configName(m.server)));
        }
        for (const ElementId &id : nginxes + databases) {
            const int port = place.server(id).exporterPort;
            if (port > 0)
                bind(id, source, QStringLiteral("127.0.0.1:%1").arg(port));
        }
    }
    // The lab application's code is one file for all application servers.
    if (!apps.isEmpty()) {
        QFile code(settings.appScript);
        if (!code.open(QIODevice::ReadOnly)) {
            plan.error = QStringLiteral("cannot read the lab application %1: %2")
                             .arg(settings.appScript, code.errorString());
            return plan;
        }
        plan.files.append({ dir + u'/' + script, code.readAll(), false });
    }
    if (plan.entryUrl.isEmpty() && !nginxes.isEmpty())
        plan.entryUrl = url(place.server(nginxes.constFirst()).port, QStringLiteral("/"));

    // The domain, answered with the entry point's address: checked by a DNS source through
    // this server, as the design's DNS would be through the system's resolver.
    for (const ElementId &id : std::as_const(dnses)) {
        const Component *c = design.component(id);
        const QString domain = domainOf(*c);
        const QString name = t.configName(id);
        const QString dnsDir = dirOf(id);
        plan.processes.append({ name,
            id,
            bin.dnsmasq,
            { QStringLiteral("--keep-in-foreground"),
                QStringLiteral("--conf-file=/dev/null"),
                QStringLiteral("--no-resolv"),
                QStringLiteral("--no-hosts"),
                QStringLiteral("--no-poll"),
                QStringLiteral("--bind-interfaces"),
                QStringLiteral("--listen-address=127.0.0.1"),
                QStringLiteral("--port=53"),
                QStringLiteral("--host-record=%1,127.0.0.1").arg(domain),
                QStringLiteral("--pid-file="),
                QStringLiteral("--log-facility=-"),
                // It would change to "nobody", who cannot write the lab's directory.
                QStringLiteral("--user=")
                    + (settings.runAsUser.isEmpty() ? QStringLiteral("root")
                                                    : settings.runAsUser) },
            dnsDir,
            QStringLiteral("connect://127.0.0.1:53"),
            0 });
        const QString source = addSource(name, QStringLiteral("dns"), domain);
        for (SourceConfig &config : bound.sources) {
            if (config.id == source) {
                config.options.insert(QStringLiteral("nameserver"), QStringLiteral("127.0.0.1"));
                config.options.insert(QStringLiteral("entry_point"), QStringLiteral("127.0.0.1"));
            }
        }
        bind(id, source, QString());
    }
    return plan;
}
