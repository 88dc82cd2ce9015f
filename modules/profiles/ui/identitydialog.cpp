// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "identitydialog.h"

#include "formfields.h"

#include <profiles/core/profilestore.h>
#include <profiles/core/profilestr.h>
#include <profiles/core/secretstore.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

#include <memory>

namespace Qwq::Profiles {

IdentityDialog::IdentityDialog(ProfileStore *store, SecretStore *secrets, const Identity &identity,
                               QWidget *parent)
    : QDialog(parent), m_store(store), m_secrets(secrets), m_identity(identity)
{
    setObjectName(QStringLiteral("identityDialog"));
    setWindowTitle(identity.id.isEmpty() ? Tr::tr("Add Identity") : Tr::tr("Edit Identity"));
    m_name = new QLineEdit(identity.name);
    m_name->setPlaceholderText(Tr::tr("e.g. deploy key"));
    m_user = new QLineEdit(identity.user);
    m_user->setPlaceholderText(Tr::tr("optional: leave empty to keep each server's user"));
    m_auth = new QComboBox;
    m_auth->addItem(Tr::tr("Automatic (agent, key, password)"), int(AuthMethod::Auto));
    m_auth->addItem(Tr::tr("SSH agent"), int(AuthMethod::Agent));
    m_auth->addItem(Tr::tr("Key file"), int(AuthMethod::Key));
    m_auth->addItem(Tr::tr("Password"), int(AuthMethod::Password));
    m_auth->setCurrentIndex(std::max(0, m_auth->findData(int(identity.auth))));
    m_keyFile = new QLineEdit(identity.identityFile);
    m_keyFile->setPlaceholderText(Tr::tr("~/.ssh/id_ed25519"));
    m_browse = new QToolButton;
    m_browse->setObjectName(QStringLiteral("browseKey"));
    m_browse->setText(Tr::tr("Browse…"));
    connect(m_browse, &QToolButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, Tr::tr("Private key"),
                                                       QDir::homePath() + QStringLiteral("/.ssh"));
        if (!f.isEmpty())
            m_keyFile->setText(f);
    });
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_keyFile, 1);
    keyRow->addWidget(m_browse);
    const QString keep = identity.id.isEmpty() ? QString() : Tr::tr("unchanged if left empty");
    m_passphrase = new QLineEdit;
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setPlaceholderText(keep);
    m_password = new QLineEdit;
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(keep);
    m_error = makeErrorLabel(QStringLiteral("identityError"));
    m_fields = {{QStringLiteral("identity.name"), m_name}, {QStringLiteral("identity.user"), m_user},
                {QStringLiteral("identity.auth"), m_auth},
                {QStringLiteral("identity.identityFile"), m_keyFile},
                {QStringLiteral("identity.passphrase"), m_passphrase},
                {QStringLiteral("identity.password"), m_password}};
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        it.value()->setObjectName(it.key().mid(9));
    connect(m_auth, &QComboBox::currentIndexChanged, this, &IdentityDialog::updateEnabled);
    updateEnabled();

    m_form = new QFormLayout;
    m_form->addRow(Tr::tr("Name:"), m_name);
    m_form->addRow(Tr::tr("User:"), m_user);
    m_form->addRow(Tr::tr("Authentication:"), m_auth);
    m_form->addRow(Tr::tr("Key file:"), keyRow);
    m_form->addRow(Tr::tr("Key passphrase:"), m_passphrase);
    m_form->addRow(Tr::tr("Password:"), m_password);
    auto *note = new QLabel(Tr::tr("Servers that use this identity log in with its key and "
                                   "password. Passwords and passphrases are stored in the system "
                                   "keychain, never in qwq's files."));
    note->setWordWrap(true);
    note->setEnabled(false);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &IdentityDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(500);
}

QWidget *IdentityDialog::field(const QString &name) const
{
    return m_fields.value(QStringLiteral("identity.") + name);
}

QString IdentityDialog::errorText() const
{
    return m_error->isVisible() || !m_error->text().isEmpty() ? m_error->text() : QString();
}

void IdentityDialog::updateEnabled()
{
    const auto auth = AuthMethod(m_auth->currentData().toInt());
    const bool key = auth == AuthMethod::Auto || auth == AuthMethod::Key;
    m_keyFile->setEnabled(key);
    m_browse->setEnabled(key);
    m_passphrase->setEnabled(key);
    m_password->setEnabled(auth == AuthMethod::Auto || auth == AuthMethod::Password);
}

Identity IdentityDialog::collect() const
{
    Identity i = m_identity;
    i.name = m_name->text().trimmed();
    i.user = m_user->text().trimmed();
    i.auth = AuthMethod(m_auth->currentData().toInt());
    i.identityFile = m_keyFile->text().trimmed();
    if (i.identityFile.startsWith(QStringLiteral("~/")))
        i.identityFile = QDir::homePath() + i.identityFile.mid(1);
    return i;
}

void IdentityDialog::showError(const Error &e)
{
    m_error->setText(showFieldError(m_form, m_fields.values(), m_fields.value(e.field), e));
    m_error->show();
    m_buttons->setEnabled(true);
}

void IdentityDialog::save()
{
    Identity i = collect();
    const bool isNew = i.id.isEmpty();
    if (isNew)
        i.id = QStringLiteral("pending");   // validated with a placeholder id, replaced on save
    if (auto v = validate(i); !v)
        return showError(v.error());
    if (isNew)
        i.id.clear();
    const auto saved = m_store->upsertIdentity(i);
    if (!saved)
        return showError(saved.error());
    m_savedId = saved->id;
    m_identity = *saved;
    finishSecrets(*saved);
}

void IdentityDialog::finishSecrets(const Identity &saved)
{
    QList<std::pair<QString, QString>> writes;
    if (!m_passphrase->text().isEmpty() && m_passphrase->isEnabled())
        writes.append({SecretStore::identityPassphraseKey(saved.id), m_passphrase->text()});
    if (!m_password->text().isEmpty() && m_password->isEnabled())
        writes.append({SecretStore::identityPasswordKey(saved.id), m_password->text()});
    if (writes.isEmpty() || !m_secrets)
        return accept();
    m_buttons->setEnabled(false);
    m_secrets->writeAll(writes).then(this, [this](const Result<void> &r) {
        if (!r)
            return showError(Error(r.error().code,
                                   Tr::tr("The identity was saved, but the keychain did not take the secret: %1")
                                       .arg(r.error().message),
                                   r.error().detail));
        m_passphrase->clear();
        m_password->clear();
        accept();
    });
}

} // namespace Qwq::Profiles
