// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QJsonObject>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace Qwq::Workbench {
class MessageBar;
class StatePage;
class ServerContext;
}

namespace Qwq::Containers {

class ContainerDetails;
class ContainerShellWindow;
class ContainerFilterModel;
class ContainerListModel;
class ComposePage;
class ContainersService;
class ObjectPage;
class SelfHealPage;
class StatsWatcher;

/// The per-server "Containers" dock: the container list (state, image, ports, live CPU and
/// memory for the running containers in view), a filter box and a state filter, bulk start,
/// stop, restart and remove on the selection, the selected container's details, and tabs
/// for images, volumes and networks. Refreshes every few seconds while shown and connected
/// (minimal diffs: selection and scroll survive). Changes are confirmed as the profile asks
/// (HelperClient's policy); removing, and any bulk call that needs a confirmation, shows
/// every literal call in one dialog, typed for what cannot be undone.
class ContainersPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainersPanel)
public:
    explicit ContainersPanel(Workbench::ServerContext *server, QWidget *parent = nullptr);
    ~ContainersPanel() override;

    void refresh();
    /// Runs `containers.<verb>` on each of `ids` (the selection when empty).
    void runAction(const QString &verb, QStringList ids = {});
    QStringList selectedIds() const;
    bool selectContainer(const QString &id);
    /// "Ask AI" about a container: its last log lines and its settings, secrets masked.
    bool askAiAbout(const QString &id);
    /// "Open Shell": a terminal window on /bin/sh inside a running container
    /// (`containers.exec`, mutating: the profile's confirmation policy applies).
    ContainerShellWindow *openShell(const QString &id);

    ContainersService *service() const { return m_service; }
    ContainerListModel *model() const { return m_model; }
    ContainerFilterModel *filterModel() const { return m_filter; }
    QTableView *table() const { return m_table; }
    ContainerDetails *details() const { return m_details; }
    QLineEdit *filterField() const { return m_filterEdit; }
    QComboBox *stateBox() const { return m_stateBox; }
    QTabWidget *tabs() const { return m_tabs; }
    ObjectPage *imagesPage() const { return m_images; }
    ObjectPage *volumesPage() const { return m_volumes; }
    ObjectPage *networksPage() const { return m_networks; }
    ComposePage *composePage() const { return m_compose; }
    SelfHealPage *selfHealPage() const { return m_selfHeal; }
    StatsWatcher *statsWatcher() const { return m_stats; }
    Workbench::MessageBar *messageBar() const { return m_bar; }
    /// Number of finished list refreshes (tests wait on it).
    int refreshCount() const { return m_refreshes; }
    /// True while the server has no answering Docker (the panel shows a page saying so).
    bool dockerMissing() const { return m_dockerMissing; }

protected:
    void changeEvent(QEvent *e) override;
    void showEvent(QShowEvent *e) override;
    void hideEvent(QHideEvent *e) override;

private:
    void retranslate();
    void updateCount();
    void onReadyChanged(bool ready);
    void send(const QString &verb, const QList<QJsonObject> &calls, bool confirmed);
    void updateButtons();
    void updateDetails();
    void watchVisibleStats();
    void showError(const Error &e);
    QString typedWord() const;

    Workbench::ServerContext *m_server;
    ContainersService *m_service;
    ContainerListModel *m_model;
    ContainerFilterModel *m_filter;
    StatsWatcher *m_stats;
    Workbench::MessageBar *m_bar;
    QStackedWidget *m_stack;
    Workbench::StatePage *m_offline;
    Workbench::StatePage *m_noDocker;
    bool m_dockerMissing = false;
    QTabWidget *m_tabs;
    QLineEdit *m_filterEdit;
    QComboBox *m_stateBox;
    QPushButton *m_start;
    QPushButton *m_stop;
    QPushButton *m_restart;
    QPushButton *m_remove;
    QPushButton *m_refreshButton;
    QLabel *m_count;
    int m_runningCount = 0;
    int m_totalCount = -1;   // before the first list
    QTableView *m_table;
    QSplitter *m_splitter;
    ContainerDetails *m_details;
    ObjectPage *m_images;
    ObjectPage *m_volumes;
    ObjectPage *m_networks;
    ComposePage *m_compose;
    SelfHealPage *m_selfHeal;
    QTimer m_refresh;
    QTimer m_statsDebounce;
    bool m_loading = false;
    int m_refreshes = 0;
};

} // namespace Qwq::Containers
