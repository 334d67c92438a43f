// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"
#include "discovery/haproxydiscovery.h"

#include <QDialog>

class HttpFetcher;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

// Live → Connect to HAProxy…: reads a running HAProxy's statistics page (asynchronously: the
// window keeps working while it waits) and shows what it is made of, matched to the open design
// by name and address (HaproxyDiscovery::bindToDesign), with what matched nothing and why. The
// user then binds the design to it ("Bind to This Design") or draws a new design of it ("Open as
// New Design"); the caller does either from choice(), source(), bindings() and newDesign().
class ConnectHaproxyDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Choice { None, Bind, NewDesign };

    explicit ConnectHaproxyDialog(const DesignData &design, QWidget *parent = nullptr);
    ~ConnectHaproxyDialog() override;

    void setAddress(const QString &address);
    /** Reads the page at the address now (the Read button does it); readFinished follows. */
    void read();
    bool hasResult() const { return m_hasResult; }
    /** What the page says, as shown ("1 frontend, 1 backend, 2 servers…"). */
    QString summary() const;

    Choice choice() const { return m_choice; }
    /** The statistics page as a source of the design, with an id the design does not use. */
    SourceConfig source() const { return m_source; }
    const HaproxyDiscovery::Match &match() const { return m_match; }
    /** The running system drawn as a design, source and bindings in place. */
    DesignData newDesign() const;

Q_SIGNALS:
    void readFinished(bool ok);

private:
    void finish(bool ok, const QString &text);

    DesignData m_design;
    HttpFetcher *m_http = nullptr;
    QLineEdit *m_address = nullptr;
    QPushButton *m_read = nullptr;
    QLabel *m_status = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QPushButton *m_bind = nullptr;
    QPushButton *m_new = nullptr;
    bool m_hasResult = false;
    int m_generation = 0; // an answer for an address read before is dropped
    Choice m_choice = Choice::None;
    SourceConfig m_source;
    HaproxySnapshot m_snapshot;
    HaproxyDiscovery::Match m_match;
};
