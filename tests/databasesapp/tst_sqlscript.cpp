// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The SQL editor's lexer (statement split, classification), the packed result model and its
// copy formats, and saved-connection validation: logic only, no server.
#include <databases/core/adminsql.h>
#include <databases/core/connectionstore.h>
#include <databases/core/explainplan.h>
#include <databases/core/querylibrary.h>
#include <databases/core/sqlcompleter.h>
#include <databases/core/sqlquote.h>
#include <databases/core/resultmodel.h>
#include <databases/core/sqlscript.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qwq::Databases;
using Qwq::Result;

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
    void quoting();
    void format();
    void library();
    void adminStatements();
    void completion();
    void postgresPlan();
    void mariadbPlan();
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

void tst_SqlScript::adminStatements()
{
    AdminUser u;
    u.name = QStringLiteral("app\"; drop role postgres; --");
    u.password = QStringLiteral("pa'ss");
    Result<AdminStatements> r = createUserSql(u, Dialect::PostgreSql);
    QVERIFY(r.ok());
    QCOMPARE(r->sql.first(), QStringLiteral("CREATE ROLE \"app\"\"; drop role postgres; --\" LOGIN PASSWORD 'pa''ss'"));
    QVERIFY(!r->shown.first().contains(QLatin1String("pa''ss")));
    QVERIFY(r->shown.first().contains(QLatin1String("********")));
    u.name = QStringLiteral("app");
    u.host = QStringLiteral("10.0.%");
    r = createUserSql(u, Dialect::MariaDb);
    QCOMPARE(r->sql.first(), QStringLiteral("CREATE USER 'app'@'10.0.%' IDENTIFIED BY 'pa''ss'"));
    u.host = QStringLiteral("x' or '1");
    QCOMPARE(createUserSql(u, Dialect::MariaDb).error().field, QStringLiteral("host"));
    u.host = QStringLiteral("%");
    u.password.clear();
    QCOMPARE(createUserSql(u, Dialect::MariaDb).error().field, QStringLiteral("password"));
    QCOMPARE(changePasswordSql(u, Dialect::PostgreSql).error().field, QStringLiteral("password"));
    QCOMPARE(createDatabaseSql(QStringLiteral("shop"), QStringLiteral("app"), Dialect::PostgreSql)->sql.first(),
             QStringLiteral("CREATE DATABASE \"shop\" ENCODING 'UTF8' OWNER \"app\""));
    QCOMPARE(createDatabaseSql(QString(), {}, Dialect::MariaDb).error().field, QStringLiteral("database"));
    QCOMPARE(dropDatabaseSql(QStringLiteral("a`b"), Dialect::MariaDb)->sql.first(), QStringLiteral("DROP DATABASE `a``b`"));
    GrantTarget t;
    t.kind = GrantTarget::Kind::AllTables;
    t.schema = QStringLiteral("public");
    QCOMPARE(grantSql({QStringLiteral("SELECT"), QStringLiteral("INSERT")}, t, u, Dialect::PostgreSql)->sql.first(),
             QStringLiteral("GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA \"public\" TO \"app\""));
    QCOMPARE(grantSql({QStringLiteral("SELECT; DROP")}, t, u, Dialect::PostgreSql).error().field, QStringLiteral("privileges"));
    QCOMPARE(grantSql({}, t, u, Dialect::PostgreSql).error().field, QStringLiteral("privileges"));
    t.kind = GrantTarget::Kind::Table;
    t.database = QStringLiteral("shop");
    t.table = QStringLiteral("orders");
    QCOMPARE(grantSql({QStringLiteral("SELECT")}, t, u, Dialect::MariaDb, true)->sql.first(),
             QStringLiteral("REVOKE SELECT ON `shop`.`orders` FROM 'app'@'%'"));
}

void tst_SqlScript::library()
{
    QTemporaryDir dir;
    QueryLibrary lib(dir.path());
    for (int i = 0; i < 3; ++i) {
        LibraryEntry e;
        e.when = QDateTime::currentDateTimeUtc();
        e.sql = QStringLiteral("select %1 -- 你好").arg(i);
        e.ok = i != 1;
        e.elapsedMs = i;
        QVERIFY(lib.appendHistory(QStringLiteral("conn/../1"), e).ok());
    }
    const QList<LibraryEntry> h = lib.history(QStringLiteral("conn/../1"));
    QCOMPARE(h.size(), 3);
    QCOMPARE(h.first().sql, QStringLiteral("select 2 -- 你好")); // newest first
    QVERIFY(!h.at(1).ok);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // the id cannot escape the directory
    QCOMPARE(lib.save(QStringLiteral("c"), QStringLiteral(" "), QStringLiteral("x")).error().field, QStringLiteral("name"));
    QVERIFY(lib.save(QStringLiteral("c"), QStringLiteral("top"), QStringLiteral("select 1")).ok());
    QVERIFY(lib.save(QStringLiteral("c"), QStringLiteral("top"), QStringLiteral("select 2")).ok());
    QCOMPARE(lib.saved(QStringLiteral("c")).size(), 1);
    QCOMPARE(lib.saved(QStringLiteral("c")).first().sql, QStringLiteral("select 2"));
    QVERIFY(lib.removeSaved(QStringLiteral("c"), QStringLiteral("top")).ok());
    QVERIFY(lib.saved(QStringLiteral("c")).isEmpty());
}

void tst_SqlScript::format()
{
    QCOMPARE(formatSql(QStringLiteral("select a, 'from x' from t left join u on t.id = u.id where a > 1 order by a"), Dialect::PostgreSql),
             QStringLiteral("SELECT a, 'from x'\nFROM t\nLEFT JOIN u ON t.id = u.id\nWHERE a > 1\nORDER BY a"));
    // subqueries stay on their line; quoted names and comments are untouched
    QCOMPARE(formatSql(QStringLiteral("select * from (select 1 from \"from\") s -- from\nwhere x in (select y from z)"), Dialect::PostgreSql),
             QStringLiteral("SELECT *\nFROM (SELECT 1 FROM \"from\") s -- from\nWHERE x IN (SELECT y FROM z)"));
    QCOMPARE(formatSql(QStringLiteral("update t set a = 1 where id = 2"), Dialect::MariaDb),
             QStringLiteral("UPDATE t\nSET a = 1\nWHERE id = 2"));
}

void tst_SqlScript::quoting()
{
    QCOMPARE(*quoteIdentifier(QStringLiteral("a\"b"), Dialect::PostgreSql), QStringLiteral("\"a\"\"b\""));
    QCOMPARE(*quoteIdentifier(QStringLiteral("a`b"), Dialect::MariaDb), QStringLiteral("`a``b`"));
    QCOMPARE(*quoteIdentifier(QStringLiteral("用户; drop"), Dialect::PostgreSql), QStringLiteral("\"用户; drop\""));
    QCOMPARE(quoteIdentifier(QString(), Dialect::PostgreSql).error().field, QStringLiteral("name"));
    QCOMPARE(quoteIdentifier(QStringLiteral("a") + QChar(0), Dialect::MariaDb, QStringLiteral("user")).error().field,
             QStringLiteral("user"));
    QVERIFY(!quoteIdentifier(QString(64, QLatin1Char('x')), Dialect::PostgreSql));
    QCOMPARE(quoteLiteral(QStringLiteral("it's \\ ok"), Dialect::PostgreSql), QStringLiteral("'it''s \\ ok'"));
    QCOMPARE(quoteLiteral(QStringLiteral("it's \\ ok"), Dialect::MariaDb), QStringLiteral("'it''s \\\\ ok'"));
    QCOMPARE(qualifiedName(QStringLiteral("public"), QStringLiteral("t"), Dialect::PostgreSql), QStringLiteral("\"public\".\"t\""));
}

static CatalogColumn col(const char *name, const char *type, bool pk = false)
{
    CatalogColumn c;
    c.name = QLatin1String(name);
    c.type = QLatin1String(type);
    c.nullable = !pk;
    c.primaryKey = pk;
    return c;
}

static Catalog sampleCatalog()
{
    Catalog cat;
    cat.schemas = {QStringLiteral("public"), QStringLiteral("shop")};
    CatalogRelation orders;
    orders.schema = QStringLiteral("shop");
    orders.name = QStringLiteral("orders");
    orders.columns = {col("id", "int", true), col("customer_id", "int"), col("total", "numeric")};
    CatalogRelation customers;
    customers.schema = QStringLiteral("shop");
    customers.name = QStringLiteral("customers");
    customers.columns = {col("id", "int", true), col("name", "text")};
    cat.relations = {orders, customers};
    cat.functions = {QStringLiteral("now"), QStringLiteral("count")};
    return cat;
}

void tst_SqlScript::completion()
{
    const Catalog cat = sampleCatalog();
    // after schema.
    SqlCompletion c = completeSql(QStringLiteral("select * from shop."), QStringLiteral("select * from shop."), cat, Dialect::PostgreSql);
    QCOMPARE(c.prefix, QString());
    QCOMPARE(c.words, (QStringList {QStringLiteral("customers"), QStringLiteral("orders")}));
    // after alias.
    const QString stmt = QStringLiteral("select o.to from shop.orders o join customers c on c.id = o.customer_id");
    c = completeSql(QStringLiteral("select o.to"), stmt, cat, Dialect::PostgreSql);
    QCOMPARE(c.prefix, QStringLiteral("to"));
    QCOMPARE(c.words, QStringList {QStringLiteral("total")});
    c = completeSql(QStringLiteral("select c."), stmt, cat, Dialect::PostgreSql);
    QCOMPARE(c.words, (QStringList {QStringLiteral("id"), QStringLiteral("name")}));
    // bare word: columns of the named tables, keywords, tables, functions
    c = completeSql(QStringLiteral("select cu"), QStringLiteral("select cu from orders"), cat, Dialect::PostgreSql);
    QVERIFY(c.words.contains(QStringLiteral("customer_id")));
    QVERIFY(c.words.contains(QStringLiteral("customers")));
    c = completeSql(QStringLiteral("sel"), QStringLiteral("sel"), cat, Dialect::PostgreSql);
    QCOMPARE(c.words, QStringList {QStringLiteral("SELECT")});
    c = completeSql(QStringLiteral("select no"), QStringLiteral("select no"), cat, Dialect::PostgreSql);
    QVERIFY(c.words.contains(QStringLiteral("now")));
    QVERIFY(c.words.contains(QStringLiteral("NOT")));
}

void tst_SqlScript::postgresPlan()
{
    const QString json = QStringLiteral(R"JSON([{"Plan": {"Node Type": "Hash Join", "Join Type": "Inner", "Total Cost": 100.0, "Plan Rows": 50,
        "Hash Cond": "(o.customer_id = c.id)",
        "Plans": [{"Node Type": "Seq Scan", "Relation Name": "orders", "Schema": "shop", "Alias": "o", "Total Cost": 70.0, "Plan Rows": 1000,
                   "Filter": "(total > 10)"},
                  {"Node Type": "Hash", "Total Cost": 20.0, "Plan Rows": 10,
                   "Plans": [{"Node Type": "Index Scan", "Relation Name": "customers", "Index Name": "customers_pkey", "Total Cost": 18.0, "Plan Rows": 10}]}]}}])JSON");
    const Result<PlanNode> r = parsePlan(json, Dialect::PostgreSql, 1);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->label, QStringLiteral("Inner Hash Join"));
    QCOMPARE(r->children.size(), 2);
    QCOMPARE(r->children.at(0).label, QStringLiteral("Seq Scan"));
    QVERIFY(r->children.at(0).detail.contains(QLatin1String("on shop.orders o")));
    QVERIFY(r->children.at(0).detail.contains(QLatin1String("Filter: (total > 10)")));
    // exclusive costs: join 100-70-20 = 10, seq scan 70, hash 2, index scan 18: the scan is the hot one
    QVERIFY(r->children.at(0).costliest);
    QVERIFY(!r->costliest);
    QCOMPARE(r->children.at(1).children.at(0).detail, QStringLiteral("on customers; using customers_pkey"));
    QVERIFY(planText(*r).contains(QLatin1String("-> Seq Scan")));
    QVERIFY(!parsePlan(QStringLiteral("not json"), Dialect::PostgreSql));
}

void tst_SqlScript::mariadbPlan()
{
    const QString json = QStringLiteral(R"JSON({"query_block": {"select_id": 1, "nested_loop": [
        {"table": {"table_name": "o", "access_type": "ALL", "rows": 1000, "filtered": 100, "attached_condition": "o.total > 10"}},
        {"table": {"table_name": "c", "access_type": "eq_ref", "possible_keys": ["PRIMARY"], "key": "PRIMARY", "rows": 1, "filtered": 100}}]}})JSON");
    const Result<PlanNode> r = parsePlan(json, Dialect::MariaDb, 1);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->label, QStringLiteral("query block 1"));
    QCOMPARE(r->children.size(), 2);
    QCOMPARE(r->children.at(0).label, QStringLiteral("o (ALL)"));
    QVERIFY(r->children.at(0).costliest);
    QVERIFY(r->children.at(1).detail.contains(QLatin1String("key: PRIMARY")));
}

QTEST_GUILESS_MAIN(tst_SqlScript)
#include "tst_sqlscript.moc"
