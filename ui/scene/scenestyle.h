// SPDX-License-Identifier: MIT
#pragma once

#include "badge.h"
#include "kindiconcache.h"

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QPointF>

class QPainter;

namespace Kinds {
enum class Tier;
}

// Colours, fonts and switches shared by every item of one scene, worked out once from the
// palette (so a dark palette gives a dark canvas) instead of in each paint().
struct SceneStyle
{
    void setPalette(const QPalette &palette, const QFont &font);
    /** Draws a findings counter whose top-right corner is at `topRight`. */
    void paintBadge(QPainter *painter, const Badge &badge, QPointF topRight) const;

    static QColor tierColor(Kinds::Tier tier);
    static QColor kindColor(const QString &kind);
    static QColor severityColor(int severity);
    static QColor mix(const QColor &a, const QColor &b, qreal t);

    bool dark = false;
    QColor canvas;
    QColor gridDot;
    QColor cardFill;
    QColor cardBorder;
    QColor shadow;
    QColor text;
    QColor mutedText;
    QColor selection;
    QColor highlightHalo;
    QColor link;
    QColor linkLabelFill;
    QColor linkLabelBorder;
    QColor linkLabelText;
    QColor hostFill;
    QColor hostTitleFill;
    QColor hostBorder;
    QColor hostText;
    QColor dropTarget;

    QFont labelFont;
    QFont subtitleFont;
    QFont linkFont;
    QFont hostFont;
    QFont badgeFont;

    // Exporting draws no hover, selection or port decorations and no cached pixmaps, so PNG and
    // SVG show the diagram itself (and SVG keeps text as text).
    bool exportMode = false;
    bool badgesVisible = true;
    bool highlighting = false; ///< some ids are highlighted: the others are drawn dimmed
    bool linking = false; ///< the Link tool is on: a drag from anywhere on a card links
    mutable KindIconCache icons; // a cache: filling it does not change the style
};
