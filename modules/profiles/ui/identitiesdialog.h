// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QPushButton;
class QTreeWidget;

namespace Qwq::Profiles {

class ProfileStore;
class SecretStore;

/// Lists the reusable identities with how many servers use each (directly or through their
/// group), and adds, edits (IdentityDialog) and removes them. Removing one that is in use
/// asks first, then clears every reference in the same store write and drops its secrets
/// from the keychain.
class IdentitiesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IdentitiesDialog)
public:
    IdentitiesDialog(ProfileStore *store, SecretStore *secrets, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    QString currentIdentity() const;
    void selectIdentity(const QString &id);

    void addIdentity();
    void editCurrent();
    /// Asks, then removes the current identity. False when cancelled or refused.
    bool removeCurrent();

    /// Names of the servers that log in with identity `id` (own choice or inherited).
    static QStringList serversUsing(const ProfileStore *store, const QString &id);
    /// Paths of the groups that set identity `id` for their servers.
    static QStringList groupsUsing(const ProfileStore *store, const QString &id);

private:
    void rebuild();
    void updateButtons();

    ProfileStore *m_store;
    SecretStore *m_secrets;
    QTreeWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_remove;
};

} // namespace Qwq::Profiles
