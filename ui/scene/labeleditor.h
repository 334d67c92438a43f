// SPDX-License-Identifier: MIT
#pragma once

#include <QGraphicsTextItem>

// The in-place editor for a label: a one-line text item over the element's label. Enter (or
// clicking elsewhere) finishes with the text, Escape abandons; the scene turns a finish into
// one RenameCommand.
class LabelEditor : public QGraphicsTextItem
{
    Q_OBJECT

public:
    LabelEditor(const QString &text,
        const QRectF &sceneRect,
        const QFont &font,
        const QColor &textColor,
        Qt::Alignment alignment);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

Q_SIGNALS:
    void finished(const QString &text);
    void cancelled();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void finish();

    bool m_done = false;
};
