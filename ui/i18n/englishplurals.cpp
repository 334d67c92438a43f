// SPDX-License-Identifier: MIT
#include "englishplurals.h"

#include <QCoreApplication>

void EnglishPlurals::installOn(QCoreApplication *app)
{
    if (!app || app->findChild<EnglishPlurals *>(QString(), Qt::FindDirectChildrenOnly))
        return;
    QCoreApplication::installTranslator(new EnglishPlurals(app));
}

QString EnglishPlurals::pluralForm(const QString &text, int n)
{
    QString out = text;
    const bool one = n == 1;
    out.replace(QStringLiteral("(es)"), one ? QString() : QStringLiteral("es"));
    out.replace(QStringLiteral("(s)"), one ? QString() : QStringLiteral("s"));
    return out;
}

QString EnglishPlurals::translate(const char *, const char *sourceText, const char *, int n) const
{
    if (n < 0 || !sourceText)
        return {};
    const QString text = QString::fromUtf8(sourceText);
    if (!text.contains(QLatin1String("(s)")) && !text.contains(QLatin1String("(es)")))
        return {};
    // Qt replaces %n itself after translating.
    return pluralForm(text, n);
}
