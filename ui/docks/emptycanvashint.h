// SPDX-License-Identifier: MIT
#pragma once

#include <QLabel>

class Design;

// A friendly note in the middle of an empty canvas saying how to start; it hides itself as soon
// as the design has anything in it.
class EmptyCanvasHint : public QLabel
{
    Q_OBJECT

public:
    /** Lies over `viewport` (the view's viewport), following its size. */
    EmptyCanvasHint(Design *design, QWidget *viewport);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();
    void place();

    Design *m_design = nullptr;
};
