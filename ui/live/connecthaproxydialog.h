// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"
#include "discovery/haproxydiscovery.h"

#include <QDialog>

class HaproxyRuntimeClient;
class HttpFetcher;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

// Live → Connect to HAProxy…: reads a running HAProxy — its statistics page over HTTP(S), with
// a user name and password for `stats auth`, or its Runtime API on a UNIX socket or a TCP
// address — asynchronously (the window keeps working while it waits), and shows what it is made
// of, matched to the open design by name and address (HaproxyDiscovery::bindToDesign), with what
// matched nothing and why. The user then binds the design to it ("Bind to This Design") or draws
// a new design of it ("Open as New Design"); the caller does either from choice(), source(),
// bindings() and newDesign(). The password is never part of source() (nor of its address): it
// stays in memory (password()) for the caller to hand to the live view's password chain; with
// the field empty, the environment's variable for the source is read (TOPOSCOPE_HAPROXY_PASSWORD…).
class ConnectHaproxyDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Choice { None, Bind, NewDesign };
    enum class Kind { StatsPage, RuntimeApi };

    explicit ConnectHaproxyDialog(const DesignData &design, QWidget *parent = nullptr);
    ~ConnectHaproxyDialog() override;

    void setKind(Kind kind);
    Kind kind() const;
    void setAddress(const QString &address);
    void setUser(const QString &user);
    /** Reads the page at the address now (the Read button does it); readFinished follows. */
    void read();
    bool hasResult() const { return m_hasResult; }
    /** What the page says, as shown ("1 frontend, 1 backend, 2 servers…"). */
    QString summary() const;

    Choice choice() const { return m_choice; }
    /** The statistics page as a source of the design, with an id the design does not use. */
    SourceConfig source() const { return m_source; }
    /** The password the page was read with (typed, or from the environment); empty for none. */
    QString password() const { return m_password; }
    const HaproxyDiscovery::Match &match() const { return m_match; }
    /** The running system drawn as a design, source and bindings in place. */
    DesignData newDesign() const;

Q_SIGNALS:
    void readFinished(bool ok);

private:
    void kindChanged();
    void readStatsPage(const QString &text);
    void readRuntimeApi(const QString &text);
    void found(const QList<HaproxyCsv::Row> &rows, const SourceConfig &source);
    QString shownAddress() const;
    void finish(bool ok, const QString &text);

    DesignData m_design;
    HttpFetcher *m_http = nullptr;
    HaproxyRuntimeClient *m_runtime = nullptr;
    QFormLayout *m_form = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_address = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QLabel *m_passwordNote = nullptr;
    QPushButton *m_read = nullptr;
    QLabel *m_status = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QPushButton *m_bind = nullptr;
    QPushButton *m_new = nullptr;
    bool m_hasResult = false;
    int m_generation = 0; // an answer for an address read before is dropped
    Choice m_choice = Choice::None;
    SourceConfig m_source;
    QString m_password;
    HaproxySnapshot m_snapshot;
    HaproxyDiscovery::Match m_match;
};
