// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "toolexecutor.h"

#include <QPointer>

namespace Qwq::Helper {
class HelperClient;
}

namespace Qwq::Ai {

/// Runs tools on the server through its HelperClient (which also enforces read-only mode,
/// writes its own audit entry for calls that change the server, and may ask its own
/// confirmation handler per the profile's policy). The client is not owned; when it is gone
/// calls fail with ConnectionFailed.
class HelperToolExecutor final : public IToolExecutor
{
public:
    explicit HelperToolExecutor(Helper::HelperClient *client);

    Helper::MethodTable methods() const override;
    QFuture<Result<QJsonValue>> execute(const QString &method, const QJsonObject &params) override;

private:
    QPointer<Helper::HelperClient> m_client;
};

} // namespace Qwq::Ai
