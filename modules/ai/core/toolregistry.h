// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>
#include <helper/core/methodtable.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Qwq::Ai {

/// A tool the model may call: a helper method with a JSON schema for its parameters. The
/// model's arguments, once they pass the schema, are the helper call's params unchanged, so
/// an approval shows exactly what will be sent. A tool has no risk of its own: risk is the
/// helper method table's class for `method`.
struct Tool
{
    QString name;            // ^[A-Za-z0-9_-]{1,64}$ (the providers' rule); e.g. "system_info"
    QString description;     // for the model (English)
    QJsonObject parameters;  // closed JSON schema of an object
    QString method;          // the helper method, e.g. "system.info"
};

/// The tools modules register for the AI pane. Decides what is offered to the model: tools
/// whose method the connected helper has, minus those that change the server on a read-only
/// profile (they are not even described to the model).
class ToolRegistry final
{
public:
    /// Checks the name, the schema (closed, known keywords) and that the name is free.
    Result<void> add(const Tool &tool);
    const Tool *find(const QString &name) const;
    const QList<Tool> &tools() const { return m_tools; }

    struct OfferOptions
    {
        bool readOnly = false;          // no mutating, destructive or unknown-risk tool
        bool secretReads = true;        // offer `secret-read` tools (output is redacted)
    };
    QList<Tool> offered(const Helper::MethodTable &methods, const OfferOptions &options) const;

    /// The `tools` array of a chat request.
    static QJsonArray toOpenAi(const QList<Tool> &tools);

    /// The tools of the helper's core methods (system_info), registered by the AI module
    /// itself; other modules add theirs.
    static QList<Tool> builtins();

private:
    QList<Tool> m_tools;
};

} // namespace Qwq::Ai
