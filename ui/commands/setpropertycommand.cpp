// SPDX-License-Identifier: MIT
#include "setpropertycommand.h"

#include "commandnames.h"
#include "design/design.h"
#include "design/kinds.h"

#include <QCoreApplication>

namespace {
QString displayNameOf(const Design *design, const QList<ElementId> &ids, const QString &name)
{
    for (const ElementId &id : ids) {
        if (const Component *c = design->component(id)) {
            const Kinds::KindSpec *kind = Kinds::find(c->kind);
            if (const Kinds::PropertySpec *spec = kind ? kind->property(name) : nullptr)
                return spec->displayName;
        }
    }
    for (const Kinds::PropertySpec &spec : Kinds::linkProperties() + Kinds::hostProperties()) {
        if (spec.name == name)
            return spec.displayName;
    }
    return name;
}
} // namespace

SetPropertyCommand::SetPropertyCommand(
    Design *design, QList<ElementId> ids, QString name, QVariant value, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_design(design)
    , m_ids(std::move(ids))
    , m_name(std::move(name))
    , m_value(std::move(value))
{
    setText(QCoreApplication::translate("Commands", "Set %1 of %2")
                .arg(displayNameOf(design, m_ids, m_name), CommandNames::nameOfAll(design, m_ids)));
}

QVariant SetPropertyCommand::currentValue(const ElementId &id) const
{
    if (const Component *c = m_design->component(id))
        return c->props.value(m_name);
    if (const Host *h = m_design->host(id))
        return h->props.value(m_name);
    if (const Link *l = m_design->link(id)) {
        if (m_name == QLatin1String("protocol"))
            return l->protocol;
        if (m_name == QLatin1String("port"))
            return l->port;
        return l->props.value(m_name);
    }
    return {};
}

bool SetPropertyCommand::applyTo(const ElementId &id, const QVariant &value)
{
    if (m_design->component(id))
        return m_design->setComponentProperty(id, m_name, value);
    if (m_design->host(id))
        return m_design->setHostProperty(id, m_name, value);
    if (m_design->link(id)) {
        if (m_name == QLatin1String("protocol"))
            return m_design->setLinkProtocol(id, value.toString());
        if (m_name == QLatin1String("port")) {
            bool ok = false;
            const int port = value.toInt(&ok);
            if (!ok || port < 0 || port > 65535)
                return false;
            m_design->setLinkPort(id, port);
            return true;
        }
        return m_design->setLinkProperty(id, m_name, value);
    }
    return false;
}

void SetPropertyCommand::redo()
{
    const bool first = m_changed.isEmpty() && m_oldValues.isEmpty();
    if (!first) {
        for (const ElementId &id : std::as_const(m_changed))
            applyTo(id, m_value);
        return;
    }
    for (const ElementId &id : std::as_const(m_ids)) {
        if (!m_design->contains(id))
            continue;
        const QVariant before = currentValue(id);
        Link oldLink;
        if (const Link *l = m_design->link(id))
            oldLink = *l;
        if (!applyTo(id, m_value) || currentValue(id) == before)
            continue;
        m_changed.append(id);
        m_oldValues.insert(id, before);
        if (!oldLink.id.isEmpty())
            m_oldLinks.insert(id, oldLink);
    }
    if (m_changed.isEmpty())
        setObsolete(true);
}

void SetPropertyCommand::undo()
{
    for (const ElementId &id : std::as_const(m_changed)) {
        const auto link = m_oldLinks.constFind(id);
        if (link == m_oldLinks.cend()) {
            applyTo(id, m_oldValues.value(id));
            continue;
        }
        m_design->setLinkProtocol(id, link->protocol);
        m_design->setLinkPort(id, link->port);
        for (auto it = link->props.cbegin(); it != link->props.cend(); ++it)
            m_design->setLinkProperty(id, it.key(), it.value());
    }
}
