// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "toolregistry.h"

#include "toolschema.h"

#include <QRegularExpression>

namespace Qwq::Ai {

Result<void> ToolRegistry::add(const Tool &tool)
{
    static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    if (!name.match(tool.name).hasMatch())
        return Error(ErrorCode::InvalidParam, QStringLiteral("invalid tool name"), tool.name, {},
                     QStringLiteral("name"));
    if (tool.method.isEmpty())
        return Error(ErrorCode::InvalidParam, QStringLiteral("a tool needs a helper method"),
                     tool.name, {}, QStringLiteral("method"));
    if (find(tool.name))
        return Error(ErrorCode::InvalidParam, QStringLiteral("tool name already registered"),
                     tool.name, {}, QStringLiteral("name"));
    if (auto r = ToolSchema::checkToolSchema(tool.parameters); !r) {
        Error e = r.error();
        e.detail = tool.name + QStringLiteral(": ") + e.message + QLatin1Char(' ') + e.detail;
        return e;
    }
    if (tool.diffSource) {
        const DiffSource &d = *tool.diffSource;
        const QJsonObject props = tool.parameters.value(QStringLiteral("properties")).toObject();
        if (props.value(d.param).toObject().value(QStringLiteral("type")).toString()
            != QLatin1String("string"))
            return Error(ErrorCode::InvalidParam,
                         QStringLiteral("a diff source names a string parameter of the tool"),
                         tool.name + QStringLiteral(": ") + d.param, {}, QStringLiteral("diffSource"));
        if (d.method.isEmpty())
            return Error(ErrorCode::InvalidParam, QStringLiteral("a diff source needs a method"),
                         tool.name, {}, QStringLiteral("diffSource"));
        for (const QString &p : d.passParams + d.passParamsAs.keys()) {
            if (!props.contains(p))
                return Error(ErrorCode::InvalidParam,
                             QStringLiteral("a diff source passes only the tool's parameters"),
                             tool.name + QStringLiteral(": ") + p, {}, QStringLiteral("diffSource"));
        }
    }
    m_tools.append(tool);
    return {};
}

QJsonObject Tool::callParams(const QJsonObject &modelArgs) const
{
    QJsonObject out = defaultParams;
    for (auto it = modelArgs.begin(); it != modelArgs.end(); ++it)
        out.insert(it.key(), it.value());
    for (auto it = fixedParams.begin(); it != fixedParams.end(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

const Tool *ToolRegistry::find(const QString &name) const
{
    for (const Tool &t : m_tools) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

QList<Tool> ToolRegistry::offered(const Helper::MethodTable &methods,
                                  const OfferOptions &options) const
{
    QList<Tool> out;
    for (const Tool &t : m_tools) {
        if (!methods.contains(t.method))
            continue;   // this helper does not have it
        const Helper::Risk r = methods.risk(t.method);
        if (options.readOnly && Helper::changesServer(r))
            continue;
        if (!options.secretReads && r == Helper::Risk::SecretRead)
            continue;
        out.append(t);
    }
    return out;
}

QJsonArray ToolRegistry::toOpenAi(const QList<Tool> &tools)
{
    QJsonArray out;
    for (const Tool &t : tools) {
        out.append(QJsonObject{
            {QStringLiteral("type"), QStringLiteral("function")},
            {QStringLiteral("function"),
             QJsonObject{{QStringLiteral("name"), t.name},
                         {QStringLiteral("description"), t.description},
                         {QStringLiteral("parameters"), t.parameters}}}});
    }
    return out;
}

QList<Tool> ToolRegistry::builtins()
{
    const QJsonObject noParams{{QStringLiteral("type"), QStringLiteral("object")},
                               {QStringLiteral("properties"), QJsonObject()},
                               {QStringLiteral("additionalProperties"), false}};
    QList<Tool> out{
        {QStringLiteral("system_info"),
         QStringLiteral("Facts about the server: host name, OS, kernel, uptime, CPU, memory, "
                        "disks and load."),
         noParams, QStringLiteral("system.info")},
    };
    return out;
}

} // namespace Qwq::Ai
