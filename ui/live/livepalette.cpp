// SPDX-License-Identifier: MIT
#include "livepalette.h"

#include <QCoreApplication>

#include <cmath>

namespace LivePalette {

QColor statusClassColor(int statusClass)
{
    switch (statusClass) {
    case 1:
    case 2:
        return QColor(0x2e, 0xa0, 0x5a);
    case 3:
        return QColor(0x3b, 0x82, 0xd6);
    case 4:
        return QColor(0xe0, 0x9b, 0x12);
    default:
        return QColor(0xdc, 0x45, 0x45);
    }
}

QColor healthColor(Live::Health health)
{
    switch (health) {
    case Live::Health::Up:
        return statusClassColor(2);
    case Live::Health::Down:
        return statusClassColor(5);
    case Live::Health::Maintenance:
    case Live::Health::Draining:
    case Live::Health::NoLoadBalancing:
        return statusClassColor(4);
    case Live::Health::GoingDown:
    case Live::Health::GoingUp:
        return QColor(0xe8, 0x70, 0x2a);
    case Live::Health::Unknown:
        break;
    }
    return QColor(0x8a, 0x90, 0x9a);
}

QString healthText(Live::Health health)
{
    switch (health) {
    case Live::Health::Up:
        return QCoreApplication::translate("LivePalette", "up");
    case Live::Health::Down:
        return QCoreApplication::translate("LivePalette", "down");
    case Live::Health::Maintenance:
        return QCoreApplication::translate("LivePalette", "maintenance");
    case Live::Health::Draining:
        return QCoreApplication::translate("LivePalette", "draining");
    case Live::Health::NoLoadBalancing:
        return QCoreApplication::translate("LivePalette", "no balancing");
    case Live::Health::GoingDown:
        return QCoreApplication::translate("LivePalette", "going down");
    case Live::Health::GoingUp:
        return QCoreApplication::translate("LivePalette", "going up");
    case Live::Health::Unknown:
        break;
    }
    return QCoreApplication::translate("LivePalette", "no data");
}

QString shortNumber(double value)
{
    if (std::isnan(value))
        return QStringLiteral("–");
    const double a = std::abs(value);
    if (a >= 1e6)
        return QString::number(value / 1e6, 'f', 1) + QLatin1Char('M');
    if (a >= 1e4)
        return QString::number(value / 1e3, 'f', 0) + QLatin1Char('k');
    if (a >= 1e3)
        return QString::number(value / 1e3, 'f', 1) + QLatin1Char('k');
    if (a >= 10 || a == 0)
        return QString::number(qRound(value));
    return QString::number(value, 'f', 1);
}

} // namespace LivePalette
