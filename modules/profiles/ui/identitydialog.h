// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <profiles/core/group.h>

#include <QDialog>
#include <QHash>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QToolButton;

namespace Qwq::Profiles {

class ProfileStore;
class SecretStore;

/// Adds or edits one reusable identity: a name, an optional user, how to log in and a key
/// file. The key passphrase and the password go to the keychain under
/// SecretStore::identityPassphraseKey()/identityPasswordKey(), never to the profiles file.
/// Every field is checked before anything is saved; the failing field is marked and named.
class IdentityDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IdentityDialog)
public:
    IdentityDialog(ProfileStore *store, SecretStore *secrets, const Identity &identity,
                   QWidget *parent = nullptr);
    QString savedIdentityId() const { return m_savedId; }

    /// For tests: "name", "user", "auth", "identityFile", "passphrase", "password".
    QWidget *field(const QString &name) const;
    QString errorText() const;

public slots:
    void save();

private:
    Identity collect() const;
    void showError(const Error &e);
    void updateEnabled();
    void finishSecrets(const Identity &saved);

    ProfileStore *m_store;
    SecretStore *m_secrets;
    Identity m_identity;
    QString m_savedId;
    QHash<QString, QWidget *> m_fields;
    QFormLayout *m_form;
    QLineEdit *m_name;
    QLineEdit *m_user;
    QComboBox *m_auth;
    QLineEdit *m_keyFile;
    QToolButton *m_browse;
    QLineEdit *m_passphrase;
    QLineEdit *m_password;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace Qwq::Profiles
