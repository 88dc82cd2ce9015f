// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Byte streams as full-screen programs write them: scrolling regions, the alternate screen,
// a synthetic and a recorded vim session (data/vim-*.bin: vim 9.0 in a 24x80 xterm-256color
// PTY, recorded by data/record-vim.py), a recorded htop 3.2 screen (data/record-htop.py), resize, words and lines.
#include "termtestutil.h"

#include <QSignalSpy>

using namespace Qwq::Terminal;
using namespace TermTest;

class tst_TerminalStreams final : public QObject
{
    Q_OBJECT

private slots:
    void scrollRegionUp();
    void scrollRegionDownAndReverseIndex();
    void scrollRegionFromTopFeedsScrollback();
    void insertDeleteLines();
    void alternateScreen();
    void alternateScreen1047();
    void syntheticVimSession();
    void recordedVimSession();
    void recordedHtopSession();
    void resizeShrinkAndGrow();
    void resizeColumnsCutsWithoutReflow();
    void resizeOnAlternateScreen();
    void wordAndLineSelection();
};

namespace {
void fillRows(TerminalScreen &s, int n)
{
    QByteArray b = "\x1b[H";
    for (int i = 0; i < n; ++i)
        b += "line " + QByteArray::number(i) + (i + 1 < n ? "\r\n" : "");
    feed(s, b);
}
} // namespace

void tst_TerminalStreams::scrollRegionUp()
{
    TerminalScreen s(10, 20);
    fillRows(s, 10);
    feed(s, "\x1b[3;7r\x1b[7;1H\n\nnew");   // DECSTBM rows 3..7 (1-based), two LFs at its bottom
    const QStringList expected = {"line 0", "line 1", "line 4", "line 5", "line 6", "",
                                  "new", "line 7", "line 8", "line 9"};
    for (int r = 0; r < 10; ++r)
        QVERIFY2(row(s, r) == expected[r], qPrintable(dump(s)));
    QCOMPARE(s.scrollbackLines(), 0);   // a region below the top keeps no history
    QCOMPARE(s.cursorRow(), 6);
}

void tst_TerminalStreams::scrollRegionDownAndReverseIndex()
{
    TerminalScreen s(10, 20);
    fillRows(s, 10);
    feed(s, "\x1b[3;7r\x1b[3;1H\x1bM\x1bMtop");   // RI twice at the region's top
    const QStringList expected = {"line 0", "line 1", "top", "", "line 2", "line 3",
                                  "line 4", "line 7", "line 8", "line 9"};
    for (int r = 0; r < 10; ++r)
        QVERIFY2(row(s, r) == expected[r], qPrintable(dump(s)));
    feed(s, "\x1b[2T");   // SD: scroll down two more within the region
    QCOMPARE(row(s, 2), QString());
    QCOMPARE(row(s, 4), QStringLiteral("top"));
    QCOMPARE(row(s, 7), QStringLiteral("line 7"));
}

void tst_TerminalStreams::scrollRegionFromTopFeedsScrollback()
{
    TerminalScreen s(10, 20);
    fillRows(s, 10);
    feed(s, "\x1b[1;9r\x1b[9;1H\n\n");   // a status line on row 10 stays put
    QCOMPARE(s.scrollbackLines(), 2);
    QCOMPARE(s.lineText(0), QStringLiteral("line 0"));
    QCOMPARE(s.lineText(1), QStringLiteral("line 1"));
    QCOMPARE(row(s, 0), QStringLiteral("line 2"));
    QCOMPARE(row(s, 6), QStringLiteral("line 8"));
    QCOMPARE(row(s, 7), QString());
    QCOMPARE(row(s, 9), QStringLiteral("line 9"));
}

void tst_TerminalStreams::insertDeleteLines()
{
    TerminalScreen s(6, 20);
    fillRows(s, 6);
    feed(s, "\x1b[2;1H\x1b[2L");   // IL
    QCOMPARE(row(s, 1), QString());
    QCOMPARE(row(s, 3), QStringLiteral("line 1"));
    QCOMPARE(row(s, 5), QStringLiteral("line 3"));
    feed(s, "\x1b[3M");   // DL
    QCOMPARE(row(s, 1), QStringLiteral("line 2"));
    QCOMPARE(row(s, 2), QStringLiteral("line 3"));
    QCOMPARE(row(s, 3), QString());
    QCOMPARE(s.scrollbackLines(), 0);
}

void tst_TerminalStreams::alternateScreen()
{
    TerminalScreen s(5, 20);
    QSignalSpy spy(&s, &TerminalScreen::alternateScreenChanged);
    feed(s, "$ less file\r\n");
    feed(s, "\x1b[?1049h\x1b[H\x1b[2J");
    QVERIFY(s.isAlternateScreen());
    QCOMPARE(spy.size(), 1);
    QCOMPARE(row(s, 0), QString());
    // Scrolling on the alternate screen keeps no history.
    feed(s, "a\r\nb\r\nc\r\nd\r\ne\r\nf\r\ng\x1b[7m:\x1b[m");
    QCOMPARE(s.scrollbackLines(), 0);
    QCOMPARE(row(s, 0), QStringLiteral("c"));
    QVERIFY(s.cell(4, 1).style.reverse());
    feed(s, "\x1b[?1049l");
    QVERIFY(!s.isAlternateScreen());
    QCOMPARE(spy.size(), 2);
    QCOMPARE(row(s, 0), QStringLiteral("$ less file"));
    QCOMPARE(row(s, 1), QString());
    QCOMPARE(s.cursorRow(), 1);   // 1049 restores the cursor
    QCOMPARE(s.cursorColumn(), 0);
    // Entering again starts from a clear alternate screen.
    feed(s, "\x1b[?1049h");
    QCOMPARE(row(s, 0), QString());
    feed(s, "\x1b[?1049l");
}

void tst_TerminalStreams::alternateScreen1047()
{
    TerminalScreen s(5, 20);
    feed(s, "primary");
    feed(s, "\x1b[?1047hALT");
    QVERIFY(s.isAlternateScreen());
    QCOMPARE(row(s, 0), QStringLiteral("       ALT"));
    feed(s, "\x1b[?1047l");
    QCOMPARE(row(s, 0), QStringLiteral("primary"));
}

void tst_TerminalStreams::syntheticVimSession()
{
    // What vim does in a 10x40 terminal: alternate screen, app cursor keys, bracketed paste,
    // draw the buffer and "~" lines, a reverse-video status line, then scroll the text
    // region by one line (Ctrl-E) with a scrolling region, then quit.
    TerminalScreen s(10, 40);
    feed(s, "$ vim notes.txt\r\n");
    QByteArray b = "\x1b[?1049h\x1b[?1h\x1b=\x1b[?2004h\x1b[1;10r\x1b[H\x1b[2J";
    for (int i = 0; i < 8; ++i)
        b += "\x1b[" + QByteArray::number(i + 1) + ";1H"
             + (i < 5 ? QByteArray("text ") + QByteArray::number(i) : QByteArray("\x1b[94m~\x1b[m"));
    b += "\x1b[9;1H\x1b[7mnotes.txt          1,1   All\x1b[27m\x1b[10;1H\"notes.txt\" 5L";
    b += "\x1b[1;1H";
    feed(s, b);
    QVERIFY(s.isAlternateScreen());
    QVERIFY(s.applicationCursorKeys());
    QVERIFY(s.applicationKeypad());
    QVERIFY(s.bracketedPaste());
    QCOMPARE(row(s, 0), QStringLiteral("text 0"));
    QCOMPARE(row(s, 5), QStringLiteral("~"));
    QCOMPARE(s.cell(5, 0).style.fg, TermColor::indexed(12));
    QCOMPARE(row(s, 8), QStringLiteral("notes.txt          1,1   All"));
    for (int c = 0; c < 28; ++c)
        QVERIFY(s.cell(8, c).style.reverse());
    QVERIFY(!s.cell(8, 28).style.reverse());
    // Ctrl-E: scroll rows 1..8 up by one inside a region, redraw the last text row.
    feed(s, "\x1b[1;8r\x1b[8;1H\n\x1b[1;10r\x1b[8;1H\x1b[94m~\x1b[m\x1b[1;1H");
    QCOMPARE(row(s, 0), QStringLiteral("text 1"));
    QCOMPARE(row(s, 3), QStringLiteral("text 4"));
    QCOMPARE(row(s, 7), QStringLiteral("~"));
    QCOMPARE(row(s, 8), QStringLiteral("notes.txt          1,1   All"));
    QCOMPARE(s.scrollbackLines(), 0);
    feed(s, "\x1b[?2004l\x1b[?1l\x1b>\x1b[?1049l");
    QVERIFY(!s.isAlternateScreen());
    QVERIFY(!s.applicationCursorKeys());
    QVERIFY(!s.bracketedPaste());
    QCOMPARE(row(s, 0), QStringLiteral("$ vim notes.txt"));
    QCOMPARE(s.cursorRow(), 1);
}

void tst_TerminalStreams::recordedVimSession()
{
    const QByteArray open = readData(QStringLiteral("vim-open.bin"));
    const QByteArray quit = readData(QStringLiteral("vim-quit.bin"));
    QVERIFY(!open.isEmpty() && !quit.isEmpty());
    TerminalScreen s(24, 80);
    feed(s, "$ vim hello.c\r\n");
    // Fed in small pieces, as a network would deliver it.
    for (qsizetype i = 0; i < open.size(); i += 7)
        s.feed(QByteArrayView(open).sliced(i, std::min<qsizetype>(7, open.size() - i)));
    QVERIFY(s.isAlternateScreen());
    QVERIFY(s.applicationCursorKeys());
    QVERIFY(s.bracketedPaste());
    const QStringList text = {"#include <stdio.h>", "", "int main(void)", "{",
                              "    printf(\"hi\\n\");", "    return 0;", "}",
                              QString::fromUtf8("    /* 中文 ok */")};
    for (int r = 0; r < text.size(); ++r)
        QVERIFY2(row(s, r) == text[r], qPrintable(dump(s)));
    // Syntax colours as vim drew them: PreProc magenta, String red, Type green, Statement
    // 256-colour 130, Comment blue, NonText "~" bright blue.
    QCOMPARE(s.cell(0, 0).style.fg, TermColor::indexed(5));
    QCOMPARE(s.cell(0, 9).style.fg, TermColor::indexed(1));
    QCOMPARE(s.cell(2, 3).style.fg, TermColor());
    QCOMPARE(s.cell(2, 0).style.fg, TermColor::indexed(2));
    QCOMPARE(s.cell(5, 4).style.fg, TermColor::indexed(130));
    QCOMPARE(s.cell(7, 4).style.fg, TermColor::indexed(4));
    QCOMPARE(s.cell(7, 7).text, QStringLiteral("中"));
    QCOMPARE(s.cell(7, 7).width, 2);
    QCOMPARE(s.cell(7, 9).text, QStringLiteral("文"));
    for (int r = 8; r < 23; ++r) {
        QCOMPARE(row(s, r), QStringLiteral("~"));
        QCOMPARE(s.cell(r, 0).style.fg, TermColor::indexed(12));
    }
    QCOMPARE(row(s, 23), QString());
    QCOMPARE(s.cursorRow(), 7);
    QCOMPARE(s.cursorColumn(), 16);
    feed(s, quit);
    QVERIFY(!s.isAlternateScreen());
    QVERIFY(!s.applicationCursorKeys());
    QVERIFY(!s.bracketedPaste());
    QCOMPARE(row(s, 0), QStringLiteral("$ vim hello.c"));
    for (int r = 1; r < 24; ++r)
        QCOMPARE(row(s, r), QString());
    QCOMPARE(s.cursorRow(), 1);
    QCOMPARE(s.scrollbackLines(), 0);
}

void tst_TerminalStreams::recordedHtopSession()
{
    const QByteArray open = readData(QStringLiteral("htop-open.bin"));
    const QByteArray quit = readData(QStringLiteral("htop-quit.bin"));
    QVERIFY(!open.isEmpty() && !quit.isEmpty());
    TerminalScreen s(24, 80);
    feed(s, "$ htop --tree\r\n");
    for (qsizetype i = 0; i < open.size(); i += 5)
        s.feed(QByteArrayView(open).sliced(i, std::min<qsizetype>(5, open.size() - i)));
    QVERIFY(s.isAlternateScreen());
    QCOMPARE(s.mouseMode(), MouseMode::Click);   // 1000 + SGR 1006: clicks select processes
    QVERIFY(s.applicationCursorKeys());
    QVERIFY(!s.isCursorVisible());
    const auto fg = [&s](int r, int c) { return s.cell(r, c).style.fg; };
    const auto bg = [&s](int r, int c) { return s.cell(r, c).style.bg; };
    const auto idx = [](int i) { return TermColor::indexed(i); };
    QVERIFY2(row(s, 0).isEmpty(), qPrintable(dump(s)));
    QCOMPARE(row(s, 1), QStringLiteral("    0[||||||||||||||||||||||||||100.0%] Tasks: 67, 42 thr, 60 kthr; 2 running"));
    QCOMPARE(row(s, 3), QStringLiteral("  Mem[||||||||||||         1.58G/23.5G] Uptime: 04:56:51"));
    QCOMPARE(row(s, 4), QStringLiteral("  Swp[                           0K/0K]"));
    // Meters: cyan labels, bold brackets, green CPU bars; memory bars green, bold blue,
    // magenta, yellow; the bold grey text on the right.
    QCOMPARE(fg(1, 4), idx(6));
    QVERIFY(s.cell(1, 5).style.bold());
    QCOMPARE(fg(1, 6), idx(2));
    QCOMPARE(fg(3, 6), idx(2));
    QCOMPARE(fg(3, 9), idx(4));
    QVERIFY(s.cell(3, 9).style.bold());
    QCOMPARE(fg(3, 10), idx(5));
    QCOMPARE(fg(3, 11), idx(3));
    QCOMPARE(fg(3, 30), idx(8));
    // Screen tabs, the column header (sort column cyan, the rest green, erased to the end
    // of the row in green) and the selected row in cyan across the whole width.
    QCOMPARE(row(s, 6), QStringLiteral("  [Main] [I/O]"));
    QCOMPARE(fg(6, 3), idx(0));
    QCOMPARE(bg(6, 3), idx(2));
    QCOMPARE(bg(6, 10), idx(4));
    QVERIFY(row(s, 7).startsWith(QStringLiteral("  PID△USER       PRI  NI  VIRT")));
    QCOMPARE(s.cell(7, 5).text, QStringLiteral("△"));
    QCOMPARE(bg(7, 0), idx(6));
    QCOMPARE(bg(7, 6), idx(2));
    QCOMPARE(fg(7, 6), idx(0));
    QCOMPARE(bg(7, 79), idx(2));
    QVERIFY(row(s, 8).startsWith(QStringLiteral("    1 root        10 -10 47044")));
    for (int c = 0; c < 80; ++c)
        QCOMPARE(bg(8, c), idx(6));
    // The process tree: cyan lines, green threads, red negative nice values.
    QCOMPARE(row(s, 9), QStringLiteral("   59 root        20   0 47044 15144  6420 S   0.0  0.1  0:00.43 ├─ /process_api"));
    QCOMPARE(s.cell(9, 65).text, QStringLiteral("├"));
    QCOMPARE(s.cell(9, 65).width, 1);
    QCOMPARE(fg(9, 65), idx(6));
    QCOMPARE(fg(9, 68), idx(2));
    QCOMPARE(bg(9, 68), TermColor());
    QCOMPARE(fg(10, 21), idx(1));
    QVERIFY(row(s, 22).endsWith(QStringLiteral("├─ dockerd --da")));
    // The function key bar.
    QCOMPARE(row(s, 23), QStringLiteral("F1Help  F2Setup F3SearchF4FilterF5List  F6SortByF7Nice -F8Nice +F9Kill  F10Quit"));
    QCOMPARE(bg(23, 0), TermColor());
    QCOMPARE(fg(23, 2), idx(0));
    QCOMPARE(bg(23, 2), idx(6));
    QCOMPARE(bg(23, 72), TermColor());
    QCOMPARE(bg(23, 75), idx(6));
    // A click on a process is reported in SGR form (libvterm 0.1.4 alone would have applied
    // only the first mode of "\e[?1006;1000h": no mouse at all).
    QByteArray written;
    s.setWriter([&written](QByteArrayView b) { written += b.toByteArray(); });
    s.mouseMove(10, 5, Qt::NoModifier);
    s.mouseButton(1, true, Qt::NoModifier);
    s.mouseButton(1, false, Qt::NoModifier);
    QCOMPARE(written, QByteArray("\x1b[<0;6;11M\x1b[<0;6;11m"));
    // q: back to the shell's screen, modes reset.
    feed(s, quit);
    QVERIFY(!s.isAlternateScreen());
    QCOMPARE(s.mouseMode(), MouseMode::None);
    QVERIFY(!s.applicationCursorKeys());
    QVERIFY(s.isCursorVisible());
    QCOMPARE(row(s, 0), QStringLiteral("$ htop --tree"));
    QCOMPARE(row(s, 1), QString());
    QCOMPARE(s.scrollbackLines(), 0);
}

void tst_TerminalStreams::resizeShrinkAndGrow()
{
    TerminalScreen s(10, 20);
    fillRows(s, 10);   // cursor on the last row
    s.resize(6, 20);
    QCOMPARE(s.rows(), 6);
    QCOMPARE(s.scrollbackLines(), 4);   // the top rows went to the scrollback
    QCOMPARE(row(s, 0), QStringLiteral("line 4"));
    QCOMPARE(row(s, 5), QStringLiteral("line 9"));
    QCOMPARE(s.cursorRow(), 5);   // still on "line 9"
    feed(s, "!");
    QCOMPARE(row(s, 5), QStringLiteral("line 9!"));
    s.resize(10, 20);
    QCOMPARE(s.scrollbackLines(), 0);   // pulled back
    QCOMPARE(row(s, 0), QStringLiteral("line 0"));
    QCOMPARE(row(s, 9), QStringLiteral("line 9!"));
    QCOMPARE(s.cursorRow(), 9);

    // Shrinking with the cursor near the top drops blank rows below it instead.
    TerminalScreen t(10, 20);
    feed(t, "one\r\ntwo");
    t.resize(4, 20);
    QCOMPARE(t.scrollbackLines(), 0);
    QCOMPARE(row(t, 0), QStringLiteral("one"));
    QCOMPARE(t.cursorRow(), 1);
}

void tst_TerminalStreams::resizeColumnsCutsWithoutReflow()
{
    TerminalScreen s(5, 20);
    feed(s, "0123456789abcdefghij\r\n中文中文中文中文中文\r\nend");
    s.resize(5, 9);
    QCOMPARE(row(s, 0), QStringLiteral("012345678"));
    // A wide character cut in half by the new width becomes a blank.
    QCOMPARE(row(s, 1), QStringLiteral("中文中文"));
    QCOMPARE(s.cell(1, 8).width, 1);
    s.resize(5, 20);
    // libvterm 0.1.4 does not reflow: what was cut stays cut.
    QCOMPARE(row(s, 0), QStringLiteral("012345678"));
    QCOMPARE(row(s, 2), QStringLiteral("end"));
    feed(s, "\x1b[1;15Hxy");
    QCOMPARE(row(s, 0), QStringLiteral("012345678     xy"));
}

void tst_TerminalStreams::resizeOnAlternateScreen()
{
    TerminalScreen s(10, 20);
    fillRows(s, 10);
    feed(s, "\x1b[?1049h\x1b[Hfull screen app");
    s.resize(5, 15);
    QVERIFY(s.isAlternateScreen());
    QCOMPARE(row(s, 0), QStringLiteral("full screen app"));
    feed(s, "\x1b[?1049l");
    QCOMPARE(s.rows(), 5);
    // The primary screen kept its last rows; the rest is in the scrollback.
    QCOMPARE(row(s, 4), QStringLiteral("line 9"));
    QCOMPARE(s.scrollbackLines(), 5);
    QCOMPARE(s.lineText(0), QStringLiteral("line 0"));
}

void tst_TerminalStreams::wordAndLineSelection()
{
    TerminalScreen s(5, 40);
    feed(s, "ls /var/log/nginx-1.2 && echo 你好世界!\r\n" + QByteArray(50, 'w') + " tail");
    QCOMPARE(s.text(s.wordAt({0, 6})), QStringLiteral("/var/log/nginx-1.2"));
    QCOMPARE(s.text(s.wordAt({0, 0})), QStringLiteral("ls"));
    QCOMPARE(s.text(s.wordAt({0, 22})), QStringLiteral("&&"));
    QCOMPARE(s.text(s.wordAt({0, 33})), QString::fromUtf8("你好世界!"));   // right half of 好
    QCOMPARE(s.text(s.wordAt({0, 39})), QString());   // blanks
    const TextRange line = s.lineAt({2, 3});
    QCOMPARE(line, (TextRange{{1, 0}, {2, 40}}));
    QCOMPARE(s.text(line), QString(50, QLatin1Char('w')) + QStringLiteral(" tail"));
    QCOMPARE(s.text({{0, 3}, {1, 2}}), QString::fromUtf8("/var/log/nginx-1.2 && echo 你好世界!\nww"));
}

int runTerminalStreamTests(int argc, char **argv)
{
    tst_TerminalStreams t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_terminalstreams.moc"
