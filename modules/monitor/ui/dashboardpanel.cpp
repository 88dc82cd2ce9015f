// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboardpanel.h"

#include "usagebar.h"

#include <helper/core/helperclient.h>
#include <monitor/core/filesystemmodel.h>
#include <monitor/core/monitortr.h>
#include <workbench/core/servercontext.h>
#include <workbench/ui/messagebar.h>

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QValueAxis>
#include <QVBoxLayout>

namespace Qwq::Monitor {

namespace {
constexpr int kRefreshMs = 15000;
constexpr int kWatchMs = 2000;
constexpr int kHistory = 90;

QLabel *plainLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setTextFormat(Qt::PlainText);   // everything here came from a server
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setWordWrap(true);
    return l;
}
} // namespace

DashboardPanel::DashboardPanel(Workbench::ServerContext *server, QWidget *parent)
    : QWidget(parent), m_server(server)
{
    setObjectName(QStringLiteral("dashboardPanel"));
    m_bar = new Workbench::MessageBar(this);
    m_stack = new QStackedWidget(this);

    // Offline page
    auto *offline = new QWidget(m_stack);
    m_offlineLabel = new QLabel(offline);
    m_offlineLabel->setAlignment(Qt::AlignCenter);
    m_offlineLabel->setWordWrap(true);
    m_connectButton = new QPushButton(offline);
    connect(m_connectButton, &QPushButton::clicked, this,
            [this] { m_server->connection()->connectToServer(); });
    auto *ol = new QVBoxLayout(offline);
    ol->addStretch();
    ol->addWidget(m_offlineLabel);
    ol->addWidget(m_connectButton, 0, Qt::AlignHCenter);
    ol->addStretch();

    // Online page
    auto *online = new QWidget(m_stack);
    m_systemBox = new QGroupBox(online);
    m_host = plainLabel(m_systemBox);
    QFont hf = m_host->font();
    hf.setPointSizeF(hf.pointSizeF() * 1.4);
    hf.setBold(true);
    m_host->setFont(hf);
    m_facts = plainLabel(m_systemBox);
    auto *sl = new QVBoxLayout(m_systemBox);
    sl->addWidget(m_host);
    sl->addWidget(m_facts);
    sl->addStretch();

    m_resourcesBox = new QGroupBox(online);
    m_cpu = plainLabel(m_resourcesBox);
    m_load = plainLabel(m_resourcesBox);
    m_cpuBar = new UsageBar(m_resourcesBox);
    m_memBar = new UsageBar(m_resourcesBox);
    m_swapBar = new UsageBar(m_resourcesBox);
    auto *rl = new QVBoxLayout(m_resourcesBox);
    rl->addWidget(m_cpu);
    rl->addWidget(m_cpuBar);
    rl->addWidget(m_memBar);
    rl->addWidget(m_swapBar);
    rl->addWidget(m_load);
    rl->addStretch();

    m_chart = new QChart;
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    m_cpuSeries = new QLineSeries(m_chart);
    m_memSeries = new QLineSeries(m_chart);
    m_chart->addSeries(m_cpuSeries);
    m_chart->addSeries(m_memSeries);
    m_axisX = new QValueAxis(m_chart);
    m_axisX->setRange(0, kHistory);
    m_axisX->setLabelsVisible(false);
    m_axisX->setGridLineVisible(false);
    auto *axisY = new QValueAxis(m_chart);
    axisY->setRange(0, 100);
    axisY->setLabelFormat(QStringLiteral("%d%%"));
    axisY->setTickCount(3);
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(axisY, Qt::AlignLeft);
    for (QLineSeries *s : {m_cpuSeries, m_memSeries}) {
        s->attachAxis(m_axisX);
        s->attachAxis(axisY);
    }
    auto *chartView = new QChartView(m_chart, online);
    chartView->setRenderHint(QPainter::Antialiasing);
    chartView->setMinimumHeight(160);

    m_disksBox = new QGroupBox(online);
    m_fsModel = new FilesystemModel(this);
    m_fsView = new QTableView(m_disksBox);
    m_fsView->setModel(m_fsModel);
    m_fsView->setItemDelegateForColumn(FilesystemModel::UsageColumn, new UsageBarDelegate(m_fsView));
    m_fsView->verticalHeader()->hide();
    m_fsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_fsView->setAlternatingRowColors(true);
    m_fsView->setShowGrid(false);
    m_fsView->setWordWrap(false);
    QHeaderView *header = m_fsView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(FilesystemModel::MountColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(FilesystemModel::UsageColumn, QHeaderView::Fixed);
    header->resizeSection(FilesystemModel::UsageColumn, 180);
    header->setMinimumSectionSize(84);   // room for "252.0 GB" in any font
    m_fsView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_fsView, &QWidget::customContextMenuRequested, this, &DashboardPanel::showFilesystemMenu);
    auto *dl = new QVBoxLayout(m_disksBox);
    dl->addWidget(m_fsView);

    auto *grid = new QGridLayout(online);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_systemBox, 0, 0);
    grid->addWidget(m_resourcesBox, 0, 1);
    grid->addWidget(chartView, 0, 2);
    grid->addWidget(m_disksBox, 1, 0, 1, 3);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 3);
    grid->setColumnStretch(2, 4);
    grid->setRowStretch(1, 1);

    m_stack->addWidget(offline);
    m_stack->addWidget(online);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_bar);
    layout->addWidget(m_stack, 1);

    m_refresh.setInterval(kRefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, &DashboardPanel::refresh);
    connect(m_server, &Workbench::ServerContext::readyChanged, this, &DashboardPanel::onReadyChanged);
    retranslate();
    onReadyChanged(m_server->isReady());
}

DashboardPanel::~DashboardPanel()
{
    stopWatch();
}

QString DashboardPanel::hostnameText() const
{
    return m_host->text();
}

void DashboardPanel::retranslate()
{
    m_offlineLabel->setText(Tr::tr("%1 is not connected.").arg(m_server->serverName()));
    m_connectButton->setText(Tr::tr("Connect"));
    m_systemBox->setTitle(Tr::tr("System"));
    m_resourcesBox->setTitle(Tr::tr("Resources"));
    m_disksBox->setTitle(Tr::tr("Filesystems"));
    m_cpuSeries->setName(Tr::tr("CPU"));
    m_memSeries->setName(Tr::tr("Memory"));
    if (m_info.memTotal > 0)
        showInfo(m_info);
}

void DashboardPanel::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

void DashboardPanel::onReadyChanged(bool ready)
{
    if (!ready) {
        m_refresh.stop();
        stopWatch();
        m_stack->setCurrentIndex(0);
        return;
    }
    m_bar->clear();
    m_stack->setCurrentIndex(1);
    m_cpuSeries->clear();
    m_memSeries->clear();
    m_sampleNo = 0;
    refresh();
    startWatch();
    m_refresh.start();
}

void DashboardPanel::refresh()
{
    Helper::HelperClient *helper = m_server->helper();
    if (!helper || m_loading)
        return;
    m_loading = true;
    helper->call(QStringLiteral("system.info")).then(this, [this](const Result<QJsonValue> &r) {
        m_loading = false;
        if (!r) {
            m_bar->showError(r.error());
            m_server->reportError(QStringLiteral("monitor.dashboard"), r.error());
            return;
        }
        const auto info = SystemInfo::fromJson(r->toObject());
        if (!info) {
            m_bar->showError(info.error());
            m_server->reportError(QStringLiteral("monitor.dashboard"), info.error());
            return;
        }
        m_bar->clear();
        showInfo(*info);
    });
}

void DashboardPanel::startWatch()
{
    Helper::HelperClient *helper = m_server->helper();
    if (!helper)
        return;
    QPointer<DashboardPanel> self(this);
    m_watch = helper->call(QStringLiteral("metrics.watch"), {{QStringLiteral("intervalMs"), kWatchMs}},
                           [self](const QJsonObject &params) {
                               if (self)
                                   self->addSample(MetricsSample::fromJson(
                                       params.value(QStringLiteral("data")).toObject()));
                           });
}

void DashboardPanel::stopWatch()
{
    if (m_watch.isValid() && !m_watch.isFinished())
        m_watch.cancel();   // reaches the helper as $/cancel
    m_watch = {};
}

void DashboardPanel::showInfo(const SystemInfo &i)
{
    m_info = i;
    m_host->setText(i.hostname);
    m_facts->setText(Tr::tr("%1\nKernel %2 · %3\nUp %4")
                         .arg(i.osName, i.kernel, i.arch, formatUptime(i.uptimeSeconds)));
    m_cpu->setText(Tr::tr("%1\nLogical cores: %2").arg(i.cpuModel).arg(i.cpuCores));
    const QLocale loc;
    m_load->setText(Tr::tr("Load average: %1 · %2 · %3")
                        .arg(loc.toString(i.load[0], 'f', 2), loc.toString(i.load[1], 'f', 2),
                             loc.toString(i.load[2], 'f', 2)));
    const double memPct = i.memTotal > 0 ? 100.0 * double(i.memUsed) / double(i.memTotal) : 0;
    m_memBar->setUsage(memPct, Tr::tr("Memory: %1 of %2").arg(formatBytes(i.memUsed), formatBytes(i.memTotal)));
    if (i.swapTotal > 0) {
        m_swapBar->setUsage(100.0 * double(i.swapUsed) / double(i.swapTotal),
                            Tr::tr("Swap: %1 of %2").arg(formatBytes(i.swapUsed), formatBytes(i.swapTotal)));
    } else {
        m_swapBar->setUsage(0, Tr::tr("Swap: none"));
    }
    if (m_cpuBar->caption().isEmpty())
        m_cpuBar->setUsage(0, Tr::tr("CPU: measuring…"));
    m_fsModel->setFilesystems(i.filesystems);
}

void DashboardPanel::addSample(const MetricsSample &s)
{
    if (s.cpuPercent >= 0) {
        m_cpuBar->setUsage(s.cpuPercent, Tr::tr("CPU: %1%").arg(QLocale().toString(s.cpuPercent, 'f', 1)));
        m_cpuSeries->append(double(m_sampleNo), s.cpuPercent);
    }
    if (s.memTotal > 0)
        m_memSeries->append(double(m_sampleNo), 100.0 * double(s.memUsed) / double(s.memTotal));
    ++m_sampleNo;
    if (m_sampleNo > kHistory) {
        m_axisX->setRange(double(m_sampleNo - kHistory), double(m_sampleNo));
        for (QLineSeries *series : {m_cpuSeries, m_memSeries}) {
            while (series->count() > kHistory + 1)
                series->remove(0);
        }
    }
}

void DashboardPanel::showFilesystemMenu(const QPoint &pos)
{
    const QModelIndex idx = m_fsView->indexAt(pos);
    if (!idx.isValid())
        return;
    const QString mount = idx.siblingAtColumn(FilesystemModel::MountColumn).data().toString();
    const double used = idx.siblingAtColumn(FilesystemModel::UsageColumn)
                            .data(FilesystemModel::UsedPercentRole).toDouble();
    QMenu menu(this);
    QAction *ask = menu.addAction(used >= 90 ? Tr::tr("Ask AI Why This Disk Is Full")
                                             : Tr::tr("Ask AI What Uses This Disk"),
                                  this, [this, mount] { askAiAboutFilesystem(mount); });
    ask->setObjectName(QStringLiteral("askAiDisk"));
    menu.exec(m_fsView->viewport()->mapToGlobal(pos));
}

bool DashboardPanel::askAiAboutFilesystem(const QString &mount)
{
    const auto it = std::find_if(m_info.filesystems.cbegin(), m_info.filesystems.cend(),
                                 [&](const Filesystem &f) { return f.mount == mount; });
    if (it == m_info.filesystems.cend())
        return false;
    const Filesystem &f = *it;
    const auto gib = [](qint64 bytes) { return QString::number(double(bytes) / 1073741824.0, 'f', 1); };
    // Model-facing facts, so English and not translated.
    const QString facts =
        QStringLiteral("mount point: %1\ndevice: %2\ntype: %3\nsize: %4 GiB\nused: %5 GiB (%6%)\n"
                       "available: %7 GiB\nread-only: %8\nhost: %9")
            .arg(f.mount, f.device, f.type, gib(f.total), gib(f.used),
                 QString::number(f.usedPercent(), 'f', 1), gib(f.available),
                 f.readOnly ? QStringLiteral("yes") : QStringLiteral("no"), m_info.hostname);
    const QString question =
        f.usedPercent() >= 90 ? Tr::tr("Why is %1 so full, and what can I safely clean up?").arg(f.mount)
                              : Tr::tr("What uses the space on %1?").arg(f.mount);
    const QString percent = QLocale().toString(f.usedPercent(), 'f', 0);
    m_server->askAi(question, Tr::tr("Filesystem %1 (%2% used)").arg(f.mount, percent), facts);
    return true;
}

} // namespace Qwq::Monitor
