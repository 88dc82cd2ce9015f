// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "helpertoolexecutor.h"

#include "aitr.h"

#include <helper/core/helperclient.h>

#include <QFuture>

namespace Qwq::Ai {

HelperToolExecutor::HelperToolExecutor(Helper::HelperClient *client) : m_client(client) {}

Helper::MethodTable HelperToolExecutor::methods() const
{
    return m_client ? m_client->methods() : Helper::MethodTable();
}

QFuture<Result<QJsonValue>> HelperToolExecutor::execute(const QString &method,
                                                        const QJsonObject &params)
{
    if (!m_client || !m_client->isOpen())
        return QtFuture::makeReadyFuture(Result<QJsonValue>(
            Error(ErrorCode::ConnectionFailed, Tr::tr("The server is not connected"))));
    // AgentTurn has shown the literal call, had it approved (typed word for destructive ones)
    // and writes the audit entry with who approved it: no second dialog, no second entry.
    return m_client->call(method, params, {}, {.confirmed = true, .audited = true});
}

} // namespace Qwq::Ai
