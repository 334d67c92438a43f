// SPDX-License-Identifier: MIT
#include "kindicons.h"

#include "actionicons.h"
#include "design/kinds.h"
#include "scene/scenestyle.h"

#include <QFile>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace KindIcons {

namespace {

QString initials(const QString &displayName)
{
    const QStringList words = displayName.split(u' ', Qt::SkipEmptyParts);
    if (words.size() >= 2)
        return QString(words.at(0).front()).toUpper() + QString(words.at(1).front()).toUpper();
    return displayName.left(2);
}

QPixmap badge(const Kinds::KindSpec &kind, int size)
{
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r(size * 0.06, size * 0.06, size * 0.88, size * 0.88);
    p.setPen(Qt::NoPen);
    p.setBrush(SceneStyle::kindColor(kind.name));
    p.drawRoundedRect(r, size * 0.2, size * 0.2);
    QFont font;
    font.setBold(true);
    font.setPixelSize(qMax(6, int(size * 0.4)));
    p.setFont(font);
    p.setPen(Qt::white);
    p.drawText(r, Qt::AlignCenter, initials(kind.displayName));
    return pm;
}

} // namespace

QIcon icon(const Kinds::KindSpec &kind)
{
    if (!kind.icon.isEmpty() && QFile::exists(kind.icon))
        return QIcon(kind.icon);
    QIcon drawn;
    for (const int size : { 16, 24, 32, 48, 64, 96 })
        drawn.addPixmap(badge(kind, size));
    return drawn;
}

QIcon hostIcon()
{
    const QString path = QStringLiteral(":/icons/host.svg");
    if (QFile::exists(path))
        return QIcon(path);
    return ActionIcons::icon(QStringLiteral("host-frame"));
}

} // namespace KindIcons
