// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiledialog.h"

#include <profiles/core/profilestore.h>
#include <profiles/core/profilestr.h>
#include <profiles/core/secretstore.h>

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace Qwq::Profiles {

namespace {
constexpr char kErrorStyle[] = "border:1px solid #d93f3f;";
}

ProfileDialog::ProfileDialog(ProfileStore *store, SecretStore *secrets, const Profile &profile,
                             QWidget *parent)
    : QDialog(parent), m_store(store), m_secrets(secrets), m_profile(profile)
{
    setObjectName(QStringLiteral("profileDialog"));
    setWindowTitle(profile.id.isEmpty() ? Tr::tr("Add Server") : Tr::tr("Edit Server"));
    m_name = new QLineEdit(profile.name);
    m_host = new QLineEdit(profile.host);
    m_host->setPlaceholderText(Tr::tr("example.com or 192.0.2.10"));
    m_port = new QSpinBox;
    m_port->setRange(1, 65535);
    m_port->setValue(profile.id.isEmpty() ? 22 : profile.port);
    m_user = new QLineEdit(profile.user.isEmpty() ? qEnvironmentVariable("USER") : profile.user);
    m_auth = new QComboBox;
    m_auth->addItem(Tr::tr("Automatic (agent, key, password)"), int(AuthMethod::Auto));
    m_auth->addItem(Tr::tr("SSH agent"), int(AuthMethod::Agent));
    m_auth->addItem(Tr::tr("Key file"), int(AuthMethod::Key));
    m_auth->addItem(Tr::tr("Password"), int(AuthMethod::Password));
    m_auth->setCurrentIndex(m_auth->findData(int(profile.auth)));
    m_keyFile = new QLineEdit(profile.identityFile);
    m_keyFile->setPlaceholderText(Tr::tr("~/.ssh/id_ed25519"));
    auto *browse = new QToolButton;
    browse->setText(Tr::tr("Browse…"));
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, Tr::tr("Private key"),
                                                       QDir::homePath() + QStringLiteral("/.ssh"));
        if (!f.isEmpty())
            m_keyFile->setText(f);
    });
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_keyFile, 1);
    keyRow->addWidget(browse);
    const QString keep = profile.id.isEmpty() ? QString() : Tr::tr("unchanged if left empty");
    m_password = new QLineEdit;
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(keep);
    m_passphrase = new QLineEdit;
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setPlaceholderText(keep);
    m_elevation = new QComboBox;
    m_elevation->addItem(Tr::tr("None (run as the login user)"), int(Elevation::None));
    m_elevation->addItem(Tr::tr("sudo"), int(Elevation::Sudo));
    m_elevation->addItem(Tr::tr("Log in as root"), int(Elevation::Root));
    m_elevation->setCurrentIndex(m_elevation->findData(int(profile.elevation)));
    m_sudoPassword = new QLineEdit;
    m_sudoPassword->setEchoMode(QLineEdit::Password);
    m_sudoPassword->setPlaceholderText(keep);
    m_mode = new QComboBox;
    m_mode->addItem(Tr::tr("Normal"), int(Mode::Normal));
    m_mode->addItem(Tr::tr("Read-only (nothing on the server can be changed)"), int(Mode::ReadOnly));
    m_mode->addItem(Tr::tr("Production (confirm every change)"), int(Mode::Production));
    m_mode->setCurrentIndex(m_mode->findData(int(profile.mode)));
    m_group = new QLineEdit(profile.group);
    m_group->setPlaceholderText(Tr::tr("e.g. prod/web — “/” nests groups"));
    auto *groupCompleter = new QCompleter(store->groupPaths(), m_group);
    groupCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    m_group->setCompleter(groupCompleter);
    m_tags = new QLineEdit(profile.tags.join(QStringLiteral(", ")));
    m_tags->setPlaceholderText(Tr::tr("comma-separated, e.g. web, eu"));
    m_colour = new QLineEdit(profile.colour);
    m_colour->setPlaceholderText(QStringLiteral("#3d9a5b"));
    m_colour->setMaxLength(7);
    // Jump hosts are other profiles, named in order (nearest first).
    QStringList jumpNames;
    for (const QString &id : profile.jumpHosts) {
        const auto hop = store->find(id);
        jumpNames << (hop ? hop->name : id);
    }
    m_jumps = new QLineEdit(jumpNames.join(QStringLiteral(", ")));
    m_jumps->setPlaceholderText(Tr::tr("profile names, nearest first, e.g. bastion"));
    QStringList names;
    for (const Profile &other : store->profiles()) {
        if (!other.isLocal() && other.id != profile.id)
            names << other.name;
    }
    auto *jumpCompleter = new QCompleter(names, m_jumps);
    jumpCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    m_jumps->setCompleter(jumpCompleter);
    m_keepAlive = new QSpinBox;
    m_keepAlive->setRange(0, 3600);
    m_keepAlive->setSuffix(Tr::tr(" s"));
    m_keepAlive->setSpecialValueText(Tr::tr("off"));
    m_keepAlive->setValue(profile.id.isEmpty() ? 30 : profile.keepAliveSeconds);
    m_notes = new QPlainTextEdit(profile.notes);
    m_notes->setMaximumHeight(70);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("profileError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color:#a11d25;"));
    m_error->hide();

    m_fields = {{QStringLiteral("name"), m_name}, {QStringLiteral("host"), m_host},
                {QStringLiteral("port"), m_port}, {QStringLiteral("user"), m_user},
                {QStringLiteral("auth"), m_auth}, {QStringLiteral("identityFile"), m_keyFile},
                {QStringLiteral("password"), m_password}, {QStringLiteral("passphrase"), m_passphrase},
                {QStringLiteral("elevation"), m_elevation}, {QStringLiteral("sudoPassword"), m_sudoPassword},
                {QStringLiteral("mode"), m_mode}, {QStringLiteral("group"), m_group},
                {QStringLiteral("tags"), m_tags}, {QStringLiteral("colour"), m_colour},
                {QStringLiteral("jumpHosts"), m_jumps}, {QStringLiteral("keepAliveSeconds"), m_keepAlive},
                {QStringLiteral("notes"), m_notes}};
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        it.value()->setObjectName(it.key());

    // Only the secrets the chosen methods use can be typed.
    auto updateEnabled = [this, browse] {
        const auto auth = AuthMethod(m_auth->currentData().toInt());
        const bool key = auth == AuthMethod::Auto || auth == AuthMethod::Key;
        m_keyFile->setEnabled(key);
        browse->setEnabled(key);
        m_passphrase->setEnabled(key);
        m_password->setEnabled(auth == AuthMethod::Auto || auth == AuthMethod::Password);
        m_sudoPassword->setEnabled(Elevation(m_elevation->currentData().toInt()) == Elevation::Sudo);
    };
    connect(m_auth, &QComboBox::currentIndexChanged, this, updateEnabled);
    connect(m_elevation, &QComboBox::currentIndexChanged, this, updateEnabled);
    updateEnabled();

    auto *form = new QFormLayout;
    form->addRow(Tr::tr("Name:"), m_name);
    form->addRow(Tr::tr("Host:"), m_host);
    form->addRow(Tr::tr("Port:"), m_port);
    form->addRow(Tr::tr("User:"), m_user);
    form->addRow(Tr::tr("Authentication:"), m_auth);
    form->addRow(Tr::tr("Key file:"), keyRow);
    form->addRow(Tr::tr("Key passphrase:"), m_passphrase);
    form->addRow(Tr::tr("Password:"), m_password);
    form->addRow(Tr::tr("Elevation:"), m_elevation);
    form->addRow(Tr::tr("sudo password:"), m_sudoPassword);
    form->addRow(Tr::tr("Mode:"), m_mode);
    form->addRow(Tr::tr("Jump hosts:"), m_jumps);
    form->addRow(Tr::tr("Keep-alive:"), m_keepAlive);
    form->addRow(Tr::tr("Group:"), m_group);
    form->addRow(Tr::tr("Tags:"), m_tags);
    form->addRow(Tr::tr("Colour:"), m_colour);
    form->addRow(Tr::tr("Notes:"), m_notes);
    auto *secretNote = new QLabel(Tr::tr("Passwords and passphrases are stored in the system keychain, never in qwq's files."));
    secretNote->setWordWrap(true);
    secretNote->setEnabled(false);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(secretNote);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);
}

QString ProfileDialog::errorText() const
{
    return m_error->isVisible() || !m_error->text().isEmpty() ? m_error->text() : QString();
}

Profile ProfileDialog::collect() const
{
    Profile p = m_profile;
    p.name = m_name->text().trimmed();
    p.host = m_host->text().trimmed();
    p.port = quint16(m_port->value());
    p.user = m_user->text().trimmed();
    p.auth = AuthMethod(m_auth->currentData().toInt());
    p.identityFile = m_keyFile->text().trimmed();
    if (p.identityFile.startsWith(QStringLiteral("~/")))
        p.identityFile = QDir::homePath() + p.identityFile.mid(1);
    p.elevation = Elevation(m_elevation->currentData().toInt());
    p.mode = Mode(m_mode->currentData().toInt());
    p.group = m_group->text().trimmed();
    p.tags.clear();
    for (const QString &t : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!t.trimmed().isEmpty())
            p.tags << t.trimmed();
    }
    p.colour = m_colour->text().trimmed();
    p.keepAliveSeconds = m_keepAlive->value();
    p.notes = m_notes->toPlainText();
    return p;
}

void ProfileDialog::showError(const Error &e)
{
    for (QWidget *w : std::as_const(m_fields))
        w->setStyleSheet(QString());
    if (QWidget *w = m_fields.value(e.field)) {
        w->setStyleSheet(QLatin1String(kErrorStyle));
        w->setFocus();
    }
    m_error->setText(e.detail.isEmpty() ? e.message : e.message + QStringLiteral(" (") + e.detail + QLatin1Char(')'));
    m_error->show();
    m_buttons->setEnabled(true);
}

void ProfileDialog::save()
{
    Profile p = collect();
    p.jumpHosts.clear();
    for (const QString &raw : m_jumps->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString name = raw.trimmed();
        if (name.isEmpty())
            continue;
        const auto hop = m_store->find(name);
        if (!hop || hop->isLocal())
            return showError(Error(ErrorCode::InvalidParam,
                                   Tr::tr("No profile “%1” to use as a jump host").arg(name), {}, {},
                                   QStringLiteral("jumpHosts")));
        p.jumpHosts << hop->id;
    }
    if (p.id.isEmpty())
        p.id = QStringLiteral("pending");   // validated with a placeholder id, replaced on save
    if (auto v = validate(p); !v)
        return showError(v.error());
    if (p.id == QLatin1String("pending"))
        p.id.clear();
    auto saved = m_store->upsert(p);
    if (!saved)
        return showError(saved.error());
    m_savedId = saved->id;
    m_profile = *saved;
    finishSecrets(*saved);
}

void ProfileDialog::finishSecrets(const Profile &saved)
{
    QList<std::pair<QString, QString>> writes;
    if (!m_password->text().isEmpty() && m_password->isEnabled())
        writes.append({SecretStore::passwordKey(saved.id), m_password->text()});
    if (!m_passphrase->text().isEmpty() && m_passphrase->isEnabled())
        writes.append({SecretStore::passphraseKey(saved.id), m_passphrase->text()});
    if (!m_sudoPassword->text().isEmpty() && m_sudoPassword->isEnabled())
        writes.append({SecretStore::sudoKey(saved.id), m_sudoPassword->text()});
    if (writes.isEmpty() || !m_secrets)
        return accept();
    m_buttons->setEnabled(false);
    auto remaining = std::make_shared<int>(int(writes.size()));
    auto failed = std::make_shared<std::optional<Error>>();
    for (const auto &[key, value] : writes) {
        m_secrets->write(key, value).then(this, [this, remaining, failed](const Result<void> &r) {
            if (!r && !*failed)
                *failed = r.error();
            if (--*remaining > 0)
                return;
            if (*failed)
                return showError(Error((*failed)->code,
                                       Tr::tr("The profile was saved, but the keychain did not take the secret: %1")
                                           .arg((*failed)->message),
                                       (*failed)->detail));
            m_password->clear();
            m_passphrase->clear();
            m_sudoPassword->clear();
            accept();
        });
    }
}

} // namespace Qwq::Profiles
