// SPDX-License-Identifier: MIT
#pragma once

#include <QTranslator>

class QCoreApplication;

// The English numerus forms of the program's own texts, as a translation would give them:
// Qt's plural forms (tr("%n host(s)", nullptr, n)) need a translator to pick "1 host" or
// "2 hosts", and the source texts are English. A text with "(s)" or "(es)" after a word takes
// the ending when n is not 1 and drops it when it is; every other text is left to the next
// translator (none: the source text is shown).
class EnglishPlurals : public QTranslator
{
    Q_OBJECT

public:
    using QTranslator::QTranslator;

    /** Installs one on the application, once however often it is called. */
    static void installOn(QCoreApplication *app);

    bool isEmpty() const override { return false; }
    QString translate(const char *context,
        const char *sourceText,
        const char *disambiguation = nullptr,
        int n = -1) const override;

    /** `text` in the English form for `n` ("%n host(s)", 1 → "%n host"). */
    static QString pluralForm(const QString &text, int n);
};
