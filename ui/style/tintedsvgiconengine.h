// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QIconEngine>

// Draws a monochrome SVG (written with `currentColor`) in the text colour of the application
// palette at paint time, so one icon file is right in the light and the dark theme, enabled and
// disabled, at any scale.
class TintedSvgIconEngine : public QIconEngine
{
public:
    explicit TintedSvgIconEngine(QByteArray svg);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QIconEngine *clone() const override;
    QString key() const override;
    bool isNull() override;

private:
    QByteArray m_svg;
};
