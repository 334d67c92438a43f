// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

// The key to the live overlay, floating in a corner of the canvas: the colour of each status
// class and what one dot stands for. paintLegend() draws the same into an exported picture.
class LiveLegend : public QWidget
{
    Q_OBJECT

public:
    explicit LiveLegend(QWidget *viewport);

    void setText(const QString &text);
    QString text() const { return m_text; }
    QSize sizeHint() const override;

    /** Draws the legend with its top-left corner at `topLeft`, in `painter`'s coordinates. */
    static void paintLegend(
        QPainter *painter, QPointF topLeft, const QString &text, const QPalette &palette);
    static QSizeF legendSize(const QString &text, const QFont &font);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();

    QString m_text;
};
