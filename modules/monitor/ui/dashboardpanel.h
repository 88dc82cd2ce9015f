// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>
#include <monitor/core/systeminfo.h>

#include <QFuture>
#include <QJsonValue>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;
class QGroupBox;
class QLineSeries;
class QChart;
class QValueAxis;

namespace Qwq::Workbench {
class MessageBar;
class ServerContext;
}

namespace Qwq::Monitor {

class FilesystemModel;
class UsageBar;

/// The Dashboard panel: what `system.info` says about a server (OS, kernel, CPU, memory,
/// swap, load, uptime, filesystems) plus live CPU and memory from `metrics.watch`. Refreshes
/// while the server is connected; cancels its stream when the panel closes or the link drops.
class DashboardPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardPanel)
public:
    explicit DashboardPanel(Workbench::ServerContext *server, QWidget *parent = nullptr);
    ~DashboardPanel() override;

    /// "Ask AI" about one filesystem (by mount point): the server's AI pane comes forward with
    /// the question and the filesystem's numbers attached. False for an unknown mount point.
    bool askAiAboutFilesystem(const QString &mount);
    /// For tests: the last facts shown.
    const SystemInfo &shownInfo() const { return m_info; }
    QString hostnameText() const;

protected:
    void changeEvent(QEvent *e) override;

private:
    void retranslate();
    void onReadyChanged(bool ready);
    void refresh();
    void startWatch();
    void stopWatch();
    void showInfo(const SystemInfo &info);
    void addSample(const MetricsSample &s);
    void showFilesystemMenu(const QPoint &pos);

    Workbench::ServerContext *m_server;
    Workbench::MessageBar *m_bar;
    QStackedWidget *m_stack;
    QLabel *m_offlineLabel;
    QPushButton *m_connectButton;
    QGroupBox *m_systemBox;
    QGroupBox *m_resourcesBox;
    QGroupBox *m_disksBox;
    QLabel *m_host;
    QLabel *m_facts;
    QLabel *m_cpu;
    QLabel *m_load;
    UsageBar *m_cpuBar;
    UsageBar *m_memBar;
    UsageBar *m_swapBar;
    QTableView *m_fsView;
    FilesystemModel *m_fsModel;
    QChart *m_chart;
    QLineSeries *m_cpuSeries;
    QLineSeries *m_memSeries;
    QValueAxis *m_axisX;
    QTimer m_refresh;
    QFuture<Result<QJsonValue>> m_watch;
    bool m_loading = false;
    SystemInfo m_info;
    qint64 m_sampleNo = 0;
};

} // namespace Qwq::Monitor
