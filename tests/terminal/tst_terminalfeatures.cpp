// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Snippets with variables (store and expansion), session logs, OSC 8 hyperlinks, OSC strings
// cut between chunks, and search across soft-wrapped rows.
#include "termtestutil.h"

#include <terminal/core/sessionlogger.h>
#include <terminal/core/snippetstore.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Qwq;
using namespace Qwq::Terminal;
using namespace TermTest;

class tst_TerminalFeatures final : public QObject
{
    Q_OBJECT

private slots:
    void snippetVariables();
    void snippetStorePerProfile();
    void snippetStoreRefusesBadFile();
    void sessionLogStripsEscapes();
    void sessionLogCannotOpen();
    void hyperlinks();
    void hyperlinkTableIsCapped();
    void oscCutBetweenChunks();
    void severalPrivateModesAtOnce();
    void findAcrossWrappedRows();
    void logicalLineJoinsWrappedRows();
};

void tst_TerminalFeatures::snippetVariables()
{
    const QString text = QStringLiteral("tail -n {{lines:100}} {{ file }} | grep {{pattern}} # {{file}}");
    const QList<SnippetVariable> vars = SnippetStore::variables(text);
    QCOMPARE(vars.size(), 3);
    QCOMPARE(vars[0], (SnippetVariable{QStringLiteral("lines"), QStringLiteral("100")}));
    QCOMPARE(vars[1], (SnippetVariable{QStringLiteral("file"), QString()}));
    QCOMPARE(vars[2].name, QStringLiteral("pattern"));
    const QString out = SnippetStore::expand(text, {{QStringLiteral("file"), QStringLiteral("/var/log/syslog")},
                                                    {QStringLiteral("pattern"), QStringLiteral("error")}});
    QCOMPARE(out, QStringLiteral("tail -n 100 /var/log/syslog | grep error # /var/log/syslog"));
    // Not variables: single braces, names that do not start with a letter, braces in values.
    QVERIFY(SnippetStore::variables(QStringLiteral("awk '{print $1}' {{1x}} {x}")).isEmpty());
    QCOMPARE(SnippetStore::expand(QStringLiteral("echo {{a}}"), {{QStringLiteral("a"), QStringLiteral("{{a}}")}}),
             QStringLiteral("echo {{a}}"));
}

void tst_TerminalFeatures::snippetStorePerProfile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/snippets.json"));
    SnippetStore store(path);
    QVERIFY(store.load(QStringLiteral("web1")).ok());
    QVERIFY(store.load(QStringLiteral("web1"))->isEmpty());   // no file yet
    const QList<Snippet> web = {{QStringLiteral("Tail"), QStringLiteral("tail -n {{lines}} {{file}}"), false},
                                {QStringLiteral("Disk"), QStringLiteral("df -h"), true}};
    QVERIFY(store.save(QStringLiteral("web1"), web).ok());
    QVERIFY(store.save(QStringLiteral("db1"), {{QStringLiteral("PG"), QStringLiteral("psql"), true}}).ok());
    QCOMPARE(*store.load(QStringLiteral("web1")), web);
    QCOMPARE(store.load(QStringLiteral("db1"))->size(), 1);
    QVERIFY(store.load(QStringLiteral("other"))->isEmpty());
    // Saving one profile leaves the other alone; an empty list removes the entry.
    QVERIFY(store.save(QStringLiteral("db1"), {}).ok());
    QCOMPARE(*store.load(QStringLiteral("web1")), web);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
    QVERIFY(!root.value(QStringLiteral("profiles")).toObject().contains(QStringLiteral("db1")));
    // Nothing but the file itself is left in the folder (QSaveFile renamed its temp file).
    QCOMPARE(QDir(dir.filePath(QStringLiteral("sub"))).entryList(QDir::Files),
             QStringList{QStringLiteral("snippets.json")});
}

void tst_TerminalFeatures::snippetStoreRefusesBadFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("snippets.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{ not json");
    f.close();
    SnippetStore store(path);
    const auto loaded = store.load(QStringLiteral("x"));
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().code, ErrorCode::InvalidParam);
    QVERIFY(loaded.error().message.contains(path));
    const auto saved = store.save(QStringLiteral("x"), {{QString(), QStringLiteral("ls"), false}});
    QVERIFY(!saved);
    QVERIFY(!saved.error().message.isEmpty());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("{ not json"));   // never overwritten
}

void tst_TerminalFeatures::sessionLogStripsEscapes()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("session.log"));
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("earlier\n");
    }
    SessionLogger log;
    QVERIFY(!log.isOpen());
    QVERIFY(log.open(path).ok());
    int tick = 0;
    log.setClock([&tick] {
        return QDateTime(QDate(2026, 11, 25), QTime(14, 3, 7, 120)).addSecs(tick++);
    });
    log.write("\x1b[1;31mred\x1b[0m and \x1b]0;title\x07plain\r\n");
    log.write("\x1b]8;;http://x.org\x1b\\link\x1b]8;;\x1b\\ text\r\n");
    log.write("progress 10%\rprogress 100%\r\n");
    log.write("typo\b\bpo \xe4\xb8\xad\xe6\x96\x87\b!\n");   // backspace removes a whole UTF-8 character
    log.write("\x1b(Bcharset \x1b[?25lcursor\x1b[?25h\n");
    log.write("split \x1b[3");   // a sequence cut between chunks
    log.write("2mgreen\x1b[0m\n");
    log.write("unfinished");
    log.close();
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    const QStringList expected = {
        QStringLiteral("earlier"),
        QStringLiteral("2026-11-25 14:03:07.120  red and plain"),
        QStringLiteral("2026-11-25 14:03:08.120  link text"),
        QStringLiteral("2026-11-25 14:03:09.120  progress 100%"),
        QStringLiteral("2026-11-25 14:03:10.120  typo 中!"),
        QStringLiteral("2026-11-25 14:03:11.120  charset cursor"),
        QStringLiteral("2026-11-25 14:03:12.120  split green"),
        QStringLiteral("2026-11-25 14:03:13.120  unfinished"),
        QString(),
    };
    QCOMPARE(lines, expected);
}

void tst_TerminalFeatures::sessionLogCannotOpen()
{
    SessionLogger log;
    const auto r = log.open(QStringLiteral("/nonexistent-dir/x.log"));
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::InvalidParam);
    QVERIFY(r.error().message.contains(QStringLiteral("/nonexistent-dir/x.log")));
    QVERIFY(!log.isOpen());
    log.write("ignored\n");   // harmless
}

void tst_TerminalFeatures::hyperlinks()
{
    TerminalScreen s(5, 40);
    feed(s, "see \x1b]8;;https://example.org/docs\x1b\\the docs\x1b]8;;\x1b\\ now");
    QCOMPARE(row(s, 0), QStringLiteral("see the docs now"));
    QCOMPARE(s.cell(0, 3).style.link(), 0);
    const int link = s.cell(0, 4).style.link();
    QVERIFY(link > 0);
    QCOMPARE(s.cell(0, 11).style.link(), link);
    QCOMPARE(s.cell(0, 12).style.link(), 0);
    QCOMPARE(s.hyperlink(link), QStringLiteral("https://example.org/docs"));
    QCOMPARE(s.hyperlink(link + 1), QString());
    // Colours and links are independent; SGR 0 does not end a link, OSC 8 ;; does.
    feed(s, "\r\n\x1b]8;id=a;https://a.example\x07\x1b[31mA\x1b[0mB\x1b]8;;\x07C");
    QCOMPARE(s.cell(1, 0).style.fg, TermColor::indexed(1));
    const int a = s.cell(1, 0).style.link();
    QVERIFY(a > 0 && a != link);
    QCOMPARE(s.cell(1, 1).style.link(), a);
    QCOMPARE(s.cell(1, 1).style.fg, TermColor());
    QCOMPARE(s.cell(1, 2).style.link(), 0);
    // The same URI with the same id is the same link; erased cells carry none.
    feed(s, "\r\n\x1b]8;id=a;https://a.example\x07Z\x1b]8;;\x07");
    QCOMPARE(s.cell(2, 0).style.link(), a);
    feed(s, "\x1b[2K");
    QCOMPARE(s.cell(2, 0).style.link(), 0);
    // Links survive the scrollback.
    for (int i = 0; i < 6; ++i)
        feed(s, "\r\n");
    QVERIFY(s.scrollbackLines() > 0);
    const TerminalLine first = s.line(0);
    QCOMPARE(first.style(5).link(), link);
}

void tst_TerminalFeatures::hyperlinkTableIsCapped()
{
    TerminalScreen s(3, 20);
    for (int i = 0; i < CellStyle::kMaxLinks + 5; ++i)
        feed(s, QStringLiteral("\x1b]8;;https://h%1.example\x07x\x1b]8;;\x07\r").arg(i).toUtf8());
    QCOMPARE(s.cell(0, 0).style.link(), 0);   // beyond the table: plain text
    QCOMPARE(s.hyperlink(CellStyle::kMaxLinks), QStringLiteral("https://h%1.example").arg(CellStyle::kMaxLinks - 1));
    feed(s, "\x1b]8;;https://h3.example\x07y\x1b]8;;\x07");   // a known URI still links
    QCOMPARE(s.hyperlink(s.cell(0, 0).style.link()), QStringLiteral("https://h3.example"));
}

void tst_TerminalFeatures::oscCutBetweenChunks()
{
    TerminalScreen s(3, 40);
    // libvterm 0.1.4 loses the part of an OSC string before a chunk boundary: the screen
    // holds the unfinished string back until its end arrives.
    feed(s, "a\x1b]8;;https://exa");
    feed(s, "mple.org/x\x1b");
    feed(s, "\\L\x1b]8;;\x1b\\b");
    QCOMPARE(row(s, 0), QStringLiteral("aLb"));
    QCOMPARE(s.hyperlink(s.cell(0, 1).style.link()), QStringLiteral("https://example.org/x"));
    QCOMPARE(s.cell(0, 2).style.link(), 0);
    // A title cut in two arrives whole.
    QSignalSpy titles(&s, &TerminalScreen::titleChanged);
    feed(s, "\x1b]2;build ");
    QCOMPARE(titles.size(), 0);
    feed(s, "server\x07");
    QCOMPARE(s.title(), QStringLiteral("build server"));
    // OSC 52 in pieces is still refused by default.
    feed(s, "\x1b]52;c;" + QByteArray("rm -rf ~").toBase64().left(4));
    feed(s, QByteArray("rm -rf ~").toBase64().mid(4) + "\x07");
    QCOMPARE(s.ignoredClipboardWrites(), 1);
}

void tst_TerminalFeatures::severalPrivateModesAtOnce()
{
    TerminalScreen s(5, 20);
    feed(s, "\x1b[?1049;1002;2004;1hx");
    QVERIFY(s.isAlternateScreen());
    QCOMPARE(s.mouseMode(), MouseMode::Drag);
    QVERIFY(s.bracketedPaste());
    QVERIFY(s.applicationCursorKeys());
    QCOMPARE(row(s, 0), QStringLiteral("x"));
    // Cut anywhere between chunks, and turned off again in one go.
    const QByteArray off = "a\x1b[?2004;;1002;1049lb?c";
    for (qsizetype cut = 1; cut < off.size(); ++cut) {
        TerminalScreen t(5, 20);
        feed(t, "\x1b[?1049;1002;2004h");
        feed(t, off.left(cut));
        feed(t, off.mid(cut));
        QVERIFY2(!t.isAlternateScreen() && !t.bracketedPaste() && t.mouseMode() == MouseMode::None,
                 qPrintable(QString::number(cut)));
        QCOMPARE(row(t, 0), QStringLiteral("b?c"));
    }
}

void tst_TerminalFeatures::findAcrossWrappedRows()
{
    TerminalScreen s(4, 10);
    feed(s, "0123456789abcdef\r\nxyz");   // "0123456789" wraps into "abcdef"
    QVERIFY(s.isWrapped(s.scrollbackLines()));
    const auto hit = s.find(QStringLiteral("89ab"), {0, -1}, false);
    QVERIFY(hit.has_value());
    const int base = s.scrollbackLines();
    QCOMPARE(hit->start, (TextPos{base, 8}));
    QCOMPARE(hit->end, (TextPos{base + 1, 2}));
    QCOMPARE(s.text(*hit), QStringLiteral("89ab"));
    const auto back = s.find(QStringLiteral("9abc"), {s.totalLines(), 0}, true);
    QVERIFY(back.has_value());
    QCOMPARE(back->start, (TextPos{base, 9}));
    // A hard line end is not bridged.
    QVERIFY(!s.find(QStringLiteral("fxyz"), {0, -1}, false));
    QVERIFY(!s.find(QStringLiteral("f xyz"), {0, -1}, false));
    // Matches after `from` in the same logical line.
    const auto next = s.find(QStringLiteral("a"), TextPos{base, 3}, false);
    QVERIFY(next);
    QCOMPARE(next->start, (TextPos{base + 1, 0}));
}

void tst_TerminalFeatures::logicalLineJoinsWrappedRows()
{
    TerminalScreen s(4, 8);
    feed(s, "abc  de fghij\r\nk");   // row 0 ends in a blank, then wraps
    std::vector<TextPos> map;
    int first = -1;
    int last = -1;
    const QString text = s.logicalLine(s.scrollbackLines() + 1, &map, &first, &last);
    QCOMPARE(first, s.scrollbackLines());
    QCOMPARE(last, s.scrollbackLines() + 1);
    QCOMPARE(text, QStringLiteral("abc  de fghij"));   // the blank cut from row 0 is back
    QCOMPARE(map.size(), size_t(text.size() + 1));
    QCOMPARE(map[7], (TextPos{first, 7}));
    QCOMPARE(map[8], (TextPos{last, 0}));
    QCOMPARE(map.back(), (TextPos{last, 5}));
    QCOMPARE(s.logicalLine(s.scrollbackLines() + 2), QStringLiteral("k"));
}

int runTerminalFeatureTests(int argc, char **argv)
{
    tst_TerminalFeatures t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_terminalfeatures.moc"
