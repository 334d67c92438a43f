// SPDX-License-Identifier: MIT
#pragma once

#include <QDockWidget>

class PaletteList;
class QLineEdit;

// The palette of what can be placed: every component kind and the host frame. Entries drag onto
// the canvas; double-click or Enter asks for one at the centre of the view (kindActivated).
class PaletteDock : public QDockWidget
{
    Q_OBJECT

public:
    /** The name the palette and the drop MIME data use for a host frame. */
    static QString hostKind();

    explicit PaletteDock(QWidget *parent = nullptr);

    PaletteList *list() const { return m_list; }

Q_SIGNALS:
    /** A kind name from the kind table, or hostKind(). */
    void kindActivated(const QString &kind);

private:
    void applyFilter(const QString &text);

    QLineEdit *m_filter = nullptr;
    PaletteList *m_list = nullptr;
};
