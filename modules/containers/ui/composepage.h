// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QJsonArray>
#include <QWidget>

class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace Qwq::Containers {

class ContainersService;

/// The Compose tab: every compose project on the server as a tree (project → service →
/// container), whether qwq deployed it or it was started elsewhere (found by its labels),
/// with up, stop, start, restart, pull and down on the selected project or service, the
/// command output below, and Deploy (a new project, or a new version of one qwq manages) in
/// ComposeDeployDialog. Down is destructive: the helper client asks for the typed name.
class ComposePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComposePage)
public:
    explicit ComposePage(ContainersService *service, QWidget *parent = nullptr);

    void refresh();
    QTreeWidget *tree() const { return m_tree; }
    QStringList projectNames() const;
    bool selectProject(const QString &name);
    /// `compose.<verb>` on the selected project (its selected service only, where the verb
    /// takes services).
    void runAction(const QString &verb);
    /// Opens the deploy dialog: empty for a new project, with the current file for a project
    /// qwq manages.
    QWidget *openDeploy(bool forSelected);
    /// The stored versions of the selected project qwq manages, with diff and rollback.
    QWidget *openVersions();
    QString output() const;
    int refreshCount() const { return m_refreshes; }

signals:
    void errorOccurred(const Qwq::Error &error);
    void infoMessage(const QString &text);

protected:
    void changeEvent(QEvent *e) override;

private:
    void retranslate();
    void show(const QJsonArray &projects);
    void updateButtons();
    QTreeWidgetItem *selectedProjectItem() const;

    ContainersService *m_service;
    QTreeWidget *m_tree;
    QPlainTextEdit *m_output;
    QPushButton *m_up;
    QPushButton *m_stop;
    QPushButton *m_start;
    QPushButton *m_restart;
    QPushButton *m_pull;
    QPushButton *m_down;
    QPushButton *m_deploy;
    QPushButton *m_edit;
    QPushButton *m_versions;
    QPushButton *m_refresh;
    QJsonArray m_projects;
    bool m_loading = false;
    int m_refreshes = 0;
};

} // namespace Qwq::Containers
