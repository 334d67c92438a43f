// SPDX-License-Identifier: MIT
#include "dialogscreenshot.h"
#include "live/passworddialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QWidget>

namespace {

PasswordProvider::Request request(bool keyring)
{
    PasswordProvider::Request r;
    r.source.id = QStringLiteral("db-1");
    r.source.kind = QStringLiteral("mysql");
    r.source.address = QStringLiteral("127.0.0.1:3306");
    r.source.user = QStringLiteral("toposcope");
    r.source.options.insert(QStringLiteral("keyring"), keyring);
    r.designPath = QStringLiteral("/home/me/lab.topo");
    return r;
}

} // namespace

class tst_PasswordDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void masksAndNeedsAPassword()
    {
        PasswordDialog dialog(request(true));
        auto *field = dialog.findChild<QLineEdit *>();
        QVERIFY(field);
        QCOMPARE(field->echoMode(), QLineEdit::Password);
        QPushButton *ok = nullptr;
        for (QPushButton *b : dialog.findChildren<QPushButton *>()) {
            if (b->text() == QLatin1String("Log in"))
                ok = b;
        }
        QVERIFY(ok);
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(field, QStringLiteral("s3cret"));
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.password(), QStringLiteral("s3cret"));
        QVERIFY(!dialog.remember()); // kept only when the user asks
        dialog.findChild<QCheckBox *>()->setChecked(true);
        QVERIFY(dialog.remember());
    }

    void noKeyringNoRemembering()
    {
        PasswordDialog dialog(request(false));
        QCheckBox *box = dialog.findChild<QCheckBox *>();
        QVERIFY(!box->isEnabled());
        box->setChecked(true);
        QVERIFY(!dialog.remember());
    }

    void promptAnswersOnceWhenClosed()
    {
        QWidget window;
        window.show();
        const PromptPasswordProvider::Prompt prompt = PasswordDialog::prompt(&window);
        int answers = 0;
        PasswordProvider::Result last;
        prompt(request(true), [&](const PasswordProvider::Result &r) {
            ++answers;
            last = r;
        });
        auto *dialog = window.findChild<PasswordDialog *>();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(), QStringLiteral("pw"));
        dialog->accept();
        QCOMPARE(answers, 1);
        QCOMPARE(last.status, PasswordProvider::Result::Status::Found);
        QCOMPARE(last.password, QStringLiteral("pw"));
        QTRY_VERIFY(!window.findChild<PasswordDialog *>()); // closed and gone

        prompt(request(true), [&](const PasswordProvider::Result &r) {
            ++answers;
            last = r;
        });
        QTRY_VERIFY(window.findChild<PasswordDialog *>());
        window.findChild<PasswordDialog *>()->reject();
        QCOMPARE(answers, 2);
        QCOMPARE(last.status, PasswordProvider::Result::Status::Cancelled);
    }

    // Shown as a user sees it; TOPOSCOPE_SCREENSHOT=file.png saves it (see dialogscreenshot.h).
    void screenshot()
    {
        PasswordDialog dialog(request(true));
        const QString why = dialogScreenshot(&dialog);
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }
};

QTEST_MAIN(tst_PasswordDialog)
#include "tst_passworddialog.moc"
