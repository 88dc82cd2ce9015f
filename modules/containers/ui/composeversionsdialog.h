// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QJsonArray>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace Qwq::Editor {
class DiffView;
}

namespace Qwq::Containers {

class ContainersService;

/// The stored versions of a compose project qwq deploys (`compose.versions`): pick one to see
/// what differs from the version running now (`compose.files` of both, `Editor::DiffView`),
/// and roll back to it (`compose.rollback`: deployed again, validated as a deploy, recorded as
/// a new version; the profile's confirmation policy applies).
class ComposeVersionsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComposeVersionsDialog)
public:
    ComposeVersionsDialog(ContainersService *service, const QString &project, QWidget *parent = nullptr);

    void reload();
    /// Selects `version` and shows its diff against the current one.
    bool selectVersion(int version);
    void rollBack();

    QTreeWidget *versionList() const { return m_list; }
    Editor::DiffView *diffView() const { return m_diff; }
    QPushButton *rollbackButton() const { return m_rollback; }
    QString statusText() const;
    int loads() const { return m_loads; }
    int diffsShown() const { return m_diffs; }

signals:
    void rolledBack(const QString &project, int newVersion);

private:
    void showVersions(const QJsonObject &result);
    void showDiff(int version);
    void setStatus(const QString &text, bool error);

    ContainersService *m_service;
    QString m_project;
    QTreeWidget *m_list;
    Editor::DiffView *m_diff;
    QPlainTextEdit *m_output;
    QLabel *m_status;
    QPushButton *m_rollback;
    int m_current = 0;
    int m_selected = 0;
    quint64 m_generation = 0;
    bool m_busy = false;
    int m_loads = 0;
    int m_diffs = 0;
};

} // namespace Qwq::Containers
