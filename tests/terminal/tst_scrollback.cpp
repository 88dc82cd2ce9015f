// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The scrollback: 100,000 lines within the memory budget, search through them, the limit,
// and lines with styles, wide and combining characters surviving the compact encoding.
#include "termtestutil.h"

#include <terminal/core/scrollback.h>

#include <QElapsedTimer>

using namespace Qwq::Terminal;
using namespace TermTest;

class tst_Scrollback final : public QObject
{
    Q_OBJECT

private slots:
    void hundredThousandLines();
    void searchForwardAndBackward();
    void limitDropsOldest();
    void styledLineRoundTrip();
    void popRestoresLine();
    void clear();
};

namespace {
QByteArray numberedLine(int i)
{
    // 80 columns of text, like `seq` padded or a log line.
    QByteArray l = "line " + QByteArray::number(i).rightJustified(6, '0') + " ";
    while (l.size() < 80)
        l += "abcdefghij";
    return l.left(80);
}
} // namespace

void tst_Scrollback::hundredThousandLines()
{
    TerminalScreen s(24, 80);
    QByteArray chunk;
    QElapsedTimer timer;
    timer.start();
    const int total = 100000 + 24;
    for (int i = 0; i < total; ++i) {
        chunk += numberedLine(i);
        chunk += "\r\n";
        if (chunk.size() > 256 * 1024) {
            s.feed(chunk);
            chunk.clear();
        }
    }
    s.feed(chunk);
    const qint64 feedMs = timer.elapsed();
    QCOMPARE(s.scrollbackLines(), 100000);
    QCOMPARE(s.lineText(0), QString::fromLatin1(numberedLine(1)));   // line 0 was dropped
    QCOMPARE(s.lineText(99999), QString::fromLatin1(numberedLine(100000)));
    QCOMPARE(s.droppedLines(), quint64(1));
    const qint64 bytes = s.scrollbackMemory();
    qInfo("100,000 scrollback lines of 80 columns: %.1f MiB (budget 60), fed in %lld ms",
          bytes / 1048576.0, feedMs);
    QVERIFY(bytes < 60LL * 1024 * 1024);
    QVERIFY(bytes > 100000LL * 80);   // sanity: the text is really there

    timer.restart();
    const auto hit = s.find(QStringLiteral("LINE 000123 "), {s.totalLines(), 0}, true);
    const qint64 searchMs = timer.elapsed();
    QVERIFY(hit);
    QCOMPARE(hit->start, (TextPos{122, 0}));
    QCOMPARE(hit->end, (TextPos{122, 12}));
    qInfo("backward search through 100,000 lines: %lld ms", searchMs);
    QVERIFY(!s.find(QStringLiteral("not there"), {s.totalLines(), 0}, true));
}

void tst_Scrollback::searchForwardAndBackward()
{
    TerminalScreen s(5, 40);
    feed(s, "error one\r\nok\r\n中文 error two\r\nok\r\nERROR three\r\nok\r\nlast error\r\n");
    QCOMPARE(s.scrollbackLines(), 3);
    auto hit = s.find(QStringLiteral("error"), {s.totalLines(), 0}, true);
    QVERIFY(hit);
    QCOMPARE(hit->start, (TextPos{6, 5}));
    hit = s.find(QStringLiteral("error"), hit->start, true);
    QCOMPARE(hit->start, (TextPos{4, 0}));   // case-insensitive by default
    hit = s.find(QStringLiteral("error"), hit->start, true);
    QCOMPARE(hit->start, (TextPos{2, 5}));   // after two wide characters: column 5
    QCOMPARE(hit->end, (TextPos{2, 10}));
    QCOMPARE(s.text(*hit), QStringLiteral("error"));
    hit = s.find(QStringLiteral("error"), hit->start, true);
    QCOMPARE(hit->start, (TextPos{0, 0}));
    QVERIFY(!s.find(QStringLiteral("error"), hit->start, true));
    hit = s.find(QStringLiteral("error"), {0, 0}, false);
    QCOMPARE(hit->start, (TextPos{2, 5}));
    hit = s.find(QStringLiteral("error"), {0, 0}, false, Qt::CaseSensitive);
    QCOMPARE(hit->start, (TextPos{2, 5}));
    hit = s.find(QStringLiteral("ERROR"), {0, 0}, false, Qt::CaseSensitive);
    QCOMPARE(hit->start, (TextPos{4, 0}));
    hit = s.find(QString::fromUtf8("文 e"), {0, 0}, false);
    QCOMPARE(hit->start, (TextPos{2, 2}));
}

void tst_Scrollback::limitDropsOldest()
{
    TerminalScreen s(4, 20);
    s.setScrollbackLimit(1000);
    QByteArray b;
    for (int i = 0; i < 5000; ++i)
        b += "n" + QByteArray::number(i) + "\r\n";
    feed(s, b);
    QCOMPARE(s.scrollbackLines(), 1000);
    QCOMPARE(s.droppedLines(), quint64(5000 - 3 - 1000));
    QCOMPARE(s.lineText(999), QStringLiteral("n4996"));
    QCOMPARE(s.lineText(0), QStringLiteral("n3997"));
    s.setScrollbackLimit(10);
    QCOMPARE(s.scrollbackLines(), 10);
    QCOMPARE(s.lineText(0), QStringLiteral("n4987"));
    s.setScrollbackLimit(0);
    feed(s, "more\r\n");
    QCOMPARE(s.scrollbackLines(), 0);
}

void tst_Scrollback::styledLineRoundTrip()
{
    TerminalScreen s(3, 30);
    feed(s, "\x1b[1;31mred\x1b[0m \x1b[38;2;1;2;3;48;5;200mrgb\x1b[0m 中文\x1b[4m"
            "e\xcc\x81\xf0\x9f\xa5\xb0\xf0\x9f\x98\x80\x1b[0m  \x1b[44m  \x1b[0m\r\n"
            "plain ascii line\r\n");
    const TerminalLine before = s.line(0);
    const TerminalLine plainBefore = s.line(1);
    feed(s, "\r\n\r\n");
    QCOMPARE(s.scrollbackLines(), 2);
    const TerminalLine after = s.line(0);
    QCOMPARE(int(after.cells.size()), 30);
    for (int c = 0; c < 30; ++c) {
        QCOMPARE(after.cellText(c).trimmed(), before.cellText(c).trimmed());
        QCOMPARE(after.cells[size_t(c)].width, before.cells[size_t(c)].width);
        QCOMPARE(after.style(c), before.style(c));
    }
    QCOMPARE(s.lineText(0), QString::fromUtf8("red rgb 中文e\xcc\x81\xf0\x9f\xa5\xb0\xf0\x9f\x98\x80"));
    QCOMPARE(s.line(1).text.trimmed(), plainBefore.text.trimmed());
    QCOMPARE(s.lineText(1), QStringLiteral("plain ascii line"));
    QCOMPARE(after.style(0).fg, TermColor::indexed(1));
    QVERIFY(after.style(0).bold());
    QCOMPARE(after.style(4).bg, TermColor::indexed(200));
    QCOMPARE(after.style(4).fg, TermColor::rgb(1, 2, 3));
    QCOMPARE(after.style(19).bg, TermColor::indexed(4));
    QCOMPARE(after.style(20).bg, TermColor::indexed(4));
    QCOMPARE(after.style(21), CellStyle());
}

void tst_Scrollback::popRestoresLine()
{
    TerminalScreen s(3, 20);
    feed(s, "\x1b[32mgreen\x1b[0m 中\r\nb\r\nc\r\nd");
    QCOMPARE(s.scrollbackLines(), 1);
    s.resize(4, 20);   // pulls the line back onto the screen
    QCOMPARE(s.scrollbackLines(), 0);
    QCOMPARE(row(s, 0), QString::fromUtf8("green 中"));
    QCOMPARE(s.cell(0, 0).style.fg, TermColor::indexed(2));
    QCOMPARE(s.cell(0, 6).width, 2);
    QCOMPARE(s.cell(0, 7).width, 0);
    QCOMPARE(row(s, 3), QStringLiteral("d"));
}

void tst_Scrollback::clear()
{
    Scrollback sb(100);
    ScreenRow r;
    r.reset(10, ScreenCell());
    r.cells[0].ch = U'x';
    for (int i = 0; i < 50; ++i)
        sb.push(r, 10);
    QCOMPARE(sb.size(), 50);
    sb.clear();
    QCOMPARE(sb.size(), 0);
    QCOMPARE(sb.memoryUsage(), 0);
    QCOMPARE(sb.droppedLines(), quint64(50));
    ScreenRow out;
    QVERIFY(!sb.pop(out, 10));
}

int runScrollbackTests(int argc, char **argv)
{
    tst_Scrollback t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_scrollback.moc"
