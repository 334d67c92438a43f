// SPDX-License-Identifier: MIT
#include "io/mermaidflowchartparser.h"

#include <QTest>

// What the parser understood, one line per node, edge and subgraph, in a form a reader of the
// test can check against the Mermaid source by eye.
namespace {

QString shapeName(Mermaid::Shape s)
{
    switch (s) {
    case Mermaid::Shape::Rect:
        return QStringLiteral("rect");
    case Mermaid::Shape::Round:
        return QStringLiteral("round");
    case Mermaid::Shape::Stadium:
        return QStringLiteral("stadium");
    case Mermaid::Shape::Subroutine:
        return QStringLiteral("subroutine");
    case Mermaid::Shape::Cylinder:
        return QStringLiteral("cylinder");
    case Mermaid::Shape::Circle:
        return QStringLiteral("circle");
    case Mermaid::Shape::DoubleCircle:
        return QStringLiteral("doublecircle");
    case Mermaid::Shape::Rhombus:
        return QStringLiteral("rhombus");
    case Mermaid::Shape::Hexagon:
        return QStringLiteral("hexagon");
    case Mermaid::Shape::Asymmetric:
        return QStringLiteral("asymmetric");
    case Mermaid::Shape::Parallelogram:
        return QStringLiteral("parallelogram");
    case Mermaid::Shape::ParallelogramAlt:
        return QStringLiteral("parallelogram-alt");
    case Mermaid::Shape::Trapezoid:
        return QStringLiteral("trapezoid");
    case Mermaid::Shape::TrapezoidAlt:
        return QStringLiteral("trapezoid-alt");
    case Mermaid::Shape::Service:
        return QStringLiteral("service");
    case Mermaid::Shape::Junction:
        return QStringLiteral("junction");
    }
    return {};
}

QString head(Mermaid::ArrowHead h)
{
    switch (h) {
    case Mermaid::ArrowHead::None:
        return QStringLiteral("-");
    case Mermaid::ArrowHead::Arrow:
        return QStringLiteral(">");
    case Mermaid::ArrowHead::Circle:
        return QStringLiteral("o");
    case Mermaid::ArrowHead::Cross:
        return QStringLiteral("x");
    }
    return {};
}

QString stroke(Mermaid::Stroke s)
{
    switch (s) {
    case Mermaid::Stroke::Normal:
        return QStringLiteral("normal");
    case Mermaid::Stroke::Dotted:
        return QStringLiteral("dotted");
    case Mermaid::Stroke::Thick:
        return QStringLiteral("thick");
    case Mermaid::Stroke::Invisible:
        return QStringLiteral("invisible");
    }
    return {};
}

/** "node A rect 'Label' in=sub classes=a,b", "edge A->B normal -> 'text'", "subgraph id 'T' in=p"
 */
QStringList dump(const Mermaid::Graph &g)
{
    QStringList out;
    auto subgraphName = [&g](int s) {
        return s < 0 ? QStringLiteral("-")
                     : (g.subgraphs.at(s).generatedId ? u'"' + g.subgraphs.at(s).title + u'"'
                                                      : g.subgraphs.at(s).id);
    };
    for (const Mermaid::Subgraph &s : g.subgraphs) {
        out.append(
            QStringLiteral("subgraph %1 '%2' in=%3")
                .arg(s.generatedId ? QStringLiteral("~") : s.id, s.title, subgraphName(s.parent)));
    }
    for (const Mermaid::Node &n : g.nodes) {
        QString line = QStringLiteral("node %1 %2 '%3'")
                           .arg(n.id, shapeName(n.shape), QString(n.label).replace(u'\n', u'|'));
        if (n.subgraph >= 0)
            line += QStringLiteral(" in=") + subgraphName(n.subgraph);
        if (!n.classes.isEmpty())
            line += QStringLiteral(" classes=") + n.classes.join(u',');
        if (!n.icon.isEmpty())
            line += QStringLiteral(" icon=") + n.icon;
        out.append(line);
    }
    for (const Mermaid::Edge &e : g.edges) {
        out.append(QStringLiteral("edge %1%2%3 %4 '%5'")
                       .arg(head(e.start),
                           g.nodes.at(e.from).id + QStringLiteral("->") + g.nodes.at(e.to).id,
                           head(e.end),
                           stroke(e.stroke),
                           e.text));
    }
    return out;
}

} // namespace

class TestMermaidFlowchartParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void syntax_data();
    void syntax();
    void directions_data();
    void directions();
    void metaComments();
    void invisibleEdgeIsNoEdge();
};

void TestMermaidFlowchartParser::syntax_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QStringList>("expected"); // lines that must appear in the dump

    // Node shapes.
    QTest::newRow("rect") << "A[Web server]" << QStringList{ "node A rect 'Web server'" };
    QTest::newRow("bare id") << "A" << QStringList{ "node A rect 'A'" };
    QTest::newRow("round") << "A(App)" << QStringList{ "node A round 'App'" };
    QTest::newRow("stadium") << "A([User])" << QStringList{ "node A stadium 'User'" };
    QTest::newRow("subroutine") << "A[[App]]" << QStringList{ "node A subroutine 'App'" };
    QTest::newRow("cylinder") << "A[(MySQL)]" << QStringList{ "node A cylinder 'MySQL'" };
    QTest::newRow("circle") << "A((DNS))" << QStringList{ "node A circle 'DNS'" };
    QTest::newRow("double circle")
        << "A(((Queue)))" << QStringList{ "node A doublecircle 'Queue'" };
    QTest::newRow("rhombus") << "A{Decide}" << QStringList{ "node A rhombus 'Decide'" };
    QTest::newRow("hexagon") << "A{{HAProxy}}" << QStringList{ "node A hexagon 'HAProxy'" };
    QTest::newRow("asymmetric") << "A>Flag]" << QStringList{ "node A asymmetric 'Flag'" };
    QTest::newRow("parallelogram") << "A[/Files/]" << QStringList{ "node A parallelogram 'Files'" };
    QTest::newRow("parallelogram alt")
        << "A[\\Files\\]" << QStringList{ "node A parallelogram-alt 'Files'" };
    QTest::newRow("trapezoid") << "A[/Cache\\]" << QStringList{ "node A trapezoid 'Cache'" };
    QTest::newRow("trapezoid alt") << "A[\\CDN/]" << QStringList{ "node A trapezoid-alt 'CDN'" };
    QTest::newRow("at shape") << "A@{ shape: cyl, label: \"Orders DB\" }"
                              << QStringList{ "node A cylinder 'Orders DB'" };
    QTest::newRow("at shape icon") << "A@{ icon: \"fa:user\", label: \"Visitors\" }"
                                   << QStringList{ "node A rect 'Visitors' icon=user" };
    QTest::newRow("space before shape") << "A [Web]" << QStringList{ "node A rect 'Web'" };
    QTest::newRow("redefined") << "A[One]\n  A[(Two)]" << QStringList{ "node A cylinder 'Two'" };
    QTest::newRow("ids with dash and dot") << "web-1 --> api.v2"
                                           << QStringList{ "node web-1 rect 'web-1'",
                                                  "node api.v2 rect 'api.v2'",
                                                  "edge -web-1->api.v2> normal ''" };
    QTest::newRow("unicode id") << "Größe[Größe] --> 日本"
                                << QStringList{ "node Größe rect 'Größe'",
                                       "edge -Größe->日本> normal ''" };

    // Labels.
    QTest::newRow("quoted") << "A[\"Nginx [edge] (v1) {x}\"]"
                            << QStringList{ "node A rect 'Nginx [edge] (v1) {x}'" };
    QTest::newRow("entities") << "A[\"say #quot;hi#quot; #35;1 &amp; &lt;b&gt; #9829;\"]"
                              << QStringList{ "node A rect 'say \"hi\" #1 & <b> ♥'" };
    QTest::newRow("br") << "A[Web server<br/>Nginx]"
                        << QStringList{ "node A rect 'Web server|Nginx'" };
    QTest::newRow("backslash n") << "A[\"Nginx\\nPort 80\"]"
                                 << QStringList{ "node A rect 'Nginx|Port 80'" };
    QTest::newRow("html") << "A[<b>Bold</b> text]" << QStringList{ "node A rect 'Bold text'" };
    QTest::newRow("markdown") << "A[\"`**Bold** and\n  *more*`\"]"
                              << QStringList{ "node A rect 'Bold and|more'" };
    QTest::newRow("blanks") << "A[  Web    server  ]" << QStringList{ "node A rect 'Web server'" };
    QTest::newRow("unicode") << "A[Base de données é 日本 🚀]"
                             << QStringList{ "node A rect 'Base de données é 日本 🚀'" };
    QTest::newRow("font awesome") << "A[fa:fa-database Orders]"
                                  << QStringList{ "node A rect 'Orders' icon=database" };

    // Edges.
    QTest::newRow("arrow") << "A --> B" << QStringList{ "edge -A->B> normal ''" };
    QTest::newRow("no spaces") << "A-->B" << QStringList{ "edge -A->B> normal ''" };
    QTest::newRow("open") << "A --- B" << QStringList{ "edge -A->B- normal ''" };
    QTest::newRow("dotted") << "A -.-> B" << QStringList{ "edge -A->B> dotted ''" };
    QTest::newRow("dotted open") << "A -.- B" << QStringList{ "edge -A->B- dotted ''" };
    QTest::newRow("thick") << "A ==> B" << QStringList{ "edge -A->B> thick ''" };
    QTest::newRow("thick open") << "A === B" << QStringList{ "edge -A->B- thick ''" };
    QTest::newRow("circle end") << "A --o B" << QStringList{ "edge -A->Bo normal ''" };
    QTest::newRow("cross end") << "A --x B" << QStringList{ "edge -A->Bx normal ''" };
    QTest::newRow("both ways") << "A <--> B" << QStringList{ "edge >A->B> normal ''" };
    QTest::newRow("circles") << "A o--o B" << QStringList{ "edge oA->Bo normal ''" };
    QTest::newRow("crosses") << "A x--x B" << QStringList{ "edge xA->Bx normal ''" };
    QTest::newRow("longer") << "A ---> B" << QStringList{ "edge -A->B> normal ''" };
    QTest::newRow("longer open") << "A ---- B" << QStringList{ "edge -A->B- normal ''" };
    QTest::newRow("longer dotted") << "A -...-> B" << QStringList{ "edge -A->B> dotted ''" };
    QTest::newRow("longer thick") << "A ====> B" << QStringList{ "edge -A->B> thick ''" };
    QTest::newRow("invisible") << "A ~~~ B" << QStringList{ "node B rect 'B'" };
    QTest::newRow("pipe label") << "A -->|HTTP| B" << QStringList{ "edge -A->B> normal 'HTTP'" };
    QTest::newRow("pipe label spaced")
        << "A --> |HTTP| B" << QStringList{ "edge -A->B> normal 'HTTP'" };
    QTest::newRow("pipe quoted") << "A -->|\"a|b\"| B" << QStringList{ "edge -A->B> normal 'a|b'" };
    QTest::newRow("open pipe label")
        << "A ---|Replication| B" << QStringList{ "edge -A->B- normal 'Replication'" };
    QTest::newRow("dotted pipe label")
        << "A -.->|metrics| B" << QStringList{ "edge -A->B> dotted 'metrics'" };
    QTest::newRow("inline label") << "A -- HTTP over TLS --> B"
                                  << QStringList{ "edge -A->B> normal 'HTTP over TLS'" };
    QTest::newRow("inline open") << "A -- text --- B" << QStringList{ "edge -A->B- normal 'text'" };
    QTest::newRow("inline quoted")
        << "A -- \"x --> y\" --> B" << QStringList{ "edge -A->B> normal 'x --> y'" };
    QTest::newRow("inline dotted")
        << "A -. logs .-> B" << QStringList{ "edge -A->B> dotted 'logs'" };
    QTest::newRow("inline dotted dash")
        << "A -. logs -.-> B" << QStringList{ "edge -A->B> dotted 'logs'" };
    QTest::newRow("inline thick") << "A == main ==> B" << QStringList{ "edge -A->B> thick 'main'" };
    QTest::newRow("inline both ways")
        << "A <-- sync --> B" << QStringList{ "edge >A->B> normal 'sync'" };
    QTest::newRow("pitfall o") << "A---oB" << QStringList{ "edge -A->Bo normal ''" };

    // Chains and groups.
    QTest::newRow("chain") << "A --> B --> C"
                           << QStringList{ "edge -A->B> normal ''", "edge -B->C> normal ''" };
    QTest::newRow("chain with shapes") << "U[User] -->|HTTPS| L{{LB}} -.-> M((Mon))"
                                       << QStringList{ "node L hexagon 'LB'",
                                              "edge -U->L> normal 'HTTPS'",
                                              "edge -L->M> dotted ''" };
    QTest::newRow("ampersand") << "A & B --> C"
                               << QStringList{ "edge -A->C> normal ''", "edge -B->C> normal ''" };
    QTest::newRow("ampersand both") << "A & B --> C & D"
                                    << QStringList{ "edge -A->C> normal ''",
                                           "edge -A->D> normal ''",
                                           "edge -B->C> normal ''",
                                           "edge -B->D> normal ''" };
    QTest::newRow("ampersand chain") << "A --> B & C --> D"
                                     << QStringList{ "edge -A->B> normal ''",
                                            "edge -A->C> normal ''",
                                            "edge -B->D> normal ''",
                                            "edge -C->D> normal ''" };
    QTest::newRow("semicolons") << "A --> B; B --> C;"
                                << QStringList{ "edge -A->B> normal ''", "edge -B->C> normal ''" };

    // Subgraphs.
    QTest::newRow("subgraph id title")
        << "subgraph s1 [Server 1]\n    A\n  end"
        << QStringList{ "subgraph s1 'Server 1' in=-", "node A rect 'A' in=s1" };
    QTest::newRow("subgraph id quoted") << "subgraph s1[\"Server #quot;1#quot;\"]\n    A\n  end"
                                        << QStringList{ "subgraph s1 'Server \"1\"' in=-" };
    QTest::newRow("subgraph quoted")
        << "subgraph \"Web tier\"\n    A\n  end"
        << QStringList{ "subgraph ~ 'Web tier' in=-", "node A rect 'A' in=\"Web tier\"" };
    QTest::newRow("subgraph words")
        << "subgraph Server 1\n    A\n  end" << QStringList{ "subgraph ~ 'Server 1' in=-" };
    QTest::newRow("subgraph single word")
        << "subgraph Backend\n    A\n  end" << QStringList{ "subgraph Backend 'Backend' in=-" };
    QTest::newRow("subgraph direction")
        << "subgraph s [S]\n    direction LR\n    A --> B\n  end"
        << QStringList{ "node A rect 'A' in=s", "node B rect 'B' in=s" };
    QTest::newRow("nested") << "subgraph o [Outer]\n    X\n    subgraph i [Inner]\n      Y\n"
                               "    end\n  end"
                            << QStringList{ "subgraph i 'Inner' in=o",
                                   "node X rect 'X' in=o",
                                   "node Y rect 'Y' in=i" };
    QTest::newRow("membership by mention")
        << "L --> W\n  subgraph s [S]\n    W --> D\n  end"
        << QStringList{ "node L rect 'L'", "node W rect 'W' in=s", "node D rect 'D' in=s" };
    QTest::newRow("first subgraph keeps")
        << "subgraph a [A]\n    X\n  end\n"
           "  subgraph b [B]\n    X --> Y\n  end"
        << QStringList{ "node X rect 'X' in=a", "node Y rect 'Y' in=b" };
    QTest::newRow("end-prefixed id")
        << "endpoint --> ending" << QStringList{ "edge -endpoint->ending> normal ''" };

    // Styling statements are accepted; classes are kept as hints.
    QTest::newRow("classDef and class")
        << "A --> B\n  classDef db fill:#f9f,stroke:#333;\n"
           "  class A,B db"
        << QStringList{ "node A rect 'A' classes=db", "node B rect 'B' classes=db" };
    QTest::newRow("class suffix") << "A[(X)]:::db --> B:::web"
                                  << QStringList{ "node A cylinder 'X' classes=db",
                                         "node B rect 'B' classes=web" };
    QTest::newRow("style") << "A --> B\n  style A fill:#f9f,stroke:#333,stroke-width:4px"
                           << QStringList{ "edge -A->B> normal ''" };
    QTest::newRow("linkStyle") << "A --> B\n  linkStyle 0 stroke:#ff3,stroke-width:4px;"
                               << QStringList{ "edge -A->B> normal ''" };
    QTest::newRow("click") << "A --> B\n  click A \"https://example.com\" \"Tip; with ;\" _blank"
                           << QStringList{ "edge -A->B> normal ''" };
    QTest::newRow("click callback")
        << "A --> B\n  click B call callback(\"x\")" << QStringList{ "edge -A->B> normal ''" };
    QTest::newRow("comments") << "%% a comment\n  A --> B %% trailing comment\n  %% more"
                              << QStringList{ "edge -A->B> normal ''" };
    QTest::newRow("directive") << "%%{init: {\"theme\": \"dark\",\n  \"flowchart\": {}}}%%\n"
                                  "  A --> B"
                               << QStringList{ "edge -A->B> normal ''" };
    QTest::newRow("accTitle") << "accTitle: Shop\n  accDescr {\n    Two lines\n  }\n  A --> B"
                              << QStringList{ "edge -A->B> normal ''" };
}

void TestMermaidFlowchartParser::syntax()
{
    QFETCH(QString, body);
    QFETCH(QStringList, expected);
    const QString text = QStringLiteral("flowchart TD\n  ") + body + u'\n';
    MermaidFlowchartParser parser(text, 0, -1, 1, 1);
    Mermaid::Graph graph;
    QVERIFY2(parser.parse(&graph),
        qPrintable(QStringLiteral("line %1, column %2: %3")
                       .arg(parser.errorLine())
                       .arg(parser.errorColumn())
                       .arg(parser.error())));
    const QStringList lines = dump(graph);
    for (const QString &e : expected)
        QVERIFY2(
            lines.contains(e), qPrintable(e + QStringLiteral("\nnot in:\n") + lines.join(u'\n')));
}

void TestMermaidFlowchartParser::directions_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("direction");
    QTest::newRow("graph") << "graph"
                           << "TB";
    QTest::newRow("TD") << "graph TD"
                        << "TB";
    QTest::newRow("TB") << "flowchart TB"
                        << "TB";
    QTest::newRow("BT") << "flowchart BT"
                        << "BT";
    QTest::newRow("LR") << "flowchart LR;"
                        << "LR";
    QTest::newRow("RL") << "graph RL"
                        << "RL";
    QTest::newRow("elk") << "flowchart-elk LR"
                         << "LR";
}

void TestMermaidFlowchartParser::directions()
{
    QFETCH(QString, header);
    QFETCH(QString, direction);
    const QString text = header + QStringLiteral("\n  A --> B\n");
    MermaidFlowchartParser parser(text, 0, -1, 1, 1);
    Mermaid::Graph graph;
    QVERIFY2(parser.parse(&graph), qPrintable(parser.error()));
    QCOMPARE(graph.direction, direction);
    QCOMPARE(graph.edges.size(), 1);
}

void TestMermaidFlowchartParser::metaComments()
{
    const QString text = QStringLiteral("flowchart TD\n  A\n  %% toposcope component A {\"x\":1}\n"
                                        "  %% not ours\n");
    MermaidFlowchartParser parser(text, 0, -1, 1, 1);
    Mermaid::Graph graph;
    QVERIFY(parser.parse(&graph));
    QCOMPARE(graph.meta.size(), 1);
    QCOMPARE(graph.meta.first().text, QStringLiteral("component A {\"x\":1}"));
    QCOMPARE(graph.meta.first().line, 3);
}

void TestMermaidFlowchartParser::invisibleEdgeIsNoEdge()
{
    const QString text = QStringLiteral("flowchart LR\n  A ~~~ B --> C\n");
    MermaidFlowchartParser parser(text, 0, -1, 1, 1);
    Mermaid::Graph graph;
    QVERIFY(parser.parse(&graph));
    QCOMPARE(graph.nodes.size(), 3);
    QCOMPARE(graph.edges.size(), 1);
    QCOMPARE(graph.nodes.at(graph.edges.first().from).id, QStringLiteral("B"));
}

QTEST_GUILESS_MAIN(TestMermaidFlowchartParser)
#include "tst_mermaidflowchartparser.moc"
