// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "certdialogs.h"

#include <profiles/core/secretstore.h>

#include <websites/core/websitesservice.h>
#include <websites/core/websitestr.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Qwq::Websites {

namespace {
const QString kLetsEncrypt = QStringLiteral("https://acme-v02.api.letsencrypt.org/directory");
const QString kLetsEncryptStaging = QStringLiteral("https://acme-staging-v02.api.letsencrypt.org/directory");

QStringList words(const QString &text)
{
    static const QRegularExpression sep(QStringLiteral("[\\s,]+"));
    return text.split(sep, Qt::SkipEmptyParts);
}

QString errorText(const Error &e)
{
    QString text = e.message;
    if (!e.hint.isEmpty())
        text += QStringLiteral("\n") + e.hint;
    if (!e.detail.isEmpty())
        text += QStringLiteral("\n") + e.detail.left(600);
    return text;
}
} // namespace

// --- CertRequestDialog -------------------------------------------------------------------

CertRequestDialog::CertRequestDialog(WebsitesService *service, const QStringList &sites, const QString &domain,
                                     QWidget *parent)
    : QDialog(parent), m_service(service)
{
    setObjectName(QStringLiteral("certRequestDialog"));
    resize(720, 640);
    m_site = new QComboBox(this);
    m_site->addItems(sites);
    if (!domain.isEmpty())
        m_site->setCurrentIndex(qMax(0, m_site->findText(domain)));
    m_ca = new QComboBox(this);
    m_ca->addItem(QString(), kLetsEncrypt);
    m_ca->addItem(QString(), kLetsEncryptStaging);
    m_ca->addItem(QString(), QString());
    m_directory = new QLineEdit(this);
    m_directory->setObjectName(QStringLiteral("directory"));
    m_email = new QLineEdit(this);
    m_email->setObjectName(QStringLiteral("email"));
    m_challenge = new QComboBox(this);
    m_challenge->addItem(QString(), QStringLiteral("http-01"));
    m_challenge->addItem(QString(), QStringLiteral("dns-01"));
    m_dnsBox = new QGroupBox(this);
    m_dnsServer = new QLineEdit(m_dnsBox);
    m_dnsServer->setObjectName(QStringLiteral("dns.server"));
    m_zone = new QLineEdit(m_dnsBox);
    m_zone->setObjectName(QStringLiteral("dns.zone"));
    m_keyName = new QLineEdit(m_dnsBox);
    m_keyName->setObjectName(QStringLiteral("dns.keyName"));
    m_algorithm = new QComboBox(m_dnsBox);
    m_algorithm->addItems({QStringLiteral("hmac-sha256"), QStringLiteral("hmac-sha512")});
    m_secret = new QLineEdit(m_dnsBox);
    m_secret->setObjectName(QStringLiteral("dns.secret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_rememberSecret = new QCheckBox(m_dnsBox);
    m_rememberSecret->setObjectName(QStringLiteral("dns.rememberSecret"));
    m_rememberSecret->setChecked(true);
    m_rememberSecret->hide(); // shown once there is a keychain
    connect(m_zone, &QLineEdit::editingFinished, this, &CertRequestDialog::recallSecret);
    connect(m_keyName, &QLineEdit::editingFinished, this, &CertRequestDialog::recallSecret);
    m_sslPort = new QSpinBox(this);
    m_sslPort->setRange(1, 65535);
    m_sslPort->setValue(443);
    m_httpsRedirect = new QCheckBox(this);
    m_httpsRedirect->setChecked(true);
    m_expect = new QLineEdit(this);
    m_expect->setObjectName(QStringLiteral("expect"));
    m_resolver = new QLineEdit(this);
    m_resolver->setObjectName(QStringLiteral("resolver"));
    m_terms = new QCheckBox(this);
    m_terms->setObjectName(QStringLiteral("terms"));
    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("certStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_check = new QPushButton(this);
    m_requestButton = new QPushButton(this);
    m_requestButton->setDefault(true);
    m_force = new QPushButton(this);
    m_force->hide();
    m_close = new QPushButton(this);
    connect(m_check, &QPushButton::clicked, this, &CertRequestDialog::checkDns);
    connect(m_requestButton, &QPushButton::clicked, this, [this] { request(false); });
    connect(m_force, &QPushButton::clicked, this, [this] { request(true); });
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_ca, &QComboBox::currentIndexChanged, this, &CertRequestDialog::updateFields);
    connect(m_challenge, &QComboBox::currentIndexChanged, this, &CertRequestDialog::updateFields);
    connect(m_terms, &QCheckBox::toggled, this, &CertRequestDialog::updateFields);

    for (int i = 0; i < 13; ++i)
        m_labels << new QLabel(this);
    auto *dns = new QFormLayout(m_dnsBox);
    dns->addRow(m_labels[7], m_dnsServer);
    dns->addRow(m_labels[8], m_zone);
    dns->addRow(m_labels[9], m_keyName);
    dns->addRow(m_labels[10], m_algorithm);
    dns->addRow(m_labels[11], m_secret);
    dns->addRow(QString(), m_rememberSecret);
    auto *form = new QFormLayout;
    form->addRow(m_labels[0], m_site);
    form->addRow(m_labels[1], m_ca);
    form->addRow(QString(), m_directory);
    form->addRow(m_labels[2], m_email);
    form->addRow(m_labels[3], m_challenge);
    form->addRow(m_dnsBox);
    form->addRow(m_labels[4], m_sslPort);
    form->addRow(QString(), m_httpsRedirect);
    form->addRow(m_labels[5], m_expect);
    form->addRow(m_labels[6], m_resolver);
    form->addRow(QString(), m_terms);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_check);
    buttons->addStretch();
    buttons->addWidget(m_force);
    buttons->addWidget(m_requestButton);
    buttons->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_log, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    retranslate();
    updateFields();
}

void CertRequestDialog::retranslate()
{
    setWindowTitle(Tr::tr("Request a Certificate"));
    m_labels[0]->setText(Tr::tr("Site:"));
    m_labels[1]->setText(Tr::tr("Certificate authority:"));
    m_ca->setItemText(0, Tr::tr("Let's Encrypt"));
    m_ca->setItemText(1, Tr::tr("Let's Encrypt staging (test certificates)"));
    m_ca->setItemText(2, Tr::tr("Other ACME directory URL"));
    m_labels[2]->setText(Tr::tr("Contact e-mail:"));
    m_email->setPlaceholderText(Tr::tr("optional: the CA writes here before a certificate expires"));
    m_labels[3]->setText(Tr::tr("Validation:"));
    m_challenge->setItemText(0, Tr::tr("HTTP-01: through this site on port 80"));
    m_challenge->setItemText(1, Tr::tr("DNS-01: a TXT record by RFC 2136 update (needed for *.names)"));
    m_dnsBox->setTitle(Tr::tr("DNS server that takes dynamic updates (BIND, Knot, PowerDNS…)"));
    m_labels[7]->setText(Tr::tr("Primary server:"));
    m_dnsServer->setPlaceholderText(QStringLiteral("192.0.2.53:53"));
    m_labels[8]->setText(Tr::tr("Zone:"));
    m_zone->setPlaceholderText(QStringLiteral("example.com"));
    m_labels[9]->setText(Tr::tr("TSIG key name:"));
    m_labels[10]->setText(Tr::tr("Algorithm:"));
    m_labels[11]->setText(Tr::tr("TSIG secret (base64):"));
    m_secret->setPlaceholderText(Tr::tr("kept on the server for renewal (root only), never shown again"));
    m_rememberSecret->setText(Tr::tr("Remember it in this computer's keychain"));
    m_labels[4]->setText(Tr::tr("HTTPS port:"));
    m_httpsRedirect->setText(Tr::tr("Redirect HTTP to HTTPS once installed"));
    m_labels[5]->setText(Tr::tr("Other addresses of this server:"));
    m_expect->setPlaceholderText(Tr::tr("optional: public addresses in front of it (NAT, load balancer)"));
    m_labels[6]->setText(Tr::tr("Check DNS with:"));
    m_resolver->setPlaceholderText(Tr::tr("the server's resolver (/etc/resolv.conf)"));
    m_terms->setText(Tr::tr("I agree to the certificate authority's terms of service"));
    m_check->setText(Tr::tr("Check DNS"));
    m_requestButton->setText(Tr::tr("Request"));
    m_force->setText(Tr::tr("Request Anyway"));
    m_close->setText(Tr::tr("Close"));
}

void CertRequestDialog::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(e);
}

void CertRequestDialog::updateFields()
{
    const bool custom = m_ca->currentData().toString().isEmpty();
    m_directory->setVisible(custom);
    if (!custom)
        m_directory->setText(m_ca->currentData().toString());
    m_dnsBox->setVisible(m_challenge->currentData().toString() == QLatin1String("dns-01"));
    m_requestButton->setEnabled(!m_busy && m_terms->isChecked() && m_site->count() > 0);
    m_force->setEnabled(!m_busy && m_terms->isChecked());
    m_check->setEnabled(!m_busy && m_site->count() > 0);
}

void CertRequestDialog::setBusy(bool busy)
{
    m_busy = busy;
    updateFields();
}

void CertRequestDialog::showStatus(const QString &text, bool error)
{
    m_status->setStyleSheet(error ? QStringLiteral("color:#b3261e;") : QString());
    m_status->setText(text);
}

void CertRequestDialog::logLine(const QString &line)
{
    m_log->appendPlainText(line);
}

QString CertRequestDialog::stageText(const QString &stage)
{
    if (stage == QLatin1String("dns")) return Tr::tr("Checking that the names point at this server");
    if (stage == QLatin1String("prepare")) return Tr::tr("Adding the challenge location to the site");
    if (stage == QLatin1String("account")) return Tr::tr("Registering with the certificate authority");
    if (stage == QLatin1String("order")) return Tr::tr("Ordering the certificate");
    if (stage == QLatin1String("challenge")) return Tr::tr("Proving control of the name");
    if (stage == QLatin1String("validated")) return Tr::tr("Name validated");
    if (stage == QLatin1String("finalize")) return Tr::tr("Sending the signing request");
    if (stage == QLatin1String("download")) return Tr::tr("Downloading the certificate");
    if (stage == QLatin1String("install")) return Tr::tr("Installing it into the site");
    return stage;
}

QJsonObject CertRequestDialog::params() const
{
    QJsonObject p{{QStringLiteral("domain"), m_site->currentText()},
                  {QStringLiteral("directory"), m_directory->text().trimmed()},
                  {QStringLiteral("challenge"), m_challenge->currentData().toString()},
                  {QStringLiteral("sslPort"), m_sslPort->value()},
                  {QStringLiteral("httpsRedirect"), m_httpsRedirect->isChecked()}};
    if (!m_email->text().trimmed().isEmpty())
        p.insert(QStringLiteral("email"), m_email->text().trimmed());
    if (const QStringList e = words(m_expect->text()); !e.isEmpty())
        p.insert(QStringLiteral("expect"), QJsonArray::fromStringList(e));
    if (!m_resolver->text().trimmed().isEmpty())
        p.insert(QStringLiteral("resolver"), m_resolver->text().trimmed());
    if (m_challenge->currentData().toString() == QLatin1String("dns-01"))
        p.insert(QStringLiteral("dns"), QJsonObject{{QStringLiteral("provider"), QStringLiteral("rfc2136")},
                                                   {QStringLiteral("server"), m_dnsServer->text().trimmed()},
                                                   {QStringLiteral("zone"), m_zone->text().trimmed()},
                                                   {QStringLiteral("keyName"), m_keyName->text().trimmed()},
                                                   {QStringLiteral("algorithm"), m_algorithm->currentText()},
                                                   {QStringLiteral("secret"), m_secret->text().trimmed()}});
    return p;
}

void CertRequestDialog::setKeychain(Profiles::SecretStore *secrets, const QString &profileId)
{
    m_secrets = secrets;
    m_profileId = profileId;
    m_rememberSecret->setVisible(secrets != nullptr);
    recallSecret();
}

QString CertRequestDialog::secretKey() const
{
    const QString zone = m_zone->text().trimmed().toLower();
    const QString key = m_keyName->text().trimmed().toLower();
    if (m_profileId.isEmpty() || zone.isEmpty() || key.isEmpty())
        return {};
    return m_profileId + QStringLiteral("/tsig/") + zone + QLatin1Char('/') + key;
}

void CertRequestDialog::recallSecret()
{
    const QString key = secretKey();
    if (!m_secrets || key.isEmpty() || !m_secret->text().isEmpty())
        return;
    m_secrets->read(key).then(this, [this, key](const Result<QString> &r) {
        ++m_recalls;
        // only into a field still empty, for the zone and key it was read for
        if (!r || r->isEmpty() || !m_secret->text().isEmpty() || secretKey() != key)
            return;
        m_secret->setText(*r);
        showStatus(Tr::tr("The TSIG secret of this key was filled in from this computer's keychain."), false);
    });
}

void CertRequestDialog::checkDns()
{
    if (m_busy)
        return;
    setBusy(true);
    showStatus(Tr::tr("Resolving the site's names…"), false);
    m_service->dnsCheck(m_site->currentText(), words(m_expect->text()), m_resolver->text().trimmed())
        .then(this, [this](const Result<QJsonObject> &r) {
            setBusy(false);
            if (!r)
                return showStatus(errorText(r.error()), true);
            for (const QJsonValue &v : r->value(QLatin1String("names")).toArray()) {
                const QJsonObject n = v.toObject();
                QStringList addresses;
                for (const QJsonValue &a : n.value(QLatin1String("addresses")).toArray())
                    addresses << a.toString();
                const QString status = n.value(QLatin1String("status")).toString();
                const QString verdict = status == QLatin1String("ok")         ? Tr::tr("points here")
                                      : status == QLatin1String("mismatch") ? Tr::tr("points elsewhere")
                                                                             : Tr::tr("does not resolve");
                logLine(QStringLiteral("%1 %2: %3 (%4)")
                            .arg(status == QLatin1String("ok") ? QStringLiteral("✓") : QStringLiteral("✗"),
                                 n.value(QLatin1String("name")).toString(), verdict,
                                 addresses.isEmpty() ? n.value(QLatin1String("error")).toString() : addresses.join(QStringLiteral(", "))));
            }
            QStringList server;
            for (const QJsonValue &a : r->value(QLatin1String("serverAddresses")).toArray())
                server << a.toString();
            const bool ok = r->value(QLatin1String("ok")).toBool();
            showStatus(ok ? Tr::tr("Every name points at this server: HTTP-01 can validate.")
                          : Tr::tr("Some names do not point at this server (%1): HTTP-01 would fail for them.")
                                .arg(server.join(QStringLiteral(", "))),
                       !ok);
        });
}

void CertRequestDialog::request(bool force)
{
    if (m_busy || !m_terms->isChecked())
        return;
    QJsonObject p = params();
    if (force)
        p.insert(QStringLiteral("force"), true);
    if (m_secrets && m_rememberSecret->isChecked() && p.contains(QStringLiteral("dns"))
        && !m_secret->text().trimmed().isEmpty() && !secretKey().isEmpty()) {
        m_secrets->write(secretKey(), m_secret->text().trimmed()).then(this, [this](const Result<void> &r) {
            if (!r)
                logLine(Tr::tr("The TSIG secret could not be saved in the keychain: %1").arg(r.error().message));
        });
    }
    setBusy(true);
    m_force->hide();
    m_lastError = 0;
    m_stages.clear();
    showStatus(Tr::tr("Requesting… (the CA validates each name; this can take a minute)"), false);
    logLine(Tr::tr("Requesting a certificate for %1 from %2").arg(p.value(QLatin1String("domain")).toString(),
                                                                   p.value(QLatin1String("directory")).toString()));
    m_service->certRequest(p, [this](const QJsonObject &stage) {
                 const QString name = stage.value(QLatin1String("stage")).toString();
                 m_stages << name;
                 QString line = QStringLiteral("· ") + stageText(name);
                 if (const QString d = stage.value(QLatin1String("domain")).toString(); !d.isEmpty())
                     line += QStringLiteral(": ") + d;
                 logLine(line);
             })
        .then(this, [this](const Result<QJsonObject> &r) {
            setBusy(false);
            if (!r) {
                m_lastError = r.error().number();
                showStatus(errorText(r.error()), true);
                if (r.error().code == ErrorCode::DnsMismatch) {
                    // The names that cannot validate were named in the detail; the user may
                    // know better (a proxy in front that forwards /.well-known).
                    m_force->show();
                }
                return;
            }
            const QString domain = m_site->currentText();
            logLine(Tr::tr("Issued by %1, valid until %2 (%3 days).")
                        .arg(r->value(QLatin1String("issuer")).toString())
                        .arg(QLocale().toString(QDateTime::fromSecsSinceEpoch(qint64(r->value(QLatin1String("notAfter")).toDouble())),
                                                QLocale::ShortFormat))
                        .arg(r->value(QLatin1String("daysLeft")).toInt()));
            const QJsonObject site = r->value(QLatin1String("site")).toObject();
            showStatus(site.isEmpty() ? Tr::tr("Certificate stored.")
                                      : Tr::tr("Certificate installed into %1: %2").arg(domain, applyOutcomeText(site)),
                       false);
            emit issued(domain, *r);
        });
}

// --- CertImportDialog --------------------------------------------------------------------

CertImportDialog::CertImportDialog(WebsitesService *service, const QStringList &sites, const QString &domain,
                                   QWidget *parent)
    : QDialog(parent), m_service(service)
{
    setObjectName(QStringLiteral("certImportDialog"));
    resize(720, 680);
    m_name = new QLineEdit(this);
    m_site = new QComboBox(this);
    m_site->addItem(QString(), QString());
    for (const QString &s : sites)
        m_site->addItem(s, s);
    if (!domain.isEmpty())
        m_site->setCurrentIndex(qMax(0, m_site->findData(domain)));
    m_sslPort = new QSpinBox(this);
    m_sslPort->setRange(1, 65535);
    m_sslPort->setValue(443);
    m_httpsRedirect = new QCheckBox(this);
    const auto pem = [this](const char *name) {
        auto *e = new QPlainTextEdit(this);
        e->setObjectName(QLatin1String(name));
        e->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        e->setLineWrapMode(QPlainTextEdit::NoWrap);
        return e;
    };
    m_cert = pem("certificate");
    m_key = pem("key");
    m_chain = pem("chain");
    m_loadCert = new QPushButton(this);
    m_loadKey = new QPushButton(this);
    m_loadChain = new QPushButton(this);
    connect(m_loadCert, &QPushButton::clicked, this, [this] { load(m_cert); });
    connect(m_loadKey, &QPushButton::clicked, this, [this] { load(m_key); });
    connect(m_loadChain, &QPushButton::clicked, this, [this] { load(m_chain); });
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("importStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_importButton = new QPushButton(this);
    m_importButton->setDefault(true);
    m_close = new QPushButton(this);
    connect(m_importButton, &QPushButton::clicked, this, &CertImportDialog::import);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    for (int i = 0; i < 7; ++i)
        m_labels << new QLabel(this);
    auto *form = new QFormLayout;
    form->addRow(m_labels[0], m_site);
    form->addRow(m_labels[1], m_name);
    form->addRow(m_labels[2], m_sslPort);
    form->addRow(QString(), m_httpsRedirect);
    auto *grid = new QGridLayout;
    grid->addWidget(m_labels[3], 0, 0);
    grid->addWidget(m_loadCert, 0, 1);
    grid->addWidget(m_cert, 1, 0, 1, 2);
    grid->addWidget(m_labels[4], 2, 0);
    grid->addWidget(m_loadKey, 2, 1);
    grid->addWidget(m_key, 3, 0, 1, 2);
    grid->addWidget(m_labels[5], 4, 0);
    grid->addWidget(m_loadChain, 4, 1);
    grid->addWidget(m_chain, 5, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_importButton);
    buttons->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(grid, 1);
    layout->addLayout(buttons);
    retranslate();
}

void CertImportDialog::retranslate()
{
    setWindowTitle(Tr::tr("Import a Certificate"));
    m_labels[0]->setText(Tr::tr("Install into site:"));
    m_site->setItemText(0, Tr::tr("(only store it)"));
    m_labels[1]->setText(Tr::tr("Name:"));
    m_name->setPlaceholderText(Tr::tr("optional: the site's domain, else the certificate's first name"));
    m_labels[2]->setText(Tr::tr("HTTPS port:"));
    m_httpsRedirect->setText(Tr::tr("Redirect HTTP to HTTPS"));
    m_labels[3]->setText(Tr::tr("Certificate (PEM; the chain may follow it):"));
    m_labels[4]->setText(Tr::tr("Private key (PEM, not encrypted; stored with mode 0600):"));
    m_labels[5]->setText(Tr::tr("Intermediate chain (PEM, optional):"));
    for (QPushButton *b : {m_loadCert, m_loadKey, m_loadChain})
        b->setText(Tr::tr("Load File…"));
    m_importButton->setText(Tr::tr("Check and Import"));
    m_close->setText(Tr::tr("Close"));
}

void CertImportDialog::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(e);
}

void CertImportDialog::load(QPlainTextEdit *into)
{
    const QString file = QFileDialog::getOpenFileName(this, Tr::tr("Load PEM File"), QString(),
                                                      Tr::tr("PEM files (*.pem *.crt *.cer *.key);;All files (*)"));
    if (file.isEmpty())
        return;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly) || f.size() > 256 * 1024) {
        m_status->setText(Tr::tr("%1 cannot be read or is larger than 256 KiB").arg(file));
        return;
    }
    into->setPlainText(QString::fromUtf8(f.readAll()));
}

QJsonObject CertImportDialog::params() const
{
    QJsonObject p{{QStringLiteral("certificate"), m_cert->toPlainText()}, {QStringLiteral("key"), m_key->toPlainText()}};
    if (!m_chain->toPlainText().trimmed().isEmpty())
        p.insert(QStringLiteral("chain"), m_chain->toPlainText());
    if (!m_name->text().trimmed().isEmpty())
        p.insert(QStringLiteral("name"), m_name->text().trimmed());
    if (const QString site = m_site->currentData().toString(); !site.isEmpty()) {
        p.insert(QStringLiteral("site"), site);
        p.insert(QStringLiteral("sslPort"), m_sslPort->value());
        p.insert(QStringLiteral("httpsRedirect"), m_httpsRedirect->isChecked());
    }
    return p;
}

void CertImportDialog::import()
{
    if (m_busy)
        return;
    m_busy = true;
    m_importButton->setEnabled(false);
    m_errorField.clear();
    m_status->setStyleSheet(QString());
    m_status->setText(Tr::tr("Checking the certificate, key and chain…"));
    m_service->certImport(params()).then(this, [this](const Result<QJsonObject> &r) {
        m_busy = false;
        m_importButton->setEnabled(true);
        if (!r) {
            m_errorField = r.error().field;
            m_status->setStyleSheet(QStringLiteral("color:#b3261e;"));
            m_status->setText(errorText(r.error()));
            QPlainTextEdit *bad = m_errorField == QLatin1String("key")     ? m_key
                                : m_errorField == QLatin1String("chain")   ? m_chain
                                : m_errorField == QLatin1String("certificate") ? m_cert
                                                                               : nullptr;
            if (bad)
                bad->setFocus();
            return;
        }
        const QString site = m_site->currentData().toString();
        m_status->setStyleSheet(QString());
        m_status->setText(Tr::tr("Imported: %1").arg(r->value(QLatin1String("certificate")).toString()));
        emit imported(site, *r);
        accept();
    });
}

} // namespace Qwq::Websites
