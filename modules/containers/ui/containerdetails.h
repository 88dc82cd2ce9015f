// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <containers/core/containertypes.h>
#include <core/core/result.h>

#include <QFuture>
#include <QJsonObject>
#include <QJsonValue>
#include <QWidget>

class QChart;
class QLabel;
class QLineSeries;
class QPushButton;
class QStandardItemModel;
class QTabWidget;
class QTableWidget;
class QTreeView;
class QValueAxis;

namespace Qwq::Containers {

class ContainersService;
class LogModel;
class LogPane;

/// The details of one container: logs (followed), live stats chart, the inspect tree, the
/// environment with secret-looking values masked, and mounts. Inspect is a secret-read
/// call: what is shown went through core redaction first. Streams stop when another
/// container is shown, the panel goes, or the link drops.
class ContainerDetails final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainerDetails)
public:
    explicit ContainerDetails(ContainersService *service, QWidget *parent = nullptr);
    ~ContainerDetails() override;

    /// Shows `c` (an empty id clears the pane); restarts streams only when the id or the
    /// running state changed.
    void showContainer(const Container &c);
    void stop();
    QString containerId() const { return m_container.id; }

    LogModel *logModel() const { return m_logModel; }
    LogPane *logPane() const { return m_logPane; }
    QTabWidget *tabs() const { return m_tabs; }
    QTreeView *inspectTree() const { return m_inspectTree; }
    QTableWidget *envTable() const { return m_env; }
    QTableWidget *mountsTable() const { return m_mounts; }
    QPushButton *askAiButton() const { return m_askAi; }
    QPushButton *shellButton() const { return m_shell; }
    /// The last inspect answer (raw: holds secrets; never shown or sent as is).
    const QJsonObject &inspect() const { return m_inspect; }
    bool inspectLoaded() const { return !m_inspect.isEmpty(); }
    int statsSamples() const { return m_samples; }

signals:
    void askAiRequested(const QString &containerId);
    void openShellRequested(const QString &containerId);
    void errorOccurred(const Qwq::Error &error);

protected:
    void changeEvent(QEvent *e) override;

private:
    void retranslate();
    void loadInspect();
    void showInspect(const QJsonObject &inspect);
    void startLogs();
    void stopLogs();
    void startStats();
    void stopStats();
    void addSample(const ContainerStats &s);
    void showStatsText(const ContainerStats &s);
    void updateHeader();

    ContainersService *m_service;
    Container m_container;
    QJsonObject m_inspect;
    QLabel *m_header;
    QPushButton *m_askAi;
    QPushButton *m_shell;
    QTabWidget *m_tabs;
    LogModel *m_logModel;
    LogPane *m_logPane;
    QWidget *m_statsPage;
    QLabel *m_statsText;
    QChart *m_chart;
    QLineSeries *m_cpuSeries;
    QLineSeries *m_memSeries;
    QValueAxis *m_axisX;
    QValueAxis *m_axisY;
    QValueAxis *m_axisMem;
    QTreeView *m_inspectTree;
    QStandardItemModel *m_inspectModel;
    QTableWidget *m_env;
    QTableWidget *m_mounts;
    QFuture<Result<QJsonValue>> m_logs;
    QFuture<Result<QJsonValue>> m_stats;
    quint64 m_generation = 0;
    int m_samples = 0;
    ContainerStats m_lastStats;
};

} // namespace Qwq::Containers
