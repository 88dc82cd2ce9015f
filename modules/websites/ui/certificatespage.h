// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QWidget>

class QDialog;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace Qwq::Profiles {
class SecretStore;
}

namespace Qwq::Websites {

class WebsitesService;

/// The Websites panel's certificate tab: every certificate a site uses and every one qwq keeps
/// (`websites.certificates`), soonest expiry first, with days left coloured (red under 14 days
/// or expired, amber under the renewal threshold), issuer, the sites that use it and who looks
/// after it (qwq's ACME renewal, an import, or outside qwq). Request (ACME) and import open their
/// dialogs; the renewal timer is installed, shown and removed here
/// (`websites.certRenew*`).
class CertificatesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificatesPage)
public:
    explicit CertificatesPage(WebsitesService *service, QWidget *parent = nullptr);

    void refresh();
    /// The managed sites (domains) the request and import dialogs offer.
    void setManagedSites(const QStringList &domains) { m_sites = domains; }
    /// The keychain the request dialog remembers TSIG secrets in (see CertRequestDialog).
    void setKeychain(Profiles::SecretStore *secrets, const QString &profileId)
    {
        m_secrets = secrets;
        m_profileId = profileId;
    }
    QDialog *openRequest(const QString &domain = {});
    QDialog *openImport(const QString &domain = {});
    void installRenewal();
    void uninstallRenewal();

    QTableWidget *table() const { return m_table; }
    QLabel *renewalLabel() const { return m_renewal; }
    QPushButton *renewalButton() const { return m_renewButton; }
    int refreshCount() const { return m_refreshes; }
    bool renewalInstalled() const { return m_renewInstalled; }
    const QJsonArray &certificates() const { return m_certs; }

signals:
    void errorOccurred(const Qwq::Error &error);
    void infoMessage(const QString &text);
    /// A certificate was issued or imported (and maybe installed into a site).
    void certificateInstalled(const QString &domain, const QJsonObject &result);
    void dialogOpened(QDialog *dialog);

protected:
    void changeEvent(QEvent *e) override;
    void showEvent(QShowEvent *e) override;

private:
    void retranslate();
    void showCertificates(const QJsonObject &result);
    void showRenewal(const QJsonObject &status);

    WebsitesService *m_service;
    QStringList m_sites;
    Profiles::SecretStore *m_secrets = nullptr;
    QString m_profileId;
    QLabel *m_intro;
    QTableWidget *m_table;
    QPushButton *m_request;
    QPushButton *m_import;
    QPushButton *m_refresh;
    QLabel *m_renewal;
    QLabel *m_daysLabel;
    QSpinBox *m_days;
    QPushButton *m_renewButton;
    QJsonArray m_certs;
    QJsonObject m_renewStatus;
    int m_renewDays = 30;
    bool m_renewInstalled = false;
    bool m_busy = false;
    int m_refreshes = 0;
};

} // namespace Qwq::Websites
