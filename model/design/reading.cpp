// SPDX-License-Identifier: MIT
#include "reading.h"

#include <QJsonObject>

namespace Reading {

namespace {

const QString Key = QStringLiteral("reading");

void setPart(Component *c, const QString &part, const QString &why)
{
    QJsonObject o = c->extra.value(Key).toObject();
    if (why.isEmpty())
        o.remove(part);
    else
        o.insert(part, why);
    if (o.isEmpty())
        c->extra.remove(Key);
    else
        c->extra.insert(Key, o);
}

} // namespace

QString kindGuess(const Component &c)
{
    return c.extra.value(Key).toObject().value(QStringLiteral("kind")).toString();
}

QString roleGuess(const Component &c)
{
    return c.extra.value(Key).toObject().value(QStringLiteral("role")).toString();
}

void setKindGuess(Component *c, const QString &why)
{
    setPart(c, QStringLiteral("kind"), why);
}

void setRoleGuess(Component *c, const QString &why)
{
    setPart(c, QStringLiteral("role"), why);
}

void confirmKind(Component *c)
{
    c->extra.remove(Key);
}

void confirmRole(Component *c)
{
    setPart(c, QStringLiteral("role"), QString());
}

bool isRoleProperty(const QString &property)
{
    return property == QLatin1String("role") || property == QLatin1String("mode")
        || property == QLatin1String("firewall");
}

} // namespace Reading
