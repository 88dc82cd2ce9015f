// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <profiles/core/profile.h>

#include <QDialog>
#include <QHash>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QToolButton;

namespace Qwq::Profiles {

class InheritField;
class ProfileStore;
class SecretStore;

/// Adds or edits a server profile. Every field is validated before anything is saved; the
/// failing field is marked and named. Passwords go to the keychain, never to the profile.
/// User, port, identity, jump hosts and keep-alive each have an "Inherit" box: ticked, the
/// field shows (greyed) what the group gives and its name goes into Profile::inherits. When
/// an identity applies, the profile's own login rows are hidden: the identity supplies them.
class ProfileDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileDialog)
public:
    ProfileDialog(ProfileStore *store, SecretStore *secrets, const Profile &profile,
                  QWidget *parent = nullptr);
    QString savedProfileId() const { return m_savedId; }

    /// For tests: fill fields by name ("name", "host", "port", "user", …).
    QWidget *field(const QString &name) const { return m_fields.value(name); }
    /// For tests: the inherit toggle of "user", "port", "identityId", "jumpHosts" or
    /// "keepAliveSeconds".
    InheritField *inheritField(const QString &name) const { return m_inheritFields.value(name); }
    QString errorText() const;

public slots:
    void save();

private:
    Profile collect() const;
    void showError(const Error &e);
    void finishSecrets(const Profile &saved);
    void refreshInherited();
    void updateCredentialRows();
    void updateEnabled();

    ProfileStore *m_store;
    SecretStore *m_secrets;
    Profile m_profile;
    QString m_savedId;
    bool m_isNew = true;
    bool m_hadIdentity = false;   // stored, and logging in with an identity
    bool m_identityApplies = false;
    QHash<QString, QWidget *> m_fields;
    QHash<QString, InheritField *> m_inheritFields;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_name;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_user;
    QComboBox *m_auth;
    QComboBox *m_identity;
    QLabel *m_identityNote;
    QLineEdit *m_keyFile;
    QWidget *m_keyRow;
    QToolButton *m_browse;
    QLineEdit *m_password;
    QLineEdit *m_passphrase;
    QComboBox *m_elevation;
    QLineEdit *m_sudoPassword;
    QComboBox *m_mode;
    QLineEdit *m_group;
    QLineEdit *m_tags;
    QLineEdit *m_colour;
    QLineEdit *m_jumps;
    QSpinBox *m_keepAlive;
    QPlainTextEdit *m_notes;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace Qwq::Profiles
