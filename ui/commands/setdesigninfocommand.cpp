// SPDX-License-Identifier: MIT
#include "setdesigninfocommand.h"

#include "design/design.h"

#include <QCoreApplication>

SetDesignInfoCommand::SetDesignInfoCommand(
    Design *design, QString field, QString value, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_design(design)
    , m_field(std::move(field))
    , m_newValue(std::move(value))
{
    m_oldValue = current();
    if (m_field == QLatin1String("name"))
        setText(QCoreApplication::translate("Commands", "Rename design to %1").arg(m_newValue));
    else if (m_field == QLatin1String("domain"))
        setText(QCoreApplication::translate("Commands", "Set domain to %1").arg(m_newValue));
    else
        setText(QCoreApplication::translate("Commands", "Edit description"));
}

QString SetDesignInfoCommand::current() const
{
    if (m_field == QLatin1String("name"))
        return m_design->name();
    if (m_field == QLatin1String("domain"))
        return m_design->domain();
    if (m_field == QLatin1String("description"))
        return m_design->description();
    return {};
}

void SetDesignInfoCommand::apply(const QString &value)
{
    if (m_field == QLatin1String("name"))
        m_design->setName(value);
    else if (m_field == QLatin1String("domain"))
        m_design->setDomain(value);
    else if (m_field == QLatin1String("description"))
        m_design->setDescription(value);
}

bool SetDesignInfoCommand::mergeWith(const QUndoCommand *other)
{
    if (other->id() != id())
        return false;
    const auto *info = static_cast<const SetDesignInfoCommand *>(other);
    if (info->m_design != m_design || info->m_field != m_field)
        return false;
    m_newValue = info->m_newValue;
    setText(info->text());
    setObsolete(m_newValue == m_oldValue);
    return true;
}

void SetDesignInfoCommand::redo()
{
    const bool known = m_field == QLatin1String("name") || m_field == QLatin1String("domain")
        || m_field == QLatin1String("description");
    if (!known || m_newValue == m_oldValue) {
        setObsolete(true);
        return;
    }
    apply(m_newValue);
}

void SetDesignInfoCommand::undo()
{
    apply(m_oldValue);
}
