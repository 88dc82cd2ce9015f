// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <websites/core/sitetypes.h>

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;
class QTabWidget;

namespace Qwq::Editor {
class CodeEditor;
}

namespace Qwq::Websites {

class TableEditor;
class WebsitesService;

/// The form for a site qwq manages: static, reverse proxy (one backend or a load-balanced
/// upstream) or redirect, HTTPS, options (gzip, websocket, body size, logs, rate limit, basic
/// auth), access rules, headers and custom locations. "Preview" shows the exact files the
/// change writes (`websites.diff`) and whether nginx accepts them (`nginx -t` on a staged
/// copy); "Create"/"Save" applies it (`websites.create`/`update`). A field the app or the
/// helper refuses is named, its tab shown and the field focused. For an existing site the form
/// is compared with its file on open: hand edits made in the raw editor, which saving the form
/// would replace, are shown before anything is saved.
class SiteFormDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SiteFormDialog)
public:
    /// A new site when `existing` is null, else the managed site's spec (from websites.get).
    SiteFormDialog(WebsitesService *service, const SiteSpec *existing, QWidget *parent = nullptr);

    SiteSpec spec() const;
    void setSpec(const SiteSpec &spec);
    bool isNew() const { return m_new; }

    void preview();
    void apply();

    QLineEdit *domainField() const { return m_domain; }
    QComboBox *kindBox() const { return m_kind; }
    QLineEdit *rootField() const { return m_root; }
    QLineEdit *backendField() const { return m_backend; }
    QLineEdit *certificateField() const { return m_cert; }
    QLineEdit *keyField() const { return m_key; }
    QCheckBox *gzipBox() const { return m_gzip; }
    TableEditor *upstreamTable() const { return m_upstream; }
    TableEditor *headersTable() const { return m_headers; }
    TableEditor *locationsTable() const { return m_locations; }
    QTabWidget *tabs() const { return m_tabs; }
    Editor::CodeEditor *previewEditor() const { return m_previewText; }
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *previewButton() const { return m_previewButton; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *handEditsLabel() const { return m_handEdits; }
    /// The field the last error named ("" when none), and the widget focused for it.
    QString errorField() const { return m_errorField; }
    QWidget *errorWidget() const { return m_errorWidget; }
    bool busy() const { return m_busy; }
    /// Number of finished previews (tests wait on it), and the last preview's validity.
    int previews() const { return m_previews; }
    bool previewValid() const { return m_previewValid; }

signals:
    /// The change was applied: the helper's answer (version, reloaded, files…).
    void applied(const QString &domain, const QJsonObject &result);

protected:
    void changeEvent(QEvent *e) override;

private:
    void retranslate();
    void updateKind();
    void setBusy(bool busy);
    void showError(const Error &e);
    void showStatus(const QString &text, bool error);
    void checkHandEdits();

    WebsitesService *m_service;
    bool m_new;
    QTabWidget *m_tabs;
    QLabel *m_status;
    QLabel *m_handEdits;
    QPushButton *m_previewButton;
    QPushButton *m_apply;
    QPushButton *m_cancel;
    // Site tab
    QLabel *m_domainLabel, *m_aliasesLabel, *m_kindLabel, *m_listenLabel;
    QLineEdit *m_domain;
    QLineEdit *m_aliases;
    QComboBox *m_kind;
    QLineEdit *m_address;
    QSpinBox *m_port;
    QStackedWidget *m_kindStack;
    QLabel *m_rootLabel;
    QLineEdit *m_root;
    QRadioButton *m_single;
    QRadioButton *m_balanced;
    QLineEdit *m_backend;
    QLabel *m_methodLabel;
    QComboBox *m_method;
    TableEditor *m_upstream;
    QCheckBox *m_websocket;
    QLabel *m_urlLabel, *m_codeLabel;
    QLineEdit *m_redirectUrl;
    QComboBox *m_redirectCode;
    QCheckBox *m_keepPath;
    // HTTPS tab
    QLabel *m_certLabel, *m_keyLabel, *m_sslPortLabel, *m_httpsNote;
    QLineEdit *m_cert;
    QLineEdit *m_key;
    QSpinBox *m_sslPort;
    QCheckBox *m_httpsRedirect;
    QCheckBox *m_hsts;
    // Options tab
    QCheckBox *m_gzip;
    QLabel *m_bodyLabel, *m_accessLogLabel, *m_errorLogLabel, *m_perSecondLabel, *m_burstLabel, *m_realmLabel;
    QLineEdit *m_bodySize;
    QLineEdit *m_accessLog;
    QLineEdit *m_errorLog;
    QCheckBox *m_rateLimit;
    QSpinBox *m_perSecond;
    QSpinBox *m_burst;
    QCheckBox *m_basicAuth;
    QLineEdit *m_realm;
    TableEditor *m_users;
    QLabel *m_usersNote;
    // Access tab
    QLabel *m_accessTitle, *m_headersTitle;
    TableEditor *m_access;
    TableEditor *m_headers;
    // Locations tab
    QLabel *m_locationsNote;
    TableEditor *m_locations;
    // Preview tab
    QLabel *m_previewState;
    Editor::CodeEditor *m_previewText;

    QString m_errorField;
    QWidget *m_errorWidget = nullptr;
    bool m_busy = false;
    int m_previews = 0;
    bool m_previewValid = false;
    quint64 m_generation = 0;
};

} // namespace Qwq::Websites
