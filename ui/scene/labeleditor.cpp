// SPDX-License-Identifier: MIT
#include "labeleditor.h"

#include "scenelayer.h"

#include <QGraphicsScene>
#include <QKeyEvent>
#include <QPainter>
#include <QPalette>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextOption>

LabelEditor::LabelEditor(const QString &text,
    const QRectF &sceneRect,
    const QFont &font,
    const QColor &textColor,
    Qt::Alignment alignment)
{
    setPlainText(text);
    setFont(font);
    setDefaultTextColor(textColor);
    setTextInteractionFlags(Qt::TextEditorInteraction);
    setZValue(layerZ(SceneLayer::Editor));
    QTextOption option = document()->defaultTextOption();
    option.setAlignment(alignment);
    option.setWrapMode(QTextOption::NoWrap);
    document()->setDefaultTextOption(option);
    document()->setDocumentMargin(2);
    setTextWidth(sceneRect.width());
    setPos(sceneRect.left(), sceneRect.center().y() - boundingRect().height() / 2);
    QTextCursor cursor(document());
    cursor.select(QTextCursor::Document);
    setTextCursor(cursor);
}

QRectF LabelEditor::boundingRect() const
{
    return QGraphicsTextItem::boundingRect().adjusted(-2, -1, 2, 1);
}

void LabelEditor::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(palette.color(QPalette::Highlight), 1.5));
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(boundingRect().adjusted(0.75, 0.75, -0.75, -0.75), 4, 4);
    QGraphicsTextItem::paint(painter, option, widget);
}

void LabelEditor::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        finish();
        return;
    case Qt::Key_Escape:
        if (!m_done) {
            m_done = true;
            Q_EMIT cancelled();
        }
        return;
    default:
        QGraphicsTextItem::keyPressEvent(event);
    }
}

void LabelEditor::focusOutEvent(QFocusEvent *event)
{
    QGraphicsTextItem::focusOutEvent(event);
    finish();
}

void LabelEditor::finish()
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT finished(toPlainText().simplified());
}
