// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Containers panel offscreen, on This computer (the real helper over a pipe) with the
// fixture's dockerd: listing, filters, details with masked secrets, logs, ask AI, bulk stop,
// the typed confirmation for remove, the images tab's prune preview, and screenshots.
#include "tst_containersapp.h"

#include "awaitfuture.h"
#include "chinese.h"

#include <containers/core/containerlistmodel.h>
#include <containers/core/containersservice.h>
#include <containers/core/logmodel.h>
#include <containers/ui/bulkconfirmdialog.h>
#include <containers/ui/composedeploydialog.h>
#include <containers/ui/composepage.h>
#include <containers/ui/composeversionsdialog.h>
#include <editor/ui/diffview.h>
#include <editor/ui/codeeditor.h>
#include <containers/ui/containerdetails.h>
#include <containers/ui/containerspanel.h>
#include <containers/ui/containershellwindow.h>
#include <containers/core/containerexecsession.h>
#include <terminal/core/terminalscreen.h>
#include <terminal/ui/terminalview.h>
#include <containers/ui/logpane.h>
#include <containers/ui/objectpage.h>
#include <containers/ui/selfhealpage.h>
#include <core/core/paths.h>
#include <core/core/redact.h>
#include <helper/core/helperclient.h>
#include <workbench/core/servercontext.h>
#include <workbench/core/serverregistry.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QTableView>
#include <QDialog>
#include <QLabel>
#include <QPlainTextEdit>
#include <QDir>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTableWidget>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTranslator>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qwq;
using QwqTest::await;
using namespace Qwq::Containers;

namespace {
QString mask()
{
    return QString::fromUtf16(Redact::kMask);
}

bool treeContains(const QAbstractItemModel *m, const QModelIndex &parent, const QString &text)
{
    for (int r = 0; r < m->rowCount(parent); ++r) {
        for (int c = 0; c < m->columnCount(parent); ++c) {
            if (m->index(r, c, parent).data().toString().contains(text))
                return true;
        }
        if (treeContains(m, m->index(r, 0, parent), text))
            return true;
    }
    return false;
}

BulkConfirmDialog *waitForDialog()
{
    BulkConfirmDialog *found = nullptr;
    (void)QTest::qWaitFor([&] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *d = qobject_cast<BulkConfirmDialog *>(w); d && d->isVisible())
                found = d;
        }
        return found != nullptr;
    }, 5000);
    return found;
}
} // namespace

void tst_ContainersPanel::initTestCase()
{
    if (m_docker->socket().isEmpty())
        QSKIP("no dockerd here (needs root, docker.io and busybox-static)");
    QVERIFY(m_home.isValid());
    qputenv("QWQ_HOME", m_home.path().toUtf8());
    qputenv("QWQ_HELPER", QWQ_HELPER_PATH);
    // Compose projects qwq deploys go under the test's home, not /var/lib/qwq.
    qputenv("QWQ_DATA_DIR", m_home.filePath(QStringLiteral("data")).toUtf8());
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");   // no keychain: fails at once instead of stalling
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

    m_docker->docker({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("qwq-app-net")});
    m_docker->run(QStringLiteral("app-web"),
                  QStringLiteral("echo hello from web; echo 'connecting with password=hunter2'; "
                                 "echo web warning >&2; sleep 1000"),
                  {QStringLiteral("-e"), QStringLiteral("DB_PASSWORD=hunter2"), QStringLiteral("-e"),
                   QStringLiteral("TZ=UTC"), QStringLiteral("--network"), QStringLiteral("qwq-app-net"),
                   QStringLiteral("-p"), QStringLiteral("127.0.0.1:18090:80"),
                   QStringLiteral("--label"), QStringLiteral("com.docker.compose.project=shop"),
                   QStringLiteral("--label"), QStringLiteral("com.docker.compose.service=web")});
    m_docker->run(QStringLiteral("app-worker"), QStringLiteral("sleep 1000"));
    m_docker->run(QStringLiteral("app-cron"), QStringLiteral("sleep 1000"));
    m_docker->docker({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("app-old"), m_docker->image(),
                      QStringLiteral("true")});

    m_window = new QWidget;
    m_window->resize(1200, 800);
    auto *layout = new QVBoxLayout(m_window);
    m_panel = new ContainersPanel(m_ctx, m_window);
    layout->addWidget(m_panel);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void tst_ContainersPanel::cleanupTestCase()
{
    delete m_window;
    m_registry.reset();
}

QString tst_ContainersPanel::idOf(const QString &name) const
{
    for (int r = 0; r < m_panel->model()->rowCount(); ++r) {
        if (m_panel->model()->containerAt(r).name == name)
            return m_panel->model()->containerAt(r).id;
    }
    return {};
}

void tst_ContainersPanel::listsTheFixtureContainers()
{
    QTRY_VERIFY_WITH_TIMEOUT(!idOf(QStringLiteral("app-web")).isEmpty(), 15000);
    QVERIFY(!idOf(QStringLiteral("app-old")).isEmpty());
    const ContainerListModel *m = m_panel->model();
    const int row = m->rowOf(idOf(QStringLiteral("app-web")));
    QCOMPARE(m->index(row, ContainerListModel::StateColumn).data().toString(), QStringLiteral("Running"));
    QCOMPARE(m->index(row, ContainerListModel::ImageColumn).data().toString(), m_docker->image());
    QCOMPARE(m->index(row, ContainerListModel::PortsColumn).data().toString(), QStringLiteral("127.0.0.1:18090→80/tcp"));
    // Live CPU and memory for running containers on screen, from stats streams.
    QTRY_VERIFY_WITH_TIMEOUT(!m->index(row, ContainerListModel::MemoryColumn).data().toString().isEmpty(), 15000);
    const int old = m->rowOf(idOf(QStringLiteral("app-old")));
    QCOMPARE(m->index(old, ContainerListModel::StateColumn).data().toString(), QStringLiteral("Created"));
    QVERIFY(m->index(old, ContainerListModel::MemoryColumn).data().toString().isEmpty());
    QVERIFY(m_panel->statsWatcher()->watched().contains(idOf(QStringLiteral("app-web"))));
    QVERIFY(!m_panel->statsWatcher()->watched().contains(idOf(QStringLiteral("app-old"))));

    // A refresh keeps the rows (no reset) and the selection.
    QVERIFY(m_panel->selectContainer(idOf(QStringLiteral("app-worker"))));
    QSignalSpy resets(m, &QAbstractItemModel::modelReset);
    const int before = m_panel->refreshCount();
    m_panel->refresh();
    QTRY_VERIFY(m_panel->refreshCount() > before);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(m_panel->selectedIds(), QStringList{idOf(QStringLiteral("app-worker"))});
}

void tst_ContainersPanel::filterAndStateFilter()
{
    QTest::keyClicks(m_panel->filterField(), QStringLiteral("shop"));
    QCOMPARE(m_panel->filterModel()->rowCount(), 1);
    QCOMPARE(m_panel->filterModel()->index(0, 0).data().toString(), QStringLiteral("app-web"));
    m_panel->filterField()->clear();
    m_panel->stateBox()->setCurrentIndex(int(ContainerFilterModel::StateFilter::Stopped));
    QStringList names;
    for (int r = 0; r < m_panel->filterModel()->rowCount(); ++r)
        names << m_panel->filterModel()->index(r, 0).data().toString();
    QVERIFY(names.contains(QStringLiteral("app-old")));
    QVERIFY(!names.contains(QStringLiteral("app-web")));
    m_panel->stateBox()->setCurrentIndex(0);
    QVERIFY(m_panel->filterModel()->rowCount() >= 4);
}

void tst_ContainersPanel::detailsMaskEnvSecretsAndShowLogs()
{
    QVERIFY(m_panel->selectContainer(idOf(QStringLiteral("app-web"))));
    ContainerDetails *d = m_panel->details();
    QCOMPARE(d->containerId(), idOf(QStringLiteral("app-web")));
    QTRY_VERIFY_WITH_TIMEOUT(d->inspectLoaded(), 10000);
    QTableWidget *env = d->envTable();
    bool sawPassword = false, sawTz = false;
    for (int r = 0; r < env->rowCount(); ++r) {
        const QString key = env->item(r, 0)->text();
        const QString value = env->item(r, 1)->text();
        QVERIFY2(!value.contains(QLatin1String("hunter2")), qPrintable(key));
        if (key == QLatin1String("DB_PASSWORD")) {
            sawPassword = true;
            QCOMPARE(value, mask());
        }
        if (key == QLatin1String("TZ")) {
            sawTz = true;
            QCOMPARE(value, QStringLiteral("UTC"));
        }
    }
    QVERIFY(sawPassword && sawTz);
    QVERIFY(!treeContains(d->inspectTree()->model(), {}, QStringLiteral("hunter2")));
    QVERIFY(treeContains(d->inspectTree()->model(), {}, QStringLiteral("TZ=UTC")));
    // Logs follow, both streams.
    QTRY_VERIFY_WITH_TIMEOUT(d->logModel()->rowCount() >= 3, 10000);
    const LogModel *logs = d->logModel();
    QStringList lines;
    for (int r = 0; r < logs->rowCount(); ++r)
        lines << logs->lineAt(r);
    QVERIFY(lines.contains(QStringLiteral("hello from web")));
    const int warn = int(lines.indexOf(QStringLiteral("web warning")));
    QVERIFY(warn >= 0);
    QVERIFY(logs->isStderrAt(warn));
    // Search selects the line and stops following.
    d->logPane()->searchField()->setText(QStringLiteral("hello"));
    QVERIFY(d->logPane()->findNext());
    QCOMPARE(d->logPane()->view()->currentIndex().data().toString(), QStringLiteral("hello from web"));
    QVERIFY(!d->logPane()->followBox()->isChecked());
    d->logPane()->followBox()->setChecked(true);
    // Download writes what is held.
    const QString path = m_home.filePath(QStringLiteral("web.log"));
    QVERIFY(d->logPane()->saveTo(path));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().contains("hello from web\n"));
    // Stats chart gets samples while it runs.
    QTRY_VERIFY_WITH_TIMEOUT(d->statsSamples() >= 1, 10000);
}

void tst_ContainersPanel::askAiGetsRedactedLogsAndInspect()
{
    QVERIFY(m_panel->selectContainer(idOf(QStringLiteral("app-web"))));
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->details()->inspectLoaded() && m_panel->details()->logModel()->rowCount() >= 3, 10000);
    QSignalSpy asked(m_ctx, &Workbench::ServerContext::askAiRequested);
    QVERIFY(m_panel->askAiAbout(idOf(QStringLiteral("app-web"))));
    QCOMPARE(asked.size(), 1);
    const QString question = asked.at(0).at(0).toString();
    const QString title = asked.at(0).at(1).toString();
    const QString attachment = asked.at(0).at(2).toString();
    QVERIFY(question.contains(QLatin1String("app-web")));
    QVERIFY(title.contains(QLatin1String("app-web")));
    QVERIFY(attachment.contains(QLatin1String("hello from web")));
    QVERIFY(attachment.contains(QLatin1String("stderr: web warning")));
    QVERIFY(attachment.contains(QLatin1String("DB_PASSWORD")));
    QVERIFY2(!attachment.contains(QLatin1String("hunter2")), qPrintable(attachment));
    QVERIFY(!m_panel->askAiAbout(QStringLiteral("nope")));
}

void tst_ContainersPanel::openShellRunsInTheContainer()
{
    QTRY_VERIFY_WITH_TIMEOUT(!idOf(QStringLiteral("app-worker")).isEmpty(), 15000);
    const QString worker = idOf(QStringLiteral("app-worker"));
    QVERIFY(m_panel->selectContainer(worker));
    QPushButton *shell = m_panel->details()->shellButton();
    QTRY_VERIFY_WITH_TIMEOUT(shell->isVisibleTo(m_panel) && shell->isEnabled(), 10000);
    QPointer<ContainerShellWindow> window = m_panel->openShell(worker);
    QVERIFY(window);
    QVERIFY(window->windowTitle().contains(QLatin1String("app-worker")));
    Terminal::TerminalView *view = window->view();
    QVERIFY(window->session());
    QTRY_VERIFY_WITH_TIMEOUT(window->session()->requestId() > 0, 5000);
    const auto shown = [view] {
        QString t;
        for (int i = 0; i < view->screen()->totalLines(); ++i)
            t += view->screen()->lineText(i) + QLatin1Char('\n');
        return t;
    };
    // Type once the prompt is there (ash asks the terminal for the cursor first; the view answers).
    QTRY_VERIFY2_WITH_TIMEOUT(shown().contains(QLatin1String("~ #")), qPrintable(shown()), 15000);
    QTest::keyClicks(view, QStringLiteral("echo in-$HOSTNAME-$((2+3))"));
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_VERIFY2_WITH_TIMEOUT(shown().contains(QRegularExpression(QStringLiteral("^in-[0-9a-f]+-5$"),
                                                                  QRegularExpression::MultilineOption)),
                              qPrintable(shown()), 15000);
    QTest::keyClicks(view, QStringLiteral("exit"));
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!window->session() || !window->session()->isRunning(), 10000);
    window->close();
    QTRY_VERIFY(window.isNull());
    // Not running: no shell.
    QVERIFY(!m_panel->openShell(QStringLiteral("nope")));
}

void tst_ContainersPanel::bulkStop()
{
    const QString worker = idOf(QStringLiteral("app-worker"));
    const QString cron = idOf(QStringLiteral("app-cron"));
    QVERIFY(m_panel->selectContainer(worker));
    const QModelIndex cronIdx = m_panel->filterModel()->mapFromSource(
        m_panel->model()->index(m_panel->model()->rowOf(cron), 0));
    m_panel->table()->selectionModel()->select(cronIdx, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(m_panel->selectedIds().size(), 2);
    auto *stop = m_panel->findChild<QPushButton *>(QStringLiteral("stopContainers"));
    QVERIFY(stop->isEnabled());
    QTest::mouseClick(stop, Qt::LeftButton);
    // Normal profile: stop is not asked about, so no dialog; both stop.
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->model()->container(worker)->state == QLatin1String("exited")
                                 && m_panel->model()->container(cron)->state == QLatin1String("exited"),
                             30000);
}

void tst_ContainersPanel::removeNeedsTypedConfirmation()
{
    const QString old = idOf(QStringLiteral("app-old"));
    QVERIFY(m_panel->selectContainer(old));
    auto *remove = m_panel->findChild<QPushButton *>(QStringLiteral("removeContainers"));
    QVERIFY(remove->isEnabled());

    // Cancelled: nothing is sent, the container stays.
    QTest::mouseClick(remove, Qt::LeftButton);
    BulkConfirmDialog *dialog = waitForDialog();
    QVERIFY(dialog);
    QVERIFY(!dialog->approveButton()->isEnabled());
    QVERIFY(dialog->findChild<QPlainTextEdit *>(QStringLiteral("bulkCalls"))->toPlainText().contains(old));
    dialog->reject();
    QTest::qWait(300);
    m_panel->refresh();
    QTest::qWait(500);
    QVERIFY(m_panel->model()->container(old));

    // Typed: the server's name for This computer is "localhost".
    QTest::mouseClick(remove, Qt::LeftButton);
    dialog = waitForDialog();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->typedField(), QStringLiteral("localhos"));
    QVERIFY(!dialog->approveButton()->isEnabled());
    QTest::keyClicks(dialog->typedField(), QStringLiteral("t"));
    QVERIFY(dialog->approveButton()->isEnabled());
    QTest::mouseClick(dialog->approveButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_panel->model()->container(old), 15000);
    QCOMPARE(m_docker->docker({QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--filter"),
                               QStringLiteral("name=^app-old$")}),
             QByteArray());

    // A running container without force: Docker refuses, the bar says so, it stays.
    const QString web = idOf(QStringLiteral("app-web"));
    m_panel->runAction(QStringLiteral("remove"), {web});
    dialog = waitForDialog();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->typedField(), QStringLiteral("localhost"));
    QTest::mouseClick(dialog->approveButton(), Qt::LeftButton);
    QTest::qWait(1500);
    QVERIFY(m_panel->model()->container(web));
}

void tst_ContainersPanel::imagesTabAndPruneDryRun()
{
    // An image no container uses: a commit of a stopped container.
    QCOMPARE(m_docker->docker({QStringLiteral("commit"), QStringLiteral("app-cron"), QStringLiteral("qwq-test/commit:1")})
                 .startsWith("sha256:"), true);
    m_panel->tabs()->setCurrentWidget(m_panel->imagesPage());
    ObjectPage *images = m_panel->imagesPage();
    QTRY_VERIFY_WITH_TIMEOUT(images->model()->rowOf(QStringLiteral("qwq-test/commit:1")) >= 0, 10000);
    QVERIFY(images->model()->rowOf(m_docker->image()) >= 0);
    // The dry run comes first and shows what would go and the space; it removes nothing.
    images->prunePreview(true);
    QDialog *preview = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((preview = images->findChild<QDialog *>(QStringLiteral("prunePreview"))) != nullptr, 10000);
    auto *summary = preview->findChild<QLabel *>(QStringLiteral("pruneSummary"));
    QVERIFY2(summary->text().contains(QLatin1String("freeing")), qPrintable(summary->text()));
    QVERIFY(preview->findChild<QPlainTextEdit *>()->toPlainText().contains(QLatin1String("qwq-test/commit:1")));
    QVERIFY(!preview->findChild<QPlainTextEdit *>()->toPlainText().contains(m_docker->image()));
    preview->reject();
    images->refresh();
    QTest::qWait(500);
    QVERIFY(images->model()->rowOf(QStringLiteral("qwq-test/commit:1")) >= 0);
    m_panel->tabs()->setCurrentIndex(0);
}

void tst_ContainersPanel::composeTreeAdoptsAndDeployChecksFirst()
{
    ComposePage *compose = m_panel->composePage();
    m_panel->tabs()->setCurrentWidget(compose);
    // app-web carries compose labels (project "shop"): adopted from them, though started by hand.
    QTRY_VERIFY_WITH_TIMEOUT(compose->projectNames().contains(QStringLiteral("shop")), 20000);

    auto *dialog = qobject_cast<ComposeDeployDialog *>(compose->openDeploy(false));
    QVERIFY(dialog);
    dialog->projectField()->setText(QStringLiteral("qwqapp"));
    // Bad YAML: marked at its line, nothing deployable.
    dialog->editor()->setText(QStringLiteral("services:\n  web:\n    image: [\n"));
    dialog->check();
    QTRY_VERIFY2_WITH_TIMEOUT(dialog->statusText().contains(QLatin1String("line")), qPrintable(dialog->statusText()), 20000);
    QVERIFY(!dialog->checkedOk());
    QVERIFY(!dialog->deployButton()->isEnabled());
    // Privileged: a high finding; deploy needs the box ticked.
    const QString image = m_docker->image();
    dialog->editor()->setText(QStringLiteral("services:\n  web:\n    image: %1\n    command: [\"sleep\", \"1000\"]\n"
                                             "    init: true\n    privileged: true\n").arg(image));
    dialog->check();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->checkedOk(), 30000);
    QVERIFY(dialog->findings()->topLevelItemCount() >= 1);
    QVERIFY(!dialog->editor()->diagnosticMessageAt(6).isEmpty());
    QVERIFY(!dialog->deployButton()->isEnabled());
    QVERIFY(dialog->acceptRisksBox()->isVisibleTo(dialog));
    // Without it: fine to deploy once checked; editing again needs a new check.
    dialog->editor()->setText(QStringLiteral("services:\n  web:\n    image: %1\n    command: [\"sleep\", \"1000\"]\n"
                                             "    init: true\n").arg(image));
    QVERIFY(!dialog->deployButton()->isEnabled());
    dialog->check();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->checkedOk(), 30000);
    QVERIFY(dialog->deployButton()->isEnabled());
    QSignalSpy deployed(dialog, &ComposeDeployDialog::deployed);
    dialog->deploy();
    QTRY_VERIFY_WITH_TIMEOUT(!deployed.isEmpty() || dialog->statusText().contains(QLatin1String("failed"), Qt::CaseInsensitive),
                             120000);
    QVERIFY2(!deployed.isEmpty(), qPrintable(dialog->statusText()));
    dialog->close();
    QTRY_VERIFY_WITH_TIMEOUT(compose->projectNames().contains(QStringLiteral("qwqapp")), 20000);
    QVERIFY(compose->selectProject(QStringLiteral("qwqapp")));
    m_panel->tabs()->setCurrentIndex(0);
}

void tst_ContainersPanel::composeVersionsDiffAndRollBack()
{
    // A second version of the project deployed above, then back to the first from the dialog.
    const QString image = m_docker->image();
    const QString v2 = QStringLiteral("services:\n  web:\n    image: %1\n    command: [\"sleep\", \"2000\"]\n"
                                      "    init: true\n").arg(image);
    auto deployed = await(m_panel->service()->composeDeploy(QStringLiteral("qwqapp"), v2, false, {},
                                                            Helper::CallOptions{true, false}), 120000);
    QVERIFY2(deployed.ok(), qPrintable(deployed.ok() ? QString() : deployed.error().toString()));
    QCOMPARE(deployed->toObject().value(QLatin1String("version")).toInt(), 2);

    ComposePage *compose = m_panel->composePage();
    m_panel->tabs()->setCurrentWidget(compose);
    compose->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(compose->selectProject(QStringLiteral("qwqapp")), 20000);
    auto *dialog = qobject_cast<ComposeVersionsDialog *>(compose->openVersions());
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->loads() == 1, 20000);
    QCOMPARE(dialog->versionList()->topLevelItemCount(), 2);
    QVERIFY(dialog->versionList()->topLevelItem(0)->text(0).contains(QLatin1String("running")));
    QVERIFY(dialog->selectVersion(1));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->diffsShown() == 1, 20000);
    QVERIFY(dialog->diffView()->oldText().contains(QLatin1String("2000")));
    QVERIFY(dialog->diffView()->newText().contains(QLatin1String("1000")));
    QVERIFY(dialog->rollbackButton()->isEnabled());
    QSignalSpy rolled(dialog, &ComposeVersionsDialog::rolledBack);
    dialog->rollBack();
    QTRY_VERIFY2_WITH_TIMEOUT(!rolled.isEmpty(), qPrintable(dialog->statusText()), 120000);
    QCOMPARE(rolled.first().at(1).toInt(), 3);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->loads() == 2, 20000);
    QCOMPARE(dialog->versionList()->topLevelItemCount(), 3);
    const auto files = await(m_panel->service()->composeFiles(QStringLiteral("qwqapp")));
    QVERIFY(files.ok());
    QVERIFY(files->value(QLatin1String("files")).toArray().first().toObject()
                .value(QLatin1String("content")).toString().contains(QLatin1String("1000")));
    dialog->close();
    m_panel->tabs()->setCurrentIndex(0);
}

void tst_ContainersPanel::selfHealInstallsAndShowsIncidents()
{
    // The watcher for the project deployed above: installed as a cron entry (root's crontab is
    // put back afterwards), a killed container restarted by one run, the incident shown with
    // its log lines.
    const QString crontab = QStandardPaths::findExecutable(QStringLiteral("crontab"));
    if (crontab.isEmpty())
        QSKIP("no crontab here (install cron)");
    const auto crontabRun = [&crontab](const QStringList &args, const QByteArray &input = {}) {
        QProcess p;
        p.start(crontab, args);
        if (!input.isNull()) {
            p.write(input);
            p.closeWriteChannel();
        }
        p.waitForFinished(10000);
        return std::make_pair(p.exitCode(), p.readAllStandardOutput());
    };
    const auto [hadCode, original] = crontabRun({QStringLiteral("-l")});
    auto restore = qScopeGuard([&] {
        if (hadCode == 0)
            crontabRun({QStringLiteral("-")}, original);
        else
            crontabRun({QStringLiteral("-r")});
    });

    SelfHealPage *page = m_panel->selfHealPage();
    const int before = page->refreshCount();
    m_panel->tabs()->setCurrentWidget(page);
    QTRY_VERIFY_WITH_TIMEOUT(page->refreshCount() > before, 20000);
    QVERIFY2(!page->isInstalled(), qPrintable(page->statusLabel()->text()));
    QVERIFY(page->statusLabel()->text().contains(QLatin1String("not installed")));
    // Nothing ticked: refused, naming what is missing.
    page->setChosenProjects({});
    QSignalSpy errors(page, &SelfHealPage::errorOccurred);
    page->install();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().at(0).value<Error>().field, QStringLiteral("projects"));

    page->setChosenProjects({QStringLiteral("qwqapp")});
    QCOMPARE(page->chosenProjects(), QStringList{QStringLiteral("qwqapp")});
    int n = page->refreshCount();
    page->install();
    QTRY_VERIFY_WITH_TIMEOUT(page->refreshCount() > n, 30000);
    QVERIFY2(page->isInstalled(), qPrintable(page->statusLabel()->text()));
    QVERIFY(page->statusLabel()->text().contains(QLatin1String("qwqapp")));
    QVERIFY(crontabRun({QStringLiteral("-l")}).second.contains("# qwq-selfheal"));

    // Kill the project's container, run the watcher once as cron would.
    const QString id = QString::fromUtf8(m_docker->docker({QStringLiteral("ps"), QStringLiteral("-q"),
                                                           QStringLiteral("--filter"),
                                                           QStringLiteral("label=com.docker.compose.project=qwqapp")}))
                           .trimmed();
    QVERIFY2(!id.isEmpty() && !id.contains(QLatin1Char('\n')), qPrintable(id));
    m_docker->docker({QStringLiteral("kill"), id});
    const QString config = m_home.filePath(QStringLiteral("data")) + QStringLiteral("/selfheal/config.json");
    QVERIFY2(QFile::exists(config), qPrintable(config));
    QProcess run;
    run.start(QStringLiteral(QWQ_HELPER_PATH), {QStringLiteral("selfheal-run"), QStringLiteral("--config"), config});
    QVERIFY(run.waitForFinished(60000));
    QCOMPARE(run.exitCode(), 0);

    n = page->refreshCount();
    page->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(page->refreshCount() > n, 20000);
    QTableWidget *table = page->incidentsTable();
    QVERIFY(table->rowCount() >= 1);
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("qwqapp"));
    QVERIFY2(table->item(0, 4)->text().contains(QLatin1String("137")), qPrintable(table->item(0, 4)->text()));
    QCOMPARE(table->item(0, 5)->text(), QStringLiteral("Restarted"));
    QVERIFY(page->statusLabel()->text().contains(QLatin1String("1 restarted")));
    table->selectRow(0);
    QVERIFY(!page->incidentLogs()->toPlainText().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_docker->docker({QStringLiteral("inspect"), QStringLiteral("-f"),
                                               QStringLiteral("{{.State.Running}}"), id}).trimmed() == "true",
                             10000);

    n = page->refreshCount();
    page->uninstall();
    QTRY_VERIFY_WITH_TIMEOUT(page->refreshCount() > n, 30000);
    QVERIFY(!page->isInstalled());
    QVERIFY(!crontabRun({QStringLiteral("-l")}).second.contains("# qwq-selfheal"));
    QVERIFY(page->incidentsTable()->rowCount() >= 1);   // incidents are kept
    m_panel->tabs()->setCurrentIndex(0);
}

void tst_ContainersPanel::screenshots()
{
    const QByteArray dir = qgetenv("QWQ_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set QWQ_SCREENSHOT_DIR to write screenshots");
    QDir().mkpath(QString::fromLocal8Bit(dir));
    QVERIFY(m_panel->selectContainer(idOf(QStringLiteral("app-web"))));
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->details()->logModel()->rowCount() >= 3, 10000);
    QTest::qWait(2500);   // a few stats samples
    const auto shoot = [&](const QString &name) {
        QApplication::processEvents();
        QVERIFY(m_window->grab().save(QString::fromLocal8Bit(dir) + QLatin1Char('/') + name));
    };
    shoot(QStringLiteral("containers-en.png"));
    m_panel->details()->tabs()->setCurrentIndex(3);
    shoot(QStringLiteral("containers-env-en.png"));
    m_panel->details()->tabs()->setCurrentIndex(1);
    shoot(QStringLiteral("containers-stats-en.png"));
    m_panel->tabs()->setCurrentWidget(m_panel->imagesPage());
    QTest::qWait(500);
    shoot(QStringLiteral("containers-images-en.png"));
    m_panel->tabs()->setCurrentWidget(m_panel->composePage());
    m_panel->composePage()->refresh();
    QTest::qWait(1500);
    shoot(QStringLiteral("containers-compose-en.png"));
    m_panel->tabs()->setCurrentWidget(m_panel->selfHealPage());
    QTest::qWait(1500);
    shoot(QStringLiteral("containers-selfheal-en.png"));
    auto *dialog = qobject_cast<ComposeDeployDialog *>(m_panel->composePage()->openDeploy(false));
    QVERIFY(dialog);
    dialog->projectField()->setText(QStringLiteral("shot"));
    dialog->editor()->setText(QStringLiteral("services:\n  web:\n    image: %1\n    privileged: true\n"
                                             "    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n"
                                             "    ports:\n      - \"8080:80\"\n").arg(m_docker->image()));
    dialog->check();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->checkedOk(), 30000);
    QApplication::processEvents();
    QVERIFY(dialog->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/compose-deploy-en.png")));
    dialog->close();
    m_panel->tabs()->setCurrentIndex(0);
    m_panel->details()->tabs()->setCurrentIndex(0);

    const QwqTest::Chinese chinese;
    QVERIFY(chinese.loaded());
    QTest::qWait(300);
    shoot(QStringLiteral("containers-zh_CN.png"));
}
