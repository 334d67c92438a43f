// SPDX-License-Identifier: MIT
// Live → Connect to HAProxy… as a user fills it in: a statistics page behind `stats auth` with a
// user name and password (the password is used, kept in memory, and never saved: not in the
// design file, not in the settings), the Runtime API on a UNIX socket and on TCP, and clear
// words for an address that is empty or not one. Small servers on loopback stand in for
// HAProxy, answering with answers recorded from HAProxy 2.6.
#include "dialogscreenshot.h"
#include "live/connecthaproxydialog.h"
#include "live/livecontroller.h"
#include "live/livestate.h"
#include "live/passworddialog.h"
#include "livetesthelpers.h"
#include "livewindowfixture.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QByteArray fixture(const char *name)
{
    QFile f(QStringLiteral(TOPOSCOPE_FIXTURES "/live/haproxy/") + QString::fromLatin1(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// HAProxy's statistics page behind `stats auth user:password`: the recorded CSV for the right
// login, 401 for any other. It notes every request's Authorization header.
class StatsPage : public QObject
{
public:
    StatsPage(const QByteArray &user, const QByteArray &password)
        : m_login("Basic " + (user + ':' + password).toBase64())
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    QString url() const { return s("http://127.0.0.1:%1/stats").arg(m_server.serverPort()); }
    int goodLogins() const { return int(m_authorizations.count(m_login)); }
    QList<QByteArray> authorizations() const { return m_authorizations; }

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &request = m_requests[socket];
        request += socket->readAll();
        if (!request.contains("\r\n\r\n"))
            return;
        QByteArray authorization;
        for (const QByteArray &line : request.split('\n')) {
            if (line.toLower().startsWith("authorization:"))
                authorization = line.mid(14).trimmed();
        }
        m_authorizations.append(authorization);
        m_requests.remove(socket);
        const bool ok = authorization == m_login;
        const QByteArray body = ok ? fixture("stats-2.6.csv") : QByteArray("401 Unauthorized\n");
        socket->write((ok ? QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n")
                          : QByteArray("HTTP/1.1 401 Unauthorized\r\n"
                                       "WWW-Authenticate: Basic realm=\"HAProxy Statistics\"\r\n"))
            + "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n"
            + body);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QByteArray m_login;
    QHash<QTcpSocket *, QByteArray> m_requests;
    QList<QByteArray> m_authorizations;
};

// HAProxy's Runtime API: reads one command line, answers as HAProxy 2.6 did, and closes.
template <typename Server, typename Socket> class RuntimeApi : public QObject
{
public:
    RuntimeApi()
    {
        connect(&server, &Server::newConnection, this, [this] {
            while (Socket *socket = server.nextPendingConnection()) {
                connect(socket, &Socket::readyRead, this, [this, socket] {
                    m_line += socket->readAll();
                    if (!m_line.endsWith('\n'))
                        return;
                    commands.append(m_line);
                    socket->write(m_line == "show stat\n" ? fixture("show-stat-2.6.txt")
                                                          : fixture("runtime-combined-2.6.txt"));
                    m_line.clear();
                    socket->flush();
                    closeSocket(socket);
                });
            }
        });
    }
    Server server;
    QList<QByteArray> commands;

private:
    static void closeSocket(QLocalSocket *socket) { socket->disconnectFromServer(); }
    static void closeSocket(QTcpSocket *socket) { socket->disconnectFromHost(); }
    QByteArray m_line;
};

QPushButton *button(QWidget *dialog, const char *text)
{
    for (QPushButton *b : dialog->findChildren<QPushButton *>()) {
        if (b->text() == QLatin1String(text))
            return b;
    }
    return nullptr;
}

QLineEdit *field(QWidget *dialog, const char *label)
{
    for (QLabel *l : dialog->findChildren<QLabel *>()) {
        if (l->text() == QLatin1String(label))
            return qobject_cast<QLineEdit *>(l->buddy());
    }
    return nullptr;
}

// What the dialog says under the form: the status line.
bool says(QWidget *dialog, const QString &words)
{
    for (QLabel *l : dialog->findChildren<QLabel *>()) {
        if (l->text().contains(words))
            return true;
    }
    return false;
}

// Types into the dialog's fields as a user does, and presses Read; true when it read HAProxy.
bool fillAndRead(ConnectHaproxyDialog *dialog,
    ConnectHaproxyDialog::Kind kind,
    const QString &address,
    const QString &user = {},
    const QString &password = {})
{
    auto *kinds = dialog->findChild<QComboBox *>();
    kinds->setCurrentIndex(kind == ConnectHaproxyDialog::Kind::RuntimeApi ? 1 : 0);
    const auto type = [](QLineEdit *edit, const QString &text) {
        edit->clear();
        if (!text.isEmpty())
            QTest::keyClicks(edit, text);
    };
    type(field(dialog, "&Address:"), address);
    if (field(dialog, "&User name:")->isEnabled()) {
        type(field(dialog, "&User name:"), user);
        type(field(dialog, "&Password:"), password);
    }
    QSignalSpy read(dialog, &ConnectHaproxyDialog::readFinished);
    QTest::mouseClick(button(dialog, "&Read"), Qt::LeftButton);
    return (!read.isEmpty() || read.wait(5000)) && read.constFirst().constFirst().toBool();
}

} // namespace

class TestConnectHaproxyDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aLoginIsUsedKeptInMemoryAndNeverSaved();
    void aLoginInTheAddressMovesToTheFields();
    void readsTheRuntimeApiOnASocketOrOverTcp();
    void saysWhatIsWrongWithAnAddress();
    void screenshot();
    void screenshotOfAnError();
};

void TestConnectHaproxyDialog::initTestCase()
{
    // Only what the test types: no password from the environment.
    for (const char *name :
        { "TOPOSCOPE_HAPROXY_PASSWORD", "TOPOSCOPE_PASSWORD", "TOPOSCOPE_PASSWORD_HAPROXY" })
        qunsetenv(name);
}

// The whole way, in the window: Live → Connect to HAProxy…, the login typed, Read, Bind; then
// watching the page asks for no password (the typed one is in memory) and saving writes none.
void TestConnectHaproxyDialog::aLoginIsUsedKeptInMemoryAndNeverSaved()
{
    const QByteArray password = "pw-Zq7!x";
    StatsPage page("admin", password);
    QTemporaryDir dir;
    LiveTest::Window w(dir.path(), false);
    QVERIFY(w.opened);
    Design &design = w.design;
    QSettings &settings = w.settings;
    MainWindow &window = *w.window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    bool read = false;
    bool prompted = false;
    QTimer::singleShot(0, [&] {
        auto *dialog = qobject_cast<ConnectHaproxyDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        read = fillAndRead(dialog,
            ConnectHaproxyDialog::Kind::StatsPage,
            page.url(),
            s("admin"),
            QString::fromLatin1(password));
        if (read)
            button(dialog, "&Bind to This Design")->click();
        else
            dialog->reject();
    });
    // Asking for the password again would be a failure: such a prompt is noted and declined.
    QTimer watchdog;
    connect(&watchdog, &QTimer::timeout, &watchdog, [&] {
        if (auto *p = qobject_cast<PasswordDialog *>(QApplication::activeModalWidget())) {
            prompted = true;
            p->reject();
        }
    });
    watchdog.start(20);
    window.findChild<QAction *>(s("ConnectHaproxy"))->trigger();
    QVERIFY2(read, "the dialog did not read the page");

    const SourceConfig *source = design.data().source(s("haproxy"));
    QVERIFY(source);
    QCOMPARE(source->kind, s("haproxy"));
    QCOMPARE(source->address, page.url());
    QCOMPARE(source->user, s("admin"));
    QCOMPARE(window.live()->mode(), LiveController::Mode::Watching);
    // The source polls with the typed login (the dialog's read was the first), asking nothing.
    QTRY_VERIFY_WITH_TIMEOUT(page.goodLogins() >= 2 || prompted, 5000);
    QVERIFY2(!prompted, "the password typed in the dialog was asked for again");
    QTRY_VERIFY(window.live()->state()->current(s("web-1")));
    QCOMPARE(window.live()->state()->current(s("web-1"))->health, Live::Health::Up);
    QVERIFY(!prompted);
    QCOMPARE(page.authorizations().size(), page.goodLogins()); // never without it
    window.live()->disconnectAll();

    // Saved: the design names the user, and holds no password in any form.
    const QString saved = dir.filePath(s("bound.topo"));
    QVERIFY(window.document()->saveTo(saved));
    const QByteArray bytes = fileBytes(saved);
    QVERIFY(bytes.contains("\"admin\""));
    QVERIFY(bytes.contains(page.url().toUtf8()));
    QVERIFY(!bytes.contains(password));
    QVERIFY(!bytes.contains(password.toBase64()));
    QVERIFY(!bytes.contains(QUrl::toPercentEncoding(QString::fromLatin1(password))));
    settings.sync();
    const QByteArray ini = fileBytes(settings.fileName());
    QVERIFY(ini.contains("haproxyUser=admin")); // remembered for next time, but not the password
    QVERIFY(!ini.contains(password));
    QVERIFY(!ini.contains(QUrl::toPercentEncoding(QString::fromLatin1(password))));
}

void TestConnectHaproxyDialog::aLoginInTheAddressMovesToTheFields()
{
    StatsPage page("admin", "secret");
    ConnectHaproxyDialog dialog(LiveTest::example());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QString withLogin = page.url().replace(s("http://"), s("http://admin:secret@"));
    QVERIFY(fillAndRead(&dialog, ConnectHaproxyDialog::Kind::StatsPage, withLogin));
    QCOMPARE(dialog.source().kind, s("haproxy"));
    QCOMPARE(dialog.source().address, page.url()); // the address kept names no one
    QCOMPARE(dialog.source().user, s("admin"));
    QCOMPARE(dialog.password(), s("secret"));

    // A wrong password is HAProxy's 401, said as such; nothing to bind.
    QVERIFY(!fillAndRead(
        &dialog, ConnectHaproxyDialog::Kind::StatsPage, page.url(), s("admin"), s("wrong")));
    QVERIFY(says(&dialog, s("401")));
    QVERIFY(!button(&dialog, "&Bind to This Design")->isEnabled());
    QVERIFY(dialog.password().isEmpty());
}

void TestConnectHaproxyDialog::readsTheRuntimeApiOnASocketOrOverTcp()
{
    QTemporaryDir dir;
    RuntimeApi<QLocalServer, QLocalSocket> local;
    const QString path = dir.filePath(s("admin.sock"));
    QVERIFY(local.server.listen(path));
    ConnectHaproxyDialog dialog(LiveTest::example());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.findChild<QComboBox *>()->setCurrentIndex(1);
    QVERIFY(!field(&dialog, "&User name:")->isEnabled()); // the Runtime API takes no login
    QVERIFY(!field(&dialog, "&Password:")->isEnabled());
    QVERIFY(fillAndRead(&dialog, ConnectHaproxyDialog::Kind::RuntimeApi, path));
    QCOMPARE(local.commands, QList<QByteArray>{ "show stat\n" });
    QVERIFY(dialog.findChild<QPlainTextEdit *>()->toPlainText().contains(s("be_web/web1")));
    QVERIFY(button(&dialog, "&Bind to This Design")->isEnabled());
    button(&dialog, "&Bind to This Design")->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.choice(), ConnectHaproxyDialog::Choice::Bind);
    SourceConfig source = dialog.source();
    QCOMPARE(source.kind, s("haproxy-socket"));
    QCOMPARE(source.address, path);
    QVERIFY(source.user.isEmpty());
    QVERIFY(dialog.password().isEmpty());
    // The design takes it as it is (Kinds::checkSourceAddress) and binds its servers.
    Design design;
    design.reset(LiveTest::example());
    QString error;
    QVERIFY2(!design.addSource(source, -1, &error).isEmpty(), qPrintable(error));
    QVERIFY(!dialog.match().bindings.isEmpty());

    // "unix:/path" is the same socket, kept as its path.
    QVERIFY(fillAndRead(&dialog, ConnectHaproxyDialog::Kind::RuntimeApi, s("unix:") + path));
    QCOMPARE(dialog.source().address, path);

    RuntimeApi<QTcpServer, QTcpSocket> tcp;
    QVERIFY(tcp.server.listen(QHostAddress::LocalHost, 0));
    const QString hostPort = s("127.0.0.1:%1").arg(tcp.server.serverPort());
    QVERIFY(fillAndRead(&dialog, ConnectHaproxyDialog::Kind::RuntimeApi, hostPort));
    QCOMPARE(tcp.commands, QList<QByteArray>{ "show stat\n" });
    QCOMPARE(dialog.source().kind, s("haproxy-socket"));
    QCOMPARE(dialog.source().address, hostPort);
    QVERIFY(dialog.summary().contains(hostPort));
}

void TestConnectHaproxyDialog::saysWhatIsWrongWithAnAddress()
{
    QTemporaryDir dir;
    ConnectHaproxyDialog dialog(LiveTest::example());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const auto refused = [&](ConnectHaproxyDialog::Kind kind, const QString &address) {
        dialog.setKind(kind);
        dialog.setAddress(address);
        QSignalSpy read(&dialog, &ConnectHaproxyDialog::readFinished);
        dialog.read(); // as Return in the address field does, also when it is empty
        return (!read.isEmpty() || read.wait(5000)) && !read.constFirst().constFirst().toBool()
            && !button(&dialog, "&Bind to This Design")->isEnabled();
    };
    using Kind = ConnectHaproxyDialog::Kind;
    QVERIFY(refused(Kind::StatsPage, QString()));
    QVERIFY(says(&dialog, s("Give the address of HAProxy's statistics page")));
    QVERIFY(refused(Kind::StatsPage, s("ftp://127.0.0.1/stats")));
    QVERIFY(says(&dialog, s("“ftp://127.0.0.1/stats” is not an HTTP address")));
    QVERIFY(refused(Kind::StatsPage, s("http://")));
    QVERIFY(says(&dialog, s("is not an HTTP address")));
    QVERIFY(refused(Kind::RuntimeApi, QString()));
    QVERIFY(says(&dialog, s("Give the path of HAProxy's stats socket")));
    QVERIFY(refused(Kind::RuntimeApi, s("localhost")));
    QVERIFY(says(&dialog, s("“localhost” is not an address of HAProxy's Runtime API")));
    QVERIFY(refused(Kind::RuntimeApi, s("127.0.0.1:99999")));
    QVERIFY(says(&dialog, s("is not an address of HAProxy's Runtime API")));
    QVERIFY(refused(Kind::RuntimeApi, s("./admin.sock")));
    QVERIFY(says(&dialog, s("full path")));
    // A well-formed address where nothing listens: the reason, at once.
    const QString absent = dir.filePath(s("none.sock"));
    QVERIFY(refused(Kind::RuntimeApi, absent));
    QVERIFY(says(&dialog, s("No answer from ") + absent));
}

// Shown as a user sees it after reading a page with a login; TOPOSCOPE_SCREENSHOT=file.png
// saves it, TOPOSCOPE_SCREENSHOT_THEME=dark in the dark theme (see dialogscreenshot.h).
void TestConnectHaproxyDialog::screenshot()
{
    StatsPage page("admin", "secret");
    Theme::apply(qApp, Theme::modeFromName(qEnvironmentVariable("TOPOSCOPE_SCREENSHOT_THEME")));
    ConnectHaproxyDialog dialog(LiveTest::example());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(fillAndRead(
        &dialog, ConnectHaproxyDialog::Kind::StatsPage, page.url(), s("admin"), s("secret")));
    QTest::qWait(100); // the status line's new height laid out
    const QString why = dialogScreenshot(&dialog); // in the theme asked, then back to light
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

// The Runtime API chosen, an address refused: the login greyed out, the reason under the form.
void TestConnectHaproxyDialog::screenshotOfAnError()
{
    Theme::apply(qApp, Theme::modeFromName(qEnvironmentVariable("TOPOSCOPE_SCREENSHOT_THEME")));
    ConnectHaproxyDialog dialog(LiveTest::example());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!fillAndRead(&dialog, ConnectHaproxyDialog::Kind::RuntimeApi, s("localhost")));
    QVERIFY(says(&dialog, s("“localhost” is not an address of HAProxy's Runtime API")));
    QTest::qWait(100);
    const QString why = dialogScreenshot(&dialog);
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

QTEST_MAIN(TestConnectHaproxyDialog)
#include "tst_connecthaproxydialog.moc"
