// SPDX-License-Identifier: MIT
#include "palettelist.h"

#include <QDrag>
#include <QMimeData>

PaletteList::PaletteList(QWidget *parent)
    : QListWidget(parent)
{
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setDefaultDropAction(Qt::CopyAction);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformItemSizes(true);
    setFrameShape(QFrame::NoFrame);
}

QString PaletteList::mimeType()
{
    return QStringLiteral("application/x-toposcope-kind");
}

QStringList PaletteList::mimeTypes() const
{
    return { mimeType() };
}

QMimeData *PaletteList::mimeData(const QList<QListWidgetItem *> &items) const
{
    if (items.isEmpty())
        return nullptr;
    const QString kind = items.constFirst()->data(KindRole).toString();
    if (kind.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(mimeType(), kind.toUtf8());
    return mime;
}

void PaletteList::startDrag(Qt::DropActions supportedActions)
{
    QListWidgetItem *item = currentItem();
    if (!item || item->data(KindRole).toString().isEmpty())
        return;
    QMimeData *mime = mimeData({ item });
    if (!mime)
        return;
    auto *drag = new QDrag(this);
    drag->setMimeData(mime);
    // The icon alone reads better under the cursor than the whole row.
    const int size = 40;
    drag->setPixmap(item->icon().pixmap(QSize(size, size), devicePixelRatioF()));
    drag->setHotSpot(QPoint(size / 2, size / 2));
    drag->exec(
        supportedActions & Qt::CopyAction ? Qt::CopyAction : supportedActions, Qt::CopyAction);
}
