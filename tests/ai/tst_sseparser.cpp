// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "streamfixtures.h"

#include <ai/core/sseparser.h>

#include <QElapsedTimer>
#include <QtTest>

using namespace Qwq::Ai;

namespace QTest {
template<>
char *toString(const SseEvent &e)
{
    return qstrdup(QStringLiteral("{type=%1 id=%2 data=%3}").arg(e.type, e.id, e.data).toUtf8().constData());
}
} // namespace QTest

namespace {
QList<SseEvent> parseAll(const QByteArray &bytes, QList<qsizetype> cuts, bool *partial = nullptr)
{
    SseParser p;
    QList<SseEvent> out;
    qsizetype last = 0;
    cuts.append(bytes.size());
    for (qsizetype c : cuts) {
        out += p.feed(QByteArrayView(bytes).sliced(last, c - last));
        last = c;
    }
    const bool part = p.finish();
    if (partial)
        *partial = part;
    return out;
}
} // namespace

class tst_SseParser : public QObject
{
    Q_OBJECT
private slots:
    void recordedStreamSameAtEverySplit_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QByteArray lf = Fixtures::recordedToolStream();
        QByteArray crlf = lf;
        crlf.replace("\n", "\r\n");
        QByteArray cr = lf;
        cr.replace("\n", "\r");
        QTest::newRow("LF") << lf;
        QTest::newRow("CRLF") << crlf;
        QTest::newRow("CR") << cr;
        QTest::newRow("BOM+CRLF") << QByteArray("\xEF\xBB\xBF" + crlf);
        QTest::newRow("UTF-8 text") << Fixtures::recordedTextStream();
    }
    void recordedStreamSameAtEverySplit()
    {
        QFETCH(QByteArray, bytes);
        const QList<SseEvent> whole = parseAll(bytes, {});
        QVERIFY(whole.size() >= 5);
        QCOMPARE(whole.last().data, QStringLiteral("[DONE]"));
        // Every single cut, and every pair of cuts around it (two-byte windows: inside UTF-8
        // sequences and between CR and LF).
        for (qsizetype i = 0; i <= bytes.size(); ++i) {
            QCOMPARE(parseAll(bytes, {i}), whole);
            if (i + 1 <= bytes.size())
                QCOMPARE(parseAll(bytes, {i, i + 1}), whole);
        }
        // One byte at a time.
        QList<qsizetype> all;
        for (qsizetype i = 1; i < bytes.size(); ++i)
            all << i;
        QCOMPARE(parseAll(bytes, all), whole);
    }

    void utf8SplitInsideASequence()
    {
        const QByteArray bytes = QStringLiteral("data: 磁盘已满 ✓ 🚀\n\n").toUtf8();
        for (qsizetype i = 0; i <= bytes.size(); ++i) {
            const auto ev = parseAll(bytes, {i});
            QCOMPARE(ev.size(), 1);
            QCOMPARE(ev[0].data, QStringLiteral("磁盘已满 ✓ 🚀"));
        }
    }

    void fieldsCommentsAndMultiLineData()
    {
        const QByteArray s = ": keep-alive\r\n"
                             "retry: 2500\r\n"
                             "event: delta\r\n"
                             "id: 7\r\n"
                             "data: line one\r\n"
                             "data:line two\r\n"
                             "data\r\n"
                             "unknown: x\r\n"
                             "\r\n"
                             ":another comment\n"
                             "data:  two spaces\n\n"
                             "event: ignored-without-data\n\n"
                             "id\n"
                             "data: after id reset\n\n";
        SseParser p;
        const QList<SseEvent> ev = p.feed(s);
        QCOMPARE(ev.size(), 3);
        QCOMPARE(ev[0].type, QStringLiteral("delta"));
        QCOMPARE(ev[0].id, QStringLiteral("7"));
        QCOMPARE(ev[0].data, QStringLiteral("line one\nline two\n"));
        QCOMPARE(ev[1].type, QString());
        QCOMPARE(ev[1].id, QStringLiteral("7"));      // the last id sticks
        QCOMPARE(ev[1].data, QStringLiteral(" two spaces"));
        QCOMPARE(ev[2].id, QString());
        QCOMPARE(p.retryMs(), 2500);
        QCOMPARE(p.comments(), 2);
        QVERIFY(!p.finish());
    }

    void retryMustBeDigits()
    {
        SseParser p;
        p.feed("retry: 12a\n\nretry: 300\n\nretry: -5\n\n");
        QCOMPARE(p.retryMs(), 300);
    }

    void endOfStreamMidEvent()
    {
        bool partial = false;
        // Last event without its blank line: discarded, and reported.
        auto ev = parseAll("data: a\n\ndata: {\"choices\":[", {}, &partial);
        QCOMPARE(ev.size(), 1);
        QVERIFY(partial);
        ev = parseAll("data: a\n\ndata: b\n", {}, &partial);
        QCOMPARE(ev.size(), 1);
        QVERIFY(partial);
        ev = parseAll("data: a\n\n", {}, &partial);
        QCOMPARE(ev.size(), 1);
        QVERIFY(!partial);
        ev = parseAll("data: a\n\n: trailing comment", {}, &partial);
        QVERIFY(!partial);
    }

    void crAtChunkEndThenLf()
    {
        SseParser p;
        QList<SseEvent> ev = p.feed("data: x\r");
        ev += p.feed("\n\r");
        ev += p.feed("\n");
        QCOMPARE(ev.size(), 1);
        QCOMPARE(ev[0].data, QStringLiteral("x"));
        // CR then a new line that starts right away: CR alone is a line end.
        ev = p.feed("data: y\r");
        ev += p.feed("\rdata: z\n\n");
        QCOMPARE(ev.size(), 2);
        QCOMPARE(ev[1].data, QStringLiteral("z"));
    }

    void throughputIsAtLeast50MBps()
    {
        QByteArray big;
        const QByteArray one = Fixtures::recordedTextStream();
        while (big.size() < 32 * 1024 * 1024)
            big += one.left(one.lastIndexOf("data: [DONE]"));
        SseParser p;
        QElapsedTimer t;
        t.start();
        qsizetype events = 0;
        for (qsizetype i = 0; i < big.size(); i += 16384)
            events += p.feed(QByteArrayView(big).sliced(i, std::min<qsizetype>(16384, big.size() - i))).size();
        const double mbps = double(big.size()) / (1024.0 * 1024.0) / (double(std::max<qint64>(1, t.elapsed())) / 1000.0);
        qInfo("SSE parser: %.0f MB/s, %lld events", mbps, qlonglong(events));
        QVERIFY(events > 1000);
#ifdef NDEBUG
        QVERIFY2(mbps >= 50, qPrintable(QString::number(mbps)));
#endif
    }
};

int runSseParserTests(int argc, char **argv)
{
    tst_SseParser t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_sseparser.moc"
