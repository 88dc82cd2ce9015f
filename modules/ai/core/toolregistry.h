// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>
#include <helper/core/methodtable.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Qwq::Ai {

/// A tool the model may call: a helper method with a JSON schema for its parameters. The
/// model's arguments, once they pass the schema, are the helper call's params unchanged, so
/// an approval shows exactly what will be sent. A tool has no risk of its own: risk is the
/// helper method table's class for `method`.
/// Where the current version of a config comes from, for a tool whose parameter holds a whole
/// new file (a compose YAML, an nginx site): before asking for approval the agent calls
/// `method` (it must be a reading method in the helper's table, else no diff is fetched) with
/// `fixedParams` plus the call's `passParams`, takes the text at `resultPath` ("files/0/content":
/// object keys and array indexes joined by '/'; empty = the result is the text), and the pane
/// shows it against the call's `param` as a diff. A fetch that fails (e.g. the project does not
/// exist yet) shows the whole text as new, with the reason.
struct DiffSource
{
    QString param;              // the call parameter holding the proposed text, e.g. "yaml"
    QString method;             // e.g. "compose.files"
    QStringList passParams;     // call params copied into the fetch, e.g. {"project"}
    QJsonObject fixedParams;    // sent with every fetch
    QString resultPath;         // e.g. "files/0/content"
    QString language;           // editor language of the text: "yaml", "nginx", …
    QString label;              // what the text is, for the diff's title ("compose.yml")
    /// Call params copied into the fetch under another name, e.g. {"file": "id"}: an nginx
    /// file is written with `websites.writeRaw {file}` and read with `websites.get {id}`.
    QMap<QString, QString> passParamsAs = {};
};

struct Tool
{
    QString name;            // ^[A-Za-z0-9_-]{1,64}$ (the providers' rule); e.g. "system_info"
    QString description;     // for the model (English)
    QJsonObject parameters;  // closed JSON schema of an object
    QString method;          // the helper method, e.g. "system.info"
    /// Params the tool always sends, over the model's (the schema does not offer them):
    /// e.g. `follow: false` so a log read ends. Shown in approvals like the model's.
    QJsonObject fixedParams = {};
    /// Params added when the model leaves them out (e.g. a log read's `tail`).
    QJsonObject defaultParams = {};
    std::optional<DiffSource> diffSource = std::nullopt;

    /// What is sent for the model's (schema-valid) arguments: defaults, args, fixed params.
    QJsonObject callParams(const QJsonObject &modelArgs) const;
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

    /// The tools of the helper's core methods (system_info); registered by the AI module after
    /// the other modules (containers, websites, …, each with its own), skipping names they took.
    static QList<Tool> builtins();

private:
    QList<Tool> m_tools;
};

} // namespace Qwq::Ai
