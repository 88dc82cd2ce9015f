// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// TerminalScreen cell by cell: colours (16, 256, truecolour), attributes, wide and combining
// characters, emoji widths, soft wraps, erase colours, damage, titles and OSC 52.
#include "termtestutil.h"

#include <terminal/core/widthfix.h>

#include <QSignalSpy>

#include <clocale>
#include <cwchar>

using namespace Qwq::Terminal;
using namespace TermTest;

class tst_TerminalScreen final : public QObject
{
    Q_OBJECT

private slots:
    void plainText();
    void basicColours();
    void brightColours();
    void colourTable256();
    void trueColour();
    void attributes();
    void cjkWide();
    void combining();
    void combiningInNextChunk();
    void combiningFloodIsCapped();
    void emojiWidth();
    void emojiSplitAcrossChunks();
    void widthFixTableMatchesGlibc();
    void wideCharOverwritten();
    void softWrap();
    void eraseUsesBackground();
    void insertDeleteChars();
    void damageAndSignals();
    void titleSanitised();
    void titleFromStream();
    void osc52IgnoredByDefault();
    void osc52AllowedAndQueryNeverAnswered();
    void unknownSequencesSwallowed();
    void queriesAnswered();
};

void tst_TerminalScreen::plainText()
{
    TerminalScreen s(24, 80);
    feed(s, "hello\r\nworld");
    QCOMPARE(row(s, 0), QStringLiteral("hello"));
    QCOMPARE(row(s, 1), QStringLiteral("world"));
    QCOMPARE(s.cell(0, 0).text, QStringLiteral("h"));
    QCOMPARE(s.cell(0, 5).text, QString());   // blank
    QCOMPARE(s.cursorRow(), 1);
    QCOMPARE(s.cursorColumn(), 5);
    QCOMPARE(s.cell(0, 0).style, CellStyle());
}

void tst_TerminalScreen::basicColours()
{
    TerminalScreen s(24, 80);
    QByteArray bytes;
    for (int i = 0; i < 8; ++i)
        bytes += "\x1b[" + QByteArray::number(30 + i) + ";" + QByteArray::number(40 + (7 - i)) + "mX";
    bytes += "\x1b[39mD\x1b[49mE\x1b[0mN";
    feed(s, bytes);
    for (int i = 0; i < 8; ++i) {
        QCOMPARE(s.cell(0, i).style.fg, TermColor::indexed(i));
        QCOMPARE(s.cell(0, i).style.bg, TermColor::indexed(7 - i));
    }
    QCOMPARE(s.cell(0, 8).style, style({}, TermColor::indexed(0)));   // default fg, bg kept
    QCOMPARE(s.cell(0, 9).style, CellStyle());
    QCOMPARE(s.cell(0, 10).style, CellStyle());
}

void tst_TerminalScreen::brightColours()
{
    TerminalScreen s(24, 80);
    feed(s, "\x1b[90;100ma\x1b[97;107mb\x1b[1;31mc");
    QCOMPARE(s.cell(0, 0).style.fg, TermColor::indexed(8));
    QCOMPARE(s.cell(0, 0).style.bg, TermColor::indexed(8));
    QCOMPARE(s.cell(0, 1).style.fg, TermColor::indexed(15));
    QCOMPARE(s.cell(0, 1).style.bg, TermColor::indexed(15));
    // Bold is an attribute, not a brighter colour: the view decides how bold looks.
    QCOMPARE(s.cell(0, 2).style.fg, TermColor::indexed(1));
    QVERIFY(s.cell(0, 2).style.bold());
}

void tst_TerminalScreen::colourTable256()
{
    // The classic 256-colour table, 16 cells a row, foreground then background.
    TerminalScreen s(40, 80);
    QByteArray bytes;
    for (int i = 0; i < 256; ++i) {
        bytes += "\x1b[38;5;" + QByteArray::number(i) + "m#";
        if (i % 16 == 15)
            bytes += "\x1b[0m\r\n";
    }
    for (int i = 0; i < 256; ++i) {
        bytes += "\x1b[48;5;" + QByteArray::number(i) + "m ";
        if (i % 16 == 15)
            bytes += "\x1b[0m\r\n";
    }
    feed(s, bytes);
    for (int i = 0; i < 256; ++i) {
        const TerminalCell fg = s.cell(i / 16, i % 16);
        QCOMPARE(fg.text, QStringLiteral("#"));
        QCOMPARE(fg.style, style(TermColor::indexed(i)));
        const TerminalCell bg = s.cell(16 + i / 16, i % 16);
        QCOMPARE(bg.style, style({}, TermColor::indexed(i)));
    }
    QCOMPARE(s.cell(0, 16).style, CellStyle());
}

void tst_TerminalScreen::trueColour()
{
    TerminalScreen s(24, 80);
    feed(s, "\x1b[38;2;255;128;0ma\x1b[48;2;1;2;3mb\x1b[38;2;0;0;0;48;2;255;255;255mc"
            "\x1b[0m\x1b[38:2:10:20:30md");
    QCOMPARE(s.cell(0, 0).style, style(TermColor::rgb(255, 128, 0)));
    QCOMPARE(s.cell(0, 1).style, style(TermColor::rgb(255, 128, 0), TermColor::rgb(1, 2, 3)));
    QCOMPARE(s.cell(0, 2).style, style(TermColor::rgb(0, 0, 0), TermColor::rgb(255, 255, 255)));
    // The colon form without a colour space id; libvterm 0.1.4 misreads the ITU T.416 form
    // with an empty id (38:2::r:g:b), which few programs send.
    QCOMPARE(s.cell(0, 3).style.fg, TermColor::rgb(10, 20, 30));
    // A gradient: every column its own colour.
    QByteArray grad = "\r\n";
    for (int i = 0; i < 80; ++i)
        grad += "\x1b[48;2;" + QByteArray::number(i * 3) + ";0;" + QByteArray::number(255 - i * 3) + "m ";
    feed(s, grad);
    for (int i = 0; i < 80; ++i)
        QCOMPARE(s.cell(1, i).style.bg, TermColor::rgb(quint8(i * 3), 0, quint8(255 - i * 3)));
}

void tst_TerminalScreen::attributes()
{
    TerminalScreen s(24, 80);
    feed(s, "\x1b[1mB\x1b[22;3mI\x1b[23;4mU\x1b[24;7mR\x1b[27;9mS\x1b[29;5mK\x1b[0m"
            "\x1b[21mD\x1b[4:3mC\x1b[1;3;4;7mA\x1b[mN");
    QCOMPARE(s.cell(0, 0).style.flags, quint16(CellStyle::Bold));
    QCOMPARE(s.cell(0, 1).style.flags, quint16(CellStyle::Italic));
    QCOMPARE(s.cell(0, 2).style.underline(), 1);
    QCOMPARE(s.cell(0, 2).style.flags & ~CellStyle::UnderlineMask, 0);
    QCOMPARE(s.cell(0, 3).style.flags, quint16(CellStyle::Reverse));
    QCOMPARE(s.cell(0, 4).style.flags, quint16(CellStyle::Strike));
    QCOMPARE(s.cell(0, 5).style.flags, quint16(CellStyle::Blink));
    QCOMPARE(s.cell(0, 6).style.underline(), 2);   // SGR 21: double underline
    QCOMPARE(s.cell(0, 7).style.underline(), 3);   // SGR 4:3: curly
    const CellStyle all = s.cell(0, 8).style;
    QVERIFY(all.bold() && all.italic() && all.reverse() && all.underline() == 1 && !all.strike());
    QCOMPARE(s.cell(0, 9).style, CellStyle());
}

void tst_TerminalScreen::cjkWide()
{
    TerminalScreen s(24, 80);
    feed(s, "中文ab\x1b[31m字");
    QCOMPARE(s.cell(0, 0).text, QStringLiteral("中"));
    QCOMPARE(s.cell(0, 0).width, 2);
    QCOMPARE(s.cell(0, 1).width, 0);
    QCOMPARE(s.cell(0, 1).text, QString());
    QCOMPARE(s.cell(0, 2).text, QStringLiteral("文"));
    QCOMPARE(s.cell(0, 4).text, QStringLiteral("a"));
    QCOMPARE(s.cell(0, 5).text, QStringLiteral("b"));
    QCOMPARE(s.cell(0, 6).text, QStringLiteral("字"));
    QCOMPARE(s.cell(0, 6).style.fg, TermColor::indexed(1));
    QCOMPARE(s.cell(0, 7).style.fg, TermColor::indexed(1));   // right half shares the style
    QCOMPARE(s.cursorColumn(), 8);
    QCOMPARE(row(s, 0), QStringLiteral("中文ab字"));
}

void tst_TerminalScreen::combining()
{
    TerminalScreen s(24, 80);
    feed(s, "e\xcc\x81x a\xcc\x8a\xcc\x81!");   // e + U+0301, a + U+030A + U+0301
    QCOMPARE(s.cell(0, 0).text, QString::fromUtf8("e\xcc\x81"));
    QCOMPARE(s.cell(0, 0).width, 1);
    QCOMPARE(s.cell(0, 1).text, QStringLiteral("x"));
    QCOMPARE(s.cell(0, 3).text, QString::fromUtf8("a\xcc\x8a\xcc\x81"));
    QCOMPARE(s.cell(0, 4).text, QStringLiteral("!"));
    QCOMPARE(s.cursorColumn(), 5);
    QCOMPARE(row(s, 0), QString::fromUtf8("e\xcc\x81x a\xcc\x8a\xcc\x81!"));
}

void tst_TerminalScreen::combiningInNextChunk()
{
    TerminalScreen s(24, 80);
    feed(s, "cafe");
    feed(s, "\xcc\x81!");
    QCOMPARE(s.cell(0, 3).text, QString::fromUtf8("e\xcc\x81"));
    QCOMPARE(s.cell(0, 4).text, QStringLiteral("!"));
}

void tst_TerminalScreen::combiningFloodIsCapped()
{
    TerminalScreen s(3, 20);
    QByteArray b = "a";
    for (int i = 0; i < 5000; ++i)
        b += "\xcc\x81";
    feed(s, b + "b\r\n\r\n\r\n");   // and into the scrollback
    QCOMPARE(s.scrollbackLines(), 1);
    const QString cell = s.line(0).cellText(0);
    QCOMPARE(cell.size(), 8);   // the base and 7 marks
    QCOMPARE(s.line(0).cellText(1), QStringLiteral("b"));
}

void tst_TerminalScreen::emojiWidth()
{
    // U+1F600 (libvterm knows it is wide), U+1F970 and U+1F9E1 (Unicode 11/10: libvterm
    // 0.1.4 alone says narrow; widthfix makes them wide like wcwidth does), U+2705.
    TerminalScreen s(24, 80);
    feed(s, "\xf0\x9f\x98\x80|\xf0\x9f\xa5\xb0|\xf0\x9f\xa7\xa1|\xe2\x9c\x85|");
    const QStringList expected = {QString::fromUtf8("\xf0\x9f\x98\x80"), QString::fromUtf8("\xf0\x9f\xa5\xb0"),
                                  QString::fromUtf8("\xf0\x9f\xa7\xa1"), QString::fromUtf8("\xe2\x9c\x85")};
    for (int i = 0; i < expected.size(); ++i) {
        QCOMPARE(s.cell(0, i * 3).text, expected[i]);
        QCOMPARE(s.cell(0, i * 3).width, 2);
        QCOMPARE(s.cell(0, i * 3 + 1).width, 0);
        QCOMPARE(s.cell(0, i * 3 + 2).text, QStringLiteral("|"));
    }
    QCOMPARE(s.cursorColumn(), 12);
    QCOMPARE(row(s, 0), QString::fromUtf8("\xf0\x9f\x98\x80|\xf0\x9f\xa5\xb0|\xf0\x9f\xa7\xa1|\xe2\x9c\x85|"));
}

void tst_TerminalScreen::emojiSplitAcrossChunks()
{
    TerminalScreen s(24, 80);
    const QByteArray bytes = "a\xf0\x9f\xa5\xb0" "b\xf0\x9f\xa7\xa1" "c";
    for (char c : bytes)
        s.feed(QByteArray(1, c));
    QCOMPARE(row(s, 0), QString::fromUtf8(bytes));
    QCOMPARE(s.cell(0, 1).width, 2);
    QCOMPARE(s.cell(0, 3).text, QStringLiteral("b"));
    QCOMPARE(s.cell(0, 4).width, 2);
    QCOMPARE(s.cursorColumn(), 7);
    // An incomplete sequence followed by ASCII is not held back.
    feed(s, "\xf0" "A");
    QCOMPARE(s.cell(0, 8).text, QStringLiteral("A"));
}

void tst_TerminalScreen::widthFixTableMatchesGlibc()
{
    const char *old = std::setlocale(LC_CTYPE, nullptr);
    const QByteArray saved(old ? old : "C");
    if (!std::setlocale(LC_CTYPE, "C.UTF-8"))
        QSKIP("no C.UTF-8 locale");
    int checked = 0;
    for (char32_t cp = 0x16000; cp < 0x20000; ++cp) {
        if (!WidthFix::needsAlias(cp))
            continue;
        ++checked;
        QVERIFY2(wcwidth(wchar_t(cp)) == 2, qPrintable(QString::number(uint(cp), 16)));
        QCOMPARE(WidthFix::unalias(cp + WidthFix::kAliasOffset), cp);
    }
    std::setlocale(LC_CTYPE, saved.constData());
    QVERIFY(checked > 1000);
    QVERIFY(!WidthFix::needsAlias(0x1F600));   // libvterm already knows
    QVERIFY(!WidthFix::needsAlias(U'a'));
}

void tst_TerminalScreen::wideCharOverwritten()
{
    TerminalScreen s(24, 80);
    feed(s, "中文\x1b[1;2Hx");   // overwrite the right half of 中
    QCOMPARE(s.cell(0, 0).text, QString());
    QCOMPARE(s.cell(0, 0).width, 1);
    QCOMPARE(s.cell(0, 1).text, QStringLiteral("x"));
    QCOMPARE(s.cell(0, 2).text, QStringLiteral("文"));
    feed(s, "\x1b[1;3Hy");   // overwrite the left half of 文
    QCOMPARE(s.cell(0, 2).text, QStringLiteral("y"));
    QCOMPARE(s.cell(0, 3).width, 1);
    QCOMPARE(s.cell(0, 3).text, QString());
    // A wide character that does not fit in the last column wraps to the next line.
    feed(s, "\x1b[2;80H中");
    QCOMPARE(s.cell(2, 0).text, QStringLiteral("中"));
}

void tst_TerminalScreen::softWrap()
{
    TerminalScreen s(24, 80);
    const QByteArray longLine(100, 'x');
    feed(s, longLine + "\r\nshort\r\n" + QByteArray(80, 'y') + "\r\nafter");
    QVERIFY(s.isWrapped(0));
    QVERIFY(!s.isWrapped(1));
    QVERIFY(!s.isWrapped(2));
    QVERIFY(!s.isWrapped(3));   // exactly 80 columns, then CR LF: not a soft wrap
    QCOMPARE(row(s, 1), QString(20, QLatin1Char('x')));
    QCOMPARE(s.text({{0, 0}, {1, 80}}), QString(100, QLatin1Char('x')));
    QCOMPARE(s.text({{0, 0}, {2, 80}}), QString(100, QLatin1Char('x')) + QStringLiteral("\nshort"));
    QCOMPARE(s.lineAt({1, 5}), (TextRange{{0, 0}, {1, 80}}));
}

void tst_TerminalScreen::eraseUsesBackground()
{
    TerminalScreen s(5, 10);
    feed(s, "abc\x1b[44m\x1b[2J\x1b[H\x1b[0mx\x1b[41m\x1b[K");
    QCOMPARE(s.cell(0, 0).style, CellStyle());
    QCOMPARE(s.cell(0, 1).style.bg, TermColor::indexed(1));   // EL with red background
    QCOMPARE(s.cell(0, 9).style.bg, TermColor::indexed(1));
    QCOMPARE(s.cell(3, 5).style.bg, TermColor::indexed(4));   // ED with blue background
    QCOMPARE(s.cell(3, 5).text, QString());
}

void tst_TerminalScreen::insertDeleteChars()
{
    TerminalScreen s(5, 20);
    feed(s, "abcdef\r\x1b[2@");
    QCOMPARE(row(s, 0), QStringLiteral("  abcdef"));
    feed(s, "\x1b[3P");
    QCOMPARE(row(s, 0), QStringLiteral("bcdef"));
    feed(s, "\x1b[2;1H12345\x1b[2;2H\x1b[2X");   // ECH
    QCOMPARE(row(s, 1), QStringLiteral("1  45"));
}

void tst_TerminalScreen::damageAndSignals()
{
    TerminalScreen s(24, 80);
    QSignalSpy changed(&s, &TerminalScreen::contentsChanged);
    s.takeDamage();
    feed(s, "\x1b[5;1Habc\x1b[7;1Hdef");
    QCOMPARE(changed.size(), 1);   // once per feed, however many cells changed
    const auto [first, last] = s.takeDamage();
    QVERIFY(first <= 4 && last >= 6);
    const auto none = s.takeDamage();
    QVERIFY(none.first > none.second);
    QSignalSpy bell(&s, &TerminalScreen::bell);
    feed(s, "\a");
    QCOMPARE(bell.size(), 1);
}

void tst_TerminalScreen::titleSanitised()
{
    QCOMPARE(TerminalScreen::sanitizeTitle(QStringLiteral("vim  main.c")), QStringLiteral("vim  main.c"));
    QCOMPARE(TerminalScreen::sanitizeTitle(QString::fromUtf8("a\x01" "b\x7f" "c\xc2\x9b" "d\te")), QStringLiteral("abcde"));
    // Bidirectional overrides would let a title show a different file name than it holds.
    QCOMPARE(TerminalScreen::sanitizeTitle(QString::fromUtf8("evil\xe2\x80\xaegpj.exe")), QStringLiteral("evilgpj.exe"));
    QCOMPARE(TerminalScreen::sanitizeTitle(QString(1000, QLatin1Char('t'))).size(), TerminalScreen::kMaxTitleLength);
    // The cap does not split a surrogate pair.
    const QString emoji = QString::fromUtf8("\xf0\x9f\x98\x80");
    QString many = QString(TerminalScreen::kMaxTitleLength - 1, QLatin1Char('a')) + emoji;
    QCOMPARE(TerminalScreen::sanitizeTitle(many), QString(TerminalScreen::kMaxTitleLength - 1, QLatin1Char('a')));
    QCOMPARE(TerminalScreen::sanitizeTitle(QStringLiteral("  padded  ")), QStringLiteral("padded"));
}

void tst_TerminalScreen::titleFromStream()
{
    TerminalScreen s(24, 80);
    QSignalSpy spy(&s, &TerminalScreen::titleChanged);
    feed(s, "\x1b]0;user@host: ~\x07");
    QCOMPARE(s.title(), QStringLiteral("user@host: ~"));
    QCOMPARE(spy.size(), 1);
    feed(s, "\x1b]2;a\x01" "b\xe2\x80\xae" "c\x1b\\");
    QCOMPARE(s.title(), QStringLiteral("abc"));
    feed(s, "\x1b]2;" + QByteArray(5000, 'x') + "\x07");
    QCOMPARE(s.title().size(), TerminalScreen::kMaxTitleLength);
    feed(s, "\x1b]2;" + QByteArray(5000, 'x') + "\x07");   // unchanged: no signal
    QCOMPARE(spy.size(), 3);
    feed(s, "\x1b]2;\xf0\x9f\xa5\xb0 party\x07");   // an aliased emoji comes back as itself
    QCOMPARE(s.title(), QString::fromUtf8("\xf0\x9f\xa5\xb0 party"));
    QCOMPARE(row(s, 0), QString());   // nothing printed
}

void tst_TerminalScreen::osc52IgnoredByDefault()
{
    TerminalScreen s(24, 80);
    QByteArray written;
    s.setWriter([&](QByteArrayView b) { written += b.toByteArray(); });
    QSignalSpy spy(&s, &TerminalScreen::clipboardWriteRequested);
    feed(s, "\x1b]52;c;" + QByteArray("rm -rf ~\n").toBase64() + "\x07ok");
    QCOMPARE(spy.size(), 0);
    QCOMPARE(s.ignoredClipboardWrites(), 1);
    QCOMPARE(row(s, 0), QStringLiteral("ok"));
    QVERIFY(written.isEmpty());
}

void tst_TerminalScreen::osc52AllowedAndQueryNeverAnswered()
{
    TerminalScreen s(24, 80);
    s.setAllowClipboardWrite(true);
    QByteArray written;
    s.setWriter([&](QByteArrayView b) { written += b.toByteArray(); });
    QSignalSpy spy(&s, &TerminalScreen::clipboardWriteRequested);
    feed(s, "\x1b]52;c;" + QString::fromUtf8("复制 me").toUtf8().toBase64() + "\x1b\\");
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QString::fromUtf8("复制 me"));
    feed(s, "\x1b]52;c;?\x07");   // a read: never answered, whatever the option
    feed(s, "\x1b]52;c;!!notbase64!!\x07");
    QCOMPARE(spy.size(), 1);
    QVERIFY(written.isEmpty());
}

void tst_TerminalScreen::unknownSequencesSwallowed()
{
    TerminalScreen s(24, 80);
    QByteArray written;
    s.setWriter([&](QByteArrayView b) { written += b.toByteArray(); });
    // A hyperlink (OSC 8), a cwd report (OSC 7), window operations (CSI t), a DCS, colour
    // queries (OSC 10/11): none may act or leave bytes on screen.
    feed(s, "\x1b]8;;file:///etc/passwd\x07link\x1b]8;;\x07 \x1b]7;file://h/tmp\x07"
            "\x1b[3;0;0t\x1b[8;100;300t\x1bPzz\x1b\\\x1b]10;?\x07\x1b]11;?\x07" "end");
    QCOMPARE(row(s, 0), QStringLiteral("link end"));
    QCOMPARE(s.rows(), 24);
    QCOMPARE(s.columns(), 80);
    QVERIFY2(written.isEmpty(), written.toHex().constData());
}

void tst_TerminalScreen::queriesAnswered()
{
    TerminalScreen s(24, 80);
    QByteArray written;
    s.setWriter([&](QByteArrayView b) { written += b.toByteArray(); });
    feed(s, "\x1b[3;5H\x1b[6n");
    QCOMPARE(written, QByteArray("\x1b[3;5R"));
    written.clear();
    feed(s, "\x1b[c");
    QVERIFY(written.startsWith("\x1b[?"));
}

int runTerminalScreenTests(int argc, char **argv)
{
    tst_TerminalScreen t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_terminalscreen.moc"
