// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/finding.h"
#include "design/designdata.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

/**
 * The design report: a Markdown document generated from a design, its findings and its Mermaid
 * diagram, written so that a learner could hand it in and an architect could paste it into a
 * design document. In order:
 *
 * 1. the title, domain and description, and a summary of what is in the design and the path a
 *    request takes;
 * 2. the diagram as a ```mermaid block, and `![diagram](file.png)` when a picture is given;
 * 3. the hosts, then every component and why it is there, in request order, with its actual
 *    properties and connections;
 * 4. each load balancer's algorithm, how it distributes requests (with the share of every
 *    backend when weights are set), and the backend mode: active-active or active-passive, what
 *    the difference is and which one this design uses;
 * 5. the primary-replica cluster: how replication works, what each role means for the
 *    application (which queries go where), and whether failover is automatic or manual;
 * 6. the DNS record (type, name → target, TTL);
 * 7. every finding grouped by category with its severity, explanation and fix; accepted ones
 *    are marked with the reason.
 *
 * Text from the design (labels, reasons) is escaped for Markdown (escape()). The output depends
 * only on the inputs (no date), so it can be compared and versioned.
 */
class ReportWriter
{
public:
    /** `mermaid` is the diagram's text (MermaidWriter::write); `imageFileName` the PNG to show
     *  beside the report, relative to it, or empty for none. */
    ReportWriter(const DesignData &design,
        const QList<Finding> &findings,
        const QString &mermaid,
        const QString &imageFileName = {});

    ReportWriter(const ReportWriter &) = delete;
    ReportWriter &operator=(const ReportWriter &) = delete;

    QString markdown() const;

    /** Writes markdown() as UTF-8 through OutputFile (atomically to a file). */
    bool writeFile(const QString &path, QString *error) const;

    /** Escapes text for Markdown prose and table cells: what the design says is shown as it
     *  is, and can never become markup, HTML or a link (CommonMark and GitHub's extensions).
     *  Line breaks and control characters become blanks. */
    static QString escape(const QString &text);
    /** `text` as a Markdown code span, whatever backticks it holds. */
    static QString codeSpan(const QString &text);

private:
    QString titleSection() const;
    QString diagramSection() const;
    QString hostsSection() const;
    QString componentsSection() const;
    QString componentText(const Component &c) const;
    QString connectionsText(const Component &c) const;
    QString loadBalancingSection() const;
    QString balancerText(const Component &lb) const;
    QString databaseSection() const;
    QString dnsSection() const;
    QString findingsSection() const;

    QString name(const ElementId &id) const; ///< escaped label, with its host if the label repeats
    QString plain(const ElementId &id) const; ///< escaped label alone (headings, tables)
    QString named(const Component &c) const; ///< "**Label**"
    QString where(const Component &c) const; ///< " on Host", or empty
    QString property(const Component &c, const char *name) const;
    QList<const Component *> targets(const Component &c, const QString &kind = {}) const;
    QList<const Component *> callers(const Component &c, const QString &kind = {}) const;
    QList<const Component *> ofKind(const QString &kind) const;
    QString requestPath() const;

    /** Links that carry requests (not replication, metrics, logs, VRRP or DNS lookups). */
    static bool carriesRequests(const Link &l);
    QList<const Component *> requestTargets(const Component &c) const;
    QList<const Component *> requestCallers(const Component &c) const;
    /** How many request links into and out of `c` are encrypted, and how many are not. */
    struct TlsHops
    {
        int encryptedIn = 0;
        int plainIn = 0;
        int encryptedOut = 0;
        int plainOut = 0;
    };
    TlsHops tlsHops(const Component &c) const;
    /** What users connect to first: their request links, or where DNS points. */
    QList<const Component *> entryPoints() const;
    QString entryRole(const Component &balancer) const;
    bool isOnlyWayIn(const Component &c) const;

    DesignData m_design;
    QList<Finding> m_findings;
    QString m_mermaid;
    QString m_image;
    QHash<ElementId, const Component *> m_components;
    QHash<ElementId, QList<const Link *>> m_out;
    QHash<ElementId, QList<const Link *>> m_in;
    QSet<QString> m_repeatedLabels;
};
