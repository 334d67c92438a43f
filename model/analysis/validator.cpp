// SPDX-License-Identifier: MIT
#include "validator.h"

#include "design/reading.h"
#include "designindex.h"
#include "flowgraph.h"
#include "rules.h"
#include "spofanalysis.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <memory>

namespace {

using Category = Finding::Category;
using Severity = Finding::Severity;

void pathProblems(const SpofAnalysis &reads,
    const SpofAnalysis *writes,
    bool complete,
    bool writesExplained,
    QList<Finding> *out)
{
    if (!complete) {
        out->append(Rules::make(QStringLiteral("config.analysis-limit"),
            Category::Config,
            Severity::Info,
            {},
            QStringLiteral("The design is too tangled to check every path"),
            QStringLiteral("Requests in this design loop back through components that wait for "
                           "each other so many times that Toposcope stopped following them. "
                           "Single points of failure are not reported."),
            QStringLiteral("Check that links go from the caller to the callee and remove links "
                           "that point back up the request path.")));
        return;
    }
    if (!reads.isServed()) {
        out->append(Rules::make(QStringLiteral("config.no-path"),
            Category::Config,
            Severity::Warning,
            {},
            QStringLiteral("No request can be served: the path from the users is incomplete"),
            QStringLiteral("Following the request links from the users, no request reaches a "
                           "component that can answer it with everything it needs (for example "
                           "an application server with its files and a database). Either a "
                           "link is missing or it points the wrong way; until then Toposcope "
                           "cannot say what is a single point of failure."),
            QStringLiteral("Link the users to the entry point, and each tier to the next one: "
                           "links go from the caller to the callee.")));
        return;
    }
    if (writes && !writes->isServed()) {
        if (!writesExplained)
            out->append(Rules::make(QStringLiteral("config.no-write-path"),
                Category::Config,
                Severity::Warning,
                {},
                QStringLiteral("No write can reach a database that accepts it"),
                QStringLiteral("Reads can be served, but no path from the users leads to a "
                               "database that accepts writes (a primary that is not read-only). "
                               "Every request that saves something fails."),
                QStringLiteral("Link the application servers to the primary database.")));
    }
}

int categoryOrder(Category c)
{
    return static_cast<int>(c);
}

} // namespace

namespace {

/** Availability of one service: the read and write graphs, their single points of failure, and
 *  what they say about the paths, added to `out`. With `several` services, what is said
 *  about one already is not said again. */
void judgeService(const DesignIndex &index,
    bool several,
    QList<Finding> *out,
    QSet<ElementId> *readSpofs,
    bool *writesExplained,
    QSet<QString> *known = nullptr)
{
    const FlowGraph readGraph(index, FlowGraph::Mode::Reads);
    const SpofAnalysis reads(index, readGraph);
    std::unique_ptr<FlowGraph> writeGraph;
    std::unique_ptr<SpofAnalysis> writes;
    if (index.hasDatabase()) {
        writeGraph = std::make_unique<FlowGraph>(index, FlowGraph::Mode::Writes);
        writes = std::make_unique<SpofAnalysis>(index, *writeGraph);
    }
    const bool complete = readGraph.isComplete() && (!writeGraph || writeGraph->isComplete());
    QList<Finding> found;
    if (complete) {
        Rules::availability(index, reads, writes.get(), &found);
        if (reads.isServed()) {
            for (int c = 0; c < index.componentCount(); ++c) {
                if (reads.componentIsSpof(c))
                    readSpofs->insert(index.component(c).id);
            }
        }
    }
    // `writesExplained`: whether `out` holds config.replica-writes, kept by the caller.
    const qsizetype before = found.size();
    pathProblems(reads, writes.get(), complete, *writesExplained, &found);
    for (const Finding &f : std::as_const(found))
        *writesExplained = *writesExplained || f.rule == QLatin1String("config.replica-writes");
    if (several) {
        // Name whose requests fail: another service of the design may be fine.
        for (qsizetype i = before; i < found.size(); ++i) {
            Finding &f = found[i];
            for (int c : index.clients())
                f.subjects.append(index.component(c).id);
            f.title += QStringLiteral(" (for %1)").arg(Rules::labels(index, index.clients()));
        }
    }
    if (!several) {
        *out += found;
        return;
    }
    // `known`: the keys of what `out` holds, kept by the caller across the services.
    for (const Finding &f : std::as_const(found)) {
        const QString key = f.rule + u'\n' + f.subjects.join(u'\n');
        if (!known->contains(key)) {
            known->insert(key);
            out->append(f);
        }
    }
}

// A guess of the importer that a finding rests on is said, with how to correct it.
void mentionGuesses(const DesignData &design, QList<Finding> *findings)
{
    // Only guessed components matter; most designs have none, and a finding may name thousands.
    QHash<QString, const Component *> guessed;
    for (const Component &c : design.components) {
        if (!Reading::kindGuess(c).isEmpty() || !Reading::roleGuess(c).isEmpty())
            guessed.insert(c.id, &c);
    }
    if (guessed.isEmpty())
        return;
    for (Finding &f : *findings) {
        QStringList notes;
        for (const QString &id : std::as_const(f.subjects)) {
            const Component *c = guessed.value(id);
            if (!c)
                continue;
            const QString label = c->label.isEmpty() ? c->id : c->label;
            const QString kind = Reading::kindGuess(*c);
            const QString role = Reading::roleGuess(*c);
            if (!kind.isEmpty())
                notes.append(QStringLiteral("“%1” is %2").arg(label, kind));
            if (!role.isEmpty())
                notes.append(QStringLiteral("“%1” is %2").arg(label, role));
        }
        if (notes.isEmpty())
            continue;
        f.explanation += QStringLiteral(" (This rests on a guess: %1. If that is wrong, change "
                                        "the kind or role in the Properties panel.)")
                             .arg(notes.join(QStringLiteral("; ")));
    }
}

} // namespace

namespace {

/**
 * The parts of a design that its services are, made in time linear in each part: the members
 * of every service found in one pass, and each part's links and hosts reached from its own
 * components (a design of 10,000 entry points has 10,000 services).
 */
class ServiceParts
{
public:
    ServiceParts(const DesignData &design, const DesignIndex &index)
        : m_design(design)
        , m_index(index)
        , m_members(index.serviceCount())
        , m_inPart(index.componentCount(), 0)
        , m_hostInPart(index.hostCount(), 0)
    {
        for (int c = 0; c < index.componentCount(); ++c) {
            if (index.serviceOf(c) >= 0)
                m_members[index.serviceOf(c)].push_back(c);
            else if (index.kind(c) == DesignIndex::Kind::Dns)
                m_dns.push_back(c);
        }
        // Links between components no service owns (users, DNS): few, asked of every part.
        for (int l = 0; l < index.linkCount(); ++l) {
            const int from = index.linkFrom(l), to = index.linkTo(l);
            if (from >= 0 && to >= 0 && index.serviceOf(from) < 0 && index.serviceOf(to) < 0)
                m_shared.push_back(l);
        }
    }

    DesignData part(int s)
    {
        // Its components, its users and every DNS, in the design's order.
        std::vector<int> components = m_members[s];
        components.insert(components.end(), m_dns.begin(), m_dns.end());
        for (int c : m_index.serviceClients(s)) {
            if (m_index.serviceOf(c) != s)
                components.push_back(c);
        }
        std::sort(components.begin(), components.end());
        components.erase(std::unique(components.begin(), components.end()), components.end());
        for (int c : components)
            m_inPart[c] = 1;

        DesignData d;
        d.name = m_design.name;
        std::vector<int> links, hosts;
        // Its links: those of its own members (found from them, never from the users, who
        // may have a link to every service), and those among the users and DNS it shares.
        for (int c : m_members[s]) {
            for (int l : m_index.outLinks(c)) {
                const int to = m_index.linkTo(l);
                if (to >= 0 && m_inPart[to])
                    links.push_back(l);
            }
            for (int l : m_index.inLinks(c)) {
                const int from = m_index.linkFrom(l);
                if (from >= 0 && m_inPart[from] && m_index.serviceOf(from) != s)
                    links.push_back(l);
            }
        }
        for (int l : m_shared) {
            if (m_inPart[m_index.linkFrom(l)] && m_inPart[m_index.linkTo(l)])
                links.push_back(l);
        }
        for (int c : components) {
            d.components.append(m_index.component(c));
            // The machines its components run on keep their meaning.
            const int h = m_index.hostOf(c);
            if (h >= 0 && !m_hostInPart[h]) {
                m_hostInPart[h] = 1;
                hosts.push_back(h);
            }
        }
        std::sort(links.begin(), links.end());
        std::sort(hosts.begin(), hosts.end());
        for (int l : links)
            d.links.append(m_index.link(l));
        for (int h : hosts) {
            d.hosts.append(m_index.host(h));
            m_hostInPart[h] = 0;
        }
        for (int c : components)
            m_inPart[c] = 0;
        return d;
    }

private:
    const DesignData &m_design;
    const DesignIndex &m_index;
    std::vector<std::vector<int>> m_members;
    std::vector<int> m_dns;
    std::vector<int> m_shared; ///< links between components of no service
    std::vector<char> m_inPart; ///< marks, cleared after each part
    std::vector<char> m_hostInPart;
};

} // namespace

DesignData Validator::serviceDesign(const DesignData &design, const DesignIndex &index, int s)
{
    return ServiceParts(design, index).part(s);
}

QList<Finding> Validator::validate(const DesignData &design)
{
    QList<Finding> findings;
    const DesignIndex index(design);
    if (index.clients().empty()) {
        if (index.componentCount() > 0)
            findings.append(Rules::make(QStringLiteral("config.no-users"),
                Category::Config,
                Severity::Info,
                {},
                QStringLiteral("Add the users to check availability"),
                QStringLiteral("The design has no Users component, so Toposcope cannot follow "
                               "requests from where they start and does not look for single "
                               "points of failure."),
                QStringLiteral("Add a Users (client) component and link it to the entry point.")));
        Rules::configuration(index, &findings);
    } else {
        Rules::configuration(index, &findings);
        // Each service is judged on its own: the paths of one are no redundancy for another.
        QSet<ElementId> readSpofs;
        bool writesExplained = std::any_of(findings.cbegin(),
            findings.cend(),
            [](const Finding &f) { return f.rule == QLatin1String("config.replica-writes"); });
        if (index.serviceCount() <= 1) {
            judgeService(index, false, &findings, &readSpofs, &writesExplained);
        } else {
            ServiceParts parts(design, index);
            QSet<QString> known;
            for (const Finding &f : std::as_const(findings))
                known.insert(f.rule + u'\n' + f.subjects.join(u'\n'));
            for (int s = 0; s < index.serviceCount(); ++s) {
                const DesignData part = parts.part(s);
                const DesignIndex partIndex(part);
                judgeService(partIndex, true, &findings, &readSpofs, &writesExplained, &known);
            }
        }
        std::vector<char> spof(index.componentCount(), 0);
        for (const ElementId &id : std::as_const(readSpofs))
            spof[index.componentIndex(id)] = 1;
        Rules::maintenance(index, spof, &findings);
    }
    Rules::security(index, &findings);
    Rules::monitoring(index, &findings);
    mentionGuesses(design, &findings);

    // One lookup per finding: a design may accept as many findings as it has.
    if (!design.acceptedFindings.isEmpty()) {
        const auto key = [](const QString &rule, QStringList subjects) {
            subjects.sort();
            subjects.prepend(rule);
            return subjects.join(QChar(0));
        };
        QHash<QString, QString> reasons;
        reasons.reserve(design.acceptedFindings.size());
        for (const AcceptedFinding &a : design.acceptedFindings) {
            const QString k = key(a.rule, a.subjects);
            if (!reasons.contains(k)) // the first that matches, as isAccepted() says
                reasons.insert(k, a.reason);
        }
        for (Finding &f : findings) {
            const auto it = reasons.constFind(key(f.rule, f.subjects));
            f.accepted = it != reasons.cend();
            if (f.accepted)
                f.acceptedReason = *it;
        }
    }
    std::stable_sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
        if (a.severity != b.severity)
            return a.severity > b.severity;
        if (a.category != b.category)
            return categoryOrder(a.category) < categoryOrder(b.category);
        if (a.rule != b.rule)
            return a.rule < b.rule;
        return a.subjects < b.subjects;
    });
    return findings;
}

bool Validator::isAccepted(const DesignData &design, const Finding &finding, QString *reason)
{
    if (design.acceptedFindings.isEmpty())
        return false;
    QStringList subjects = finding.subjects;
    subjects.sort();
    for (const AcceptedFinding &a : design.acceptedFindings) {
        if (a.rule != finding.rule)
            continue;
        QStringList accepted = a.subjects;
        accepted.sort();
        if (accepted == subjects) {
            if (reason)
                *reason = a.reason;
            return true;
        }
    }
    return false;
}

QList<Validator::RuleInfo> Validator::rules()
{
    QList<RuleInfo> list = {
        { QStringLiteral("config.analysis-limit"),
            Category::Config,
            QStringLiteral("The request paths loop too often to be followed completely.") },
        { QStringLiteral("config.app-files"),
            Category::Config,
            QStringLiteral("Application files exist once for many servers, or copies are not kept "
                           "in sync.") },
        { QStringLiteral("config.dns-target"),
            Category::Config,
            QStringLiteral("The DNS record points at something other than the entry point.") },
        { QStringLiteral("config.lb-cluster"),
            Category::Config,
            QStringLiteral("A load balancer is marked as a cluster without a valid peer or virtual "
                           "IP.") },
        { QStringLiteral("config.maintenance-downtime"),
            Category::Config,
            QStringLiteral("A single web or application server goes down on every deploy or "
                           "restart.") },
        { QStringLiteral("config.no-path"),
            Category::Config,
            QStringLiteral("No complete request path leads from the users to a component that can "
                           "serve them.") },
        { QStringLiteral("config.no-backup"),
            Category::Config,
            QStringLiteral("No backup keeps a copy of a database's data elsewhere.") },
        { QStringLiteral("config.no-users"),
            Category::Config,
            QStringLiteral("The design has no users to start the request paths from.") },
        { QStringLiteral("config.no-write-path"),
            Category::Config,
            QStringLiteral("No request path reaches a database that accepts writes.") },
        { QStringLiteral("config.replica-writes"),
            Category::Config,
            QStringLiteral("An application server sends its writes to a read-only replica.") },
        { QStringLiteral("config.replication-lag"),
            Category::Config,
            QStringLiteral("Reads are served by an asynchronous replica that may lag behind.") },
        { QStringLiteral("config.round-robin-dns"),
            Category::Config,
            QStringLiteral("DNS spreads users over several entry points without failing over.") },
        { QStringLiteral("config.scalability"),
            Category::Config,
            QStringLiteral("Users reach a single server directly: it can only scale vertically.") },
        { QStringLiteral("config.session-state"),
            Category::Config,
            QStringLiteral("Several application servers keep sessions locally with no shared "
                           "session store.") },
        { QStringLiteral("config.shared-host"),
            Category::Config,
            QStringLiteral("One host runs the web server, the application server and the database "
                           "together.") },
        { QStringLiteral("config.single-site"),
            Category::Config,
            QStringLiteral("Everything runs in one site: no disaster recovery.") },
        { QStringLiteral("config.unreachable"),
            Category::Config,
            QStringLiteral("A component is not on any request path from the users.") },
        { QStringLiteral("monitoring.collector-spof"),
            Category::Monitoring,
            QStringLiteral("The monitoring collector is itself a single point of failure.") },
        { QStringLiteral("monitoring.no-health-checks"),
            Category::Monitoring,
            QStringLiteral("A load balancer does not check the health of its backends.") },
        { QStringLiteral("monitoring.none"),
            Category::Monitoring,
            QStringLiteral("Hosts or servers have no monitoring.") },
        { QStringLiteral("security.admin-exposed"),
            Category::Security,
            QStringLiteral("A statistics or admin endpoint is reachable from the internet.") },
        { QStringLiteral("security.database-exposed"),
            Category::Security,
            QStringLiteral("A database can be reached from clients or the internet.") },
        { QStringLiteral("security.certificate-renewal"),
            Category::Security,
            QStringLiteral("The TLS certificate users see is renewed by hand.") },
        { QStringLiteral("security.no-firewall"),
            Category::Security,
            QStringLiteral("No firewall in front of the entry point or on a host.") },
        { QStringLiteral("security.no-https"),
            Category::Security,
            QStringLiteral("Users reach the entry point over plain HTTP.") },
        { QStringLiteral("security.plaintext-internal"),
            Category::Security,
            QStringLiteral("TLS ends at the load balancer with plaintext behind it, or replication "
                           "is not encrypted.") },
        { QStringLiteral("spof.component"),
            Category::Spof,
            QStringLiteral("One component whose failure takes the whole service down.") },
        { QStringLiteral("spof.host"),
            Category::Spof,
            QStringLiteral("One machine whose failure takes the service down although its "
                           "components look redundant.") },
        { QStringLiteral("spof.link"),
            Category::Spof,
            QStringLiteral("The only network connection from the users to the entry point.") },
        { QStringLiteral("spof.write-path"),
            Category::Spof,
            QStringLiteral("A component, host or link whose failure stops every write while reads "
                           "go on.") },
    };
    std::sort(
        list.begin(), list.end(), [](const RuleInfo &a, const RuleInfo &b) { return a.id < b.id; });
    return list;
}
