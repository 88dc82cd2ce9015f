// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The profile-management dialogs and the sidebar, offscreen: inherit toggles, groups,
// identities and sorting. No keychain is needed: no test types a secret, and the dialogs
// that would remove secrets get no SecretStore.
#include "language.h"
#include "mainwindow.h"
#include "modulelist.h"

#include <core/core/auditlog.h>
#include <core/core/paths.h>
#include <profiles/core/profilestore.h>
#include <profiles/core/secretstore.h>
#include <profiles/ui/formfields.h>
#include <profiles/ui/groupdialog.h>
#include <profiles/ui/identitiesdialog.h>
#include <profiles/ui/identitydialog.h>
#include <profiles/ui/profiledialog.h>
#include <workbench/core/serverlistmodel.h>
#include <workbench/core/serverregistry.h>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

using namespace Qwq;
using namespace Qwq::Profiles;

namespace {
/// Answers the next message box by clicking the button with `objectName` (or, for a
/// standard button, its StandardButton value) as soon as it is shown.
void answerNextMessageBox(const QString &objectName, QMessageBox::StandardButton standard = QMessageBox::NoButton,
                          const QString &screenshot = {})
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, objectName, standard, screenshot] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        if (!screenshot.isEmpty())
            box->grab().save(screenshot);
        QAbstractButton *b = standard != QMessageBox::NoButton
                                 ? box->button(standard)
                                 : box->findChild<QPushButton *>(objectName);
        timer->stop();
        timer->deleteLater();
        if (b)
            b->click();
        else
            box->reject();
    });
    timer->start();
}

template<typename T>
T *fieldAs(QWidget *w)
{
    auto *t = qobject_cast<T *>(w);
    Q_ASSERT(t);
    return t;
}

QSet<QString> set(std::initializer_list<const char *> names)
{
    QSet<QString> s;
    for (const char *n : names)
        s.insert(QString::fromLatin1(n));
    return s;
}
} // namespace

class tst_ProfilesUi : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("QWQ_HOME", m_home.path().toUtf8());
        qputenv("QWQ_HELPER", QWQ_HELPER_PATH);
        qputenv("USER", "tester");
        App::applyLanguage(QStringLiteral("en"));
        m_store = std::make_unique<ProfileStore>(Paths::profilesFile());
        QVERIFY(m_store->load().ok());

        // A team identity and a "prod" group whose servers log in through a bastion.
        Identity team{QStringLiteral("team"), QStringLiteral("Team key"), QStringLiteral("svc"),
                      QStringLiteral("/keys/team"), AuthMethod::Key};
        QVERIFY(m_store->upsertIdentity(team).ok());
        Profile bastion;
        bastion.id = QStringLiteral("bastion");
        bastion.name = QStringLiteral("bastion");
        bastion.host = QStringLiteral("bastion.example.com");
        bastion.user = QStringLiteral("jump");
        QVERIFY(m_store->upsert(bastion).ok());
        Group prod;
        prod.path = QStringLiteral("prod");
        prod.user = QStringLiteral("ops");
        prod.port = 2200;
        prod.keepAliveSeconds = 15;
        prod.identityId = QStringLiteral("team");
        prod.jumpHosts = QStringList{QStringLiteral("bastion")};
        prod.colour = QStringLiteral("#c0392b");
        QVERIFY(m_store->upsertGroup(prod).ok());
    }

    void inheritTogglesWriteTheInheritsSet()
    {
        Profile draft;
        draft.group = QStringLiteral("prod/web");
        const QStringList all = Profile::inheritableFields();
        draft.inherits = QSet<QString>(all.cbegin(), all.cend());
        ProfileDialog dialog(m_store.get(), nullptr, draft);
        // Inherited fields show the group's (or the identity's) values, greyed.
        for (const QString &f : all) {
            QVERIFY2(dialog.inheritField(f)->isInherited(), qPrintable(f));
            QVERIFY2(!dialog.field(f)->isEnabled(), qPrintable(f));
        }
        QCOMPARE(fieldAs<QSpinBox>(dialog.field(QStringLiteral("port")))->value(), 2200);
        QCOMPARE(fieldAs<QLineEdit>(dialog.field(QStringLiteral("user")))->text(), QStringLiteral("svc"));
        QCOMPARE(fieldAs<QComboBox>(dialog.field(QStringLiteral("identityId")))->currentData().toString(),
                 QStringLiteral("team"));
        QCOMPARE(fieldAs<QLineEdit>(dialog.field(QStringLiteral("jumpHosts")))->text(), QStringLiteral("bastion"));
        QCOMPARE(fieldAs<QSpinBox>(dialog.field(QStringLiteral("keepAliveSeconds")))->value(), 15);
        // The identity supplies the login: the profile's own key and password rows are hidden.
        QVERIFY(!dialog.field(QStringLiteral("auth"))->isVisibleTo(&dialog));
        QVERIFY(!dialog.field(QStringLiteral("password"))->isVisibleTo(&dialog));
        QVERIFY(!dialog.field(QStringLiteral("password"))->isEnabled());

        // Own values for port and user: the editors start from what was inherited.
        dialog.inheritField(QStringLiteral("port"))->toggle()->setChecked(false);
        QVERIFY(dialog.field(QStringLiteral("port"))->isEnabled());
        QCOMPARE(fieldAs<QSpinBox>(dialog.field(QStringLiteral("port")))->value(), 2200);
        fieldAs<QSpinBox>(dialog.field(QStringLiteral("port")))->setValue(2022);
        dialog.inheritField(QStringLiteral("user"))->toggle()->setChecked(false);
        fieldAs<QLineEdit>(dialog.field(QStringLiteral("user")))->setText(QStringLiteral("bad user"));
        fieldAs<QLineEdit>(dialog.field(QStringLiteral("name")))->setText(QStringLiteral("web-01"));
        fieldAs<QLineEdit>(dialog.field(QStringLiteral("host")))->setText(QStringLiteral("web-01.example.com"));
        const int before = int(m_store->profiles().size());
        dialog.save();
        QVERIFY(dialog.result() != QDialog::Accepted);
        QVERIFY2(dialog.errorText().startsWith(QStringLiteral("User:")), qPrintable(dialog.errorText()));
        QCOMPARE(int(m_store->profiles().size()), before);
        fieldAs<QLineEdit>(dialog.field(QStringLiteral("user")))->setText(QStringLiteral("deploy"));
        dialog.save();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        const auto saved = m_store->find(dialog.savedProfileId());
        QVERIFY(saved);
        QCOMPARE(saved->inherits, set({"identityId", "jumpHosts", "keepAliveSeconds"}));
        QCOMPARE(saved->group, QStringLiteral("prod/web"));
        QVERIFY(saved->identityId.isEmpty());   // an inherited reference is not kept
        QVERIFY(saved->jumpHosts.isEmpty());
        const auto e = m_store->effective(saved->id);
        QVERIFY(e.ok());
        QCOMPARE(e->port, quint16(2022));
        QCOMPARE(e->user, QStringLiteral("deploy"));
        QCOMPARE(e->identityId, QStringLiteral("team"));
        QCOMPARE(e->identityFile, QStringLiteral("/keys/team"));
        QCOMPARE(e->jumpHosts, QStringList{QStringLiteral("bastion")});
        QCOMPARE(e->keepAliveSeconds, 15);

        // Reopened, the toggles say the same; an own "no identity" brings the login rows back.
        ProfileDialog edit(m_store.get(), nullptr, *saved);
        QVERIFY(!edit.inheritField(QStringLiteral("port"))->isInherited());
        QVERIFY(edit.inheritField(QStringLiteral("identityId"))->isInherited());
        edit.inheritField(QStringLiteral("identityId"))->toggle()->setChecked(false);
        auto *identity = fieldAs<QComboBox>(edit.field(QStringLiteral("identityId")));
        identity->setCurrentIndex(identity->findData(QString()));
        QVERIFY(edit.field(QStringLiteral("auth"))->isVisibleTo(&edit));
        QVERIFY(edit.field(QStringLiteral("password"))->isEnabled());
        edit.inheritField(QStringLiteral("keepAliveSeconds"))->toggle()->setChecked(false);
        fieldAs<QSpinBox>(edit.field(QStringLiteral("keepAliveSeconds")))->setValue(0);
        edit.save();
        QCOMPARE(edit.result(), int(QDialog::Accepted));
        const auto again = m_store->find(saved->id);
        QCOMPARE(again->inherits, set({"jumpHosts"}));
        QCOMPARE(m_store->effective(saved->id)->identityId, QString());
        QCOMPARE(m_store->effective(saved->id)->keepAliveSeconds, 0);
        QVERIFY(m_store->remove(saved->id).ok());
    }

    void groupDialogCreatesRenamesAndDeletes()
    {
        Profile member;
        member.name = QStringLiteral("db-01");
        member.host = QStringLiteral("db-01.example.com");
        member.user = QStringLiteral("pg");
        member.group = QStringLiteral("prod/db");
        const auto stored = m_store->upsert(member);
        QVERIFY(stored.ok());

        GroupDialog dialog(m_store.get());
        dialog.selectGroup(QStringLiteral("prod/db"));
        QCOMPARE(dialog.currentGroup(), QStringLiteral("prod/db"));
        // An implied group inherits everything from "prod".
        QVERIFY(dialog.inheritField(QStringLiteral("port"))->isInherited());
        QCOMPARE(fieldAs<QSpinBox>(dialog.field(QStringLiteral("port")))->value(), 2200);
        QCOMPARE(fieldAs<QLineEdit>(dialog.field(QStringLiteral("user")))->text(), QStringLiteral("ops"));

        dialog.inheritField(QStringLiteral("port"))->toggle()->setChecked(false);
        fieldAs<QSpinBox>(dialog.field(QStringLiteral("port")))->setValue(5432);
        fieldAs<QLineEdit>(dialog.field(QStringLiteral("colour")))->setText(QStringLiteral("red"));
        QVERIFY(dialog.isModified());
        QVERIFY(!dialog.save());
        QVERIFY2(dialog.errorText().startsWith(QStringLiteral("Colour:")), qPrintable(dialog.errorText()));
        QVERIFY(dialog.errorText().contains(QStringLiteral("#rrggbb")));
        QVERIFY(!m_store->group(QStringLiteral("prod/db")).has_value());   // nothing saved

        // Rename and new settings in one save; the server moves along.
        fieldAs<QLineEdit>(dialog.field(QStringLiteral("colour")))->setText(QStringLiteral("#2980b9"));
        fieldAs<QLineEdit>(dialog.field(QStringLiteral("path")))->setText(QStringLiteral("prod / databases"));
        QVERIFY2(dialog.save(), qPrintable(dialog.errorText()));
        QVERIFY(!dialog.isModified());
        QCOMPARE(dialog.currentGroup(), QStringLiteral("prod/databases"));
        const auto g = m_store->group(QStringLiteral("prod/databases"));
        QVERIFY(g);
        QCOMPARE(g->port, std::optional<quint16>(5432));
        QCOMPARE(g->colour, QStringLiteral("#2980b9"));
        QVERIFY(!g->user.has_value());
        QCOMPARE(m_store->find(stored->id)->group, QStringLiteral("prod/databases"));
        QCOMPARE(m_store->effective(stored->id)->port, quint16(22));   // db-01 sets its own port

        // A new subgroup, then a path that already exists is refused by name.
        dialog.startNewGroup(QStringLiteral("prod"));
        QCOMPARE(fieldAs<QLineEdit>(dialog.field(QStringLiteral("path")))->text(), QStringLiteral("prod/"));
        fieldAs<QLineEdit>(dialog.field(QStringLiteral("path")))->setText(QStringLiteral("prod/databases"));
        QVERIFY(!dialog.save());
        QVERIFY2(dialog.errorText().startsWith(QStringLiteral("Path:")), qPrintable(dialog.errorText()));
        fieldAs<QLineEdit>(dialog.field(QStringLiteral("path")))->setText(QStringLiteral("prod/databases/replicas"));
        QVERIFY(dialog.save());
        QVERIFY(m_store->group(QStringLiteral("prod/databases/replicas")).has_value());

        // Deleting a non-empty group asks; cancelled, nothing changes.
        dialog.selectGroup(QStringLiteral("prod/databases"));
        const int profiles = int(m_store->profiles().size());
        answerNextMessageBox({}, QMessageBox::Cancel);
        dialog.deleteCurrent();
        QVERIFY(m_store->group(QStringLiteral("prod/databases")).has_value());
        // Confirmed, the server and the subgroup move up to "prod"; no profile is lost.
        answerNextMessageBox(QStringLiteral("confirmDeleteGroupButton"), QMessageBox::NoButton,
                             QStringLiteral(QWQ_BINARY_DIR "/profiles-delete-group-en.png"));
        dialog.deleteCurrent();
        QVERIFY(!m_store->group(QStringLiteral("prod/databases")).has_value());
        QCOMPARE(int(m_store->profiles().size()), profiles);
        QCOMPARE(m_store->find(stored->id)->group, QStringLiteral("prod"));
        QVERIFY(m_store->group(QStringLiteral("prod/replicas")).has_value());
        QCOMPARE(dialog.currentGroup(), QStringLiteral("prod"));
        QVERIFY(m_store->removeGroup(QStringLiteral("prod/replicas")).ok());
        QVERIFY(m_store->remove(stored->id).ok());
    }

    void identityRemovalClearsReferences()
    {
        Identity old{QStringLiteral("old"), QStringLiteral("Old key"), {}, QStringLiteral("/keys/old"), AuthMethod::Key};
        QVERIFY(m_store->upsertIdentity(old).ok());
        Group legacy;
        legacy.path = QStringLiteral("legacy");
        legacy.identityId = QStringLiteral("old");
        QVERIFY(m_store->upsertGroup(legacy).ok());
        Profile direct;
        direct.name = QStringLiteral("direct");
        direct.host = QStringLiteral("direct.example.com");
        direct.user = QStringLiteral("me");
        direct.identityId = QStringLiteral("old");
        Profile viaGroup = direct;
        viaGroup.name = QStringLiteral("via-group");
        viaGroup.identityId.clear();
        viaGroup.group = QStringLiteral("legacy");
        viaGroup.inherits = {QStringLiteral("identityId")};
        const auto saved = m_store->upsertMany({direct, viaGroup});
        QVERIFY(saved.ok());

        IdentitiesDialog dialog(m_store.get(), nullptr);
        dialog.selectIdentity(QStringLiteral("old"));
        QCOMPARE(dialog.currentIdentity(), QStringLiteral("old"));
        QCOMPARE(dialog.list()->currentItem()->text(3), QStringLiteral("2"));   // both servers
        QCOMPARE(IdentitiesDialog::groupsUsing(m_store.get(), QStringLiteral("old")), QStringList{QStringLiteral("legacy")});

        answerNextMessageBox({}, QMessageBox::Cancel);
        QVERIFY(!dialog.removeCurrent());
        QVERIFY(m_store->identity(QStringLiteral("old")).has_value());
        answerNextMessageBox(QStringLiteral("confirmRemoveIdentityButton"), QMessageBox::NoButton,
                             QStringLiteral(QWQ_BINARY_DIR "/profiles-remove-identity-en.png"));
        QVERIFY(dialog.removeCurrent());
        QVERIFY(!m_store->identity(QStringLiteral("old")).has_value());
        QVERIFY(m_store->find(saved->at(0).id)->identityId.isEmpty());
        QCOMPARE(m_store->group(QStringLiteral("legacy"))->identityId, std::optional<QString>(QString()));
        QVERIFY(m_store->effective(saved->at(1).id)->identityId.isEmpty());
        QCOMPARE(dialog.list()->topLevelItemCount(), int(m_store->identities().size()));

        // Adding one: a bad field is named, nothing is stored until it is right.
        IdentityDialog add(m_store.get(), nullptr, {});
        fieldAs<QComboBox>(add.field(QStringLiteral("auth")))->setCurrentIndex(2);   // key file
        add.save();
        QVERIFY2(add.errorText().startsWith(QStringLiteral("Name:")), qPrintable(add.errorText()));
        fieldAs<QLineEdit>(add.field(QStringLiteral("name")))->setText(QStringLiteral("Deploy"));
        add.save();
        QVERIFY2(add.errorText().startsWith(QStringLiteral("Key file:")), qPrintable(add.errorText()));
        QCOMPARE(m_store->identities().size(), 1);
        fieldAs<QLineEdit>(add.field(QStringLiteral("identityFile")))->setText(QStringLiteral("/keys/deploy"));
        add.save();
        QCOMPARE(add.result(), int(QDialog::Accepted));
        QCOMPARE(m_store->identity(add.savedIdentityId())->identityFile, QStringLiteral("/keys/deploy"));
        QVERIFY(m_store->removeIdentity(add.savedIdentityId()).ok());
        for (const auto &p : *saved)
            QVERIFY(m_store->remove(p.id).ok());
        QVERIFY(m_store->removeGroup(QStringLiteral("legacy")).ok());
    }

    void sidebarSortsAndDuplicates()
    {
        AuditLog audit(Paths::auditDatabase());
        QVERIFY(audit.open().ok());
        SecretStore secrets(QStringLiteral("qwq-gui-test"));
        Workbench::ServerRegistry registry(m_store.get(), &secrets, &audit);
        App::ModuleList modules;
        App::MainWindow window(&registry, modules.modules());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QStringList ids;
        for (const auto &[name, host] : {std::pair{"alpha", "10.0.0.30"}, std::pair{"bravo", "10.0.0.4"},
                                         std::pair{"charlie", "10.0.0.100"}}) {
            Profile p;
            p.name = QString::fromLatin1(name);
            p.host = QString::fromLatin1(host);
            p.user = QStringLiteral("me");
            const auto saved = m_store->upsert(p);
            QVERIFY(saved.ok());
            ids << saved->id;
        }
        QVERIFY(m_store->touch(ids.at(2)).ok());   // charlie, then alpha; bravo never
        QTest::qWait(5);
        QVERIFY(m_store->touch(ids.at(0)).ok());

        auto *view = window.findChild<QTreeView *>(QStringLiteral("serverList"));
        QVERIFY(view);
        auto topLevelServers = [view] {
            QStringList names;
            for (int r = 0; r < view->model()->rowCount(); ++r) {
                const QModelIndex idx = view->model()->index(r, 0);
                if (!idx.data(Workbench::ServerListModel::IsGroupRole).toBool()
                    && idx.data(Workbench::ServerListModel::ProfileIdRole).toString() != Profile::localId())
                    names << idx.data().toString();
            }
            return names;
        };
        auto trigger = [&window](const char *name) {
            auto *a = window.findChild<QAction *>(QString::fromLatin1(name));
            QVERIFY2(a, name);
            a->trigger();
        };
        auto firstRowIsLocal = [view] {
            return view->model()->index(0, 0).data(Workbench::ServerListModel::ProfileIdRole).toString()
                   == Profile::localId();
        };
        trigger("sortByLastUsed");
        // Most recent first; never used last, by name.
        QCOMPARE(topLevelServers(), (QStringList{QStringLiteral("alpha"), QStringLiteral("charlie"),
                                                 QStringLiteral("bastion"), QStringLiteral("bravo")}));
        QVERIFY(firstRowIsLocal());
        // A connect moves a server up while the order is "last used".
        QVERIFY(m_store->touch(ids.at(1)).ok());
        QCOMPARE(topLevelServers().first(), QStringLiteral("bravo"));
        trigger("sortByHost");
        QCOMPARE(topLevelServers(), (QStringList{QStringLiteral("bravo"), QStringLiteral("alpha"),
                                                 QStringLiteral("charlie"), QStringLiteral("bastion")}));
        trigger("sortByName");
        QCOMPARE(topLevelServers(), (QStringList{QStringLiteral("alpha"), QStringLiteral("bastion"),
                                                 QStringLiteral("bravo"), QStringLiteral("charlie")}));
        QVERIFY(firstRowIsLocal());
        // Groups stay ahead of the servers on their level.
        QVERIFY(view->model()->index(1, 0).data(Workbench::ServerListModel::IsGroupRole).toBool());

        // A server that inherits user and port shows the group's, as a connection would use.
        Profile member;
        member.name = QStringLiteral("db-01");
        member.host = QStringLiteral("db-01.example.com");
        member.group = QStringLiteral("prod");
        member.inherits = set({"user", "port"});
        const auto savedMember = m_store->upsert(member);
        QVERIFY(savedMember.ok());
        Workbench::ServerListModel sidebar(&registry);
        QModelIndex memberIndex;
        for (int g = 0; g < sidebar.rowCount(); ++g) {
            const QModelIndex group = sidebar.index(g, 0);
            for (int r = 0; r < sidebar.rowCount(group); ++r)
                if (sidebar.index(r, 0, group).data(Workbench::ServerListModel::ProfileIdRole) == savedMember->id)
                    memberIndex = sidebar.index(r, 0, group);
        }
        QVERIFY(memberIndex.isValid());
        QCOMPARE(memberIndex.data(Workbench::ServerListModel::AddressRole).toString(),
                 QStringLiteral("ops@db-01.example.com:2200"));
        QVERIFY(m_store->remove(savedMember->id).ok());

        window.selectServer(ids.at(0));
        trigger("duplicateServer");
        const auto copy = m_store->find(QStringLiteral("alpha (copy)"));
        QVERIFY(copy);
        QCOMPARE(window.currentServerId(), copy->id);
        QVERIFY(m_store->remove(copy->id).ok());
        window.grab().save(QStringLiteral(QWQ_BINARY_DIR "/profiles-sidebar-en.png"));
        window.close();
    }

    void dialogsRenderInBothLanguages()
    {
        Profile web;
        web.name = QStringLiteral("web-01");
        web.host = QStringLiteral("web-01.example.com");
        web.group = QStringLiteral("prod/web");
        web.inherits = {QStringLiteral("port"), QStringLiteral("identityId"), QStringLiteral("jumpHosts"),
                        QStringLiteral("keepAliveSeconds")};
        web.user = QStringLiteral("deploy");
        const auto saved = m_store->upsert(web);
        QVERIFY(saved.ok());
        for (const QString &lang : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            App::applyLanguage(lang);
            ProfileDialog profile(m_store.get(), nullptr, *saved);
            profile.adjustSize();
            profile.grab().save(QStringLiteral(QWQ_BINARY_DIR "/profiles-profile-%1.png").arg(lang));
            GroupDialog groups(m_store.get());
            groups.selectGroup(QStringLiteral("prod"));
            groups.grab().save(QStringLiteral(QWQ_BINARY_DIR "/profiles-groups-%1.png").arg(lang));
            IdentitiesDialog identities(m_store.get(), nullptr);
            identities.grab().save(QStringLiteral(QWQ_BINARY_DIR "/profiles-identities-%1.png").arg(lang));
            IdentityDialog identity(m_store.get(), nullptr, *m_store->identity(QStringLiteral("team")));
            identity.adjustSize();
            identity.grab().save(QStringLiteral(QWQ_BINARY_DIR "/profiles-identity-%1.png").arg(lang));
        }
        App::applyLanguage(QStringLiteral("en"));
        QVERIFY(m_store->remove(saved->id).ok());
    }

private:
    QTemporaryDir m_home;
    std::unique_ptr<ProfileStore> m_store;
};

QTEST_MAIN(tst_ProfilesUi)
#include "tst_profilesui.moc"
