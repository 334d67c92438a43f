// SPDX-License-Identifier: MIT
#include "findingscontroller.h"

#include "analysis/fixes.h"
#include "analysis/validationrunner.h"
#include "commands/applyeditscommand.h"
#include "commands/bindcommand.h"
#include "commands/setacceptedfindingscommand.h"
#include "design/design.h"
#include "docks/findingsdock.h"
#include "findings/severityicon.h"
#include "scene/designscene.h"
#include "scene/designview.h"

#include <QMouseEvent>
#include <QUndoStack>

#include <algorithm>

namespace {

// Badges list at most this many titles; a tooltip taller than the screen helps nobody.
constexpr int MaxTitlesPerBadge = 8;

// What the dock shows for each subject (labels, link ends), in order: a rename changes it even
// when the findings stay the same.
QStringList subjectNames(const QList<Finding> &findings, const DesignData &design)
{
    QHash<ElementId, QString> names;
    for (const Component &c : design.components)
        names.insert(c.id, c.label);
    for (const Host &h : design.hosts)
        names.insert(h.id, h.label);
    for (const Link &l : design.links)
        names.insert(l.id, names.value(l.from) + QStringLiteral("→") + names.value(l.to));
    QStringList result;
    for (const Finding &f : findings) {
        for (const QString &id : f.subjects)
            result.append(names.value(id));
    }
    return result;
}

} // namespace

FindingsController::FindingsController(Design *design,
    QUndoStack *stack,
    DesignScene *scene,
    DesignView *view,
    FindingsDock *dock,
    QObject *parent)
    : QObject(parent)
    , m_design(design)
    , m_stack(stack)
    , m_scene(scene)
    , m_view(view)
    , m_dock(dock)
    , m_runner(new ValidationRunner(this))
{
    // Moving cards changes no finding: a drag or a nudge does not revalidate. Every other change
    // does, whatever signal announced it (Design emits changed() right after each one).
    const auto moved = [this] { m_moveOnly = true; };
    connect(m_design, &Design::componentMoved, this, moved);
    connect(m_design, &Design::hostMoved, this, moved);
    connect(m_design, &Design::changed, this, &FindingsController::designChanged);
    connect(m_runner, &ValidationRunner::validated, this, &FindingsController::validated);

    connect(m_dock, &FindingsDock::findingSelected, this, &FindingsController::showSubjects);
    connect(m_dock, &FindingsDock::fixRequested, this, &FindingsController::fix);
    connect(m_dock, &FindingsDock::acceptRequested, this, &FindingsController::accept);
    connect(m_dock, &FindingsDock::reopenRequested, this, &FindingsController::reopen);
    m_view->viewport()->installEventFilter(this);

    m_runner->submit(m_design->data());
}

QList<Finding> FindingsController::allFindings() const
{
    QList<Finding> all = m_findings;
    for (const QList<Finding> &list : m_otherFindings)
        all += list;
    return all;
}

int FindingsController::count(Finding::Severity severity) const
{
    const QList<Finding> all = allFindings();
    return static_cast<int>(std::count_if(all.cbegin(), all.cend(), [severity](const Finding &f) {
        return !f.accepted && f.severity == severity;
    }));
}

int FindingsController::acceptedCount() const
{
    const QList<Finding> all = allFindings();
    return static_cast<int>(
        std::count_if(all.cbegin(), all.cend(), [](const Finding &f) { return f.accepted; }));
}

void FindingsController::setFindings(const QString &producer, const QList<Finding> &findings)
{
    if (m_otherFindings.value(producer) == findings)
        return;
    if (findings.isEmpty())
        m_otherFindings.remove(producer);
    else
        m_otherFindings.insert(producer, findings);
    m_dock->setFindings(producer, findings);
    showBadges();
    Q_EMIT findingsChanged();
}

void FindingsController::showBadges()
{
    QHash<ElementId, Badge> badges = badgesFor(allFindings());
    if (badges != m_badges) {
        m_badges = std::move(badges);
        m_scene->setBadges(m_badges);
    }
}

QHash<ElementId, Badge> FindingsController::badgesFor(const QList<Finding> &findings)
{
    QHash<ElementId, Badge> badges;
    QHash<ElementId, QStringList> titles;
    for (const Finding &f : findings) {
        if (f.accepted)
            continue;
        const QString line
            = QStringLiteral("<span style=\"color:%1\">●</span>&nbsp;%2")
                  .arg(SeverityIcon::color(f.severity).name(), f.title.toHtmlEscaped());
        for (const ElementId &id : std::as_const(f.subjects)) {
            Badge &b = badges[id];
            b.severity = std::max(b.severity, static_cast<int>(f.severity));
            ++b.count;
            QStringList &lines = titles[id];
            if (lines.size() < MaxTitlesPerBadge)
                lines.append(line);
        }
    }
    for (auto it = badges.begin(); it != badges.end(); ++it) {
        QStringList lines = titles.value(it.key());
        if (it->count > lines.size())
            lines.append(tr("… and %n more", nullptr, it->count - int(lines.size())));
        it->toolTip = lines.join(QStringLiteral("<br>"));
    }
    return badges;
}

void FindingsController::designChanged()
{
    if (std::exchange(m_moveOnly, false))
        return;
    // A copy of the data is cheap (implicitly shared lists); the design detaches on its next edit.
    m_runner->submit(m_design->data());
}

void FindingsController::validated(const QList<Finding> &findings, const DesignData &snapshot)
{
    const QStringList names = subjectNames(findings, snapshot);
    if (m_hasResult && findings == m_findings && names == m_subjectNames)
        return;
    m_hasResult = true;
    m_findings = findings;
    m_subjectNames = names;
    m_dock->setFindings(findings, snapshot);
    showBadges();
    Q_EMIT findingsChanged();
}

void FindingsController::fix(const Finding &finding)
{
    // The finding comes from the last validation; the fix applies to the design as it is now.
    Fixes::Result result = Fixes::apply(m_design->data(), finding);
    if (!result.ok) {
        Q_EMIT messageRaised(
            tr("“%1” has no one-click fix in the design as it is now.").arg(finding.title));
        return;
    }
    const QString text = result.text;
    // The highlight belongs to the finding being fixed; the new elements should not start dimmed.
    m_scene->highlight({});
    // Only what the fix changes: the canvas keeps every other item (and the live overlay).
    const DesignDiff diff = DesignDiff::between(m_design->data(), result.design);
    if (!diff.complete) {
        Q_EMIT messageRaised(tr("“%1” cannot be fixed in one step here: the fix would change %2.")
                                 .arg(finding.title, diff.unsupported.join(QStringLiteral(", "))));
        return;
    }
    QList<ElementId> added;
    for (const ElementId &id : diff.addedIds()) {
        if (!m_design->contains(id))
            added.append(id);
    }
    // The elements, then the live bindings to the design's own sources (a server its balancer
    // reports) in the same step; bindings to sources the design does not hold (the lab's) are
    // the live view's alone.
    QList<Binding> saved;
    for (const Binding &b : std::as_const(result.bindings)) {
        if (m_design->data().source(b.source))
            saved.append(b);
    }
    if (saved.isEmpty()) {
        m_stack->push(new ApplyEditsCommand(m_design, diff.edits, text));
    } else {
        auto *step = new QUndoCommand(text);
        new ApplyEditsCommand(m_design, diff.edits, text, step);
        new BindCommand(m_design, saved, step);
        m_stack->push(step);
    }
    if (!result.bindings.isEmpty())
        Q_EMIT bindingsMade(result.bindings);
    // What the fix added is selected, so the user sees where it went.
    if (!added.isEmpty()) {
        m_scene->selectIds(added);
        bringIntoSight(added);
    }
    Q_EMIT messageRaised(tr("Fixed: %1").arg(text));
}

void FindingsController::accept(const Finding &finding, const QString &reason)
{
    m_stack->push(SetAcceptedFindingsCommand::accept(
        m_design, finding.rule, finding.subjects, reason, finding.title));
}

void FindingsController::reopen(const Finding &finding)
{
    m_stack->push(SetAcceptedFindingsCommand::reopen(
        m_design, finding.rule, finding.subjects, finding.title));
}

void FindingsController::showSubjects(const QStringList &ids)
{
    m_scene->highlight(ids);
    if (ids.isEmpty())
        return;
    m_scene->selectIds(ids);
    bringIntoSight(ids);
}

// Scrolls only when something is out of sight, zooming out if the subjects do not fit: going
// through the findings one by one should not make the canvas jump about.
void FindingsController::bringIntoSight(const QStringList &ids)
{
    const QRectF rect = m_scene->elementsRect(ids);
    if (rect.isEmpty())
        return;
    const QRect viewport = m_view->viewport()->rect();
    if (m_view->mapToScene(viewport).boundingRect().contains(rect))
        return;
    constexpr qreal Margin = 40;
    const QRectF wanted = rect.adjusted(-Margin, -Margin, Margin, Margin);
    const double fit
        = std::min(viewport.width() / wanted.width(), viewport.height() / wanted.height());
    if (fit < m_view->zoom())
        m_view->setZoom(std::max(fit, DesignView::MinimumZoom));
    m_view->centerOn(rect.center());
}

bool FindingsController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::MouseButtonPress) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const QPointF at = m_view->mapToScene(mouse->position().toPoint());
        if (mouse->button() == Qt::LeftButton && !m_scene->elementItemAt(at))
            m_dock->clearCurrent();
    }
    return QObject::eventFilter(watched, event);
}
