// SPDX-License-Identifier: MIT
#pragma once

#include "design/kinds.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QVariant>

class QWidget;

// One row of the property editor: the editor the spec's type calls for (Enum → combo box,
// Bool → check box, Int → spin box with the unit, String → line edit, StringList → comma
// separated line edit, ComponentRef → combo box of the design's components). Shows the values
// of all selected elements, "Mixed" when they differ, and reports a user's edit once.
class PropertyField : public QObject
{
    Q_OBJECT

public:
    PropertyField(Kinds::PropertySpec spec, QObject *parent = nullptr);

    const Kinds::PropertySpec &spec() const { return m_spec; }
    /** The editor; the caller puts it in a layout, which takes ownership. */
    QWidget *widget() const { return m_widget; }

    /** Display texts for Enum values (e.g. protocol names); values without one show as is. */
    void setValueLabels(const QHash<QString, QString> &labels);
    /** The components a ComponentRef may name, as (id, label). */
    void setComponentChoices(const QList<QPair<QString, QString>> &choices);
    /** Shows the values of the selected elements: their common value, or "Mixed". */
    void setValues(const QVariantList &values);
    bool isMixed() const { return m_mixed; }

Q_SIGNALS:
    void edited(const QString &name, const QVariant &value);

private:
    void buildWidget();
    void fillChoices();
    void showValue();
    void report(const QVariant &value);

    Kinds::PropertySpec m_spec;
    QWidget *m_widget = nullptr;
    QHash<QString, QString> m_labels;
    QList<QPair<QString, QString>> m_components;
    QVariant m_value;
    bool m_mixed = false;
};
