// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "certificatespage.h"

#include "certdialogs.h"

#include <websites/core/websitesservice.h>
#include <websites/core/websitestr.h>

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Qwq::Websites {

namespace {
enum Column { NamesColumn, ExpiresColumn, DaysColumn, IssuerColumn, SitesColumn, SourceColumn, RenewalColumn, ColumnCount };

QTableWidgetItem *item(const QString &text)
{
    auto *i = new QTableWidgetItem(text);   // plain text: it came from a certificate
    i->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return i;
}
} // namespace

CertificatesPage::CertificatesPage(WebsitesService *service, QWidget *parent) : QWidget(parent), m_service(service)
{
    setObjectName(QStringLiteral("certificatesPage"));
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("certificateTable"));
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->resizeSection(NamesColumn, 220);
    m_table->horizontalHeader()->resizeSection(ExpiresColumn, 130);
    m_table->horizontalHeader()->resizeSection(DaysColumn, 80);
    m_table->horizontalHeader()->resizeSection(IssuerColumn, 180);
    m_table->horizontalHeader()->resizeSection(SitesColumn, 160);
    m_table->horizontalHeader()->resizeSection(SourceColumn, 110);
    m_request = new QPushButton(this);
    m_request->setObjectName(QStringLiteral("requestCertificate"));
    m_import = new QPushButton(this);
    m_import->setObjectName(QStringLiteral("importCertificate"));
    m_refresh = new QPushButton(this);
    connect(m_request, &QPushButton::clicked, this, [this] { openRequest(); });
    connect(m_import, &QPushButton::clicked, this, [this] { openImport(); });
    connect(m_refresh, &QPushButton::clicked, this, &CertificatesPage::refresh);
    m_renewal = new QLabel(this);
    m_renewal->setObjectName(QStringLiteral("renewalStatus"));
    m_renewal->setWordWrap(true);
    m_renewal->setTextFormat(Qt::PlainText);
    m_daysLabel = new QLabel(this);
    m_days = new QSpinBox(this);
    m_days->setRange(1, 365);
    m_days->setValue(30);
    m_renewButton = new QPushButton(this);
    m_renewButton->setObjectName(QStringLiteral("renewalButton"));
    connect(m_renewButton, &QPushButton::clicked, this, [this] {
        if (m_renewInstalled)
            uninstallRenewal();
        else
            installRenewal();
    });
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_request);
    bar->addWidget(m_import);
    bar->addStretch();
    bar->addWidget(m_refresh);
    auto *renew = new QHBoxLayout;
    renew->addWidget(m_renewal, 1);
    renew->addWidget(m_daysLabel);
    renew->addWidget(m_days);
    renew->addWidget(m_renewButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_intro);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addLayout(renew);
    retranslate();
}

void CertificatesPage::retranslate()
{
    m_intro->setText(Tr::tr("Every certificate a site uses and every one qwq keeps, soonest expiry first. qwq renews "
                            "the certificates it requested when fewer days are left than the renewal threshold."));
    m_table->setHorizontalHeaderLabels({Tr::tr("Names"), Tr::tr("Expires"), Tr::tr("Days left"), Tr::tr("Issuer"),
                                        Tr::tr("Used by"), Tr::tr("Source"), Tr::tr("Renewal")});
    m_request->setText(Tr::tr("Request Certificate…"));
    m_import->setText(Tr::tr("Import Certificate…"));
    m_refresh->setText(Tr::tr("Refresh"));
    m_daysLabel->setText(Tr::tr("Renew when fewer days are left than:"));
    m_renewButton->setText(m_renewInstalled ? Tr::tr("Stop Automatic Renewal") : Tr::tr("Renew Automatically"));
    showRenewal(m_renewStatus);
    if (!m_certs.isEmpty())
        showCertificates(QJsonObject{{QStringLiteral("certificates"), m_certs}, {QStringLiteral("renewDays"), m_renewDays}});
}

void CertificatesPage::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

void CertificatesPage::showEvent(QShowEvent *e)
{
    QWidget::showEvent(e);
    refresh();
}

void CertificatesPage::refresh()
{
    if (m_busy)
        return;
    m_busy = true;
    m_service->certificates().then(this, [this](const Result<QJsonObject> &r) {
        m_service->certRenewStatus().then(this, [this, r](const Result<QJsonObject> &status) {
            m_busy = false;
            ++m_refreshes;
            if (!r)
                emit errorOccurred(r.error());
            else
                showCertificates(*r);
            if (status)
                showRenewal(*status);
        });
    });
}

void CertificatesPage::showCertificates(const QJsonObject &result)
{
    m_certs = result.value(QLatin1String("certificates")).toArray();
    m_renewDays = result.value(QLatin1String("renewDays")).toInt(m_renewDays);
    m_table->setRowCount(0);
    for (const QJsonValue &v : m_certs) {
        const QJsonObject c = v.toObject();
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        if (c.contains(QLatin1String("error"))) {
            m_table->setItem(row, NamesColumn, item(c.value(QLatin1String("path")).toString()));
            m_table->setItem(row, IssuerColumn, item(Tr::tr("unreadable: %1").arg(c.value(QLatin1String("error")).toString())));
            continue;
        }
        QStringList names;
        for (const QJsonValue &n : c.value(QLatin1String("names")).toArray())
            names << n.toString();
        auto *namesItem = item(names.join(QStringLiteral(", ")));
        namesItem->setToolTip(c.value(QLatin1String("path")).toString());
        namesItem->setData(Qt::UserRole, c.value(QLatin1String("path")).toString());
        m_table->setItem(row, NamesColumn, namesItem);
        const QDateTime notAfter = QDateTime::fromSecsSinceEpoch(qint64(c.value(QLatin1String("notAfter")).toDouble()));
        m_table->setItem(row, ExpiresColumn, item(QLocale().toString(notAfter, QLocale::ShortFormat)));
        const int days = c.value(QLatin1String("daysLeft")).toInt();
        const bool expired = c.value(QLatin1String("expired")).toBool();
        auto *daysItem = item(expired ? Tr::tr("expired") : QString::number(days));
        if (expired || days < 14)
            daysItem->setForeground(QColor(0xb3, 0x26, 0x1e));
        else if (days < m_renewDays)
            daysItem->setForeground(QColor(0xb0, 0x6d, 0x00));
        m_table->setItem(row, DaysColumn, daysItem);
        QString issuer = c.value(QLatin1String("issuer")).toString();
        if (c.value(QLatin1String("selfSigned")).toBool())
            issuer = Tr::tr("self-signed");
        m_table->setItem(row, IssuerColumn, item(issuer));
        QStringList sites;
        for (const QJsonValue &s : c.value(QLatin1String("sites")).toArray()) {
            const QJsonArray siteNames = s.toObject().value(QLatin1String("names")).toArray();
            sites << (siteNames.isEmpty() ? s.toObject().value(QLatin1String("id")).toString() : siteNames.first().toString());
        }
        m_table->setItem(row, SitesColumn, item(sites.isEmpty() ? Tr::tr("no site") : sites.join(QStringLiteral(", "))));
        const QString source = c.value(QLatin1String("source")).toString();
        m_table->setItem(row, SourceColumn, item(!c.value(QLatin1String("qwq")).toBool() ? Tr::tr("outside qwq")
                                                 : source == QLatin1String("acme")       ? Tr::tr("ACME (qwq)")
                                                                                          : Tr::tr("imported")));
        const QJsonObject renewal = c.value(QLatin1String("renewal")).toObject();
        QString renewText;
        if (!renewal.isEmpty()) {
            const QString last = renewal.value(QLatin1String("lastResult")).toString();
            renewText = renewal.value(QLatin1String("due")).toBool() ? Tr::tr("due") : Tr::tr("not due");
            if (last == QLatin1String("failed"))
                renewText += QStringLiteral(" · ") + Tr::tr("last try failed: %1").arg(renewal.value(QLatin1String("lastError")).toString());
            else if (last == QLatin1String("renewed"))
                renewText += QStringLiteral(" · ") + Tr::tr("last renewed %1")
                                                     .arg(QLocale().toString(QDateTime::fromSecsSinceEpoch(qint64(renewal.value(QLatin1String("lastRun")).toDouble())),
                                                                             QLocale::ShortFormat));
        } else if (c.value(QLatin1String("qwq")).toBool()) {
            renewText = Tr::tr("renew by importing a new one");
        } else {
            renewText = Tr::tr("not renewed by qwq");
        }
        m_table->setItem(row, RenewalColumn, item(renewText));
    }
}

void CertificatesPage::showRenewal(const QJsonObject &status)
{
    m_renewStatus = status;
    m_renewInstalled = status.value(QLatin1String("installed")).toBool();
    if (m_renewInstalled)
        m_days->setValue(status.value(QLatin1String("days")).toInt(30));
    m_renewButton->setText(m_renewInstalled ? Tr::tr("Stop Automatic Renewal") : Tr::tr("Renew Automatically"));
    if (status.isEmpty()) {
        m_renewal->clear();
        return;
    }
    if (!m_renewInstalled) {
        m_renewal->setText(Tr::tr("Automatic renewal is off: certificates qwq requested are not renewed on this server."));
        return;
    }
    QString text = Tr::tr("Automatic renewal: daily by %1, %2 days before expiry.")
                       .arg(status.value(QLatin1String("scheduler")).toString())
                       .arg(status.value(QLatin1String("days")).toInt());
    const QJsonObject last = status.value(QLatin1String("lastRun")).toObject();
    if (!last.isEmpty())
        text += QLatin1Char(' ') + Tr::tr("Last run %1: %2 renewed, %3 failed.")
                                       .arg(QLocale().toString(QDateTime::fromSecsSinceEpoch(qint64(last.value(QLatin1String("time")).toDouble())),
                                                               QLocale::ShortFormat))
                                       .arg(last.value(QLatin1String("renewed")).toInt())
                                       .arg(last.value(QLatin1String("failed")).toInt());
    m_renewal->setText(text);
}

void CertificatesPage::installRenewal()
{
    m_renewButton->setEnabled(false);
    m_service->certRenewInstall(m_days->value()).then(this, [this](const Result<QJsonObject> &r) {
        m_renewButton->setEnabled(true);
        if (!r)
            return emit errorOccurred(r.error());
        emit infoMessage(Tr::tr("Automatic renewal installed (%1: %2).")
                             .arg(r->value(QLatin1String("scheduler")).toString(), r->value(QLatin1String("command")).toString()));
        refresh();
    });
}

void CertificatesPage::uninstallRenewal()
{
    m_renewButton->setEnabled(false);
    m_service->certRenewUninstall().then(this, [this](const Result<QJsonObject> &r) {
        m_renewButton->setEnabled(true);
        if (!r)
            return emit errorOccurred(r.error());
        emit infoMessage(Tr::tr("Automatic renewal removed."));
        refresh();
    });
}

QDialog *CertificatesPage::openRequest(const QString &domain)
{
    auto *dialog = new CertRequestDialog(m_service, m_sites, domain, this);
    dialog->setKeychain(m_secrets, m_profileId);
    connect(dialog, &CertRequestDialog::issued, this, [this](const QString &d, const QJsonObject &r) {
        emit certificateInstalled(d, r);
        refresh();
    });
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    emit dialogOpened(dialog);
    return dialog;
}

QDialog *CertificatesPage::openImport(const QString &domain)
{
    auto *dialog = new CertImportDialog(m_service, m_sites, domain, this);
    connect(dialog, &CertImportDialog::imported, this, [this](const QString &d, const QJsonObject &r) {
        emit certificateInstalled(d, r);
        refresh();
    });
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    emit dialogOpened(dialog);
    return dialog;
}

} // namespace Qwq::Websites
