// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "containershellwindow.h"

#include <containers/core/containerexecsession.h>
#include <containers/core/containerstr.h>
#include <terminal/core/terminalscreen.h>
#include <terminal/ui/terminalview.h>

#include <QVBoxLayout>

namespace Qwq::Containers {

ContainerShellWindow::ContainerShellWindow(Helper::HelperClient *helper, const QString &containerId,
                                           const QString &containerName, const QString &serverName,
                                           QWidget *parent)
    : QWidget(parent, Qt::Window), m_helper(helper), m_containerId(containerId),
      m_containerName(containerName.isEmpty() ? containerId.left(12) : containerName)
{
    setObjectName(QStringLiteral("containerShellWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(Tr::tr("Shell in %1 — %2").arg(m_containerName, serverName));
    m_view = new Terminal::TerminalView(this);
    m_view->setObjectName(QStringLiteral("containerShellView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    connect(m_view, &Terminal::TerminalView::restartRequested, this, &ContainerShellWindow::startShell);
    resize(820, 520);
    startShell();
}

ContainerShellWindow::~ContainerShellWindow()
{
    if (auto *s = session())
        s->terminate();
}

ContainerExecSession *ContainerShellWindow::session() const
{
    return qobject_cast<ContainerExecSession *>(m_view->session());
}

void ContainerShellWindow::startShell()
{
    if (auto *old = m_view->session()) {
        m_view->setSession(nullptr);
        old->terminate();
        old->deleteLater();
    }
    m_view->setEndedMessage({});
    auto *session = new ContainerExecSession(m_helper, m_containerId, m_containerName, {}, m_view);
    connect(session, &Terminal::ITerminalSession::finished, m_view,
            [this, session](int, const QString &description) {
                if (m_view->session() != session)
                    return;
                const QString note = QStringLiteral("\r\n\x1b[0;2m[%1]\x1b[0m\r\n").arg(description);
                m_view->screen()->feed(note.toUtf8());
                m_view->setEndedMessage(Tr::tr("%1 — press Enter or click here to open a new shell").arg(description));
            });
    m_view->setSession(session);
    const auto started = session->start(m_view->screen()->rows(), m_view->screen()->columns());
    if (!started) {
        m_view->setSession(nullptr);
        session->deleteLater();
        const QString note = QStringLiteral("\x1b[0;31m%1\x1b[0m\r\n").arg(started.error().message);
        m_view->screen()->feed(note.toUtf8());
        m_view->setEndedMessage(Tr::tr("No shell — press Enter or click here to try again"));
    }
}

} // namespace Qwq::Containers
