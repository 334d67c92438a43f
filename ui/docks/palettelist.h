// SPDX-License-Identifier: MIT
#pragma once

#include <QListWidget>

// The list in the palette: each entry is a kind (or the host frame) that drags onto the canvas
// as `application/x-toposcope-kind` carrying the kind name.
class PaletteList : public QListWidget
{
    Q_OBJECT

public:
    static constexpr int KindRole = Qt::UserRole + 1;

    explicit PaletteList(QWidget *parent = nullptr);

    static QString mimeType();

protected:
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;
    void startDrag(Qt::DropActions supportedActions) override;
};
