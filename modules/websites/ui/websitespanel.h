// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>
#include <websites/core/websitesservice.h>

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace Qwq::Workbench {
class MessageBar;
class StatePage;
class ServerContext;
}

namespace Qwq::Websites {

class CertificatesPage;
class DirectiveDialog;
class RawConfigDialog;
class SiteFilterModel;
class SiteFormDialog;
class SiteListModel;
class SiteLogView;
class SiteVersionsDialog;

/// The per-server "Websites" dock: every site of the nginx already on the server, hand-written
/// ones included (name, type, listen, what it serves, HTTP/HTTPS, enabled, who manages it and
/// where); new sites and the sites qwq manages through a form, hand-written ones through their
/// directives in place, any file through the raw editor; enable, disable, delete, versions with
/// diff and roll back, and the site's access and error logs. Every change goes through the
/// helper's staged `nginx -t` and is confirmed as the profile asks (delete: typed).
class WebsitesPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebsitesPanel)
public:
    explicit WebsitesPanel(Workbench::ServerContext *server, QWidget *parent = nullptr);
    ~WebsitesPanel() override;

    void refresh();
    bool selectSite(const QString &id);
    bool selectDomain(const QString &domain);
    const SiteEntry *selectedSite() const;

    SiteFormDialog *openNewSite();
    /// The form for a managed site (after reading its spec: returns null now, `dialogOpened`
    /// follows), the directive form for a hand-written one.
    void editSelected();
    RawConfigDialog *openRawConfig();
    /// The file that keeps the configuration from parsing, in the raw editor (the page shown
    /// while it does not parse).
    RawConfigDialog *openBrokenFile();
    SiteVersionsDialog *openVersions();
    void setSelectedEnabled(bool enabled);
    void deleteSelected();
    bool askAiAboutSelected();

    WebsitesService *service() const { return m_service; }
    SiteListModel *model() const { return m_model; }
    SiteFilterModel *filterModel() const { return m_filter; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterField() const { return m_filterEdit; }
    SiteLogView *logView() const { return m_logs; }
    QPlainTextEdit *overview() const { return m_overview; }
    QTabWidget *detailTabs() const { return m_details; }
    QLabel *installLabel() const { return m_install; }
    CertificatesPage *certificatesPage() const { return m_certs; }
    QTabWidget *sectionTabs() const { return m_sections; }
    Workbench::MessageBar *messageBar() const { return m_bar; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *enableButton() const { return m_enable; }
    QPushButton *disableButton() const { return m_disable; }
    QPushButton *deleteButton() const { return m_delete; }
    int refreshCount() const { return m_refreshes; }
    bool nginxMissing() const { return m_nginxMissing; }
    const NginxInstall &install() const { return m_installInfo; }

signals:
    /// A form or editor window was opened (tests and screenshots pick it up).
    void dialogOpened(QDialog *dialog);
    /// A change was applied (after the list refresh it triggers has been asked for).
    void changeApplied(const QString &domain, const QJsonObject &result);

protected:
    void changeEvent(QEvent *e) override;
    void showEvent(QShowEvent *e) override;

private:
    void retranslate();
    void onReadyChanged(bool ready);
    void updateButtons();
    void updateDetails();
    void showError(const Error &e);
    void applied(const QString &domain, const QJsonObject &result);
    void showDialog(QDialog *dialog);

    Workbench::ServerContext *m_server;
    WebsitesService *m_service;
    SiteListModel *m_model;
    SiteFilterModel *m_filter;
    Workbench::MessageBar *m_bar;
    QStackedWidget *m_stack;
    Workbench::StatePage *m_offline;
    Workbench::StatePage *m_noNginx;
    Workbench::StatePage *m_broken;
    QLabel *m_install;
    QTabWidget *m_sections;
    CertificatesPage *m_certs;
    QLineEdit *m_filterEdit;
    QPushButton *m_new;
    QPushButton *m_edit;
    QPushButton *m_raw;
    QPushButton *m_enable;
    QPushButton *m_disable;
    QPushButton *m_delete;
    QPushButton *m_versions;
    QPushButton *m_refreshButton;
    QTableView *m_table;
    QTabWidget *m_details;
    QPlainTextEdit *m_overview;
    SiteLogView *m_logs;
    NginxInstall m_installInfo;
    bool m_nginxMissing = false;
    bool m_loading = false;
    bool m_busy = false;
    int m_refreshes = 0;
    QString m_selectAfterRefresh;
};

} // namespace Qwq::Websites
