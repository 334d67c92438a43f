// SPDX-License-Identifier: MIT
#include "designindex.h"

#include "design/kinds.h"

#include <QSet>

#include <algorithm>
#include <numeric>

namespace {

// Replication, telemetry and heartbeats keep the system running but never carry a user's
// request, whatever they join (the protocol table in kinds.cpp says which is which).
bool isBackgroundProtocol(const QString &protocol)
{
    const Kinds::ProtocolSpec *spec = Kinds::findProtocol(protocol);
    return spec && spec->traffic != Kinds::Traffic::Request;
}

int find(std::vector<int> &parent, int x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

} // namespace

DesignIndex::Kind DesignIndex::kindCode(const QString &kind)
{
    static const QHash<QString, Kind> codes = {
        { QStringLiteral("client"), Kind::Client },
        { QStringLiteral("dns"), Kind::Dns },
        { QStringLiteral("load_balancer"), Kind::LoadBalancer },
        { QStringLiteral("web_server"), Kind::WebServer },
        { QStringLiteral("app_server"), Kind::AppServer },
        { QStringLiteral("app_files"), Kind::AppFiles },
        { QStringLiteral("database"), Kind::Database },
        { QStringLiteral("firewall"), Kind::Firewall },
        { QStringLiteral("monitoring"), Kind::Monitoring },
        { QStringLiteral("cache"), Kind::Cache },
        { QStringLiteral("cdn"), Kind::Cdn },
        { QStringLiteral("queue"), Kind::Queue },
        { QStringLiteral("generic"), Kind::Generic },
    };
    return codes.value(kind, Kind::Unknown);
}

DesignIndex::DesignIndex(const DesignData &data)
    : m_data(data)
{
    const int hosts = static_cast<int>(data.hosts.size());
    m_hostIndex.reserve(hosts);
    m_hostComponents.resize(hosts);
    for (int h = 0; h < hosts; ++h)
        m_hostIndex.insert(data.hosts.at(h).id, h);

    const int n = static_cast<int>(data.components.size());
    m_componentIndex.reserve(n);
    m_kind.resize(n);
    m_host.resize(n, -1);
    m_filters.resize(n, 0);
    m_redundant.resize(n, 0);
    const QString managed = QStringLiteral("managed");
    const QString autoscaling = QStringLiteral("autoscaling");
    for (int c = 0; c < n; ++c) {
        const Component &comp = data.components.at(c);
        m_componentIndex.insert(comp.id, c);
        m_kind[c] = kindCode(comp.kind);
        if (!comp.host.isEmpty()) {
            m_host[c] = m_hostIndex.value(comp.host, -1);
            if (m_host[c] >= 0)
                m_hostComponents[m_host[c]].push_back(c);
        }
        m_filters[c]
            = m_kind[c] == Kind::Firewall || comp.props.value(QStringLiteral("firewall")).toBool();
        if (m_host[c] < 0) {
            const bool servers = m_kind[c] == Kind::WebServer || m_kind[c] == Kind::AppServer;
            m_redundant[c] = servers
                ? comp.props.value(autoscaling).toBool()
                : comp.props.value(managed).toString() == QLatin1String("multi-zone");
        }
        if (m_kind[c] == Kind::Client)
            m_clients.push_back(c);
        else if (m_kind[c] == Kind::Dns)
            m_dns.push_back(c);
        else if (m_kind[c] == Kind::Database)
            m_hasDatabase = true;
    }
    indexLinks();
    findClusters();
    findPeers();
    m_dnsTargets.resize(n);
    for (int d : m_dns) {
        std::vector<int> &targets = m_dnsTargets[d];
        QStringList ids
            = data.components.at(d).props.value(QStringLiteral("extra_targets")).toStringList();
        ids.prepend(prop(d, QStringLiteral("target")));
        for (const QString &id : std::as_const(ids)) {
            const int t = componentIndex(id);
            if (t >= 0 && t != d && std::find(targets.begin(), targets.end(), t) == targets.end())
                targets.push_back(t);
        }
    }
    findEntries();
    findReachable();
    findGuardedHosts();
    findServices();
    findBackups();
}

void DesignIndex::findBackups()
{
    m_backup.assign(linkCount(), 0);
    const QString backup = QStringLiteral("backup");
    for (int c = 0; c < componentCount(); ++c) {
        if (m_kind[c] != Kind::LoadBalancer)
            continue;
        bool anyMarked = false;
        for (int l : outLinks(c))
            anyMarked
                = anyMarked || (m_request[l] && m_data.links.at(l).props.value(backup).toBool());
        const bool passive
            = prop(c, QStringLiteral("backend_mode")) == QLatin1String("active-passive");
        bool first = true;
        for (int l : outLinks(c)) {
            if (!m_request[l])
                continue;
            m_backup[l]
                = anyMarked ? m_data.links.at(l).props.value(backup).toBool() : passive && !first;
            first = false;
        }
    }
}

void DesignIndex::indexLinks()
{
    const int n = componentCount();
    const int links = static_cast<int>(m_data.links.size());
    m_linkFrom.resize(links, -1);
    m_linkTo.resize(links, -1);
    m_request.resize(links, 0);
    m_outOffsets.assign(n + 1, 0);
    m_inOffsets.assign(n + 1, 0);
    for (int l = 0; l < links; ++l) {
        const Link &link = m_data.links.at(l);
        const int from = m_componentIndex.value(link.from, -1);
        const int to = m_componentIndex.value(link.to, -1);
        if (from < 0 || to < 0 || from == to)
            continue;
        m_linkFrom[l] = from;
        m_linkTo[l] = to;
        ++m_outOffsets[from + 1];
        ++m_inOffsets[to + 1];
        const Kind fk = m_kind[from];
        const Kind tk = m_kind[to];
        // Databases, files, DNS and monitoring answer requests but do not pass them on; a link
        // between two databases is replication whatever its protocol says.
        const bool callerForwards = fk != Kind::Dns && fk != Kind::Monitoring
            && fk != Kind::AppFiles && fk != Kind::Database;
        const bool calleeServes = tk != Kind::Client && tk != Kind::Monitoring;
        m_request[l] = callerForwards && calleeServes && !isBackgroundProtocol(link.protocol);
    }
    for (int c = 0; c < n; ++c) {
        m_outOffsets[c + 1] += m_outOffsets[c];
        m_inOffsets[c + 1] += m_inOffsets[c];
    }
    m_outLinks.resize(m_outOffsets[n]);
    m_inLinks.resize(m_inOffsets[n]);
    std::vector<int> outFill(m_outOffsets.begin(), m_outOffsets.end() - 1);
    std::vector<int> inFill(m_inOffsets.begin(), m_inOffsets.end() - 1);
    for (int l = 0; l < links; ++l) {
        if (m_linkFrom[l] < 0)
            continue;
        m_outLinks[outFill[m_linkFrom[l]]++] = l;
        m_inLinks[inFill[m_linkTo[l]]++] = l;
    }
}

void DesignIndex::findClusters()
{
    const int n = componentCount();
    std::vector<int> parent(n);
    std::iota(parent.begin(), parent.end(), 0);
    for (int l = 0; l < linkCount(); ++l) {
        const int a = m_linkFrom[l];
        const int b = m_linkTo[l];
        if (a >= 0 && b >= 0 && m_kind[a] == Kind::Database && m_kind[b] == Kind::Database)
            parent[find(parent, a)] = find(parent, b);
    }
    m_dbCluster.assign(n, -1);
    QHash<int, int> clusterOfRoot;
    for (int c = 0; c < n; ++c) {
        if (m_kind[c] != Kind::Database)
            continue;
        const int root = find(parent, c);
        auto it = clusterOfRoot.find(root);
        if (it == clusterOfRoot.end()) {
            it = clusterOfRoot.insert(root, static_cast<int>(m_clusters.size()));
            m_clusters.emplace_back();
        }
        m_dbCluster[c] = it.value();
        m_clusters[it.value()].push_back(c);
    }
    m_clusterFailover.assign(m_clusters.size(), 0);
    for (size_t k = 0; k < m_clusters.size(); ++k) {
        if (m_clusters[k].size() < 2)
            continue;
        for (int c : m_clusters[k]) {
            if (prop(c, QStringLiteral("failover")) != QLatin1String("none")
                && !prop(c, QStringLiteral("failover")).isEmpty())
                m_clusterFailover[k] = 1;
        }
    }
}

void DesignIndex::findPeers()
{
    const int n = componentCount();
    m_peer.assign(n, -1);
    // A pair is real when one side says "cluster", names the other as its peer and the pair
    // has a virtual IP: keepalived moves that address to the survivor.
    for (int c = 0; c < n; ++c) {
        if (m_kind[c] != Kind::LoadBalancer
            || prop(c, QStringLiteral("high_availability")) != QLatin1String("cluster"))
            continue;
        const int p = componentIndex(prop(c, QStringLiteral("peer")));
        if (p < 0 || p == c || m_kind[p] != Kind::LoadBalancer)
            continue;
        const bool vip = !prop(c, QStringLiteral("virtual_ip")).trimmed().isEmpty()
            || !prop(p, QStringLiteral("virtual_ip")).trimmed().isEmpty();
        if (!vip || (m_peer[c] >= 0 && m_peer[c] != p) || (m_peer[p] >= 0 && m_peer[p] != c))
            continue;
        m_peer[c] = p;
        m_peer[p] = c;
    }
}

void DesignIndex::findEntries()
{
    m_isEntry.assign(componentCount(), 0);
    auto add = [this](int c) {
        if (c >= 0 && !m_isEntry[c]) {
            m_isEntry[c] = 1;
            m_entries.push_back(c);
        }
    };
    for (int client : m_clients) {
        bool direct = false;
        std::vector<int> dns;
        for (int l : outLinks(client)) {
            const int to = m_linkTo[l];
            if (m_kind[to] == Kind::Dns)
                dns.push_back(to);
            else if (m_request[l]) {
                direct = true;
                add(to);
            }
        }
        if (direct)
            continue;
        // Users who only ask DNS connect where the name resolves.
        for (int d : dns.empty() ? m_dns : dns) {
            for (int t : m_dnsTargets[d]) {
                if (m_kind[t] != Kind::Client && m_kind[t] != Kind::Dns)
                    add(t);
            }
        }
    }
}

void DesignIndex::findReachable()
{
    m_reachable.assign(componentCount(), 0);
    std::vector<int> stack;
    auto push = [&](int c) {
        if (c >= 0 && !m_reachable[c]) {
            m_reachable[c] = 1;
            stack.push_back(c);
        }
    };
    for (int c : m_clients)
        push(c);
    for (int e : m_entries)
        push(e);
    while (!stack.empty()) {
        const int c = stack.back();
        stack.pop_back();
        push(m_peer[c]);
        if (m_dbCluster[c] >= 0 && m_clusterFailover[m_dbCluster[c]]) {
            for (int m : m_clusters[m_dbCluster[c]])
                push(m);
        }
        for (int l : outLinks(c)) {
            if (m_request[l])
                push(m_linkTo[l]);
        }
    }
}

void DesignIndex::findGuardedHosts()
{
    const int hosts = hostCount();
    m_hostGuarded.assign(hosts, 0);
    std::vector<char> outsideCaller(hosts, 0);
    std::vector<char> unfiltered(hosts, 0);
    for (int h = 0; h < hosts; ++h) {
        for (int c : m_hostComponents[h]) {
            if (m_filters[c])
                m_hostGuarded[h] = 1;
        }
    }
    for (int l = 0; l < linkCount(); ++l) {
        const int from = m_linkFrom[l];
        const int to = m_linkTo[l];
        if (from < 0 || !m_request[l])
            continue;
        const int h = m_host[to];
        if (h < 0 || m_host[from] == h)
            continue;
        outsideCaller[h] = 1;
        if (!m_filters[from])
            unfiltered[h] = 1;
    }
    for (int h = 0; h < hosts; ++h) {
        if (outsideCaller[h] && !unfiltered[h])
            m_hostGuarded[h] = 1;
    }
}

void DesignIndex::findServices()
{
    const int n = componentCount();
    std::vector<int> parent(n);
    std::iota(parent.begin(), parent.end(), 0);
    auto joins = [this](int c) {
        return m_kind[c] != Kind::Client && m_kind[c] != Kind::Dns && m_kind[c] != Kind::Monitoring;
    };
    for (int l = 0; l < linkCount(); ++l) {
        const int a = m_linkFrom[l];
        const int b = m_linkTo[l];
        const bool replication
            = a >= 0 && m_kind[a] == Kind::Database && m_kind[b] == Kind::Database;
        if (a >= 0 && (m_request[l] || replication) && joins(a) && joins(b))
            parent[find(parent, a)] = find(parent, b);
    }
    for (int c = 0; c < n; ++c) {
        if (m_peer[c] >= 0)
            parent[find(parent, c)] = find(parent, m_peer[c]);
    }
    for (int d : m_dns) {
        const std::vector<int> &targets = m_dnsTargets[d];
        for (size_t i = 1; i < targets.size(); ++i) {
            if (joins(targets[0]) && joins(targets[i]))
                parent[find(parent, targets[0])] = find(parent, targets[i]);
        }
    }
    // A service is what users reach: number the roots their entry points have.
    m_service.assign(n, -1);
    QHash<int, int> serviceOfRoot;
    for (int client : m_clients) {
        std::vector<int> first;
        for (int l : outLinks(client)) {
            const int to = m_linkTo[l];
            if (m_kind[to] == Kind::Dns) {
                for (int t : m_dnsTargets[to])
                    first.push_back(t);
            } else if (m_request[l]) {
                first.push_back(to);
            }
        }
        if (first.empty()) {
            for (int d : m_dns)
                first.insert(first.end(), m_dnsTargets[d].begin(), m_dnsTargets[d].end());
        }
        for (int e : first) {
            if (!joins(e))
                continue;
            const int root = find(parent, e);
            auto it = serviceOfRoot.find(root);
            if (it == serviceOfRoot.end()) {
                it = serviceOfRoot.insert(root, static_cast<int>(m_serviceClients.size()));
                m_serviceClients.emplace_back();
            }
            std::vector<int> &clients = m_serviceClients[it.value()];
            if (std::find(clients.begin(), clients.end(), client) == clients.end())
                clients.push_back(client);
        }
    }
    for (int c = 0; c < n; ++c) {
        if (joins(c)) {
            const auto it = serviceOfRoot.constFind(find(parent, c));
            if (it != serviceOfRoot.cend())
                m_service[c] = it.value();
        }
    }
}

bool DesignIndex::isEncrypted(int l) const
{
    const Link &link = m_data.links.at(l);
    const Kinds::ProtocolSpec *spec = Kinds::findProtocol(link.protocol);
    return (spec && spec->encrypted) || link.props.value(QStringLiteral("tls")).toBool();
}

std::vector<int> DesignIndex::clusterPrimaries(int cluster) const
{
    std::vector<int> primaries;
    for (int c : m_clusters[cluster]) {
        if (prop(c, QStringLiteral("role")) != QLatin1String("replica"))
            primaries.push_back(c);
    }
    return primaries;
}

bool DesignIndex::acceptsWrites(int c) const
{
    return m_kind[c] == Kind::Database
        && prop(c, QStringLiteral("role")) != QLatin1String("replica")
        && !boolProp(c, QStringLiteral("read_only"));
}

bool DesignIndex::isManaged(int c) const
{
    const QString m = prop(c, QStringLiteral("managed"));
    return !m.isEmpty() && m != QLatin1String("no");
}

bool DesignIndex::isManagedSingle(int c) const
{
    return prop(c, QStringLiteral("managed")) == QLatin1String("single-zone");
}

QString DesignIndex::prop(int c, const QString &name) const
{
    return m_data.components.at(c).props.value(name).toString();
}

bool DesignIndex::boolProp(int c, const QString &name) const
{
    return m_data.components.at(c).props.value(name).toBool();
}

QString DesignIndex::quoted(int c) const
{
    // A label drawn on two lines is one name in a sentence.
    const Component &comp = m_data.components.at(c);
    return QStringLiteral("“%1”").arg(comp.label.isEmpty() ? comp.id : comp.label.simplified());
}

QString DesignIndex::hostLabel(int h) const
{
    const Host &host = m_data.hosts.at(h);
    return host.label.isEmpty() ? host.id : host.label.simplified();
}

QString DesignIndex::quotedHost(int h) const
{
    return QStringLiteral("“%1”").arg(hostLabel(h));
}

QString DesignIndex::describe(int c) const
{
    const Kinds::KindSpec *spec = Kinds::find(m_data.components.at(c).kind);
    QString kind = spec ? spec->displayName : m_data.components.at(c).kind;
    // "Load balancer" → "load balancer", but acronyms (DNS, CDN) stay as they are.
    if (kind.size() > 1 && kind.at(1).isLower())
        kind[0] = kind.at(0).toLower();
    if (m_kind[c] == Kind::Database) {
        const QString role = prop(c, QStringLiteral("role"));
        if (role == QLatin1String("primary") || role == QLatin1String("replica"))
            kind = role + u' ' + kind;
    }
    return QStringLiteral("the %1 %2").arg(kind, quoted(c));
}
