// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "containerspanel.h"

#include "composepage.h"
#include "containerdetails.h"
#include "objectpage.h"
#include "selfhealpage.h"

#include <containers/core/containerlistmodel.h>
#include <containers/core/containersservice.h>
#include <containers/core/containerstr.h>
#include <containers/core/logmodel.h>
#include <helper/core/helperclient.h>
#include <workbench/core/servercontext.h>
#include <workbench/ui/messagebar.h>
#include <workbench/ui/statepage.h>

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <memory>

namespace Qwq::Containers {

namespace {
constexpr int kRefreshMs = 5000;
} // namespace

ContainersPanel::ContainersPanel(Workbench::ServerContext *server, QWidget *parent)
    : QWidget(parent), m_server(server)
{
    setObjectName(QStringLiteral("containersPanel"));
    m_service = new ContainersService(server->helper(), this);
    m_model = new ContainerListModel(this);
    m_filter = new ContainerFilterModel(this);
    m_filter->setSourceModel(m_model);
    m_stats = new StatsWatcher(m_service, this);
    connect(m_stats, &StatsWatcher::sampled, m_model, &ContainerListModel::setStats);
    connect(m_stats, &StatsWatcher::ended, m_model, &ContainerListModel::clearStats);

    m_bar = new Workbench::MessageBar(this);
    m_stack = new QStackedWidget(this);

    m_offline = new Workbench::StatePage(m_stack);
    connect(m_offline->button(), &QPushButton::clicked, this, [this] { m_server->connection()->connectToServer(); });

    m_tabs = new QTabWidget(m_stack);
    m_tabs->setObjectName(QStringLiteral("containersTabs"));

    // Containers tab
    auto *page = new QWidget(m_tabs);
    m_filterEdit = new QLineEdit(page);
    m_filterEdit->setObjectName(QStringLiteral("containerFilter"));
    m_filterEdit->setClearButtonEnabled(true);
    m_stateBox = new QComboBox(page);
    m_stateBox->setObjectName(QStringLiteral("stateFilter"));
    for (int i = 0; i < 5; ++i)
        m_stateBox->addItem(QString());
    m_start = new QPushButton(page);
    m_start->setObjectName(QStringLiteral("startContainers"));
    m_stop = new QPushButton(page);
    m_stop->setObjectName(QStringLiteral("stopContainers"));
    m_restart = new QPushButton(page);
    m_restart->setObjectName(QStringLiteral("restartContainers"));
    m_remove = new QPushButton(page);
    m_remove->setObjectName(QStringLiteral("removeContainers"));
    m_refreshButton = new QPushButton(page);
    m_count = new QLabel(page);
    m_count->setObjectName(QStringLiteral("containerCount"));
    connect(m_start, &QPushButton::clicked, this, [this] { runAction(QStringLiteral("start")); });
    connect(m_stop, &QPushButton::clicked, this, [this] { runAction(QStringLiteral("stop")); });
    connect(m_restart, &QPushButton::clicked, this, [this] { runAction(QStringLiteral("restart")); });
    connect(m_remove, &QPushButton::clicked, this, [this] { runAction(QStringLiteral("remove")); });
    connect(m_refreshButton, &QPushButton::clicked, this, &ContainersPanel::refresh);
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &t) {
        m_filter->setText(t);
        m_statsDebounce.start();
    });
    connect(m_stateBox, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_filter->setStateFilter(ContainerFilterModel::StateFilter(i));
        m_statsDebounce.start();
    });

    m_table = new QTableView(page);
    m_table->setObjectName(QStringLiteral("containerTable"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ContainerListModel::NameColumn, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    QHeaderView *h = m_table->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->setStretchLastSection(true);
    h->resizeSection(ContainerListModel::NameColumn, 200);
    h->resizeSection(ContainerListModel::StateColumn, 90);
    h->resizeSection(ContainerListModel::ImageColumn, 190);
    h->resizeSection(ContainerListModel::PortsColumn, 200);
    h->resizeSection(ContainerListModel::CpuColumn, 70);
    h->resizeSection(ContainerListModel::MemoryColumn, 90);
    h->resizeSection(ContainerListModel::CreatedColumn, 130);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        updateDetails();
    });
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] { m_statsDebounce.start(); });

    m_details = new ContainerDetails(m_service, page);
    connect(m_details, &ContainerDetails::askAiRequested, this, &ContainersPanel::askAiAbout);
    connect(m_details, &ContainerDetails::errorOccurred, this, &ContainersPanel::showError);
    connect(m_details, &ContainerDetails::openShellRequested, this, &ContainersPanel::openShell);

    m_splitter = new QSplitter(Qt::Vertical, page);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_filterEdit, 1);
    bar->addWidget(m_stateBox);
    bar->addSpacing(8);
    bar->addWidget(m_start);
    bar->addWidget(m_stop);
    bar->addWidget(m_restart);
    bar->addWidget(m_remove);
    bar->addSpacing(8);
    bar->addWidget(m_refreshButton);
    bar->addSpacing(8);
    bar->addWidget(m_count);
    auto *pl = new QVBoxLayout(page);
    pl->setContentsMargins(4, 4, 4, 4);
    pl->addLayout(bar);
    pl->addWidget(m_splitter, 1);

    m_images = new ObjectPage(ObjectTableModel::Kind::Images, m_service, m_tabs);
    m_volumes = new ObjectPage(ObjectTableModel::Kind::Volumes, m_service, m_tabs);
    m_networks = new ObjectPage(ObjectTableModel::Kind::Networks, m_service, m_tabs);
    for (ObjectPage *p : {m_images, m_volumes, m_networks}) {
        connect(p, &ObjectPage::errorOccurred, this, &ContainersPanel::showError);
        connect(p, &ObjectPage::infoMessage, m_bar, &Workbench::MessageBar::showInfo);
    }
    m_compose = new ComposePage(m_service, m_tabs);
    connect(m_compose, &ComposePage::errorOccurred, this, &ContainersPanel::showError);
    connect(m_compose, &ComposePage::infoMessage, m_bar, &Workbench::MessageBar::showInfo);
    m_tabs->addTab(page, QString());
    m_tabs->addTab(m_compose, QString());
    m_tabs->addTab(m_images, QString());
    m_tabs->addTab(m_volumes, QString());
    m_tabs->addTab(m_networks, QString());
    m_selfHeal = new SelfHealPage(m_service, m_tabs);
    connect(m_selfHeal, &SelfHealPage::errorOccurred, this, &ContainersPanel::showError);
    connect(m_selfHeal, &SelfHealPage::infoMessage, m_bar, &Workbench::MessageBar::showInfo);
    m_tabs->addTab(m_selfHeal, QString());
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int i) {
        if (auto *p = qobject_cast<ObjectPage *>(m_tabs->widget(i)))
            p->refresh();
        else if (m_tabs->widget(i) == m_compose)
            m_compose->refresh();
        else if (m_tabs->widget(i) == m_selfHeal)
            m_selfHeal->refresh();
    });

    // No Docker on the server: a calm page, not an error (many servers have none).
    m_noDocker = new Workbench::StatePage(m_stack);
    m_noDocker->label()->setObjectName(QStringLiteral("noDockerLabel"));
    connect(m_noDocker->button(), &QPushButton::clicked, this, [this] {
        m_dockerMissing = false;
        m_stack->setCurrentIndex(1);
        refresh();
    });

    m_stack->addWidget(m_offline);
    m_stack->addWidget(m_tabs);
    m_stack->addWidget(m_noDocker);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);
    layout->addWidget(m_stack, 1);

    m_refresh.setInterval(kRefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, &ContainersPanel::refresh);
    m_statsDebounce.setSingleShot(true);
    m_statsDebounce.setInterval(300);
    connect(&m_statsDebounce, &QTimer::timeout, this, &ContainersPanel::watchVisibleStats);
    connect(m_server, &Workbench::ServerContext::readyChanged, this, &ContainersPanel::onReadyChanged);
    retranslate();
    updateButtons();
    onReadyChanged(m_server->isReady());
}

ContainersPanel::~ContainersPanel()
{
    m_stats->stopAll();
    m_details->stop();
}

void ContainersPanel::updateCount()
{
    m_count->setText(m_totalCount < 0 ? QString()
                                      : Tr::tr("%1 running of %2").arg(m_runningCount).arg(m_totalCount));
}

void ContainersPanel::retranslate()
{
    updateCount();
    m_offline->label()->setText(Tr::tr("%1 is not connected.").arg(m_server->serverName()));
    m_offline->button()->setText(Tr::tr("Connect"));
    m_noDocker->label()->setText(Tr::tr("Docker was not found on %1, or it does not answer.\n"
                                        "Containers appear here once Docker (or Podman's Docker-compatible "
                                        "socket) runs there.").arg(m_server->serverName()));
    m_noDocker->button()->setText(Tr::tr("Check Again"));
    m_tabs->setTabText(0, Tr::tr("Containers"));
    m_tabs->setTabText(1, Tr::tr("Compose"));
    m_tabs->setTabText(2, Tr::tr("Images"));
    m_tabs->setTabText(3, Tr::tr("Volumes"));
    m_tabs->setTabText(4, Tr::tr("Networks"));
    m_tabs->setTabText(5, Tr::tr("Self-heal"));
    m_filterEdit->setPlaceholderText(Tr::tr("Filter by name, image, compose project or port"));
    const QStringList states{Tr::tr("All states"), Tr::tr("Running", "container state"),
                             Tr::tr("Stopped", "container state"), Tr::tr("Paused", "container state"),
                             Tr::tr("Other states")};
    for (int i = 0; i < states.size(); ++i)
        m_stateBox->setItemText(i, states.at(i));
    m_start->setText(Tr::tr("Start"));
    m_stop->setText(Tr::tr("Stop"));
    m_restart->setText(Tr::tr("Restart"));
    m_remove->setText(Tr::tr("Remove…"));
    m_refreshButton->setText(Tr::tr("Refresh"));
    qDeleteAll(m_table->actions());
    const QList<std::pair<QString, QString>> actions{{QStringLiteral("start"), Tr::tr("Start")},
                                                     {QStringLiteral("stop"), Tr::tr("Stop")},
                                                     {QStringLiteral("restart"), Tr::tr("Restart")},
                                                     {QStringLiteral("pause"), Tr::tr("Pause")},
                                                     {QStringLiteral("unpause"), Tr::tr("Resume")},
                                                     {QStringLiteral("kill"), Tr::tr("Kill")},
                                                     {QStringLiteral("remove"), Tr::tr("Remove…")}};
    for (const auto &[verb, text] : actions) {
        auto *a = new QAction(text, m_table);
        const QString v = verb;
        connect(a, &QAction::triggered, this, [this, v] { runAction(v); });
        m_table->addAction(a);
    }
    auto *ask = new QAction(Tr::tr("Ask AI About This Container"), m_table);
    connect(ask, &QAction::triggered, this, [this] {
        const QStringList ids = selectedIds();
        if (!ids.isEmpty())
            askAiAbout(ids.constFirst());
    });
    m_table->addAction(ask);
    updateButtons();
}

void ContainersPanel::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

void ContainersPanel::showEvent(QShowEvent *e)
{
    QWidget::showEvent(e);
    if (m_server->isReady() && !m_dockerMissing) {
        m_refresh.start();
        refresh();
    }
}

void ContainersPanel::hideEvent(QHideEvent *e)
{
    // A hidden panel costs nothing: no list refresh, no stats streams (logs of the selected
    // container keep following so nothing is missed when it comes back).
    m_refresh.stop();
    m_stats->stopAll();
    QWidget::hideEvent(e);
}

QString ContainersPanel::typedWord() const
{
    return m_server->profile().isLocal() ? QStringLiteral("localhost") : m_server->serverName();
}

void ContainersPanel::onReadyChanged(bool ready)
{
    m_service->setHelper(m_server->helper());
    if (!ready) {
        m_refresh.stop();
        m_stats->stopAll();
        m_details->stop();
        m_stack->setCurrentIndex(0);
        return;
    }
    m_bar->clear();
    // initialize says whether Docker answered; without it the panel makes no calls.
    m_dockerMissing = !m_server->helper()->info().capabilities.contains(QStringLiteral("docker"));
    m_stack->setCurrentIndex(m_dockerMissing ? 2 : 1);
    if (m_dockerMissing || !isVisible())
        return;   // a hidden panel refreshes when it is shown
    m_refresh.start();
    refresh();
}

void ContainersPanel::refresh()
{
    if (m_loading || !m_server->isReady() || m_dockerMissing)
        return;
    m_loading = true;
    m_service->list(true).then(this, [this](const Result<QList<Container>> &r) {
        m_loading = false;
        ++m_refreshes;
        if (!r) {
            if (r.error().code == ErrorCode::DockerUnavailable) {
                // Docker went away (or never answered): say so calmly, stop polling.
                m_dockerMissing = true;
                m_refresh.stop();
                m_stats->stopAll();
                m_stack->setCurrentIndex(2);
                return;
            }
            showError(r.error());
            return;
        }
        m_model->setContainers(*r);
        int running = 0;
        for (const Container &c : *r)
            running += c.isRunning() ? 1 : 0;
        m_runningCount = running;
        m_totalCount = int(r->size());
        updateCount();
        updateDetails();
        updateButtons();
        if (isVisible())
            watchVisibleStats();
    });
    if (auto *p = qobject_cast<ObjectPage *>(m_tabs->currentWidget()))
        p->refresh();
    else if (m_tabs->currentWidget() == m_compose)
        m_compose->refresh();
}

void ContainersPanel::watchVisibleStats()
{
    if (!isVisible() || !m_server->isReady()) {
        m_stats->stopAll();
        return;
    }
    // Only the running containers on screen: a server with hundreds costs a few streams.
    const int rows = m_filter->rowCount();
    int first = m_table->rowAt(0);
    int last = m_table->rowAt(m_table->viewport()->height() - 1);
    if (first < 0)
        first = 0;
    if (last < 0)
        last = rows - 1;
    QStringList ids;
    for (int row = first; row <= last && row < rows; ++row) {
        const QModelIndex idx = m_filter->index(row, 0);
        if (idx.data(ContainerListModel::StateRole).toString() == QLatin1String("running"))
            ids << idx.data(ContainerListModel::IdRole).toString();
    }
    m_stats->setWatched(ids);
}

QStringList ContainersPanel::selectedIds() const
{
    QStringList ids;
    for (const QModelIndex &idx : m_table->selectionModel()->selectedRows())
        ids << idx.data(ContainerListModel::IdRole).toString();
    return ids;
}

bool ContainersPanel::selectContainer(const QString &id)
{
    const int src = m_model->rowOf(id);
    if (src < 0)
        return false;
    const QModelIndex idx = m_filter->mapFromSource(m_model->index(src, 0));
    if (!idx.isValid())
        return false;
    m_table->selectionModel()->setCurrentIndex(
        idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(idx);
    return true;
}

void ContainersPanel::updateButtons()
{
    const QStringList ids = selectedIds();
    bool anyRunning = false, anyStopped = false;
    for (const QString &id : ids) {
        if (const Container *c = m_model->container(id)) {
            anyRunning = anyRunning || c->isRunning() || c->state == QLatin1String("paused");
            anyStopped = anyStopped || !c->isRunning();
        }
    }
    const bool ready = m_server->isReady();
    const bool readOnly = ready && m_server->helper()->isReadOnly();
    m_start->setEnabled(ready && !readOnly && anyStopped);
    m_stop->setEnabled(ready && !readOnly && anyRunning);
    m_restart->setEnabled(ready && !readOnly && !ids.isEmpty());
    m_remove->setEnabled(ready && !readOnly && !ids.isEmpty());
    const QString tip = readOnly ? Tr::tr("This profile is read-only") : QString();
    for (QPushButton *b : {m_start, m_stop, m_restart, m_remove})
        b->setToolTip(tip);
}

void ContainersPanel::updateDetails()
{
    const QModelIndex cur = m_table->selectionModel()->currentIndex();
    const bool selected = cur.isValid() && m_table->selectionModel()->isRowSelected(cur.row(), {});
    const QString id = selected ? cur.data(ContainerListModel::IdRole).toString() : QString();
    const Container *c = id.isEmpty() ? nullptr : m_model->container(id);
    m_details->showContainer(c ? *c : Container{});
}

} // namespace Qwq::Containers
