// SPDX-License-Identifier: MIT
#include "mermaidheuristics.h"

#include "design/kinds.h"

#include <QHash>
#include <QRegularExpression>

namespace MermaidHeuristics {

namespace {

constexpr qsizetype MaxText = 2000;

struct Word
{
    QString text; ///< lower case
    QString stem; ///< without trailing digits ("db1" → "db")
    qsizetype start = 0;
    qsizetype end = 0;
};

QList<Word> wordsOf(QStringView text)
{
    text = text.left(MaxText);
    QList<Word> words;
    qsizetype i = 0;
    while (i < text.size()) {
        if (!text.at(i).isLetterOrNumber()) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < text.size() && text.at(i).isLetterOrNumber())
            ++i;
        Word w;
        w.text = text.mid(start, i - start).toString().toLower();
        w.stem = w.text;
        while (!w.stem.isEmpty() && w.stem.back().isDigit())
            w.stem.chop(1);
        if (w.stem.isEmpty())
            w.stem = w.text;
        w.start = start;
        w.end = i;
        words.append(w);
    }
    return words;
}

struct Match
{
    qsizetype word = 0; ///< index of the first word
    qsizetype length = 0; ///< words
    int rule = 0; ///< index of the phrase's entry in the table
    QString value;
};

/** Phrases (space-separated lower-case words) indexed by their first word. */
class PhraseTable
{
public:
    PhraseTable(std::initializer_list<std::pair<const char *, const char *>> entries)
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
                ok = w.text == e.words.at(k) || w.stem == e.words.at(k);
            }
            if (ok)
                out->append({ at, e.words.size(), e.rule, e.value });
        }
    }

    QHash<QString, QList<Entry>> m_index;
};

// Kinds in priority order: on a tie in phrase length the earlier kind wins.
const PhraseTable &kindTable()
{
    static const PhraseTable table = {
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
        { "cdn", "cdn" },
        { "cloudflare", "cdn" },
        { "fastly", "cdn" },
        { "akamai", "cdn" },
        { "cloudfront", "cdn" },
        { "dns", "dns" },
        { "domain name", "dns" },
        { "domain", "dns" },
        { "route53", "dns" },
        { "route 53", "dns" },
        { "nameserver", "dns" },
        { "name server", "dns" },
        { "bind9", "dns" },
        { "resolver", "dns" },
        { "cache", "cache" },
        { "caching", "cache" },
        { "redis", "cache" },
        { "memcached", "cache" },
        { "memcache", "cache" },
        { "varnish", "cache" },
        { "valkey", "cache" },
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
        { "galera", "database" },
        { "replica", "database" },
        { "replicas", "database" },
        { "slave", "database" },
        { "slaves", "database" },
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
    };
    return table;
}

const PhraseTable &roleTable()
{
    static const PhraseTable table = {
        { "primary", "primary" },
        { "master", "primary" },
        { "main", "primary" },
        { "writer", "primary" },
        { "leader", "primary" },
        { "read write", "primary" },
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
        { "standalone", "standalone" },
    };
    return table;
}

const PhraseTable &protocolTable()
{
    static const PhraseTable table = {
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
    return table;
}

const PhraseTable &algorithmTable()
{
    static const PhraseTable table = {
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
    return table;
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

bool hasPair(const QList<Word> &words, const char *first, const char *second)
{
    for (qsizetype i = 0; i + 1 < words.size(); ++i) {
        if (words.at(i).text == QLatin1String(first)
            && words.at(i + 1).text == QLatin1String(second))
            return true;
    }
    return false;
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

QString kindFromWords(const QList<Word> &words)
{
    const QList<Match> matches = kindTable().findAll(words);
    const Match *best = nullptr;
    for (const Match &m : matches) {
        if (!best || m.length > best->length || (m.length == best->length && m.rule < best->rule))
            best = &m;
    }
    return best ? best->value : QString();
}

void guessProperties(const QString &label, const QList<Word> &words, ComponentGuess *g)
{
    QVariantMap &p = g->props;
    const QString &kind = g->kind;
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
        if (hasWord(words, "cluster") || hasWord(words, "keepalived") || hasWord(words, "ha"))
            p.insert(QStringLiteral("high_availability"), QStringLiteral("cluster"));
    } else if (kind == QLatin1String("web_server")) {
        const QString software = valueIn(
            words, { { "apache", "apache" }, { "httpd", "apache" }, { "nginx", "nginx" } });
        if (!software.isEmpty())
            p.insert(QStringLiteral("software"), software);
        if (hasWord(words, "https") || hasWord(words, "tls") || hasWord(words, "ssl"))
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
        const QString role = roleTable().first(words);
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
        if (hasWord(words, "agent"))
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
}

} // namespace

ComponentGuess guessComponent(
    const QString &label, Mermaid::Shape shape, const QString &icon, const QStringList &classes)
{
    ComponentGuess g;
    const QList<Word> words = wordsOf(label);
    QString kind = kindFromClasses(classes);
    if (kind.isEmpty())
        kind = kindFromWords(words);
    if (kind.isEmpty() && !icon.isEmpty())
        kind = kindFromIcon(icon);
    if (kind.isEmpty() && !domainIn(label).isEmpty())
        kind = QStringLiteral("dns");
    g.fromText = !kind.isEmpty();
    if (kind.isEmpty() && shape == Mermaid::Shape::Cylinder)
        kind = QStringLiteral("database");
    if (!kind.isEmpty())
        g.kind = kind;
    guessProperties(label, words, &g);
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
    for (qsizetype i = 0; i < words.size(); ++i) {
        const Word &w = words.at(i);
        const bool number = !w.text.isEmpty() && w.text.front().isDigit() && w.stem == w.text
            && w.text.size() <= 5;
        bool isInt = false;
        const int value = w.text.toInt(&isInt);
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
        } else if (w.text == QLatin1String("tls") || w.text == QLatin1String("ssl")) {
            g.tls = true;
            used[i] = true;
        } else if (fillers().contains(w.text)) {
            used[i] = true;
        }
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
