// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <databases/core/adminsql.h>

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTabWidget;

namespace Qwq::Databases {

/// Administration of one server through forms: create or drop a database; create or drop a
/// user, change a password; grant or revoke privileges. The statements are shown as they will
/// run (passwords masked) and run through the SQL tab, so the connection's safe mode applies
/// and a drop is always asked. A bad field is named.
class AdminDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdminDialog)

public:
    AdminDialog(Dialect dialect, const QStringList &databases, const QStringList &schemas, QWidget *parent = nullptr);

    /// The statements of the current page, or the error naming the bad field.
    Result<AdminStatements> statements() const;

    QTabWidget *pages() const { return m_pages; }
    QComboBox *databaseAction() const { return m_dbAction; }
    QLineEdit *databaseName() const { return m_dbName; }
    QComboBox *userAction() const { return m_userAction; }
    QLineEdit *userName() const { return m_userName; }
    QLineEdit *userHost() const { return m_userHost; }
    QLineEdit *userPassword() const { return m_userPassword; }
    QPlainTextEdit *preview() const { return m_preview; }
    QLabel *errorLabel() const { return m_error; }

    void accept() override;

signals:
    void runRequested(const Qwq::Databases::AdminStatements &statements);

private:
    void updatePreview();

    Dialect m_dialect;
    QTabWidget *m_pages;
    QComboBox *m_dbAction;
    QLineEdit *m_dbName;
    QLineEdit *m_dbOwner;
    QComboBox *m_userAction;
    QLineEdit *m_userName;
    QLineEdit *m_userHost;
    QLineEdit *m_userPassword;
    QComboBox *m_grantAction;
    QComboBox *m_grantKind;
    QComboBox *m_grantDatabase;
    QComboBox *m_grantSchema;
    QLineEdit *m_grantTable;
    QLineEdit *m_grantUser;
    QLineEdit *m_grantHost;
    QList<QCheckBox *> m_privileges;
    QWidget *m_privilegeBox;
    QPlainTextEdit *m_preview;
    QLabel *m_error;
};

} // namespace Qwq::Databases
