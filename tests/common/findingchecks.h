// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/finding.h"
#include "design/designdata.h"

#include <QHash>
#include <QSet>
#include <QStringList>

// What a careful reviewer never writes in one report, whatever the design: checked on every
// judgement diagram and on generated designs.
namespace FindingChecks {

inline QString key(const Finding &f)
{
    QStringList subjects = f.subjects;
    subjects.sort();
    return f.rule + u' ' + subjects.join(u',');
}

inline bool actsAsFirewall(const DesignData &d, const QString &id)
{
    const Component *c = d.component(id);
    return c
        && (c->kind == QLatin1String("firewall")
            || c->props.value(QStringLiteral("firewall")).toBool());
}

/** Each problem as one line; empty when the findings agree with each other and the design. */
inline QStringList problems(const DesignData &design, const QList<Finding> &findings)
{
    QStringList out;
    QSet<QString> seen;
    QSet<QString> onPath; // subjects that findings say a request passes through
    QSet<QString> unreachable;
    QHash<QString, QString> templates; // rule + text with the subjects taken out → first key
    for (const Finding &f : findings) {
        const QString k = key(f);
        if (seen.contains(k))
            out.append(QStringLiteral("said twice: ") + k);
        seen.insert(k);
        for (const QString &id : f.subjects) {
            if (!design.component(id) && !design.host(id) && !design.link(id))
                out.append(QStringLiteral("unknown subject: ") + k);
        }
        if (f.rule == QLatin1String("config.unreachable"))
            unreachable.unite(QSet<QString>(f.subjects.begin(), f.subjects.end()));
        if (f.rule.startsWith(QLatin1String("spof."))
            || f.rule == QLatin1String("security.no-https")
            || f.rule == QLatin1String("security.plaintext-internal")
            || f.rule == QLatin1String("config.maintenance-downtime"))
            onPath.unite(QSet<QString>(f.subjects.begin(), f.subjects.end()));
        if (f.rule == QLatin1String("security.no-firewall")) {
            for (const QString &id : f.subjects) {
                if (actsAsFirewall(design, id))
                    out.append(QStringLiteral("firewall advice about a firewall: ") + k);
            }
        }
        if (f.title.isEmpty() || f.explanation.isEmpty() || f.fix.isEmpty())
            out.append(QStringLiteral("text missing: ") + k);
        // Copies of one problem are one finding with several subjects (availability findings
        // are per failure unit on purpose).
        if (!f.rule.startsWith(QLatin1String("spof.")) && !f.subjects.isEmpty()) {
            QString text = f.title + u'\n' + f.explanation;
            for (const QString &id : f.subjects) {
                QString label = id;
                if (const Component *c = design.component(id))
                    label = c->label.isEmpty() ? c->id : c->label;
                else if (const Host *h = design.host(id))
                    label = h->label.isEmpty() ? h->id : h->label;
                text.replace(label, QStringLiteral("…"));
            }
            const QString t = f.rule + u'\n' + text;
            if (templates.contains(t))
                out.append(QStringLiteral("not grouped: ") + templates.value(t)
                    + QStringLiteral(" and ") + k);
            else
                templates.insert(t, k);
        }
    }
    for (const QString &id : std::as_const(unreachable)) {
        if (onPath.contains(id))
            out.append(QStringLiteral("unreachable and on the path: ") + id);
    }
    bool noPath = false;
    bool spof = false;
    for (const Finding &f : findings) {
        noPath = noPath || f.rule == QLatin1String("config.no-users");
        spof = spof || f.rule.startsWith(QLatin1String("spof."));
    }
    if (noPath && spof)
        out.append(QStringLiteral("no users, yet single points of failure"));
    return out;
}

} // namespace FindingChecks
