// SPDX-License-Identifier: MIT
#include "commands/renamecommand.h"
#include "design/design.h"
#include "design/reading.h"
#include "docks/propertydock.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTest>
#include <QUndoStack>

namespace {

Component component(
    const QString &id, const QString &kind, const QString &label, QVariantMap props = {})
{
    Component c;
    c.id = id;
    c.kind = kind;
    c.label = label;
    c.props = std::move(props);
    return c;
}

// A load balancer, DNS, two web servers that differ in TLS, a host and a link.
void fill(Design &design)
{
    DesignData d;
    d.name = QStringLiteral("Shop");
    d.domain = QStringLiteral("www.foobar.com");
    design.reset(d);
    design.addComponent(
        component(QStringLiteral("dns"), QStringLiteral("dns"), QStringLiteral("DNS")));
    design.addComponent(component(
        QStringLiteral("lb"), QStringLiteral("load_balancer"), QStringLiteral("HAProxy")));
    design.addComponent(component(QStringLiteral("web-1"),
        QStringLiteral("web_server"),
        QStringLiteral("Nginx 1"),
        { { QStringLiteral("tls"), true } }));
    design.addComponent(component(QStringLiteral("web-2"),
        QStringLiteral("web_server"),
        QStringLiteral("Nginx 2"),
        { { QStringLiteral("tls"), false } }));
    Host h;
    h.id = QStringLiteral("server-1");
    h.label = QStringLiteral("Server 1");
    h.rect = QRectF(0, 0, 300, 200);
    design.addHost(h);
    Link l;
    l.id = QStringLiteral("lb-web-1");
    l.from = QStringLiteral("lb");
    l.to = QStringLiteral("web-1");
    l.protocol = QStringLiteral("http");
    design.addLink(l);
}

QVariant prop(const Design &design, const QString &id, const QString &name)
{
    return design.component(id)->props.value(name);
}

// Types into a line edit (or a spin box) and presses Enter, as a user does.
void typeAndEnter(QWidget *editor, const QString &text)
{
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
}

} // namespace

class TestPropertyDock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void editorsFollowTheKindTable_data();
    void editorsFollowTheKindTable();
    void comboSetsAlgorithmAndUndoRevertsIt();
    void checkBoxSetsHealthChecksAndUndoRevertsIt();
    void spinBoxSetsTtlWithUnit();
    void multiSelectionEditsEveryServerInOneStep();
    void labelEditRenames();
    void linkProtocolAndPort();
    void aHeartbeatHasNoPortField();
    void designInfoWhenNothingSelected();
    void followsChangesMadeElsewhere();
    void removedElementLeavesTheForm();
    void kindCorrectsAGuessInOneClick();

private:
    Design *m_design = nullptr;
    QUndoStack *m_stack = nullptr;
    PropertyDock *m_dock = nullptr;
};

void TestPropertyDock::init()
{
    m_design = new Design;
    fill(*m_design);
    m_stack = new QUndoStack;
    m_dock = new PropertyDock(m_design, m_stack);
    m_dock->resize(360, 700);
    m_dock->show();
    m_dock->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_dock));
}

void TestPropertyDock::cleanup()
{
    delete m_dock;
    delete m_stack;
    delete m_design;
}

void TestPropertyDock::editorsFollowTheKindTable_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("property");
    QTest::addColumn<QString>("editorClass");
    struct Row
    {
        const char *name, *id, *property, *editorClass;
    };
    const Row rows[] = {
        { "enum", "lb", "algorithm", "QComboBox" },
        { "bool", "lb", "health_checks", "QCheckBox" },
        { "int", "lb", "health_check_interval", "QSpinBox" },
        { "string", "lb", "virtual_ip", "QLineEdit" },
        { "component ref", "lb", "peer", "QComboBox" },
        { "dns ttl", "dns", "ttl", "QSpinBox" },
        { "label", "web-1", "label", "QLineEdit" },
        { "host label", "server-1", "label", "QLineEdit" },
        { "host address", "server-1", "address", "QLineEdit" },
        { "host public", "server-1", "public", "QCheckBox" },
        { "link protocol", "lb-web-1", "protocol", "QComboBox" },
        { "link weight", "lb-web-1", "weight", "QSpinBox" },
        { "link tls", "lb-web-1", "tls", "QCheckBox" },
    };
    for (const Row &row : rows) {
        QTest::newRow(row.name) << QString::fromLatin1(row.id) << QString::fromLatin1(row.property)
                                << QString::fromLatin1(row.editorClass);
    }
}

void TestPropertyDock::editorsFollowTheKindTable()
{
    QFETCH(QString, id);
    QFETCH(QString, property);
    QFETCH(QString, editorClass);
    m_dock->setSelection({ id });
    QWidget *editor = m_dock->editor(property);
    QVERIFY(editor);
    QCOMPARE(QString::fromLatin1(editor->metaObject()->className()), editorClass);
    QVERIFY(editor->isVisible());
}

void TestPropertyDock::comboSetsAlgorithmAndUndoRevertsIt()
{
    m_dock->setSelection({ QStringLiteral("lb") });
    QCOMPARE(m_dock->title(), QStringLiteral("HAProxy"));
    auto *combo = qobject_cast<QComboBox *>(m_dock->editor(QStringLiteral("algorithm")));
    QVERIFY(combo);
    QCOMPARE(combo->currentText(), QStringLiteral("roundrobin"));

    QTest::keyClicks(combo, QStringLiteral("leastconn"));
    QCOMPARE(prop(*m_design, QStringLiteral("lb"), QStringLiteral("algorithm")),
        QVariant(QStringLiteral("leastconn")));
    QCOMPARE(m_stack->count(), 1);

    m_stack->undo();
    QCOMPARE(prop(*m_design, QStringLiteral("lb"), QStringLiteral("algorithm")),
        QVariant(QStringLiteral("roundrobin")));
    combo = qobject_cast<QComboBox *>(m_dock->editor(QStringLiteral("algorithm")));
    QCOMPARE(combo->currentText(), QStringLiteral("roundrobin"));
    m_stack->redo();
    QCOMPARE(combo->currentText(), QStringLiteral("leastconn"));
}

void TestPropertyDock::checkBoxSetsHealthChecksAndUndoRevertsIt()
{
    m_dock->setSelection({ QStringLiteral("lb") });
    auto *box = qobject_cast<QCheckBox *>(m_dock->editor(QStringLiteral("health_checks")));
    QVERIFY(box);
    QVERIFY(!box->isChecked());
    QTest::mouseClick(box, Qt::LeftButton);
    QCOMPARE(
        prop(*m_design, QStringLiteral("lb"), QStringLiteral("health_checks")), QVariant(true));
    QCOMPARE(m_stack->count(), 1);
    m_stack->undo();
    QCOMPARE(
        prop(*m_design, QStringLiteral("lb"), QStringLiteral("health_checks")), QVariant(false));
    QVERIFY(!box->isChecked());
}

void TestPropertyDock::spinBoxSetsTtlWithUnit()
{
    m_dock->setSelection({ QStringLiteral("dns") });
    auto *spin = qobject_cast<QSpinBox *>(m_dock->editor(QStringLiteral("ttl")));
    QVERIFY(spin);
    QCOMPARE(spin->text(), QStringLiteral("3600 s"));
    typeAndEnter(spin, QStringLiteral("300"));
    QCOMPARE(prop(*m_design, QStringLiteral("dns"), QStringLiteral("ttl")), QVariant(300));
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(spin->text(), QStringLiteral("300 s"));
    m_stack->undo();
    QCOMPARE(prop(*m_design, QStringLiteral("dns"), QStringLiteral("ttl")), QVariant(3600));
    QCOMPARE(spin->value(), 3600);
}

void TestPropertyDock::multiSelectionEditsEveryServerInOneStep()
{
    m_dock->setSelection({ QStringLiteral("web-1"), QStringLiteral("web-2") });
    QCOMPARE(m_dock->title(), QStringLiteral("2 web servers"));
    auto *tls = qobject_cast<QCheckBox *>(m_dock->editor(QStringLiteral("tls")));
    QVERIFY(tls);
    QCOMPARE(tls->checkState(), Qt::PartiallyChecked); // one has TLS, one has not
    QCOMPARE(tls->text(), QStringLiteral("Mixed"));
    auto *statics = qobject_cast<QCheckBox *>(m_dock->editor(QStringLiteral("static_files")));
    QCOMPARE(statics->checkState(), Qt::Checked); // both serve static files
    auto *label = qobject_cast<QLineEdit *>(m_dock->editor(QStringLiteral("label")));
    QVERIFY(!label->isEnabled());

    QTest::mouseClick(tls, Qt::LeftButton);
    QCOMPARE(prop(*m_design, QStringLiteral("web-1"), QStringLiteral("tls")), QVariant(true));
    QCOMPARE(prop(*m_design, QStringLiteral("web-2"), QStringLiteral("tls")), QVariant(true));
    QCOMPARE(tls->checkState(), Qt::Checked);
    QCOMPARE(m_stack->count(), 1);

    auto *software = qobject_cast<QComboBox *>(m_dock->editor(QStringLiteral("software")));
    QTest::keyClicks(software, QStringLiteral("apache"));
    QCOMPARE(prop(*m_design, QStringLiteral("web-1"), QStringLiteral("software")),
        QVariant(QStringLiteral("apache")));
    QCOMPARE(prop(*m_design, QStringLiteral("web-2"), QStringLiteral("software")),
        QVariant(QStringLiteral("apache")));
    QCOMPARE(m_stack->count(), 2);

    m_stack->undo();
    m_stack->undo();
    QCOMPARE(prop(*m_design, QStringLiteral("web-1"), QStringLiteral("tls")), QVariant(true));
    QCOMPARE(prop(*m_design, QStringLiteral("web-2"), QStringLiteral("tls")), QVariant(false));
    QCOMPARE(tls->checkState(), Qt::PartiallyChecked);

    // Different kinds share no editor unless the property is the same in both.
    m_dock->setSelection({ QStringLiteral("web-1"), QStringLiteral("dns") });
    QVERIFY(!m_dock->editor(QStringLiteral("tls")));
    QVERIFY(!m_dock->editor(QStringLiteral("ttl")));
}

void TestPropertyDock::labelEditRenames()
{
    m_dock->setSelection({ QStringLiteral("web-1") });
    auto *label = qobject_cast<QLineEdit *>(m_dock->editor(QStringLiteral("label")));
    QCOMPARE(label->text(), QStringLiteral("Nginx 1"));
    typeAndEnter(label, QStringLiteral("Front 1"));
    QCOMPARE(m_design->component(QStringLiteral("web-1"))->label, QStringLiteral("Front 1"));
    QCOMPARE(m_dock->title(), QStringLiteral("Front 1"));
    m_stack->undo();
    QCOMPARE(m_design->component(QStringLiteral("web-1"))->label, QStringLiteral("Nginx 1"));
    QCOMPARE(label->text(), QStringLiteral("Nginx 1"));
}

void TestPropertyDock::linkProtocolAndPort()
{
    m_dock->setSelection({ QStringLiteral("lb-web-1") });
    QCOMPARE(m_dock->title(), QStringLiteral("HAProxy → Nginx 1"));
    auto *protocol = qobject_cast<QComboBox *>(m_dock->editor(QStringLiteral("protocol")));
    auto *port = qobject_cast<QSpinBox *>(m_dock->editor(QStringLiteral("port")));
    QVERIFY(protocol && port);
    QCOMPARE(protocol->currentData().toString(), QStringLiteral("http"));
    QCOMPARE(port->value(), 80);
    QVERIFY(m_dock->editor(QStringLiteral("weight")));
    QVERIFY(m_dock->editor(QStringLiteral("backup")));

    typeAndEnter(port, QStringLiteral("8080"));
    QCOMPARE(m_design->link(QStringLiteral("lb-web-1"))->port, 8080);
    const int https = protocol->findData(QStringLiteral("https"));
    QVERIFY(https >= 0);
    QTest::keyClicks(protocol, protocol->itemText(https));
    QCOMPARE(m_design->link(QStringLiteral("lb-web-1"))->protocol, QStringLiteral("https"));
    m_stack->undo();
    QCOMPARE(protocol->currentData().toString(), QStringLiteral("http"));
    QCOMPARE(port->value(), 8080);
}

void TestPropertyDock::aHeartbeatHasNoPortField()
{
    // VRRP has no port: choosing it takes the field away, undo brings it back with its value.
    m_dock->setSelection({ QStringLiteral("lb-web-1") });
    auto *protocol = qobject_cast<QComboBox *>(m_dock->editor(QStringLiteral("protocol")));
    QVERIFY(protocol && m_dock->editor(QStringLiteral("port")));
    const int vrrp = protocol->findData(QStringLiteral("vrrp"));
    QVERIFY(vrrp >= 0);
    QTest::keyClicks(protocol, protocol->itemText(vrrp));
    QCOMPARE(m_design->link(QStringLiteral("lb-web-1"))->protocol, QStringLiteral("vrrp"));
    QTRY_VERIFY(!m_dock->editor(QStringLiteral("port")));
    m_stack->undo();
    QTRY_VERIFY(m_dock->editor(QStringLiteral("port")));
    QCOMPARE(qobject_cast<QSpinBox *>(m_dock->editor(QStringLiteral("port")))->value(), 80);
}

void TestPropertyDock::designInfoWhenNothingSelected()
{
    m_dock->setSelection({});
    auto *name = qobject_cast<QLineEdit *>(m_dock->editor(QStringLiteral("name")));
    auto *domain = qobject_cast<QLineEdit *>(m_dock->editor(QStringLiteral("domain")));
    auto *description
        = qobject_cast<QPlainTextEdit *>(m_dock->editor(QStringLiteral("description")));
    QVERIFY(name && domain && description);
    QCOMPARE(name->text(), QStringLiteral("Shop"));
    QCOMPARE(domain->text(), QStringLiteral("www.foobar.com"));

    typeAndEnter(domain, QStringLiteral("shop.example.org"));
    QCOMPARE(m_design->domain(), QStringLiteral("shop.example.org"));
    description->setFocus();
    QTest::keyClicks(description, QStringLiteral("Black Friday ready"));
    name->setFocus(); // leaving the field commits it
    QCOMPARE(m_design->description(), QStringLiteral("Black Friday ready"));
    QCOMPARE(m_stack->count(), 2);
    m_stack->undo();
    m_stack->undo();
    QCOMPARE(domain->text(), QStringLiteral("www.foobar.com"));
    QCOMPARE(description->toPlainText(), QString());
}

void TestPropertyDock::followsChangesMadeElsewhere()
{
    m_dock->setSelection({ QStringLiteral("lb") });
    m_stack->push(new RenameCommand(m_design, QStringLiteral("lb"), QStringLiteral("Edge LB")));
    QCOMPARE(m_dock->title(), QStringLiteral("Edge LB"));
    QCOMPARE(qobject_cast<QLineEdit *>(m_dock->editor(QStringLiteral("label")))->text(),
        QStringLiteral("Edge LB"));
    // The peer list offers every component of the design, by label.
    auto *peer = qobject_cast<QComboBox *>(m_dock->editor(QStringLiteral("peer")));
    QVERIFY(peer->findData(QStringLiteral("web-2")) > 0);
    QCOMPARE(peer->findData(QStringLiteral("lb")), -1); // not its own peer
    QCOMPARE(peer->currentData().toString(), QString());
}

void TestPropertyDock::removedElementLeavesTheForm()
{
    m_dock->setSelection({ QStringLiteral("web-2") });
    m_design->removeComponent(QStringLiteral("web-2"));
    QVERIFY(m_dock->selection().isEmpty());
    QVERIFY(m_dock->editor(QStringLiteral("name"))); // back to the design's own fields
}

// An imported component read the wrong way is corrected from the dock: the guess is shown, the
// kind combo changes it in one step, the form follows the new kind, and undo comes back.
void TestPropertyDock::kindCorrectsAGuessInOneClick()
{
    Component agent = component(QStringLiteral("agent"),
        QStringLiteral("load_balancer"),
        QStringLiteral("Monitoring agent LB"));
    Reading::setKindGuess(&agent, QStringLiteral("its label also names monitoring"));
    m_design->addComponent(agent);
    m_dock->setSelection({ QStringLiteral("agent") });
    auto *guess = m_dock->findChild<QLabel *>(QStringLiteral("readingGuess"));
    QVERIFY(guess);
    QVERIFY2(guess->text().startsWith(QStringLiteral("Its label also names monitoring.")),
        qPrintable(guess->text()));
    auto *kind = qobject_cast<QComboBox *>(m_dock->editor(QStringLiteral("kind")));
    QVERIFY(kind);
    QCOMPARE(kind->currentText(), QStringLiteral("Load balancer"));
    QVERIFY(m_dock->editor(QStringLiteral("algorithm")));

    QTest::keyClicks(kind, QStringLiteral("Monitoring"));
    QCOMPARE(m_design->component(QStringLiteral("agent"))->kind, QStringLiteral("monitoring"));
    QCOMPARE(m_stack->count(), 1);
    QTRY_VERIFY(m_dock->editor(QStringLiteral("mode")));
    QVERIFY(!m_dock->editor(QStringLiteral("algorithm")));
    QVERIFY(!m_dock->findChild<QLabel *>(QStringLiteral("readingGuess")));

    m_stack->undo();
    QCOMPARE(m_design->component(QStringLiteral("agent"))->kind, QStringLiteral("load_balancer"));
    QTRY_VERIFY(m_dock->editor(QStringLiteral("algorithm")));
    QVERIFY(m_dock->findChild<QLabel *>(QStringLiteral("readingGuess")));
}

QTEST_MAIN(TestPropertyDock)
#include "tst_propertydock.moc"
