// SPDX-License-Identifier: MIT
#include "kindicons.h"

#include "actionicons.h"
#include "design/kinds.h"

#include <QFile>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace KindIcons {

namespace {

QColor tierColor(Kinds::Tier tier)
{
    switch (tier) {
    case Kinds::Tier::Client:
        return QColor(0x64, 0x74, 0x8b);
    case Kinds::Tier::Edge:
        return QColor(0x0e, 0x94, 0x88);
    case Kinds::Tier::Balancer:
        return QColor(0x7c, 0x3a, 0xed);
    case Kinds::Tier::Web:
        return QColor(0x25, 0x63, 0xeb);
    case Kinds::Tier::App:
        return QColor(0xd9, 0x77, 0x06);
    case Kinds::Tier::Data:
        return QColor(0xdc, 0x26, 0x26);
    case Kinds::Tier::Support:
        break;
    }
    return QColor(0x4b, 0x55, 0x63);
}

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
    p.setBrush(tierColor(kind.tier));
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
