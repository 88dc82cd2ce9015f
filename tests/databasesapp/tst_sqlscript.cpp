// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The SQL editor's lexer (statement split, classification), the packed result model and its
// copy formats, and saved-connection validation: logic only, no server.
#include <databases/core/connectionstore.h>
#include <databases/core/resultmodel.h>
#include <databases/core/sqlscript.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qwq::Databases;

class tst_SqlScript final : public QObject
{
    Q_OBJECT

private slots:
    void split_data();
    void split();
    void statementAtCursor();
    void classify_data();
    void classify();
    void resultModelStreams();
    void copyFormats();
    void validateSpec();
    void storeRoundTrip();
};

void tst_SqlScript::split_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QStringList>("expected");
    const int pg = int(Dialect::PostgreSql);
    const int my = int(Dialect::MariaDb);
    QTest::newRow("two") << "select 1; select 2;" << pg << QStringList {"select 1", "select 2"};
    QTest::newRow("no trailing ;") << "select 1;\nselect 2" << pg << QStringList {"select 1", "select 2"};
    QTest::newRow("string hides ;") << "select 'a;b'; select 2" << pg << QStringList {"select 'a;b'", "select 2"};
    QTest::newRow("doubled quote") << "select 'it''s;'; x" << pg << QStringList {"select 'it''s;'", "x"};
    QTest::newRow("identifier") << "select \"a;b\" from t; y" << pg << QStringList {"select \"a;b\" from t", "y"};
    QTest::newRow("line comment") << "select 1 -- ; not here\n; select 2" << pg
                                  << QStringList {"select 1 -- ; not here", "select 2"};
    QTest::newRow("block comment") << "/* ; */ select 1; /* only a comment */;" << pg << QStringList {"select 1"};
    QTest::newRow("nested pg comment") << "/* a /* ; */ ; */ select 1" << pg << QStringList {"select 1"};
    QTest::newRow("dollar quote") << "create function f() returns int as $$ begin; return 1; end $$ language plpgsql; select 2"
                                  << pg
                                  << QStringList {"create function f() returns int as $$ begin; return 1; end $$ language plpgsql", "select 2"};
    QTest::newRow("tagged dollar") << "do $x$ begin perform 1; end $x$; select 3" << pg
                                   << QStringList {"do $x$ begin perform 1; end $x$", "select 3"};
    QTest::newRow("parameter is not a quote") << "select $1; select 2" << pg << QStringList {"select $1", "select 2"};
    QTest::newRow("E string backslash") << "select E'a\\';b'; select 2" << pg << QStringList {"select E'a\\';b'", "select 2"};
    QTest::newRow("pg plain backslash") << "select 'a\\'; select 2" << pg << QStringList {"select 'a\\'", "select 2"};
    QTest::newRow("mariadb backslash") << "select 'a\\';b'; select 2" << my << QStringList {"select 'a\\';b'", "select 2"};
    QTest::newRow("mariadb backtick") << "select `a;b` from t; select 2" << my << QStringList {"select `a;b` from t", "select 2"};
    QTest::newRow("mariadb hash comment") << "select 1 # ; x\n; select 2" << my << QStringList {"select 1 # ; x", "select 2"};
    QTest::newRow("empty") << " ;; \n -- nothing\n" << pg << QStringList {};
    QTest::newRow("chinese") << "select '你好;世界' as 名字; select 2" << pg
                             << QStringList {"select '你好;世界' as 名字", "select 2"};
}

void tst_SqlScript::split()
{
    QFETCH(QString, script);
    QFETCH(int, dialect);
    QFETCH(QStringList, expected);
    QStringList got;
    for (const SqlStatement &s : splitStatements(script, Dialect(dialect)))
        got.append(s.text);
    QCOMPARE(got, expected);
}

void tst_SqlScript::statementAtCursor()
{
    const QString script = QStringLiteral("select 1;\n\nselect 2\n  from t;\n\n");
    QCOMPARE(statementAt(script, 0, Dialect::PostgreSql).text, QStringLiteral("select 1"));
    QCOMPARE(statementAt(script, 8, Dialect::PostgreSql).text, QStringLiteral("select 1"));
    const int inSecond = int(script.indexOf(QStringLiteral("from")));
    const SqlStatement second = statementAt(script, inSecond, Dialect::PostgreSql);
    QCOMPARE(second.text, QStringLiteral("select 2\n  from t"));
    QCOMPARE(second.line, 3);
    // on the blank lines after the last statement: that statement
    QCOMPARE(statementAt(script, int(script.size()), Dialect::PostgreSql).text, QStringLiteral("select 2\n  from t"));
    QVERIFY(statementAt(QString(), 0, Dialect::PostgreSql).text.isEmpty());
}

void tst_SqlScript::classify_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<bool>("mayWrite");
    QTest::addColumn<bool>("unbounded");
    QTest::addColumn<bool>("destructive");
    QTest::newRow("select") << "SELECT * FROM t WHERE a = 1" << false << false << false;
    QTest::newRow("select lower") << "select 1" << false << false << false;
    QTest::newRow("show") << "show tables" << false << false << false;
    QTest::newRow("explain") << "explain select 1" << false << false << false;
    QTest::newRow("explain analyze delete") << "explain analyze delete from t" << true << true << false;
    QTest::newRow("with select") << "with x as (select 1) select * from x" << false << false << false;
    QTest::newRow("with delete cte") << "with d as (delete from t returning *) select * from d" << true << false << false;
    QTest::newRow("with update no where") << "with x as (select 1) update t set a = 1" << true << true << false;
    QTest::newRow("select into") << "select * into newt from t" << true << false << false;
    QTest::newRow("select for update") << "select * from t for update" << true << false << false;
    QTest::newRow("word in string") << "select 'delete from t'" << false << false << false;
    QTest::newRow("update where") << "UPDATE t SET a = 1 WHERE id = 2" << true << false << false;
    QTest::newRow("update no where") << "update t set a = 1" << true << true << false;
    QTest::newRow("update where only in subquery") << "update t set a = (select max(b) from u where u.c = 1)" << true << true << false;
    QTest::newRow("delete no where") << "delete from t" << true << true << false;
    QTest::newRow("delete where") << "delete from t where id in (1, 2)" << true << false << false;
    QTest::newRow("insert") << "insert into t values (1)" << true << false << false;
    QTest::newRow("drop") << "drop table t" << true << false << true;
    QTest::newRow("truncate") << "truncate t" << true << false << true;
    QTest::newRow("begin") << "begin" << false << false << false;
    QTest::newRow("set") << "set search_path = x" << false << false << false;
}

void tst_SqlScript::classify()
{
    QFETCH(QString, sql);
    QFETCH(bool, mayWrite);
    QFETCH(bool, unbounded);
    QFETCH(bool, destructive);
    const SqlKind k = classifyStatement(sql, Dialect::PostgreSql);
    QCOMPARE(k.mayWrite, mayWrite);
    QCOMPARE(k.unboundedWrite, unbounded);
    QCOMPARE(k.destructive, destructive);
}

static std::shared_ptr<RowBatch> batchOf(int from, int count)
{
    auto b = std::make_shared<RowBatch>(2);
    for (int i = from; i < from + count; ++i) {
        const QByteArray n = QByteArray::number(i);
        b->appendCell(n.constData(), int(n.size()), false);
        if (i % 10 == 0)
            b->appendCell(nullptr, 0, true);
        else {
            const QByteArray t = "row " + n + (i == 7 ? QByteArray(",\"quoted\"\n|") : QByteArray());
            b->appendCell(t.constData(), int(t.size()), false);
        }
    }
    b->squeeze();
    return b;
}

void tst_SqlScript::resultModelStreams()
{
    ResultModel m;
    m.reset({Column {QStringLiteral("id"), QStringLiteral("int4"), true},
             Column {QStringLiteral("label"), QStringLiteral("text"), false}});
    QSignalSpy wanted(&m, &ResultModel::moreRowsWanted);
    m.appendRows(batchOf(1, 1000), true);
    QCOMPARE(m.rowCount(), 1000);
    QVERIFY(m.canFetchMore({}));
    m.fetchMore({});
    QCOMPARE(wanted.count(), 1);
    QVERIFY(!m.canFetchMore({})); // one request at a time
    m.appendRows(batchOf(1001, 500), false);
    QCOMPARE(m.rowCount(), 1500);
    QVERIFY(!m.canFetchMore({}));
    QCOMPARE(m.data(m.index(0, 0), Qt::DisplayRole).toString(), QStringLiteral("1"));
    QCOMPARE(m.data(m.index(1499, 0), Qt::DisplayRole).toString(), QStringLiteral("1500"));
    QCOMPARE(m.data(m.index(1000, 1), Qt::DisplayRole).toString(), QStringLiteral("row 1001"));
    QCOMPARE(m.data(m.index(9, 1), Qt::DisplayRole).toString(), QStringLiteral("NULL"));
    bool null = false;
    QVERIFY(m.cellText(9, 1, &null).isNull());
    QVERIFY(null);
    QCOMPARE(m.data(m.index(0, 0), Qt::TextAlignmentRole).value<Qt::Alignment>(), Qt::AlignRight | Qt::AlignVCenter);
    // A million rows of one integer stay small.
    ResultModel big;
    big.reset({Column {QStringLiteral("n"), QStringLiteral("int4"), true}});
    for (int b = 0; b < 250; ++b) {
        auto batch = std::make_shared<RowBatch>(1);
        for (int i = 0; i < 4000; ++i) {
            const QByteArray n = QByteArray::number(b * 4000 + i + 1);
            batch->appendCell(n.constData(), int(n.size()), false);
        }
        batch->squeeze();
        big.appendRows(batch, b < 249);
    }
    QCOMPARE(big.rowCount(), 1000000);
    QCOMPARE(big.cellText(999999, 0), QStringLiteral("1000000"));
    QVERIFY2(big.byteSize() < 16 * 1024 * 1024, qPrintable(QString::number(big.byteSize())));
}

void tst_SqlScript::copyFormats()
{
    ResultModel m;
    m.reset({Column {QStringLiteral("id"), QStringLiteral("int4"), true},
             Column {QStringLiteral("label"), QStringLiteral("text"), false}});
    m.appendRows(batchOf(6, 5), false); // 6..10: row 7 has quotes, a newline and a bar; 10 is NULL
    const QList<int> rows {1, 4};
    const QList<int> cols {0, 1};
    QCOMPARE(formatCells(m, rows, cols, CopyFormat::Csv),
             QStringLiteral("id,label\n7,\"row 7,\"\"quoted\"\"\n|\"\n10,\n"));
    QCOMPARE(formatCells(m, rows, cols, CopyFormat::Tsv), QStringLiteral("id\tlabel\n7\trow 7,\"quoted\" |\n10\t\n"));
    QCOMPARE(formatCells(m, rows, cols, CopyFormat::Markdown),
             QStringLiteral("| id | label |\n| ---: | --- |\n| 7 | row 7,\"quoted\"<br>\\| |\n| 10 | NULL |\n"));
    const QJsonArray arr = QJsonDocument::fromJson(formatCells(m, rows, cols, CopyFormat::Json).toUtf8()).array();
    QCOMPARE(arr.size(), 2);
    QCOMPARE(arr.at(0).toObject().value(QLatin1String("label")).toString(), QStringLiteral("row 7,\"quoted\"\n|"));
    QVERIFY(arr.at(1).toObject().value(QLatin1String("label")).isNull());
}

void tst_SqlScript::validateSpec()
{
    ConnectionSpec s;
    s.name = QStringLiteral("main");
    s.user = QStringLiteral("postgres");
    QVERIFY(ConnectionStore::validate(s).ok());
    ConnectionSpec bad = s;
    bad.host = QStringLiteral("db;rm -rf /");
    QCOMPARE(ConnectionStore::validate(bad).error().field, QStringLiteral("host"));
    bad = s;
    bad.port = 0;
    QCOMPARE(ConnectionStore::validate(bad).error().field, QStringLiteral("port"));
    bad = s;
    bad.user.clear();
    QCOMPARE(ConnectionStore::validate(bad).error().field, QStringLiteral("user"));
    bad = s;
    bad.database = QStringLiteral("a\nb");
    QCOMPARE(ConnectionStore::validate(bad).error().field, QStringLiteral("database"));
    bad = s;
    bad.name = QStringLiteral("  ");
    QCOMPARE(ConnectionStore::validate(bad).error().field, QStringLiteral("name"));
    bad = s;
    bad.engine = Engine::Redis;
    bad.database = QStringLiteral("16");
    QCOMPARE(ConnectionStore::validate(bad).error().field, QStringLiteral("database"));
}

void tst_SqlScript::storeRoundTrip()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("databases.json"));
    ConnectionStore store(file);
    ConnectionSpec s;
    s.name = QStringLiteral("主库");
    s.engine = Engine::MariaDb;
    s.port = 3307;
    s.user = QStringLiteral("app");
    s.database = QStringLiteral("shop");
    s.safeMode = SafeMode::ReadOnly;
    s.viaSsh = false;
    const ConnectionSpec saved = store.upsert(QStringLiteral("p1"), s);
    QVERIFY(!saved.id.isEmpty());
    QVERIFY(store.save().ok());
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("password"));
    }
    ConnectionStore again(file);
    QVERIFY(again.load().ok());
    const auto back = again.find(QStringLiteral("p1"), saved.id);
    QVERIFY(back.has_value());
    QCOMPARE(back->name, s.name);
    QCOMPARE(back->engine, Engine::MariaDb);
    QCOMPARE(back->port, quint16(3307));
    QCOMPARE(back->safeMode, SafeMode::ReadOnly);
    QCOMPARE(back->viaSsh, false);
    again.remove(QStringLiteral("p1"), saved.id);
    QVERIFY(again.connections(QStringLiteral("p1")).isEmpty());
}

QTEST_GUILESS_MAIN(tst_SqlScript)
#include "tst_sqlscript.moc"
