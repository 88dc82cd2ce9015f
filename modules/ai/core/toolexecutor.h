// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>
#include <helper/core/methodtable.h>

#include <QFuture>
#include <QJsonObject>
#include <QJsonValue>

namespace Qwq::Ai {

/// Runs the helper methods that tools are bound to, and knows their risk classes. The real
/// one is HelperToolExecutor (the server's helper); tests use a scripted one. The agent asks
/// it for risk, never the model or the tool definition.
class IToolExecutor
{
public:
    virtual ~IToolExecutor() = default;

    /// The helper's method table (what exists, and each method's risk class).
    virtual Helper::MethodTable methods() const = 0;
    /// Runs one call; the agent has already applied the risk gate.
    virtual QFuture<Result<QJsonValue>> execute(const QString &method, const QJsonObject &params) = 0;
};

} // namespace Qwq::Ai
