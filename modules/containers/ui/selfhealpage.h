// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace Qwq::Containers {

class ContainersService;

/// The "Self-heal" tab: whether the watcher is installed on the server (systemd timer or cron
/// entry running `qwq-helper selfheal-run`), for which compose projects and how often, its last
/// run, and the incidents it recorded (newest first; the selected one's last log lines below).
/// Install/Update and Remove are mutating calls: the profile's confirmation policy applies.
class SelfHealPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SelfHealPage)
public:
    explicit SelfHealPage(ContainersService *service, QWidget *parent = nullptr);

    void refresh();
    /// Installs (or updates) the watcher for the ticked projects.
    void install();
    void uninstall();
    /// Ticks exactly `projects` in the list (tests; the user clicks).
    void setChosenProjects(const QStringList &projects);
    QStringList chosenProjects() const;

    QTableWidget *incidentsTable() const { return m_incidents; }
    QLabel *statusLabel() const { return m_status; }
    QPlainTextEdit *incidentLogs() const { return m_logs; }
    int refreshCount() const { return m_refreshes; }
    bool isInstalled() const { return m_statusObject.value(QLatin1String("installed")).toBool(); }

signals:
    void errorOccurred(const Qwq::Error &error);
    void infoMessage(const QString &text);

protected:
    void changeEvent(QEvent *e) override;

private:
    void retranslate();
    void showStatus();
    void showIncidents();
    void showProjects(const QStringList &names);
    void showSelectedLogs();

    ContainersService *m_service;
    QLabel *m_status;
    QListWidget *m_projects;
    QSpinBox *m_interval;
    QComboBox *m_scheduler;
    QPushButton *m_install;
    QPushButton *m_uninstall;
    QPushButton *m_refresh;
    QLabel *m_projectsLabel;
    QLabel *m_intervalLabel;
    QLabel *m_schedulerLabel;
    QLabel *m_incidentsLabel;
    QTableWidget *m_incidents;
    QPlainTextEdit *m_logs;
    QJsonObject m_statusObject;
    QJsonArray m_incidentList;
    QStringList m_projectNames;
    bool m_loading = false;
    int m_refreshes = 0;
};

} // namespace Qwq::Containers
