// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "identitiesdialog.h"

#include "identitydialog.h"

#include <profiles/core/profilestore.h>
#include <profiles/core/profilestr.h>
#include <profiles/core/secretstore.h>

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Qwq::Profiles {

namespace {
enum Column { NameColumn, UserColumn, LoginColumn, ServersColumn };

QString loginText(const Identity &i)
{
    switch (i.auth) {
    case AuthMethod::Agent: return Tr::tr("SSH agent");
    case AuthMethod::Password: return Tr::tr("Password");
    case AuthMethod::Key: return Tr::tr("Key %1").arg(i.identityFile);
    case AuthMethod::Auto: break;
    }
    return i.identityFile.isEmpty() ? Tr::tr("Automatic")
                                    : Tr::tr("Automatic, key %1").arg(i.identityFile);
}
} // namespace

IdentitiesDialog::IdentitiesDialog(ProfileStore *store, SecretStore *secrets, QWidget *parent)
    : QDialog(parent), m_store(store), m_secrets(secrets)
{
    setObjectName(QStringLiteral("identitiesDialog"));
    setWindowTitle(Tr::tr("Identities"));
    auto *intro = new QLabel(Tr::tr("An identity is a login (user, key, password) that many "
                                    "servers and groups can share. Change it here once and every "
                                    "server that uses it follows."));
    intro->setWordWrap(true);
    m_list = new QTreeWidget;
    m_list->setObjectName(QStringLiteral("identityList"));
    m_list->setRootIsDecorated(false);
    m_list->setColumnCount(4);
    m_list->setHeaderLabels({Tr::tr("Name"), Tr::tr("User"), Tr::tr("Login"), Tr::tr("Servers")});
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(LoginColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(ServersColumn, QHeaderView::ResizeToContents);
    m_list->setColumnWidth(NameColumn, 160);
    m_list->setColumnWidth(UserColumn, 90);
    m_add = new QPushButton(Tr::tr("Add…"));
    m_add->setObjectName(QStringLiteral("addIdentityButton"));
    m_edit = new QPushButton(Tr::tr("Edit…"));
    m_edit->setObjectName(QStringLiteral("editIdentityButton"));
    m_remove = new QPushButton(Tr::tr("Remove…"));
    m_remove->setObjectName(QStringLiteral("removeIdentityButton"));
    connect(m_add, &QPushButton::clicked, this, &IdentitiesDialog::addIdentity);
    connect(m_edit, &QPushButton::clicked, this, &IdentitiesDialog::editCurrent);
    connect(m_remove, &QPushButton::clicked, this, &IdentitiesDialog::removeCurrent);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &IdentitiesDialog::editCurrent);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &IdentitiesDialog::updateButtons);
    connect(store, &ProfileStore::profilesChanged, this, &IdentitiesDialog::rebuild);

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(buttons);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(row, 1);
    layout->addWidget(close);
    resize(760, 380);
    rebuild();
}

QStringList IdentitiesDialog::serversUsing(const ProfileStore *store, const QString &id)
{
    QStringList names;
    for (const Profile &p : store->profiles()) {
        if (p.isLocal())
            continue;
        const auto e = store->effective(p.id);
        const QString used = e ? e->identityId
                               : (p.isInherited(QStringLiteral("identityId")) ? QString() : p.identityId);
        if (used == id)
            names << p.name;
    }
    return names;
}

QStringList IdentitiesDialog::groupsUsing(const ProfileStore *store, const QString &id)
{
    QStringList paths;
    for (const Group &g : store->groups()) {
        if (g.identityId == id)
            paths << g.path;
    }
    return paths;
}

QString IdentitiesDialog::currentIdentity() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(NameColumn, Qt::UserRole).toString() : QString();
}

void IdentitiesDialog::selectIdentity(const QString &id)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (m_list->topLevelItem(i)->data(NameColumn, Qt::UserRole).toString() == id)
            m_list->setCurrentItem(m_list->topLevelItem(i));
    }
}

void IdentitiesDialog::rebuild()
{
    const QString keep = currentIdentity();
    m_list->clear();
    QList<Identity> all = m_store->identities();
    std::sort(all.begin(), all.end(), [](const Identity &a, const Identity &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    for (const Identity &i : std::as_const(all)) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(NameColumn, i.name);
        item->setData(NameColumn, Qt::UserRole, i.id);
        item->setText(UserColumn, i.user.isEmpty() ? QStringLiteral("—") : i.user);
        if (i.user.isEmpty())
            item->setToolTip(UserColumn, Tr::tr("Each server keeps its own user"));
        item->setText(LoginColumn, loginText(i));
        item->setToolTip(LoginColumn, loginText(i));
        const QStringList servers = serversUsing(m_store, i.id);
        const QStringList groups = groupsUsing(m_store, i.id);
        item->setText(ServersColumn, QString::number(servers.size()));
        item->setTextAlignment(ServersColumn, Qt::AlignRight | Qt::AlignVCenter);
        QStringList tip;
        if (!servers.isEmpty())
            tip << Tr::tr("Servers: %1").arg(servers.join(QStringLiteral(", ")));
        if (!groups.isEmpty())
            tip << Tr::tr("Groups: %1").arg(groups.join(QStringLiteral(", ")));
        item->setToolTip(ServersColumn, tip.isEmpty() ? Tr::tr("Not used") : tip.join(QLatin1Char('\n')));
    }
    if (!keep.isEmpty())
        selectIdentity(keep);
    if (!m_list->currentItem() && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    updateButtons();
}

void IdentitiesDialog::updateButtons()
{
    const bool any = !currentIdentity().isEmpty();
    m_edit->setEnabled(any);
    m_remove->setEnabled(any);
}

void IdentitiesDialog::addIdentity()
{
    Identity fresh;
    fresh.user = qEnvironmentVariable("USER");
    IdentityDialog dialog(m_store, m_secrets, fresh, this);
    if (dialog.exec() == QDialog::Accepted)
        selectIdentity(dialog.savedIdentityId());
}

void IdentitiesDialog::editCurrent()
{
    const auto identity = m_store->identity(currentIdentity());
    if (!identity)
        return;
    IdentityDialog dialog(m_store, m_secrets, *identity, this);
    dialog.exec();
}

bool IdentitiesDialog::removeCurrent()
{
    const auto identity = m_store->identity(currentIdentity());
    if (!identity)
        return false;
    const QStringList servers = serversUsing(m_store, identity->id);
    const QStringList groups = groupsUsing(m_store, identity->id);
    QMessageBox box(QMessageBox::Question, Tr::tr("Remove Identity"), QString(), QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("removeIdentityQuestion"));
    box.setTextFormat(Qt::PlainText);
    QPushButton *accept;
    if (servers.isEmpty() && groups.isEmpty()) {
        box.setText(Tr::tr("Remove the identity “%1”? Its stored password and passphrase are "
                           "removed from the keychain too.").arg(identity->name));
        accept = box.addButton(Tr::tr("Remove"), QMessageBox::AcceptRole);
    } else {
        QStringList users;
        if (!servers.isEmpty())
            users << Tr::tr("Servers: %1").arg(servers.join(QStringLiteral(", ")));
        if (!groups.isEmpty())
            users << Tr::tr("Groups: %1").arg(groups.join(QStringLiteral(", ")));
        box.setText(Tr::tr("The identity “%1” is in use.").arg(identity->name));
        box.setInformativeText(users.join(QLatin1Char('\n')) + QStringLiteral("\n\n")
                               + Tr::tr("If you remove it, these servers log in with their own "
                                        "settings (user, key file, password) again. Its stored "
                                        "password and passphrase are removed from the keychain."));
        accept = box.addButton(Tr::tr("Remove and Clear Its Uses"), QMessageBox::AcceptRole);
    }
    accept->setObjectName(QStringLiteral("confirmRemoveIdentityButton"));
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != accept)
        return false;
    if (auto r = m_store->removeIdentity(identity->id, true); !r) {
        QMessageBox::warning(this, Tr::tr("Remove Identity"), r.error().message);
        return false;
    }
    if (m_secrets) {   // fire and forget: a keychain that is down must not keep the dialog
        m_secrets->remove(SecretStore::identityPasswordKey(identity->id));
        m_secrets->remove(SecretStore::identityPassphraseKey(identity->id));
    }
    return true;
}

} // namespace Qwq::Profiles
