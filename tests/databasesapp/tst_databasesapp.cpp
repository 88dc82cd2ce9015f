// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Databases panel on This computer against a real PostgreSQL (tests/fixtures/dbservers.sh):
// a connection saved through the dialog (a bad field named, the password in the keychain and in
// no file), an SQL tab opened from it, a script run statement by statement, rows streamed into
// the grid as it scrolls, the schema tree and completion, a plan, safe mode asking before a
// write, and screenshots in both languages. Needs root (the fixture) and runs in with-keyring.sh.
#include "dbfixture.h"

#include <awaitfuture.h>
#include <chinese.h>
#include <core/core/auditlog.h>
#include <core/core/paths.h>
#include <databases/core/resultmodel.h>
#include <databases/ui/connectiondialog.h>
#include <databases/ui/databasespanel.h>
#include <databases/ui/explainview.h>
#include <databases/ui/querytab.h>
#include <databases/ui/resultview.h>
#include <databases/ui/schemabrowser.h>
#include <editor/ui/codeeditor.h>
#include <profiles/core/profilestore.h>
#include <profiles/core/secretstore.h>
#include <workbench/core/servercontext.h>
#include <workbench/core/serverregistry.h>

#include <Qsci/qsciscintilla.h>

#include <QApplication>
#include <QComboBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <unistd.h>

using namespace Qwq;
using namespace Qwq::Databases;

class tst_DatabasesApp final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void savesAConnection();
    void runsAScriptAndStreams();
    void schemaCompletionAndPlan();
    void safeModeAsks();
    void screenshots();

private:
    QueryTab *openTab();

    QTemporaryDir m_home;
    QwqTest::DbServerFixture m_pg {QStringLiteral("postgres")};
    bool m_skip = false;
    Profiles::SecretStore m_secrets;
    std::unique_ptr<Profiles::ProfileStore> m_store;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<Workbench::ServerRegistry> m_registry;
    Workbench::ServerContext *m_ctx = nullptr;
    QWidget *m_window = nullptr;
    DatabasesPanel *m_panel = nullptr;
    QString m_connectionId;
};

void tst_DatabasesApp::initTestCase()
{
    if (geteuid() != 0) {
        m_skip = true;
        QSKIP("The fixture starts PostgreSQL as its user: run as root.");
    }
    qRegisterMetaType<QueryTab *>();
    const QString err = m_pg.start();
    if (err == QLatin1String("SKIP")) {
        m_skip = true;
        QSKIP("postgresql is not installed");
    }
    QVERIFY2(err.isEmpty(), qPrintable(err));
    QCOMPARE(m_pg.psql(QStringLiteral("create table items(id int primary key, name text not null, price numeric(8,2)); "
                                      "insert into items select g, 'item ' || g, g * 1.5 from generate_series(1, 20) g; "
                                      "create index items_name on items(name)")).exitCode, 0);
    qputenv("QWQ_HOME", m_home.path().toUtf8());
    qputenv("QWQ_HELPER", QWQ_HELPER_PATH);
    QLocale::setDefault(QLocale(QLocale::English));
    m_store = std::make_unique<Profiles::ProfileStore>(Paths::profilesFile());
    QVERIFY(m_store->load().ok());
    m_audit = std::make_unique<AuditLog>(Paths::auditDatabase());
    QVERIFY(m_audit->open().ok());
    m_registry = std::make_unique<Workbench::ServerRegistry>(m_store.get(), &m_secrets, m_audit.get());
    m_ctx = m_registry->context(Profiles::Profile::localId());
    QVERIFY(m_ctx);
    m_ctx->connection()->connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(m_ctx->isReady(), 15000);
    m_window = new QWidget;
    m_window->resize(1280, 780);
    auto *layout = new QVBoxLayout(m_window);
    m_panel = new DatabasesPanel(m_ctx, m_window);
    layout->addWidget(m_panel);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void tst_DatabasesApp::cleanupTestCase()
{
    delete m_window;
    m_registry.reset();
    m_pg.stop();
}

void tst_DatabasesApp::savesAConnection()
{
    QCOMPARE(m_panel->connectionList()->count(), 0);
    ConnectionDialog *d = m_panel->newConnection();
    QVERIFY(d);
    d->nameField()->setText(QStringLiteral("Local PG"));
    d->hostField()->setText(QStringLiteral("127.0.0.1; rm -rf /"));
    d->portField()->setValue(m_pg.port);
    d->userField()->setText(QStringLiteral("postgres"));
    d->passwordField()->setText(QString::fromLatin1(QwqTest::DbServerFixture::kPgPassword));
    d->databaseField()->setText(QStringLiteral("qwqtest"));
    d->safeModeField()->setCurrentIndex(d->safeModeField()->findData(QStringLiteral("off")));
    d->accept();
    QVERIFY(d->isVisible()); // refused: the host is named
    QVERIFY(d->errorLabel()->isVisible());
    QVERIFY(d->errorLabel()->text().contains(QLatin1String("host")));
    QVERIFY(d->hostField()->hasFocus() || !d->isActiveWindow());
    d->hostField()->setText(QStringLiteral("127.0.0.1"));
    d->accept();
    QTRY_COMPARE(m_panel->connectionList()->count(), 1);
    m_connectionId = m_panel->store().connections(m_ctx->serverId()).first().id;
    // the password is in the keychain, in no file under QWQ_HOME
    const Result<QString> pw = QwqTest::await(m_secrets.read(ConnectionSpec::passwordKey(m_ctx->serverId(), m_connectionId)));
    QVERIFY(pw.ok());
    QCOMPARE(*pw, QString::fromLatin1(QwqTest::DbServerFixture::kPgPassword));
    QDirIterator it(m_home.path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains(QwqTest::DbServerFixture::kPgPassword), qPrintable(f.fileName()));
    }
}

QueryTab *tst_DatabasesApp::openTab()
{
    QSignalSpy opened(m_panel, &DatabasesPanel::queryTabOpened);
    m_panel->openConnection(m_connectionId);
    if (!opened.wait(20000))
        return nullptr;
    return opened.at(0).at(0).value<QueryTab *>();
}

void tst_DatabasesApp::runsAScriptAndStreams()
{
    QueryTab *tab = openTab();
    QVERIFY(tab);
    tab->editor()->setText(QStringLiteral("select count(*) from items;\n"
                                          "select g, 'row ' || g as label from generate_series(1, 5000) g;\n"));
    tab->runAll();
    QTRY_VERIFY_WITH_TIMEOUT(!tab->isBusy(), 20000);
    // two results: the count, and the series with 1000 rows so far and more on the server
    QTRY_COMPARE_WITH_TIMEOUT(tab->results()->count(), 3, 10000);
    auto *count = qobject_cast<ResultView *>(tab->results()->widget(1));
    QVERIFY(count);
    QCOMPARE(count->model()->cellText(0, 0), QStringLiteral("20"));
    ResultView *series = tab->currentResult();
    QVERIFY(series);
    QCOMPARE(series->model()->rowCount(), 1000);
    QVERIFY(series->model()->hasMore());
    QVERIFY(series->statusLabel()->text().contains(QLatin1String("more on the server")));
    // scrolling to the end asks for the next batch
    for (int i = 0; i < 6 && series->model()->hasMore(); ++i) {
        series->table()->scrollToBottom();
        QTRY_VERIFY_WITH_TIMEOUT(series->model()->rowCount() >= 1000 * (i + 2) || !series->model()->hasMore(), 10000);
    }
    QTRY_COMPARE_WITH_TIMEOUT(series->model()->rowCount(), 5000, 10000);
    QVERIFY(!series->model()->hasMore());
    QCOMPARE(series->model()->cellText(4999, 1), QStringLiteral("row 5000"));
    QVERIFY(tab->messages()->toPlainText().contains(QLatin1String("SELECT 1")));
    // an error is marked in the text and the text stays
    tab->editor()->setText(QStringLiteral("select 1;\nselect nope from items;\n"));
    tab->runAll();
    QTRY_VERIFY_WITH_TIMEOUT(!tab->isBusy(), 20000);
    QCOMPARE(tab->editor()->diagnostics().size(), 1);
    QCOMPARE(tab->editor()->diagnostics().first().line, 2);
    QCOMPARE(tab->editor()->diagnostics().first().column, 8);
    QVERIFY(tab->editor()->text().contains(QLatin1String("select nope")));
    QVERIFY(tab->messages()->toPlainText().contains(QLatin1String("nope")));
    // it went into the history
    QTRY_VERIFY(!tab->history().isEmpty());
}

void tst_DatabasesApp::schemaCompletionAndPlan()
{
    QueryTab *tab = qobject_cast<QueryTab *>(m_panel->queryTabs()->currentWidget());
    QVERIFY(tab);
    QTRY_VERIFY_WITH_TIMEOUT(tab->catalog().find(QStringLiteral("public"), QStringLiteral("items")), 20000);
    QTreeWidget *tree = tab->schemaBrowser()->tree();
    QVERIFY(!tree->findItems(QStringLiteral("items"), Qt::MatchRecursive | Qt::MatchExactly).isEmpty());
    QVERIFY(!tree->findItems(QStringLiteral("items_name"), Qt::MatchRecursive | Qt::MatchExactly).isEmpty());
    // completion after "items." offers its columns
    tab->editor()->setText(QStringLiteral("select items.pr from items"));
    tab->editor()->scintilla()->setCursorPosition(0, 15);
    tab->complete();
    QsciScintilla *sci = tab->editor()->scintilla();
    QVERIFY(sci->SendScintilla(QsciScintillaBase::SCI_AUTOCACTIVE));
    sci->SendScintilla(QsciScintillaBase::SCI_AUTOCCOMPLETE);
    QCOMPARE(tab->editor()->text(), QStringLiteral("select items.price from items"));
    // a plan
    QSignalSpy shown(tab, &QueryTab::explainShown);
    tab->editor()->setText(QStringLiteral("select * from items where name = 'item 3'"));
    tab->explainCurrent(false);
    QVERIFY(shown.wait(20000));
    ExplainView *plan = tab->lastExplain();
    QVERIFY(plan);
    QVERIFY(plan->tree()->topLevelItemCount() == 1);
    QSignalSpy asked(m_ctx, &Workbench::ServerContext::askAiRequested);
    plan->askAiButton()->click();
    QCOMPARE(asked.count(), 1);
    const QString attachment = asked.at(0).at(2).toString();
    QVERIFY(attachment.contains(QLatin1String("items")));
    QVERIFY(attachment.contains(QLatin1String("price")));
    QVERIFY(!attachment.contains(QLatin1String("item 7"))); // no row data
}

void tst_DatabasesApp::safeModeAsks()
{
    QueryTab *tab = qobject_cast<QueryTab *>(m_panel->queryTabs()->currentWidget());
    QVERIFY(tab);
    QStringList asked;
    bool answer = false;
    tab->setConfirm([&](const QString &sql, const StatementGate &gate) {
        asked << sql + (gate.warnUnbounded ? QStringLiteral(" [unbounded]") : QString());
        return answer;
    });
    // off: a bounded write runs unasked, an unbounded one is asked (and declined here)
    tab->setSafeMode(SafeMode::Off);
    tab->editor()->setText(QStringLiteral("update items set price = 1 where id = 1;\ndelete from items;\nselect 1;"));
    tab->runAll();
    QTRY_VERIFY_WITH_TIMEOUT(!tab->isBusy(), 20000);
    QCOMPARE(asked, QStringList {QStringLiteral("delete from items [unbounded]")});
    QCOMPARE(QString::fromUtf8(m_pg.psql(QStringLiteral("select count(*) from items")).out).trimmed(), QStringLiteral("20"));
    QVERIFY(tab->messages()->toPlainText().contains(QLatin1String("Not run: delete from items")));
    // confirm writes: asked even with a WHERE
    asked.clear();
    tab->setSafeMode(SafeMode::ConfirmWrites);
    tab->editor()->setText(QStringLiteral("delete from items where id = 20"));
    tab->runAll();
    QTRY_VERIFY_WITH_TIMEOUT(!tab->isBusy(), 20000);
    QCOMPARE(asked.size(), 1);
    answer = true;
    tab->runAll();
    QTRY_VERIFY_WITH_TIMEOUT(!tab->isBusy(), 20000);
    QCOMPARE(QString::fromUtf8(m_pg.psql(QStringLiteral("select count(*) from items")).out).trimmed(), QStringLiteral("19"));
    // read-only: nothing asked, the server refuses
    asked.clear();
    tab->setSafeMode(SafeMode::ReadOnly);
    tab->editor()->setText(QStringLiteral("delete from items"));
    tab->runAll();
    QTRY_VERIFY_WITH_TIMEOUT(!tab->isBusy(), 20000);
    QVERIFY(asked.isEmpty());
    QCOMPARE(QString::fromUtf8(m_pg.psql(QStringLiteral("select count(*) from items")).out).trimmed(), QStringLiteral("19"));
    QVERIFY(tab->messages()->toPlainText().contains(QLatin1String("read-only")));
}

void tst_DatabasesApp::screenshots()
{
    const QByteArray dir = qgetenv("QWQ_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set QWQ_SCREENSHOT_DIR to write screenshots");
    QDir().mkpath(QString::fromLocal8Bit(dir));
    QueryTab *tab = qobject_cast<QueryTab *>(m_panel->queryTabs()->currentWidget());
    QVERIFY(tab);
    tab->setSafeMode(SafeMode::ConfirmWrites);
    const auto shoot = [&](const QString &lang) {
        tab->editor()->setText(QStringLiteral("-- items and their prices\nselect i.id, i.name, i.price\n  from items i\n where i.price > 3\n order by i.price desc;\n"));
        tab->runAll();
        QTRY_VERIFY_WITH_TIMEOUT(!tab->isBusy(), 20000);
        QTest::qWait(300);
        QVERIFY(m_window->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/databases-%1.png").arg(lang)));
        tab->explainCurrent(false);
        QTRY_VERIFY_WITH_TIMEOUT(!tab->isBusy(), 20000);
        QTest::qWait(300);
        QVERIFY(m_window->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/databases-plan-%1.png").arg(lang)));
        ConnectionDialog *d = m_panel->newConnection();
        QTest::qWait(200);
        QVERIFY(d->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/databases-connection-%1.png").arg(lang)));
        d->reject();
    };
    shoot(QStringLiteral("en"));
    const QwqTest::Chinese chinese;
    QVERIFY(chinese.loaded());
    QTest::qWait(300);
    shoot(QStringLiteral("zh_CN"));
}

QTEST_MAIN(tst_DatabasesApp)
#include "tst_databasesapp.moc"
