// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The real main window, offscreen: This computer's dashboard, the Issues list, the profile
// dialog's validation and the live language switch.
#include "hostkeydialog.h"
#include "language.h"
#include "mainwindow.h"
#include "modulelist.h"
#include "settingsdialog.h"

#include <core/core/auditlog.h>
#include <core/core/paths.h>
#include <monitor/core/fleetmodel.h>
#include <monitor/ui/dashboardpanel.h>
#include <monitor/ui/fleetpanel.h>
#include <profiles/core/profilestore.h>
#include <profiles/core/secretstore.h>
#include <profiles/ui/profiledialog.h>
#include <workbench/core/issuesmodel.h>
#include <workbench/core/servercontext.h>
#include <workbench/core/serverregistry.h>
#include <workbench/ui/confirmcalldialog.h>
#include <workbench/ui/credentialdialog.h>
#include <workbench/ui/dockhost.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDockWidget>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qwq;

class tst_Gui : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("QWQ_HOME", m_home.path().toUtf8());
        qputenv("QWQ_HELPER", QWQ_HELPER_PATH);
        App::applyLanguage(QStringLiteral("en"));
        m_store = std::make_unique<Profiles::ProfileStore>(Paths::profilesFile());
        QVERIFY(m_store->load().ok());
        m_audit = std::make_unique<AuditLog>(Paths::auditDatabase());
        QVERIFY(m_audit->open().ok());
        m_registry = std::make_unique<Workbench::ServerRegistry>(m_store.get(), &m_secrets, m_audit.get());
        m_window = std::make_unique<App::MainWindow>(m_registry.get(), m_modules.modules());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_registry.reset();
    }

    void thisComputerShowsItsDashboard()
    {
        m_window->selectServer(Profiles::Profile::localId());
        QCOMPARE(m_window->currentServerId(), Profiles::Profile::localId());
        Workbench::ServerContext *ctx = m_registry->context(Profiles::Profile::localId());
        QVERIFY(ctx);
        ctx->connection()->connectToServer();
        QTRY_VERIFY_WITH_TIMEOUT(ctx->isReady(), 10000);
        auto *panel = m_window->findChild<Monitor::DashboardPanel *>();
        QVERIFY(panel);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->hostnameText().isEmpty(), 10000);
        QCOMPARE(panel->hostnameText(), QSysInfo::machineHostName());
        QVERIFY(panel->shownInfo().memTotal > 0);
        QVERIFY(!panel->shownInfo().filesystems.isEmpty());
        QCOMPARE(m_window->issues()->rowCount(), 0);
        const QImage shot = m_window->grab().toImage();
        QVERIFY(!shot.isNull());
        shot.save(QStringLiteral(QWQ_BINARY_DIR "/gui-dashboard-en.png"));
    }

    void fleetOverviewListsEveryServer()
    {
        auto *fleet = m_window->findChild<Monitor::FleetPanel *>();
        QVERIFY(fleet);
        new QAbstractItemModelTester(fleet->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        fleet->model()->refresh();
        const QModelIndex os = fleet->model()->index(0, Monitor::FleetModel::OsColumn);
        QTRY_VERIFY_WITH_TIMEOUT(!os.data().toString().isEmpty(), 10000);
        QCOMPARE(fleet->model()->index(0, Monitor::FleetModel::StateColumn).data().toString(),
                 Helper::ServerConnection::stateName(Helper::ServerConnection::State::Ready));
        QVERIFY(!fleet->model()->index(0, Monitor::FleetModel::UptimeColumn).data().toString().isEmpty());
        if (auto *dock = qobject_cast<QDockWidget *>(fleet->parentWidget())) {
            dock->raise();
            QTest::qWait(50);
            m_window->grab().save(QStringLiteral(QWQ_BINARY_DIR "/gui-fleet-en.png"));
        }
    }

    void modelsPassTheModelTester()
    {
        new QAbstractItemModelTester(m_window->issues(), QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        m_window->issues()->add(QStringLiteral("local"), QStringLiteral("This computer"),
                                QStringLiteral("monitor.dashboard"),
                                Error(ErrorCode::InvalidParam, QStringLiteral("x")));
        m_window->issues()->add(QStringLiteral("local"), QStringLiteral("This computer"),
                                QStringLiteral("monitor.dashboard"),
                                Error(ErrorCode::InvalidParam, QStringLiteral("x")));
        QCOMPARE(m_window->issues()->rowCount(), 1);   // repeats fold into one row
        QVERIFY(m_window->issues()->data(m_window->issues()->index(0, Workbench::IssuesModel::MessageColumn),
                                         Qt::DisplayRole).toString().contains(QStringLiteral("2")));
        m_window->issues()->clear();
    }

    void failedConnectionLandsInIssues()
    {
        Profiles::Profile p;
        p.name = QStringLiteral("nowhere");
        p.host = QStringLiteral("127.0.0.1");
        p.port = 1;   // nothing listens on port 1
        p.user = QStringLiteral("nobody");
        p.auth = Profiles::AuthMethod::Agent;
        const auto saved = m_store->upsert(p);
        QVERIFY(saved.ok());
        m_window->selectServer(saved->id);
        Workbench::ServerContext *ctx = m_registry->context(saved->id);
        QVERIFY(ctx);
        ctx->connection()->connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(int(ctx->connection()->state()),
                                  int(Helper::ServerConnection::State::Failed), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->issues()->rowCount() >= 1, 5000);
        const QModelIndex idx = m_window->issues()->index(0, Workbench::IssuesModel::MessageColumn);
        QVERIFY(!idx.data().toString().isEmpty());
        QCOMPARE(idx.data(Workbench::IssuesModel::CodeRole).toInt(), int(ErrorCode::ConnectionFailed));
        QVERIFY(m_store->remove(saved->id).ok());
        m_window->selectServer(Profiles::Profile::localId());
    }

    void profileDialogNamesTheBadField()
    {
        Profiles::ProfileDialog dialog(m_store.get(), &m_secrets, {});
        qobject_cast<QLineEdit *>(dialog.field(QStringLiteral("name")))->setText(QStringLiteral("web"));
        qobject_cast<QLineEdit *>(dialog.field(QStringLiteral("host")))->setText(QStringLiteral("a.example.com;reboot"));
        qobject_cast<QLineEdit *>(dialog.field(QStringLiteral("user")))->setText(QStringLiteral("deploy"));
        const int before = int(m_store->profiles().size());
        dialog.save();
        QVERIFY(dialog.result() != QDialog::Accepted);
        QVERIFY(dialog.errorText().contains(QStringLiteral("host")));
        QCOMPARE(int(m_store->profiles().size()), before);
        qobject_cast<QLineEdit *>(dialog.field(QStringLiteral("host")))->setText(QStringLiteral("a.example.com"));
        qobject_cast<QLineEdit *>(dialog.field(QStringLiteral("user")))->setText(QStringLiteral("bad user"));
        dialog.save();
        QVERIFY(dialog.errorText().contains(QStringLiteral("user"), Qt::CaseInsensitive));
        QCOMPARE(int(m_store->profiles().size()), before);
        qobject_cast<QLineEdit *>(dialog.field(QStringLiteral("user")))->setText(QStringLiteral("deploy"));
        qobject_cast<QLineEdit *>(dialog.field(QStringLiteral("colour")))->setText(QStringLiteral("red"));
        dialog.save();
        QVERIFY2(dialog.errorText().contains(QStringLiteral("#rrggbb")), qPrintable(dialog.errorText()));
        QCOMPARE(int(m_store->profiles().size()), before);
        qobject_cast<QLineEdit *>(dialog.field(QStringLiteral("colour")))->setText(QStringLiteral("#3d9a5b"));
        qobject_cast<QLineEdit *>(dialog.field(QStringLiteral("jumpHosts")))->setText(QStringLiteral("no-such-bastion"));
        dialog.save();
        QVERIFY2(dialog.errorText().contains(QStringLiteral("no-such-bastion")), qPrintable(dialog.errorText()));
        QCOMPARE(int(m_store->profiles().size()), before);
        qobject_cast<QLineEdit *>(dialog.field(QStringLiteral("jumpHosts")))->clear();
        qobject_cast<QLineEdit *>(dialog.field(QStringLiteral("tags")))->setText(QStringLiteral("web, eu"));
        dialog.save();   // no secrets typed: saved without touching the keychain
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(int(m_store->profiles().size()), before + 1);
        const auto saved = m_store->find(dialog.savedProfileId());
        QVERIFY(saved.has_value());
        QCOMPARE(saved->tags, QStringList({QStringLiteral("web"), QStringLiteral("eu")}));
        QCOMPARE(saved->colour, QStringLiteral("#3d9a5b"));
        QVERIFY(m_store->remove(dialog.savedProfileId()).ok());
    }

    void dialogsRenderInBothLanguages()
    {
        Ssh::HostKeyInfo key;
        key.host = QStringLiteral("web1.example.com");
        key.port = 2222;
        key.type = QStringLiteral("ssh-ed25519");
        key.sha256 = QStringLiteral("SHA256:3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        key.knownSha256 = QStringLiteral("SHA256:u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u");
        for (const QString &lang : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            App::applyLanguage(lang);
            App::HostKeyDialog unknown(key, false);
            QVERIFY(unknown.findChild<QPushButton *>(QStringLiteral("trustButton")));
            unknown.grab().save(QStringLiteral(QWQ_BINARY_DIR "/gui-hostkey-unknown-%1.png").arg(lang));
            App::HostKeyDialog changed(key, true);
            // A changed key can only be looked at, never accepted here.
            QVERIFY(!changed.findChild<QPushButton *>(QStringLiteral("trustButton")));
            changed.grab().save(QStringLiteral(QWQ_BINARY_DIR "/gui-hostkey-changed-%1.png").arg(lang));
            Profiles::ProfileDialog profile(m_store.get(), &m_secrets, {});
            qobject_cast<QLineEdit *>(profile.field(QStringLiteral("name")))->setText(QStringLiteral("web1"));
            qobject_cast<QLineEdit *>(profile.field(QStringLiteral("host")))->setText(QStringLiteral("web1;reboot"));
            profile.save();
            profile.adjustSize();
            profile.grab().save(QStringLiteral(QWQ_BINARY_DIR "/gui-profile-error-%1.png").arg(lang));
            Helper::CallPreview preview;
            preview.method = QStringLiteral("containers.remove");
            preview.params = {{QStringLiteral("id"), QStringLiteral("3f2a9c1b7d10")}, {QStringLiteral("force"), true}};
            preview.risk = Helper::Risk::Destructive;
            preview.typed = true;
            preview.typedWord = QStringLiteral("web-01");
            Workbench::ConfirmCallDialog confirm(preview, QStringLiteral("web-01"));
            QVERIFY(!confirm.approveButton()->isEnabled());
            confirm.typedField()->setText(QStringLiteral("web-0"));
            QVERIFY(!confirm.approveButton()->isEnabled());
            confirm.typedField()->setText(QStringLiteral("web-01"));
            QVERIFY(confirm.approveButton()->isEnabled());
            confirm.grab().save(QStringLiteral(QWQ_BINARY_DIR "/gui-confirm-%1.png").arg(lang));
            App::SettingsDialog settings;
            settings.grab().save(QStringLiteral(QWQ_BINARY_DIR "/gui-settings-%1.png").arg(lang));
        }
        App::applyLanguage(QStringLiteral("en"));
    }

    void credentialDialogAsksWhatTheServerAsks()
    {
        Helper::CredentialRequest r;
        r.kind = Helper::CredentialRequest::Kind::KeyboardInteractive;
        r.serverName = QStringLiteral("web-01");
        r.account = QStringLiteral("deploy@web-01.example.com");
        // Server text is plain text: markup and control characters are not interpreted.
        r.instruction = QStringLiteral("<a href=\"file:///etc/passwd\">click</a>\x1b[31m");
        r.fields = {{QStringLiteral("Password: "), false}, {QStringLiteral("Verification code: "), false},
                    {QStringLiteral("Your name: "), true}};
        r.rememberField = -1;
        for (const QString &lang : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            App::applyLanguage(lang);
            Workbench::CredentialDialog d(r);
            QCOMPARE(d.fields().size(), 3);
            QCOMPARE(d.fields().at(0)->echoMode(), QLineEdit::Password);
            QCOMPARE(d.fields().at(1)->echoMode(), QLineEdit::Password);
            QCOMPARE(d.fields().at(2)->echoMode(), QLineEdit::Normal);
            QVERIFY(!d.rememberBox()); // 2FA rounds are never kept
            for (QLabel *l : d.findChildren<QLabel *>()) {
                QCOMPARE(l->textFormat(), Qt::PlainText);
                QVERIFY(!l->text().contains(QChar(0x1b)));
            }
            d.fields().at(1)->setText(QStringLiteral("123456"));
            QCOMPARE(d.answer().values.value(1), QStringLiteral("123456"));
            d.adjustSize();
            d.grab().save(QStringLiteral(QWQ_BINARY_DIR "/gui-credential-2fa-%1.png").arg(lang));

            Helper::CredentialRequest sudo;
            sudo.kind = Helper::CredentialRequest::Kind::SudoPassword;
            sudo.serverName = QStringLiteral("web-01");
            sudo.account = QStringLiteral("deploy@web-01.example.com");
            sudo.fields = {{QStringLiteral("Password for sudo:"), false}};
            sudo.rememberField = 0;
            Workbench::CredentialDialog s(sudo);
            QVERIFY(s.rememberBox());
            QVERIFY(s.rememberBox()->isChecked());
            s.fields().at(0)->setText(QStringLiteral("pw"));
            QVERIFY(s.answer().remember);
            s.rememberBox()->setChecked(false);
            QVERIFY(!s.answer().remember);
            s.adjustSize();
            s.grab().save(QStringLiteral(QWQ_BINARY_DIR "/gui-credential-sudo-%1.png").arg(lang));
        }
        App::applyLanguage(QStringLiteral("en"));
    }

    void languageSwitchesLive()
    {
        const QString english = m_window->windowTitle();
        QVERIFY(english.contains(QStringLiteral("server manager")));
        App::applyLanguage(QStringLiteral("zh_CN"));
        QTRY_VERIFY(m_window->windowTitle() != english);
        QVERIFY(m_window->windowTitle().contains(QStringLiteral("服务器")));
        const QList<QDockWidget *> docks = m_window->dockHost()->docks(Profiles::Profile::localId());
        QVERIFY(!docks.isEmpty());
        QCOMPARE(docks.first()->windowTitle(), QStringLiteral("仪表盘"));
        QTest::qWait(300);
        m_window->grab().toImage().save(QStringLiteral(QWQ_BINARY_DIR "/gui-dashboard-zh_CN.png"));
        App::applyLanguage(QStringLiteral("en"));
        QTRY_COMPARE(m_window->windowTitle(), english);
        QCOMPARE(docks.first()->windowTitle(), QStringLiteral("Dashboard"));
    }

private:
    QTemporaryDir m_home;
    Profiles::SecretStore m_secrets{QStringLiteral("qwq-gui-test")};
    std::unique_ptr<Profiles::ProfileStore> m_store;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<Workbench::ServerRegistry> m_registry;
    App::ModuleList m_modules;
    std::unique_ptr<App::MainWindow> m_window;
};

QTEST_MAIN(tst_Gui)
#include "tst_gui.moc"
