// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// SQL sessions against a real PostgreSQL and MariaDB on 127.0.0.1, reached through a real sshd
// (the unix-socket bridge into the SSH session) and straight: streaming with back-pressure,
// cancel, safe mode, one statement per call, a lost connection. Needs root (the fixtures).
#include "dbfixture.h"
#include "sshdfixture.h"

#include <core/core/auditlog.h>
#include <core/core/paths.h>
#include <databases/core/adminsql.h>
#include <databases/core/catalog.h>
#include <databases/core/dbsession.h>
#include <databases/core/explainplan.h>
#include <databases/core/dbtunnel.h>
#include <databases/core/resultmodel.h>
#include <helper/core/serverconnection.h>
#include <profiles/core/profile.h>
#include <profiles/core/secretstore.h>

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <unistd.h>

using namespace Qwq;
using namespace Qwq::Databases;
using State = Helper::ServerConnection::State;

namespace {

/// What one statement produced, collected from the session's signals.
struct Run
{
    int id = 0;
    QList<Column> columns;
    qint64 rows = 0;
    bool more = false;
    bool done = false;
    bool ok = false;
    StatementOutcome outcome;
    Error error;
    std::vector<std::shared_ptr<RowBatch>> batches;
};

class Collector : public QObject
{
public:
    explicit Collector(DbSession *s) : session(s)
    {
        connect(s, &DbSession::started, this, [this](int id, const QList<Column> &cols) { runs[id].columns = cols; });
        connect(s, &DbSession::rowsArrived, this,
                [this](int id, const std::shared_ptr<RowBatch> &rows, bool more) {
                    runs[id].rows += rows->rowCount();
                    runs[id].more = more;
                    if (keepRows)
                        runs[id].batches.push_back(rows);
                });
        connect(s, &DbSession::finished, this,
                [this](int id, bool ok, const StatementOutcome &o, const Error &e) {
                    Run &r = runs[id];
                    r.done = true;
                    r.ok = ok;
                    r.outcome = o;
                    r.error = e;
                });
    }
    /// Runs a statement and waits until it finished (or, with firstRows, its first batch came).
    Run &exec(const QString &sql, bool readOnly = false, int timeoutMs = 30000)
    {
        const int id = session->execute(sql, readOnly);
        runs[id].id = id;
        if (!QTest::qWaitFor([&] { return runs[id].done; }, timeoutMs))
            qWarning("statement did not finish in %d ms: %s", timeoutMs, qPrintable(sql));
        return runs[id];
    }
    QString firstCell(const Run &r) const
    {
        return r.batches.empty() || r.batches.front()->rowCount() == 0 ? QString() : r.batches.front()->text(0, 0);
    }
    DbSession *session;
    bool keepRows = true;
    QHash<int, Run> runs;
};

qint64 rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &l : f.readAll().split('\n')) {
        if (l.startsWith("VmRSS:"))
            return l.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

} // namespace

class tst_DbSessions final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void postgresThroughSsh();
    void postgresStreamsWithBackPressure();
    void postgresCancel();
    void postgresSafeMode();
    void postgresLostConnection();
    void postgresBadPassword();
    void mariadbThroughSsh();
    void mariadbStreamsAndCancels();
    void mariadbSafeMode();
    void catalogAndPlans_data();
    void catalogAndPlans();
    void administration_data() { catalogAndPlans_data(); }
    void administration();

private:
    std::unique_ptr<DbSession> openSession(Engine engine, bool viaSsh, SafeMode mode = SafeMode::Off,
                                           const QString &password = {});

    QTemporaryDir m_home;
    QwqTest::SshdFixture m_sshd;
    QwqTest::DbServerFixture m_pg {QStringLiteral("postgres")};
    QwqTest::DbServerFixture m_my {QStringLiteral("mariadb")};
    bool m_skip = false;
    bool m_noMariaDb = false;
    Profiles::SecretStore m_secrets;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<Helper::ServerConnection> m_conn;
    std::vector<std::unique_ptr<DbTunnel>> m_tunnels;
    Error lastOpenError;
};

void tst_DbSessions::initTestCase()
{
    if (geteuid() != 0) {
        m_skip = true;
        QSKIP("The fixtures start sshd, PostgreSQL and MariaDB as their users: run as root.");
    }
    qputenv("QWQ_HOME", m_home.path().toUtf8());
    QString err = m_sshd.start();
    QVERIFY2(err.isEmpty(), qPrintable(err));
    err = m_pg.start();
    if (err == QLatin1String("SKIP")) {
        m_skip = true;
        QSKIP("postgresql is not installed");
    }
    QVERIFY2(err.isEmpty(), qPrintable(err));
    err = m_my.start();
    m_noMariaDb = err == QLatin1String("SKIP");
    QVERIFY2(err.isEmpty() || m_noMariaDb, qPrintable(err));

    m_audit = std::make_unique<AuditLog>(Paths::auditDatabase());
    QVERIFY(m_audit->open().ok());
    QString connectError;
    m_conn = QwqTest::connectToSshd(m_sshd, m_home, &m_secrets, m_audit.get(), &connectError);
    QVERIFY2(m_conn, qPrintable(connectError));
}

void tst_DbSessions::cleanupTestCase()
{
    if (m_skip)
        return;
    m_tunnels.clear();
    m_conn.reset();
    m_pg.stop();
    m_my.stop();
    m_sshd.stop();
}

std::unique_ptr<DbSession> tst_DbSessions::openSession(Engine engine, bool viaSsh, SafeMode mode,
                                                       const QString &password)
{
    ConnectionSpec spec;
    spec.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    spec.name = QStringLiteral("t");
    spec.engine = engine;
    spec.host = QStringLiteral("127.0.0.1");
    spec.viaSsh = viaSsh;
    spec.safeMode = mode;
    QString pw = password;
    if (engine == Engine::PostgreSql) {
        spec.port = m_pg.port;
        spec.user = QStringLiteral("postgres");
        spec.database = QStringLiteral("qwqtest");
        if (pw.isEmpty())
            pw = QString::fromLatin1(QwqTest::DbServerFixture::kPgPassword);
    } else {
        spec.port = m_my.port;
        spec.user = QStringLiteral("qwq");
        spec.database = QStringLiteral("qwqtest");
        if (pw.isEmpty())
            pw = QString::fromLatin1(QwqTest::DbServerFixture::kMyPassword);
    }
    auto tunnel = std::make_unique<DbTunnel>(m_conn.get(), spec);
    auto f = tunnel->open();
    if (!QTest::qWaitFor([&] { return f.isFinished(); }, 20000))
        return nullptr;
    const Result<Endpoint> ep = f.result();
    if (!ep) {
        qWarning() << "tunnel:" << ep.error().toString();
        return nullptr;
    }
    if (viaSsh && !ep->socketPath.startsWith(QLatin1Char('/')))
        return nullptr;
    auto s = std::make_unique<DbSession>(spec);
    QSignalSpy opened(s.get(), &DbSession::opened);
    QSignalSpy failed(s.get(), &DbSession::openFailed);
    s->open(*ep, pw);
    if (!QTest::qWaitFor([&] { return opened.count() + failed.count() > 0; }, 20000))
        return nullptr;
    m_tunnels.push_back(std::move(tunnel));
    if (failed.count()) {
        lastOpenError = failed.at(0).at(0).value<Error>();
        return nullptr;
    }
    return s;
}

void tst_DbSessions::postgresThroughSsh()
{
    for (const bool viaSsh : {true, false}) {
        auto s = openSession(Engine::PostgreSql, viaSsh);
        QVERIFY2(s, qPrintable(lastOpenError.toString()));
        QVERIFY(s->serverVersion().startsWith(QLatin1String("PostgreSQL 1")));
        Collector c(s.get());
        Run &r = c.exec(QStringLiteral("select 40 + 2 as answer, '你好' as greeting, null::text as nothing"));
        QVERIFY2(r.ok, qPrintable(r.error.toString()));
        QCOMPARE(r.columns.size(), 3);
        QCOMPARE(r.columns.at(0).name, QStringLiteral("answer"));
        QCOMPARE(r.columns.at(0).type, QStringLiteral("int4"));
        QVERIFY(r.columns.at(0).numeric);
        QCOMPARE(r.rows, 1);
        QCOMPARE(c.firstCell(r), QStringLiteral("42"));
        QCOMPARE(r.batches.front()->text(0, 1), QStringLiteral("你好"));
        QVERIFY(r.batches.front()->isNull(0, 2));
        QCOMPARE(r.outcome.commandTag, QStringLiteral("SELECT 1"));
        // a command: no columns, its tag and count
        QVERIFY(c.exec(QStringLiteral("create temp table t(id int primary key, v text)")).ok);
        Run &ins = c.exec(QStringLiteral("insert into t select g, 'v' || g from generate_series(1, 5) g"));
        QVERIFY(ins.ok);
        QVERIFY(ins.columns.isEmpty());
        QCOMPARE(ins.outcome.rowsAffected, 5);
        // a server error names SQLSTATE and keeps the session usable
        Run &bad = c.exec(QStringLiteral("select * from no_such_table"));
        QVERIFY(!bad.ok);
        QCOMPARE(bad.error.code, ErrorCode::DatabaseError);
        QVERIFY2(bad.error.detail.contains(QLatin1String("42P01")), qPrintable(bad.error.detail));
        QVERIFY(bad.error.message.contains(QLatin1String("no_such_table")));
        QCOMPARE(bad.error.column, 15); // the server's position of the bad name
        QVERIFY(c.exec(QStringLiteral("select 1")).ok);
        // one statement per call: nothing rides along after a ';'
        Run &two = c.exec(QStringLiteral("select 1; drop table t"));
        QVERIFY(!two.ok);
        QCOMPARE(c.exec(QStringLiteral("select count(*) from t")).rows, 1);
    }
    // the bridge is a unix socket in a private directory
    bool sawSocket = false;
    for (const Ssh::ForwardStatus &f : m_conn->forwards()) {
        if (f.rule.bindPath.isEmpty())
            continue;
        sawSocket = true;
        const QFileInfo dir(QFileInfo(f.rule.bindPath).path());
        QCOMPARE(dir.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::ExeOther),
                 QFileDevice::Permissions());
    }
    QVERIFY(sawSocket);
}

void tst_DbSessions::postgresStreamsWithBackPressure()
{
    auto s = openSession(Engine::PostgreSql, true);
    QVERIFY2(s, qPrintable(lastOpenError.toString()));
    Collector c(s.get());
    c.keepRows = false;
    const qint64 rssBefore = rssKb();
    QElapsedTimer t;
    t.start();
    const int id = s->execute(QStringLiteral("select g, repeat('x', 20) as pad from generate_series(1, 1000000) g"), false);
    QTRY_VERIFY_WITH_TIMEOUT(c.runs[id].rows >= 1000, 20000);
    const qint64 firstMs = t.elapsed();
    QCOMPARE(c.runs[id].rows, 1000);
    QVERIFY(c.runs[id].more);
    // paused: nothing more arrives until asked, the statement is not finished
    QTest::qWait(300);
    QCOMPARE(c.runs[id].rows, 1000);
    QVERIFY(!c.runs[id].done);
    // into a model, as the grid does: fetchMore asks for a batch at a time
    ResultModel model;
    model.reset(c.runs[id].columns);
    connect(s.get(), &DbSession::rowsArrived, &model,
            [&](int run, const std::shared_ptr<RowBatch> &rows, bool more) {
                if (run == id)
                    model.appendRows(rows, more);
            });
    connect(&model, &ResultModel::moreRowsWanted, s.get(), [&](int rows) { s->fetchMore(id, rows); });
    model.setBatchRows(50000);
    model.appendRows(std::make_shared<RowBatch>(2), true); // the first 1000 went to the collector
    while (model.canFetchMore({}) || (!c.runs[id].done && model.rowCount() < 999000)) {
        if (model.canFetchMore({}))
            model.fetchMore({});
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QVERIFY(t.elapsed() < 120000);
        if (model.rowCount() == 0 && c.runs[id].rows >= 1000 && !model.hasMore() && !c.runs[id].more)
            break;
    }
    QTRY_VERIFY_WITH_TIMEOUT(c.runs[id].done, 60000);
    QVERIFY2(c.runs[id].ok, qPrintable(c.runs[id].error.toString()));
    QCOMPARE(c.runs[id].rows, 1000000);
    QCOMPARE(model.rowCount(), 1000000 - 1000); // the first batch went to the collector only
    QCOMPARE(model.cellText(model.rowCount() - 1, 0), QStringLiteral("1000000"));
    QCOMPARE(c.runs[id].outcome.rowsFetched, 1000000);
    const qint64 grownMb = (rssKb() - rssBefore) / 1024;
    qInfo("first 1000 rows after %lld ms; a million rows in %lld ms; RSS grew %lld MB (model %lld MB)",
          firstMs, c.runs[id].outcome.elapsedMs, grownMb, model.byteSize() >> 20);
    QVERIFY2(grownMb < 150, qPrintable(QString::number(grownMb)));
}

void tst_DbSessions::postgresCancel()
{
    auto s = openSession(Engine::PostgreSql, true);
    QVERIFY2(s, qPrintable(lastOpenError.toString()));
    Collector c(s.get());
    QElapsedTimer t;
    t.start();
    const int id = s->execute(QStringLiteral("select pg_sleep(60)"), false);
    QTest::qWait(500);
    QVERIFY(s->isRunning());
    s->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(c.runs[id].done, 10000);
    QVERIFY(t.elapsed() < 10000);
    QVERIFY(!c.runs[id].ok);
    QVERIFY2(c.runs[id].error.detail.contains(QLatin1String("57014")), qPrintable(c.runs[id].error.toString()));
    // a paused stream is cancelled too, and the session goes on
    const int big = s->execute(QStringLiteral("select * from generate_series(1, 5000000)"), false);
    QTRY_VERIFY_WITH_TIMEOUT(c.runs[big].rows == 1000, 20000);
    s->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(c.runs[big].done, 20000);
    QCOMPARE(c.runs[big].error.code, ErrorCode::Cancelled);
    QCOMPARE(c.firstCell(c.exec(QStringLiteral("select 7"))), QStringLiteral("7"));
}

void tst_DbSessions::postgresSafeMode()
{
    QCOMPARE(m_pg.psql(QStringLiteral("create table if not exists guarded(id int primary key, v text); "
                                      "truncate guarded; insert into guarded values (1, 'keep')")).exitCode, 0);
    auto s = openSession(Engine::PostgreSql, true, SafeMode::ReadOnly);
    QVERIFY2(s, qPrintable(lastOpenError.toString()));
    Collector c(s.get());
    // reads work; writes are refused by the server inside the read-only transaction
    QCOMPARE(c.firstCell(c.exec(QStringLiteral("select v from guarded"), true)), QStringLiteral("keep"));
    for (const QString &sql : {QStringLiteral("delete from guarded"),
                               QStringLiteral("with x as (delete from guarded returning *) select * from x"),
                               QStringLiteral("set transaction read write"),
                               QStringLiteral("drop table guarded")}) {
        Run &r = c.exec(sql, true);
        if (sql.startsWith(QLatin1String("set")))
            continue; // accepted or not, the next statement has its own read-only transaction
        QVERIFY2(!r.ok, qPrintable(sql));
        QCOMPARE(r.error.code, ErrorCode::DatabaseReadOnly);
    }
    // a COMMIT of its own does not end the protection for the next statement
    QVERIFY(c.exec(QStringLiteral("commit"), true).ok);
    QVERIFY(!c.exec(QStringLiteral("insert into guarded values (2, 'x')"), true).ok);
    QCOMPARE(QString::fromUtf8(m_pg.psql(QStringLiteral("select string_agg(v, ',') from guarded")).out).trimmed(),
             QStringLiteral("keep"));
    QVERIFY(!s->inTransaction());
}

void tst_DbSessions::postgresLostConnection()
{
    auto s = openSession(Engine::PostgreSql, true);
    QVERIFY2(s, qPrintable(lastOpenError.toString()));
    Collector c(s.get());
    Run &pidRun = c.exec(QStringLiteral("select pg_backend_pid()"));
    const QString pid = c.firstCell(pidRun);
    QVERIFY(!pid.isEmpty());
    const int id = s->execute(QStringLiteral("select pg_sleep(30)"), false);
    QTest::qWait(300);
    QCOMPARE(m_pg.psql(QStringLiteral("select pg_terminate_backend(%1)").arg(pid)).exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT(c.runs[id].done, 20000);
    QVERIFY(!c.runs[id].ok);
    QVERIFY2(c.runs[id].error.code == ErrorCode::DatabaseConnectionLost || c.runs[id].error.code == ErrorCode::DatabaseError,
             qPrintable(c.runs[id].error.toString()));
    QTRY_VERIFY_WITH_TIMEOUT(!s->isOpen(), 5000);
    // the next statement opens the connection again and says so; nothing was re-run
    Run &again = c.exec(QStringLiteral("select 5"));
    QVERIFY2(again.ok, qPrintable(again.error.toString()));
    QCOMPARE(c.firstCell(again), QStringLiteral("5"));
    QVERIFY(again.outcome.notices.join(QLatin1Char(' ')).contains(QLatin1String("opened again")));
}

void tst_DbSessions::postgresBadPassword()
{
    auto s = openSession(Engine::PostgreSql, true, SafeMode::Off, QStringLiteral("wrong"));
    QVERIFY(!s);
    QCOMPARE(lastOpenError.code, ErrorCode::DatabaseConnectFailed);
    QCOMPARE(lastOpenError.field, QStringLiteral("password"));
}

void tst_DbSessions::mariadbThroughSsh()
{
    if (m_noMariaDb)
        QSKIP("mariadb-server is not installed");
    for (const bool viaSsh : {true, false}) {
        auto s = openSession(Engine::MariaDb, viaSsh);
        QVERIFY2(s, qPrintable(lastOpenError.toString()));
        QVERIFY(s->serverVersion().contains(QLatin1String("MariaDB")));
        Collector c(s.get());
        Run &r = c.exec(QStringLiteral("select 40 + 2 as answer, '你好' as greeting, null as nothing"));
        QVERIFY2(r.ok, qPrintable(r.error.toString()));
        QCOMPARE(r.columns.size(), 3);
        QCOMPARE(c.firstCell(r), QStringLiteral("42"));
        QCOMPARE(r.batches.front()->text(0, 1), QStringLiteral("你好"));
        QVERIFY(r.batches.front()->isNull(0, 2));
        QVERIFY(c.exec(QStringLiteral("create temporary table t(id int primary key, v text)")).ok);
        Run &ins = c.exec(QStringLiteral("insert into t values (1, 'a'), (2, 'b')"));
        QVERIFY(ins.ok);
        QCOMPARE(ins.outcome.rowsAffected, 2);
        Run &bad = c.exec(QStringLiteral("select * from no_such_table"));
        QVERIFY(!bad.ok);
        QCOMPARE(bad.error.code, ErrorCode::DatabaseError);
        QVERIFY(bad.error.detail.contains(QLatin1String("1146")));
        QVERIFY(!c.exec(QStringLiteral("select 1; drop table t")).ok);
        QCOMPARE(c.firstCell(c.exec(QStringLiteral("select count(*) from t"))), QStringLiteral("2"));
    }
}

void tst_DbSessions::mariadbStreamsAndCancels()
{
    if (m_noMariaDb)
        QSKIP("mariadb-server is not installed");
    auto s = openSession(Engine::MariaDb, true);
    QVERIFY2(s, qPrintable(lastOpenError.toString()));
    Collector c(s.get());
    c.keepRows = false;
    // 200,000 rows from MariaDB's sequence engine: the first batch, a pause, then the rest
    const int id = s->execute(QStringLiteral("select seq, concat('row ', seq) from seq_1_to_200000"), false);
    QTRY_VERIFY_WITH_TIMEOUT(c.runs[id].rows == 1000, 20000);
    QTest::qWait(200);
    QCOMPARE(c.runs[id].rows, 1000);
    s->fetchAll(id);
    QTRY_VERIFY_WITH_TIMEOUT(c.runs[id].done, 60000);
    QVERIFY2(c.runs[id].ok, qPrintable(c.runs[id].error.toString()));
    QCOMPARE(c.runs[id].rows, 200000);
    // cancel a sleeping query (KILL QUERY from a second connection through the bridge)
    QElapsedTimer t;
    t.start();
    const int sleeping = s->execute(QStringLiteral("select sleep(60)"), false);
    QTest::qWait(500);
    s->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(c.runs[sleeping].done, 15000);
    QVERIFY(t.elapsed() < 15000);
    c.keepRows = true;
    Run &after = c.exec(QStringLiteral("select 8"));
    QVERIFY2(after.ok, qPrintable(after.error.toString()));
    QCOMPARE(c.firstCell(after), QStringLiteral("8"));
}

void tst_DbSessions::mariadbSafeMode()
{
    if (m_noMariaDb)
        QSKIP("mariadb-server is not installed");
    QCOMPARE(m_my.mariadb(QStringLiteral("create table if not exists guarded(id int primary key, v text); "
                                         "delete from guarded; insert into guarded values (1, 'keep')")).exitCode, 0);
    auto s = openSession(Engine::MariaDb, true, SafeMode::ReadOnly);
    QVERIFY2(s, qPrintable(lastOpenError.toString()));
    Collector c(s.get());
    QCOMPARE(c.firstCell(c.exec(QStringLiteral("select v from guarded"), true)), QStringLiteral("keep"));
    Run &del = c.exec(QStringLiteral("delete from guarded"), true);
    QVERIFY(!del.ok);
    QCOMPARE(del.error.code, ErrorCode::DatabaseReadOnly);
    QVERIFY(!c.exec(QStringLiteral("insert into guarded values (2, 'x')"), true).ok);
    QCOMPARE(QString::fromUtf8(m_my.mariadb(QStringLiteral("select group_concat(v) from guarded")).out).trimmed(),
             QStringLiteral("keep"));
}

void tst_DbSessions::catalogAndPlans_data()
{
    QTest::addColumn<int>("engine");
    QTest::newRow("postgresql") << int(Engine::PostgreSql);
    QTest::newRow("mariadb") << int(Engine::MariaDb);
}

void tst_DbSessions::catalogAndPlans()
{
    QFETCH(int, engine);
    const Engine e = Engine(engine);
    if (e == Engine::MariaDb && m_noMariaDb)
        QSKIP("mariadb-server is not installed");
    const QString ddl = QStringLiteral("create table cat_orders(id int primary key, customer_id int not null, "
                                       "total numeric(10,2) default 0, note text); "
                                       "create index cat_orders_customer on cat_orders(customer_id); "
                                       "create view cat_big as select id, total from cat_orders where total > 100; "
                                       "insert into cat_orders values (1, 1, 10, 'a'), (2, 1, 200, 'b'), (3, 2, 300, 'c')");
    const QString drop = QStringLiteral("drop view if exists cat_big; drop table if exists cat_orders");
    if (e == Engine::PostgreSql) {
        QCOMPARE(m_pg.psql(drop).exitCode, 0);
        QCOMPARE(m_pg.psql(ddl).exitCode, 0);
    } else {
        QCOMPARE(m_my.mariadb(drop).exitCode, 0);
        QCOMPARE(m_my.mariadb(ddl).exitCode, 0);
    }
    auto s = openSession(e, true);
    QVERIFY2(s, qPrintable(lastOpenError.toString()));
    auto f = loadCatalog(s.get());
    QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 30000);
    const Result<Catalog> cat = f.result();
    QVERIFY2(cat.ok(), qPrintable(cat.ok() ? QString() : cat.error().toString()));
    const QString schema = e == Engine::PostgreSql ? QStringLiteral("public") : QStringLiteral("qwqtest");
    QVERIFY(cat->schemas.contains(schema));
    const CatalogRelation *t = cat->find(schema, QStringLiteral("cat_orders"));
    QVERIFY(t);
    QCOMPARE(t->kind, CatalogRelation::Kind::Table);
    QCOMPARE(t->columns.size(), 4);
    QCOMPARE(t->primaryKey(), QStringList {QStringLiteral("id")});
    QVERIFY(!t->columns.at(1).nullable);
    QVERIFY(t->columns.at(2).defaultValue.startsWith(QLatin1Char('0')));
    bool hasIndex = false;
    for (const CatalogIndex &i : t->indexes)
        hasIndex = hasIndex || i.name == QLatin1String("cat_orders_customer");
    QVERIFY(hasIndex);
    const CatalogRelation *v = cat->find(schema, QStringLiteral("cat_big"));
    QVERIFY(v);
    QCOMPARE(v->kind, CatalogRelation::Kind::View);
    if (e == Engine::PostgreSql) {
        QVERIFY(cat->functions.contains(QStringLiteral("now")));
        QVERIFY(cat->databases.contains(QStringLiteral("qwqtest")));
        QVERIFY(cat->databases.contains(QStringLiteral("postgres")));
        QVERIFY(!cat->databases.contains(QStringLiteral("template0")));
    }

    auto d = relationDdl(s.get(), *t);
    QTRY_VERIFY_WITH_TIMEOUT(d.isFinished(), 20000);
    QVERIFY2(d.result().ok(), qPrintable(d.result().ok() ? QString() : d.result().error().toString()));
    const QString text = d.result().value();
    QVERIFY2(text.contains(QLatin1String("CREATE TABLE")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("PRIMARY KEY")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("cat_orders_customer")), qPrintable(text));
    auto vd = relationDdl(s.get(), *v);
    QTRY_VERIFY_WITH_TIMEOUT(vd.isFinished(), 20000);
    QVERIFY2(vd.result().ok() && vd.result().value().contains(QLatin1String("100")), qPrintable(vd.result().valueOr({})));

    // EXPLAIN of a join, parsed into a tree with a costliest node
    const Dialect dialect = e == Engine::PostgreSql ? Dialect::PostgreSql : Dialect::MariaDb;
    Collector c(s.get());
    Run &plan = c.exec(explainStatement(QStringLiteral("select * from cat_orders a join cat_orders b on a.customer_id = b.id where a.total > 5"),
                                        dialect, false));
    QVERIFY2(plan.ok, qPrintable(plan.error.toString()));
    const Result<PlanNode> tree = parsePlan(c.firstCell(plan), dialect);
    QVERIFY2(tree.ok(), qPrintable(tree.ok() ? QString() : tree.error().toString() + c.firstCell(plan)));
    const QString flat = planText(*tree);
    QVERIFY2(flat.contains(QLatin1String("cat_orders")) || flat.contains(QLatin1String("(ALL)")), qPrintable(flat));
    QVERIFY2(flat.contains(QLatin1String("costliest")), qPrintable(flat));
}

void tst_DbSessions::administration()
{
    QFETCH(int, engine);
    const Engine e = Engine(engine);
    if (e == Engine::MariaDb && m_noMariaDb)
        QSKIP("mariadb-server is not installed");
    const Dialect d = e == Engine::PostgreSql ? Dialect::PostgreSql : Dialect::MariaDb;
    auto s = openSession(e, true);
    QVERIFY2(s, qPrintable(lastOpenError.toString()));
    Collector c(s.get());
    const auto runAll = [&](const Result<AdminStatements> &st) {
        if (!st)
            return st.error().toString();
        for (const QString &sql : st->sql) {
            Run &r = c.exec(sql);
            if (!r.ok)
                return r.error.toString();
        }
        return QString();
    };
    // a user whose name and password need quoting, a database, a grant; then log in as that user
    AdminUser u;
    u.name = QStringLiteral("qwq app'\"x");
    u.host = QStringLiteral("127.0.0.1");
    u.password = QStringLiteral("pw'\"\\; select 1");
    (void)runAll(dropDatabaseSql(QStringLiteral("qwq admin db"), d));
    (void)runAll(dropUserSql(u, d));
    QString err = runAll(createUserSql(u, d));
    QVERIFY2(err.isEmpty(), qPrintable(err));
    err = runAll(createDatabaseSql(QStringLiteral("qwq admin db"), d == Dialect::PostgreSql ? u.name : QString(), d));
    QVERIFY2(err.isEmpty(), qPrintable(err));
    GrantTarget t;
    t.kind = d == Dialect::PostgreSql ? GrantTarget::Kind::Database : GrantTarget::Kind::AllTables;
    t.database = QStringLiteral("qwq admin db");
    err = runAll(grantSql({d == Dialect::PostgreSql ? QStringLiteral("CONNECT") : QStringLiteral("SELECT")}, t, u, d));
    QVERIFY2(err.isEmpty(), qPrintable(err));

    ConnectionSpec spec;
    spec.id = QStringLiteral("admin-check");
    spec.name = spec.id;
    spec.engine = e;
    spec.host = QStringLiteral("127.0.0.1");
    spec.port = e == Engine::PostgreSql ? m_pg.port : m_my.port;
    spec.user = u.name;
    spec.database = QStringLiteral("qwq admin db");
    spec.viaSsh = false;
    DbSession as(spec);
    QSignalSpy opened(&as, &DbSession::opened);
    QSignalSpy failed(&as, &DbSession::openFailed);
    as.open(Endpoint {QStringLiteral("127.0.0.1"), spec.port, {}}, u.password);
    QTRY_VERIFY_WITH_TIMEOUT(opened.count() + failed.count() > 0, 20000);
    QVERIFY2(opened.count() == 1, failed.isEmpty() ? "" : qPrintable(failed.at(0).at(0).value<Error>().toString()));

    // a new password works, the old one no longer does
    u.password = QStringLiteral("second-pw");
    err = runAll(changePasswordSql(u, d));
    QVERIFY2(err.isEmpty(), qPrintable(err));
    DbSession again(spec);
    QSignalSpy failedAgain(&again, &DbSession::openFailed);
    again.open(Endpoint {QStringLiteral("127.0.0.1"), spec.port, {}}, QStringLiteral("pw'\"\\; select 1"));
    QVERIFY(failedAgain.wait(20000));
    QCOMPARE(failedAgain.at(0).at(0).value<Error>().field, QStringLiteral("password"));
}

QTEST_GUILESS_MAIN(tst_DbSessions)
#include "tst_dbsessions.moc"
