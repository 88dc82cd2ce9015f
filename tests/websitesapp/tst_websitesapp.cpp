// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Websites panel offscreen on This computer (the real qwq-helper over a pipe) against a
// real nginx on 127.0.0.1 (tests/fixtures/nginx.sh) and two tiny HTTP backends: the list with
// the fixture's hand-written site, the site form (bad input named and focused, nothing
// written; preview with nginx -t; create; edit), form and raw editor kept consistent, nginx's
// refusal marked on its line with the files untouched, a file changed meanwhile never
// overwritten, the directive form of a hand-written site, versions and roll back, disable,
// enable, delete with a typed confirmation, logs, ask AI, and screenshots in both languages.
#include "backendserver.h"

#include <awaitfuture.h>
#include <chinese.h>
#include <core/core/auditlog.h>
#include <core/core/paths.h>
#include <editor/ui/codeeditor.h>
#include <helper/core/helperclient.h>
#include <helper/core/serverconnection.h>
#include <profiles/core/profilestore.h>
#include <profiles/core/secretstore.h>
#include <websites/core/sitelistmodel.h>
#include <websites/core/websitesservice.h>
#include <websites/ui/certdialogs.h>
#include <websites/ui/certificatespage.h>
#include <websites/ui/directivedialog.h>
#include <websites/ui/rawconfigdialog.h>
#include <websites/ui/siteformdialog.h>
#include <websites/ui/siteformtables.h>
#include <websites/ui/sitelogview.h>
#include <websites/ui/siteversionsdialog.h>
#include <websites/ui/websitespanel.h>
#include <workbench/core/servercontext.h>
#include <workbench/core/serverregistry.h>
#include <workbench/ui/confirmcalldialog.h>
#include <workbench/ui/messagebar.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <memory>
#include <unistd.h>

using namespace Qwq;
using namespace Qwq::Websites;

class tst_WebsitesApp : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void listsTheHandWrittenSite();
    void formRefusesBadInputNamingTheField();
    void createProxySiteThroughTheForm();
    void formAndRawEditorStayConsistent();
    void rawEditorMarksNginxRefusalAndKeepsFiles();
    void rawEditorNeverOverwritesAChangeMadeMeanwhile();
    void handWrittenSiteEditedInPlace();
    void versionsDiffAndRollBack();
    void disableEnableAndDeleteTyped();
    void logsOfASite();
    void askAiGetsMaskedConfigAndErrors();
    void certificatesRequestImportAndRenewal();
    void brokenConfigurationIsRepairedFromThePanel();
    void tsigSecretRememberedInTheKeychain();
    void screenshots();

private:
    QString path(const QString &rel) const { return m_dir.path() + rel; }
    QString get(const QString &host);
    bool waitFor(const QString &host, const QString &expected);
    QByteArray read(const QString &file) const;
    template<typename D>
    D *nextDialog(const std::function<void()> &open);
    bool selectName(const QString &name);
    SiteFormDialog *fillNewProxySite(const QString &domain, quint16 backendPort);

    QTemporaryDir m_dir;
    QTemporaryDir m_home;
    bool m_started = false;
    bool m_pebble = false;
    QString m_directory;
    QString m_resolver;
    int m_port = 0;
    std::unique_ptr<BackendServer> m_backendA;
    std::unique_ptr<BackendServer> m_backendB;
    std::unique_ptr<Profiles::ProfileStore> m_store;
    Profiles::SecretStore m_secrets;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<Workbench::ServerRegistry> m_registry;
    Workbench::ServerContext *m_ctx = nullptr;
    QWidget *m_window = nullptr;
    WebsitesPanel *m_panel = nullptr;
};

QString tst_WebsitesApp::get(const QString &host)
{
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), quint16(m_port));
    if (!s.waitForConnected(3000))
        return {};
    s.write("GET / HTTP/1.0\r\nHost: " + host.toUtf8() + "\r\n\r\n");
    QByteArray all;
    while (s.waitForReadyRead(3000))
        all += s.readAll();
    all += s.readAll();
    const int split = all.indexOf("\r\n\r\n");
    const QByteArray code = all.left(all.indexOf("\r\n")).split(' ').value(1);
    return QString::fromUtf8(code + " " + (split < 0 ? QByteArray() : all.mid(split + 4).trimmed()));
}

bool tst_WebsitesApp::waitFor(const QString &host, const QString &expected)
{
    for (int i = 0; i < 50; ++i) {   // the master reloads asynchronously after SIGHUP
        if (get(host) == expected)
            return true;
        QTest::qWait(100);
    }
    qWarning() << "got" << get(host) << "expected" << expected;
    return false;
}

QByteArray tst_WebsitesApp::read(const QString &file) const
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

template<typename D>
D *tst_WebsitesApp::nextDialog(const std::function<void()> &open)
{
    QPointer<D> found;
    const auto c = connect(m_panel, &WebsitesPanel::dialogOpened, this, [&found](QDialog *d) {
        if (auto *x = qobject_cast<D *>(d))
            found = x;
    });
    open();
    for (int i = 0; i < 200 && !found; ++i)
        QTest::qWait(50);
    disconnect(c);
    return found.data();
}

bool tst_WebsitesApp::selectName(const QString &name)
{
    for (const SiteEntry &s : m_panel->model()->sites()) {
        if (s.names.contains(name))
            return m_panel->selectSite(s.id);
    }
    return false;
}

void tst_WebsitesApp::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("needs root (nginx fixture)");
    QVERIFY(m_dir.isValid() && m_home.isValid());
    QProcess fixture;
    fixture.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    fixture.start(QStringLiteral("bash"), {QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/nginx.sh"), QStringLiteral("start"),
                                           m_dir.path()});
    QVERIFY(fixture.waitForFinished(30000));
    if (fixture.exitCode() == 77)
        QSKIP("nginx is not installed");
    QCOMPARE(fixture.exitCode(), 0);
    m_started = true;
    QString conf;
    for (const QByteArray &line : read(path(QStringLiteral("/env"))).split('\n')) {
        const QByteArray value = line.mid(line.indexOf('=') + 1);
        if (line.startsWith("CONF="))
            conf = QString::fromUtf8(value);
        else if (line.startsWith("PORT="))
            m_port = value.toInt();
    }
    QVERIFY(m_port > 0);
    m_backendA = std::make_unique<BackendServer>("backend-a");
    m_backendB = std::make_unique<BackendServer>("backend-b");
    QVERIFY(m_backendA->startAndWait() > 0 && m_backendB->startAndWait() > 0);
    QDir().mkpath(path(QStringLiteral("/www/hand2")));
    QFile index(path(QStringLiteral("/www/hand2/index.html")));
    QVERIFY(index.open(QIODevice::WriteOnly));
    index.write("hand2-ok\n");
    index.close();
    index.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
    QFile::setPermissions(path(QStringLiteral("/www/hand2")), QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                                  | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                                                  | QFileDevice::ExeOther);

    // Pebble (the ACME test CA) validates HTTP-01 on the test nginx's port; optional.
    {
        QProcess pebble;
        pebble.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HTTP_PORT"), QString::number(m_port));
        pebble.setProcessEnvironment(env);
        pebble.start(QStringLiteral("bash"), {QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/pebble.sh"), QStringLiteral("start"),
                                              path(QStringLiteral("/pebble"))});
        QVERIFY(pebble.waitForFinished(60000));
        if (pebble.exitCode() == 0) {
            m_pebble = true;
            for (const QByteArray &line : read(path(QStringLiteral("/pebble/env"))).split('\n')) {
                const QString value = QString::fromUtf8(line.mid(line.indexOf('=') + 1));
                if (line.startsWith("DIRECTORY="))
                    m_directory = value;
                else if (line.startsWith("DNS_SERVER="))
                    m_resolver = value;
                else if (line.startsWith("CA_FILE="))
                    qputenv("QWQ_ACME_CA_FILE", value.toUtf8());   // trust: the helper's environment only
            }
        } else {
            QCOMPARE(pebble.exitCode(), 77);   // pebble not installed: the certificate test skips
        }
    }
    qputenv("QWQ_CERT_DIR", path(QStringLiteral("/www/certs")).toUtf8());
    qputenv("QWQ_ACME_CHALLENGE_DIR", path(QStringLiteral("/www/acme-challenge")).toUtf8());

    // The helper inherits these: its data, the allowed roots and the nginx it manages.
    qputenv("QWQ_HOME", m_home.path().toUtf8());
    qputenv("QWQ_HELPER", QWQ_HELPER_PATH);
    qputenv("QWQ_DATA_DIR", path(QStringLiteral("/qwq-data")).toUtf8());
    qputenv("QWQ_WEBSITES_ROOTS", path(QStringLiteral("/www")).toUtf8());
    qputenv("QWQ_NGINX_CONF", conf.toUtf8());
    QLocale::setDefault(QLocale(QLocale::English));
    m_store = std::make_unique<Profiles::ProfileStore>(Paths::profilesFile());
    QVERIFY(m_store->load().ok());
    m_audit = std::make_unique<AuditLog>(Paths::auditDatabase());
    QVERIFY(m_audit->open().ok());
    m_registry = std::make_unique<Workbench::ServerRegistry>(m_store.get(), &m_secrets, m_audit.get());
    m_ctx = m_registry->context(Profiles::Profile::localId());
    QVERIFY(m_ctx);
    m_window = new QWidget;
    m_window->resize(1200, 760);
    // As the main window does: a change that needs a confirmation asks with the literal call.
    m_ctx->connection()->setConfirmHandler([this](const Helper::CallPreview &preview) {
        return Workbench::ConfirmCallDialog::ask(preview, m_ctx->serverName(), m_window);
    });
    m_ctx->connection()->connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(m_ctx->isReady(), 15000);
    auto *layout = new QVBoxLayout(m_window);
    m_panel = new WebsitesPanel(m_ctx, m_window);
    layout->addWidget(m_panel);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->refreshCount() > 0 && m_panel->model()->rowCount() > 0, 15000);
}

void tst_WebsitesApp::cleanupTestCase()
{
    delete m_window;
    m_registry.reset();
    if (m_pebble)
        QProcess::execute(QStringLiteral("bash"), {QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/pebble.sh"),
                                                   QStringLiteral("stop"), path(QStringLiteral("/pebble"))});
    if (m_started)
        QProcess::execute(QStringLiteral("bash"), {QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/nginx.sh"),
                                                   QStringLiteral("stop"), m_dir.path()});
}

void tst_WebsitesApp::listsTheHandWrittenSite()
{
    QVERIFY(!m_panel->nginxMissing());
    QVERIFY(m_panel->installLabel()->text().contains(path(QStringLiteral("/conf/nginx.conf"))));
    QVERIFY(m_panel->installLabel()->text().contains(QStringLiteral("running")));
    QVERIFY(selectName(QStringLiteral("hand.test")));
    const SiteEntry *s = m_panel->selectedSite();
    QVERIFY(s);
    QVERIFY(!s->managed);
    QCOMPARE(s->kind(), SiteEntry::Kind::Static);
    QCOMPARE(s->root, path(QStringLiteral("/www/hand")));
    const int row = m_panel->model()->rowOf(s->id);
    QCOMPARE(m_panel->model()->index(row, SiteListModel::SourceColumn).data().toString(),
             QStringLiteral("hand-written · hand.conf:2"));
    // Hand-written: edited in place, never enabled/disabled/deleted by rewriting it.
    QVERIFY(m_panel->editButton()->isEnabled());
    QVERIFY(!m_panel->enableButton()->isEnabled());
    QVERIFY(!m_panel->disableButton()->isEnabled());
    QVERIFY(!m_panel->deleteButton()->isEnabled());
    QVERIFY(!m_panel->deleteButton()->toolTip().isEmpty());
    QVERIFY(m_panel->overview()->toPlainText().contains(QStringLiteral("Hand-written")));
    m_panel->filterField()->setText(QStringLiteral("no-such-site"));
    QCOMPARE(m_panel->table()->model()->rowCount(), 0);
    m_panel->filterField()->clear();
}

SiteFormDialog *tst_WebsitesApp::fillNewProxySite(const QString &domain, quint16 backendPort)
{
    auto *dialog = m_panel->openNewSite();
    dialog->domainField()->setText(domain);
    dialog->findChild<QLineEdit *>(QStringLiteral("address"))->setText(QStringLiteral("127.0.0.1"));
    dialog->findChild<QSpinBox *>(QStringLiteral("port"))->setValue(m_port);
    dialog->kindBox()->setCurrentIndex(dialog->kindBox()->findData(QStringLiteral("proxy")));
    dialog->backendField()->setText(QStringLiteral("http://127.0.0.1:%1").arg(backendPort));
    return dialog;
}

void tst_WebsitesApp::formRefusesBadInputNamingTheField()
{
    const QString available = path(QStringLiteral("/conf/sites-available"));
    const QStringList before = QDir(available).entryList(QDir::Files);

    // Caught by the app: a header value that would end the directive. Nothing is sent.
    SiteFormDialog *dialog = fillNewProxySite(QStringLiteral("bad.test"), m_backendA->port());
    dialog->headersTable()->addRow({QStringLiteral("X-Test"), QStringLiteral("1; add_header X-Evil 1")});
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    QCOMPARE(dialog->errorField(), QStringLiteral("headers[0].value"));
    QCOMPARE(dialog->tabs()->currentIndex(), 3);   // Access and Headers
    QCOMPARE(dialog->errorWidget(), dialog->headersTable());
    QVERIFY(dialog->statusLabel()->text().contains(QStringLiteral("headers[0].value")));
    QVERIFY(!dialog->busy());
    dialog->headersTable()->setRows({});

    // Caught by the helper: a document root outside the allowed roots (static site).
    dialog->kindBox()->setCurrentIndex(dialog->kindBox()->findData(QStringLiteral("static")));
    dialog->rootField()->setText(QStringLiteral("/etc"));
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->busy() && !dialog->errorField().isEmpty(), 15000);
    QCOMPARE(dialog->errorField(), QStringLiteral("root"));
    QCOMPARE(dialog->tabs()->currentIndex(), 0);
    QCOMPARE(dialog->errorWidget(), dialog->rootField());
    QVERIFY(dialog->isVisible());
    QCOMPARE(QDir(available).entryList(QDir::Files), before);   // nothing written
    dialog->reject();
}

void tst_WebsitesApp::createProxySiteThroughTheForm()
{
    SiteFormDialog *dialog = fillNewProxySite(QStringLiteral("shop.test"), m_backendA->port());
    dialog->gzipBox()->setChecked(true);
    dialog->preview();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->previews() == 1, 15000);
    QVERIFY(dialog->previewValid());
    QCOMPARE(dialog->tabs()->currentIndex(), 5);
    const QString diff = dialog->previewEditor()->text();
    QVERIFY(diff.contains(QStringLiteral("proxy_pass http://127.0.0.1:%1").arg(m_backendA->port())));
    QVERIFY(diff.contains(QStringLiteral("gzip on;")));
    QVERIFY(!QFile::exists(path(QStringLiteral("/conf/sites-available/shop.test.conf"))));   // a preview writes nothing

    QSignalSpy applied(m_panel, &WebsitesPanel::changeApplied);
    QPointer<SiteFormDialog> guard(dialog);
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(applied.count() == 1, 20000);
    QTRY_VERIFY(!guard);   // closed and deleted
    QVERIFY(waitFor(QStringLiteral("shop.test"), QStringLiteral("200 backend-a")));
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->model()->rowOfDomain(QStringLiteral("shop.test")) >= 0, 10000);
    QTRY_COMPARE(m_panel->selectedSite() ? m_panel->selectedSite()->site : QString(), QStringLiteral("shop.test"));
    QVERIFY(m_panel->deleteButton()->isEnabled());
    QVERIFY(m_panel->disableButton()->isEnabled());
    QVERIFY(m_panel->messageBar()->isVisible());
}

void tst_WebsitesApp::formAndRawEditorStayConsistent()
{
    // The form of a site only the form wrote: no warning; Save rewrites it (backend B).
    QVERIFY(m_panel->selectDomain(QStringLiteral("shop.test")));
    auto *form = nextDialog<SiteFormDialog>([this] { m_panel->editSelected(); });
    QVERIFY(form);
    QVERIFY(!form->isNew());
    QCOMPARE(form->backendField()->text(), QStringLiteral("http://127.0.0.1:%1").arg(m_backendA->port()));
    QVERIFY(form->gzipBox()->isChecked());
    QTest::qWait(1500);
    QVERIFY(form->handEditsLabel()->isHidden());
    form->backendField()->setText(QStringLiteral("http://127.0.0.1:%1").arg(m_backendB->port()));
    QSignalSpy applied(m_panel, &WebsitesPanel::changeApplied);
    form->apply();
    QTRY_VERIFY_WITH_TIMEOUT(applied.count() == 1, 20000);
    QVERIFY(waitFor(QStringLiteral("shop.test"), QStringLiteral("200 backend-b")));

    // A hand edit in the raw editor: saved through nginx -t, the site stays managed…
    QTRY_VERIFY(m_panel->selectDomain(QStringLiteral("shop.test")));
    RawConfigDialog *raw = m_panel->openRawConfig();
    QVERIFY(raw);
    QTRY_VERIFY_WITH_TIMEOUT(raw->loads() == 1, 10000);
    QVERIFY(raw->file().endsWith(QStringLiteral("sites-available/shop.test.conf")));
    QString text = raw->editor()->text();
    QVERIFY(text.contains(QStringLiteral("# qwq-managed-site shop.test")));
    text.replace(QStringLiteral("gzip on;"), QStringLiteral("gzip on;\n    add_header X-Raw-Edit yes;"));
    raw->editor()->setText(text);
    raw->save();
    QTRY_VERIFY_WITH_TIMEOUT(raw->saves() == 1, 20000);
    QVERIFY(read(raw->file()).contains("X-Raw-Edit"));
    raw->close();

    // …and its form says the file holds lines it does not, before anything is saved.
    QTRY_VERIFY(m_panel->selectDomain(QStringLiteral("shop.test")));
    form = nextDialog<SiteFormDialog>([this] { m_panel->editSelected(); });
    QVERIFY(form);
    QTRY_VERIFY_WITH_TIMEOUT(form->handEditsLabel()->isVisibleTo(form), 10000);
    QVERIFY(form->previewEditor()->text().contains(QStringLiteral("X-Raw-Edit")));
    form->reject();
}

void tst_WebsitesApp::rawEditorMarksNginxRefusalAndKeepsFiles()
{
    QVERIFY(selectName(QStringLiteral("hand.test")));
    const QString file = path(QStringLiteral("/conf/sites-enabled/hand.conf"));
    const QByteArray before = read(file);
    RawConfigDialog *raw = m_panel->openRawConfig();
    QTRY_VERIFY_WITH_TIMEOUT(raw->loads() == 1, 10000);
    QCOMPARE(raw->file(), file);
    QCOMPARE(raw->editor()->text().toUtf8(), before);
    QString text = raw->editor()->text();
    text.replace(QStringLiteral("    add_header X-Hand 'yes';"), QStringLiteral("    add_header X-Hand 'yes';\n    proxy_pass_nonsense on;"));
    raw->editor()->setText(text);
    const int badLine = int(text.left(text.indexOf(QStringLiteral("proxy_pass_nonsense"))).count(QLatin1Char('\n'))) + 1;
    raw->save();
    QTRY_VERIFY_WITH_TIMEOUT(!raw->busy() && !raw->statusLabel()->text().isEmpty()
                                 && raw->statusLabel()->text() != QStringLiteral("Checking with nginx and applying…"), 20000);
    QVERIFY2(raw->statusLabel()->text().contains(QStringLiteral("proxy_pass_nonsense")), qPrintable(raw->statusLabel()->text()));
    QCOMPARE(raw->editor()->diagnostics().size(), 1);
    QCOMPARE(raw->editor()->diagnostics().constFirst().line, badLine);
    QCOMPARE(read(file), before);   // nginx -t refused the staged copy: nothing changed
    QCOMPARE(raw->saves(), 0);
    QVERIFY(waitFor(QStringLiteral("hand.test"), QStringLiteral("200 hand-ok")));
    raw->close();
}

void tst_WebsitesApp::rawEditorNeverOverwritesAChangeMadeMeanwhile()
{
    QVERIFY(selectName(QStringLiteral("hand.test")));
    const QString file = path(QStringLiteral("/conf/sites-enabled/hand.conf"));
    RawConfigDialog *raw = m_panel->openRawConfig();
    QTRY_VERIFY_WITH_TIMEOUT(raw->loads() == 1, 10000);
    // Someone edits the file on the server while the editor is open.
    QByteArray theirs = read(file);
    theirs.append("# changed by someone else\n");
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(theirs);
    }
    raw->editor()->setText(raw->editor()->text() + QStringLiteral("# mine\n"));
    raw->save();
    QTRY_VERIFY_WITH_TIMEOUT(!raw->busy() && raw->statusLabel()->text().contains(QStringLiteral("Reload")), 20000);
    QCOMPARE(read(file), theirs);
    QCOMPARE(raw->saves(), 0);
    raw->reload();
    QTRY_VERIFY_WITH_TIMEOUT(raw->loads() == 2, 10000);
    QVERIFY(raw->editor()->text().contains(QStringLiteral("# changed by someone else")));
    raw->close();
}

void tst_WebsitesApp::handWrittenSiteEditedInPlace()
{
    QVERIFY(selectName(QStringLiteral("hand.test")));
    const QString file = path(QStringLiteral("/conf/sites-enabled/hand.conf"));
    auto *dialog = nextDialog<DirectiveDialog>([this] { m_panel->editSelected(); });
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->loaded(), 10000);
    QCOMPARE(dialog->field(QStringLiteral("root"))->text(), path(QStringLiteral("/www/hand")));
    QCOMPARE(dialog->field(QStringLiteral("server_name"))->text(), QStringLiteral("hand.test www.hand.test"));
    QVERIFY(dialog->field(QStringLiteral("gzip"))->text().isEmpty());

    // Bad input is refused before anything is sent, and its row is focused.
    dialog->field(QStringLiteral("client_max_body_size"))->setText(QStringLiteral("20m;"));
    dialog->save();
    QTRY_VERIFY(!dialog->statusLabel()->text().isEmpty() && dialog->statusLabel()->text().contains(QStringLiteral("client_max_body_size")));
    dialog->field(QStringLiteral("client_max_body_size"))->setText(QStringLiteral("20m"));

    dialog->field(QStringLiteral("root"))->setText(path(QStringLiteral("/www/hand2")));
    QCOMPARE(dialog->changes().size(), 2);
    QSignalSpy applied(m_panel, &WebsitesPanel::changeApplied);
    dialog->save();
    QTRY_VERIFY_WITH_TIMEOUT(applied.count() == 1, 20000);
    QVERIFY(waitFor(QStringLiteral("hand.test"), QStringLiteral("200 hand2-ok")));
    // Only those directives changed: comments, quoting and the rest are as the user wrote them.
    const QByteArray after = read(file);
    QVERIFY(after.contains("# A site written by hand: qwq must list it and never rewrite it."));
    QVERIFY(after.contains("\t# a tab-indented comment and an odd 'quoted' value"));
    QVERIFY(after.contains("    add_header X-Hand 'yes';"));
    QVERIFY(after.contains(QByteArray("listen 127.0.0.1:" + QByteArray::number(m_port) + ";   # the test port")));
    QVERIFY(after.contains("client_max_body_size 20m;"));
    QVERIFY(!after.contains("# qwq-managed-site"));
}

void tst_WebsitesApp::versionsDiffAndRollBack()
{
    QVERIFY(m_panel->selectDomain(QStringLiteral("shop.test")));
    SiteVersionsDialog *dialog = m_panel->openVersions();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->loads() == 1, 10000);
    // create, update (backend B), raw edit: newest first.
    QTRY_VERIFY(dialog->versionList()->topLevelItemCount() >= 3);
    QCOMPARE(dialog->versionList()->topLevelItem(0)->text(2), QStringLiteral("raw edit"));
    QCOMPARE(dialog->versionList()->topLevelItem(1)->text(2), QStringLiteral("form saved"));
    const int update = dialog->versionList()->topLevelItem(1)->text(0).toInt();
    QVERIFY(dialog->selectVersion(update));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->diffsShown() >= 1 && dialog->rollbackButton()->isEnabled(), 10000);
    const QString diff = dialog->diffView()->text();
    // Rolling back the update brings backend A back and takes B (and the later raw edit) away.
    const QRegularExpression back(QStringLiteral("^\\+\\s*proxy_pass http://127\\.0\\.0\\.1:%1;").arg(m_backendA->port()),
                                  QRegularExpression::MultilineOption);
    QVERIFY2(diff.contains(back), qPrintable(diff));
    QSignalSpy applied(m_panel, &WebsitesPanel::changeApplied);
    dialog->rollBack();
    QTRY_VERIFY_WITH_TIMEOUT(applied.count() == 1, 20000);
    QVERIFY(waitFor(QStringLiteral("shop.test"), QStringLiteral("200 backend-a")));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->loads() == 2, 10000);
    QCOMPARE(dialog->versionList()->topLevelItem(0)->text(2), QStringLiteral("rolled back"));
    dialog->close();
}

void tst_WebsitesApp::disableEnableAndDeleteTyped()
{
    QTRY_VERIFY(m_panel->selectDomain(QStringLiteral("shop.test")));
    QSignalSpy applied(m_panel, &WebsitesPanel::changeApplied);
    QTest::mouseClick(m_panel->disableButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(applied.count() == 1, 20000);
    // nginx lets the old workers accept for another 100 ms after the new ones started (the
    // apply answers then): wait for the new answer, then make sure it stays.
    QString answer;
    for (int i = 0; i < 50 && (answer = get(QStringLiteral("shop.test"))) == QStringLiteral("200 backend-a"); ++i)
        QTest::qWait(100);
    QVERIFY2(answer != QStringLiteral("200 backend-a"), qPrintable(answer));
    QTest::qWait(300);
    for (int i = 0; i < 5; ++i)
        QVERIFY(get(QStringLiteral("shop.test")) != QStringLiteral("200 backend-a"));
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->selectedSite() && !m_panel->selectedSite()->enabled, 10000);
    QVERIFY(m_panel->enableButton()->isEnabled());
    QTest::mouseClick(m_panel->enableButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(applied.count() == 2, 20000);
    QVERIFY(waitFor(QStringLiteral("shop.test"), QStringLiteral("200 backend-a")));

    // Delete is destructive: the server's name typed in the literal-call confirmation.
    QTRY_VERIFY(m_panel->selectDomain(QStringLiteral("shop.test")));
    const QString conf = path(QStringLiteral("/conf/sites-available/shop.test.conf"));
    QVERIFY(QFile::exists(conf));
    const auto findConfirm = [] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *d = qobject_cast<Workbench::ConfirmCallDialog *>(w); d && d->isVisible())
                return d;
        }
        return static_cast<Workbench::ConfirmCallDialog *>(nullptr);
    };
    QTest::mouseClick(m_panel->deleteButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(findConfirm(), 10000);
    Workbench::ConfirmCallDialog *confirm = findConfirm();
    QVERIFY(!confirm->approveButton()->isEnabled());
    confirm->reject();
    QTest::qWait(500);
    QVERIFY(QFile::exists(conf));
    QVERIFY(m_panel->deleteButton()->isEnabled());

    QTest::mouseClick(m_panel->deleteButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(findConfirm(), 10000);
    confirm = findConfirm();
    QTest::keyClicks(confirm->typedField(), QStringLiteral("localhost"));   // This computer's word
    QVERIFY(confirm->approveButton()->isEnabled());
    QTest::mouseClick(confirm->approveButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(applied.count() == 3, 20000);
    QVERIFY(!QFile::exists(conf));
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->model()->rowOfDomain(QStringLiteral("shop.test")) < 0, 10000);
}

void tst_WebsitesApp::logsOfASite()
{
    QVERIFY(get(QStringLiteral("hand.test")).startsWith(QStringLiteral("200")));
    QVERIFY(selectName(QStringLiteral("hand.test")));
    m_panel->detailTabs()->setCurrentWidget(m_panel->logView());
    SiteLogView *logs = m_panel->logView();
    QTRY_VERIFY_WITH_TIMEOUT(logs->lineCount() > 0, 10000);
    QVERIFY(logs->text()->toPlainText().contains(QStringLiteral("GET / HTTP/1.0")));
    // Follow: a new request shows up without asking again.
    logs->filterField()->setText(QStringLiteral("/follow-me"));
    logs->followBox()->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(logs->following(), 5000);
    QTest::qWait(600);
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), quint16(m_port));
    QVERIFY(s.waitForConnected(3000));
    s.write("GET /follow-me HTTP/1.0\r\nHost: hand.test\r\n\r\n");
    s.waitForReadyRead(3000);
    s.close();
    QTRY_VERIFY_WITH_TIMEOUT(logs->text()->toPlainText().contains(QStringLiteral("/follow-me")), 10000);
    logs->followBox()->setChecked(false);
    logs->filterField()->clear();
    m_panel->detailTabs()->setCurrentIndex(0);
}

void tst_WebsitesApp::askAiGetsMaskedConfigAndErrors()
{
    QVERIFY(selectName(QStringLiteral("hand.test")));
    QSignalSpy asked(m_ctx, &Workbench::ServerContext::askAiRequested);
    QVERIFY(m_panel->askAiAboutSelected());
    QTRY_VERIFY_WITH_TIMEOUT(asked.count() == 1, 10000);
    const QString attachment = asked.at(0).at(2).toString();
    QVERIFY(attachment.contains(QStringLiteral("server_name hand.test")));
    QVERIFY(attachment.contains(QStringLiteral("error log lines")));
}

void tst_WebsitesApp::certificatesRequestImportAndRenewal()
{
    if (!m_pebble)
        QSKIP("pebble is not installed");
    SiteSpec spec;
    spec.domain = QStringLiteral("tls.test");
    spec.aliases = {QStringLiteral("www.tls.test")};
    spec.address = QStringLiteral("127.0.0.1");
    spec.port = m_port;
    spec.root = path(QStringLiteral("/www/hand2"));
    QVERIFY(QwqTest::await(m_panel->service()->create(spec)).ok());
    m_panel->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->model()->rowOfDomain(QStringLiteral("tls.test")) >= 0, 10000);
    CertificatesPage *page = m_panel->certificatesPage();
    m_panel->sectionTabs()->setCurrentWidget(page);
    QTRY_VERIFY_WITH_TIMEOUT(page->refreshCount() > 0, 10000);
    int sslPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        sslPort = probe.serverPort();
    }

    // The names resolve to 127.0.0.1, which a CA cannot reach: the request stops before the CA
    // is asked and names them; "Request Anyway" is offered.
    auto *dialog = qobject_cast<CertRequestDialog *>(page->openRequest(QStringLiteral("tls.test")));
    QVERIFY(dialog);
    QCOMPARE(dialog->siteBox()->currentText(), QStringLiteral("tls.test"));
    QVERIFY(!dialog->requestButton()->isEnabled());   // the CA's terms first
    dialog->termsBox()->setChecked(true);
    QVERIFY(dialog->requestButton()->isEnabled());
    dialog->caBox()->setCurrentIndex(2);
    dialog->directoryField()->setText(m_directory);
    dialog->resolverField()->setText(m_resolver);
    dialog->sslPortBox()->setValue(sslPort);
    dialog->request();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->busy(), 60000);
    QCOMPARE(dialog->lastErrorCode(), int(ErrorCode::DnsMismatch));
    QVERIFY(dialog->forceButton()->isVisibleTo(dialog));
    QVERIFY(!dialog->stages().contains(QStringLiteral("order")));

    // Told that 127.0.0.1 is this server's too (as for a NAT address): issued and installed.
    dialog->expectField()->setText(QStringLiteral("127.0.0.1"));
    QSignalSpy applied(m_panel, &WebsitesPanel::changeApplied);
    dialog->request();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->busy(), 120000);
    QVERIFY2(dialog->lastErrorCode() == 0, qPrintable(dialog->statusLabel()->text() + dialog->log()->toPlainText()));
    for (const char *stage : {"account", "order", "challenge", "finalize", "install"})
        QVERIFY2(dialog->stages().contains(QLatin1String(stage)), stage);
    QVERIFY(applied.count() >= 1);
    dialog->close();
    QTRY_VERIFY_WITH_TIMEOUT(page->certificates().size() >= 1, 10000);
    int row = -1;
    for (int r = 0; r < page->table()->rowCount(); ++r) {
        if (page->table()->item(r, 0) && page->table()->item(r, 0)->text().contains(QStringLiteral("tls.test")))
            row = r;
    }
    QVERIFY(row >= 0);
    QVERIFY(page->table()->item(row, 2)->text().toInt() > 0);
    QCOMPARE(page->table()->item(row, 5)->text(), QStringLiteral("ACME (qwq)"));
    QVERIFY(page->table()->item(row, 4)->text().contains(QStringLiteral("tls.test")));
    // The site now answers on its HTTPS port with that certificate.
    const auto servedWithTls = [this] {
        for (const SiteEntry &e : m_panel->model()->sites())
            if (e.managed && e.site == QLatin1String("tls.test") && e.hasTls()
                && e.sslCertificate.endsWith(QLatin1String("tls.test/fullchain.pem")))
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(servedWithTls(), 10000);

    // Import: a key that is not the certificate's is refused, naming the key.
    QDir().mkpath(path(QStringLiteral("/pki")));
    const auto openssl = [](const QStringList &args) {
        QProcess p;
        p.start(QStringLiteral("openssl"), args);
        return p.waitForFinished(30000) && p.exitCode() == 0;
    };
    QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                     QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                     QStringLiteral("-keyout"), path(QStringLiteral("/pki/a.key")), QStringLiteral("-out"),
                     path(QStringLiteral("/pki/a.pem")), QStringLiteral("-days"), QStringLiteral("30"),
                     QStringLiteral("-subj"), QStringLiteral("/CN=import.test"),
                     QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:import.test")}));
    QVERIFY(openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"), QStringLiteral("-pkeyopt"),
                     QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-out"), path(QStringLiteral("/pki/other.key"))}));
    auto *import = qobject_cast<CertImportDialog *>(page->openImport());
    QVERIFY(import);
    import->certificateField()->setPlainText(QString::fromUtf8(read(path(QStringLiteral("/pki/a.pem")))));
    import->keyField()->setPlainText(QString::fromUtf8(read(path(QStringLiteral("/pki/other.key")))));
    import->import();
    QTRY_VERIFY_WITH_TIMEOUT(!import->busy(), 20000);
    QCOMPARE(import->errorField(), QStringLiteral("key"));
    QVERIFY(import->isVisible());
    import->keyField()->setPlainText(QString::fromUtf8(read(path(QStringLiteral("/pki/a.key")))));
    QPointer<CertImportDialog> guard(import);
    import->import();
    QTRY_VERIFY_WITH_TIMEOUT(!guard, 20000);
    QTRY_VERIFY_WITH_TIMEOUT([&] {
        for (const QJsonValue &c : page->certificates())
            if (c.toObject().value(QLatin1String("names")).toArray().contains(QStringLiteral("import.test")))
                return true;
        return false;
    }(), 10000);

    // The renewal timer: installed (cron here), shown, removed again.
    QVERIFY(!page->renewalInstalled());
    page->installRenewal();
    QTRY_VERIFY_WITH_TIMEOUT(page->renewalInstalled(), 20000);
    QVERIFY(page->renewalLabel()->text().contains(QStringLiteral("Automatic renewal")));
    page->uninstallRenewal();
    QTRY_VERIFY_WITH_TIMEOUT(!page->renewalInstalled() && page->renewalLabel()->text().contains(QStringLiteral("off")), 20000);
    m_panel->sectionTabs()->setCurrentIndex(0);
}

void tst_WebsitesApp::brokenConfigurationIsRepairedFromThePanel()
{
    // A hand edit on the server leaves a brace open: the panel says which file and line, and
    // opens just that file; the repair (checked by nginx) brings the sites back.
    const QString file = path(QStringLiteral("/conf/sites-enabled/hand.conf"));
    const QByteArray good = read(file);
    const QByteArray broken = good + "server {\n    listen 127.0.0.1:1;\n";
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(broken);
    }
    const int before = m_panel->refreshCount();
    m_panel->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->refreshCount() > before, 15000);
    auto *label = m_panel->findChild<QLabel *>(QStringLiteral("brokenConfigLabel"));
    QVERIFY(label && label->isVisibleTo(m_panel));
    QVERIFY2(label->text().contains(file), qPrintable(label->text()));
    if (const QByteArray dir = qgetenv("QWQ_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QDir().mkpath(QString::fromLocal8Bit(dir));
        QApplication::processEvents();
        m_window->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/websites-broken-en.png"));
    }
    RawConfigDialog *raw = m_panel->openBrokenFile();
    QVERIFY(raw);
    QTRY_VERIFY_WITH_TIMEOUT(raw->loads() == 1, 10000);
    QCOMPARE(raw->editor()->text().toUtf8(), broken);
    QVERIFY(raw->statusLabel()->text().contains(QStringLiteral("does not parse")));
    raw->editor()->setText(QString::fromUtf8(good));
    QSignalSpy applied(m_panel, &WebsitesPanel::changeApplied);
    raw->save();
    QTRY_VERIFY_WITH_TIMEOUT(applied.count() == 1, 20000);
    QCOMPARE(read(file), good);
    raw->close();
    QTRY_VERIFY_WITH_TIMEOUT(!label->isVisibleTo(m_panel) && m_panel->model()->rowCount() > 0, 15000);
    QVERIFY(selectName(QStringLiteral("hand.test")));
}

void tst_WebsitesApp::tsigSecretRememberedInTheKeychain()
{
    // DNS-01: the TSIG secret typed once is kept in this computer's keychain (never in a file)
    // and filled in the next time the same zone and key are given.
    CertificatesPage *page = m_panel->certificatesPage();
    const auto openDns01 = [&] {
        auto *d = qobject_cast<CertRequestDialog *>(page->openRequest(QStringLiteral("hand.test")));
        if (d)
            d->challengeBox()->setCurrentIndex(d->challengeBox()->findData(QStringLiteral("dns-01")));
        return d;
    };
    auto *first = openDns01();
    QVERIFY(first);
    QVERIFY(first->rememberSecretBox()->isVisibleTo(first));
    first->zoneField()->setText(QStringLiteral("Example.Test"));
    first->keyNameField()->setText(QStringLiteral("qwq-key"));
    first->secretField()->setText(QStringLiteral("c2VjcmV0LWtleS1mb3ItdGVzdHM="));
    first->termsBox()->setChecked(true);
    first->request(); // refused (no DNS server given): the secret was saved as it was sent
    QTRY_VERIFY_WITH_TIMEOUT(!first->busy(), 30000);
    first->close();
    const Result<QString> stored = QwqTest::await(m_secrets.read(m_ctx->serverId() + QStringLiteral("/tsig/example.test/qwq-key")));
    QVERIFY2(stored.ok(), qPrintable(stored.ok() ? QString() : stored.error().toString()));
    QCOMPARE(*stored, QStringLiteral("c2VjcmV0LWtleS1mb3ItdGVzdHM="));
    // never written to the profile files
    QDirIterator files(m_home.path(), QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext())
        QVERIFY2(!read(files.next()).contains("c2VjcmV0LWtleS1mb3ItdGVzdHM="), qPrintable(files.filePath()));

    auto *second = openDns01();
    QVERIFY(second);
    QVERIFY(second->secretField()->text().isEmpty());
    second->zoneField()->setText(QStringLiteral("example.test"));
    second->keyNameField()->setText(QStringLiteral("qwq-key"));
    emit second->keyNameField()->editingFinished();
    QTRY_VERIFY_WITH_TIMEOUT(second->secretField()->text() == QStringLiteral("c2VjcmV0LWtleS1mb3ItdGVzdHM="), 10000);
    // another key: nothing is filled in
    second->secretField()->clear();
    second->keyNameField()->setText(QStringLiteral("other-key"));
    const int recalls = second->secretRecalls();
    emit second->keyNameField()->editingFinished();
    QTRY_VERIFY_WITH_TIMEOUT(second->secretRecalls() > recalls, 10000);
    QVERIFY(second->secretField()->text().isEmpty());
    second->close();
    QVERIFY(QwqTest::await(m_secrets.remove(m_ctx->serverId() + QStringLiteral("/tsig/example.test/qwq-key"))).ok());
}

void tst_WebsitesApp::screenshots()
{
    const QByteArray dir = qgetenv("QWQ_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set QWQ_SCREENSHOT_DIR to write screenshots");
    QDir().mkpath(QString::fromLocal8Bit(dir));
    const auto save = [&](QWidget *w, const QString &name) {
        QApplication::processEvents();
        QVERIFY(w->grab().save(QString::fromLocal8Bit(dir) + QLatin1Char('/') + name));
    };
    // A few sites beside the hand-written one, as a real server has.
    for (const char *name : {"shop.test", "blog.test", "old.test"}) {
        SiteSpec spec;
        spec.domain = QLatin1String(name);
        spec.address = QStringLiteral("127.0.0.1");
        spec.port = m_port;
        if (spec.domain == QLatin1String("shop.test")) {
            spec.kind = QStringLiteral("proxy");
            spec.backend = QStringLiteral("http://127.0.0.1:%1").arg(m_backendA->port());
            spec.gzip = true;
        } else if (spec.domain == QLatin1String("blog.test")) {
            spec.kind = QStringLiteral("static");
            spec.root = path(QStringLiteral("/www/hand2"));
        } else {
            spec.kind = QStringLiteral("redirect");
            spec.redirectUrl = QStringLiteral("https://blog.test");
        }
        const Result<QJsonObject> r = QwqTest::await(m_panel->service()->create(spec));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    }
    QVERIFY(QwqTest::await(m_panel->service()->setEnabled(QStringLiteral("old.test"), false)).ok());
    const auto shootAll = [&](const QString &lang) {
        m_panel->refresh();
        QTest::qWait(800);
        QVERIFY(selectName(QStringLiteral("hand.test")));
        save(m_window, QStringLiteral("websites-%1.png").arg(lang));
        SiteFormDialog *form = fillNewProxySite(QStringLiteral("api.test"), m_backendA->port());
        form->resize(820, 600);
        save(form, QStringLiteral("websites-form-%1.png").arg(lang));
        form->tabs()->setCurrentIndex(2);
        save(form, QStringLiteral("websites-form-options-%1.png").arg(lang));
        form->preview();
        QTRY_VERIFY_WITH_TIMEOUT(form->previews() == 1, 15000);
        save(form, QStringLiteral("websites-preview-%1.png").arg(lang));
        form->reject();
        RawConfigDialog *raw = m_panel->openRawConfig();
        QTRY_VERIFY_WITH_TIMEOUT(raw->loads() == 1, 10000);
        save(raw, QStringLiteral("websites-raw-%1.png").arg(lang));
        raw->close();
        auto *directives = nextDialog<DirectiveDialog>([this] { m_panel->editSelected(); });
        QTRY_VERIFY_WITH_TIMEOUT(directives->loaded(), 10000);
        save(directives, QStringLiteral("websites-directives-%1.png").arg(lang));
        directives->close();
        SiteVersionsDialog *versions = m_panel->openVersions();
        QTRY_VERIFY_WITH_TIMEOUT(versions->loads() == 1, 10000);
        if (versions->versionList()->topLevelItemCount() > 0) {
            versions->versionList()->setCurrentItem(versions->versionList()->topLevelItem(0));
            QTRY_VERIFY_WITH_TIMEOUT(versions->diffsShown() >= 1, 10000);
        }
        save(versions, QStringLiteral("websites-versions-%1.png").arg(lang));
        versions->close();
        m_panel->sectionTabs()->setCurrentWidget(m_panel->certificatesPage());
        m_panel->certificatesPage()->refresh();
        QTest::qWait(1500);
        save(m_window, QStringLiteral("websites-certificates-%1.png").arg(lang));
        QDialog *request = m_panel->certificatesPage()->openRequest(QStringLiteral("shop.test"));
        save(request, QStringLiteral("websites-cert-request-%1.png").arg(lang));
        request->close();
        QDialog *import = m_panel->certificatesPage()->openImport();
        save(import, QStringLiteral("websites-cert-import-%1.png").arg(lang));
        import->close();
        m_panel->sectionTabs()->setCurrentIndex(0);
    };
    shootAll(QStringLiteral("en"));

    const QwqTest::Chinese chinese;
    QVERIFY(chinese.loaded());
    QTest::qWait(300);
    shootAll(QStringLiteral("zh_CN"));
}

QTEST_MAIN(tst_WebsitesApp)
#include "tst_websitesapp.moc"
