// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "selfhealpage.h"

#include <containers/core/containersservice.h>
#include <containers/core/containerstr.h>

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Qwq::Containers {

namespace {
enum Column { TimeCol, ProjectCol, ServiceCol, ContainerCol, ReasonCol, ActionCol, ColumnCount };

QString timeText(qint64 secs)
{
    if (secs <= 0)
        return QString();
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(secs), QLocale::ShortFormat);
}

QString reasonText(const QJsonObject &incident)
{
    const QString reason = incident.value(QLatin1String("reason")).toString();
    const QJsonValue code = incident.value(QLatin1String("exitCode"));
    QString text;
    if (reason == QLatin1String("exited"))
        text = code.isDouble() ? Tr::tr("Exited with status %1").arg(code.toInt()) : Tr::tr("Exited");
    else if (reason == QLatin1String("unhealthy"))
        text = Tr::tr("Unhealthy");
    else if (reason == QLatin1String("dead"))
        text = Tr::tr("Dead");
    else
        text = reason;
    if (incident.value(QLatin1String("oomKilled")).toBool())
        text += Tr::tr(" (out of memory)");
    return text;
}
} // namespace

SelfHealPage::SelfHealPage(ContainersService *service, QWidget *parent) : QWidget(parent), m_service(service)
{
    setObjectName(QStringLiteral("selfHealPage"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("selfHealStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_projects = new QListWidget(this);
    m_projects->setObjectName(QStringLiteral("selfHealProjects"));
    m_projects->setMaximumHeight(110);
    m_interval = new QSpinBox(this);
    m_interval->setObjectName(QStringLiteral("selfHealInterval"));
    m_interval->setRange(60, 86400);
    m_interval->setSingleStep(60);
    m_interval->setValue(60);
    m_scheduler = new QComboBox(this);
    m_scheduler->setObjectName(QStringLiteral("selfHealScheduler"));
    m_install = new QPushButton(this);
    m_install->setObjectName(QStringLiteral("selfHealInstall"));
    m_uninstall = new QPushButton(this);
    m_uninstall->setObjectName(QStringLiteral("selfHealUninstall"));
    m_refresh = new QPushButton(this);
    m_refresh->setObjectName(QStringLiteral("selfHealRefresh"));
    connect(m_install, &QPushButton::clicked, this, &SelfHealPage::install);
    connect(m_uninstall, &QPushButton::clicked, this, &SelfHealPage::uninstall);
    connect(m_refresh, &QPushButton::clicked, this, &SelfHealPage::refresh);

    m_incidents = new QTableWidget(0, ColumnCount, this);
    m_incidents->setObjectName(QStringLiteral("selfHealIncidents"));
    m_incidents->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_incidents->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_incidents->setSelectionMode(QAbstractItemView::SingleSelection);
    m_incidents->verticalHeader()->hide();
    m_incidents->horizontalHeader()->setStretchLastSection(true);
    m_incidents->setAlternatingRowColors(true);
    connect(m_incidents, &QTableWidget::itemSelectionChanged, this, &SelfHealPage::showSelectedLogs);
    m_logs = new QPlainTextEdit(this);
    m_logs->setObjectName(QStringLiteral("selfHealLogs"));
    m_logs->setReadOnly(true);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_logs->setFont(mono);

    m_projectsLabel = new QLabel(this);
    m_intervalLabel = new QLabel(this);
    m_schedulerLabel = new QLabel(this);
    m_incidentsLabel = new QLabel(this);
    auto *form = new QFormLayout;
    form->addRow(m_projectsLabel, m_projects);
    auto *timing = new QHBoxLayout;
    timing->addWidget(m_interval);
    timing->addSpacing(12);
    timing->addWidget(m_schedulerLabel);
    timing->addWidget(m_scheduler);
    timing->addStretch();
    form->addRow(m_intervalLabel, timing);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_install);
    buttons->addWidget(m_uninstall);
    buttons->addStretch();
    buttons->addWidget(m_refresh);

    auto *bottom = new QWidget(this);
    auto *bl = new QVBoxLayout(bottom);
    bl->setContentsMargins(0, 0, 0, 0);
    bl->addWidget(m_incidentsLabel);
    auto *split = new QSplitter(Qt::Vertical, bottom);
    split->addWidget(m_incidents);
    split->addWidget(m_logs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    bl->addWidget(split, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_status);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(bottom, 1);
    retranslate();
}

void SelfHealPage::retranslate()
{
    m_projectsLabel->setText(Tr::tr("Watch projects:"));
    m_projects->setToolTip(Tr::tr("Containers of the ticked compose projects are restarted when they exit "
                                  "with an error or become unhealthy"));
    m_intervalLabel->setText(Tr::tr("Check every:"));
    m_interval->setSuffix(Tr::tr(" s"));
    m_schedulerLabel->setText(Tr::tr("Run by:"));
    const QString current = m_scheduler->currentData().toString();
    m_scheduler->clear();
    m_scheduler->addItem(Tr::tr("Automatic (systemd timer, else cron)"), QStringLiteral("auto"));
    const QJsonArray available = m_statusObject.value(QLatin1String("available")).toArray();
    if (available.contains(QStringLiteral("systemd")))
        m_scheduler->addItem(Tr::tr("systemd timer"), QStringLiteral("systemd"));
    if (available.contains(QStringLiteral("cron")))
        m_scheduler->addItem(Tr::tr("cron entry"), QStringLiteral("cron"));
    m_scheduler->setCurrentIndex(qMax(0, m_scheduler->findData(current)));
    m_install->setText(isInstalled() ? Tr::tr("Update Watcher") : Tr::tr("Install Watcher"));
    m_uninstall->setText(Tr::tr("Remove Watcher"));
    m_refresh->setText(Tr::tr("Refresh"));
    m_incidentsLabel->setText(Tr::tr("Incidents (restarts the watcher made):"));
    m_incidents->setHorizontalHeaderLabels({Tr::tr("Time"), Tr::tr("Project"), Tr::tr("Service"),
                                            Tr::tr("Container"), Tr::tr("Reason"), Tr::tr("Result")});
    m_logs->setPlaceholderText(Tr::tr("The container's last log lines before the restart appear here."));
    showStatus();
    showIncidents();
}

void SelfHealPage::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

void SelfHealPage::refresh()
{
    if (m_loading)
        return;
    m_loading = true;
    m_service->selfhealStatus().then(this, [this](const Result<QJsonObject> &status) {
        if (!status) {
            m_loading = false;
            ++m_refreshes;
            emit errorOccurred(status.error());
            return;
        }
        m_statusObject = *status;
        m_service->selfhealIncidents({}, 200).then(this, [this](const Result<QJsonArray> &incidents) {
            if (incidents)
                m_incidentList = *incidents;
            else
                emit errorOccurred(incidents.error());
            m_service->composeProjects().then(this, [this](const Result<QJsonArray> &projects) {
                m_loading = false;
                QStringList names;
                if (projects) {
                    for (const QJsonValue &p : *projects)
                        names << p.toObject().value(QLatin1String("name")).toString();
                }
                showProjects(names);
                retranslate();
                ++m_refreshes;
            });
        });
    });
}

void SelfHealPage::showProjects(const QStringList &names)
{
    QStringList chosen = chosenProjects();
    if (m_projectNames.isEmpty()) {
        for (const QJsonValue &v : m_statusObject.value(QLatin1String("projects")).toArray())
            chosen << v.toString();
    }
    QStringList all = names;
    for (const QString &c : chosen) {
        if (!all.contains(c))
            all << c;   // watched, though not on the server right now
    }
    all.sort();
    m_projectNames = all;
    m_projects->clear();
    for (const QString &n : all) {
        auto *item = new QListWidgetItem(n, m_projects);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(chosen.contains(n) ? Qt::Checked : Qt::Unchecked);
    }
}

void SelfHealPage::setChosenProjects(const QStringList &projects)
{
    for (int i = 0; i < m_projects->count(); ++i) {
        QListWidgetItem *item = m_projects->item(i);
        item->setCheckState(projects.contains(item->text()) ? Qt::Checked : Qt::Unchecked);
    }
}

QStringList SelfHealPage::chosenProjects() const
{
    QStringList out;
    for (int i = 0; i < m_projects->count(); ++i) {
        if (m_projects->item(i)->checkState() == Qt::Checked)
            out << m_projects->item(i)->text();
    }
    return out;
}

void SelfHealPage::showStatus()
{
    if (m_statusObject.isEmpty()) {
        m_status->setText(Tr::tr("Loading…"));
        return;
    }
    QStringList lines;
    if (!isInstalled()) {
        lines << Tr::tr("The watcher is not installed. Tick the compose projects to keep running, then Install: "
                        "a schedule on the server (no open port, no daemon of qwq) checks them and restarts "
                        "containers that failed.");
    } else {
        QStringList projects;
        for (const QJsonValue &v : m_statusObject.value(QLatin1String("projects")).toArray())
            projects << v.toString();
        const QString scheduler = m_statusObject.value(QLatin1String("scheduler")).toString();
        lines << Tr::tr("The watcher runs every %1 s by %2 for: %3.")
                     .arg(m_statusObject.value(QLatin1String("intervalSeconds")).toInt())
                     .arg(scheduler == QLatin1String("systemd") ? Tr::tr("a systemd timer") : Tr::tr("cron"),
                          projects.join(QLatin1String(", ")));
        const QJsonObject last = m_statusObject.value(QLatin1String("lastRun")).toObject();
        if (last.isEmpty()) {
            lines << Tr::tr("It has not run yet.");
        } else {
            QString l = Tr::tr("Last run %1: %2 containers checked, %3 restarted.")
                            .arg(timeText(last.value(QLatin1String("time")).toInteger()))
                            .arg(last.value(QLatin1String("checked")).toInt())
                            .arg(last.value(QLatin1String("restarted")).toInt());
            if (const QString err = last.value(QLatin1String("error")).toString(); !err.isEmpty())
                l += QLatin1Char(' ') + Tr::tr("Error: %1").arg(err);
            lines << l;
        }
        if (const int v = m_statusObject.value(QLatin1String("intervalSeconds")).toInt(); v >= 60)
            m_interval->setValue(v);
    }
    if (m_statusObject.value(QLatin1String("available")).toArray().isEmpty())
        lines << Tr::tr("Neither systemd nor cron is available on this server, so the watcher cannot be installed.");
    m_status->setText(lines.join(QLatin1Char('\n')));
    m_uninstall->setEnabled(isInstalled());
}

void SelfHealPage::showIncidents()
{
    m_incidents->setRowCount(0);
    m_incidents->setRowCount(int(m_incidentList.size()));
    for (int row = 0; row < m_incidentList.size(); ++row) {
        const QJsonObject inc = m_incidentList.at(row).toObject();
        const bool ok = inc.value(QLatin1String("ok")).toBool();
        const QString err = inc.value(QLatin1String("error")).toString();
        const QStringList cells{timeText(inc.value(QLatin1String("time")).toInteger()),
                                inc.value(QLatin1String("project")).toString(),
                                inc.value(QLatin1String("service")).toString(),
                                inc.value(QLatin1String("container")).toString(),
                                reasonText(inc),
                                ok ? Tr::tr("Restarted") : Tr::tr("Restart failed: %1").arg(err)};
        for (int c = 0; c < ColumnCount; ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setToolTip(cells.at(c));
            if (c == ActionCol && !ok)
                item->setForeground(QColor(0xb0, 0x20, 0x20));
            m_incidents->setItem(row, c, item);
        }
    }
    m_incidents->resizeColumnsToContents();
    m_logs->clear();
}

void SelfHealPage::showSelectedLogs()
{
    const auto rows = m_incidents->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_logs->clear();
        return;
    }
    const QJsonObject inc = m_incidentList.at(rows.first().row()).toObject();
    QStringList lines;
    for (const QJsonValue &l : inc.value(QLatin1String("logs")).toArray())
        lines << l.toString();
    m_logs->setPlainText(lines.isEmpty() ? Tr::tr("(no log lines were recorded)") : lines.join(QLatin1Char('\n')));
}

void SelfHealPage::install()
{
    const QStringList projects = chosenProjects();
    if (projects.isEmpty()) {
        emit errorOccurred(Error(ErrorCode::InvalidParam, Tr::tr("Tick at least one compose project to watch"), {},
                                 {}, QStringLiteral("projects")));
        return;
    }
    m_install->setEnabled(false);
    m_service->selfhealInstall(projects, m_interval->value(), m_scheduler->currentData().toString())
        .then(this, [this](const Result<QJsonObject> &r) {
            m_install->setEnabled(true);
            if (!r)
                return emit errorOccurred(r.error());
            emit infoMessage(Tr::tr("The self-heal watcher is installed (%1).")
                                 .arg(r->value(QLatin1String("scheduler")).toString()));
            refresh();
        });
}

void SelfHealPage::uninstall()
{
    m_uninstall->setEnabled(false);
    m_service->selfhealUninstall().then(this, [this](const Result<QJsonObject> &r) {
        if (!r) {
            m_uninstall->setEnabled(true);
            return emit errorOccurred(r.error());
        }
        emit infoMessage(Tr::tr("The self-heal watcher was removed; its incidents are kept."));
        refresh();
    });
}

} // namespace Qwq::Containers
