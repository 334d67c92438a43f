// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

/**
 * One thing wrong with a design, as the validator reports it and the findings dock, the report
 * and the command line show it. `rule` is a stable id ("spof.component"); `subjects` are element
 * ids of the design (components, hosts or links), the first being the one the finding is about.
 * Text is written for a learner: the title in one line, the explanation says what fails, what the
 * user sees and why it matters, the fix says what to change.
 */
struct Finding
{
    /** The static categories come from reading the design (the validator); Live findings come
     *  from watching the running servers (what they do against what the design says). */
    enum class Category { Spof, Security, Monitoring, Config, Live };
    enum class Severity { Info, Warning, Critical };

    QString rule;
    Category category = Category::Config;
    Severity severity = Severity::Warning;
    QStringList subjects;
    QString title;
    QString explanation;
    QString fix;
    bool fixable = false; ///< a one-click fix exists (see the validator's fix function)
    /** What the fix needs that the subjects do not say; live.server-not-in-design: the source,
     *  the key ("backend/server") and the address the balancer reports. */
    QStringList fixArguments;
    bool accepted = false; ///< the design's accepted_findings holds this rule and these subjects
    QString acceptedReason;

    bool operator==(const Finding &) const = default;

    static QString categoryName(Category c); ///< "spof", "security", "monitoring", "config", "live"
    static QString severityName(Severity s); ///< "info", "warning", "critical"
    /** The severity named `name` ("info", "warning", "critical"); false if there is none. */
    static bool severityFromName(const QString &name, Severity *out);
    /** "Availability", "Security", "Monitoring", "Configuration", "Live": for headings. */
    static QString categoryTitle(Category c);
};

Q_DECLARE_METATYPE(Finding)
