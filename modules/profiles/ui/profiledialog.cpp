// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiledialog.h"

#include "formfields.h"

#include <profiles/core/profilestore.h>
#include <profiles/core/profilestr.h>
#include <profiles/core/secretstore.h>

#include <QCheckBox>
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

#include <algorithm>

namespace Qwq::Profiles {

namespace {
const QString kUser = QStringLiteral("user");
const QString kPort = QStringLiteral("port");
const QString kIdentity = QStringLiteral("identityId");
const QString kJumps = QStringLiteral("jumpHosts");
const QString kKeepAlive = QStringLiteral("keepAliveSeconds");
} // namespace

ProfileDialog::ProfileDialog(ProfileStore *store, SecretStore *secrets, const Profile &profile,
                             QWidget *parent)
    : QDialog(parent), m_store(store), m_secrets(secrets), m_profile(profile)
{
    setObjectName(QStringLiteral("profileDialog"));
    setWindowTitle(profile.id.isEmpty() ? Tr::tr("Add Server") : Tr::tr("Edit Server"));
    m_isNew = profile.id.isEmpty();
    if (!m_isNew) {
        const auto e = store->effective(profile.id);
        m_hadIdentity = e && !e->identityId.isEmpty();
    }
    m_name = new QLineEdit(profile.name);
    m_host = new QLineEdit(profile.host);
    m_host->setPlaceholderText(Tr::tr("example.com or 192.0.2.10"));
    m_port = new QSpinBox;
    m_port->setRange(1, 65535);
    m_port->setValue(profile.id.isEmpty() || profile.port == 0 ? 22 : profile.port);
    m_user = new QLineEdit(profile.user.isEmpty() && !profile.isInherited(kUser)
                               ? qEnvironmentVariable("USER") : profile.user);
    m_identity = new QComboBox;
    fillIdentities(m_identity, store, Tr::tr("None (the settings below)"));
    m_identity->setCurrentIndex(std::max(0, m_identity->findData(profile.identityId)));
    m_identityNote = new QLabel;
    m_identityNote->setObjectName(QStringLiteral("identityNote"));
    m_identityNote->setTextFormat(Qt::PlainText);
    m_identityNote->setWordWrap(true);
    m_identityNote->setEnabled(false);
    m_auth = new QComboBox;
    m_auth->addItem(Tr::tr("Automatic (agent, key, password)"), int(AuthMethod::Auto));
    m_auth->addItem(Tr::tr("SSH agent"), int(AuthMethod::Agent));
    m_auth->addItem(Tr::tr("Key file"), int(AuthMethod::Key));
    m_auth->addItem(Tr::tr("Password"), int(AuthMethod::Password));
    m_auth->setCurrentIndex(m_auth->findData(int(profile.auth)));
    m_keyFile = new QLineEdit(profile.identityFile);
    m_keyFile->setPlaceholderText(Tr::tr("~/.ssh/id_ed25519"));
    m_browse = new QToolButton;
    m_browse->setText(Tr::tr("Browse…"));
    connect(m_browse, &QToolButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, Tr::tr("Private key"),
                                                       QDir::homePath() + QStringLiteral("/.ssh"));
        if (!f.isEmpty())
            m_keyFile->setText(f);
    });
    m_keyRow = new QWidget;
    auto *keyRow = new QHBoxLayout(m_keyRow);
    keyRow->setContentsMargins(0, 0, 0, 0);
    keyRow->addWidget(m_keyFile, 1);
    keyRow->addWidget(m_browse);
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
    // Jump hosts are other profiles, named in order (nearest first).
    m_jumps = new QLineEdit(jumpHostNames(store, profile.jumpHosts));
    m_jumps->setPlaceholderText(Tr::tr("profile names, nearest first, e.g. bastion"));
    addJumpHostCompleter(m_jumps, store, profile.id);
    m_keepAlive = new QSpinBox;
    m_keepAlive->setRange(0, 3600);
    m_keepAlive->setSuffix(Tr::tr(" s"));
    m_keepAlive->setSpecialValueText(Tr::tr("off"));
    m_keepAlive->setValue(profile.id.isEmpty() ? 30 : profile.keepAliveSeconds);
    m_notes = new QPlainTextEdit(profile.notes);
    m_notes->setMaximumHeight(70);
    m_error = makeErrorLabel(QStringLiteral("profileError"));

    m_fields = {{QStringLiteral("name"), m_name}, {QStringLiteral("host"), m_host},
                {kPort, m_port}, {kUser, m_user}, {kIdentity, m_identity},
                {QStringLiteral("auth"), m_auth}, {QStringLiteral("identityFile"), m_keyFile},
                {QStringLiteral("password"), m_password}, {QStringLiteral("passphrase"), m_passphrase},
                {QStringLiteral("elevation"), m_elevation}, {QStringLiteral("sudoPassword"), m_sudoPassword},
                {QStringLiteral("mode"), m_mode}, {QStringLiteral("group"), m_group},
                {QStringLiteral("tags"), m_tags}, {QStringLiteral("colour"), m_colour},
                {kJumps, m_jumps}, {kKeepAlive, m_keepAlive},
                {QStringLiteral("notes"), m_notes}};
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        it.value()->setObjectName(it.key());

    // Each inheritable field: own value first, then what the group gives, then the toggle.
    m_inheritFields = {{kUser, InheritField::forLineEdit(m_user)},
                       {kPort, InheritField::forSpinBox(m_port)},
                       {kIdentity, InheritField::forComboBox(m_identity)},
                       {kJumps, InheritField::forLineEdit(m_jumps)},
                       {kKeepAlive, InheritField::forSpinBox(m_keepAlive)}};
    for (auto it = m_inheritFields.cbegin(); it != m_inheritFields.cend(); ++it) {
        if (profile.isInherited(it.key())) {
            it.value()->setInherited(true);
            it.value()->setOwnValue({});   // an inherited field's stored value means nothing
        }
        connect(it.value(), &InheritField::inheritedChanged, this, &ProfileDialog::refreshInherited);
    }
    refreshInherited();
    connect(m_group, &QLineEdit::textChanged, this, &ProfileDialog::refreshInherited);
    connect(m_identity, &QComboBox::currentIndexChanged, this, &ProfileDialog::refreshInherited);
    connect(m_auth, &QComboBox::currentIndexChanged, this, &ProfileDialog::updateEnabled);
    connect(m_elevation, &QComboBox::currentIndexChanged, this, &ProfileDialog::updateEnabled);

    m_form = new QFormLayout;
    m_form->addRow(Tr::tr("Name:"), m_name);
    m_form->addRow(Tr::tr("Host:"), m_host);
    m_form->addRow(Tr::tr("Group:"), m_group);
    m_form->addRow(Tr::tr("Port:"), m_inheritFields.value(kPort));
    m_form->addRow(Tr::tr("User:"), m_inheritFields.value(kUser));
    m_form->addRow(Tr::tr("Identity:"), m_inheritFields.value(kIdentity));
    m_form->addRow(QString(), m_identityNote);
    m_form->addRow(Tr::tr("Authentication:"), m_auth);
    m_form->addRow(Tr::tr("Key file:"), m_keyRow);
    m_form->addRow(Tr::tr("Key passphrase:"), m_passphrase);
    m_form->addRow(Tr::tr("Password:"), m_password);
    m_form->addRow(Tr::tr("Elevation:"), m_elevation);
    m_form->addRow(Tr::tr("sudo password:"), m_sudoPassword);
    m_form->addRow(Tr::tr("Mode:"), m_mode);
    m_form->addRow(Tr::tr("Jump hosts:"), m_inheritFields.value(kJumps));
    m_form->addRow(Tr::tr("Keep-alive:"), m_inheritFields.value(kKeepAlive));
    m_form->addRow(Tr::tr("Tags:"), m_tags);
    m_form->addRow(Tr::tr("Colour:"), colourRow(m_colour));
    m_form->addRow(Tr::tr("Notes:"), m_notes);
    auto *secretNote = new QLabel(Tr::tr("Passwords and passphrases are stored in the system keychain, never in qwq's files."));
    secretNote->setWordWrap(true);
    secretNote->setEnabled(false);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(secretNote);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(560);
    updateCredentialRows();
}

QString ProfileDialog::errorText() const
{
    return m_error->isVisible() || !m_error->text().isEmpty() ? m_error->text() : QString();
}

void ProfileDialog::refreshInherited()
{
    // Ask the store what the group chain gives, with the form's group and identity, so the
    // greyed values are exactly what a connection would use.
    const QString group = normaliseGroupPath(m_group->text());
    Profile probe = m_profile;
    probe.group = group;
    probe.inherits = {kUser, kPort, kJumps, kKeepAlive};
    InheritField *identity = m_inheritFields.value(kIdentity);
    if (!identity || identity->isInherited())
        probe.inherits.insert(kIdentity);
    else
        probe.identityId = m_identity->currentData().toString();
    auto eff = m_store->effectiveFor(probe);
    QString user;
    if (eff) {
        user = eff->user;
    } else {   // no user anywhere (nor $USER): the other values still show
        probe.inherits.remove(kUser);
        probe.user = QStringLiteral("x");
        eff = m_store->effectiveFor(probe);
    }
    Profile groupOnly = m_profile;
    groupOnly.group = group;
    groupOnly.inherits = {kIdentity};
    const auto viaGroup = m_store->effectiveFor(groupOnly);
    if (m_inheritFields.isEmpty())
        return;
    m_inheritFields.value(kUser)->setInheritedValue(user);
    m_inheritFields.value(kPort)->setInheritedValue(eff ? int(eff->port) : 22);
    m_inheritFields.value(kKeepAlive)->setInheritedValue(eff ? eff->keepAliveSeconds : 30);
    m_inheritFields.value(kJumps)->setInheritedValue(
        eff ? jumpHostNames(m_store, eff->jumpHosts) : QString());
    identity->setInheritedValue(viaGroup ? viaGroup->identityId : QString());
    const QString tip = group.isEmpty()
                            ? Tr::tr("Use the default value (the server is in no group)")
                            : Tr::tr("Take the value from the group “%1” or its parent groups").arg(group);
    for (InheritField *f : std::as_const(m_inheritFields))
        f->toggle()->setToolTip(tip);
    if (m_form)
        updateCredentialRows();
}

void ProfileDialog::updateCredentialRows()
{
    const QString identityId = m_inheritFields.value(kIdentity)->value().toString();
    const auto identity = identityId.isEmpty() ? std::nullopt : m_store->identity(identityId);
    const bool own = !identity;
    const bool changed = m_identityApplies == own;
    m_identityApplies = !own;
    for (QWidget *w : {static_cast<QWidget *>(m_auth), m_keyRow, static_cast<QWidget *>(m_passphrase),
                       static_cast<QWidget *>(m_password)})
        m_form->setRowVisible(w, own);
    m_form->setRowVisible(m_identityNote, !own);
    if (identity) {
        m_identityNote->setText(
            identity->identityFile.isEmpty()
                ? Tr::tr("The identity supplies the login (%1); its password is kept in the keychain.")
                      .arg(authName(identity->auth))
                : Tr::tr("The identity supplies the login with the key %1.").arg(identity->identityFile));
    }
    updateEnabled();
    if (changed && isVisible())
        resize(width(), sizeHint().height());   // rows came or went
}

void ProfileDialog::updateEnabled()
{
    // Only the secrets the chosen methods use can be typed; none when an identity applies.
    const bool own = !m_identityApplies;
    const auto auth = AuthMethod(m_auth->currentData().toInt());
    const bool key = own && (auth == AuthMethod::Auto || auth == AuthMethod::Key);
    m_auth->setEnabled(own);
    m_keyFile->setEnabled(key);
    m_browse->setEnabled(key);
    m_passphrase->setEnabled(key);
    m_password->setEnabled(own && (auth == AuthMethod::Auto || auth == AuthMethod::Password));
    m_sudoPassword->setEnabled(Elevation(m_elevation->currentData().toInt()) == Elevation::Sudo);
}

Profile ProfileDialog::collect() const
{
    // Fields this form does not edit (last used, forwards, import bookkeeping) may have
    // changed while it was open (a connect touches lastUsed): start from the stored profile.
    Profile p = m_profile;
    if (const auto current = m_isNew ? std::nullopt : m_store->find(m_profile.id);
        current && current->id == m_profile.id)
        p = *current;
    p.name = m_name->text().trimmed();
    p.host = m_host->text().trimmed();
    p.group = normaliseGroupPath(m_group->text());
    p.inherits.clear();
    for (auto it = m_inheritFields.cbegin(); it != m_inheritFields.cend(); ++it) {
        if (it.value()->isInherited())
            p.inherits.insert(it.key());
    }
    // An inherited field keeps its own value for later, except references (identity, jump
    // hosts): a hidden one would block deleting the identity or profile it names.
    // Untouched, it keeps the stored value (an ssh_config re-import compares them).
    const auto own = [this](const QString &field, const QVariant &stored) {
        InheritField *f = m_inheritFields.value(field);
        return f->hasOwnValue() ? f->ownValue() : stored;
    };
    p.port = quint16(std::clamp(own(kPort, m_profile.port).toInt(), 1, 65535));
    p.user = own(kUser, m_profile.user).toString().trimmed();
    p.identityId = p.isInherited(kIdentity) ? QString() : m_identity->currentData().toString();
    p.keepAliveSeconds = own(kKeepAlive, m_profile.keepAliveSeconds).toInt();
    p.auth = AuthMethod(m_auth->currentData().toInt());
    p.identityFile = m_keyFile->text().trimmed();
    if (p.identityFile.startsWith(QStringLiteral("~/")))
        p.identityFile = QDir::homePath() + p.identityFile.mid(1);
    p.elevation = Elevation(m_elevation->currentData().toInt());
    p.mode = Mode(m_mode->currentData().toInt());
    p.tags.clear();
    for (const QString &t : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!t.trimmed().isEmpty())
            p.tags << t.trimmed();
    }
    p.colour = m_colour->text().trimmed();
    p.notes = m_notes->toPlainText();
    return p;
}

void ProfileDialog::showError(const Error &e)
{
    m_error->setText(showFieldError(m_form, m_fields.values(), m_fields.value(e.field), e));
    m_error->show();
    m_buttons->setEnabled(true);
}

void ProfileDialog::save()
{
    Profile p = collect();
    p.jumpHosts.clear();
    if (!p.isInherited(kJumps)) {
        const auto hops = jumpHostIds(m_store, m_jumps->text(), kJumps);
        if (!hops)
            return showError(hops.error());
        p.jumpHosts = *hops;
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
    // A profile that now logs in with an identity must not keep a stale password of its own:
    // the connection tries the profile's secret before the identity's.
    const bool identityNow = m_identityApplies;
    if (identityNow && !m_hadIdentity && !m_isNew && m_secrets) {
        m_secrets->remove(SecretStore::passwordKey(saved.id));
        m_secrets->remove(SecretStore::passphraseKey(saved.id));
    }
    m_hadIdentity = identityNow;
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
    m_secrets->writeAll(writes).then(this, [this](const Result<void> &r) {
        if (!r)
            return showError(Error(r.error().code,
                                   Tr::tr("The profile was saved, but the keychain did not take the secret: %1")
                                       .arg(r.error().message),
                                   r.error().detail));
        m_password->clear();
        m_passphrase->clear();
        m_sudoPassword->clear();
        accept();
    });
}

} // namespace Qwq::Profiles
