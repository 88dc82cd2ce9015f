// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

namespace Qwq::Helper {
class HelperClient;
}
namespace Qwq::Terminal {
class TerminalView;
}

namespace Qwq::Containers {

class ContainerExecSession;

/// "Open Shell" on a container: a window with a terminal on `/bin/sh` inside it
/// (ContainerExecSession). When the shell ends, the window stays with the output and a banner;
/// Enter or a click starts a new shell. Closing the window hangs the shell up.
class ContainerShellWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainerShellWindow)
public:
    ContainerShellWindow(Helper::HelperClient *helper, const QString &containerId,
                         const QString &containerName, const QString &serverName,
                         QWidget *parent = nullptr);
    ~ContainerShellWindow() override;

    Terminal::TerminalView *view() const { return m_view; }
    ContainerExecSession *session() const;

private:
    void startShell();

    QPointer<Helper::HelperClient> m_helper;
    QString m_containerId;
    QString m_containerName;
    Terminal::TerminalView *m_view;
};

} // namespace Qwq::Containers
