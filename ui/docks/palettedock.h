// SPDX-License-Identifier: MIT
#pragma once

#include <QDockWidget>

class PaletteList;
class QLabel;
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
    /** The words the filter finds `kind` by: its names and description, the products and
     *  values of its properties (haproxy, mariadb, redis…) and common synonyms. */
    static QStringList searchTerms(const QString &kind);
    /** Shows only the entries matching `text` (the filter field's job; public for tests). */
    void applyFilter(const QString &text);
    /** The note shown when nothing matches, hidden otherwise. */
    QLabel *noMatchLabel() const { return m_noMatch; }

Q_SIGNALS:
    /** A kind name from the kind table, or hostKind(). */
    void kindActivated(const QString &kind);

private:
    QLineEdit *m_filter = nullptr;
    QLabel *m_noMatch = nullptr;
    PaletteList *m_list = nullptr;
};
