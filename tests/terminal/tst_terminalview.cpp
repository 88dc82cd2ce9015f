// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// TerminalView and TerminalPanel offscreen: painting, coalesced repaints, scrolling, keys,
// input methods, selection, paste warning, Ctrl+click URLs, zoom, resize, mouse reporting.
#include "fakesession.h"

#include <terminal/core/iterminalsession.h>
#include <terminal/core/localptysession.h>
#include <terminal/core/terminalscreen.h>
#include <terminal/ui/terminalpanel.h>
#include <terminal/ui/terminalview.h>

#include <QApplication>
#include <QClipboard>
#include <QInputMethodEvent>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace Qwq;
using namespace Qwq::Terminal;

namespace {
using TermTest::FakeSession;

struct Fixture
{
    Fixture()
    {
        view.resize(660, 400);
        QVERIFY(session.start(view.screen()->rows(), view.screen()->columns()).ok());
        view.setSession(&session);
        view.show();
        view.setFocus();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTest::qWait(30);
    }
    QPoint cellCenter(int row, int col) const
    {
        const QSizeF c = view.cellSize();
        return QPoint(int(2 + (col + 0.5) * c.width()), int(2 + (row + 0.5) * c.height()));
    }
    TerminalView view;
    FakeSession session;
};
} // namespace

class tst_TerminalView final : public QObject
{
    Q_OBJECT

private slots:
    void themeColourTable();
    void paintsColours();
    void repaintsAreCoalesced();
    void followsOutputUnlessScrolledUp();
    void keysGoToSession();
    void inputMethodCommit();
    void selectionByWordAndLine();
    void copyAndPasteShortcuts();
    void multiLinePasteAsks();
    void urlsOnlyWithCtrlClick();
    void zoomChangesGridAndSize();
    void mouseReportingAndShiftOverride();
    void findSelectsMatch();
    void panelTabs();
    void panelLocalShell();
};

void tst_TerminalView::themeColourTable()
{
    const TerminalTheme t = TerminalTheme::dark();
    QCOMPARE(t.color({}, true), t.foreground);
    QCOMPARE(t.color({}, false), t.background);
    QCOMPARE(t.color(TermColor::indexed(3), true), t.ansi[3]);
    QCOMPARE(t.indexed(16), QColor(0, 0, 0));        // the 6x6x6 cube
    QCOMPARE(t.indexed(196), QColor(255, 0, 0));
    QCOMPARE(t.indexed(110), QColor(135, 175, 215));
    QCOMPARE(t.indexed(231), QColor(255, 255, 255));
    QCOMPARE(t.indexed(232), QColor(8, 8, 8));       // the grey ramp
    QCOMPARE(t.indexed(255), QColor(238, 238, 238));
    QCOMPARE(t.color(TermColor::rgb(1, 2, 3), true), QColor(1, 2, 3));
    QVERIFY(TerminalTheme::light().background.lightness() > 200);
    QVERIFY(TerminalTheme::dark().background.lightness() < 60);
}

void tst_TerminalView::paintsColours()
{
    Fixture f;
    f.view.setTheme(TerminalTheme::dark());
    f.session.output("\x1b[41m    \x1b[0m plain \x1b[48;2;0;0;255m  \x1b[0m");
    QTest::qWait(40);
    const QImage img = f.view.viewport()->grab().toImage();
    QCOMPARE(img.pixelColor(f.cellCenter(0, 1)), TerminalTheme::dark().ansi[1]);
    QCOMPARE(img.pixelColor(f.cellCenter(0, 12)), QColor(0, 0, 255));
    QCOMPARE(img.pixelColor(f.cellCenter(5, 40)), TerminalTheme::dark().background);
    f.view.setTheme(TerminalTheme::light());
    const QImage light = f.view.viewport()->grab().toImage();
    QCOMPARE(light.pixelColor(f.cellCenter(5, 40)), TerminalTheme::light().background);
}

void tst_TerminalView::repaintsAreCoalesced()
{
    Fixture f;
    QTest::qWait(50);
    const int before = f.view.paintCount();
    // 500 chunks within one event-loop turn: one repaint.
    for (int i = 0; i < 500; ++i)
        f.session.output("line " + QByteArray::number(i) + "\r\n");
    QTest::qWait(60);
    QVERIFY2(f.view.paintCount() - before <= 2, qPrintable(QString::number(f.view.paintCount() - before)));
    // Output trickling in for 200 ms: at most one repaint per 16 ms frame.
    const int before2 = f.view.paintCount();
    QElapsedTimer t;
    t.start();
    int chunks = 0;
    while (t.elapsed() < 200) {
        f.session.output("x");
        ++chunks;
        QCoreApplication::processEvents();
    }
    QTest::qWait(40);
    const int paints = f.view.paintCount() - before2;
    QVERIFY2(paints <= 200 / 16 + 3, qPrintable(QStringLiteral("%1 paints for %2 chunks").arg(paints).arg(chunks)));
    QVERIFY(paints >= 1);
}

void tst_TerminalView::followsOutputUnlessScrolledUp()
{
    Fixture f;
    f.view.screen()->setScrollbackLimit(200);
    QByteArray b;
    for (int i = 0; i < 100; ++i)
        b += "n" + QByteArray::number(i) + "\r\n";
    f.session.output(b);
    QTest::qWait(40);
    QScrollBar *bar = f.view.verticalScrollBar();
    const int sb = f.view.screen()->scrollbackLines();
    QVERIFY(sb > 50);
    QCOMPARE(bar->maximum(), sb);
    QCOMPARE(bar->value(), sb);
    bar->setValue(10);
    const QString shown = f.view.screen()->lineText(f.view.topLine());
    QCOMPARE(shown, QStringLiteral("n10"));
    b.clear();
    for (int i = 100; i < 400; ++i)   // drops old lines: the view keeps showing "n10"… if kept
        b += "n" + QByteArray::number(i) + "\r\n";
    f.session.output(b.left(b.size() / 3));
    QTest::qWait(40);
    QCOMPARE(f.view.screen()->lineText(f.view.topLine()), shown);
    QVERIFY(bar->value() < bar->maximum());
    QTest::keyClick(&f.view, Qt::Key_A);   // typing returns to the bottom
    QTest::qWait(40);
    QCOMPARE(bar->value(), bar->maximum());
}

void tst_TerminalView::keysGoToSession()
{
    Fixture f;
    QTest::keyClick(&f.view, Qt::Key_A);
    QTest::keyClick(&f.view, Qt::Key_C, Qt::ControlModifier);
    QTest::keyClick(&f.view, Qt::Key_Up);
    QTest::keyClick(&f.view, Qt::Key_Tab);   // not a focus change
    QTest::keyClick(&f.view, Qt::Key_F5);
    QTest::keyClick(&f.view, Qt::Key_X, Qt::AltModifier);
    QCOMPARE(f.session.take(), QByteArray("a\x03\x1b[A\t\x1b[15~\x1bx"));
    QVERIFY(f.view.hasFocus());
    f.session.output("\x1b[?1h");
    QTest::keyClick(&f.view, Qt::Key_Up);
    QCOMPARE(f.session.take(), QByteArray("\x1bOA"));
}

void tst_TerminalView::inputMethodCommit()
{
    Fixture f;
    QVERIFY(f.view.testAttribute(Qt::WA_InputMethodEnabled));
    QVERIFY(f.view.inputMethodQuery(Qt::ImEnabled).toBool());
    QInputMethodEvent preedit(QString::fromUtf8("zhong"), {});
    QApplication::sendEvent(&f.view, &preedit);
    QVERIFY(f.session.take().isEmpty());   // composing sends nothing
    QInputMethodEvent commit;
    commit.setCommitString(QString::fromUtf8("中文"));
    QApplication::sendEvent(&f.view, &commit);
    QCOMPARE(f.session.take(), QByteArray("\xe4\xb8\xad\xe6\x96\x87"));
    const QRect r = f.view.inputMethodQuery(Qt::ImCursorRectangle).toRect();
    QVERIFY(r.isValid());
}

void tst_TerminalView::selectionByWordAndLine()
{
    Fixture f;
    f.session.output("alpha beta/gamma delta\r\nsecond line");
    QTest::qWait(40);
    QTest::mouseDClick(f.view.viewport(), Qt::LeftButton, {}, f.cellCenter(0, 8));
    QCOMPARE(f.view.selectedText(), QStringLiteral("beta/gamma"));
    QTest::mouseClick(f.view.viewport(), Qt::LeftButton, {}, f.cellCenter(0, 8));   // third click
    QCOMPARE(f.view.selectedText(), QStringLiteral("alpha beta/gamma delta"));
    QTest::qWait(QApplication::doubleClickInterval() + 50);
    QTest::mousePress(f.view.viewport(), Qt::LeftButton, {}, f.cellCenter(0, 2) - QPoint(int(f.view.cellSize().width() / 2), 0));
    QTest::mouseMove(f.view.viewport(), f.cellCenter(1, 2));
    QTest::mouseRelease(f.view.viewport(), Qt::LeftButton, {}, f.cellCenter(1, 2) + QPoint(int(f.view.cellSize().width() / 2), 0));
    QCOMPARE(f.view.selectedText(), QStringLiteral("pha beta/gamma delta\nsec"));
    QVERIFY(f.session.take().isEmpty());
}

void tst_TerminalView::copyAndPasteShortcuts()
{
    Fixture f;
    f.session.output("copy me");
    QTest::qWait(40);
    f.view.setSelection({{0, 0}, {0, 4}});
    QTest::keyClick(&f.view, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("copy"));
    QVERIFY(f.session.take().isEmpty());   // not sent as a key
    QGuiApplication::clipboard()->setText(QStringLiteral("pasted"));
    QTest::keyClick(&f.view, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(f.session.take(), QByteArray("pasted"));
}

void tst_TerminalView::multiLinePasteAsks()
{
    Fixture f;
    QStringList asked;
    bool answer = false;
    f.view.setPasteConfirmation([&](const QString &t) {
        asked << t;
        return answer;
    });
    f.view.pasteText(QStringLiteral("one line"));
    QCOMPARE(f.session.take(), QByteArray("one line"));
    QVERIFY(asked.isEmpty());
    f.view.pasteText(QStringLiteral("rm -rf build\nmake\n"));
    QCOMPARE(asked.size(), 1);
    QVERIFY(f.session.take().isEmpty());   // declined
    answer = true;
    f.view.pasteText(QStringLiteral("a\nb"));
    QCOMPARE(f.session.take(), QByteArray("a\rb"));
    // With bracketed paste the shell does not run lines as they arrive: no question.
    f.session.output("\x1b[?2004h");
    f.view.pasteText(QStringLiteral("x\ny"));
    QCOMPARE(asked.size(), 2);
    QCOMPARE(f.session.take(), QByteArray("\x1b[200~x\ry\x1b[201~"));
}

void tst_TerminalView::urlsOnlyWithCtrlClick()
{
    Fixture f;
    QSignalSpy spy(&f.view, &TerminalView::urlActivated);
    f.session.output("see https://example.org/a?b=1. or file:///etc/passwd");
    QTest::qWait(40);
    QTest::mouseClick(f.view.viewport(), Qt::LeftButton, {}, f.cellCenter(0, 10));
    QCOMPARE(spy.size(), 0);
    QTest::qWait(QApplication::doubleClickInterval() + 50);
    QTest::mouseClick(f.view.viewport(), Qt::LeftButton, Qt::ControlModifier, f.cellCenter(0, 10));
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toUrl(), QUrl(QStringLiteral("https://example.org/a?b=1")));
    QTest::qWait(QApplication::doubleClickInterval() + 50);
    QTest::mouseClick(f.view.viewport(), Qt::LeftButton, Qt::ControlModifier, f.cellCenter(0, 40));
    QCOMPARE(spy.size(), 1);   // file: URLs are not links
}

void tst_TerminalView::zoomChangesGridAndSize()
{
    Fixture f;
    const QSizeF before = f.view.cellSize();
    const int cols = f.view.screen()->columns();
    QTest::keyClick(&f.view, Qt::Key_Equal, Qt::ControlModifier);
    QTest::keyClick(&f.view, Qt::Key_Equal, Qt::ControlModifier);
    QVERIFY(f.view.cellSize().width() > before.width());
    QVERIFY(f.view.screen()->columns() < cols);
    QCOMPARE(f.session.cols, f.view.screen()->columns());   // the program was told
    QCOMPARE(f.session.rows, f.view.screen()->rows());
    QTest::keyClick(&f.view, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(f.view.cellSize(), before);
    QCOMPARE(f.view.screen()->columns(), cols);
    QVERIFY(f.session.take().isEmpty());
    f.view.resize(400, 300);
    QTest::qWait(20);
    QCOMPARE(f.session.cols, f.view.screen()->columns());
    QCOMPARE(f.session.rows, f.view.screen()->rows());
}

void tst_TerminalView::mouseReportingAndShiftOverride()
{
    Fixture f;
    f.session.output("\x1b[?1000h\x1b[?1006hword here");
    QTest::qWait(40);
    QTest::mouseClick(f.view.viewport(), Qt::LeftButton, {}, f.cellCenter(2, 3));
    QCOMPARE(f.session.take(), QByteArray("\x1b[<0;4;3M\x1b[<0;4;3m"));
    QVERIFY(!f.view.selection());
    QTest::qWait(QApplication::doubleClickInterval() + 50);
    QTest::mouseDClick(f.view.viewport(), Qt::LeftButton, Qt::ShiftModifier, f.cellCenter(0, 1));
    QCOMPARE(f.view.selectedText(), QStringLiteral("word"));
    QVERIFY(f.session.take().isEmpty());
}

void tst_TerminalView::findSelectsMatch()
{
    Fixture f;
    QByteArray b;
    for (int i = 0; i < 300; ++i)
        b += (i == 20 ? QByteArray("needle here") : "hay " + QByteArray::number(i)) + "\r\n";
    f.session.output(b);
    QTest::qWait(40);
    QVERIFY(f.view.find(QStringLiteral("NEEDLE"), true));
    QCOMPARE(f.view.selectedText(), QStringLiteral("needle"));
    QVERIFY(f.view.topLine() <= 20 && f.view.topLine() + f.view.screen()->rows() > 20);
    QVERIFY(f.view.find(QStringLiteral("needle"), true));   // wraps around to the same one
    QVERIFY(!f.view.find(QStringLiteral("NEEDLE"), true, Qt::CaseSensitive));
    // A full-screen program takes over: the old match must not stay painted over it.
    f.view.setTheme(TerminalTheme::dark());
    f.session.output("\x1b[H\x1b[2Jfind me here");
    QTest::qWait(40);
    QVERIFY(f.view.find(QStringLiteral("find me"), true));
    f.view.clearSelection();
    f.view.scrollToBottom();   // the match is on the first screen row
    QTest::qWait(40);
    QCOMPARE(f.view.viewport()->grab().toImage().pixelColor(f.cellCenter(0, 2)),
             TerminalTheme::dark().searchHit);
    f.session.output("\x1b[?1049h\x1b[H\x1b[2J");
    QTest::qWait(40);
    QCOMPARE(f.view.viewport()->grab().toImage().pixelColor(f.cellCenter(0, 2)),
             TerminalTheme::dark().background);
}

void tst_TerminalView::panelTabs()
{
    TerminalPanel panel(nullptr);
    QList<FakeSession *> made;
    panel.setSessionFactory([&](QObject *parent) {
        auto *s = new FakeSession(parent);
        made << s;
        return s;
    });
    panel.resize(700, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QCOMPARE(panel.tabCount(), 1);   // opened on first show
    QCOMPARE(made.size(), 1);
    QVERIFY(made[0]->running);
    auto *tabs = panel.findChild<QTabWidget *>();
    QCOMPARE(tabs->tabText(0), QStringLiteral("fake"));
    made[0]->output("\x1b]0;deploy@web1: ~/app & co\x07");
    QCOMPARE(tabs->tabText(0), QStringLiteral("deploy@web1: ~/app && co"));
    QVERIFY(panel.openTab());
    QCOMPARE(panel.tabCount(), 2);
    // A finished session stays readable; Enter starts a new one in the same tab.
    TerminalView *v = panel.view(1);
    made[1]->running = false;
    emit made[1]->finished(0, QStringLiteral("fake exited with code 0"));
    QVERIFY(v->screen()->lineText(v->screen()->scrollbackLines() + 1).contains(QStringLiteral("exited")));
    QTest::keyClick(v, Qt::Key_Return);
    QCOMPARE(made.size(), 3);
    QCOMPARE(v->session(), made[2]);
    panel.setSessionFactory([](QObject *) { return nullptr; });
    QVERIFY(!panel.openTab());
    QCOMPARE(panel.tabCount(), 2);
}

void tst_TerminalView::panelLocalShell()
{
    TerminalPanel panel(nullptr);
    panel.setSessionFactory([](QObject *parent) {
        LocalPtySession::Options o;
        o.program = QStringLiteral("/bin/sh");
        o.environment = {QStringLiteral("PS1=$ ")};
        return new LocalPtySession(o, parent);
    });
    panel.resize(700, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    TerminalView *v = panel.currentView();
    QVERIFY(v);
    QTRY_VERIFY(v->screen()->lineText(v->screen()->scrollbackLines()).startsWith(QLatin1Char('$')));
    QTest::keyClicks(v, QStringLiteral("echo hi"));
    QTest::keyClick(v, Qt::Key_Return);
    QTRY_COMPARE(v->screen()->lineText(v->screen()->scrollbackLines() + 1), QStringLiteral("hi"));
}

QTEST_MAIN(tst_TerminalView)

#include "tst_terminalview.moc"
