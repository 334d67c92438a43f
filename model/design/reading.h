// SPDX-License-Identifier: MIT
#pragma once

#include "elements.h"

#include <QString>

/**
 * What an importer guessed about a component, kept with it so that a finding can say "read as a
 * monitoring agent from its label" and the user can correct the guess. A note lives in the
 * component's `extra` object under "reading" ({"kind": why, "role": why}), so it is saved in
 * the .topo file and written into Mermaid exports; setting the kind (or the role) by hand
 * clears the note, and nothing ever guesses again over what the user chose.
 *
 * "Role" covers what a component is within its kind: a database's role, a monitoring mode, a
 * load balancer that also filters traffic.
 */
namespace Reading {

/** Why the kind of `c` is a guess, or empty when nobody guessed (or the user confirmed it). */
QString kindGuess(const Component &c);
/** Why the role of `c` is a guess, or empty. */
QString roleGuess(const Component &c);
void setKindGuess(Component *c, const QString &why);
void setRoleGuess(Component *c, const QString &why);
/** The user chose the kind: no guess is left (the role guess goes too, it depended on it). */
void confirmKind(Component *c);
void confirmRole(Component *c);
/** Setting this property of a component is choosing its role. */
bool isRoleProperty(const QString &property);

} // namespace Reading
