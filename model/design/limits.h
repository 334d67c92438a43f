// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

/**
 * The sizes a design may have, in one place: the `.topo` reader refuses what exceeds them (with
 * the field and the limit), the writer refuses to write what it could not read back, the
 * Mermaid reader keeps to them, and Design's setters cut longer text. Real designs are far
 * below; the bounds keep a hostile or broken file from costing minutes or gigabytes later, when
 * it is drawn, validated or exported. Lengths are in characters (UTF-16 code units), positions
 * in scene pixels. docs/file-format.md lists them for users.
 */
namespace Limits {

/** Element ids, kind and protocol names, rule ids. */
constexpr int MaxIdLength = 256;
/** Labels of components, hosts and links; the design's name and domain. */
constexpr int MaxLabelLength = 1024;
/** The value of a text property (e.g. a generic component's description), and each item of a
 *  list of text. */
constexpr int MaxPropertyLength = 4096;
/** Items in a list-of-text property (e.g. a firewall's allowed ports). */
constexpr int MaxListItems = 1024;
/** Long free text: the design's description, the reason a finding was accepted. */
constexpr int MaxTextLength = 65536;
/** Every coordinate is within ±MaxCoordinate. */
constexpr double MaxCoordinate = 1e7;

} // namespace Limits
