// SPDX-License-Identifier: MIT
#include "mermaidheuristics.h"

#include "design/kinds.h"
#include "design/protocoldefaults.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace MermaidHeuristics {

namespace {

constexpr qsizetype MaxText = 2000;

struct Word
{
    QString text; ///< lower case, without accents ("données" → "donnees")
    QString stem; ///< without trailing digits ("db1" → "db")
    qsizetype start = 0; ///< in the text read
    qsizetype end = 0;
    int segment = 0; ///< parts of "Firewall / Load Balancer" are segments 0 and 1
};

using Entries = std::initializer_list<std::pair<const char *, const char *>>;

// Kinds in priority order: on a tie in phrase length the earlier kind wins. Words are written
// without accents, as wordsOf() reads them.
const Entries &kindEntries()
{
    static const Entries entries = {
        { "haproxy", "load_balancer" },
        { "load balancer", "load_balancer" },
        { "load balancers", "load_balancer" },
        { "loadbalancer", "load_balancer" },
        { "load balancing", "load_balancer" },
        { "lb", "load_balancer" },
        { "lbs", "load_balancer" },
        { "balancer", "load_balancer" },
        { "elb", "load_balancer" },
        { "alb", "load_balancer" },
        { "nlb", "load_balancer" },
        { "keepalived", "load_balancer" },
        { "traefik", "load_balancer" },
        { "envoy", "load_balancer" },
        { "repartiteur", "load_balancer" },
        { "repartiteur de charge", "load_balancer" },
        { "repartition de charge", "load_balancer" },
        { "equilibreur", "load_balancer" },
        { "equilibreur de charge", "load_balancer" },
        { "balanceador", "load_balancer" },
        { "balanceador de carga", "load_balancer" },
        { "balanceamento de carga", "load_balancer" },
        { "equilibrador de carga", "load_balancer" },
        { "application load balancer", "load_balancer" },
        { "network load balancer", "load_balancer" },
        { "gateway load balancer", "load_balancer" },
        { "elastic load balancer", "load_balancer" },
        { "elastic load balancing", "load_balancer" },
        { "cloud load balancing", "load_balancer" },
        { "cloud load balancer", "load_balancer" },
        { "gclb", "load_balancer" },
        { "lastverteiler", "load_balancer" },
        { "lastverteilung", "load_balancer" },
        { "lastausgleich", "load_balancer" },
        { "verteiler", "load_balancer" },
        { "firewall", "firewall" },
        { "firewalls", "firewall" },
        { "fw", "firewall" },
        { "waf", "firewall" },
        { "ufw", "firewall" },
        { "iptables", "firewall" },
        { "nftables", "firewall" },
        { "firewalld", "firewall" },
        { "pfsense", "firewall" },
        { "security group", "firewall" },
        { "pare feu", "firewall" },
        { "parefeu", "firewall" },
        { "cortafuegos", "firewall" },
        { "corta fuegos", "firewall" },
        { "brandmauer", "firewall" },
        { "monitoring", "monitoring" },
        { "monitor", "monitoring" },
        { "datadog", "monitoring" },
        { "prometheus", "monitoring" },
        { "grafana", "monitoring" },
        { "sumo", "monitoring" },
        { "sumologic", "monitoring" },
        { "nagios", "monitoring" },
        { "zabbix", "monitoring" },
        { "new relic", "monitoring" },
        { "newrelic", "monitoring" },
        { "splunk", "monitoring" },
        { "logstash", "monitoring" },
        { "elk", "monitoring" },
        { "observability", "monitoring" },
        { "alertmanager", "monitoring" },
        { "telegraf", "monitoring" },
        { "surveillance", "monitoring" },
        { "supervision", "monitoring" },
        { "monitorage", "monitoring" },
        { "monitoreo", "monitoring" },
        { "monitorizacion", "monitoring" },
        { "monitoramento", "monitoring" },
        { "monitorizacao", "monitoring" },
        { "uberwachung", "monitoring" },
        { "uberwachungs", "monitoring" },
        { "ueberwachung", "monitoring" },
        { "cdn", "cdn" },
        { "cloudflare", "cdn" },
        { "fastly", "cdn" },
        { "akamai", "cdn" },
        { "cloudfront", "cdn" },
        { "front door", "cdn" },
        { "s3", "generic" },
        { "gcs", "generic" },
        { "bucket", "generic" },
        { "buckets", "generic" },
        { "object storage", "generic" },
        { "blob storage", "generic" },
        { "cloud storage", "generic" },
        { "dns", "dns" },
        { "domain name", "dns" },
        { "domain", "dns" },
        { "route53", "dns" },
        { "route 53", "dns" },
        { "nameserver", "dns" },
        { "name server", "dns" },
        { "bind9", "dns" },
        { "resolver", "dns" },
        { "serveur de noms", "dns" },
        { "nom de domaine", "dns" },
        { "servidor de nombres", "dns" },
        { "nombre de dominio", "dns" },
        { "servidor de nomes", "dns" },
        { "nome de dominio", "dns" },
        { "namensserver", "dns" },
        { "cache", "cache" },
        { "caching", "cache" },
        { "redis", "cache" },
        { "memcached", "cache" },
        { "memcache", "cache" },
        { "varnish", "cache" },
        { "valkey", "cache" },
        { "elasticache", "cache" },
        { "memorystore", "cache" },
        { "queue", "queue" },
        { "queues", "queue" },
        { "rabbitmq", "queue" },
        { "kafka", "queue" },
        { "amqp", "queue" },
        { "sqs", "queue" },
        { "message broker", "queue" },
        { "broker", "queue" },
        { "nats", "queue" },
        { "activemq", "queue" },
        { "pubsub", "queue" },
        { "file d attente", "queue" },
        { "warteschlange", "queue" },
        { "app files", "app_files" },
        { "application files", "app_files" },
        { "codebase", "app_files" },
        { "code base", "app_files" },
        { "source code", "app_files" },
        { "application code", "app_files" },
        { "app code", "app_files" },
        { "files", "app_files" },
        { "file storage", "app_files" },
        { "file share", "app_files" },
        { "file server", "app_files" },
        { "shared storage", "app_files" },
        { "nfs", "app_files" },
        { "code", "app_files" },
        { "fichiers", "app_files" },
        { "code source", "app_files" },
        { "archivos", "app_files" },
        { "ficheros", "app_files" },
        { "arquivos", "app_files" },
        { "codigo", "app_files" },
        { "codigo fuente", "app_files" },
        { "codigo fonte", "app_files" },
        { "quellcode", "app_files" },
        { "dateien", "app_files" },
        { "mysql", "database" },
        { "mariadb", "database" },
        { "postgres", "database" },
        { "postgresql", "database" },
        { "psql", "database" },
        { "pg", "database" },
        { "database", "database" },
        { "databases", "database" },
        { "db", "database" },
        { "dbs", "database" },
        { "rds", "database" },
        { "sql", "database" },
        { "datastore", "database" },
        { "data store", "database" },
        { "mongodb", "database" },
        { "mongo", "database" },
        { "sqlite", "database" },
        { "oracle", "database" },
        { "aurora", "database" },
        { "cloud sql", "database" },
        { "dynamodb", "database" },
        { "cosmos db", "database" },
        { "cosmosdb", "database" },
        { "spanner", "database" },
        { "galera", "database" },
        { "replica", "database" },
        { "replicas", "database" },
        { "slave", "database" },
        { "slaves", "database" },
        { "base de donnees", "database" },
        { "bdd", "database" },
        { "bd", "database" },
        { "base de datos", "database" },
        { "bases de datos", "database" },
        { "banco de dados", "database" },
        { "datenbank", "database" },
        { "datenbanken", "database" },
        { "nginx", "web_server" },
        { "apache", "web_server" },
        { "httpd", "web_server" },
        { "web server", "web_server" },
        { "web servers", "web_server" },
        { "webserver", "web_server" },
        { "web", "web_server" },
        { "caddy", "web_server" },
        { "iis", "web_server" },
        { "lighttpd", "web_server" },
        { "http server", "web_server" },
        { "serveur http", "web_server" },
        { "application server", "app_server" },
        { "application servers", "app_server" },
        { "app server", "app_server" },
        { "app servers", "app_server" },
        { "appserver", "app_server" },
        { "application", "app_server" },
        { "app", "app_server" },
        { "gunicorn", "app_server" },
        { "uwsgi", "app_server" },
        { "php fpm", "app_server" },
        { "phpfpm", "app_server" },
        { "php", "app_server" },
        { "fpm", "app_server" },
        { "unicorn", "app_server" },
        { "puma", "app_server" },
        { "tomcat", "app_server" },
        { "node", "app_server" },
        { "nodejs", "app_server" },
        { "django", "app_server" },
        { "flask", "app_server" },
        { "rails", "app_server" },
        { "express", "app_server" },
        { "backend", "app_server" },
        { "api", "app_server" },
        { "wsgi", "app_server" },
        { "jboss", "app_server" },
        { "wildfly", "app_server" },
        { "passenger", "app_server" },
        { "laravel", "app_server" },
        { "spring", "app_server" },
        { "worker", "app_server" },
        { "workers", "app_server" },
        { "applicatif", "app_server" },
        { "applicative", "app_server" },
        { "aplicacion", "app_server" },
        { "aplicaciones", "app_server" },
        { "aplicacao", "app_server" },
        { "aplicacoes", "app_server" },
        { "anwendung", "app_server" },
        { "anwendungen", "app_server" },
        { "anwendungs", "app_server" },
        { "applikation", "app_server" },
        { "applikations", "app_server" },
        { "user", "client" },
        { "users", "client" },
        { "client", "client" },
        { "clients", "client" },
        { "browser", "client" },
        { "browsers", "client" },
        { "web browser", "client" },
        { "internet", "client" },
        { "visitor", "client" },
        { "visitors", "client" },
        { "customer", "client" },
        { "customers", "client" },
        { "end user", "client" },
        { "end users", "client" },
        { "mobile", "client" },
        { "person", "client" },
        { "people", "client" },
        { "utilisateur", "client" },
        { "utilisateurs", "client" },
        { "internaute", "client" },
        { "internautes", "client" },
        { "navigateur", "client" },
        { "usuario", "client" },
        { "usuarios", "client" },
        { "cliente", "client" },
        { "clientes", "client" },
        { "navegador", "client" },
        { "visitante", "client" },
        { "visitantes", "client" },
        { "utilizador", "client" },
        { "utilizadores", "client" },
        { "benutzer", "client" },
        { "nutzer", "client" },
        { "anwender", "client" },
        { "kunde", "client" },
        { "kunden", "client" },
        { "besucher", "client" },
    };
    return entries;
}

const Entries &roleEntries()
{
    static const Entries entries = {
        { "primary", "primary" },
        { "master", "primary" },
        { "main", "primary" },
        { "writer", "primary" },
        { "leader", "primary" },
        { "read write", "primary" },
        { "primaire", "primary" },
        { "principal", "primary" },
        { "principale", "primary" },
        { "maitre", "primary" },
        { "primario", "primary" },
        { "primaria", "primary" },
        { "maestro", "primary" },
        { "mestre", "primary" },
        { "primar", "primary" },
        { "primaer", "primary" },
        { "haupt", "primary" },
        { "replica", "replica" },
        { "replicas", "replica" },
        { "slave", "replica" },
        { "secondary", "replica" },
        { "reader", "replica" },
        { "read replica", "replica" },
        { "standby", "replica" },
        { "follower", "replica" },
        { "read only", "replica" },
        { "readonly", "replica" },
        { "replique", "replica" },
        { "esclave", "replica" },
        { "secondaire", "replica" },
        { "secours", "replica" },
        { "esclavo", "replica" },
        { "secundario", "replica" },
        { "secundaria", "replica" },
        { "escravo", "replica" },
        { "replikat", "replica" },
        { "sekundar", "replica" },
        { "sekundaer", "replica" },
        { "standalone", "standalone" },
    };
    return entries;
}

// Services a cloud provider runs: "multi-zone" ones are run redundantly across zones whatever
// the user picks (a managed balancer, a CDN, object storage, Aurora); "single-zone" ones are
// one instance in one zone unless the label says it is highly available (RDS Multi-AZ).
const Entries &managedEntries()
{
    static const Entries entries = {
        { "elb", "multi-zone" },
        { "alb", "multi-zone" },
        { "nlb", "multi-zone" },
        { "application load balancer", "multi-zone" },
        { "network load balancer", "multi-zone" },
        { "gateway load balancer", "multi-zone" },
        { "elastic load balancer", "multi-zone" },
        { "elastic load balancing", "multi-zone" },
        { "cloud load balancing", "multi-zone" },
        { "cloud load balancer", "multi-zone" },
        { "gclb", "multi-zone" },
        { "front door", "multi-zone" },
        { "cloudfront", "multi-zone" },
        { "cloudflare", "multi-zone" },
        { "fastly", "multi-zone" },
        { "akamai", "multi-zone" },
        { "route 53", "multi-zone" },
        { "route53", "multi-zone" },
        { "cloud dns", "multi-zone" },
        { "aurora", "multi-zone" },
        { "dynamodb", "multi-zone" },
        { "cosmos db", "multi-zone" },
        { "cosmosdb", "multi-zone" },
        { "spanner", "multi-zone" },
        { "s3", "multi-zone" },
        { "gcs", "multi-zone" },
        { "object storage", "multi-zone" },
        { "blob storage", "multi-zone" },
        { "cloud storage", "multi-zone" },
        { "security group", "multi-zone" },
        { "security groups", "multi-zone" },
        { "cloud armor", "multi-zone" },
        { "nsg", "multi-zone" },
        { "sqs", "multi-zone" },
        { "pubsub", "multi-zone" },
        { "pub sub", "multi-zone" },
        { "rds", "single-zone" },
        { "cloud sql", "single-zone" },
        { "elasticache", "single-zone" },
        { "memorystore", "single-zone" },
    };
    return entries;
}

const Entries &protocolEntries()
{
    static const Entries entries = {
        { "https", "https" },
        { "http", "http" },
        { "tcp", "tcp" },
        { "mysql", "mysql" },
        { "mariadb", "mysql" },
        { "postgresql", "postgresql" },
        { "postgres", "postgresql" },
        { "psql", "postgresql" },
        { "sql", "sql" },
        { "replication", "replication" },
        { "replicate", "replication" },
        { "replicates", "replication" },
        { "replicated", "replication" },
        { "repl", "replication" },
        { "binlog", "replication" },
        { "replicacion", "replication" },
        { "replicacao", "replication" },
        { "replikation", "replication" },
        { "dns", "dns" },
        { "fastcgi", "fastcgi" },
        { "fcgi", "fastcgi" },
        { "nfs", "nfs" },
        { "redis", "redis" },
        { "amqp", "amqp" },
        { "syslog", "syslog" },
        { "logs", "syslog" },
        { "logging", "syslog" },
        { "metrics", "metrics" },
        { "vrrp", "vrrp" },
        { "keepalived", "vrrp" },
        { "heartbeat", "vrrp" },
        { "file access", "file" },
        { "file", "file" },
        { "files", "file" },
    };
    return entries;
}

const Entries &algorithmEntries()
{
    static const Entries entries = {
        { "weighted round robin", "roundrobin" },
        { "round robin", "roundrobin" },
        { "roundrobin", "roundrobin" },
        { "rr", "roundrobin" },
        { "least connections", "leastconn" },
        { "least connection", "leastconn" },
        { "least conn", "leastconn" },
        { "leastconn", "leastconn" },
        { "source ip", "source" },
        { "source", "source" },
        { "ip hash", "source" },
        { "iphash", "source" },
        { "sticky", "source" },
        { "url hash", "uri" },
        { "uri hash", "uri" },
        { "uri", "uri" },
        { "random", "random" },
    };
    return entries;
}

// A monitoring agent is monitoring whatever else its label names ("Agent on LB").
const QSet<QString> &agentWords()
{
    static const QSet<QString> set = { QStringLiteral("agent"),
        QStringLiteral("agents"),
        QStringLiteral("agente"),
        QStringLiteral("agentes"),
        QStringLiteral("exporter"),
        QStringLiteral("exporters"),
        QStringLiteral("filebeat"),
        QStringLiteral("metricbeat"),
        QStringLiteral("promtail"),
        QStringLiteral("fluentd"),
        QStringLiteral("fluentbit") };
    return set;
}

// Words after which a label only says where or for what the thing is ("Agent on LB",
// "Firewall at load balancer", "Pare-feu du serveur A", "Agente no balanceador").
const QSet<QString> &qualifierWords()
{
    static const QSet<QString> set = { QStringLiteral("at"),
        QStringLiteral("on"),
        QStringLiteral("for"),
        QStringLiteral("of"),
        QStringLiteral("in"),
        QStringLiteral("behind"),
        QStringLiteral("beside"),
        QStringLiteral("before"),
        QStringLiteral("near"),
        QStringLiteral("inside"),
        QStringLiteral("to"),
        QStringLiteral("from"),
        QStringLiteral("with"),
        QStringLiteral("sur"),
        QStringLiteral("pour"),
        QStringLiteral("devant"),
        QStringLiteral("derriere"),
        QStringLiteral("vers"),
        QStringLiteral("dans"),
        QStringLiteral("du"),
        QStringLiteral("de"),
        QStringLiteral("des"),
        QStringLiteral("d"),
        QStringLiteral("avec"),
        QStringLiteral("en"),
        QStringLiteral("sobre"),
        QStringLiteral("para"),
        QStringLiteral("hacia"),
        QStringLiteral("del"),
        QStringLiteral("con"),
        QStringLiteral("no"),
        QStringLiteral("na"),
        QStringLiteral("em"),
        QStringLiteral("do"),
        QStringLiteral("da"),
        QStringLiteral("dos"),
        QStringLiteral("das"),
        QStringLiteral("com"),
        QStringLiteral("auf"),
        QStringLiteral("fur"),
        QStringLiteral("vor"),
        QStringLiteral("hinter"),
        QStringLiteral("an"),
        QStringLiteral("am"),
        QStringLiteral("im"),
        QStringLiteral("von"),
        QStringLiteral("vom"),
        QStringLiteral("zum"),
        QStringLiteral("zur"),
        QStringLiteral("mit"),
        QStringLiteral("bei") };
    return set;
}

const Entries &sharedAddressEntries()
{
    static const Entries entries = {
        { "vip", "vip" },
        { "virtual ip", "vip" },
        { "floating ip", "vip" },
        { "elastic ip", "vip" },
        { "ip flottante", "vip" },
        { "ip virtuelle", "vip" },
        { "ip virtual", "vip" },
        { "ip flotante", "vip" },
        { "ip flutuante", "vip" },
        { "virtuelle ip", "vip" },
        { "ip virtuel", "vip" },
    };
    return entries;
}

// Words that name a machine rather than what runs on it.
const QSet<QString> &machineWords()
{
    static const QSet<QString> set = { QStringLiteral("server"),
        QStringLiteral("serveur"),
        QStringLiteral("servidor"),
        QStringLiteral("host"),
        QStringLiteral("hote"),
        QStringLiteral("machine"),
        QStringLiteral("maquina"),
        QStringLiteral("maschine"),
        QStringLiteral("rechner"),
        QStringLiteral("vm"),
        QStringLiteral("vps"),
        QStringLiteral("instance"),
        QStringLiteral("instancia"),
        QStringLiteral("box"),
        QStringLiteral("droplet"),
        QStringLiteral("ec2"),
        QStringLiteral("srv"),
        QStringLiteral("node"),
        QStringLiteral("noeud"),
        QStringLiteral("nodo"),
        QStringLiteral("knoten") };
    return set;
}

// Titles of subgraphs that gather separate machines.
const QSet<QString> &groupWords()
{
    static const QSet<QString> set = { QStringLiteral("tier"),
        QStringLiteral("tiers"),
        QStringLiteral("layer"),
        QStringLiteral("layers"),
        QStringLiteral("cluster"),
        QStringLiteral("clusters"),
        QStringLiteral("pool"),
        QStringLiteral("farm"),
        QStringLiteral("group"),
        QStringLiteral("pair"),
        QStringLiteral("servers"),
        QStringLiteral("serveurs"),
        QStringLiteral("servidores"),
        QStringLiteral("backends"),
        QStringLiteral("frontends"),
        QStringLiteral("replicas"),
        QStringLiteral("dmz"),
        QStringLiteral("vpc"),
        QStringLiteral("vnet"),
        QStringLiteral("vcn"),
        QStringLiteral("network"),
        QStringLiteral("subnet"),
        QStringLiteral("lan"),
        QStringLiteral("internet"),
        QStringLiteral("cloud"),
        QStringLiteral("nuvem"),
        QStringLiteral("nube"),
        QStringLiteral("nuage"),
        QStringLiteral("wolke"),
        QStringLiteral("schicht"),
        QStringLiteral("ebene"),
        QStringLiteral("capa"),
        QStringLiteral("camada"),
        QStringLiteral("couche"),
        QStringLiteral("niveau"),
        QStringLiteral("grappe"),
        QStringLiteral("grupo"),
        QStringLiteral("groupe"),
        QStringLiteral("gruppe"),
        QStringLiteral("par"),
        QStringLiteral("paire"),
        QStringLiteral("paar"),
        QStringLiteral("reseau"),
        QStringLiteral("red"),
        QStringLiteral("rede"),
        QStringLiteral("netz"),
        QStringLiteral("netzwerk"),
        QStringLiteral("monitoring"),
        QStringLiteral("observability"),
        QStringLiteral("surveillance"),
        QStringLiteral("supervision"),
        QStringLiteral("monitoreo"),
        QStringLiteral("monitoramento"),
        QStringLiteral("uberwachung"),
        QStringLiteral("logging"),
        QStringLiteral("agents"),
        QStringLiteral("agentes"),
        QStringLiteral("users"),
        QStringLiteral("clients") };
    return set;
}

const QSet<QString> &siteWords()
{
    static const QSet<QString> set = { QStringLiteral("datacenter"),
        QStringLiteral("datacentre"),
        QStringLiteral("dc"),
        QStringLiteral("site"),
        QStringLiteral("sitio"),
        QStringLiteral("region"),
        QStringLiteral("regiao"),
        QStringLiteral("zone"),
        QStringLiteral("zona"),
        QStringLiteral("az"),
        QStringLiteral("rechenzentrum"),
        QStringLiteral("standort"),
        QStringLiteral("campus") };
    return set;
}

// Compounds such as "Datenbankserver" or "Überwachungsagent" end in a word of their own.
const QStringList &compoundEnds()
{
    static const QStringList list = { QStringLiteral("server"),
        QStringLiteral("agent"),
        QStringLiteral("datenbank"),
        QStringLiteral("schicht"),
        QStringLiteral("verteiler"),
        QStringLiteral("firewall"),
        QStringLiteral("balancer"),
        QStringLiteral("cluster"),
        QStringLiteral("dateien") };
    return list;
}

/** Phrases (space-separated lower-case words) indexed by their first word. */
class PhraseTable
{
public:
    explicit PhraseTable(const Entries &entries)
    {
        int rule = 0;
        for (const auto &[phrase, value] : entries) {
            Entry e;
            e.words = QString::fromLatin1(phrase).split(u' ');
            e.value = QString::fromLatin1(value);
            e.rule = rule++;
            m_index[e.words.first()].append(e);
        }
    }

    struct Match
    {
        qsizetype word = 0; ///< index of the first word
        qsizetype length = 0; ///< words
        int rule = 0; ///< index of the phrase's entry in the table
        QString value;
    };

    QList<Match> findAll(const QList<Word> &words) const
    {
        QList<Match> matches;
        for (qsizetype i = 0; i < words.size(); ++i) {
            const Word &w = words.at(i);
            lookup(words, i, w.text, &matches);
            if (w.stem != w.text)
                lookup(words, i, w.stem, &matches);
        }
        return matches;
    }

    /** The value of the phrase that appears first in the text, or empty. */
    QString first(const QList<Word> &words) const
    {
        const QList<Match> all = findAll(words);
        const Match *best = nullptr;
        for (const Match &m : all) {
            if (!best || m.word < best->word || (m.word == best->word && m.length > best->length))
                best = &m;
        }
        return best ? best->value : QString();
    }

private:
    struct Entry
    {
        QStringList words;
        QString value;
        int rule = 0;
    };

    void lookup(const QList<Word> &words, qsizetype at, const QString &key, QList<Match> *out) const
    {
        const auto it = m_index.constFind(key);
        if (it == m_index.cend())
            return;
        for (const Entry &e : *it) {
            if (at + e.words.size() > words.size())
                continue;
            bool ok = true;
            for (qsizetype k = 1; k < e.words.size() && ok; ++k) {
                const Word &w = words.at(at + k);
                ok = w.segment == words.at(at).segment
                    && (w.text == e.words.at(k) || w.stem == e.words.at(k));
            }
            if (ok)
                out->append({ at, e.words.size(), e.rule, e.value });
        }
    }

    QHash<QString, QList<Entry>> m_index;
};

using Match = PhraseTable::Match;

const PhraseTable &kindTable()
{
    static const PhraseTable table(kindEntries());
    return table;
}

const PhraseTable &roleTable()
{
    static const PhraseTable table(roleEntries());
    return table;
}

const PhraseTable &managedTable()
{
    static const PhraseTable table(managedEntries());
    return table;
}

const PhraseTable &protocolTable()
{
    static const PhraseTable table(protocolEntries());
    return table;
}

const PhraseTable &algorithmTable()
{
    static const PhraseTable table(algorithmEntries());
    return table;
}

const PhraseTable &sharedAddressTable()
{
    static const PhraseTable table(sharedAddressEntries());
    return table;
}

/** Every word the tables know: a known word is never split into parts. */
const QSet<QString> &knownWords()
{
    static const QSet<QString> set = [] {
        QSet<QString> s;
        for (const Entries *entries : { &kindEntries(),
                 &roleEntries(),
                 &managedEntries(),
                 &protocolEntries(),
                 &algorithmEntries(),
                 &sharedAddressEntries() }) {
            for (const auto &[phrase, value] : *entries) {
                Q_UNUSED(value);
                for (const QString &w : QString::fromLatin1(phrase).split(u' '))
                    s.insert(w);
            }
        }
        s.unite(agentWords());
        s.unite(machineWords());
        s.unite(groupWords());
        s.unite(siteWords());
        return s;
    }();
    return set;
}

QString plainLower(QStringView word)
{
    QString out;
    out.reserve(word.size());
    for (QChar c : word) {
        if (c.unicode() < 128) {
            out += c.toLower();
            continue;
        }
        if (c == u'ß') {
            out += QStringLiteral("ss");
            continue;
        }
        // "é" → "e", "ã" → "a", "ü" → "u": the decomposition's base letter.
        const QString d = QString(c).normalized(QString::NormalizationForm_D);
        for (QChar part : d) {
            if (part.category() != QChar::Mark_NonSpacing)
                out += part.toLower();
        }
    }
    return out;
}

bool knownWord(const QString &lower)
{
    if (knownWords().contains(lower))
        return true;
    QString stem = lower;
    while (!stem.isEmpty() && stem.back().isDigit())
        stem.chop(1);
    return !stem.isEmpty() && knownWords().contains(stem);
}

/** "MainDB" → "Main", "DB"; "DBServer" → "DB", "Server"; "web2Primary" → "web2", "Primary". */
QList<QStringView> camelParts(QStringView word)
{
    QList<QStringView> parts;
    qsizetype start = 0;
    for (qsizetype i = 1; i < word.size(); ++i) {
        const QChar prev = word.at(i - 1);
        const QChar c = word.at(i);
        const bool next = i + 1 < word.size() && word.at(i + 1).isLower();
        const bool boundary = (c.isUpper() && (prev.isLower() || prev.isDigit()))
            || (c.isUpper() && prev.isUpper() && next);
        if (boundary) {
            parts.append(word.mid(start, i - start));
            start = i;
        }
    }
    parts.append(word.mid(start));
    return parts;
}

void appendWord(
    QList<Word> *words, const QString &text, qsizetype start, qsizetype end, int segment)
{
    Word w;
    w.text = text;
    w.stem = text;
    while (!w.stem.isEmpty() && w.stem.back().isDigit())
        w.stem.chop(1);
    if (w.stem.isEmpty())
        w.stem = w.text;
    // A plural reads like its singular ("Serveur d'applications", "réplicas", "APIs").
    if (w.stem.size() > 3 && w.stem.back() == u's' && !knownWord(w.stem)
        && knownWord(w.stem.chopped(1)))
        w.stem.chop(1);
    w.start = start;
    w.end = end;
    w.segment = segment;
    words->append(w);
}

/**
 * The words of `text`: lower case, accents taken off, unknown CamelCase words and German
 * compounds split into their parts. `/`, `+` and `&` between words start a new segment, so
 * that a phrase never spans "Firewall / Load".
 */
QList<Word> wordsOf(QStringView text)
{
    text = text.left(MaxText);
    QList<Word> words;
    qsizetype i = 0;
    int segment = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (!c.isLetterOrNumber()) {
            const bool url = c == u'/' && i + 1 < text.size() && text.at(i + 1) == u'/';
            if (!url && (c == u'/' || c == u'+' || c == u'&') && !words.isEmpty())
                ++segment;
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < text.size() && text.at(i).isLetterOrNumber())
            ++i;
        const QStringView raw = text.mid(start, i - start);
        const QString lower = plainLower(raw);
        if (knownWord(lower)) {
            appendWord(&words, lower, start, i, segment);
            continue;
        }
        const QList<QStringView> parts = camelParts(raw);
        if (parts.size() > 1) {
            for (QStringView p : parts)
                appendWord(&words, plainLower(p), start, i, segment);
            continue;
        }
        bool split = false;
        for (const QString &end : compoundEnds()) {
            if (lower.size() > end.size() + 1 && lower.endsWith(end)) {
                appendWord(&words, lower.left(lower.size() - end.size()), start, i, segment);
                appendWord(&words, end, start, i, segment);
                split = true;
                break;
            }
        }
        if (!split)
            appendWord(&words, lower, start, i, segment);
    }
    return words;
}

/** Words that carry no meaning of their own between recognised ones ("HTTP over TCP/IP"). */
const QSet<QString> &fillers()
{
    static const QSet<QString> set = { QStringLiteral("over"),
        QStringLiteral("via"),
        QStringLiteral("and"),
        QStringLiteral("or"),
        QStringLiteral("ip"),
        QStringLiteral("active"),
        QStringLiteral("protocol") };
    return set;
}

const QSet<QString> &responseWords()
{
    static const QSet<QString> set = { QStringLiteral("response"),
        QStringLiteral("responses"),
        QStringLiteral("respond"),
        QStringLiteral("responds"),
        QStringLiteral("reply"),
        QStringLiteral("replies"),
        QStringLiteral("return"),
        QStringLiteral("returns"),
        QStringLiteral("returned"),
        QStringLiteral("result"),
        QStringLiteral("results"),
        QStringLiteral("page"),
        QStringLiteral("pages"),
        QStringLiteral("html"),
        QStringLiteral("rendered"),
        QStringLiteral("render"),
        QStringLiteral("answer"),
        QStringLiteral("answers"),
        QStringLiteral("reponse"),
        QStringLiteral("reponses"),
        QStringLiteral("renvoie"),
        QStringLiteral("retour"),
        QStringLiteral("resultat"),
        QStringLiteral("respuesta"),
        QStringLiteral("respuestas"),
        QStringLiteral("devuelve"),
        QStringLiteral("retorno"),
        QStringLiteral("resultado"),
        QStringLiteral("pagina"),
        QStringLiteral("resposta"),
        QStringLiteral("respostas"),
        QStringLiteral("retorna"),
        QStringLiteral("antwort"),
        QStringLiteral("antworten"),
        QStringLiteral("ergebnis"),
        QStringLiteral("ruckgabe"),
        QStringLiteral("seite"),
        QStringLiteral("zuruck") };
    return set;
}

const QSet<QString> &tlsWords()
{
    static const QSet<QString> set = { QStringLiteral("tls"),
        QStringLiteral("ssl"),
        QStringLiteral("https"),
        QStringLiteral("cert"),
        QStringLiteral("certs"),
        QStringLiteral("certificate"),
        QStringLiteral("certificates"),
        QStringLiteral("certificat"),
        QStringLiteral("certificado"),
        QStringLiteral("zertifikat"),
        QStringLiteral("letsencrypt"),
        QStringLiteral("certbot"),
        QStringLiteral("acme") };
    return set;
}

QString valueIn(const QList<Word> &words,
    std::initializer_list<std::pair<const char *, const char *>> vocabulary)
{
    for (const Word &w : words) {
        for (const auto &[word, value] : vocabulary) {
            if (w.text == QLatin1String(word) || w.stem == QLatin1String(word))
                return QString::fromLatin1(value);
        }
    }
    return {};
}

bool hasWord(const QList<Word> &words, const char *word)
{
    for (const Word &w : words) {
        if (w.text == QLatin1String(word) || w.stem == QLatin1String(word))
            return true;
    }
    return false;
}

bool hasAny(const QList<Word> &words, const QSet<QString> &set)
{
    for (const Word &w : words) {
        if (set.contains(w.text) || set.contains(w.stem))
            return true;
    }
    return false;
}

bool hasPair(const QList<Word> &words, const char *first, const char *second)
{
    for (qsizetype i = 0; i + 1 < words.size(); ++i) {
        if (words.at(i).text == QLatin1String(first)
            && words.at(i + 1).text == QLatin1String(second))
            return true;
    }
    return false;
}

QString ipv4In(const QString &text)
{
    static const QRegularExpression ip(
        QStringLiteral("(?<![\\d.])((?:\\d{1,3}\\.){3}\\d{1,3})(?![\\d.])"));
    const QRegularExpressionMatch m = ip.match(text.left(MaxText));
    return m.hasMatch() ? m.captured(1) : QString();
}

/** Arrows inside a label ("DNS → LB IP") read as "to". */
QString withArrowsAsWords(const QString &text)
{
    QString out = text.left(MaxText);
    out.replace(QStringLiteral("->"), QStringLiteral(" to "))
        .replace(QStringLiteral("=>"), QStringLiteral(" to "))
        .replace(QChar(0x2192), QStringLiteral(" to "))
        .replace(QChar(0x27A1), QStringLiteral(" to "));
    return out;
}

QString kindDisplay(const QString &kind)
{
    const Kinds::KindSpec *k = Kinds::find(kind);
    QString name = k ? k->displayName : kind;
    if (name.size() > 1 && name.at(1).isLower())
        name[0] = name.at(0).toLower();
    if (kind == QLatin1String("app_files"))
        return QStringLiteral("application files");
    if (kind == QLatin1String("client"))
        return QStringLiteral("users");
    if (kind == QLatin1String("monitoring"))
        return QStringLiteral("monitoring");
    const bool vowel
        = QStringView(u"aeiouAEIOU").contains(name.at(0)) || name.startsWith(QLatin1String("DNS"));
    return (vowel ? QStringLiteral("an ") : QStringLiteral("a ")) + name;
}

QString kindFromClasses(const QStringList &classes)
{
    static const QHash<QString, QString> synonyms = {
        { QStringLiteral("loadbalancer"), QStringLiteral("load_balancer") },
        { QStringLiteral("lb"), QStringLiteral("load_balancer") },
        { QStringLiteral("balancer"), QStringLiteral("load_balancer") },
        { QStringLiteral("webserver"), QStringLiteral("web_server") },
        { QStringLiteral("web"), QStringLiteral("web_server") },
        { QStringLiteral("appserver"), QStringLiteral("app_server") },
        { QStringLiteral("app"), QStringLiteral("app_server") },
        { QStringLiteral("application"), QStringLiteral("app_server") },
        { QStringLiteral("appfiles"), QStringLiteral("app_files") },
        { QStringLiteral("files"), QStringLiteral("app_files") },
        { QStringLiteral("db"), QStringLiteral("database") },
        { QStringLiteral("user"), QStringLiteral("client") },
        { QStringLiteral("users"), QStringLiteral("client") },
        { QStringLiteral("fw"), QStringLiteral("firewall") },
        { QStringLiteral("monitor"), QStringLiteral("monitoring") },
    };
    for (const QString &c : classes) {
        QString key = c.toLower();
        key.remove(u'_').remove(u'-');
        for (const Kinds::KindSpec &k : Kinds::all()) {
            QString name = k.name;
            if (name.remove(u'_') == key)
                return k.name;
        }
        if (synonyms.contains(key))
            return synonyms.value(key);
    }
    return {};
}

QString kindFromIcon(const QString &icon)
{
    static const QHash<QString, QString> icons = {
        { QStringLiteral("database"), QStringLiteral("database") },
        { QStringLiteral("db"), QStringLiteral("database") },
        { QStringLiteral("internet"), QStringLiteral("client") },
        { QStringLiteral("globe"), QStringLiteral("client") },
        { QStringLiteral("user"), QStringLiteral("client") },
        { QStringLiteral("users"), QStringLiteral("client") },
        { QStringLiteral("laptop"), QStringLiteral("client") },
        { QStringLiteral("mobile"), QStringLiteral("client") },
        { QStringLiteral("desktop"), QStringLiteral("client") },
        { QStringLiteral("disk"), QStringLiteral("app_files") },
        { QStringLiteral("hdd"), QStringLiteral("app_files") },
        { QStringLiteral("folder"), QStringLiteral("app_files") },
        { QStringLiteral("file"), QStringLiteral("app_files") },
        { QStringLiteral("file-code"), QStringLiteral("app_files") },
        { QStringLiteral("shield"), QStringLiteral("firewall") },
        { QStringLiteral("shield-alt"), QStringLiteral("firewall") },
        { QStringLiteral("fire"), QStringLiteral("firewall") },
        { QStringLiteral("chart-line"), QStringLiteral("monitoring") },
        { QStringLiteral("chart-bar"), QStringLiteral("monitoring") },
        { QStringLiteral("heartbeat"), QStringLiteral("monitoring") },
        { QStringLiteral("balance-scale"), QStringLiteral("load_balancer") },
        { QStringLiteral("random"), QStringLiteral("load_balancer") },
        { QStringLiteral("memory"), QStringLiteral("cache") },
        { QStringLiteral("envelope"), QStringLiteral("queue") },
        { QStringLiteral("inbox"), QStringLiteral("queue") },
    };
    QString key = icon.toLower();
    key = key.mid(key.lastIndexOf(u':') + 1);
    if (key.startsWith(QStringLiteral("fa-")))
        key.remove(0, 3);
    if (icons.contains(key))
        return icons.value(key);
    // Iconify names such as "logos:aws-rds" or "mdi:database-outline": try their words.
    const QList<Word> words = wordsOf(key);
    const QList<Match> matches = kindTable().findAll(words);
    return matches.isEmpty() ? QString() : matches.first().value;
}

/** The kind of the longest phrase among `matches` (the earlier kind on a tie), or empty. */
const Match *bestOf(const QList<const Match *> &matches)
{
    const Match *best = nullptr;
    for (const Match *m : matches) {
        if (!best || m->length > best->length
            || (m->length == best->length && m->rule < best->rule))
            best = m;
    }
    return best;
}

struct KindReading
{
    QString kind;
    QString doubt;
    bool firewallRole = false; ///< "Firewall / Load Balancer": the box filters as well
};

/**
 * The kind a label's words name. The main noun comes before the first qualifier ("at", "on",
 * "de", "auf"…) that is not part of a known phrase; what follows only says where or for what.
 */
KindReading kindFromWords(const QList<Word> &words)
{
    KindReading r;
    const QList<Match> matches = kindTable().findAll(words);
    QSet<QString> named;
    for (const Match &m : matches)
        named.insert(m.value);
    auto others = [&named](const QString &kind) {
        QStringList list;
        for (const QString &k : named) {
            if (k != kind)
                list.append(kindDisplay(k));
        }
        list.sort();
        return list;
    };

    // An agent or exporter watches what else the label names: it is monitoring.
    for (qsizetype i = 0; i < words.size(); ++i) {
        const Word &w = words.at(i);
        const bool userAgent = i > 0 && words.at(i - 1).text == QLatin1String("user");
        if (!userAgent && agentWords().contains(w.text)) {
            r.kind = QStringLiteral("monitoring");
            const QStringList also = others(r.kind);
            if (!also.isEmpty())
                r.doubt = QStringLiteral("read as a monitoring agent, although its label also "
                                         "names %1")
                              .arg(also.join(QStringLiteral(" and ")));
            return r;
        }
    }
    if (matches.isEmpty())
        return r;

    // Where the main noun ends: the first qualifier outside a matched phrase.
    QList<bool> inPhrase(words.size(), false);
    for (const Match &m : matches) {
        for (qsizetype k = 1; k < m.length; ++k)
            inPhrase[m.word + k] = true;
    }
    qsizetype headEnd = words.size();
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (!inPhrase.at(i) && qualifierWords().contains(words.at(i).text)) {
            headEnd = i;
            break;
        }
    }

    // Segments of the main noun ("Firewall / Load Balancer") each name a role.
    QHash<int, QList<const Match *>> bySegment;
    QList<int> segments;
    for (const Match &m : matches) {
        if (m.word >= headEnd)
            continue;
        const int s = words.at(m.word).segment;
        if (!bySegment.contains(s))
            segments.append(s);
        bySegment[s].append(&m);
    }
    if (segments.isEmpty()) {
        QList<const Match *> all;
        for (const Match &m : matches)
            all.append(&m);
        r.kind = bestOf(all)->value;
        bool bareMachine = true;
        for (qsizetype i = 0; i < headEnd; ++i)
            bareMachine = bareMachine && machineWords().contains(words.at(i).stem);
        if (!bareMachine)
            r.doubt = QStringLiteral("read from the words after “%1”").arg(words.at(headEnd).text);
        return r;
    }
    QStringList roles;
    for (int s : std::as_const(segments)) {
        const QString kind = bestOf(bySegment.value(s))->value;
        if (!roles.contains(kind))
            roles.append(kind);
    }
    if (roles.size() >= 2 && roles.contains(QStringLiteral("firewall"))) {
        roles.removeAll(QStringLiteral("firewall"));
        r.kind = roles.first();
        r.firewallRole = true;
        if (roles.size() > 1)
            r.doubt = QStringLiteral("its label names %1 as well")
                          .arg(others(r.kind).join(QStringLiteral(" and ")));
        return r;
    }
    QList<const Match *> head;
    for (int s : std::as_const(segments))
        head += bySegment.value(s);
    r.kind = roles.size() >= 2 ? roles.first() : bestOf(head)->value;
    if (roles.size() >= 2)
        r.doubt = QStringLiteral("its label names %1 as well")
                      .arg(others(r.kind).join(QStringLiteral(" and ")));
    return r;
}

bool mentionsTls(const QList<Word> &words)
{
    return hasAny(words, tlsWords());
}

bool automatesCertificates(const QString &label, const QList<Word> &words)
{
    return hasWord(words, "letsencrypt") || hasWord(words, "certbot") || hasWord(words, "acme")
        || label.contains(QStringLiteral("let's encrypt"), Qt::CaseInsensitive)
        || label.contains(QStringLiteral("lets encrypt"), Qt::CaseInsensitive)
        || hasPair(words, "auto", "renew") || hasPair(words, "auto", "renewal");
}

/** The label says the service is highly available: "Multi-AZ", "with standby", "HA",
 *  "zone-redundant", "haute disponibilité", "alta disponibilidad", "hochverfügbar". */
bool namesHighAvailability(const QList<Word> &words, bool standbyCounts)
{
    return hasPair(words, "multi", "az") || hasWord(words, "multiaz")
        || hasPair(words, "multi", "zone") || hasPair(words, "multi", "zona")
        || hasPair(words, "high", "availability") || hasWord(words, "ha")
        || hasPair(words, "zone", "redundant") || hasWord(words, "regional")
        || hasWord(words, "failover") || hasWord(words, "cluster")
        || hasPair(words, "haute", "disponibilite") || hasPair(words, "alta", "disponibilidad")
        || hasPair(words, "alta", "disponibilidade") || hasWord(words, "hochverfugbar")
        || hasWord(words, "hochverfugbarkeit")
        || (standbyCounts && (hasWord(words, "standby") || hasWord(words, "secours")));
}

bool namesSingleZone(const QList<Word> &words)
{
    return hasPair(words, "single", "az") || hasPair(words, "single", "zone")
        || hasPair(words, "mono", "az") || hasWord(words, "singleaz");
}

/**
 * Whether a cloud provider runs what the label names, and how: "multi-zone" (a managed balancer,
 * a CDN, object storage, security groups, Aurora, RDS Multi-AZ), "single-zone" (plain RDS, Cloud
 * SQL, one ElastiCache node, "Azure Database for MySQL"), or empty when the label names no
 * provider's service. A provider's name with a balancer ("Azure Load Balancer", "Balanceador de
 * carga AWS") is its managed balancer; with a database or cache, its managed one.
 */
QString managedLevel(const QList<Word> &words, const QString &kind, const QString &role)
{
    QString level;
    for (const Match &m : managedTable().findAll(words)) {
        if (level.isEmpty() || m.value == QLatin1String("multi-zone"))
            level = m.value;
    }
    const bool provider = hasWord(words, "aws") || hasWord(words, "amazon")
        || hasWord(words, "azure") || hasWord(words, "gcp") || hasWord(words, "google")
        || hasWord(words, "managed");
    const bool stateful = kind == QLatin1String("database") || kind == QLatin1String("cache")
        || kind == QLatin1String("queue");
    if (level.isEmpty() && provider) {
        // Balancers, CDNs, DNS and filtering are run across zones; a database, cache or queue
        // is one instance unless the label says more.
        if (kind == QLatin1String("load_balancer") || kind == QLatin1String("cdn")
            || kind == QLatin1String("dns") || kind == QLatin1String("firewall"))
            level = QStringLiteral("multi-zone");
        else if (stateful)
            level = QStringLiteral("single-zone");
    }
    if (level.isEmpty() || !stateful)
        return level;
    // A node drawn for the standby itself ("RDS standby") is not the pair.
    if (level == QLatin1String("single-zone")
        && namesHighAvailability(words, role != QLatin1String("replica")))
        return QStringLiteral("multi-zone");
    if (namesSingleZone(words))
        return QStringLiteral("single-zone");
    return level;
}

/** Words after which a role names another node: "MySQL with standby" is the primary of a pair. */
const QSet<QString> &companionWords()
{
    static const QSet<QString> set = { QStringLiteral("with"),
        QStringLiteral("avec"),
        QStringLiteral("con"),
        QStringLiteral("com"),
        QStringLiteral("mit"),
        QStringLiteral("plus") };
    return set;
}

/** A database's role: what the words before "with" say; a replica after it ("with standby",
 *  "avec réplique") makes this one the primary. */
QString databaseRole(const QList<Word> &words)
{
    qsizetype cut = words.size();
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (companionWords().contains(words.at(i).text)) {
            cut = i;
            break;
        }
    }
    const QString head = roleTable().first(words.mid(0, cut));
    if (!head.isEmpty() || cut == words.size())
        return head;
    const QString companion = roleTable().first(words.mid(cut));
    return companion == QLatin1String("replica") ? QStringLiteral("primary") : companion;
}

/** An autoscaling group ("Auto Scaling group", "ASG", "scale set", "managed instance group"). */
bool namesAutoscaling(const QList<Word> &words)
{
    return hasPair(words, "auto", "scaling") || hasWord(words, "autoscaling")
        || hasWord(words, "asg") || hasPair(words, "scale", "set") || hasWord(words, "vmss")
        || hasPair(words, "instance", "group") || hasWord(words, "autoscaler");
}

void guessProperties(const QString &label, const QList<Word> &words, ComponentGuess *g)
{
    QVariantMap &p = g->props;
    const QString &kind = g->kind;
    const QString role = kind == QLatin1String("database") ? databaseRole(words) : QString();
    const QString managed = managedLevel(words, kind, role);
    if (!managed.isEmpty())
        p.insert(QStringLiteral("managed"), managed);
    if (kind == QLatin1String("load_balancer")) {
        if (hasWord(words, "nginx"))
            p.insert(QStringLiteral("software"), QStringLiteral("nginx"));
        else if (hasWord(words, "haproxy"))
            p.insert(QStringLiteral("software"), QStringLiteral("haproxy"));
        const QString algorithm = algorithmTable().first(words);
        if (!algorithm.isEmpty())
            p.insert(QStringLiteral("algorithm"), algorithm);
        if (hasPair(words, "active", "passive"))
            p.insert(QStringLiteral("backend_mode"), QStringLiteral("active-passive"));
        else if (hasPair(words, "active", "active"))
            p.insert(QStringLiteral("backend_mode"), QStringLiteral("active-active"));
        // A provider's balancer is redundant by itself: no peer or virtual IP to set up.
        if (managed.isEmpty()
            && (hasWord(words, "cluster") || hasWord(words, "keepalived") || hasWord(words, "ha")))
            p.insert(QStringLiteral("high_availability"), QStringLiteral("cluster"));
        // "HAProxy SSL termination", "LB + SSL", "HTTPS-Terminierung": TLS ends here.
        if (mentionsTls(words))
            p.insert(QStringLiteral("tls_termination"), true);
    } else if (kind == QLatin1String("web_server") || kind == QLatin1String("app_server")) {
        if (namesAutoscaling(words))
            p.insert(QStringLiteral("autoscaling"), true);
    }
    if (kind == QLatin1String("web_server")) {
        const QString software = valueIn(
            words, { { "apache", "apache" }, { "httpd", "apache" }, { "nginx", "nginx" } });
        if (!software.isEmpty())
            p.insert(QStringLiteral("software"), software);
        if (mentionsTls(words))
            p.insert(QStringLiteral("tls"), true);
    } else if (kind == QLatin1String("app_server")) {
        QString runtime = valueIn(words,
            { { "gunicorn", "gunicorn" },
                { "uwsgi", "uwsgi" },
                { "phpfpm", "php-fpm" },
                { "fpm", "php-fpm" },
                { "php", "php-fpm" },
                { "puma", "puma" },
                { "unicorn", "unicorn" },
                { "tomcat", "tomcat" },
                { "node", "node" },
                { "nodejs", "node" },
                { "passenger", "passenger" } });
        if (!runtime.isEmpty())
            p.insert(QStringLiteral("runtime"), runtime);
    } else if (kind == QLatin1String("database")) {
        const QString engine = valueIn(words,
            { { "mysql", "mysql" },
                { "mariadb", "mariadb" },
                { "galera", "mariadb" },
                { "postgres", "postgresql" },
                { "postgresql", "postgresql" },
                { "psql", "postgresql" },
                { "pg", "postgresql" } });
        if (!engine.isEmpty())
            p.insert(QStringLiteral("engine"), engine);
        if (!role.isEmpty()) {
            p.insert(QStringLiteral("role"), role);
            if (role == QLatin1String("replica"))
                p.insert(QStringLiteral("read_only"), true);
        }
    } else if (kind == QLatin1String("monitoring")) {
        const QString product = valueIn(words,
            { { "datadog", "datadog" },
                { "sumologic", "sumo logic" },
                { "sumo", "sumo logic" },
                { "prometheus", "prometheus" },
                { "grafana", "grafana" },
                { "nagios", "nagios" },
                { "zabbix", "zabbix" },
                { "newrelic", "new relic" },
                { "relic", "new relic" },
                { "splunk", "splunk" },
                { "elk", "elk" } });
        if (!product.isEmpty())
            p.insert(QStringLiteral("product"), product);
        if (hasAny(words, agentWords()))
            p.insert(QStringLiteral("mode"), QStringLiteral("agent"));
        else if (hasWord(words, "collector") || hasWord(words, "server"))
            p.insert(QStringLiteral("mode"), QStringLiteral("collector"));
    } else if (kind == QLatin1String("cache")) {
        const QString software = valueIn(words,
            { { "redis", "redis" },
                { "memcached", "memcached" },
                { "memcache", "memcached" },
                { "varnish", "varnish" } });
        if (!software.isEmpty())
            p.insert(QStringLiteral("software"), software);
    } else if (kind == QLatin1String("queue")) {
        const QString software = valueIn(
            words, { { "rabbitmq", "rabbitmq" }, { "kafka", "kafka" }, { "redis", "redis" } });
        if (!software.isEmpty())
            p.insert(QStringLiteral("software"), software);
    } else if (kind == QLatin1String("firewall")) {
        const QString product = valueIn(words,
            { { "ufw", "ufw" },
                { "iptables", "iptables" },
                { "nftables", "nftables" },
                { "firewalld", "firewalld" },
                { "pfsense", "pfsense" },
                { "waf", "waf" } });
        if (!product.isEmpty())
            p.insert(QStringLiteral("product"), product);
        else if (hasPair(words, "security", "group"))
            p.insert(QStringLiteral("product"), QStringLiteral("security group"));
    } else if (kind == QLatin1String("cdn")) {
        const QString provider = valueIn(words,
            { { "cloudflare", "Cloudflare" },
                { "fastly", "Fastly" },
                { "akamai", "Akamai" },
                { "cloudfront", "CloudFront" } });
        if (!provider.isEmpty())
            p.insert(QStringLiteral("provider"), provider);
        else if (hasPair(words, "front", "door"))
            p.insert(QStringLiteral("provider"), QStringLiteral("Azure Front Door"));
    } else if (kind == QLatin1String("generic")) {
        if (!managedTable().findAll(words).isEmpty() || hasWord(words, "bucket"))
            p.insert(QStringLiteral("description"), QStringLiteral("Object storage"));
    } else if (kind == QLatin1String("dns")) {
        const QString domain = domainIn(label);
        if (!domain.isEmpty())
            p.insert(QStringLiteral("domain"), domain);
        if (hasWord(words, "cname"))
            p.insert(QStringLiteral("record_type"), QStringLiteral("CNAME"));
        else if (hasWord(words, "aaaa"))
            p.insert(QStringLiteral("record_type"), QStringLiteral("AAAA"));
    } else if (kind == QLatin1String("app_files")) {
        if (hasWord(words, "shared") || hasWord(words, "share") || hasWord(words, "central")
            || hasWord(words, "nfs"))
            p.insert(QStringLiteral("storage"), QStringLiteral("central_share"));
    }
    if ((kind == QLatin1String("load_balancer") || kind == QLatin1String("web_server"))
        && automatesCertificates(label, words))
        p.insert(QStringLiteral("certificate_renewal"), QStringLiteral("automated"));
}

} // namespace

/** The label names a store of backups: backups themselves, or backup storage. A "backup" that
 *  is a server ("Backup LB", "Backup DB") is a standby instead. */
bool namesBackupStore(const QList<Word> &words)
{
    static const QSet<QString> copies = { QStringLiteral("backups"),
        QStringLiteral("sauvegarde"),
        QStringLiteral("sauvegardes"),
        QStringLiteral("respaldo"),
        QStringLiteral("respaldos"),
        QStringLiteral("sicherung"),
        QStringLiteral("sicherungen"),
        QStringLiteral("datensicherung"),
        QStringLiteral("snapshots"),
        QStringLiteral("dump"),
        QStringLiteral("dumps"),
        QStringLiteral("mysqldump"),
        QStringLiteral("mariabackup"),
        QStringLiteral("xtrabackup") };
    static const QSet<QString> storage = { QStringLiteral("storage"),
        QStringLiteral("bucket"),
        QStringLiteral("s3"),
        QStringLiteral("glacier"),
        QStringLiteral("nas"),
        QStringLiteral("tape"),
        QStringLiteral("offsite"),
        QStringLiteral("archive"),
        QStringLiteral("stockage"),
        QStringLiteral("almacenamiento"),
        QStringLiteral("armazenamento"),
        QStringLiteral("speicher") };
    for (const Word &w : words) {
        if (copies.contains(w.text))
            return true;
    }
    return (hasWord(words, "backup") && hasAny(words, storage))
        || hasPair(words, "copia", "seguridad") || hasPair(words, "copias", "seguridad")
        || hasPair(words, "copia", "seguranca") || hasPair(words, "copias", "seguranca");
}

QString backupFrequencyOf(const QList<Word> &words)
{
    if (hasWord(words, "binlog") || hasWord(words, "wal") || hasWord(words, "pitr")
        || hasWord(words, "continuous"))
        return QStringLiteral("continuous");
    if (hasWord(words, "hourly"))
        return QStringLiteral("hourly");
    return QStringLiteral("daily");
}

ComponentGuess guessComponent(
    const QString &label, Mermaid::Shape shape, const QString &icon, const QStringList &classes)
{
    ComponentGuess g;
    const QString text = withArrowsAsWords(label);
    const QList<Word> words = wordsOf(text);
    g.address = ipv4In(label);
    QString kind = kindFromClasses(classes);
    const bool fromClasses = !kind.isEmpty();
    if (kind.isEmpty()) {
        const KindReading r = kindFromWords(words);
        kind = r.kind;
        g.doubt = r.doubt;
        if (r.firewallRole)
            g.props.insert(QStringLiteral("firewall"), true);
    }
    // A virtual or floating IP is an address, whatever runs behind it ("Keepalived VIP").
    const QList<Match> vip = sharedAddressTable().findAll(words);
    if (!vip.isEmpty() && (kind.isEmpty() || kind == QLatin1String("load_balancer"))) {
        bool product = false;
        for (const Match &m : kindTable().findAll(words))
            product = product
                || (m.value == QLatin1String("load_balancer")
                    && words.at(m.word).text != QLatin1String("keepalived"));
        if (!product) {
            g.sharedAddress = true;
            return g;
        }
    }
    const bool storeKind = kind.isEmpty() || kind == QLatin1String("database")
        || kind == QLatin1String("app_files") || kind == QLatin1String("generic");
    if (storeKind && !fromClasses && namesBackupStore(words)) {
        g.kind = QStringLiteral("generic");
        g.fromText = true;
        g.backupStore = true;
        g.backupFrequency = backupFrequencyOf(words);
        g.doubt = QStringLiteral("read as the place backups are kept, from its label");
        g.props.clear();
        return g;
    }
    if (kind.isEmpty() && !icon.isEmpty())
        kind = kindFromIcon(icon);
    if (kind.isEmpty() && !domainIn(label).isEmpty())
        kind = QStringLiteral("dns");
    if (kind.isEmpty() && namesAutoscaling(words)) {
        // "Auto Scaling group", "ASG": the servers of the tier, started and stopped as needed.
        kind = QStringLiteral("web_server");
        g.doubt = QStringLiteral("read as web servers in an autoscaling group, from its label");
    }
    g.fromText = !kind.isEmpty();
    if (kind.isEmpty() && shape == Mermaid::Shape::Cylinder) {
        kind = QStringLiteral("database");
        g.doubt = QStringLiteral("read as a database from its cylinder shape");
    }
    if (kind.isEmpty()) {
        g.machine = !g.address.isEmpty() || hasAny(words, machineWords());
        g.props.clear();
        return g;
    }
    g.kind = kind;
    guessProperties(label, words, &g);
    if (g.kind == QLatin1String("load_balancer") && !vip.isEmpty() && !g.address.isEmpty())
        g.props.insert(QStringLiteral("virtual_ip"), g.address);
    if (g.kind == QLatin1String("database")) {
        // Role classes (`:::primary`, `class db1 replica`) say what the label may not.
        for (const QString &c : classes) {
            const QString role = roleTable().first(wordsOf(c));
            if (!role.isEmpty()) {
                g.props.insert(QStringLiteral("role"), role);
                if (role == QLatin1String("replica"))
                    g.props.insert(QStringLiteral("read_only"), true);
            }
        }
    }
    return g;
}

LinkGuess parseLinkText(const QString &text)
{
    LinkGuess g;
    QString head = text.left(MaxText);
    const QString dash = QStringLiteral(" %1 ").arg(QChar(0x2014));
    const qsizetype split = head.indexOf(dash);
    QString freeLabel;
    if (split >= 0) {
        freeLabel = text.mid(split + dash.size()).trimmed();
        head = head.left(split);
    } else if (head.startsWith(QChar(0x2014))) {
        freeLabel = text.mid(1).trimmed();
        head.clear();
    }
    const QList<Word> words = wordsOf(head);
    QList<bool> used(words.size(), false);
    auto markMatches = [&](const QList<Match> &matches) {
        for (const Match &m : matches) {
            for (qsizetype k = 0; k < m.length; ++k)
                used[m.word + k] = true;
        }
    };
    const QList<Match> protocols = protocolTable().findAll(words);
    markMatches(protocols);
    const Match *firstProtocol = nullptr;
    for (const Match &m : protocols) {
        if (!firstProtocol || m.word < firstProtocol->word
            || (m.word == firstProtocol->word && m.length > firstProtocol->length))
            firstProtocol = &m;
    }
    if (firstProtocol)
        g.protocol = firstProtocol->value;
    const QList<Match> algorithms = algorithmTable().findAll(words);
    markMatches(algorithms);
    g.algorithm = algorithmTable().first(words);
    // "1 request", "(3) query", "Step 4: page": the number of a step drawn in order.
    static const QRegularExpression step(
        QStringLiteral(
            "^\\s*(?:step|etape|paso|passo|schritt)?\\s*\\(?(\\d{1,3})\\s*[.):]?(?:\\s|$)"),
        QRegularExpression::CaseInsensitiveOption);
    if (const QRegularExpressionMatch m = step.match(plainLower(head)); m.hasMatch())
        g.step = m.captured(1).toInt();
    for (qsizetype i = 0; i < words.size(); ++i) {
        const Word &w = words.at(i);
        const bool number = !w.text.isEmpty() && w.text.front().isDigit() && w.stem == w.text
            && w.text.size() <= 5;
        bool isInt = false;
        const int value = w.text.toInt(&isInt);
        if (isInt && number && value > 0 && value <= 65535)
            g.ports.append(w.text);
        if (isInt && i > 0
            && (words.at(i - 1).text == QLatin1String("weight")
                || words.at(i - 1).text == QLatin1String("w"))) {
            g.weight = value;
            used[i] = used[i - 1] = true;
        } else if (isInt && number && value > 0 && value <= 65535
            && ((i > 0 && words.at(i - 1).text == QLatin1String("port"))
                || (w.start > 0 && head.at(w.start - 1) == u':'))) {
            g.port = value;
            used[i] = true;
            if (i > 0 && words.at(i - 1).text == QLatin1String("port"))
                used[i - 1] = true;
        } else if (w.text == QLatin1String("backup") || w.text == QLatin1String("standby")
            || w.text == QLatin1String("passive") || w.text == QLatin1String("failover")) {
            g.backup = true;
            used[i] = true;
        } else if (tlsWords().contains(w.text) && w.text != QLatin1String("https")) {
            g.tls = true;
            used[i] = true;
        } else if (fillers().contains(w.text)) {
            used[i] = true;
        }
        g.response = g.response || responseWords().contains(w.text);
    }
    if (g.protocol == QLatin1String("https"))
        g.tls = false; // implied by the protocol
    // Text made only of what was recognised ("HTTP/HTTPS", "Round Robin") says nothing more;
    // anything else ("1. DNS lookup", "forwards requests") is kept whole as the label.
    bool meaningful = false;
    for (qsizetype i = 0; i < words.size() && !meaningful; ++i)
        meaningful = !used.at(i);
    g.label = !freeLabel.isEmpty() ? freeLabel : (meaningful ? head.simplified() : QString());
    return g;
}

/** A cloud region or zone written as its provider names it: "eu-west-1", "us-east-1a",
 *  "europe-west1", "europe-west1-b", "asia-southeast1". */
bool namesCloudRegion(const QString &title)
{
    static const QRegularExpression region(
        QStringLiteral("(?<![\\w-])(?:us|eu|ap|sa|ca|me|af|il|mx|cn|uk|europe|asia|australia|"
                       "northamerica|southamerica|africa)-(?:gov-)?(?:north|south|east|west|"
                       "central)[a-z]*-?\\d{1,2}(?:-?[a-z])?(?![\\w-])"),
        QRegularExpression::CaseInsensitiveOption);
    return region.match(title.left(MaxText)).hasMatch();
}

GroupMeaning groupMeaning(const QString &title, const QString &icon)
{
    const QList<Word> words = wordsOf(withArrowsAsWords(title));
    // A title that ends in one machine ("Monitoring host", "… (host)") names that machine,
    // whatever the words before it say.
    if (words.size() >= 2 && machineWords().contains(words.back().text)
        && !hasAny(words.mid(words.size() - 2, 1), groupWords()))
        return GroupMeaning::Machine;
    if (hasAny(words, siteWords()) || namesCloudRegion(title) || hasPair(words, "data", "center")
        || hasPair(words, "data", "centre") || hasPair(words, "availability", "zone")
        || hasPair(words, "centre", "de") || hasPair(words, "centro", "de"))
        return GroupMeaning::Site;
    if (hasAny(words, groupWords()))
        return GroupMeaning::Group;
    if (!ipv4In(title).isEmpty() || hasAny(words, machineWords()))
        return GroupMeaning::Machine;
    const QString i = icon.toLower();
    if (i == QLatin1String("server") || i == QLatin1String("disk"))
        return GroupMeaning::Machine;
    if (i == QLatin1String("cloud") || i == QLatin1String("internet"))
        return GroupMeaning::Group;
    return GroupMeaning::Unknown;
}

bool namesCode(const QString &text)
{
    const QList<Word> words = wordsOf(withArrowsAsWords(text));
    return hasWord(words, "code") || hasWord(words, "codigo") || hasWord(words, "quellcode")
        || hasWord(words, "codebase");
}

QString kindNamedBy(const QString &text)
{
    return kindFromWords(wordsOf(withArrowsAsWords(text))).kind;
}

QString defaultProtocol(const Component &from, const Component &to)
{
    // Two idioms of drawings that a link drawn by hand does not have: DNS in the chain hands
    // the request over (the builder replaces the arrow by the users' own link), and two
    // balancers drawn one after the other are in series (an undirected line or one that says
    // "VRRP" is their heartbeat; the builder reads those).
    if (from.kind == QLatin1String("dns") && to.kind != QLatin1String("dns")
        && to.kind != QLatin1String("monitoring"))
        return QStringLiteral("http");
    if (from.kind == QLatin1String("load_balancer") && to.kind == QLatin1String("load_balancer"))
        return QStringLiteral("http");
    // A CDN in front of the site serves the users over HTTPS: it holds the certificate.
    if (from.kind == QLatin1String("client") && to.kind == QLatin1String("cdn"))
        return QStringLiteral("https");
    return ProtocolDefaults::protocolFor(from, to);
}

QString domainIn(const QString &text)
{
    static const QRegularExpression domain(
        QStringLiteral("(?<![\\w.-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+([a-z]{2,24}))"
                       "(?![\\w-])"),
        QRegularExpression::CaseInsensitiveOption);
    static const QSet<QString> notDomains = { QStringLiteral("js"),
        QStringLiteral("py"),
        QStringLiteral("rb"),
        QStringLiteral("php"),
        QStringLiteral("conf"),
        QStringLiteral("cfg"),
        QStringLiteral("yml"),
        QStringLiteral("yaml"),
        QStringLiteral("json"),
        QStringLiteral("sh"),
        QStringLiteral("txt"),
        QStringLiteral("md"),
        QStringLiteral("html"),
        QStringLiteral("htm"),
        QStringLiteral("ini"),
        QStringLiteral("log"),
        QStringLiteral("sql"),
        QStringLiteral("pem") };
    QRegularExpressionMatchIterator it = domain.globalMatch(text.left(MaxText));
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (!notDomains.contains(m.captured(2).toLower()))
            return m.captured(1).toLower();
    }
    return {};
}

} // namespace MermaidHeuristics
