// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QDockWidget>
#include <QList>

class CommitTextEdit;
class Design;
class PropertyField;
class QFormLayout;
class QLabel;
class QLineEdit;
class QScrollArea;
class QUndoStack;

namespace Kinds {
struct PropertySpec;
}

// The inspector: typed editors for the selected elements, driven by the kind table. One
// component, host or link shows all its properties and its label; several of one type show the
// properties they share (values that differ read "Mixed") and an edit sets them on all; nothing
// selected shows the design's name, domain and description. Every edit is one undo command; the
// dock reads the model back on its change signals, so undo and redo show here too.
class PropertyDock : public QDockWidget
{
    Q_OBJECT

public:
    PropertyDock(Design *design, QUndoStack *stack, QWidget *parent = nullptr);

    void setSelection(const QList<ElementId> &ids);
    QList<ElementId> selection() const { return m_ids; }

    /** The editor of property `name` (or "label", "name", "domain", "description") shown now,
     *  or nullptr. */
    QWidget *editor(const QString &name) const;
    /** The heading of the form, e.g. "HAProxy" or "2 web servers". */
    QString title() const;

private:
    enum class Subject { Design, Components, Hosts, Links, Mixed };

    void rebuild();
    void refresh();
    void buildHeader(const QIcon &icon,
        const QString &title,
        const QString &subtitle,
        const QString &description);
    void buildDesignForm();
    void buildElementForm();
    void addSection(const QString &text);
    PropertyField *addField(const Kinds::PropertySpec &spec);
    QList<Kinds::PropertySpec> sharedSpecs() const;
    QVariant valueOf(const ElementId &id, const QString &name) const;
    QString labelOf(const ElementId &id) const;
    void applyProperty(const QString &name, const QVariant &value);
    void applyLabel();
    void applyInfo(const QString &field, const QString &value);
    void elementChanged(const ElementId &id);
    void elementRemoved(const ElementId &id);

    Design *m_design = nullptr;
    QUndoStack *m_stack = nullptr;
    QList<ElementId> m_ids;
    Subject m_subject = Subject::Design;

    QScrollArea *m_scroll = nullptr;
    QWidget *m_page = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLineEdit *m_label = nullptr;
    QList<PropertyField *> m_fields;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_domain = nullptr;
    CommitTextEdit *m_description = nullptr;
    QLabel *m_summary = nullptr;
    QString m_formKey; ///< the kinds (and guesses) the component form was built for
};
