// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The editor widgets offscreen: CodeEditor's diagnostics, find and languages, the nginx lexer
// inside a real QScintilla, and DiffView's rows and hunk navigation.
#include <editor/core/nginxtokenizer.h>
#include <editor/ui/codeeditor.h>
#include <editor/ui/diffview.h>
#include <editor/ui/nginxlexer.h>

#include <Qsci/qsciscintilla.h>

#include <QApplication>
#include <QHelpEvent>
#include <QLabel>
#include <QScrollBar>
#include <QToolTip>
#include <QtTest>

using namespace Qwq::Editor;

namespace {

int styleAt(QsciScintilla *sci, int pos)
{
    return int(sci->SendScintilla(QsciScintillaBase::SCI_GETSTYLEAT, pos));
}

void colourise(QsciScintilla *sci)
{
    sci->SendScintilla(QsciScintillaBase::SCI_COLOURISE, 0, -1);
}

bool indicatorAt(QsciScintilla *sci, int indicator, int line, int index)
{
    const int pos = sci->positionFromLineIndex(line, index);
    return sci->SendScintilla(QsciScintillaBase::SCI_INDICATORVALUEAT, indicator, pos) != 0;
}

} // namespace

class tst_CodeEditor : public QObject
{
    Q_OBJECT

private slots:
    void textAndModified()
    {
        CodeEditor e;
        QSignalSpy modified(&e, &CodeEditor::modificationChanged);
        e.setText(QStringLiteral("a: 1\n"));
        QCOMPARE(e.text(), QStringLiteral("a: 1\n"));
        QVERIFY(!e.isModified());
        e.scintilla()->insert(QStringLiteral("b: 2\n"));
        QVERIFY(e.isModified());
        QCOMPARE(modified.count(), 1);
        QCOMPARE(modified.first().first().toBool(), true);
        e.setText(QStringLiteral("x"));
        QVERIFY(!e.isModified());
        // setText clears undo: nothing to undo back to the old text.
        QVERIFY(!e.scintilla()->isUndoAvailable());
    }

    void readOnly()
    {
        CodeEditor e;
        e.setText(QStringLiteral("keep"));
        e.setReadOnly(true);
        QVERIFY(e.isReadOnly());
        e.show();
        e.scintilla()->setFocus();
        QTest::keyClicks(e.scintilla(), QStringLiteral("zz"));
        QCOMPARE(e.text(), QStringLiteral("keep"));
        e.setReadOnly(false);
        QTest::keyClicks(e.scintilla(), QStringLiteral("zz"));
        QVERIFY(e.text().contains(QStringLiteral("zz")));
    }

    void languages()
    {
        CodeEditor e;
        QCOMPARE(e.language(), QStringLiteral("plain"));
        QVERIFY(!e.scintilla()->lexer());
        for (const QString &name : {QStringLiteral("yaml"), QStringLiteral("json"),
                                    QStringLiteral("bash"), QStringLiteral("sql"),
                                    QStringLiteral("diff"), QStringLiteral("nginx")}) {
            e.setLanguage(name);
            QCOMPARE(e.language(), name);
            QVERIFY2(e.scintilla()->lexer(), qPrintable(name));
        }
        QVERIFY(qobject_cast<NginxLexer *>(e.scintilla()->lexer()));
        e.setLanguage(QStringLiteral("yml"));
        QCOMPARE(e.language(), QStringLiteral("yaml"));
        e.setLanguage(QStringLiteral("no such"));
        QCOMPARE(e.language(), QStringLiteral("plain"));
        QVERIFY(!e.scintilla()->lexer());
    }

    void errorMarking()
    {
        CodeEditor e;
        e.resize(600, 300);
        e.setLanguage(QStringLiteral("yaml"));
        e.setText(QStringLiteral("services:\n  web:\n    image: nginx\n    ports: [80\n"));
        e.addDiagnostic({4, 13, QStringLiteral("<b>flow sequence</b> not closed"),
                         Diagnostic::Severity::Error});
        e.addDiagnostic({2, 0, QStringLiteral("unused service"), Diagnostic::Severity::Warning});
        QsciScintilla *sci = e.scintilla();
        // Margin markers: error (0) on line 4, warning (1) on line 2.
        QCOMPARE(sci->markersAtLine(3), 1u << 0);
        QCOMPARE(sci->markersAtLine(1), 1u << 1);
        QCOMPARE(sci->markersAtLine(0), 0u);
        // Squiggles: the error from column 13 over its word "80", the warning over the line's
        // text (not its indentation).
        QVERIFY(indicatorAt(sci, 8, 3, 12));
        QVERIFY(indicatorAt(sci, 8, 3, 13));
        QVERIFY(!indicatorAt(sci, 8, 3, 11));
        QVERIFY(!indicatorAt(sci, 8, 2, 5));
        QVERIFY(indicatorAt(sci, 9, 1, 2));
        QVERIFY(!indicatorAt(sci, 9, 1, 0));
        QCOMPARE(e.diagnosticMessageAt(4),
                 QStringLiteral("Line 4, column 13: <b>flow sequence</b> not closed"));
        QCOMPARE(e.diagnosticMessageAt(2), QStringLiteral("Line 2: unused service"));
        QVERIFY(e.diagnosticMessageAt(1).isEmpty());

        // The tooltip over line 4 shows the message escaped (not as markup).
        e.show();
        QVERIFY(QTest::qWaitForWindowExposed(&e));
        const int y = int(sci->SendScintilla(QsciScintillaBase::SCI_POINTYFROMPOSITION, 0,
                                             sci->positionFromLineIndex(3, 5)));
        const int x = int(sci->SendScintilla(QsciScintillaBase::SCI_POINTXFROMPOSITION, 0,
                                             sci->positionFromLineIndex(3, 5)));
        QHelpEvent help(QEvent::ToolTip, QPoint(x, y + 2), sci->viewport()->mapToGlobal(QPoint(x, y + 2)));
        QApplication::sendEvent(sci->viewport(), &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY(QToolTip::text().contains(QStringLiteral("&lt;b&gt;flow sequence")));

        // Clearing removes markers and squiggles; setText clears diagnostics too.
        e.clearDiagnostics();
        QCOMPARE(sci->markersAtLine(3), 0u);
        QVERIFY(!indicatorAt(sci, 8, 3, 12));
        e.addDiagnostic({99, 0, QStringLiteral("past the end"), Diagnostic::Severity::Error});
        QCOMPARE(sci->markersAtLine(sci->lines() - 1), 1u << 0); // clamped, not lost
        e.setText(QStringLiteral("x"));
        QVERIFY(e.diagnostics().isEmpty());
    }

    void findWrapsBothWays()
    {
        CodeEditor e;
        e.setText(QStringLiteral("alpha\nbeta alpha\ngamma\n"));
        e.goTo(1, 1);
        QVERIFY(e.find(QStringLiteral("alpha")));
        QCOMPARE(e.cursorLine(), 1);
        QVERIFY(e.find(QStringLiteral("alpha")));
        QCOMPARE(e.cursorLine(), 2);
        QVERIFY(e.find(QStringLiteral("alpha"))); // wraps
        QCOMPARE(e.cursorLine(), 1);
        QVERIFY(e.find(QStringLiteral("alpha"), false)); // backwards wraps to the last one
        QCOMPARE(e.cursorLine(), 2);
        QVERIFY(!e.find(QStringLiteral("ALPHA"), true, true));
        QVERIFY(!e.find(QStringLiteral("alph"), true, false, true));
        QVERIFY(!e.find(QStringLiteral("delta")));
    }

    void findBarShortcut()
    {
        CodeEditor e;
        e.setText(QStringLiteral("one two\n"));
        e.show();
        QVERIFY(QTest::qWaitForWindowExposed(&e));
        e.scintilla()->setFocus();
        QTest::keyClick(e.scintilla(), Qt::Key_F, Qt::ControlModifier);
        auto *bar = e.findChild<QWidget *>(QStringLiteral("editorFindBar"));
        QVERIFY(bar && bar->isVisible());
        auto *input = e.findChild<QWidget *>(QStringLiteral("editorFindInput"));
        QTest::keyClicks(input, QStringLiteral("two"));
        QCOMPARE(e.scintilla()->selectedText(), QStringLiteral("two"));
        QTest::keyClick(input, Qt::Key_Escape);
        QVERIFY(!bar->isVisible());
    }

    void themes()
    {
        CodeEditor e;
        e.setLanguage(QStringLiteral("nginx"));
        e.setTheme(EditorTheme::Dark);
        QVERIFY(e.isDark());
        QVERIFY(e.scintilla()->lexer()->paper(0).lightness() < 80);
        e.setTheme(EditorTheme::Light);
        QVERIFY(!e.isDark());
        QVERIFY(e.scintilla()->lexer()->paper(0).lightness() > 200);
        e.setLanguage(QStringLiteral("yaml"));
        e.setTheme(EditorTheme::Dark);
        for (int s = 0; s < 20; ++s)
            if (!e.scintilla()->lexer()->description(s).isEmpty())
                QVERIFY2(e.scintilla()->lexer()->color(s).lightness() >= 150, qPrintable(QString::number(s)));
    }
};

class tst_NginxLexer : public QObject
{
    Q_OBJECT

private slots:
    void stylesInScintilla()
    {
        CodeEditor e;
        e.setLanguage(QStringLiteral("nginx"));
        const QString conf = QStringLiteral("server {\n    listen 80; # web\n"
                                            "    return 301 \"https://$host\";\n}\n");
        e.setText(conf);
        QsciScintilla *sci = e.scintilla();
        colourise(sci);
        // The lexer's styles equal the tokenizer's for every byte.
        const QByteArray bytes = conf.toUtf8();
        for (const NginxToken &t : NginxTokenizer::tokenize(bytes))
            for (int i = t.start; i < t.start + t.length; ++i)
                QVERIFY2(styleAt(sci, i) == int(t.style), qPrintable(QString::number(i)));
        QCOMPARE(styleAt(sci, bytes.indexOf("listen")), int(NginxStyle::Directive));
        QCOMPARE(styleAt(sci, bytes.indexOf("# web")), int(NginxStyle::Comment));
        QCOMPARE(styleAt(sci, bytes.indexOf("$host")), int(NginxStyle::Variable));
        QCOMPARE(styleAt(sci, bytes.indexOf("https")), int(NginxStyle::String));
        QCOMPARE(styleAt(sci, bytes.indexOf("301")), int(NginxStyle::Number));
    }

    void editRestylesFollowingLines()
    {
        CodeEditor e;
        e.setLanguage(QStringLiteral("nginx"));
        e.setText(QStringLiteral("a x;\nlisten 80;\nroot /x;\n"));
        QsciScintilla *sci = e.scintilla();
        colourise(sci);
        QCOMPARE(styleAt(sci, sci->positionFromLineIndex(2, 0)), int(NginxStyle::Directive));
        // Opening a quote on line 1 turns the next lines into string until it closes.
        sci->insertAt(QStringLiteral("\""), 0, 2);
        colourise(sci);
        QCOMPARE(styleAt(sci, sci->positionFromLineIndex(1, 0)), int(NginxStyle::String));
        QCOMPARE(styleAt(sci, sci->positionFromLineIndex(2, 0)), int(NginxStyle::String));
        // Closing it again restores the directives.
        sci->insertAt(QStringLiteral("\""), 0, 4);
        colourise(sci);
        QCOMPARE(styleAt(sci, sci->positionFromLineIndex(1, 0)), int(NginxStyle::Directive));
        QCOMPARE(styleAt(sci, sci->positionFromLineIndex(2, 0)), int(NginxStyle::Directive));
    }
};

class tst_DiffView : public QObject
{
    Q_OBJECT

private slots:
    void sideBySideAligns()
    {
        DiffView v;
        v.setTexts(QStringLiteral("a\nb\nc\nd\n"), QStringLiteral("a\nB\nB2\nc\n"),
                   QStringLiteral("current"), QStringLiteral("proposed"));
        QCOMPARE(v.diff().addedCount(), 2);
        QCOMPARE(v.diff().removedCount(), 2);
        const QList<DiffView::Row> rows = v.rows();
        // a | b→B | ∅→B2 | c | d→∅
        QCOMPARE(rows.size(), 5);
        QCOMPARE(rows.at(1).oldLine, 2);
        QCOMPARE(rows.at(1).newLine, 2);
        QCOMPARE(rows.at(2).oldLine, 0);
        QCOMPARE(rows.at(2).newLine, 3);
        QCOMPARE(rows.at(4).oldLine, 4);
        QCOMPARE(rows.at(4).newLine, 0);
        QCOMPARE(v.leftEditor()->lines(), v.rightEditor()->lines());
        QCOMPARE(v.leftEditor()->text(1), QStringLiteral("b\n"));
        QCOMPARE(v.rightEditor()->text(2), QStringLiteral("B2\n"));
        QCOMPARE(v.leftEditor()->text(2), QStringLiteral("\n")); // filler
        // Colours: removed (1) on the left, added (0) on the right, filler (2) opposite.
        QCOMPARE(v.leftEditor()->markersAtLine(1) & 7u, 1u << 1);
        QCOMPARE(v.rightEditor()->markersAtLine(1) & 7u, 1u << 0);
        QCOMPARE(v.leftEditor()->markersAtLine(2) & 7u, 1u << 2);
        QCOMPARE(v.rightEditor()->markersAtLine(4) & 7u, 1u << 2);
        QCOMPARE(v.leftEditor()->markersAtLine(0), 0u);
        QCOMPARE(v.hunkCount(), 2);
    }

    void hunkNavigation()
    {
        QStringList a;
        for (int i = 1; i <= 200; ++i)
            a << QStringLiteral("line %1").arg(i);
        QStringList b = a;
        b[10] = QStringLiteral("ten");
        b[150] = QStringLiteral("one fifty");
        DiffView v;
        v.resize(800, 300);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        v.setTexts(a.join(QLatin1Char('\n')), b.join(QLatin1Char('\n')));
        QCOMPARE(v.hunkCount(), 2);
        QCOMPARE(v.currentHunk(), -1);
        QSignalSpy spy(&v, &DiffView::currentHunkChanged);
        v.nextHunk();
        QCOMPARE(v.currentHunk(), 0);
        v.nextHunk();
        QCOMPARE(v.currentHunk(), 1);
        QVERIFY(v.leftEditor()->firstVisibleLine() > 100);
        QCOMPARE(v.rightEditor()->firstVisibleLine(), v.leftEditor()->firstVisibleLine());
        v.nextHunk(); // stays on the last
        QCOMPARE(v.currentHunk(), 1);
        v.previousHunk();
        QCOMPARE(v.currentHunk(), 0);
        QCOMPARE(spy.count(), 3);
        // Scrolling one side scrolls the other.
        v.leftEditor()->verticalScrollBar()->setValue(60);
        QCOMPARE(v.rightEditor()->verticalScrollBar()->value(), 60);
        QVERIFY(v.findChild<QLabel *>(QStringLiteral("diffSummary"))->text().contains(QStringLiteral("change 1 of 2")));
    }

    void unifiedMode()
    {
        DiffView v;
        v.setTexts(QStringLiteral("a\nb\nc\n"), QStringLiteral("a\nB\nc\n"));
        v.resize(600, 300);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        v.setMode(DiffView::Mode::Unified);
        QVERIFY(!v.rightEditor());
        QTRY_VERIFY(v.leftEditor()->width() > 500); // one column takes the whole width
        QCOMPARE(v.rows().size(), 4);
        QCOMPARE(v.leftEditor()->text(1), QStringLiteral("b\n"));
        QCOMPARE(v.leftEditor()->text(2), QStringLiteral("B\n"));
        QCOMPARE(v.leftEditor()->markersAtLine(1) & 7u, 1u << 1);
        QCOMPARE(v.leftEditor()->markersAtLine(2) & 7u, 1u << 0);
        QCOMPARE(v.hunkCount(), 1);
    }

    void identicalTexts()
    {
        DiffView v;
        v.setTexts(QStringLiteral("same\n"), QStringLiteral("same\n"));
        QVERIFY(v.diff().isIdentical());
        QCOMPARE(v.hunkCount(), 0);
        QCOMPARE(v.findChild<QLabel *>(QStringLiteral("diffSummary"))->text(), QStringLiteral("No differences"));
    }
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    int failures = 0;
    tst_CodeEditor editor;
    failures += QTest::qExec(&editor, argc, argv);
    tst_NginxLexer lexer;
    failures += QTest::qExec(&lexer, argc, argv);
    tst_DiffView diff;
    failures += QTest::qExec(&diff, argc, argv);
    return failures;
}

#include "tst_editorui.moc"
