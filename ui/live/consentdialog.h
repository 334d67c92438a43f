// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QDialog>
#include <QList>

class ConnectionConsent;
class QCheckBox;
class QTreeWidget;

// Asks before a design connects anywhere: the servers its sources name (what and where), each
// ticked, and "Remember for this design". Connect records the ticked addresses in the
// ConnectionConsent (remembered, or for this session only); Not now records nothing. It is how
// a design that was just opened, perhaps from someone else, is kept from reaching out by itself.
class ConsentDialog : public QDialog
{
    Q_OBJECT

public:
    ConsentDialog(const QString &designName,
        const QString &designPath,
        const QList<SourceConfig> &pending,
        ConnectionConsent *consent,
        QWidget *parent = nullptr);

    /** The addresses the user ticked, when accepted (empty otherwise). */
    QStringList allowedAddresses() const;

    void accept() override;

private:
    QString m_designPath;
    QList<SourceConfig> m_pending;
    ConnectionConsent *m_consent = nullptr;
    QTreeWidget *m_list = nullptr;
    QCheckBox *m_remember = nullptr;
    QStringList m_allowed;
};
