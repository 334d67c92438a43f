// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"
#include "mermaidgraph.h"

#include <QString>
#include <QStringList>
#include <QVariantMap>

/**
 * How Toposcope reads meaning into a Mermaid diagram drawn by a person: the component kind
 * (and its obvious properties: software, engine, database role, product) from the label, the
 * classes, an icon and the shape; the protocol, port, balancing algorithm, weight and backup
 * flag from an edge's text; a protocol from the kinds at both ends when the text names none.
 *
 * Labels are matched word by word, case-insensitively, in a fixed order of kinds so that
 * "Nginx load balancer" is a load balancer and "Application files" are files, not a server.
 * Trailing digits do not matter ("DB1", "lb2"). Only the first 2,000 characters of a text are
 * read, so the cost per label is bounded.
 */
namespace MermaidHeuristics {

struct ComponentGuess
{
    QString kind = QStringLiteral("generic");
    QVariantMap props; ///< only what the text says; the kind's defaults fill the rest
    bool fromText = false; ///< the kind came from the label, a class or an icon (not a default)
};

/** The component a node looks like. Classes named after a kind ("database", "lb") win. */
ComponentGuess guessComponent(
    const QString &label, Mermaid::Shape shape, const QString &icon, const QStringList &classes);

struct LinkGuess
{
    QString protocol; ///< empty: the text names none
    int port = 0; ///< 0: none given
    QString algorithm; ///< a load_balancer algorithm value, or empty
    int weight = -1; ///< -1: none given
    bool backup = false;
    bool tls = false;
    QString label; ///< what is left of the text once the recognised words are taken out
};

/**
 * Reads an edge text such as "HTTP/HTTPS", "Round Robin", "MySQL :3307, weight 2" or
 * "HTTPS, roundrobin — from the office". Text after " — " is the free label, verbatim.
 */
LinkGuess parseLinkText(const QString &text);

/** The first domain name (www.foobar.com) in `text`, or empty. */
QString domainIn(const QString &text);

} // namespace MermaidHeuristics
