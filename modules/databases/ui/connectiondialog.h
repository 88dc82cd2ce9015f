// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <databases/core/dbtypes.h>

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Qwq::Databases {

/// A saved connection of one server: engine, host and port as the server sees them, user,
/// password (kept in the keychain when "Remember" is ticked), database, whether to go through
/// the server's SSH session, and the safe mode. A bad field is named and focused.
class ConnectionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionDialog)

public:
    ConnectionDialog(const ConnectionSpec &spec, const QString &serverName, bool localServer,
                     QWidget *parent = nullptr);

    ConnectionSpec spec() const;
    QString password() const;
    bool rememberPassword() const;
    void setPassword(const QString &password);

    QLineEdit *nameField() const { return m_name; }
    QComboBox *engineField() const { return m_engine; }
    QLineEdit *hostField() const { return m_host; }
    QSpinBox *portField() const { return m_port; }
    QLineEdit *userField() const { return m_user; }
    QLineEdit *passwordField() const { return m_password; }
    QLineEdit *databaseField() const { return m_database; }
    QComboBox *safeModeField() const { return m_safeMode; }
    QLabel *errorLabel() const { return m_error; }

    void accept() override;

private:
    void onEngineChanged();

    ConnectionSpec m_base;
    QLineEdit *m_name;
    QComboBox *m_engine;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLineEdit *m_database;
    QCheckBox *m_viaSsh;
    QComboBox *m_safeMode;
    QLabel *m_error;
};

} // namespace Qwq::Databases
