// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QDialog>
#include <QJsonArray>
#include <QStringList>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace Qwq::Editor {
class CodeEditor;
class DiffView;
}

namespace Qwq::Containers {

class ContainersService;

/// Deploys a compose project from YAML written here: Check runs `compose.validate` (syntax,
/// shape, `compose config`; the error is marked at its line and column in the editor),
/// `compose.lint` (privileged, host root or docker.sock mounts, capabilities, host network or
/// PID, ports already taken: listed and marked) and shows the diff against the project's
/// current file. Deploy is enabled only for the text that was checked; high-risk findings need
/// "accept" ticked, and the call goes through the client's confirmation policy. Nothing changes
/// on the server before Deploy.
class ComposeDeployDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComposeDeployDialog)
public:
    /// `project` empty: a new project (its name typed here); else a project qwq manages,
    /// loaded with its current file.
    ComposeDeployDialog(ContainersService *service, const QString &project, const QStringList &existing,
                        QWidget *parent = nullptr);

    Editor::CodeEditor *editor() const { return m_editor; }
    QLineEdit *projectField() const { return m_project; }
    QPushButton *checkButton() const { return m_check; }
    QPushButton *deployButton() const { return m_deploy; }
    QCheckBox *acceptRisksBox() const { return m_accept; }
    QTreeWidget *findings() const { return m_findings; }
    Editor::DiffView *diffView() const { return m_diff; }
    QString statusText() const;
    /// Whether the last check passed for the text now in the editor.
    bool checkedOk() const { return m_checkedOk; }
    void check();
    void deploy();

signals:
    void deployed(const QString &project);

private:
    void setStatus(const QString &text, bool error);
    void showFindings(const QJsonObject &lint);
    void loadDiff(const QString &project, const QString &yaml);
    void updateDeployButton();

    ContainersService *m_service;
    QStringList m_existing;
    QLineEdit *m_project;
    Editor::CodeEditor *m_editor;
    QTabWidget *m_tabs;
    QTreeWidget *m_findings;
    Editor::DiffView *m_diff;
    QPlainTextEdit *m_output;
    QLabel *m_status;
    QCheckBox *m_accept;
    QPushButton *m_check;
    QPushButton *m_deploy;
    QString m_checkedText;
    bool m_checkedOk = false;
    bool m_highRisk = false;
    bool m_busy = false;
    quint64 m_generation = 0;
};

} // namespace Qwq::Containers
