// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "containerdetails.h"

#include "logpane.h"

#include <containers/core/containerlistmodel.h>
#include <containers/core/containersservice.h>
#include <containers/core/containerstr.h>
#include <containers/core/inspectview.h>
#include <containers/core/logmodel.h>

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeView>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

namespace Qwq::Containers {

namespace {
constexpr int kHistory = 120;
constexpr int kTail = 1000;

// 1, 2 or 5 times a power of ten, at least `v`.
double niceCeiling(double v)
{
    if (v <= 0)
        return 1;
    const double p = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * p >= v)
            return m * p;
    }
    return 10 * p;
}

QTableWidgetItem *plainItem(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    item->setToolTip(plainToolTip(text));
    return item;
}

QTableWidget *newTable(int columns, QWidget *parent)
{
    auto *t = new QTableWidget(0, columns, parent);
    t->verticalHeader()->hide();
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setWordWrap(false);
    t->horizontalHeader()->setStretchLastSection(true);
    t->setAlternatingRowColors(true);
    return t;
}

QString scalarText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d);
    }
    case QJsonValue::String: return v.toString();
    default: return {};
    }
}

void addJson(QStandardItem *parent, const QString &key, const QJsonValue &v)
{
    auto *k = new QStandardItem(key);
    auto *val = new QStandardItem;
    k->setEditable(false);
    val->setEditable(false);
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        val->setText(o.isEmpty() ? QStringLiteral("{}") : QString());
        for (auto it = o.begin(); it != o.end(); ++it)
            addJson(k, it.key(), it.value());
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        val->setText(a.isEmpty() ? QStringLiteral("[]") : QStringLiteral("[%1]").arg(a.size()));
        for (qsizetype i = 0; i < a.size(); ++i)
            addJson(k, QString::number(i), a.at(i));
    } else {
        val->setText(scalarText(v));
        val->setToolTip(plainToolTip(val->text()));
    }
    parent->appendRow({k, val});
}
} // namespace

ContainerDetails::ContainerDetails(ContainersService *service, QWidget *parent)
    : QWidget(parent), m_service(service)
{
    setObjectName(QStringLiteral("containerDetails"));
    m_header = new QLabel(this);
    m_header->setTextFormat(Qt::PlainText);   // names and images come from the server
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont hf = m_header->font();
    hf.setBold(true);
    m_header->setFont(hf);
    m_askAi = new QPushButton(this);
    m_askAi->setObjectName(QStringLiteral("askAiContainer"));
    m_shell = new QPushButton(this);
    m_shell->setObjectName(QStringLiteral("openShell"));
    connect(m_askAi, &QPushButton::clicked, this, [this] { emit askAiRequested(m_container.id); });
    connect(m_shell, &QPushButton::clicked, this, [this] { emit openShellRequested(m_container.id); });

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_tabs->setDocumentMode(true);

    m_logModel = new LogModel(this);
    m_logPane = new LogPane(m_logModel, m_tabs);
    connect(m_logPane, &LogPane::followToggled, this, [this](bool on) {
        // Following again picks up from now; unfollowing keeps what is there.
        if (on)
            startLogs();
        else
            stopLogs();
    });

    m_statsPage = new QWidget(m_tabs);
    m_statsText = new QLabel(m_statsPage);
    m_statsText->setObjectName(QStringLiteral("statsText"));
    m_statsText->setTextFormat(Qt::PlainText);
    m_statsText->setWordWrap(true);
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
    m_axisY = new QValueAxis(m_chart);
    m_axisY->setRange(0, 5);
    m_axisY->setLabelFormat(QStringLiteral("%.1f%%"));
    m_axisY->setTickCount(3);
    m_axisMem = new QValueAxis(m_chart);
    m_axisMem->setRange(0, 1);
    m_axisMem->setLabelFormat(QStringLiteral("%.1f MB"));
    m_axisMem->setTickCount(3);
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisY, Qt::AlignLeft);
    m_chart->addAxis(m_axisMem, Qt::AlignRight);
    m_cpuSeries->attachAxis(m_axisX);
    m_cpuSeries->attachAxis(m_axisY);
    m_memSeries->attachAxis(m_axisX);
    m_memSeries->attachAxis(m_axisMem);
    auto *chartView = new QChartView(m_chart, m_statsPage);
    chartView->setRenderHint(QPainter::Antialiasing);
    chartView->setMinimumHeight(140);
    auto *sl = new QVBoxLayout(m_statsPage);
    sl->setContentsMargins(0, 0, 0, 0);
    sl->addWidget(m_statsText);
    sl->addWidget(chartView, 1);

    m_inspectTree = new QTreeView(m_tabs);
    m_inspectTree->setObjectName(QStringLiteral("inspectTree"));
    m_inspectModel = new QStandardItemModel(this);
    m_inspectTree->setModel(m_inspectModel);
    m_inspectTree->setUniformRowHeights(true);
    m_inspectTree->setAlternatingRowColors(true);
    m_inspectTree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_inspectTree->header()->resizeSection(0, 220);

    m_env = newTable(2, m_tabs);
    m_env->setObjectName(QStringLiteral("envTable"));
    m_mounts = newTable(4, m_tabs);
    m_mounts->setObjectName(QStringLiteral("mountsTable"));

    m_tabs->addTab(m_logPane, QString());
    m_tabs->addTab(m_statsPage, QString());
    m_tabs->addTab(m_inspectTree, QString());
    m_tabs->addTab(m_env, QString());
    m_tabs->addTab(m_mounts, QString());

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_header, 1);
    top->addWidget(m_shell);
    top->addWidget(m_askAi);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);
    retranslate();
    showContainer({});
}

ContainerDetails::~ContainerDetails()
{
    stop();
}

void ContainerDetails::retranslate()
{
    m_askAi->setText(Tr::tr("Ask AI"));
    m_askAi->setToolTip(Tr::tr("Hand this container's last log lines and its settings (secrets "
                               "masked) to the AI pane"));
    m_shell->setText(Tr::tr("Open Shell"));
    m_shell->setToolTip(Tr::tr("A terminal inside this container"));
    m_tabs->setTabText(0, Tr::tr("Logs"));
    m_tabs->setTabText(1, Tr::tr("Stats"));
    m_tabs->setTabText(2, Tr::tr("Inspect"));
    m_tabs->setTabText(3, Tr::tr("Environment"));
    m_tabs->setTabText(4, Tr::tr("Mounts"));
    m_cpuSeries->setName(Tr::tr("CPU (%)"));
    m_memSeries->setName(Tr::tr("Memory (MB)"));
    m_inspectModel->setHorizontalHeaderLabels({Tr::tr("Key"), Tr::tr("Value")});
    m_env->setHorizontalHeaderLabels({Tr::tr("Variable"), Tr::tr("Value")});
    m_mounts->setHorizontalHeaderLabels({Tr::tr("Type"), Tr::tr("Source"), Tr::tr("Destination"), Tr::tr("Mode")});
    updateHeader();
    if (m_samples > 0)
        showStatsText(m_lastStats);
}

void ContainerDetails::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

void ContainerDetails::updateHeader()
{
    if (m_container.id.isEmpty()) {
        m_header->setText(Tr::tr("Select a container to see its logs, stats and settings."));
        return;
    }
    m_header->setText(Tr::tr("%1 · %2 · %3")
                          .arg(m_container.name, ContainerListModel::stateText(m_container.state),
                               m_container.image));
}

void ContainerDetails::stop()
{
    stopLogs();
    stopStats();
}

void ContainerDetails::showContainer(const Container &c)
{
    const bool sameId = c.id == m_container.id && !c.id.isEmpty();
    const bool wasRunning = m_container.isRunning();
    m_container = c;
    updateHeader();
    const bool has = !c.id.isEmpty();
    m_askAi->setEnabled(has);
    m_shell->setEnabled(has && c.isRunning());
    // Shown when the helper offers containers.exec (ContainerShellWindow opens the shell).
    m_shell->setVisible(m_service->hasMethod(QStringLiteral("containers.exec")));
    m_tabs->setEnabled(has);
    if (sameId) {
        // A state change: a container that started again logs again; stats only run while
        // it runs. Inspect is refreshed since its State changed.
        if (c.isRunning() != wasRunning) {
            if (c.isRunning() && m_logPane->followBox()->isChecked() && m_logs.isFinished())
                startLogs();
            if (c.isRunning())
                startStats();
            else
                stopStats();
            loadInspect();
        }
        return;
    }
    ++m_generation;
    stop();
    m_inspect = {};
    m_inspectModel->removeRows(0, m_inspectModel->rowCount());
    m_env->setRowCount(0);
    m_mounts->setRowCount(0);
    m_logModel->clear();
    m_cpuSeries->clear();
    m_memSeries->clear();
    m_samples = 0;
    m_axisX->setRange(0, kHistory);
    m_axisY->setRange(0, 5);
    m_axisMem->setRange(0, 1);
    m_statsText->setText(c.isRunning() ? Tr::tr("Waiting for the first sample…")
                                       : Tr::tr("Stats are shown while the container runs."));
    if (!has)
        return;
    loadInspect();
    startLogs();
    if (c.isRunning())
        startStats();
}

void ContainerDetails::loadInspect()
{
    const quint64 gen = m_generation;
    m_service->inspect(m_container.id).then(this, [this, gen](const Result<QJsonObject> &r) {
        if (gen != m_generation)
            return;
        if (!r)
            return emit errorOccurred(r.error());
        showInspect(*r);
    });
}

void ContainerDetails::showInspect(const QJsonObject &inspect)
{
    m_inspect = inspect;
    const QJsonObject shown = redactedInspect(inspect);
    m_inspectModel->removeRows(0, m_inspectModel->rowCount());
    QStandardItem *root = m_inspectModel->invisibleRootItem();
    for (auto it = shown.begin(); it != shown.end(); ++it)
        addJson(root, it.key(), it.value());
    m_inspectTree->expandToDepth(0);

    const QList<EnvEntry> env = environmentOf(inspect);
    m_env->setRowCount(int(env.size()));
    for (int i = 0; i < env.size(); ++i) {
        m_env->setItem(i, 0, plainItem(env.at(i).key));
        auto *v = plainItem(env.at(i).value);
        if (env.at(i).masked)
            v->setToolTip(Tr::tr("Masked: the name or the value looks like a secret"));
        m_env->setItem(i, 1, v);
    }
    m_env->resizeColumnToContents(0);

    const QJsonArray mounts = shown.value(QLatin1String("Mounts")).toArray();
    m_mounts->setRowCount(int(mounts.size()));
    for (int i = 0; i < mounts.size(); ++i) {
        const QJsonObject m = mounts.at(i).toObject();
        const QString source = m.value(QLatin1String("Type")).toString() == QLatin1String("volume")
                                   ? m.value(QLatin1String("Name")).toString()
                                   : m.value(QLatin1String("Source")).toString();
        m_mounts->setItem(i, 0, plainItem(m.value(QLatin1String("Type")).toString()));
        m_mounts->setItem(i, 1, plainItem(source));
        m_mounts->setItem(i, 2, plainItem(m.value(QLatin1String("Destination")).toString()));
        m_mounts->setItem(i, 3, plainItem(m.value(QLatin1String("RW")).toBool(true) ? Tr::tr("read-write")
                                                                                     : Tr::tr("read-only")));
    }
    m_mounts->resizeColumnsToContents();
}

void ContainerDetails::startLogs()
{
    stopLogs();
    if (m_container.id.isEmpty())
        return;
    LogOptions o;
    o.follow = m_logPane->followBox()->isChecked();
    o.tail = kTail;
    if (m_logModel->rowCount() > 0 || m_logModel->pending() > 0) {
        // Following again after a pause: only what came since, not the tail a second time.
        o.tail = 0;
        o.since = QDateTime::currentSecsSinceEpoch();
    }
    QPointer<LogModel> model(m_logModel);
    const quint64 gen = m_generation;
    m_logs = m_service->logs(m_container.id, o, [model](bool err, const QJsonArray &lines) {
        if (model)
            model->append(err, lines);
    });
    m_logs.then(this, [this, gen](const Result<QJsonValue> &r) {
        if (gen != m_generation)
            return;
        m_logModel->flush();
        if (!r && r.error().code != ErrorCode::Cancelled)
            emit errorOccurred(r.error());
    });
}

void ContainerDetails::stopLogs()
{
    if (m_logs.isValid() && !m_logs.isFinished())
        m_logs.cancel();   // $/cancel to the helper
    m_logs = {};
}

void ContainerDetails::startStats()
{
    stopStats();
    QPointer<ContainerDetails> self(this);
    m_stats = m_service->stats(m_container.id, [self](const ContainerStats &s) {
        if (self)
            self->addSample(s);
    });
}

void ContainerDetails::stopStats()
{
    if (m_stats.isValid() && !m_stats.isFinished())
        m_stats.cancel();
    m_stats = {};
}

void ContainerDetails::showStatsText(const ContainerStats &s)
{
    const QLocale loc;
    m_statsText->setText(Tr::tr("CPU %1% · memory %2 of %3 · network in %4, out %5 · disk read %6, "
                                "written %7 · %8 processes")
                             .arg(loc.toString(s.cpuPercent, 'f', 1), formatBytes(s.memUsage),
                                  formatBytes(s.memLimit), formatBytes(s.netRx), formatBytes(s.netTx),
                                  formatBytes(s.blockRead), formatBytes(s.blockWrite))
                             .arg(s.pids));
}

void ContainerDetails::addSample(const ContainerStats &s)
{
    m_lastStats = s;
    showStatsText(s);
    // CPU in % (can pass 100 on several cores) on the left, memory in MB on the right; both
    // axes grow to what was seen so a quiet container is not a flat line at the bottom.
    const double memMb = double(s.memUsage) / 1e6;
    m_cpuSeries->append(double(m_samples), s.cpuPercent);
    m_memSeries->append(double(m_samples), memMb);
    if (s.cpuPercent * 1.25 > m_axisY->max())
        m_axisY->setMax(niceCeiling(s.cpuPercent * 1.25));
    if (memMb * 1.25 > m_axisMem->max())
        m_axisMem->setMax(niceCeiling(memMb * 1.25));
    ++m_samples;
    if (m_samples > kHistory) {
        m_axisX->setRange(double(m_samples - kHistory), double(m_samples));
        for (QLineSeries *series : {m_cpuSeries, m_memSeries}) {
            while (series->count() > kHistory + 1)
                series->remove(0);
        }
    }
}

} // namespace Qwq::Containers
