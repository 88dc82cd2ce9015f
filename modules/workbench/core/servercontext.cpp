// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "servercontext.h"

namespace Qwq::Workbench {

using Helper::ServerConnection;

ServerContext::ServerContext(ServerConnection *connection, QObject *parent)
    : QObject(parent), m_connection(connection)
{
    connect(connection, &ServerConnection::stateChanged, this,
            [this](ServerConnection::State s) { emit readyChanged(s == ServerConnection::State::Ready); });
    connect(connection, &ServerConnection::errorOccurred, this,
            [this](const Error &e) { reportError(QStringLiteral("connection"), e); });
}

bool ServerContext::isReady() const
{
    return m_connection->state() == ServerConnection::State::Ready;
}

Helper::HelperClient *ServerContext::helper() const
{
    return isReady() ? m_connection->helper() : nullptr;
}

void ServerContext::reportError(const QString &source, const Error &error)
{
    emit errorReported(serverId(), source, error);
}

void ServerContext::askAi(const QString &question, const QString &attachmentTitle,
                          const QString &attachment)
{
    emit askAiRequested(question, attachmentTitle, attachment);
}

} // namespace Qwq::Workbench
