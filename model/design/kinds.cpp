// SPDX-License-Identifier: MIT
#include "kinds.h"

#include "limits.h"

namespace Kinds {

namespace {

PropertySpec boolProp(const QString &name, const QString &display, bool def, const QString &desc)
{
    PropertySpec p;
    p.name = name;
    p.displayName = display;
    p.type = PropertyType::Bool;
    p.defaultValue = def;
    p.description = desc;
    return p;
}

PropertySpec intProp(const QString &name,
    const QString &display,
    int def,
    int min,
    int max,
    const QString &unit,
    const QString &desc)
{
    PropertySpec p;
    p.name = name;
    p.displayName = display;
    p.type = PropertyType::Int;
    p.defaultValue = def;
    p.minimum = min;
    p.maximum = max;
    p.unit = unit;
    p.description = desc;
    return p;
}

PropertySpec stringProp(
    const QString &name, const QString &display, const QString &def, const QString &desc)
{
    PropertySpec p;
    p.name = name;
    p.displayName = display;
    p.type = PropertyType::String;
    p.defaultValue = def;
    p.description = desc;
    return p;
}

PropertySpec enumProp(
    const QString &name, const QString &display, const QStringList &values, const QString &desc)
{
    PropertySpec p;
    p.name = name;
    p.displayName = display;
    p.type = PropertyType::Enum;
    p.values = values;
    p.defaultValue = values.value(0);
    p.description = desc;
    return p;
}

PropertySpec refProp(const QString &name, const QString &display, const QString &desc)
{
    PropertySpec p;
    p.name = name;
    p.displayName = display;
    p.type = PropertyType::ComponentRef;
    p.defaultValue = QString();
    p.description = desc;
    return p;
}

PropertySpec listProp(
    const QString &name, const QString &display, const QStringList &def, const QString &desc)
{
    PropertySpec p;
    p.name = name;
    p.displayName = display;
    p.type = PropertyType::StringList;
    p.defaultValue = def;
    p.description = desc;
    return p;
}

// Properties several kinds share; each kind lists the ones that apply to it.
PropertySpec certificateRenewalProp()
{
    return enumProp(QStringLiteral("certificate_renewal"),
        QStringLiteral("Certificate renewal"),
        { QStringLiteral("manual"), QStringLiteral("automated") },
        QStringLiteral("How the TLS certificate is renewed before it expires: by hand, or "
                       "automatically (ACME: certbot, Let's Encrypt)."));
}

PropertySpec filteringProp()
{
    return boolProp(QStringLiteral("firewall"),
        QStringLiteral("Also a firewall"),
        false,
        QStringLiteral("The same box filters what comes in (a firewall appliance that also "
                       "balances, or a host firewall on it): only the allowed ports pass."));
}

PropertySpec rollingDeploysProp()
{
    return boolProp(QStringLiteral("zero_downtime_deploys"),
        QStringLiteral("Zero-downtime deploys"),
        false,
        QStringLiteral("A new version starts beside the running one and takes over without "
                       "dropping requests (blue-green, a graceful reload)."));
}

PropertySpec autoscalingProp()
{
    return boolProp(QStringLiteral("autoscaling"),
        QStringLiteral("Autoscaling"),
        false,
        QStringLiteral("More instances start by themselves when the load grows (an autoscaling "
                       "group, Kubernetes), behind an address of their own."));
}

PropertySpec managedProp()
{
    return enumProp(QStringLiteral("managed"),
        QStringLiteral("Managed by the provider"),
        { QStringLiteral("no"), QStringLiteral("single-zone"), QStringLiteral("multi-zone") },
        QStringLiteral("A cloud provider runs it as a service (AWS ELB, RDS, Cloud SQL, "
                       "CloudFront): single-zone is one instance in one zone, which the provider "
                       "replaces after a failure, in minutes; multi-zone is run redundantly "
                       "across zones (a managed balancer, RDS Multi-AZ, Aurora), so it is not a "
                       "single point of failure of its own."));
}

PropertySpec siteProp()
{
    return stringProp(QStringLiteral("site"),
        QStringLiteral("Site"),
        QString(),
        QStringLiteral("The data centre, region or availability zone it runs in, when it is not "
                       "on a host (a host says where its components are)."));
}

QList<KindSpec> buildKinds()
{
    QList<KindSpec> k;

    k.append({ QStringLiteral("client"),
        QStringLiteral("Client"),
        QStringLiteral("Users"),
        QStringLiteral(":/icons/client.svg"),
        Tier::Client,
        QStringLiteral("Users and their browsers on the internet: where requests start."),
        {} });

    k.append({ QStringLiteral("dns"),
        QStringLiteral("DNS"),
        QStringLiteral("DNS"),
        QStringLiteral(":/icons/dns.svg"),
        Tier::Edge,
        QStringLiteral("Resolves the domain name to the address of the entry point."),
        { stringProp(QStringLiteral("domain"),
              QStringLiteral("Domain"),
              QStringLiteral("www.example.com"),
              QStringLiteral("The name users type, e.g. www.foobar.com.")),
            enumProp(QStringLiteral("record_type"),
                QStringLiteral("Record type"),
                { QStringLiteral("A"), QStringLiteral("AAAA"), QStringLiteral("CNAME") },
                QStringLiteral("A maps the name to an IPv4 address, AAAA to IPv6, CNAME "
                               "to another name.")),
            refProp(QStringLiteral("target"),
                QStringLiteral("Record points at"),
                QStringLiteral("The component whose address the record holds: the entry "
                               "point of the service.")),
            listProp(QStringLiteral("extra_targets"),
                QStringLiteral("Also points at"),
                {},
                QStringLiteral("Round-robin DNS: the ids of further entry points whose "
                               "addresses the record holds too; resolvers hand them out in "
                               "turn.")),
            boolProp(QStringLiteral("health_checks"),
                QStringLiteral("Health-checked answers"),
                false,
                QStringLiteral("The DNS service stops handing out the address of an entry "
                               "point that fails its health check (Route 53, NS1, Cloudflare "
                               "load balancing).")),
            intProp(QStringLiteral("ttl"),
                QStringLiteral("TTL"),
                3600,
                0,
                604800,
                QStringLiteral("s"),
                QStringLiteral("How long resolvers cache the answer.")),
            managedProp() } });

    k.append({ QStringLiteral("load_balancer"),
        QStringLiteral("Load balancer"),
        QStringLiteral("HAProxy"),
        QStringLiteral(":/icons/load_balancer.svg"),
        Tier::Balancer,
        QStringLiteral("Spreads incoming requests over a pool of backend servers."),
        { enumProp(QStringLiteral("software"),
              QStringLiteral("Software"),
              { QStringLiteral("haproxy"), QStringLiteral("nginx") },
              QStringLiteral("The program that balances.")),
            enumProp(QStringLiteral("algorithm"),
                QStringLiteral("Algorithm"),
                { QStringLiteral("roundrobin"),
                    QStringLiteral("leastconn"),
                    QStringLiteral("source"),
                    QStringLiteral("uri"),
                    QStringLiteral("random") },
                QStringLiteral("How a backend is picked for each request; per-backend weights "
                               "are on the links.")),
            enumProp(QStringLiteral("backend_mode"),
                QStringLiteral("Backend mode"),
                { QStringLiteral("active-active"), QStringLiteral("active-passive") },
                QStringLiteral("Active-active sends traffic to every backend; active-passive "
                               "keeps backup backends idle until the active one fails.")),
            boolProp(QStringLiteral("health_checks"),
                QStringLiteral("Health checks"),
                false,
                QStringLiteral("Probe each backend and stop sending to one that fails.")),
            intProp(QStringLiteral("health_check_interval"),
                QStringLiteral("Check interval"),
                2000,
                100,
                600000,
                QStringLiteral("ms"),
                QStringLiteral("Time between two health checks of a backend.")),
            boolProp(QStringLiteral("tls_termination"),
                QStringLiteral("TLS termination"),
                false,
                QStringLiteral("Accept HTTPS and decrypt it here.")),
            enumProp(QStringLiteral("high_availability"),
                QStringLiteral("High availability"),
                { QStringLiteral("standalone"), QStringLiteral("cluster") },
                QStringLiteral("A cluster pairs this balancer with a peer that takes over its "
                               "virtual IP when it fails.")),
            refProp(QStringLiteral("peer"),
                QStringLiteral("Cluster peer"),
                QStringLiteral("The other load balancer of the cluster.")),
            stringProp(QStringLiteral("virtual_ip"),
                QStringLiteral("Virtual IP"),
                QString(),
                QStringLiteral("The floating address the cluster answers on (keepalived, "
                               "VRRP).")),
            enumProp(QStringLiteral("stats_endpoint"),
                QStringLiteral("Stats endpoint"),
                { QStringLiteral("disabled"),
                    QStringLiteral("internal"),
                    QStringLiteral("public") },
                QStringLiteral("Where the statistics page answers.")),
            certificateRenewalProp(),
            filteringProp(),
            managedProp(),
            siteProp() } });

    k.append({ QStringLiteral("web_server"),
        QStringLiteral("Web server"),
        QStringLiteral("Nginx"),
        QStringLiteral(":/icons/web_server.svg"),
        Tier::Web,
        QStringLiteral("Serves static files and passes dynamic requests to the application "
                       "server."),
        { enumProp(QStringLiteral("software"),
              QStringLiteral("Software"),
              { QStringLiteral("nginx"), QStringLiteral("apache") },
              QStringLiteral("The web server program.")),
            boolProp(QStringLiteral("tls"),
                QStringLiteral("TLS"),
                false,
                QStringLiteral("Accepts HTTPS itself.")),
            boolProp(QStringLiteral("static_files"),
                QStringLiteral("Serves static files"),
                true,
                QStringLiteral("Answers requests for static files without the "
                               "application server.")),
            enumProp(QStringLiteral("status_endpoint"),
                QStringLiteral("Status endpoint"),
                { QStringLiteral("disabled"),
                    QStringLiteral("internal"),
                    QStringLiteral("public") },
                QStringLiteral("Where the stub_status / server-status page answers.")),
            certificateRenewalProp(),
            filteringProp(),
            rollingDeploysProp(),
            autoscalingProp(),
            siteProp() } });

    k.append({ QStringLiteral("app_server"),
        QStringLiteral("Application server"),
        QStringLiteral("App server"),
        QStringLiteral(":/icons/app_server.svg"),
        Tier::App,
        QStringLiteral("Runs the application code that builds dynamic pages."),
        { stringProp(QStringLiteral("runtime"),
              QStringLiteral("Runtime"),
              QStringLiteral("gunicorn"),
              QStringLiteral("e.g. gunicorn, uwsgi, php-fpm, node, tomcat.")),
            boolProp(QStringLiteral("session_state"),
                QStringLiteral("Keeps session state"),
                false,
                QStringLiteral("User sessions live in this server's memory or disk.")),
            enumProp(QStringLiteral("session_store"),
                QStringLiteral("Session store"),
                { QStringLiteral("none"),
                    QStringLiteral("redis"),
                    QStringLiteral("memcached"),
                    QStringLiteral("database"),
                    QStringLiteral("cookie") },
                QStringLiteral("A store shared by every application server, so any of "
                               "them can serve any user.")),
            rollingDeploysProp(),
            autoscalingProp(),
            siteProp() } });

    k.append({ QStringLiteral("app_files"),
        QStringLiteral("Application files"),
        QStringLiteral("App files"),
        QStringLiteral(":/icons/app_files.svg"),
        Tier::App,
        QStringLiteral("The codebase the application server runs."),
        { stringProp(QStringLiteral("codebase"),
              QStringLiteral("Codebase"),
              QString(),
              QStringLiteral("Repository or package name.")),
            enumProp(QStringLiteral("storage"),
                QStringLiteral("Storage"),
                { QStringLiteral("local"), QStringLiteral("central_share") },
                QStringLiteral("A local copy on each server, or one central share all "
                               "servers mount.")),
            boolProp(QStringLiteral("synced"),
                QStringLiteral("Kept in sync"),
                true,
                QStringLiteral("Deployments update every copy together.")) } });

    k.append({ QStringLiteral("database"),
        QStringLiteral("Database"),
        QStringLiteral("MySQL"),
        QStringLiteral(":/icons/database.svg"),
        Tier::Data,
        QStringLiteral("Stores the data; a primary takes writes, replicas copy it and serve "
                       "reads."),
        { enumProp(QStringLiteral("engine"),
              QStringLiteral("Engine"),
              { QStringLiteral("mysql"), QStringLiteral("mariadb"), QStringLiteral("postgresql") },
              QStringLiteral("The database server.")),
            enumProp(QStringLiteral("role"),
                QStringLiteral("Role"),
                { QStringLiteral("standalone"),
                    QStringLiteral("primary"),
                    QStringLiteral("replica") },
                QStringLiteral("A primary accepts writes; a replica copies a primary and "
                               "serves reads.")),
            enumProp(QStringLiteral("replication"),
                QStringLiteral("Replication"),
                { QStringLiteral("async"), QStringLiteral("semi-sync") },
                QStringLiteral("Asynchronous replication can lose the last writes on "
                               "failover; semi-synchronous waits for a replica.")),
            enumProp(QStringLiteral("failover"),
                QStringLiteral("Automatic failover"),
                { QStringLiteral("none"),
                    QStringLiteral("orchestrator"),
                    QStringLiteral("mha"),
                    QStringLiteral("mysqlrouter"),
                    QStringLiteral("galera"),
                    QStringLiteral("patroni"),
                    QStringLiteral("pacemaker"),
                    QStringLiteral("other") },
                QStringLiteral("What promotes a replica when the primary fails; none means "
                               "someone must do it by hand.")),
            boolProp(QStringLiteral("read_only"),
                QStringLiteral("Read only"),
                false,
                QStringLiteral("Refuses writes (usual for replicas).")),
            enumProp(QStringLiteral("backup"),
                QStringLiteral("Backups"),
                { QStringLiteral("none"),
                    QStringLiteral("daily"),
                    QStringLiteral("hourly"),
                    QStringLiteral("continuous") },
                QStringLiteral("Copies of the data kept elsewhere, to restore after a loss "
                               "or a mistake (a replica copies mistakes too); continuous is a "
                               "base backup plus the binary log or WAL.")),
            boolProp(QStringLiteral("lag_aware_reads"),
                QStringLiteral("Lag-aware reads"),
                false,
                QStringLiteral("Reads leave this replica while it lags (ProxySQL "
                               "max_replication_lag), or the application reads its own "
                               "writes from the primary.")),
            managedProp(),
            siteProp() } });

    k.append({ QStringLiteral("firewall"),
        QStringLiteral("Firewall"),
        QStringLiteral("Firewall"),
        QStringLiteral(":/icons/firewall.svg"),
        Tier::Edge,
        QStringLiteral("Lets through only the allowed ports; in a host it guards that "
                       "host."),
        { listProp(QStringLiteral("allowed_ports"),
              QStringLiteral("Allowed ports"),
              { QStringLiteral("80"), QStringLiteral("443") },
              QStringLiteral("Ports let in, e.g. 80, 443, 22.")),
            stringProp(QStringLiteral("product"),
                QStringLiteral("Product"),
                QStringLiteral("nftables"),
                QStringLiteral("e.g. ufw, nftables, a cloud security group.")),
            managedProp() } });

    k.append({ QStringLiteral("monitoring"),
        QStringLiteral("Monitoring"),
        QStringLiteral("Monitoring"),
        QStringLiteral(":/icons/monitoring.svg"),
        Tier::Support,
        QStringLiteral("Collects metrics and logs; an agent in a host watches that host."),
        { enumProp(QStringLiteral("mode"),
              QStringLiteral("Mode"),
              { QStringLiteral("agent"), QStringLiteral("collector") },
              QStringLiteral("An agent runs on a host and sends to a collector.")),
            stringProp(QStringLiteral("product"),
                QStringLiteral("Product"),
                QStringLiteral("prometheus"),
                QStringLiteral("e.g. Datadog, Sumo Logic, Prometheus.")) } });

    k.append({ QStringLiteral("cache"),
        QStringLiteral("Cache"),
        QStringLiteral("Redis"),
        QStringLiteral(":/icons/cache.svg"),
        Tier::Data,
        QStringLiteral("Keeps hot data in memory in front of the database."),
        { enumProp(QStringLiteral("software"),
              QStringLiteral("Software"),
              { QStringLiteral("redis"), QStringLiteral("memcached"), QStringLiteral("varnish") },
              QStringLiteral("The cache program.")),
            managedProp() } });

    k.append({ QStringLiteral("cdn"),
        QStringLiteral("CDN"),
        QStringLiteral("CDN"),
        QStringLiteral(":/icons/cdn.svg"),
        Tier::Edge,
        QStringLiteral("Serves cached content from the edge, close to users."),
        { stringProp(QStringLiteral("provider"),
              QStringLiteral("Provider"),
              QString(),
              QStringLiteral("e.g. Cloudflare, Fastly.")),
            managedProp() } });

    k.append({ QStringLiteral("queue"),
        QStringLiteral("Queue"),
        QStringLiteral("Queue"),
        QStringLiteral(":/icons/queue.svg"),
        Tier::Data,
        QStringLiteral("Holds work for background workers."),
        { enumProp(QStringLiteral("software"),
              QStringLiteral("Software"),
              { QStringLiteral("rabbitmq"), QStringLiteral("kafka"), QStringLiteral("redis") },
              QStringLiteral("The message broker.")),
            managedProp() } });

    k.append({ QStringLiteral("generic"),
        QStringLiteral("Generic"),
        QStringLiteral("Component"),
        QStringLiteral(":/icons/generic.svg"),
        Tier::Support,
        QStringLiteral("Anything else."),
        { stringProp(QStringLiteral("description"),
              QStringLiteral("Description"),
              QString(),
              QStringLiteral("What it is.")),
            managedProp() } });
    return k;
}

} // namespace

const PropertySpec *KindSpec::property(const QString &propertyName) const
{
    for (const PropertySpec &p : properties) {
        if (p.name == propertyName)
            return &p;
    }
    return nullptr;
}

const QList<KindSpec> &all()
{
    static const QList<KindSpec> kinds = buildKinds();
    return kinds;
}

const KindSpec *find(const QString &name)
{
    for (const KindSpec &k : all()) {
        if (k.name == name)
            return &k;
    }
    return nullptr;
}

QVariantMap defaults(const QString &kind)
{
    QVariantMap map;
    if (const KindSpec *k = find(kind)) {
        for (const PropertySpec &p : k->properties)
            map.insert(p.name, p.defaultValue);
    }
    return map;
}

const QList<ProtocolSpec> &protocols()
{
    static const QList<ProtocolSpec> list = {
        { QStringLiteral("http"), QStringLiteral("HTTP"), 80, false },
        { QStringLiteral("https"), QStringLiteral("HTTPS"), 443, true },
        { QStringLiteral("mysql"), QStringLiteral("MySQL"), 3306, false },
        { QStringLiteral("postgresql"), QStringLiteral("PostgreSQL"), 5432, false },
        { QStringLiteral("replication"),
            QStringLiteral("Replication"),
            3306,
            false,
            Traffic::Replication },
        { QStringLiteral("dns"), QStringLiteral("DNS"), 53, false },
        { QStringLiteral("fastcgi"), QStringLiteral("FastCGI"), 9000, false },
        { QStringLiteral("file"),
            QStringLiteral("File access"),
            0,
            false,
            Traffic::Request,
            false },
        { QStringLiteral("nfs"), QStringLiteral("NFS"), 2049, false },
        { QStringLiteral("redis"), QStringLiteral("Redis"), 6379, false },
        { QStringLiteral("amqp"), QStringLiteral("AMQP"), 5672, false },
        { QStringLiteral("syslog"), QStringLiteral("Syslog"), 514, false, Traffic::Telemetry },
        { QStringLiteral("metrics"), QStringLiteral("Metrics"), 9100, false, Traffic::Telemetry },
        { QStringLiteral("vrrp"),
            QStringLiteral("VRRP"),
            0,
            false,
            Traffic::Heartbeat,
            false,
            112 },
        { QStringLiteral("tcp"), QStringLiteral("TCP"), 0, false },
    };
    return list;
}

const ProtocolSpec *findProtocol(const QString &name)
{
    for (const ProtocolSpec &p : protocols()) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

const QList<PropertySpec> &linkProperties()
{
    static const QList<PropertySpec> list = {
        intProp(QStringLiteral("weight"),
            QStringLiteral("Weight"),
            1,
            0,
            256,
            QString(),
            QStringLiteral("Share of the balancer's traffic for this backend, relative to "
                           "the others.")),
        boolProp(QStringLiteral("backup"),
            QStringLiteral("Backup"),
            false,
            QStringLiteral("In active-passive mode: this backend only takes traffic when "
                           "the active ones are down.")),
        boolProp(QStringLiteral("tls"),
            QStringLiteral("Encrypted (TLS)"),
            false,
            QStringLiteral("Traffic on this link is encrypted (implied by https).")),
    };
    return list;
}

const QList<PropertySpec> &hostProperties()
{
    static const QList<PropertySpec> list = {
        stringProp(QStringLiteral("address"),
            QStringLiteral("Address"),
            QString(),
            QStringLiteral("IP address or host name.")),
        boolProp(QStringLiteral("public"),
            QStringLiteral("Public address"),
            false,
            QStringLiteral("The host has an address reachable from the internet.")),
        stringProp(QStringLiteral("site"),
            QStringLiteral("Site"),
            QString(),
            QStringLiteral("The data centre, region or availability zone the machine is in, "
                           "e.g. eu-west-1a.")),
    };
    return list;
}

bool coerce(const PropertySpec &spec, const QVariant &value, QVariant *out, QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    switch (spec.type) {
    case PropertyType::Bool:
        if (value.typeId() != QMetaType::Bool)
            return fail(QStringLiteral("expected true or false"));
        *out = value.toBool();
        return true;
    case PropertyType::Int: {
        bool ok = false;
        const double d = value.toDouble(&ok);
        if (!ok || value.typeId() == QMetaType::Bool || value.typeId() == QMetaType::QString)
            return fail(QStringLiteral("expected a whole number"));
        if (d != static_cast<double>(static_cast<long long>(d)))
            return fail(QStringLiteral("expected a whole number"));
        if (d < spec.minimum || d > spec.maximum)
            return fail(QStringLiteral("expected a number from %1 to %2")
                            .arg(spec.minimum)
                            .arg(spec.maximum));
        *out = static_cast<int>(d);
        return true;
    }
    case PropertyType::String:
    case PropertyType::ComponentRef: {
        if (value.typeId() != QMetaType::QString)
            return fail(QStringLiteral("expected text"));
        const int max
            = spec.type == PropertyType::String ? Limits::MaxPropertyLength : Limits::MaxIdLength;
        if (value.toString().size() > max)
            return fail(QStringLiteral("longer than %1 characters").arg(max));
        *out = value.toString();
        return true;
    }
    case PropertyType::Enum:
        if (value.typeId() != QMetaType::QString || !spec.values.contains(value.toString()))
            return fail(QStringLiteral("expected one of: %1").arg(spec.values.join(u", ")));
        *out = value.toString();
        return true;
    case PropertyType::StringList: {
        QStringList list;
        if (value.typeId() == QMetaType::QStringList) {
            list = value.toStringList();
        } else if (value.typeId() == QMetaType::QVariantList) {
            for (const QVariant &v : value.toList()) {
                if (v.typeId() != QMetaType::QString)
                    return fail(QStringLiteral("expected a list of text"));
                list.append(v.toString());
            }
        } else {
            return fail(QStringLiteral("expected a list of text"));
        }
        if (list.size() > Limits::MaxListItems)
            return fail(QStringLiteral("more than %1 items").arg(Limits::MaxListItems));
        for (const QString &item : std::as_const(list)) {
            if (item.size() > Limits::MaxPropertyLength)
                return fail(QStringLiteral("an item is longer than %1 characters")
                                .arg(Limits::MaxPropertyLength));
        }
        *out = list;
        return true;
    }
    }
    return fail(QStringLiteral("unknown property type"));
}

const QList<SourceKindSpec> &sourceKinds()
{
    auto kind = [](const char *name,
                    const QString &display,
                    AddressForm form,
                    const char *example,
                    int port,
                    bool keyed,
                    const QString &desc) {
        SourceKindSpec k;
        k.name = QString::fromLatin1(name);
        k.displayName = display;
        k.address = form;
        k.addressExample = QString::fromLatin1(example);
        k.defaultPort = port;
        k.keyed = keyed;
        k.description = desc;
        return k;
    };
    static const QList<SourceKindSpec> list = {
        kind("haproxy",
            QStringLiteral("HAProxy statistics"),
            AddressForm::HttpUrl,
            "http://127.0.0.1:8404/stats;csv",
            0,
            true,
            QStringLiteral("HAProxy's stats page as CSV over HTTP(S): frontends, backends and "
                           "servers, keyed \"frontend\" and \"backend/server\".")),
        kind("haproxy-socket",
            QStringLiteral("HAProxy Runtime API"),
            AddressForm::SocketOrHostPort,
            "/run/haproxy/admin.sock",
            9999,
            true,
            QStringLiteral("HAProxy's Runtime API on a UNIX socket or TCP port (show stat, show "
                           "info, show servers state), keyed like the statistics.")),
        kind("nginx",
            QStringLiteral("Nginx stub_status"),
            AddressForm::HttpUrl,
            "http://127.0.0.1/stub_status",
            0,
            false,
            QStringLiteral("Nginx's stub_status page: connections and requests of one server.")),
        kind("mysql",
            QStringLiteral("MySQL / MariaDB"),
            AddressForm::HostPort,
            "127.0.0.1:3306",
            3306,
            false,
            QStringLiteral("A MySQL or MariaDB server: queries, threads, read-only state and "
                           "replication.")),
        kind("prometheus",
            QStringLiteral("Prometheus"),
            AddressForm::HttpUrl,
            "http://127.0.0.1:9090",
            0,
            true,
            QStringLiteral("A Prometheus server's query API, for fleets too large to poll one by "
                           "one; keyed like the exporters' servers.")),
        kind("exporter",
            QStringLiteral("Prometheus exporter"),
            AddressForm::HttpUrl,
            "http://127.0.0.1:9113/metrics",
            0,
            true,
            QStringLiteral("An exporter's /metrics page read directly (HAProxy's built-in one, "
                           "nginx, mysqld).")),
        kind("syslog",
            QStringLiteral("Syslog listener"),
            AddressForm::UdpListen,
            "udp://127.0.0.1:5514",
            514,
            true,
            QStringLiteral("A UDP port Toposcope listens on for HAProxy httplog and Nginx access "
                           "lines: one event per request.")),
        kind("http",
            QStringLiteral("HTTP(S) probe"),
            AddressForm::HttpUrl,
            "https://www.example.com/",
            0,
            false,
            QStringLiteral("Requests a URL: status, latency, certificate and redirect to HTTPS.")),
        kind("dns",
            QStringLiteral("DNS lookup"),
            AddressForm::DomainName,
            "www.example.com",
            0,
            false,
            QStringLiteral("Resolves the domain and checks that it points at the entry point.")),
    };
    return list;
}

const SourceKindSpec *findSourceKind(const QString &name)
{
    for (const SourceKindSpec &k : sourceKinds()) {
        if (k.name == name)
            return &k;
    }
    return nullptr;
}

const QList<PropertySpec> &sourceOptions()
{
    static const QList<PropertySpec> list = {
        intProp(QStringLiteral("poll_interval"),
            QStringLiteral("Poll interval"),
            1000,
            100,
            600000,
            QStringLiteral("ms"),
            QStringLiteral("Time between two reads of the server.")),
        intProp(QStringLiteral("timeout"),
            QStringLiteral("Timeout"),
            5000,
            100,
            600000,
            QStringLiteral("ms"),
            QStringLiteral("How long to wait for an answer before the read counts as failed.")),
        stringProp(QStringLiteral("password_env"),
            QStringLiteral("Password variable"),
            QString(),
            QStringLiteral("An environment variable that holds the password.")),
        stringProp(QStringLiteral("password_file"),
            QStringLiteral("Password file"),
            QString(),
            QStringLiteral("A file (readable by you only) whose first line is the password.")),
        boolProp(QStringLiteral("keyring"),
            QStringLiteral("Use the keyring"),
            true,
            QStringLiteral("Look the password up in the desktop keyring, and offer to keep it "
                           "there.")),
        boolProp(QStringLiteral("verify_tls"),
            QStringLiteral("Verify certificates"),
            true,
            QStringLiteral("Refuse a server whose TLS certificate is not valid for its name.")),
        stringProp(QStringLiteral("nameserver"),
            QStringLiteral("Name server"),
            QString(),
            QStringLiteral("DNS sources: the server to ask (an IP address, port 53) instead of "
                           "the system's resolver.")),
        stringProp(QStringLiteral("entry_point"),
            QStringLiteral("Entry point"),
            QString(),
            QStringLiteral("DNS sources: the addresses the domain must point at, separated by "
                           "commas.")),
    };
    return list;
}

namespace {

bool hostPortOk(const QString &text, QString *why)
{
    QString host = text;
    QString port;
    if (text.startsWith(u'[')) { // [::1]:3306
        const qsizetype close = text.indexOf(u']');
        if (close < 0) {
            *why = QStringLiteral("an IPv6 address needs a closing ]");
            return false;
        }
        host = text.mid(1, close - 1);
        port = text.mid(close + 1);
        if (!port.isEmpty() && !port.startsWith(u':')) {
            *why = QStringLiteral("expected :port after the address");
            return false;
        }
        port = port.mid(1);
    } else if (text.count(u':') == 1) {
        host = text.section(u':', 0, 0);
        port = text.section(u':', 1);
    }
    if (host.isEmpty() || host.contains(u'/') || host.contains(u' ')) {
        *why = QStringLiteral("expected host:port");
        return false;
    }
    if (!port.isEmpty()) {
        bool ok = false;
        const int p = port.toInt(&ok);
        if (!ok || p < 1 || p > 65535) {
            *why = QStringLiteral("the port must be a number from 1 to 65535");
            return false;
        }
    }
    return true;
}

} // namespace

bool checkSourceAddress(const QString &kindName, const QString &address, QString *error)
{
    QString why;
    auto fail = [&](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    const SourceKindSpec *kind = findSourceKind(kindName);
    if (!kind)
        return fail(QStringLiteral("unknown source kind \"%1\"").arg(kindName));
    const QString a = address.trimmed();
    if (a.isEmpty())
        return fail(QStringLiteral("no address"));
    if (a != address || a.contains(u' '))
        return fail(QStringLiteral("an address has no spaces"));
    const QString example = QStringLiteral(" (e.g. %1)").arg(kind->addressExample);
    switch (kind->address) {
    case AddressForm::HttpUrl: {
        const bool http = a.startsWith(QLatin1String("http://"));
        const bool https = a.startsWith(QLatin1String("https://"));
        const QString rest = a.mid(http ? 7 : 8).section(u'/', 0, 0);
        if ((!http && !https) || rest.isEmpty())
            return fail(QStringLiteral("expected an http:// or https:// address") + example);
        if (!hostPortOk(rest.section(u'@', -1), &why))
            return fail(why + example);
        return true;
    }
    case AddressForm::SocketOrHostPort:
        if (a.startsWith(u'/'))
            return true;
        if (!hostPortOk(a.startsWith(QLatin1String("tcp://")) ? a.mid(6) : a, &why))
            return fail(QStringLiteral("expected a socket path or host:port") + example);
        return true;
    case AddressForm::HostPort: {
        QString rest = a.startsWith(QLatin1String("mysql://")) ? a.mid(8) : a;
        rest = rest.section(u'@', -1);
        if (rest.endsWith(u'/'))
            rest.chop(1);
        if (!hostPortOk(rest, &why))
            return fail(why + example);
        return true;
    }
    case AddressForm::UdpListen:
        if (!a.startsWith(QLatin1String("udp://")) || !hostPortOk(a.mid(6), &why)
            || !a.mid(6).contains(u':'))
            return fail(QStringLiteral("expected udp://host:port") + example);
        return true;
    case AddressForm::DomainName:
        if (a.contains(u'/') || a.contains(u':') || a.startsWith(u'.'))
            return fail(QStringLiteral("expected a domain name") + example);
        return true;
    }
    return fail(QStringLiteral("unknown address form"));
}

} // namespace Kinds
