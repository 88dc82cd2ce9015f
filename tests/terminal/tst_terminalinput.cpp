// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// What TerminalScreen sends to the program: key encodings in normal and application modes,
// text, bracketed paste, mouse reports, and the mode queries that decide them.
#include "termtestutil.h"

#include <QSignalSpy>

using namespace Qwq::Terminal;
using namespace TermTest;

class tst_TerminalInput final : public QObject
{
    Q_OBJECT

private slots:
    void keys_data();
    void keys();
    void applicationCursorAndKeypad();
    void text();
    void pasteWithoutBracketedMode();
    void bracketedPaste();
    void pasteCannotEndBracketEarly();
    void mouseModes();
    void mouseReports();
    void focusReports();
};

namespace {
struct Capture
{
    explicit Capture(TerminalScreen &s)
    {
        s.setWriter([this](QByteArrayView b) { bytes += b.toByteArray(); });
    }
    QByteArray take() { return std::exchange(bytes, {}); }
    QByteArray bytes;
};
} // namespace

void tst_TerminalInput::keys_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("mods");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");
    const int none = Qt::NoModifier, ctrl = Qt::ControlModifier, alt = Qt::AltModifier,
              shift = Qt::ShiftModifier;
    QTest::newRow("a") << int(Qt::Key_A) << none << "a" << QByteArray("a");
    QTest::newRow("shift A") << int(Qt::Key_A) << shift << "A" << QByteArray("A");
    QTest::newRow("enter") << int(Qt::Key_Return) << none << "\r" << QByteArray("\r");
    QTest::newRow("backspace") << int(Qt::Key_Backspace) << none << "\b" << QByteArray("\x7f");
    QTest::newRow("tab") << int(Qt::Key_Tab) << none << "\t" << QByteArray("\t");
    QTest::newRow("shift tab") << int(Qt::Key_Backtab) << shift << "" << QByteArray("\x1b[Z");
    QTest::newRow("escape") << int(Qt::Key_Escape) << none << "\x1b" << QByteArray("\x1b");
    QTest::newRow("up") << int(Qt::Key_Up) << none << "" << QByteArray("\x1b[A");
    QTest::newRow("left") << int(Qt::Key_Left) << none << "" << QByteArray("\x1b[D");
    QTest::newRow("ctrl left") << int(Qt::Key_Left) << ctrl << "" << QByteArray("\x1b[1;5D");
    QTest::newRow("shift up") << int(Qt::Key_Up) << shift << "" << QByteArray("\x1b[1;2A");
    QTest::newRow("alt right") << int(Qt::Key_Right) << alt << "" << QByteArray("\x1b[1;3C");
    QTest::newRow("home") << int(Qt::Key_Home) << none << "" << QByteArray("\x1b[H");
    QTest::newRow("end") << int(Qt::Key_End) << none << "" << QByteArray("\x1b[F");
    QTest::newRow("insert") << int(Qt::Key_Insert) << none << "" << QByteArray("\x1b[2~");
    QTest::newRow("delete") << int(Qt::Key_Delete) << none << "" << QByteArray("\x1b[3~");
    QTest::newRow("page up") << int(Qt::Key_PageUp) << none << "" << QByteArray("\x1b[5~");
    QTest::newRow("page down") << int(Qt::Key_PageDown) << none << "" << QByteArray("\x1b[6~");
    QTest::newRow("F1") << int(Qt::Key_F1) << none << "" << QByteArray("\x1bOP");
    QTest::newRow("F4") << int(Qt::Key_F4) << none << "" << QByteArray("\x1bOS");
    QTest::newRow("F5") << int(Qt::Key_F5) << none << "" << QByteArray("\x1b[15~");
    QTest::newRow("F12") << int(Qt::Key_F12) << none << "" << QByteArray("\x1b[24~");
    QTest::newRow("ctrl F5") << int(Qt::Key_F5) << ctrl << "" << QByteArray("\x1b[15;5~");
    QTest::newRow("shift F1") << int(Qt::Key_F1) << shift << "" << QByteArray("\x1b[1;2P");
    QTest::newRow("ctrl c") << int(Qt::Key_C) << ctrl << "\x03" << QByteArray("\x03");
    QTest::newRow("ctrl d") << int(Qt::Key_D) << ctrl << "\x04" << QByteArray("\x04");
    QTest::newRow("ctrl [") << int(Qt::Key_BracketLeft) << ctrl << "\x1b" << QByteArray("\x1b");
    QTest::newRow("ctrl space") << int(Qt::Key_Space) << ctrl << "" << QByteArray(1, '\0');
    QTest::newRow("alt x") << int(Qt::Key_X) << alt << "x" << QByteArray("\x1bx");
    QTest::newRow("alt shift X") << int(Qt::Key_X) << (alt | shift) << "X" << QByteArray("\x1bX");
    QTest::newRow("ctrl alt c") << int(Qt::Key_C) << (ctrl | alt) << "" << QByteArray("\x1b\x03");
    QTest::newRow("alt .") << int(Qt::Key_Period) << alt << "." << QByteArray("\x1b.");
    QTest::newRow("chinese") << int(Qt::Key_unknown) << none << QString::fromUtf8("中")
                             << QByteArray("\xe4\xb8\xad");
    QTest::newRow("lone shift") << int(Qt::Key_Shift) << shift << "" << QByteArray();
}

void tst_TerminalInput::keys()
{
    QFETCH(int, key);
    QFETCH(int, mods);
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    TerminalScreen s(24, 80);
    Capture out(s);
    const bool handled = s.sendKey(key, Qt::KeyboardModifiers(mods), text);
    QCOMPARE(handled, !expected.isEmpty());
    QCOMPARE(out.take().toHex(' '), expected.toHex(' '));
}

void tst_TerminalInput::applicationCursorAndKeypad()
{
    TerminalScreen s(24, 80);
    Capture out(s);
    QVERIFY(!s.applicationCursorKeys());
    QVERIFY(!s.applicationKeypad());
    s.sendKey(Qt::Key_5, Qt::KeypadModifier, QStringLiteral("5"));
    QCOMPARE(out.take(), QByteArray("5"));
    feed(s, "\x1b[?1h\x1b=");
    QVERIFY(s.applicationCursorKeys());
    QVERIFY(s.applicationKeypad());
    QVERIFY(out.take().isEmpty());   // probing a mode sends nothing
    s.sendKey(Qt::Key_Up, Qt::NoModifier);
    QCOMPARE(out.take(), QByteArray("\x1bOA"));
    s.sendKey(Qt::Key_Right, Qt::NoModifier);
    QCOMPARE(out.take(), QByteArray("\x1bOC"));
    s.sendKey(Qt::Key_Up, Qt::ControlModifier);   // with a modifier: the CSI form
    QCOMPARE(out.take(), QByteArray("\x1b[1;5A"));
    s.sendKey(Qt::Key_5, Qt::KeypadModifier, QStringLiteral("5"));
    QCOMPARE(out.take(), QByteArray("\x1bOu"));
    s.sendKey(Qt::Key_Enter, Qt::KeypadModifier);
    QCOMPARE(out.take(), QByteArray("\x1bOM"));
    feed(s, "\x1b[?1l\x1b>");
    QVERIFY(!s.applicationCursorKeys());
    QVERIFY(!s.applicationKeypad());
    s.sendKey(Qt::Key_Up, Qt::NoModifier);
    QCOMPARE(out.take(), QByteArray("\x1b[A"));
}

void tst_TerminalInput::text()
{
    TerminalScreen s(24, 80);
    Capture out(s);
    s.sendText(QString::fromUtf8("你好 ok"));
    QCOMPARE(out.take(), QString::fromUtf8("你好 ok").toUtf8());
    s.sendText({});
    QVERIFY(out.take().isEmpty());
}

void tst_TerminalInput::pasteWithoutBracketedMode()
{
    TerminalScreen s(24, 80);
    Capture out(s);
    QVERIFY(!s.bracketedPaste());
    s.paste(QStringLiteral("echo a\necho b\r\necho c\r"));
    QCOMPARE(out.take(), QByteArray("echo a\recho b\recho c\r"));
}

void tst_TerminalInput::bracketedPaste()
{
    TerminalScreen s(24, 80);
    Capture out(s);
    feed(s, "\x1b[?2004h");
    QVERIFY(s.bracketedPaste());
    s.paste(QString::fromUtf8("line 1\nline 2 中文\ttab"));
    QCOMPARE(out.take(), QByteArray("\x1b[200~line 1\rline 2 \xe4\xb8\xad\xe6\x96\x87\ttab\x1b[201~"));
    feed(s, "\x1b[?2004l");
    QVERIFY(!s.bracketedPaste());
    s.paste(QStringLiteral("x"));
    QCOMPARE(out.take(), QByteArray("x"));
}

void tst_TerminalInput::pasteCannotEndBracketEarly()
{
    TerminalScreen s(24, 80);
    Capture out(s);
    feed(s, "\x1b[?2004h");
    s.paste(QStringLiteral("safe\x1b[201~rm -rf /\r\x1b[200~") + QChar(0x9b) + QStringLiteral("x\x07"));
    QCOMPARE(out.take(), QByteArray("\x1b[200~safe[201~rm -rf /\r[200~x\x1b[201~"));
    s.paste(QStringLiteral("\x1b\x01"));   // nothing left: nothing sent
    QVERIFY(out.take().isEmpty());
}

void tst_TerminalInput::mouseModes()
{
    TerminalScreen s(24, 80);
    QSignalSpy spy(&s, &TerminalScreen::mouseModeChanged);
    QCOMPARE(s.mouseMode(), MouseMode::None);
    feed(s, "\x1b[?1000h");
    QCOMPARE(s.mouseMode(), MouseMode::Click);
    feed(s, "\x1b[?1002h");
    QCOMPARE(s.mouseMode(), MouseMode::Drag);
    feed(s, "\x1b[?1003h");
    QCOMPARE(s.mouseMode(), MouseMode::Move);
    feed(s, "\x1b[?1003l");
    QCOMPARE(s.mouseMode(), MouseMode::None);
    QCOMPARE(spy.size(), 4);
}

void tst_TerminalInput::mouseReports()
{
    TerminalScreen s(24, 80);
    Capture out(s);
    s.mouseButton(1, true, Qt::NoModifier);   // no mouse mode: nothing
    s.mouseButton(1, false, Qt::NoModifier);
    QVERIFY(out.take().isEmpty());
    feed(s, "\x1b[?1000h\x1b[?1006h");   // clicks, SGR encoding (htop, vim)
    s.mouseMove(2, 3, Qt::NoModifier);
    s.mouseButton(1, true, Qt::NoModifier);
    s.mouseButton(1, false, Qt::NoModifier);
    QCOMPARE(out.take(), QByteArray("\x1b[<0;4;3M\x1b[<0;4;3m"));
    s.mouseButton(4, true, Qt::NoModifier);   // wheel up
    QCOMPARE(out.take(), QByteArray("\x1b[<64;4;3M"));
    s.mouseMove(5, 10, Qt::NoModifier);   // motion is not reported in click mode
    QVERIFY(out.take().isEmpty());
    feed(s, "\x1b[?1002h");
    s.mouseButton(1, true, Qt::NoModifier);
    s.mouseMove(6, 11, Qt::NoModifier);
    QCOMPARE(out.take(), QByteArray("\x1b[<0;11;6M\x1b[<32;12;7M"));
    s.mouseButton(1, false, Qt::NoModifier);
    out.take();
    feed(s, "\x1b[?1006l\x1b[?1002l\x1b[?1000h");   // the old X10 encoding
    s.mouseMove(0, 0, Qt::NoModifier);
    s.mouseButton(3, true, Qt::NoModifier);
    QCOMPARE(out.take(), QByteArray("\x1b[M\x22\x21\x21"));
}

void tst_TerminalInput::focusReports()
{
    TerminalScreen s(24, 80);
    Capture out(s);
    s.focusChanged(true);
    QVERIFY(out.take().isEmpty());
    feed(s, "\x1b[?1004h");
    s.focusChanged(false);
    s.focusChanged(true);
    QCOMPARE(out.take(), QByteArray("\x1b[O\x1b[I"));
}

int runTerminalInputTests(int argc, char **argv)
{
    tst_TerminalInput t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_terminalinput.moc"
