// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace Qwq::Profiles {
class SecretStore;
}

namespace Qwq::Websites {

class WebsitesService;

/// Requests a certificate for a managed site from an ACME CA (`websites.certRequest`): the CA
/// (Let's Encrypt, its staging, or any directory URL), HTTP-01 through the site or DNS-01 by
/// RFC 2136 updates (server, zone, TSIG key), the contact, HTTPS port and HTTP→HTTPS. "Check DNS"
/// (`websites.dnsCheck`) says per name whether it points at this server; the request does the
/// same first and stops with the names that would fail, which the user may override. The CA's
/// terms must be accepted. Each stage is shown as it happens.
class CertRequestDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertRequestDialog)
public:
    CertRequestDialog(WebsitesService *service, const QStringList &sites, const QString &domain,
                      QWidget *parent = nullptr);

    QJsonObject params() const;
    void checkDns();
    void request(bool force = false);
    /// Where DNS-01's TSIG secret is remembered: this computer's keychain, under
    /// "<profile id>/tsig/<zone>/<key name>". A remembered secret fills the empty field once
    /// the zone and key name are given; a typed one is saved when the request is sent (unless
    /// "Remember" is unticked).
    void setKeychain(Profiles::SecretStore *secrets, const QString &profileId);

    QComboBox *siteBox() const { return m_site; }
    QComboBox *caBox() const { return m_ca; }
    QLineEdit *directoryField() const { return m_directory; }
    QLineEdit *emailField() const { return m_email; }
    QComboBox *challengeBox() const { return m_challenge; }
    QLineEdit *expectField() const { return m_expect; }
    QLineEdit *resolverField() const { return m_resolver; }
    QSpinBox *sslPortBox() const { return m_sslPort; }
    QCheckBox *termsBox() const { return m_terms; }
    QPushButton *requestButton() const { return m_requestButton; }
    QPushButton *forceButton() const { return m_force; }
    QLineEdit *zoneField() const { return m_zone; }
    QLineEdit *keyNameField() const { return m_keyName; }
    QLineEdit *secretField() const { return m_secret; }
    QCheckBox *rememberSecretBox() const { return m_rememberSecret; }
    /// Keychain reads finished (tests wait on it).
    int secretRecalls() const { return m_recalls; }
    QPlainTextEdit *log() const { return m_log; }
    QLabel *statusLabel() const { return m_status; }
    bool busy() const { return m_busy; }
    /// The last error's code (0 after a success) and the stages seen.
    int lastErrorCode() const { return m_lastError; }
    QStringList stages() const { return m_stages; }

signals:
    void issued(const QString &domain, const QJsonObject &result);

protected:
    void changeEvent(QEvent *e) override;

private:
    void retranslate();
    void updateFields();
    void setBusy(bool busy);
    void showStatus(const QString &text, bool error);
    void logLine(const QString &line);
    static QString stageText(const QString &stage);
    QString secretKey() const;
    void recallSecret();

    WebsitesService *m_service;
    QComboBox *m_site;
    QComboBox *m_ca;
    QLineEdit *m_directory;
    QLineEdit *m_email;
    QComboBox *m_challenge;
    QGroupBox *m_dnsBox;
    QLineEdit *m_dnsServer;
    QLineEdit *m_zone;
    QLineEdit *m_keyName;
    QComboBox *m_algorithm;
    QLineEdit *m_secret;
    QCheckBox *m_rememberSecret;
    Profiles::SecretStore *m_secrets = nullptr;
    QString m_profileId;
    int m_recalls = 0;
    QSpinBox *m_sslPort;
    QCheckBox *m_httpsRedirect;
    QLineEdit *m_expect;
    QLineEdit *m_resolver;
    QCheckBox *m_terms;
    QPlainTextEdit *m_log;
    QLabel *m_status;
    QPushButton *m_check;
    QPushButton *m_requestButton;
    QPushButton *m_force;
    QPushButton *m_close;
    QList<QLabel *> m_labels;
    bool m_busy = false;
    int m_lastError = 0;
    QStringList m_stages;
};

/// Imports a certificate the user already has (`websites.certImport`): certificate, private key
/// and chain as PEM (pasted or loaded from files), checked by the helper with OpenSSL (the key
/// belongs to the certificate, the chain links, nothing expired: the bad part is named and
/// focused), stored under qwq's certificate directory and optionally installed into a site.
class CertImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertImportDialog)
public:
    CertImportDialog(WebsitesService *service, const QStringList &sites, const QString &domain,
                     QWidget *parent = nullptr);

    QJsonObject params() const;
    void import();
    QPlainTextEdit *certificateField() const { return m_cert; }
    QPlainTextEdit *keyField() const { return m_key; }
    QPlainTextEdit *chainField() const { return m_chain; }
    QComboBox *siteBox() const { return m_site; }
    QSpinBox *sslPortBox() const { return m_sslPort; }
    QPushButton *importButton() const { return m_importButton; }
    QLabel *statusLabel() const { return m_status; }
    QString errorField() const { return m_errorField; }
    bool busy() const { return m_busy; }

signals:
    void imported(const QString &domain, const QJsonObject &result);

protected:
    void changeEvent(QEvent *e) override;

private:
    void retranslate();
    void load(QPlainTextEdit *into);

    WebsitesService *m_service;
    QLineEdit *m_name;
    QComboBox *m_site;
    QSpinBox *m_sslPort;
    QCheckBox *m_httpsRedirect;
    QPlainTextEdit *m_cert;
    QPlainTextEdit *m_key;
    QPlainTextEdit *m_chain;
    QPushButton *m_loadCert;
    QPushButton *m_loadKey;
    QPushButton *m_loadChain;
    QLabel *m_status;
    QPushButton *m_importButton;
    QPushButton *m_close;
    QList<QLabel *> m_labels;
    QString m_errorField;
    bool m_busy = false;
};

} // namespace Qwq::Websites
