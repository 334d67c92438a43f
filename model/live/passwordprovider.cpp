// SPDX-License-Identifier: MIT
#include "passwordprovider.h"

QString PasswordProvider::defaultVariable(const QString &sourceId)
{
    QString name = QStringLiteral("TOPOSCOPE_PASSWORD_");
    for (const QChar c : sourceId)
        name.append(c.isLetterOrNumber() && c.unicode() < 128 ? c.toUpper() : QChar(u'_'));
    return name;
}
