// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "websitespanel.h"

#include "certificatespage.h"
#include "directivedialog.h"
#include "rawconfigdialog.h"
#include "siteformdialog.h"
#include "sitelogview.h"
#include "siteversionsdialog.h"

#include <core/core/redact.h>
#include <helper/core/helperclient.h>
#include <helper/core/serverconnection.h>
#include <websites/core/sitelistmodel.h>
#include <websites/core/websitestr.h>
#include <workbench/core/servercontext.h>
#include <workbench/ui/messagebar.h>
#include <workbench/ui/statepage.h>

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <functional>
#include <memory>

namespace Qwq::Websites {

namespace {
enum Page { OfflinePage, SitesPage, NoNginxPage, BrokenConfigPage };
constexpr int kAiLogLines = 40;
} // namespace

WebsitesPanel::WebsitesPanel(Workbench::ServerContext *server, QWidget *parent)
    : QWidget(parent), m_server(server)
{
    setObjectName(QStringLiteral("websitesPanel"));
    m_service = new WebsitesService(server->helper(), this);
    m_model = new SiteListModel(this);
    m_filter = new SiteFilterModel(this);
    m_filter->setSourceModel(m_model);
    m_bar = new Workbench::MessageBar(this);
    m_stack = new QStackedWidget(this);

    m_offline = new Workbench::StatePage(m_stack);
    connect(m_offline->button(), &QPushButton::clicked, this, [this] { m_server->connection()->connectToServer(); });

    auto *page = new QWidget(m_stack);
    m_install = new QLabel(page);
    m_install->setObjectName(QStringLiteral("nginxInstall"));
    m_install->setTextFormat(Qt::PlainText);
    m_install->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_filterEdit = new QLineEdit(page);
    m_filterEdit->setObjectName(QStringLiteral("siteFilter"));
    m_filterEdit->setClearButtonEnabled(true);
    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &SiteFilterModel::setText);
    m_new = new QPushButton(page);
    m_new->setObjectName(QStringLiteral("newSite"));
    m_edit = new QPushButton(page);
    m_edit->setObjectName(QStringLiteral("editSite"));
    m_raw = new QPushButton(page);
    m_raw->setObjectName(QStringLiteral("rawConfig"));
    m_enable = new QPushButton(page);
    m_enable->setObjectName(QStringLiteral("enableSite"));
    m_disable = new QPushButton(page);
    m_disable->setObjectName(QStringLiteral("disableSite"));
    m_delete = new QPushButton(page);
    m_delete->setObjectName(QStringLiteral("deleteSite"));
    m_versions = new QPushButton(page);
    m_versions->setObjectName(QStringLiteral("siteVersions"));
    m_refreshButton = new QPushButton(page);
    connect(m_new, &QPushButton::clicked, this, &WebsitesPanel::openNewSite);
    connect(m_edit, &QPushButton::clicked, this, &WebsitesPanel::editSelected);
    connect(m_raw, &QPushButton::clicked, this, &WebsitesPanel::openRawConfig);
    connect(m_enable, &QPushButton::clicked, this, [this] { setSelectedEnabled(true); });
    connect(m_disable, &QPushButton::clicked, this, [this] { setSelectedEnabled(false); });
    connect(m_delete, &QPushButton::clicked, this, &WebsitesPanel::deleteSelected);
    connect(m_versions, &QPushButton::clicked, this, &WebsitesPanel::openVersions);
    connect(m_refreshButton, &QPushButton::clicked, this, &WebsitesPanel::refresh);

    m_table = new QTableView(page);
    m_table->setObjectName(QStringLiteral("siteTable"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);   // load order until the user sorts
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    QHeaderView *h = m_table->horizontalHeader();
    h->setStretchLastSection(true);
    h->resizeSection(SiteListModel::NameColumn, 200);
    h->resizeSection(SiteListModel::TypeColumn, 110);
    h->resizeSection(SiteListModel::ListenColumn, 110);
    h->resizeSection(SiteListModel::TargetColumn, 230);
    h->resizeSection(SiteListModel::TlsColumn, 60);
    h->resizeSection(SiteListModel::StateColumn, 80);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        updateDetails();
    });
    connect(m_table, &QTableView::doubleClicked, this, &WebsitesPanel::editSelected);

    m_details = new QTabWidget(page);
    m_overview = new QPlainTextEdit(m_details);
    m_overview->setObjectName(QStringLiteral("siteOverview"));
    m_overview->setReadOnly(true);
    m_logs = new SiteLogView(m_service, m_details);
    connect(m_logs, &SiteLogView::errorOccurred, this, &WebsitesPanel::showError);
    m_details->addTab(m_overview, QString());
    m_details->addTab(m_logs, QString());
    connect(m_details, &QTabWidget::currentChanged, this, [this](int i) {
        if (m_details->widget(i) == m_logs && m_logs->lineCount() == 0)
            m_logs->load();
    });

    auto *split = new QSplitter(Qt::Vertical, page);
    split->addWidget(m_table);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filterEdit, 1);
    bar->addSpacing(8);
    bar->addWidget(m_new);
    bar->addWidget(m_edit);
    bar->addWidget(m_raw);
    bar->addWidget(m_enable);
    bar->addWidget(m_disable);
    bar->addWidget(m_delete);
    bar->addWidget(m_versions);
    bar->addSpacing(8);
    bar->addWidget(m_refreshButton);
    m_sections = new QTabWidget(page);
    m_sections->setObjectName(QStringLiteral("websitesSections"));
    auto *sitesPage = new QWidget(m_sections);
    auto *sl = new QVBoxLayout(sitesPage);
    sl->setContentsMargins(4, 4, 4, 4);
    sl->addLayout(bar);
    sl->addWidget(split, 1);
    m_certs = new CertificatesPage(m_service, m_sections);
    m_certs->setKeychain(m_server->secretStore(), m_server->serverId());
    connect(m_certs, &CertificatesPage::errorOccurred, this, &WebsitesPanel::showError);
    connect(m_certs, &CertificatesPage::infoMessage, m_bar, &Workbench::MessageBar::showInfo);
    connect(m_certs, &CertificatesPage::dialogOpened, this, &WebsitesPanel::dialogOpened);
    connect(m_certs, &CertificatesPage::certificateInstalled, this, [this](const QString &domain, const QJsonObject &r) {
        const QJsonObject site = r.value(QLatin1String("site")).toObject();
        m_bar->showInfo(site.isEmpty() ? Tr::tr("Certificate stored: %1").arg(r.value(QLatin1String("certificate")).toString())
                                       : Tr::tr("%1: certificate installed; %2").arg(domain, applyOutcomeText(site)));
        m_selectAfterRefresh = domain;
        refresh();
        emit changeApplied(domain, r);
    });
    m_sections->addTab(sitesPage, QString());
    m_sections->addTab(m_certs, QString());
    auto *pl = new QVBoxLayout(page);
    pl->setContentsMargins(4, 4, 4, 4);
    pl->addWidget(m_install);
    pl->addWidget(m_sections, 1);

    m_noNginx = new Workbench::StatePage(m_stack);
    m_noNginx->label()->setObjectName(QStringLiteral("noNginxLabel"));
    connect(m_noNginx->button(), &QPushButton::clicked, this, [this] {
        m_nginxMissing = false;
        m_stack->setCurrentIndex(SitesPage);
        refresh();
    });

    // A file of the configuration that does not parse (a hand edit gone wrong): nginx keeps
    // serving its previous configuration; until the file is repaired it is the only thing
    // that can be opened.
    m_broken = new Workbench::StatePage(m_stack);
    m_broken->label()->setObjectName(QStringLiteral("brokenConfigLabel"));
    m_broken->button()->setObjectName(QStringLiteral("openBrokenFile"));
    connect(m_broken->button(), &QPushButton::clicked, this, &WebsitesPanel::openBrokenFile);

    m_stack->addWidget(m_offline);
    m_stack->addWidget(page);
    m_stack->addWidget(m_noNginx);
    m_stack->addWidget(m_broken);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);
    layout->addWidget(m_stack, 1);

    connect(m_server, &Workbench::ServerContext::readyChanged, this, &WebsitesPanel::onReadyChanged);
    retranslate();
    onReadyChanged(m_server->isReady());
}

WebsitesPanel::~WebsitesPanel()
{
    m_logs->stop();
}

void WebsitesPanel::retranslate()
{
    m_offline->label()->setText(Tr::tr("%1 is not connected.").arg(m_server->serverName()));
    m_offline->button()->setText(Tr::tr("Connect"));
    m_noNginx->label()->setText(Tr::tr("nginx was not found on %1, or its main configuration is missing.\n"
                                       "Sites appear here once nginx or OpenResty is installed there.")
                                    .arg(m_server->serverName()));
    m_noNginx->button()->setText(Tr::tr("Check Again"));
    m_broken->label()->setText(
        Tr::tr("nginx's configuration on %1 does not parse:\n%2, line %3: %4\n\n"
               "nginx keeps serving its previous configuration. Repair this file to manage the "
               "sites again; the repair is checked with nginx -t before it is saved.")
            .arg(m_server->serverName(), m_installInfo.brokenFile)
            .arg(m_installInfo.brokenLine)
            .arg(m_installInfo.brokenDetail));
    m_broken->button()->setText(Tr::tr("Open the File"));
    m_filterEdit->setPlaceholderText(Tr::tr("Filter by name, backend, root, port or file"));
    m_new->setText(Tr::tr("New Site…"));
    m_edit->setText(Tr::tr("Edit…"));
    m_raw->setText(Tr::tr("Raw Config…"));
    m_enable->setText(Tr::tr("Enable"));
    m_disable->setText(Tr::tr("Disable"));
    m_delete->setText(Tr::tr("Delete…"));
    m_versions->setText(Tr::tr("Versions…"));
    m_refreshButton->setText(Tr::tr("Refresh"));
    m_sections->setTabText(0, Tr::tr("Sites"));
    m_sections->setTabText(1, Tr::tr("Certificates"));
    m_details->setTabText(0, Tr::tr("Overview"));
    m_details->setTabText(1, Tr::tr("Logs"));
    qDeleteAll(m_table->actions());
    const QList<std::pair<QString, std::function<void()>>> actions{
        {Tr::tr("Edit…"), [this] { editSelected(); }},
        {Tr::tr("Raw Config…"), [this] { openRawConfig(); }},
        {Tr::tr("Versions…"), [this] { openVersions(); }},
        {Tr::tr("Request Certificate…"), [this] {
             const SiteEntry *s = selectedSite();
             m_sections->setCurrentWidget(m_certs);
             m_certs->openRequest(s && s->managed ? s->site : QString());
         }},
        {Tr::tr("Ask AI About This Site"), [this] { askAiAboutSelected(); }},
    };
    for (const auto &[text, run] : actions) {
        auto *a = new QAction(text, m_table);
        connect(a, &QAction::triggered, this, run);
        m_table->addAction(a);
    }
    if (!m_installInfo.binary.isEmpty()) {
        const QString layout = m_installInfo.layout == QLatin1String("sites")  ? Tr::tr("sites-available + sites-enabled")
                             : m_installInfo.layout == QLatin1String("conf.d") ? Tr::tr("conf.d")
                                                                               : Tr::tr("no site directory");
        m_install->setText(Tr::tr("%1 %2 · %3 · %4 · %5")
                               .arg(m_installInfo.flavor, m_installInfo.version, m_installInfo.confPath, layout,
                                    m_installInfo.running ? Tr::tr("running (pid %1)").arg(m_installInfo.pid)
                                                          : Tr::tr("not running")));
    }
    updateButtons();
    updateDetails();
}

void WebsitesPanel::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

void WebsitesPanel::showEvent(QShowEvent *e)
{
    QWidget::showEvent(e);
    if (m_server->isReady() && !m_nginxMissing)
        refresh();
}

void WebsitesPanel::onReadyChanged(bool ready)
{
    m_service->setHelper(m_server->helper());
    if (!ready) {
        m_logs->stop();
        m_stack->setCurrentIndex(OfflinePage);
        return;
    }
    m_bar->clear();
    m_nginxMissing = !m_server->helper()->info().capabilities.contains(QStringLiteral("nginx"));
    m_stack->setCurrentIndex(m_nginxMissing ? NoNginxPage : SitesPage);
    if (!m_nginxMissing && isVisible())
        refresh();
}

void WebsitesPanel::refresh()
{
    if (m_loading || !m_server->isReady())
        return;
    m_loading = true;
    m_service->discover().then(this, [this](const Result<NginxInstall> &install) {
        if (!install) {
            m_loading = false;
            ++m_refreshes;
            if (install.error().code == ErrorCode::NginxNotInstalled) {
                m_nginxMissing = true;
                m_stack->setCurrentIndex(NoNginxPage);
                return;
            }
            return showError(install.error());
        }
        m_installInfo = *install;
        m_nginxMissing = false;
        retranslate();
        if (!install->brokenFile.isEmpty()) {
            m_loading = false;
            ++m_refreshes;
            m_stack->setCurrentIndex(BrokenConfigPage);
            return;
        }
        m_stack->setCurrentIndex(SitesPage);
        m_service->list().then(this, [this](const Result<QList<SiteEntry>> &sites) {
            m_loading = false;
            ++m_refreshes;
            if (!sites)
                return showError(sites.error());
            m_model->setSites(*sites);
            QStringList managed;
            for (const SiteEntry &e : *sites) {
                if (e.managed && !managed.contains(e.site))
                    managed << e.site;
            }
            m_certs->setManagedSites(managed);
            if (!m_selectAfterRefresh.isEmpty()) {
                selectDomain(m_selectAfterRefresh);
                m_selectAfterRefresh.clear();
            }
            updateButtons();
            updateDetails();
        });
    });
}

const SiteEntry *WebsitesPanel::selectedSite() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    return m_model->siteById(rows.constFirst().data(SiteListModel::IdRole).toString());
}

bool WebsitesPanel::selectSite(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

bool WebsitesPanel::selectDomain(const QString &domain)
{
    const int row = m_model->rowOfDomain(domain);
    return row >= 0 && selectSite(m_model->sites().at(row).id);
}

void WebsitesPanel::updateButtons()
{
    const SiteEntry *s = selectedSite();
    const bool ready = m_server->isReady();
    const bool readOnly = ready && m_server->helper() && m_server->helper()->isReadOnly();
    const bool canChange = ready && !readOnly && !m_busy;
    m_new->setEnabled(canChange && m_installInfo.layout != QLatin1String("none"));
    m_edit->setEnabled(canChange && s);
    m_raw->setEnabled(ready && s);
    const bool managed = s && s->managed;
    m_enable->setEnabled(canChange && managed && !s->enabled);
    m_disable->setEnabled(canChange && managed && s->enabled);
    m_delete->setEnabled(canChange && managed);
    m_versions->setEnabled(ready);
    const QString handWritten = Tr::tr("Hand-written sites are enabled, disabled and removed in their own files "
                                       "(Raw Config…); qwq does not rewrite them.");
    for (QPushButton *b : {m_enable, m_disable, m_delete})
        b->setToolTip(s && !s->managed ? handWritten : QString());
    if (readOnly)
        m_new->setToolTip(Tr::tr("This profile is read-only."));
    else if (m_installInfo.layout == QLatin1String("none"))
        m_new->setToolTip(Tr::tr("The nginx configuration includes no sites-enabled/ or conf.d/ directory to put a new site in."));
    else
        m_new->setToolTip(QString());
}

void WebsitesPanel::updateDetails()
{
    const SiteEntry *s = selectedSite();
    if (!s) {
        m_overview->setPlainText(m_model->rowCount() == 0 && m_refreshes > 0
                                     ? Tr::tr("No site yet. New Site… creates one.")
                                     : Tr::tr("Select a site to see its settings and logs."));
        m_logs->setSite({}, {});
        return;
    }
    QStringList lines;
    lines << Tr::tr("Names: %1").arg(s->names.join(QLatin1Char(' ')));
    lines << Tr::tr("Type: %1").arg(SiteListModel::kindText(s->kind()));
    lines << Tr::tr("Listen: %1").arg(s->listenText());
    if (!s->root.isEmpty())
        lines << Tr::tr("Root: %1").arg(s->root);
    if (!s->proxyPass.isEmpty())
        lines << Tr::tr("Proxy to: %1").arg(s->proxyPass.join(QStringLiteral(", ")));
    for (const QString &u : s->upstreams)
        lines << Tr::tr("Upstream %1").arg(u);
    if (!s->returnTo.isEmpty())
        lines << Tr::tr("Returns: %1").arg(s->returnTo);
    if (!s->sslCertificate.isEmpty())
        lines << Tr::tr("Certificate: %1").arg(s->sslCertificate) << Tr::tr("Key: %1").arg(s->sslCertificateKey);
    if (!s->accessLog.isEmpty())
        lines << Tr::tr("Access log: %1").arg(s->accessLog);
    if (!s->errorLog.isEmpty())
        lines << Tr::tr("Error log: %1").arg(s->errorLog);
    for (const SiteLocation &l : s->locations) {
        QString target = !l.proxyPass.isEmpty() ? QStringLiteral("proxy_pass ") + l.proxyPass
                       : !l.alias.isEmpty()     ? QStringLiteral("alias ") + l.alias
                       : !l.returnTo.isEmpty()  ? QStringLiteral("return ") + l.returnTo
                       : !l.root.isEmpty()      ? QStringLiteral("root ") + l.root
                                                : QString();
        lines << Tr::tr("Location %1 %2 → %3 (line %4)").arg(l.modifier, l.match, target).arg(l.line);
    }
    lines << QString();
    lines << Tr::tr("File: %1, line %2").arg(s->file).arg(s->line);
    lines << (s->managed ? Tr::tr("Managed by qwq: the form rewrites this file.")
                         : Tr::tr("Hand-written: qwq changes only the directives you edit, in place."));
    if (!s->enabled)
        lines << Tr::tr("Disabled: nginx does not load it.");
    // Values are shown on one line each: a line break inside one (a quoted return text) is
    // written the way nginx's configuration writes it.
    for (QString &l : lines)
        l.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    m_overview->setPlainText(lines.join(QLatin1Char('\n')));
    m_logs->setSite(s->managed ? s->site : QString(), s->id);
    if (m_details->currentWidget() == m_logs && m_logs->lineCount() == 0)
        m_logs->load();
}

void WebsitesPanel::showError(const Error &e)
{
    Error shown = e;
    if (!e.file.isEmpty())
        shown.hint = (shown.hint.isEmpty() ? QString() : shown.hint + QLatin1Char('\n'))
                     + Tr::tr("In %1, line %2").arg(e.file).arg(e.line);
    m_bar->showError(shown);
}

void WebsitesPanel::applied(const QString &domain, const QJsonObject &result)
{
    m_bar->showInfo(domain.isEmpty() ? applyOutcomeText(result) : Tr::tr("%1: %2").arg(domain, applyOutcomeText(result)));
    m_selectAfterRefresh = domain;
    refresh();
    emit changeApplied(domain, result);
}

void WebsitesPanel::showDialog(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    emit dialogOpened(dialog);
}

SiteFormDialog *WebsitesPanel::openNewSite()
{
    auto *dialog = new SiteFormDialog(m_service, nullptr, this);
    connect(dialog, &SiteFormDialog::applied, this, &WebsitesPanel::applied);
    showDialog(dialog);
    return dialog;
}

void WebsitesPanel::editSelected()
{
    const SiteEntry *s = selectedSite();
    if (!s)
        return;
    if (!s->managed) {
        auto *dialog = new DirectiveDialog(m_service, *s, this);
        const QString name = s->displayName();
        connect(dialog, &DirectiveDialog::applied, this, [this, name](const QJsonObject &r) { applied(QString(), r); });
        showDialog(dialog);
        return;
    }
    const QString domain = s->site;
    m_service->getByDomain(domain).then(this, [this, domain](const Result<QJsonObject> &r) {
        if (!r)
            return showError(r.error());
        const SiteSpec spec = SiteSpec::fromJson(r->value(QLatin1String("spec")).toObject());
        auto *dialog = new SiteFormDialog(m_service, &spec, this);
        connect(dialog, &SiteFormDialog::applied, this, &WebsitesPanel::applied);
        showDialog(dialog);
    });
}

RawConfigDialog *WebsitesPanel::openRawConfig()
{
    const SiteEntry *s = selectedSite();
    if (!s)
        return nullptr;
    auto *dialog = new RawConfigDialog(m_service, s->managed ? s->site : QString(), s->id, this);
    const QString domain = s->managed ? s->site : QString();
    connect(dialog, &RawConfigDialog::applied, this, [this, domain](const QJsonObject &r) { applied(domain, r); });
    showDialog(dialog);
    return dialog;
}

RawConfigDialog *WebsitesPanel::openBrokenFile()
{
    if (m_installInfo.brokenFile.isEmpty())
        return nullptr;
    auto *dialog = new RawConfigDialog(m_service, QString(), m_installInfo.brokenFile, this);
    connect(dialog, &RawConfigDialog::applied, this, [this](const QJsonObject &r) { applied(QString(), r); });
    showDialog(dialog);
    return dialog;
}

SiteVersionsDialog *WebsitesPanel::openVersions()
{
    // A site's versions when one is selected (hand-written ones are recorded under their first
    // name), else every change to this configuration.
    const SiteEntry *s = selectedSite();
    QString domain;
    if (s)
        domain = s->managed ? s->site : (s->names.isEmpty() || s->names.constFirst() == QLatin1String("_") ? QString() : s->names.constFirst());
    auto *dialog = new SiteVersionsDialog(m_service, domain, this);
    connect(dialog, &SiteVersionsDialog::rolledBack, this, [this](const QJsonObject &r) {
        applied(r.value(QLatin1String("site")).toString(), r);
    });
    showDialog(dialog);
    return dialog;
}

void WebsitesPanel::setSelectedEnabled(bool enabled)
{
    const SiteEntry *s = selectedSite();
    if (!s || !s->managed || m_busy)
        return;
    m_busy = true;
    updateButtons();
    const QString domain = s->site;
    m_service->setEnabled(domain, enabled).then(this, [this, domain](const Result<QJsonObject> &r) {
        m_busy = false;
        updateButtons();
        if (!r)
            return showError(r.error());
        applied(domain, *r);
    });
}

void WebsitesPanel::deleteSelected()
{
    const SiteEntry *s = selectedSite();
    if (!s || !s->managed || m_busy)
        return;
    // websites.delete is destructive: the client asks for the server's name typed (the
    // profile's confirmation dialog shows the literal call). A version keeps the files.
    m_busy = true;
    updateButtons();
    const QString domain = s->site;
    m_service->remove(domain).then(this, [this, domain](const Result<QJsonObject> &r) {
        m_busy = false;
        updateButtons();
        if (!r) {
            if (r.error().code != ErrorCode::Cancelled)
                showError(r.error());
            return;
        }
        m_bar->showInfo(Tr::tr("%1 deleted (version %2 keeps its files: Versions… rolls it back).")
                            .arg(domain)
                            .arg(r->value(QLatin1String("version")).toInt()));
        refresh();
        emit changeApplied(domain, *r);
    });
}

bool WebsitesPanel::askAiAboutSelected()
{
    const SiteEntry *s = selectedSite();
    if (!s)
        return false;
    const SiteEntry site = *s;
    // Model-facing, so English; the file and the log are masked before anything leaves.
    m_service->getById(site.id).then(this, [this, site](const Result<QJsonObject> &file) {
        WebsitesService::LogQuery q;
        q.domain = site.managed ? site.site : QString();
        q.id = site.managed ? QString() : site.id;
        q.log = QStringLiteral("error");
        q.lines = kAiLogLines;
        auto lines = std::make_shared<QStringList>();
        m_service->logs(q, [lines](const QStringList &batch) { *lines += batch; })
            .then(this, [this, site, file, lines](const Result<QJsonValue> &) {
                QString facts = QStringLiteral("nginx site: %1\nfile: %2 (line %3)\nlisten: %4\nserves: %5\n")
                                    .arg(site.names.join(QLatin1Char(' ')), site.file)
                                    .arg(site.line)
                                    .arg(site.listenText(), site.targetText());
                if (file)
                    facts += QStringLiteral("\nconfiguration file (secrets masked):\n")
                             + Redact::maskText(file->value(QLatin1String("text")).toString().left(16000));
                facts += QStringLiteral("\nlast %1 error log lines (masked):\n%2\n")
                             .arg(lines->size())
                             .arg(Redact::maskText(lines->join(QLatin1Char('\n'))));
                m_server->askAi(Tr::tr("Is the nginx site %1 configured correctly? Do its errors show a problem?")
                                    .arg(site.displayName()),
                                Tr::tr("nginx site %1").arg(site.displayName()), facts);
            });
    });
    return true;
}

} // namespace Qwq::Websites
