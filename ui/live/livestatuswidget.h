// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class LiveController;
class QLabel;
class QTimer;
class QToolButton;

// The live status area in the status bar: each source of the stream with its state
// (connecting, live, stale, failed with the reason), its poll interval and the time of its last
// sample, a replay's position, and a Disconnect button. Refreshed every second and on every
// state change.
class LiveStatusWidget : public QWidget
{
    Q_OBJECT

public:
    explicit LiveStatusWidget(LiveController *live, QWidget *parent = nullptr);

    /** What the label shows now (for tests and the accessible name). */
    QString text() const;
    QToolButton *disconnectButton() const { return m_disconnect; }

private:
    void refresh();

    LiveController *m_live = nullptr;
    QLabel *m_label = nullptr;
    QToolButton *m_disconnect = nullptr;
    QTimer *m_timer = nullptr;
};
