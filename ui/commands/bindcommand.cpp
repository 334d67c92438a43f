// SPDX-License-Identifier: MIT
#include "bindcommand.h"

#include "commandnames.h"
#include "design/design.h"

#include <QCoreApplication>
#include <QSet>

BindCommand::BindCommand(Design *design, QList<Binding> bindings, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_design(design)
    , m_bindings(std::move(bindings))
{
    QSet<QString> sources;
    QList<ElementId> elements;
    for (const Binding &b : std::as_const(m_bindings)) {
        sources.insert(b.source);
        if (!elements.contains(b.element))
            elements.append(b.element);
    }
    const QString source = sources.size() == 1
        ? *sources.cbegin()
        : QCoreApplication::translate("Commands", "%1 sources").arg(sources.size());
    if (m_bindings.size() == 1 && !m_bindings.constFirst().key.isEmpty())
        setText(QCoreApplication::translate("Commands", "Bind %1 to %2 %3")
                    .arg(CommandNames::nameOf(design, elements.constFirst()),
                        source,
                        m_bindings.constFirst().key));
    else
        setText(QCoreApplication::translate("Commands", "Bind %1 to %2")
                    .arg(CommandNames::nameOfAll(design, elements), source));
}

void BindCommand::redo()
{
    m_added.clear();
    m_replaced.clear();
    m_refused = 0;
    m_firstError.clear();
    for (const Binding &b : std::as_const(m_bindings)) {
        const qsizetype at = m_design->bindingIndex(b.source, b.key);
        if (at >= 0) {
            const Binding old = m_design->data().bindings.at(at);
            if (old.element == b.element)
                continue;
            m_replaced.append({ at, old });
            m_design->unbind(b.source, b.key);
        }
        QString error;
        if (m_design->bind(b, at, &error)) {
            m_added.append(b);
        } else {
            if (m_firstError.isEmpty())
                m_firstError = error;
            ++m_refused;
        }
    }
    if (m_added.isEmpty() && m_replaced.isEmpty())
        setObsolete(true);
}

void BindCommand::undo()
{
    for (auto it = m_added.crbegin(); it != m_added.crend(); ++it)
        m_design->unbind(it->source, it->key);
    for (auto it = m_replaced.crbegin(); it != m_replaced.crend(); ++it)
        m_design->bind(it->second, it->first);
}
