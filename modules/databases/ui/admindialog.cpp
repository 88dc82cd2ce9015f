// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "admindialog.h"

#include <databases/core/databasestr.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Qwq::Databases {

AdminDialog::AdminDialog(Dialect dialect, const QStringList &databases, const QStringList &schemas, QWidget *parent)
    : QDialog(parent), m_dialect(dialect), m_pages(new QTabWidget(this)), m_dbAction(new QComboBox(this)),
      m_dbName(new QLineEdit(this)), m_dbOwner(new QLineEdit(this)), m_userAction(new QComboBox(this)),
      m_userName(new QLineEdit(this)), m_userHost(new QLineEdit(QStringLiteral("%"), this)),
      m_userPassword(new QLineEdit(this)), m_grantAction(new QComboBox(this)), m_grantKind(new QComboBox(this)),
      m_grantDatabase(new QComboBox(this)), m_grantSchema(new QComboBox(this)), m_grantTable(new QLineEdit(this)),
      m_grantUser(new QLineEdit(this)), m_grantHost(new QLineEdit(QStringLiteral("%"), this)),
      m_privilegeBox(new QWidget(this)), m_preview(new QPlainTextEdit(this)), m_error(new QLabel(this))
{
    setWindowTitle(Tr::tr("Administration"));
    const bool my = dialect == Dialect::MariaDb;

    auto *db = new QWidget(m_pages);
    auto *dbForm = new QFormLayout(db);
    m_dbAction->addItem(Tr::tr("Create a database"), QStringLiteral("create"));
    m_dbAction->addItem(Tr::tr("Drop a database"), QStringLiteral("drop"));
    dbForm->addRow(Tr::tr("Action:"), m_dbAction);
    dbForm->addRow(Tr::tr("Database:"), m_dbName);
    if (!my)
        dbForm->addRow(Tr::tr("Owner (optional):"), m_dbOwner);
    else
        m_dbOwner->hide();
    m_pages->addTab(db, Tr::tr("Database"));

    auto *user = new QWidget(m_pages);
    auto *userForm = new QFormLayout(user);
    m_userAction->addItem(Tr::tr("Create a user"), QStringLiteral("create"));
    m_userAction->addItem(Tr::tr("Change a password"), QStringLiteral("password"));
    m_userAction->addItem(Tr::tr("Drop a user"), QStringLiteral("drop"));
    m_userPassword->setEchoMode(QLineEdit::Password);
    userForm->addRow(Tr::tr("Action:"), m_userAction);
    userForm->addRow(Tr::tr("User:"), m_userName);
    if (my)
        userForm->addRow(Tr::tr("From host:"), m_userHost);
    else
        m_userHost->hide();
    userForm->addRow(Tr::tr("Password:"), m_userPassword);
    m_pages->addTab(user, Tr::tr("User"));

    auto *grant = new QWidget(m_pages);
    auto *grantForm = new QFormLayout(grant);
    m_grantAction->addItem(Tr::tr("Grant"), QStringLiteral("grant"));
    m_grantAction->addItem(Tr::tr("Revoke"), QStringLiteral("revoke"));
    if (!my)
        m_grantKind->addItem(Tr::tr("The database itself"), int(GrantTarget::Kind::Database));
    m_grantKind->addItem(my ? Tr::tr("Every table of a database") : Tr::tr("Every table of a schema"),
                         int(GrantTarget::Kind::AllTables));
    m_grantKind->addItem(Tr::tr("One table"), int(GrantTarget::Kind::Table));
    m_grantDatabase->setEditable(true);
    m_grantDatabase->addItems(databases);
    m_grantSchema->setEditable(true);
    m_grantSchema->addItems(schemas);
    grantForm->addRow(Tr::tr("Action:"), m_grantAction);
    grantForm->addRow(Tr::tr("On:"), m_grantKind);
    grantForm->addRow(Tr::tr("Database:"), m_grantDatabase);
    if (!my)
        grantForm->addRow(Tr::tr("Schema:"), m_grantSchema);
    else
        m_grantSchema->hide();
    grantForm->addRow(Tr::tr("Table:"), m_grantTable);
    grantForm->addRow(Tr::tr("User:"), m_grantUser);
    if (my)
        grantForm->addRow(Tr::tr("From host:"), m_grantHost);
    else
        m_grantHost->hide();
    grantForm->addRow(Tr::tr("Privileges:"), m_privilegeBox);
    new QGridLayout(m_privilegeBox);
    m_pages->addTab(grant, Tr::tr("Privileges"));

    m_preview->setReadOnly(true);
    m_preview->setObjectName(QStringLiteral("adminPreview"));
    m_preview->setMaximumHeight(110);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("fieldError"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *run = buttons->addButton(Tr::tr("Run"), QDialogButtonBox::AcceptRole);
    run->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &AdminDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    layout->addWidget(new QLabel(Tr::tr("Will run:"), this));
    layout->addWidget(m_preview);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    const auto rebuildPrivileges = [this] {
        auto *grid = static_cast<QGridLayout *>(m_privilegeBox->layout());
        qDeleteAll(m_privileges);
        m_privileges.clear();
        const auto kind = GrantTarget::Kind(m_grantKind->currentData().toInt());
        const QStringList list = grantablePrivileges(kind, m_dialect);
        for (int i = 0; i < list.size(); ++i) {
            auto *box = new QCheckBox(list.at(i), m_privilegeBox);
            box->setChecked(list.at(i) == QLatin1String("SELECT") || list.at(i) == QLatin1String("CONNECT"));
            connect(box, &QCheckBox::toggled, this, &AdminDialog::updatePreview);
            grid->addWidget(box, i / 3, i % 3);
            m_privileges.append(box);
        }
        m_grantTable->setEnabled(kind == GrantTarget::Kind::Table);
        updatePreview();
    };
    connect(m_grantKind, &QComboBox::currentIndexChanged, this, rebuildPrivileges);
    rebuildPrivileges();
    for (QLineEdit *e : {m_dbName, m_dbOwner, m_userName, m_userHost, m_userPassword, m_grantTable, m_grantUser, m_grantHost})
        connect(e, &QLineEdit::textChanged, this, &AdminDialog::updatePreview);
    for (QComboBox *c : {m_dbAction, m_userAction, m_grantAction, m_grantDatabase, m_grantSchema})
        connect(c, &QComboBox::currentTextChanged, this, &AdminDialog::updatePreview);
    connect(m_pages, &QTabWidget::currentChanged, this, &AdminDialog::updatePreview);
    resize(560, 520);
    updatePreview();
}

Result<AdminStatements> AdminDialog::statements() const
{
    switch (m_pages->currentIndex()) {
    case 0:
        if (m_dbAction->currentData().toString() == QLatin1String("drop"))
            return dropDatabaseSql(m_dbName->text().trimmed(), m_dialect);
        return createDatabaseSql(m_dbName->text().trimmed(), m_dbOwner->text().trimmed(), m_dialect);
    case 1: {
        AdminUser u;
        u.name = m_userName->text().trimmed();
        u.host = m_userHost->text().trimmed();
        u.password = m_userPassword->text();
        const QString action = m_userAction->currentData().toString();
        if (action == QLatin1String("drop"))
            return dropUserSql(u, m_dialect);
        if (action == QLatin1String("password"))
            return changePasswordSql(u, m_dialect);
        return createUserSql(u, m_dialect);
    }
    default: {
        QStringList privileges;
        for (const QCheckBox *b : m_privileges) {
            if (b->isChecked())
                privileges.append(b->text().remove(QLatin1Char('&')));
        }
        GrantTarget t;
        t.kind = GrantTarget::Kind(m_grantKind->currentData().toInt());
        t.database = m_grantDatabase->currentText().trimmed();
        t.schema = m_grantSchema->currentText().trimmed();
        t.table = m_grantTable->text().trimmed();
        AdminUser u;
        u.name = m_grantUser->text().trimmed();
        u.host = m_grantHost->text().trimmed();
        return grantSql(privileges, t, u, m_dialect, m_grantAction->currentData().toString() == QLatin1String("revoke"));
    }
    }
}

void AdminDialog::updatePreview()
{
    const Result<AdminStatements> r = statements();
    m_preview->setPlainText(r ? r->shown.join(QStringLiteral(";\n")) + QLatin1Char(';') : QString());
    m_error->clear();
}

void AdminDialog::accept()
{
    const Result<AdminStatements> r = statements();
    if (!r) {
        const QHash<QString, QString> labels {
            {QStringLiteral("database"), Tr::tr("Database")}, {QStringLiteral("owner"), Tr::tr("Owner")},
            {QStringLiteral("user"), Tr::tr("User")}, {QStringLiteral("host"), Tr::tr("From host")},
            {QStringLiteral("password"), Tr::tr("Password")}, {QStringLiteral("schema"), Tr::tr("Schema")},
            {QStringLiteral("table"), Tr::tr("Table")}, {QStringLiteral("privileges"), Tr::tr("Privileges")},
        };
        m_error->setText(Tr::tr("%1: %2").arg(labels.value(r.error().field, r.error().field), r.error().message));
        return;
    }
    emit runRequested(*r);
    QDialog::accept();
}

} // namespace Qwq::Databases
