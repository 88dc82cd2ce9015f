// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "siteformdialog.h"

#include "siteformtables.h"

#include <websites/core/websitesservice.h>
#include <websites/core/websitestr.h>
#include <core/core/errormessages.h>
#include <editor/ui/codeeditor.h>

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Qwq::Websites {

namespace {
enum Tab { SiteTab, HttpsTab, OptionsTab, AccessTab, LocationsTab, PreviewTab };
const QStringList kKinds{QStringLiteral("static"), QStringLiteral("proxy"), QStringLiteral("redirect")};
const QStringList kCodes{QStringLiteral("301"), QStringLiteral("302"), QStringLiteral("307"), QStringLiteral("308")};
const QStringList kMethods{QStringLiteral("round_robin"), QStringLiteral("least_conn"), QStringLiteral("ip_hash")};
const QStringList kModifiers{QString(), QStringLiteral("="), QStringLiteral("^~"), QStringLiteral("~"), QStringLiteral("~*")};

QLineEdit *lineEdit(QWidget *parent, const char *name)
{
    auto *e = new QLineEdit(parent);
    e->setObjectName(QLatin1String(name));
    return e;
}

QString b(bool v)
{
    return v ? QStringLiteral("1") : QStringLiteral("0");
}
} // namespace

SiteFormDialog::SiteFormDialog(WebsitesService *service, const SiteSpec *existing, QWidget *parent)
    : QDialog(parent), m_service(service), m_new(existing == nullptr)
{
    setObjectName(QStringLiteral("siteFormDialog"));
    resize(760, 600);
    m_tabs = new QTabWidget(this);

    // --- Site ---
    auto *site = new QWidget(m_tabs);
    m_domain = lineEdit(site, "domain");
    m_aliases = lineEdit(site, "aliases");
    m_kind = new QComboBox(site);
    m_kind->setObjectName(QStringLiteral("kind"));
    for (const QString &k : kKinds)
        m_kind->addItem(QString(), k);
    m_address = lineEdit(site, "address");
    m_port = new QSpinBox(site);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, 65535);
    m_port->setValue(80);
    auto *listen = new QHBoxLayout;
    listen->addWidget(m_address, 1);
    listen->addWidget(new QLabel(QStringLiteral(":"), site));
    listen->addWidget(m_port);
    m_kindStack = new QStackedWidget(site);
    // static
    auto *staticPage = new QWidget(m_kindStack);
    m_root = lineEdit(staticPage, "root");
    auto *sf = new QFormLayout(staticPage);
    sf->setContentsMargins(0, 0, 0, 0);
    m_rootLabel = new QLabel(staticPage);
    sf->addRow(m_rootLabel, m_root);
    // proxy
    auto *proxyPage = new QWidget(m_kindStack);
    m_single = new QRadioButton(proxyPage);
    m_balanced = new QRadioButton(proxyPage);
    m_single->setChecked(true);
    auto *group = new QButtonGroup(proxyPage);
    group->addButton(m_single);
    group->addButton(m_balanced);
    m_backend = lineEdit(proxyPage, "backend");
    m_methodLabel = new QLabel(proxyPage);
    m_method = new QComboBox(proxyPage);
    m_method->setObjectName(QStringLiteral("upstreamMethod"));
    for (const QString &m : kMethods)
        m_method->addItem(QString(), m);
    m_upstream = new TableEditor({{QStringLiteral("address")},
                                  {QStringLiteral("weight"), TableEditor::Type::Int, {}, {}, QStringLiteral("1"), 1, 1000},
                                  {QStringLiteral("maxFails"), TableEditor::Type::Int, {}, {}, QStringLiteral("1"), 0, 1000},
                                  {QStringLiteral("failTimeout"), TableEditor::Type::Int, {}, {}, QStringLiteral("10"), 1, 86400},
                                  {QStringLiteral("backup"), TableEditor::Type::Bool, {}, {}, QStringLiteral("0")}},
                                 proxyPage);
    m_upstream->setObjectName(QStringLiteral("upstreamServers"));
    m_websocket = new QCheckBox(proxyPage);
    m_websocket->setObjectName(QStringLiteral("websocket"));
    auto *pl = new QGridLayout(proxyPage);
    pl->setContentsMargins(0, 0, 0, 0);
    pl->addWidget(m_single, 0, 0);
    pl->addWidget(m_backend, 0, 1, 1, 2);
    pl->addWidget(m_balanced, 1, 0);
    pl->addWidget(m_methodLabel, 1, 1);
    pl->addWidget(m_method, 1, 2);
    pl->addWidget(m_upstream, 2, 0, 1, 3);
    pl->addWidget(m_websocket, 3, 0, 1, 3);
    pl->setColumnStretch(2, 1);
    const auto updateProxy = [this] {
        m_backend->setEnabled(m_single->isChecked());
        m_method->setEnabled(m_balanced->isChecked());
        m_upstream->setEnabled(m_balanced->isChecked());
    };
    connect(m_single, &QRadioButton::toggled, this, updateProxy);
    updateProxy();
    // redirect
    auto *redirectPage = new QWidget(m_kindStack);
    m_redirectUrl = lineEdit(redirectPage, "redirectUrl");
    m_redirectCode = new QComboBox(redirectPage);
    m_redirectCode->setObjectName(QStringLiteral("redirectCode"));
    for (const QString &c : kCodes)
        m_redirectCode->addItem(QString(), c);
    m_keepPath = new QCheckBox(redirectPage);
    m_keepPath->setChecked(true);
    auto *rf = new QFormLayout(redirectPage);
    rf->setContentsMargins(0, 0, 0, 0);
    m_urlLabel = new QLabel(redirectPage);
    m_codeLabel = new QLabel(redirectPage);
    rf->addRow(m_urlLabel, m_redirectUrl);
    rf->addRow(m_codeLabel, m_redirectCode);
    rf->addRow(QString(), m_keepPath);
    m_kindStack->addWidget(staticPage);
    m_kindStack->addWidget(proxyPage);
    m_kindStack->addWidget(redirectPage);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &SiteFormDialog::updateKind);
    auto *siteForm = new QFormLayout;
    m_domainLabel = new QLabel(site);
    m_aliasesLabel = new QLabel(site);
    m_kindLabel = new QLabel(site);
    m_listenLabel = new QLabel(site);
    siteForm->addRow(m_domainLabel, m_domain);
    siteForm->addRow(m_aliasesLabel, m_aliases);
    siteForm->addRow(m_listenLabel, listen);
    siteForm->addRow(m_kindLabel, m_kind);
    auto *sl = new QVBoxLayout(site);
    sl->addLayout(siteForm);
    sl->addWidget(m_kindStack, 1);

    // --- HTTPS ---
    auto *https = new QWidget(m_tabs);
    m_cert = lineEdit(https, "sslCertificate");
    m_key = lineEdit(https, "sslCertificateKey");
    m_sslPort = new QSpinBox(https);
    m_sslPort->setObjectName(QStringLiteral("sslPort"));
    m_sslPort->setRange(1, 65535);
    m_sslPort->setValue(443);
    m_httpsRedirect = new QCheckBox(https);
    m_hsts = new QCheckBox(https);
    m_httpsNote = new QLabel(https);
    m_httpsNote->setWordWrap(true);
    m_certLabel = new QLabel(https);
    m_keyLabel = new QLabel(https);
    m_sslPortLabel = new QLabel(https);
    auto *hf = new QFormLayout(https);
    hf->addRow(m_httpsNote);
    hf->addRow(m_certLabel, m_cert);
    hf->addRow(m_keyLabel, m_key);
    hf->addRow(m_sslPortLabel, m_sslPort);
    hf->addRow(QString(), m_httpsRedirect);
    hf->addRow(QString(), m_hsts);

    // --- Options ---
    auto *options = new QWidget(m_tabs);
    m_gzip = new QCheckBox(options);
    m_gzip->setObjectName(QStringLiteral("gzip"));
    m_bodySize = lineEdit(options, "clientMaxBodySize");
    m_accessLog = lineEdit(options, "accessLog");
    m_errorLog = lineEdit(options, "errorLog");
    m_rateLimit = new QCheckBox(options);
    m_perSecond = new QSpinBox(options);
    m_perSecond->setRange(1, 100000);
    m_perSecond->setValue(10);
    m_burst = new QSpinBox(options);
    m_burst->setRange(0, 100000);
    m_burst->setValue(20);
    m_basicAuth = new QCheckBox(options);
    m_realm = lineEdit(options, "realm");
    m_users = new TableEditor({{QStringLiteral("name")}, {QStringLiteral("password"), TableEditor::Type::Password}}, options);
    m_users->setObjectName(QStringLiteral("users"));
    m_usersNote = new QLabel(options);
    m_usersNote->setWordWrap(true);
    m_bodyLabel = new QLabel(options);
    m_accessLogLabel = new QLabel(options);
    m_errorLogLabel = new QLabel(options);
    m_perSecondLabel = new QLabel(options);
    m_burstLabel = new QLabel(options);
    m_realmLabel = new QLabel(options);
    auto *rate = new QHBoxLayout;
    rate->addWidget(m_perSecondLabel);
    rate->addWidget(m_perSecond);
    rate->addWidget(m_burstLabel);
    rate->addWidget(m_burst);
    rate->addStretch();
    auto *of = new QFormLayout(options);
    of->addRow(QString(), m_gzip);
    of->addRow(m_bodyLabel, m_bodySize);
    of->addRow(m_accessLogLabel, m_accessLog);
    of->addRow(m_errorLogLabel, m_errorLog);
    of->addRow(m_rateLimit, rate);
    of->addRow(m_basicAuth);
    of->addRow(m_realmLabel, m_realm);
    of->addRow(m_users);
    of->addRow(m_usersNote);
    const auto updateOptions = [this] {
        m_perSecond->setEnabled(m_rateLimit->isChecked());
        m_burst->setEnabled(m_rateLimit->isChecked());
        m_realm->setEnabled(m_basicAuth->isChecked());
        m_users->setEnabled(m_basicAuth->isChecked());
    };
    connect(m_rateLimit, &QCheckBox::toggled, this, updateOptions);
    connect(m_basicAuth, &QCheckBox::toggled, this, updateOptions);
    updateOptions();

    // --- Access ---
    auto *access = new QWidget(m_tabs);
    m_accessTitle = new QLabel(access);
    m_headersTitle = new QLabel(access);
    m_access = new TableEditor({{QStringLiteral("action"), TableEditor::Type::Choice,
                                 {QStringLiteral("allow"), QStringLiteral("deny")}, {}, QStringLiteral("allow")},
                                {QStringLiteral("source")}},
                               access);
    m_access->setObjectName(QStringLiteral("access"));
    m_headers = new TableEditor({{QStringLiteral("name")}, {QStringLiteral("value")}}, access);
    m_headers->setObjectName(QStringLiteral("headers"));
    auto *al = new QVBoxLayout(access);
    al->addWidget(m_accessTitle);
    al->addWidget(m_access, 1);
    al->addWidget(m_headersTitle);
    al->addWidget(m_headers, 1);

    // --- Locations ---
    auto *locations = new QWidget(m_tabs);
    m_locationsNote = new QLabel(locations);
    m_locationsNote->setWordWrap(true);
    m_locations = new TableEditor({{QStringLiteral("path")},
                                   {QStringLiteral("modifier"), TableEditor::Type::Choice, kModifiers},
                                   {QStringLiteral("kind"), TableEditor::Type::Choice, kKinds, {}, QStringLiteral("proxy")},
                                   {QStringLiteral("target")},
                                   {QStringLiteral("websocket"), TableEditor::Type::Bool, {}, {}, QStringLiteral("0")},
                                   {QStringLiteral("code"), TableEditor::Type::Choice, kCodes, {}, QStringLiteral("301")}},
                                  locations);
    m_locations->setObjectName(QStringLiteral("locations"));
    auto *ll = new QVBoxLayout(locations);
    ll->addWidget(m_locationsNote);
    ll->addWidget(m_locations, 1);

    // --- Preview ---
    auto *previewPage = new QWidget(m_tabs);
    m_previewState = new QLabel(previewPage);
    m_previewState->setWordWrap(true);
    m_previewState->setTextFormat(Qt::PlainText);
    m_previewText = new Editor::CodeEditor(previewPage);
    m_previewText->setLanguage(QStringLiteral("diff"));
    m_previewText->setReadOnly(true);
    auto *vl = new QVBoxLayout(previewPage);
    vl->addWidget(m_previewState);
    vl->addWidget(m_previewText, 1);

    m_tabs->addTab(site, QString());
    m_tabs->addTab(https, QString());
    m_tabs->addTab(options, QString());
    m_tabs->addTab(access, QString());
    m_tabs->addTab(locations, QString());
    m_tabs->addTab(previewPage, QString());

    m_handEdits = new QLabel(this);
    m_handEdits->setObjectName(QStringLiteral("handEdits"));
    m_handEdits->setWordWrap(true);
    m_handEdits->setStyleSheet(QStringLiteral("QLabel{background:#fff4e0;border:1px solid #e6c27a;border-radius:4px;padding:4px;}"));
    m_handEdits->hide();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("formStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_previewButton = new QPushButton(this);
    m_apply = new QPushButton(this);
    m_apply->setDefault(true);
    m_cancel = new QPushButton(this);
    connect(m_previewButton, &QPushButton::clicked, this, &SiteFormDialog::preview);
    connect(m_apply, &QPushButton::clicked, this, &SiteFormDialog::apply);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_previewButton);
    buttons->addWidget(m_apply);
    buttons->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_handEdits);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(buttons);

    if (existing) {
        setSpec(*existing);
        m_domain->setReadOnly(true);   // the domain names the file: a new domain is a new site
        checkHandEdits();
    }
    updateKind();
    retranslate();
}

void SiteFormDialog::retranslate()
{
    setWindowTitle(m_new ? Tr::tr("New Site") : Tr::tr("Edit Site %1").arg(m_domain->text()));
    m_tabs->setTabText(SiteTab, Tr::tr("Site"));
    m_tabs->setTabText(HttpsTab, Tr::tr("HTTPS"));
    m_tabs->setTabText(OptionsTab, Tr::tr("Options"));
    m_tabs->setTabText(AccessTab, Tr::tr("Access and Headers"));
    m_tabs->setTabText(LocationsTab, Tr::tr("Locations"));
    m_tabs->setTabText(PreviewTab, Tr::tr("Preview"));
    m_domainLabel->setText(Tr::tr("Domain:"));
    m_domain->setPlaceholderText(Tr::tr("example.com (international names are converted to punycode)"));
    m_aliasesLabel->setText(Tr::tr("Other names:"));
    m_aliases->setPlaceholderText(Tr::tr("www.example.com *.example.com (separated by spaces)"));
    m_listenLabel->setText(Tr::tr("Listen on:"));
    m_address->setPlaceholderText(Tr::tr("every address"));
    m_kindLabel->setText(Tr::tr("Type:"));
    m_kind->setItemText(0, Tr::tr("Static files"));
    m_kind->setItemText(1, Tr::tr("Reverse proxy"));
    m_kind->setItemText(2, Tr::tr("Redirect"));
    m_rootLabel->setText(Tr::tr("Document root:"));
    m_root->setPlaceholderText(QStringLiteral("/var/www/example"));
    m_single->setText(Tr::tr("One backend:"));
    m_backend->setPlaceholderText(QStringLiteral("http://127.0.0.1:8080"));
    m_balanced->setText(Tr::tr("Load-balanced upstream"));
    m_methodLabel->setText(Tr::tr("Method:"));
    m_method->setItemText(0, Tr::tr("Round robin"));
    m_method->setItemText(1, Tr::tr("Least connections"));
    m_method->setItemText(2, Tr::tr("By client IP"));
    m_upstream->setHeaders({Tr::tr("Server (host:port)"), Tr::tr("Weight"), Tr::tr("Max fails"),
                            Tr::tr("Fail timeout (s)"), Tr::tr("Backup")});
    m_upstream->setButtonTexts(Tr::tr("Add"), Tr::tr("Remove"));
    m_websocket->setText(Tr::tr("Pass WebSocket upgrades to the backend"));
    m_urlLabel->setText(Tr::tr("Redirect to:"));
    m_redirectUrl->setPlaceholderText(QStringLiteral("https://example.org"));
    m_codeLabel->setText(Tr::tr("Status code:"));
    m_redirectCode->setItemText(0, Tr::tr("301 moved permanently"));
    m_redirectCode->setItemText(1, Tr::tr("302 found (temporary)"));
    m_redirectCode->setItemText(2, Tr::tr("307 temporary, same method"));
    m_redirectCode->setItemText(3, Tr::tr("308 permanent, same method"));
    m_keepPath->setText(Tr::tr("Keep the path and query (/a?b → target/a?b)"));
    m_httpsNote->setText(Tr::tr("Certificate and key files already on the server (under /etc/ssl, /etc/letsencrypt "
                                "or /etc/nginx). Leave both empty to serve plain HTTP only."));
    m_certLabel->setText(Tr::tr("Certificate (chain) file:"));
    m_cert->setPlaceholderText(QStringLiteral("/etc/ssl/certs/example.pem"));
    m_keyLabel->setText(Tr::tr("Private key file:"));
    m_key->setPlaceholderText(QStringLiteral("/etc/ssl/private/example.key"));
    m_sslPortLabel->setText(Tr::tr("HTTPS port:"));
    m_httpsRedirect->setText(Tr::tr("Redirect HTTP to HTTPS"));
    m_hsts->setText(Tr::tr("HSTS (browsers insist on HTTPS for a year)"));
    m_gzip->setText(Tr::tr("Compress responses (gzip)"));
    m_bodyLabel->setText(Tr::tr("Largest request body:"));
    m_bodySize->setPlaceholderText(Tr::tr("nginx's default (1m); e.g. 20m"));
    m_accessLogLabel->setText(Tr::tr("Access log:"));
    m_accessLog->setPlaceholderText(Tr::tr("the server's default"));
    m_errorLogLabel->setText(Tr::tr("Error log:"));
    m_errorLog->setPlaceholderText(Tr::tr("the server's default"));
    m_rateLimit->setText(Tr::tr("Rate limit per client:"));
    m_perSecondLabel->setText(Tr::tr("requests/s"));
    m_burstLabel->setText(Tr::tr("burst"));
    m_basicAuth->setText(Tr::tr("Ask for a user name and password (basic authentication)"));
    m_realmLabel->setText(Tr::tr("Realm:"));
    m_users->setHeaders({Tr::tr("User"), Tr::tr("Password")});
    m_users->setButtonTexts(Tr::tr("Add"), Tr::tr("Remove"));
    m_usersNote->setText(Tr::tr("Passwords are stored on the server as SHA-512-crypt hashes. Leave a password empty to "
                                "keep the one the user has."));
    m_accessTitle->setText(Tr::tr("Allow and deny (first match wins; e.g. allow 10.0.0.0/8, then deny all):"));
    m_access->setHeaders({Tr::tr("Action"), Tr::tr("Address, network or “all”")});
    m_access->setChoiceLabels(QStringLiteral("action"), {Tr::tr("allow"), Tr::tr("deny")});
    m_access->setButtonTexts(Tr::tr("Add"), Tr::tr("Remove"));
    m_headersTitle->setText(Tr::tr("Response headers:"));
    m_headers->setHeaders({Tr::tr("Header"), Tr::tr("Value")});
    m_headers->setButtonTexts(Tr::tr("Add"), Tr::tr("Remove"));
    m_locationsNote->setText(Tr::tr("Paths handled differently from the rest of the site. Target: a backend URL "
                                    "(proxy), a directory (static) or a URL (redirect)."));
    m_locations->setHeaders({Tr::tr("Path"), Tr::tr("Match"), Tr::tr("Type"), Tr::tr("Target"), Tr::tr("WebSocket"),
                             Tr::tr("Code")});
    m_locations->setChoiceLabels(QStringLiteral("modifier"), {Tr::tr("prefix"), Tr::tr("= exact"), Tr::tr("^~ prefix, no regex"),
                                                              Tr::tr("~ regex"), Tr::tr("~* regex, any case")});
    m_locations->setChoiceLabels(QStringLiteral("kind"), {Tr::tr("Static"), Tr::tr("Proxy"), Tr::tr("Redirect")});
    m_locations->setButtonTexts(Tr::tr("Add"), Tr::tr("Remove"));
    if (m_previews == 0)
        m_previewState->setText(Tr::tr("Preview shows every file the change writes and whether nginx accepts it."));
    m_previewButton->setText(Tr::tr("Preview"));
    m_apply->setText(m_new ? Tr::tr("Create Site") : Tr::tr("Save"));
    m_cancel->setText(Tr::tr("Cancel"));
}

void SiteFormDialog::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(e);
}

void SiteFormDialog::updateKind()
{
    m_kindStack->setCurrentIndex(qMax(0, m_kind->currentIndex()));
}

SiteSpec SiteFormDialog::spec() const
{
    static const QRegularExpression blanks(QStringLiteral("\\s+"));
    SiteSpec s;
    s.domain = m_domain->text().trimmed();
    s.aliases = m_aliases->text().split(blanks, Qt::SkipEmptyParts);
    s.kind = m_kind->currentData().toString();
    s.address = m_address->text().trimmed();
    s.port = m_port->value();
    s.root = m_root->text().trimmed();
    s.useUpstream = m_balanced->isChecked();
    s.backend = m_backend->text().trimmed();
    s.upstreamMethod = m_method->currentData().toString();
    for (const QStringList &r : m_upstream->rows())
        s.upstreamServers << UpstreamServer{r.at(0).trimmed(), r.at(1).toInt(), r.at(2).toInt(), r.at(3).toInt(),
                                            r.at(4) == QLatin1String("1")};
    s.websocket = m_websocket->isChecked();
    s.redirectUrl = m_redirectUrl->text().trimmed();
    s.redirectCode = m_redirectCode->currentData().toString().toInt();
    s.keepPath = m_keepPath->isChecked();
    s.sslCertificate = m_cert->text().trimmed();
    s.sslCertificateKey = m_key->text().trimmed();
    s.sslPort = m_sslPort->value();
    s.httpsRedirect = m_httpsRedirect->isChecked();
    s.hsts = m_hsts->isChecked();
    s.gzip = m_gzip->isChecked();
    s.clientMaxBodySize = m_bodySize->text().trimmed();
    s.accessLog = m_accessLog->text().trimmed();
    s.errorLog = m_errorLog->text().trimmed();
    s.rateLimit = m_rateLimit->isChecked();
    s.perSecond = m_perSecond->value();
    s.burst = m_burst->value();
    s.basicAuth = m_basicAuth->isChecked();
    s.realm = m_realm->text().trimmed();
    for (const QStringList &r : m_users->rows())
        s.users << SiteUser{r.at(0).trimmed(), r.at(1)};
    for (const QStringList &r : m_access->rows())
        s.access << AccessRule{r.at(0), r.at(1).trimmed()};
    for (const QStringList &r : m_headers->rows())
        s.headers << HeaderRule{r.at(0).trimmed(), r.at(1)};
    for (const QStringList &r : m_locations->rows()) {
        LocationSpec l;
        l.path = r.at(0).trimmed();
        l.modifier = r.at(1);
        l.kind = r.at(2);
        const QString target = r.at(3).trimmed();
        if (l.kind == QLatin1String("proxy"))
            l.backend = target;
        else if (l.kind == QLatin1String("static"))
            l.alias = target;
        else
            l.url = target;
        l.websocket = r.at(4) == QLatin1String("1");
        l.code = r.at(5).toInt();
        s.locations << l;
    }
    return s;
}

void SiteFormDialog::setSpec(const SiteSpec &s)
{
    m_domain->setText(s.domain);
    m_aliases->setText(s.aliases.join(QLatin1Char(' ')));
    m_kind->setCurrentIndex(qMax(0, m_kind->findData(s.kind)));
    m_address->setText(s.address);
    m_port->setValue(s.port);
    m_root->setText(s.root);
    (s.useUpstream ? m_balanced : m_single)->setChecked(true);
    m_backend->setText(s.backend);
    m_method->setCurrentIndex(qMax(0, m_method->findData(s.upstreamMethod)));
    QList<QStringList> upstream;
    for (const UpstreamServer &u : s.upstreamServers)
        upstream << QStringList{u.address, QString::number(u.weight), QString::number(u.maxFails),
                                QString::number(u.failTimeout), b(u.backup)};
    m_upstream->setRows(upstream);
    m_websocket->setChecked(s.websocket);
    m_redirectUrl->setText(s.redirectUrl);
    m_redirectCode->setCurrentIndex(qMax(0, m_redirectCode->findData(QString::number(s.redirectCode))));
    m_keepPath->setChecked(s.keepPath);
    m_cert->setText(s.sslCertificate);
    m_key->setText(s.sslCertificateKey);
    m_sslPort->setValue(s.sslPort);
    m_httpsRedirect->setChecked(s.httpsRedirect);
    m_hsts->setChecked(s.hsts);
    m_gzip->setChecked(s.gzip);
    m_bodySize->setText(s.clientMaxBodySize);
    m_accessLog->setText(s.accessLog);
    m_errorLog->setText(s.errorLog);
    m_rateLimit->setChecked(s.rateLimit);
    m_perSecond->setValue(s.perSecond);
    m_burst->setValue(s.burst);
    m_basicAuth->setChecked(s.basicAuth);
    m_realm->setText(s.realm);
    QList<QStringList> users;
    for (const SiteUser &u : s.users)
        users << QStringList{u.name, u.password};
    m_users->setRows(users);
    QList<QStringList> access;
    for (const AccessRule &r : s.access)
        access << QStringList{r.action, r.source};
    m_access->setRows(access);
    QList<QStringList> headers;
    for (const HeaderRule &h : s.headers)
        headers << QStringList{h.name, h.value};
    m_headers->setRows(headers);
    QList<QStringList> locations;
    for (const LocationSpec &l : s.locations) {
        const QString target = l.kind == QLatin1String("proxy") ? l.backend
                             : l.kind == QLatin1String("static") ? l.alias
                                                                 : l.url;
        locations << QStringList{l.path, l.modifier, l.kind, target, b(l.websocket), QString::number(l.code)};
    }
    m_locations->setRows(locations);
    updateKind();
}

void SiteFormDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_apply->setEnabled(!busy);
    m_previewButton->setEnabled(!busy);
}

void SiteFormDialog::showStatus(const QString &text, bool error)
{
    m_status->setStyleSheet(error ? QStringLiteral("color:#b3261e;") : QString());
    m_status->setText(text);
}

void SiteFormDialog::showError(const Error &e)
{
    QString text = e.message;
    if (!e.hint.isEmpty())
        text += QStringLiteral("\n") + e.hint;
    if (e.code == ErrorCode::NginxConfigInvalid || e.code == ErrorCode::NginxReloadFailed) {
        // nginx's own words, with the real file and line it names.
        if (!e.detail.isEmpty())
            text += QStringLiteral("\n") + e.detail.left(600);
        if (!e.file.isEmpty())
            text += QStringLiteral("\n") + Tr::tr("In %1, line %2").arg(e.file).arg(e.line);
    }
    showStatus(text, true);
    m_errorField = e.field;
    m_errorWidget = nullptr;
    if (e.field.isEmpty())
        return;

    // The field names a spec member ("domain", "upstream.servers[1].address", "headers[0].value"…).
    static const QRegularExpression indexed(QStringLiteral("^([A-Za-z.]+)\\[(\\d+)\\]\\.?([A-Za-z]*)$"));
    const QRegularExpressionMatch m = indexed.match(e.field);
    if (m.hasMatch()) {
        const QString list = m.captured(1);
        const int row = m.captured(2).toInt();
        QString key = m.captured(3);
        TableEditor *table = nullptr;
        int tab = SiteTab;
        if (list == QLatin1String("upstream.servers")) {
            table = m_upstream;
        } else if (list == QLatin1String("basicAuth.users")) {
            table = m_users;
            tab = OptionsTab;
        } else if (list == QLatin1String("access")) {
            table = m_access;
            tab = AccessTab;
        } else if (list == QLatin1String("headers")) {
            table = m_headers;
            tab = AccessTab;
        } else if (list == QLatin1String("locations")) {
            table = m_locations;
            tab = LocationsTab;
            if (key == QLatin1String("backend") || key == QLatin1String("alias") || key == QLatin1String("url"))
                key = QStringLiteral("target");
        } else if (list == QLatin1String("aliases")) {
            m_tabs->setCurrentIndex(SiteTab);
            m_aliases->setFocus();
            m_errorWidget = m_aliases;
            return;
        }
        if (table) {
            m_tabs->setCurrentIndex(tab);
            table->focusCell(row, key);
            m_errorWidget = table;
        }
        return;
    }
    const QList<std::tuple<QString, int, QWidget *>> fields{
        {QStringLiteral("domain"), SiteTab, m_domain},
        {QStringLiteral("aliases"), SiteTab, m_aliases},
        {QStringLiteral("kind"), SiteTab, m_kind},
        {QStringLiteral("port"), SiteTab, m_port},
        {QStringLiteral("address"), SiteTab, m_address},
        {QStringLiteral("root"), SiteTab, m_root},
        {QStringLiteral("backend"), SiteTab, m_backend},
        {QStringLiteral("upstream"), SiteTab, m_upstream},
        {QStringLiteral("upstream.servers"), SiteTab, m_upstream},
        {QStringLiteral("upstream.method"), SiteTab, m_method},
        {QStringLiteral("redirectUrl"), SiteTab, m_redirectUrl},
        {QStringLiteral("redirectCode"), SiteTab, m_redirectCode},
        {QStringLiteral("sslCertificate"), HttpsTab, m_cert},
        {QStringLiteral("sslCertificateKey"), HttpsTab, m_key},
        {QStringLiteral("sslPort"), HttpsTab, m_sslPort},
        {QStringLiteral("clientMaxBodySize"), OptionsTab, m_bodySize},
        {QStringLiteral("accessLog"), OptionsTab, m_accessLog},
        {QStringLiteral("errorLog"), OptionsTab, m_errorLog},
        {QStringLiteral("rateLimit.perSecond"), OptionsTab, m_perSecond},
        {QStringLiteral("rateLimit.burst"), OptionsTab, m_burst},
        {QStringLiteral("basicAuth.realm"), OptionsTab, m_realm},
        {QStringLiteral("basicAuth.users"), OptionsTab, m_users},
    };
    for (const auto &[name, tab, widget] : fields) {
        if (name == e.field) {
            m_tabs->setCurrentIndex(tab);
            widget->setFocus();
            m_errorWidget = widget;
            return;
        }
    }
}

void SiteFormDialog::checkHandEdits()
{
    // What the form would write against the file as it is: for a site only the form ever
    // wrote this is empty. Anything else is a hand edit (raw editor) the form would replace.
    const quint64 generation = ++m_generation;
    m_service->diffSpec(spec(), false).then(this, [this, generation](const Result<QJsonObject> &r) {
        if (generation != m_generation || !r)
            return;
        const QString diff = r->value(QLatin1String("diff")).toString();
        if (diff.trimmed().isEmpty())
            return;
        m_handEdits->setText(Tr::tr("This site's file has lines the form does not hold (edited in the raw editor, or "
                                    "written by an older qwq). Saving the form rewrites the file from these fields; "
                                    "the Preview tab shows what would change."));
        m_handEdits->show();
        m_previewText->setText(diff);
    });
}

void SiteFormDialog::preview()
{
    const SiteSpec s = spec();
    if (const Result<void> ok = validateSpec(s); !ok)
        return showError(ok.error());
    setBusy(true);
    showStatus(Tr::tr("Checking with nginx…"), false);
    const quint64 generation = ++m_generation;
    m_service->diffSpec(s, true).then(this, [this, generation](const Result<QJsonObject> &r) {
        if (generation != m_generation)
            return;
        setBusy(false);
        ++m_previews;
        if (!r) {
            m_previewValid = false;
            return showError(r.error());
        }
        QStringList files;
        for (const QJsonValue &v : r->value(QLatin1String("files")).toArray()) {
            const QJsonObject f = v.toObject();
            files << QStringLiteral("%1 (%2)").arg(f.value(QLatin1String("path")).toString(),
                                                   f.value(QLatin1String("action")).toString());
        }
        m_previewValid = r->value(QLatin1String("valid")).toBool();
        QString state = Tr::tr("Files: %1").arg(files.isEmpty() ? Tr::tr("none (nothing changes)") : files.join(QStringLiteral(", ")));
        if (m_previewValid) {
            state += QStringLiteral("\n") + Tr::tr("nginx accepts the new configuration (nginx -t on a staged copy).");
            showStatus(Tr::tr("Ready to apply."), false);
        } else {
            const Error e = errorFromWire(r->value(QLatin1String("error")).toObject());
            state += QStringLiteral("\n") + Tr::tr("nginx refuses it: %1").arg(e.detail.left(600));
            showError(e);
        }
        m_previewState->setText(state);
        m_previewText->setText(r->value(QLatin1String("diff")).toString());
        m_tabs->setCurrentIndex(PreviewTab);
    });
}

void SiteFormDialog::apply()
{
    const SiteSpec s = spec();
    if (const Result<void> ok = validateSpec(s); !ok)
        return showError(ok.error());
    setBusy(true);
    showStatus(m_new ? Tr::tr("Creating the site…") : Tr::tr("Saving…"), false);
    const quint64 generation = ++m_generation;
    (m_new ? m_service->create(s) : m_service->update(s)).then(this, [this, generation, s](const Result<QJsonObject> &r) {
        if (generation != m_generation)
            return;
        setBusy(false);
        if (!r)
            return showError(r.error());
        m_errorField.clear();
        m_errorWidget = nullptr;
        emit applied(r->value(QLatin1String("domain")).toString(s.domain), *r);
        accept();
    });
}

} // namespace Qwq::Websites
