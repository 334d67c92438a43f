// SPDX-License-Identifier: MIT
#include "emptycanvashint.h"

#include "design/design.h"

#include <QEvent>
#include <QKeySequence>

EmptyCanvasHint::EmptyCanvasHint(Design *design, QWidget *viewport)
    : QLabel(viewport)
    , m_design(design)
{
    setObjectName(QStringLiteral("EmptyCanvasHint"));
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setForegroundRole(QPalette::PlaceholderText);
    // Clicks and drops go through to the canvas below.
    setAttribute(Qt::WA_TransparentForMouseEvents);
    const QString open = QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText);
    setText(tr("<p style='font-size:15pt; font-weight:600'>Start your design</p>"
               "<p>Drag a component from the palette onto the canvas,<br>"
               "or double-click it to place it here.</p>"
               "<p>To link two components, drag from the <b>edge</b> of one card to the "
               "other<br>(the border lights up where a link starts), or hold <b>Shift</b> and "
               "drag from anywhere on the card,<br>or turn on the <b>Link</b> tool in the "
               "toolbar (%2).<br>Dragging the middle of a card moves it.</p>"
               "<p>Open an existing design with %1.</p>")
                .arg(open, QKeySequence(Qt::CTRL | Qt::Key_K).toString(QKeySequence::NativeText)));
    viewport->installEventFilter(this);
    connect(m_design, &Design::changed, this, &EmptyCanvasHint::refresh);
    place();
    refresh();
}

bool EmptyCanvasHint::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parent() && event->type() == QEvent::Resize)
        place();
    return QLabel::eventFilter(watched, event);
}

void EmptyCanvasHint::refresh()
{
    const DesignData &d = m_design->data();
    setVisible(d.components.isEmpty() && d.hosts.isEmpty());
}

void EmptyCanvasHint::place()
{
    if (auto *viewport = parentWidget())
        setGeometry(viewport->rect().adjusted(40, 40, -40, -40));
}
