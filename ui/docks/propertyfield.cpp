// SPDX-License-Identifier: MIT
#include "propertyfield.h"

#include "design/limits.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>

using Kinds::PropertyType;

namespace {

QString listText(const QStringList &list)
{
    return list.join(QStringLiteral(", "));
}

QStringList parseList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty())
            out.append(trimmed);
    }
    return out;
}

} // namespace

PropertyField::PropertyField(Kinds::PropertySpec spec, QObject *parent)
    : QObject(parent)
    , m_spec(std::move(spec))
{
    buildWidget();
}

void PropertyField::buildWidget()
{
    const QString tip = m_spec.description;
    switch (m_spec.type) {
    case PropertyType::Bool: {
        auto *box = new QCheckBox;
        // As wide as the box and its text, so the empty space beside it is not clickable.
        box->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
        // As tall as the other editors, so the rows of the form are evenly spaced.
        box->setMinimumHeight(QLineEdit().sizeHint().height());
        connect(box, &QCheckBox::clicked, this, [this, box] {
            // A click on a "mixed" box sets every element to checked.
            const bool on = box->checkState() != Qt::Unchecked;
            box->setTristate(false);
            box->setCheckState(on ? Qt::Checked : Qt::Unchecked);
            report(on);
        });
        m_widget = box;
        break;
    }
    case PropertyType::Int: {
        auto *spin = new QSpinBox;
        spin->setKeyboardTracking(false);
        spin->setAccelerated(true);
        if (!m_spec.unit.isEmpty())
            spin->setSuffix(QStringLiteral(" ") + m_spec.unit);
        spin->setRange(
            m_spec.minimum, m_spec.maximum > m_spec.minimum ? m_spec.maximum : 1'000'000'000);
        connect(spin, &QSpinBox::valueChanged, this, [this](int value) {
            if (value >= m_spec.minimum)
                report(value);
        });
        m_widget = spin;
        break;
    }
    case PropertyType::Enum:
    case PropertyType::ComponentRef: {
        auto *combo = new QComboBox;
        combo->setPlaceholderText(tr("Mixed"));
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(8);
        connect(combo, &QComboBox::activated, this, [this, combo](int index) {
            if (index >= 0)
                report(combo->itemData(index));
        });
        m_widget = combo;
        fillChoices();
        break;
    }
    case PropertyType::String:
    case PropertyType::StringList: {
        auto *edit = new QLineEdit;
        if (m_spec.type == PropertyType::StringList)
            edit->setPlaceholderText(tr("comma separated"));
        else
            edit->setMaxLength(Limits::MaxPropertyLength); // what the design can keep
        connect(edit, &QLineEdit::editingFinished, this, [this, edit] {
            if (!edit->isModified())
                return;
            edit->setModified(false);
            if (m_spec.type == PropertyType::StringList)
                report(parseList(edit->text()));
            else
                report(edit->text().trimmed());
        });
        m_widget = edit;
        break;
    }
    }
    m_widget->setToolTip(tip);
    m_widget->setObjectName(m_spec.name);
    m_widget->setAccessibleName(m_spec.displayName);
}

void PropertyField::setValueLabels(const QHash<QString, QString> &labels)
{
    m_labels = labels;
    fillChoices();
    showValue();
}

void PropertyField::setComponentChoices(const QList<QPair<QString, QString>> &choices)
{
    if (choices == m_components)
        return;
    m_components = choices;
    fillChoices();
    showValue();
}

void PropertyField::fillChoices()
{
    auto *combo = qobject_cast<QComboBox *>(m_widget);
    if (!combo)
        return;
    const QSignalBlocker blocker(combo);
    combo->clear();
    if (m_spec.type == PropertyType::Enum) {
        for (const QString &value : std::as_const(m_spec.values))
            combo->addItem(m_labels.value(value, value), value);
    } else {
        combo->addItem(tr("(none)"), QString());
        for (const auto &[id, label] : std::as_const(m_components))
            combo->addItem(label == id ? id : QStringLiteral("%1 (%2)").arg(label, id), id);
    }
}

void PropertyField::setValues(const QVariantList &values)
{
    m_mixed = false;
    m_value = values.value(0);
    for (qsizetype i = 1; i < values.size(); ++i) {
        if (values.at(i) != m_value) {
            m_mixed = true;
            break;
        }
    }
    showValue();
}

void PropertyField::showValue()
{
    const QSignalBlocker blocker(m_widget);
    switch (m_spec.type) {
    case PropertyType::Bool: {
        auto *box = static_cast<QCheckBox *>(m_widget);
        box->setTristate(m_mixed);
        box->setCheckState(
            m_mixed ? Qt::PartiallyChecked : (m_value.toBool() ? Qt::Checked : Qt::Unchecked));
        box->setText(m_mixed ? tr("Mixed") : QString());
        break;
    }
    case PropertyType::Int: {
        auto *spin = static_cast<QSpinBox *>(m_widget);
        // "Mixed" is a value just below the range that the spin box shows as text.
        spin->setSpecialValueText(m_mixed ? tr("Mixed") : QString());
        spin->setMinimum(m_mixed ? m_spec.minimum - 1 : m_spec.minimum);
        spin->setValue(m_mixed ? m_spec.minimum - 1 : m_value.toInt());
        break;
    }
    case PropertyType::Enum:
    case PropertyType::ComponentRef: {
        auto *combo = static_cast<QComboBox *>(m_widget);
        combo->setCurrentIndex(m_mixed ? -1 : combo->findData(m_value.toString()));
        break;
    }
    case PropertyType::String:
    case PropertyType::StringList: {
        auto *edit = static_cast<QLineEdit *>(m_widget);
        // Do not pull the text from under a user who is typing.
        if (edit->hasFocus() && edit->isModified())
            break;
        const QString text = m_spec.type == PropertyType::StringList
            ? listText(m_value.toStringList())
            : m_value.toString();
        edit->setText(m_mixed ? QString() : text);
        edit->setModified(false);
        if (m_mixed)
            edit->setPlaceholderText(tr("Mixed"));
        else if (m_spec.type == PropertyType::StringList)
            edit->setPlaceholderText(tr("comma separated"));
        else
            edit->setPlaceholderText(QString());
        break;
    }
    }
}

void PropertyField::report(const QVariant &value)
{
    Q_EMIT edited(m_spec.name, value);
}
