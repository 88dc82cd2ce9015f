// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// TextDiff (libgit2's xdiff underneath), the nginx tokenizer and language names.
#include <editor/core/languages.h>
#include <editor/core/nginxtokenizer.h>
#include <editor/core/textdiff.h>

#include <QtTest>

using namespace Qwq::Editor;
using Kind = DiffLine::Kind;

namespace {

QString kinds(const TextDiff &d)
{
    QString s;
    for (const DiffHunk &h : d.hunks())
        for (const DiffLine &l : h.lines)
            s += l.kind == Kind::Added ? QLatin1Char('+') : l.kind == Kind::Removed ? QLatin1Char('-') : QLatin1Char(' ');
    return s;
}

// The styles of a text as one character per byte: D C K S V N O.
QString styleString(const QByteArray &text)
{
    QString s(text.size(), QLatin1Char('?'));
    for (const NginxToken &t : NginxTokenizer::tokenize(text)) {
        static const char letters[] = "DCKSVNO";
        for (int i = 0; i < t.length; ++i)
            s[t.start + i] = QLatin1Char(letters[int(t.style)]);
    }
    return s;
}

} // namespace

class tst_TextDiff : public QObject
{
    Q_OBJECT

private slots:
    void identical()
    {
        const TextDiff d = TextDiff::compute(QStringLiteral("a\nb\n"), QStringLiteral("a\nb\n"));
        QVERIFY(d.isIdentical());
        QCOMPARE(d.addedCount(), 0);
        QCOMPARE(d.removedCount(), 0);
        QCOMPARE(d.oldLineCount(), 2);
        QVERIFY(d.toUnified().isEmpty());
    }

    void finalLineBreakIsNotAChange()
    {
        QVERIFY(TextDiff::compute(QStringLiteral("a\nb"), QStringLiteral("a\nb\n")).isIdentical());
        QCOMPARE(TextDiff::compute(QStringLiteral("a\nb"), QStringLiteral("a\nb\n")).oldLineCount(), 2);
    }

    void changedLineWithLineNumbers()
    {
        const TextDiff d = TextDiff::compute(QStringLiteral("one\ntwo\nthree\n"),
                                             QStringLiteral("one\nTWO\nthree\nfour\n"));
        QCOMPARE(d.hunks().size(), 1);
        QCOMPARE(kinds(d), QStringLiteral(" -+ +"));
        QCOMPARE(d.addedCount(), 2);
        QCOMPARE(d.removedCount(), 1);
        const QList<DiffLine> &l = d.hunks().first().lines;
        QCOMPARE(l.at(1), (DiffLine{Kind::Removed, 2, 0, QStringLiteral("two")}));
        QCOMPARE(l.at(2), (DiffLine{Kind::Added, 0, 2, QStringLiteral("TWO")}));
        QCOMPARE(l.at(3), (DiffLine{Kind::Context, 3, 3, QStringLiteral("three")}));
        QCOMPARE(l.at(4), (DiffLine{Kind::Added, 0, 4, QStringLiteral("four")}));
        const DiffHunk &h = d.hunks().first();
        QCOMPARE(h.oldStart, 1);
        QCOMPARE(h.oldCount, 3);
        QCOMPARE(h.newStart, 1);
        QCOMPARE(h.newCount, 4);
    }

    void contextSplitsHunks()
    {
        QStringList a, b;
        for (int i = 1; i <= 30; ++i)
            a << QStringLiteral("line %1").arg(i);
        b = a;
        b[2] = QStringLiteral("changed 3");
        b[25] = QStringLiteral("changed 26");
        const QString oldText = a.join(QLatin1Char('\n')) + QLatin1Char('\n');
        const QString newText = b.join(QLatin1Char('\n')) + QLatin1Char('\n');
        const TextDiff d = TextDiff::compute(oldText, newText);
        QCOMPARE(d.hunks().size(), 2);
        QCOMPARE(d.hunks().at(0).oldStart, 1);
        QCOMPARE(d.hunks().at(1).oldStart, 23);
        QCOMPARE(d.hunks().at(1).oldCount, 7);
        // Full context: one hunk with every line.
        const TextDiff full = TextDiff::compute(oldText, newText, TextDiff::Options::fullContext());
        QCOMPARE(full.hunks().size(), 1);
        QCOMPARE(full.hunks().first().lines.size(), 32);
        TextDiff::Options none;
        none.contextLines = 0;
        const TextDiff tight = TextDiff::compute(oldText, newText, none);
        QCOMPARE(tight.hunks().size(), 2);
        QCOMPARE(tight.hunks().first().lines.size(), 2);
    }

    void unifiedFormat()
    {
        const TextDiff d = TextDiff::compute(QStringLiteral("a\nb\nc\n"), QStringLiteral("a\nB\nc\n"));
        QCOMPARE(d.toUnified(QStringLiteral("old.yml"), QStringLiteral("new.yml")),
                 QStringLiteral("--- old.yml\n+++ new.yml\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"));
    }

    void emptySides()
    {
        const TextDiff added = TextDiff::compute(QString(), QStringLiteral("x\ny\n"));
        QCOMPARE(kinds(added), QStringLiteral("++"));
        QCOMPARE(added.hunks().first().oldStart, 0);
        const TextDiff removed = TextDiff::compute(QStringLiteral("x\ny"), QString());
        QCOMPARE(kinds(removed), QStringLiteral("--"));
        QVERIFY(TextDiff::compute(QString(), QString()).isIdentical());
    }

    void patienceKeepsUniqueLinesAligned()
    {
        // A moved function body: patience anchors on the unique lines, Myers may not; both
        // must produce a diff that turns old into new.
        const QString oldText = QStringLiteral("{\n  a\n}\n{\n  b\n}\nunique\n");
        const QString newText = QStringLiteral("unique\n{\n  a\n}\n{\n  b\n}\n");
        for (auto algo : {TextDiff::Algorithm::Myers, TextDiff::Algorithm::MinimalMyers,
                          TextDiff::Algorithm::Patience}) {
            TextDiff::Options o = TextDiff::Options::fullContext();
            o.algorithm = algo;
            const TextDiff d = TextDiff::compute(oldText, newText, o);
            QStringList rebuiltOld, rebuiltNew;
            for (const DiffLine &l : d.hunks().first().lines) {
                if (l.kind != Kind::Added)
                    rebuiltOld << l.text;
                if (l.kind != Kind::Removed)
                    rebuiltNew << l.text;
            }
            QCOMPARE(rebuiltOld.join(QLatin1Char('\n')) + QLatin1Char('\n'), oldText);
            QCOMPARE(rebuiltNew.join(QLatin1Char('\n')) + QLatin1Char('\n'), newText);
            QCOMPARE(d.addedCount(), 1);
            QCOMPARE(d.removedCount(), 1);
        }
    }

    void lineEndingsAndWhitespace()
    {
        const QString lf = QStringLiteral("a\nb\n");
        const QString crlf = QStringLiteral("a\r\nb\r\n");
        QCOMPARE(TextDiff::compute(lf, crlf).addedCount(), 2);
        TextDiff::Options o;
        o.ignoreTrailingWhitespace = true;
        QVERIFY(TextDiff::compute(lf, crlf, o).isIdentical());
        TextDiff::Options ws;
        ws.ignoreWhitespace = true;
        QVERIFY(TextDiff::compute(QStringLiteral("a b\n"), QStringLiteral("a  b\n"), ws).isIdentical());
        // CR is not part of a line's text.
        QCOMPARE(TextDiff::compute(QString(), crlf).hunks().first().lines.first().text, QStringLiteral("a"));
    }

    void textWithNulAndUtf8()
    {
        const QString oldText = QStringLiteral("名字: 旧\nx\n");
        const QString newText = QStringLiteral("名字: 新\nx\n") + QChar(0) + QStringLiteral("\n");
        const TextDiff d = TextDiff::compute(oldText, newText);
        QCOMPARE(d.removedCount(), 1);
        QCOMPARE(d.addedCount(), 2); // treated as text even with a NUL byte
        QCOMPARE(d.hunks().first().lines.at(1).text, QStringLiteral("名字: 新"));
    }

    void largeInputIsFast()
    {
        QStringList a;
        for (int i = 0; i < 20000; ++i)
            a << QStringLiteral("server_name host%1.example;").arg(i);
        QStringList b = a;
        for (int i = 0; i < 20000; i += 97)
            b[i] = QStringLiteral("# removed");
        QElapsedTimer t;
        t.start();
        const TextDiff d = TextDiff::compute(a.join(QLatin1Char('\n')), b.join(QLatin1Char('\n')));
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(d.addedCount(), 207);
        QCOMPARE(d.removedCount(), 207);
    }
};

class tst_NginxTokenizer : public QObject
{
    Q_OBJECT

private slots:
    void styles_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("styles");
        QTest::newRow("directive") << QByteArray("listen 80;") << QStringLiteral("KKKKKKDNNO");
        QTest::newRow("units") << QByteArray("x 10m 1.5s 500ms 2k;") << QStringLiteral("KDNNNDNNNNDNNNNNDNNO");
        QTest::newRow("address") << QByteArray("l 127.0.0.1:8080;") << QStringLiteral("KDNNNNNNNNNNNNNNO");
        QTest::newRow("not a number") << QByteArray("l 80abc;") << QStringLiteral("KDDDDDDO");
        QTest::newRow("block") << QByteArray("server {\n  root /x;\n}")
                               << QStringLiteral("KKKKKKDODDDKKKKDDDODO");
        QTest::newRow("comment") << QByteArray("# hi ; {\nx;") << QStringLiteral("CCCCCCCCDKO");
        QTest::newRow("trailing comment") << QByteArray("a b; # c") << QStringLiteral("KDDODCCC");
        QTest::newRow("variable") << QByteArray("return $host$uri;") << QStringLiteral("KKKKKKDVVVVVVVVVO");
        QTest::newRow("braced variable") << QByteArray("a x${v}y;") << QStringLiteral("KDDVVVVDO");
        QTest::newRow("string with variable")
            << QByteArray("a \"h $v\";") << QStringLiteral("KDSSSVVSO");
        QTest::newRow("single quotes, escaped")
            << QByteArray("a 'it\\'s ;';") << QStringLiteral("KDSSSSSSSSSO");
        QTest::newRow("location regex") << QByteArray("location ~ \\.php$ {")
                                        << QStringLiteral("KKKKKKKKDDDDDDDDDDO");
    }

    void styles()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, styles);
        QCOMPARE(styleString(text), styles);
    }

    void tokensCoverEveryByte()
    {
        const QByteArray conf = "http {\n  server { listen 443 ssl; # tls\n    location / {\n"
                                "      proxy_pass http://127.0.0.1:8080;\n"
                                "      add_header X-A \"$host\n  ;x\";\n }}}\n";
        int pos = 0;
        for (const NginxToken &t : NginxTokenizer::tokenize(conf)) {
            QCOMPARE(t.start, pos);
            QVERIFY(t.length > 0);
            pos += t.length;
        }
        QCOMPARE(pos, conf.size());
    }

    void stateCarriesAcrossLines()
    {
        // A string left open at a line end continues on the next line; the statement after
        // its closing ';' starts with a directive.
        NginxTokenizer t;
        t.tokenizeLine("add_header X \"one\n");
        QCOMPARE(t.state().quote, '"');
        QVERIFY(!t.state().statementStart);
        const QList<NginxToken> second = t.tokenizeLine("two\"; listen 80;\n");
        QCOMPARE(second.first(), (NginxToken{0, 4, NginxStyle::String}));
        QCOMPARE(second.at(2), (NginxToken{5, 1, NginxStyle::Default}));
        QCOMPARE(second.at(3), (NginxToken{6, 6, NginxStyle::Directive}));
        // Restarting from a stored state gives the same tokens.
        NginxTokenizer again(NginxTokenizer::State::fromInt(NginxTokenizer::State{false, '"'}.toInt()));
        QCOMPARE(again.tokenizeLine("two\"; listen 80;\n"), second);
        // A directive continued on the next line: its first word there is an argument.
        NginxTokenizer cont;
        cont.tokenizeLine("server_name a.example\n");
        QVERIFY(!cont.state().statementStart);
        QCOMPARE(cont.tokenizeLine("  b.example;\n").first(), (NginxToken{0, 11, NginxStyle::Default}));
    }

    void hostileBytesDoNotBreakIt()
    {
        QByteArray junk;
        for (int i = 0; i < 4096; ++i)
            junk.append(char((i * 7919) % 256));
        int pos = 0;
        for (const NginxToken &t : NginxTokenizer::tokenize(junk)) {
            QCOMPARE(t.start, pos);
            pos += t.length;
        }
        QCOMPARE(pos, junk.size());
    }
};

class tst_Languages : public QObject
{
    Q_OBJECT

private slots:
    void fileNames_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("language");
        QTest::newRow("compose") << "docker-compose.yml" << "yaml";
        QTest::newRow("yaml") << "/srv/app/values.yaml" << "yaml";
        QTest::newRow("nginx site") << "/etc/nginx/sites-available/default" << "nginx";
        QTest::newRow("nginx.conf") << "nginx.conf" << "nginx";
        QTest::newRow("dockerfile") << "Dockerfile" << "dockerfile";
        QTest::newRow("env") << "/srv/app/.env" << "ini";
        QTest::newRow("json") << "package.json" << "json";
        QTest::newRow("sh") << "deploy.sh" << "bash";
        QTest::newRow("sql") << "dump.sql" << "sql";
        QTest::newRow("unknown") << "README" << "plain";
    }
    void fileNames()
    {
        QFETCH(QString, file);
        QFETCH(QString, language);
        QCOMPARE(Languages::forFileName(file), language);
    }

    void normalize()
    {
        QCOMPARE(Languages::normalize(QStringLiteral("YML")), QStringLiteral("yaml"));
        QCOMPARE(Languages::normalize(QStringLiteral("sh")), QStringLiteral("bash"));
        QCOMPARE(Languages::normalize(QStringLiteral("nginx")), QStringLiteral("nginx"));
        QCOMPARE(Languages::normalize(QStringLiteral("cobol")), QStringLiteral("plain"));
        for (const QString &n : Languages::names())
            QCOMPARE(Languages::normalize(n), n);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int failures = 0;
    tst_TextDiff diff;
    failures += QTest::qExec(&diff, argc, argv);
    tst_NginxTokenizer nginx;
    failures += QTest::qExec(&nginx, argc, argv);
    tst_Languages languages;
    failures += QTest::qExec(&languages, argc, argv);
    return failures;
}

#include "tst_editorcore.moc"
