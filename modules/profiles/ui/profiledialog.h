// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <profiles/core/profile.h>

#include <QDialog>
#include <QHash>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace Qwq::Profiles {

class ProfileStore;
class SecretStore;

/// Adds or edits a server profile. Every field is validated before anything is saved; the
/// failing field is marked and named. Passwords go to the keychain, never to the profile.
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
    QString errorText() const;

public slots:
    void save();

private:
    Profile collect() const;
    void showError(const Error &e);
    void finishSecrets(const Profile &saved);

    ProfileStore *m_store;
    SecretStore *m_secrets;
    Profile m_profile;
    QString m_savedId;
    QHash<QString, QWidget *> m_fields;
    QLineEdit *m_name;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_user;
    QComboBox *m_auth;
    QLineEdit *m_keyFile;
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
