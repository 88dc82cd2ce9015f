// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiondialog.h"

#include <databases/core/connectionstore.h>
#include <databases/core/databasestr.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Qwq::Databases {

ConnectionDialog::ConnectionDialog(const ConnectionSpec &spec, const QString &serverName, bool localServer,
                                   QWidget *parent)
    : QDialog(parent), m_base(spec), m_name(new QLineEdit(spec.name, this)), m_engine(new QComboBox(this)),
      m_host(new QLineEdit(spec.host, this)), m_port(new QSpinBox(this)), m_user(new QLineEdit(spec.user, this)),
      m_password(new QLineEdit(this)), m_remember(new QCheckBox(Tr::tr("Remember in the keychain"), this)),
      m_database(new QLineEdit(spec.database, this)), m_viaSsh(new QCheckBox(this)), m_safeMode(new QComboBox(this)),
      m_error(new QLabel(this))
{
    setWindowTitle(spec.id.isEmpty() ? Tr::tr("New Database Connection") : Tr::tr("Edit Database Connection"));
    for (Engine e : {Engine::PostgreSql, Engine::MariaDb, Engine::Redis})
        m_engine->addItem(engineName(e), engineId(e));
    m_engine->setCurrentIndex(m_engine->findData(engineId(spec.engine)));
    m_port->setRange(1, 65535);
    m_port->setValue(spec.port);
    m_password->setEchoMode(QLineEdit::Password);
    m_remember->setChecked(true);
    m_viaSsh->setText(localServer ? Tr::tr("This computer: connects directly")
                                  : Tr::tr("Through the SSH session of %1 (no port to open)").arg(serverName));
    m_viaSsh->setChecked(spec.viaSsh);
    m_viaSsh->setEnabled(!localServer);
    m_safeMode->addItem(Tr::tr("Off"), safeModeId(SafeMode::Off));
    m_safeMode->addItem(Tr::tr("Confirm every write"), safeModeId(SafeMode::ConfirmWrites));
    m_safeMode->addItem(Tr::tr("Read-only (enforced by the server)"), safeModeId(SafeMode::ReadOnly));
    m_safeMode->setCurrentIndex(m_safeMode->findData(safeModeId(spec.safeMode)));
    m_host->setToolTip(Tr::tr("As the server sees it: 127.0.0.1 for a database on the server itself"));
    m_error->setObjectName(QStringLiteral("fieldError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: palette(highlight);"));
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(Tr::tr("Name:"), m_name);
    form->addRow(Tr::tr("Engine:"), m_engine);
    form->addRow(Tr::tr("Host:"), m_host);
    form->addRow(Tr::tr("Port:"), m_port);
    form->addRow(Tr::tr("User:"), m_user);
    form->addRow(Tr::tr("Password:"), m_password);
    form->addRow(QString(), m_remember);
    form->addRow(Tr::tr("Database:"), m_database);
    form->addRow(Tr::tr("Route:"), m_viaSsh);
    form->addRow(Tr::tr("Safe mode:"), m_safeMode);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(m_engine, &QComboBox::currentIndexChanged, this, &ConnectionDialog::onEngineChanged);
    resize(460, sizeHint().height());
}

void ConnectionDialog::onEngineChanged()
{
    const Engine e = engineFromId(m_engine->currentData().toString()).value_or(Engine::PostgreSql);
    // a port left at another engine's default follows the engine
    for (Engine other : {Engine::PostgreSql, Engine::MariaDb, Engine::Redis}) {
        if (m_port->value() == defaultPort(other))
            m_port->setValue(defaultPort(e));
    }
    m_user->setPlaceholderText(e == Engine::Redis ? Tr::tr("(none: the default user)") : QString());
    m_database->setPlaceholderText(e == Engine::Redis ? QStringLiteral("0") : QString());
}

ConnectionSpec ConnectionDialog::spec() const
{
    ConnectionSpec s = m_base;
    s.name = m_name->text().trimmed();
    s.engine = engineFromId(m_engine->currentData().toString()).value_or(Engine::PostgreSql);
    s.host = m_host->text().trimmed();
    s.port = quint16(m_port->value());
    s.user = m_user->text().trimmed();
    s.database = m_database->text().trimmed();
    s.viaSsh = m_viaSsh->isEnabled() ? m_viaSsh->isChecked() : false;
    s.safeMode = safeModeFromId(m_safeMode->currentData().toString());
    return s;
}

QString ConnectionDialog::password() const
{
    return m_password->text();
}

bool ConnectionDialog::rememberPassword() const
{
    return m_remember->isChecked();
}

void ConnectionDialog::setPassword(const QString &password)
{
    m_password->setText(password);
}

void ConnectionDialog::accept()
{
    const Result<void> r = ConnectionStore::validate(spec());
    if (!r) {
        const QHash<QString, QWidget *> fields {
            {QStringLiteral("name"), m_name}, {QStringLiteral("host"), m_host}, {QStringLiteral("port"), m_port},
            {QStringLiteral("user"), m_user}, {QStringLiteral("database"), m_database},
        };
        m_error->setText(r.error().message);
        m_error->show();
        if (QWidget *w = fields.value(r.error().field))
            w->setFocus();
        return;
    }
    m_error->hide();
    QDialog::accept();
}

} // namespace Qwq::Databases
