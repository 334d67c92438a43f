// SPDX-License-Identifier: MIT
#include "actionicons.h"

#include "tintedsvgiconengine.h"

#include <QFile>

namespace ActionIcons {

QIcon icon(const QString &name)
{
    QFile file(QStringLiteral(":/icons/actions/%1.svg").arg(name));
    if (file.open(QIODevice::ReadOnly))
        return QIcon(new TintedSvgIconEngine(file.readAll()));
    return QIcon::fromTheme(name);
}

} // namespace ActionIcons
