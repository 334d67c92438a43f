// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"
#include "design/kinds.h"

// The one way test designs make a component: every property of its kind at its default, as
// Design::addComponent would give it.
namespace ElementBuilder {

inline Component component(
    const QString &id, const QString &kind, const QString &label, const QString &host = QString())
{
    Component c;
    c.id = id;
    c.kind = kind;
    c.label = label;
    c.host = host;
    c.props = Kinds::defaults(kind);
    return c;
}

} // namespace ElementBuilder
