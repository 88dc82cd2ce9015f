// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "toolschema.h"

#include "aitr.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace Qwq::Ai::ToolSchema {

namespace {
Error invalid(const QString &path, const QString &why)
{
    const QString field = path.isEmpty() ? QStringLiteral("arguments") : path;
    return Error(ErrorCode::InvalidParam, Tr::tr("Invalid value for “%1”: %2").arg(field, why), {},
                 {}, field);
}

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

bool hasType(const QJsonValue &v, const QString &type)
{
    if (type == QLatin1String("string")) return v.isString();
    if (type == QLatin1String("boolean")) return v.isBool();
    if (type == QLatin1String("object")) return v.isObject();
    if (type == QLatin1String("array")) return v.isArray();
    if (type == QLatin1String("null")) return v.isNull();
    if (type == QLatin1String("number")) return v.isDouble();
    if (type == QLatin1String("integer")) {
        const double d = v.toDouble();
        return v.isDouble() && std::isfinite(d) && std::floor(d) == d;
    }
    return false;
}

QStringList typesOf(const QJsonObject &schema)
{
    const QJsonValue t = schema.value(QStringLiteral("type"));
    if (t.isString())
        return {t.toString()};
    QStringList out;
    for (const QJsonValue &v : t.toArray())
        out << v.toString();
    return out;
}

Result<void> check(const QJsonObject &s, const QJsonValue &v, const QString &path)
{
    const QStringList types = typesOf(s);
    if (!types.isEmpty()
        && std::none_of(types.cbegin(), types.cend(), [&](const QString &t) { return hasType(v, t); }))
        return invalid(path, Tr::tr("expected %1").arg(types.join(QStringLiteral(" or "))));
    if (s.contains(QStringLiteral("enum"))
        && !s.value(QStringLiteral("enum")).toArray().contains(v))
        return invalid(path, Tr::tr("not one of the allowed values"));
    if (s.contains(QStringLiteral("const")) && s.value(QStringLiteral("const")) != v)
        return invalid(path, Tr::tr("not the allowed value"));

    if (v.isDouble()) {
        const double d = v.toDouble();
        if (s.contains(QStringLiteral("minimum")) && d < s.value(QStringLiteral("minimum")).toDouble())
            return invalid(path, Tr::tr("below %1").arg(s.value(QStringLiteral("minimum")).toDouble()));
        if (s.contains(QStringLiteral("maximum")) && d > s.value(QStringLiteral("maximum")).toDouble())
            return invalid(path, Tr::tr("above %1").arg(s.value(QStringLiteral("maximum")).toDouble()));
    } else if (v.isString()) {
        const QString str = v.toString();
        if (s.contains(QStringLiteral("minLength")) && str.size() < s.value(QStringLiteral("minLength")).toInt())
            return invalid(path, Tr::tr("too short"));
        if (s.contains(QStringLiteral("maxLength")) && str.size() > s.value(QStringLiteral("maxLength")).toInt())
            return invalid(path, Tr::tr("too long"));
        if (s.contains(QStringLiteral("pattern"))) {
            const QRegularExpression re(s.value(QStringLiteral("pattern")).toString());
            if (!re.isValid() || !re.match(str).hasMatch())
                return invalid(path, Tr::tr("does not match the expected form"));
        }
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        if (s.contains(QStringLiteral("minItems")) && a.size() < s.value(QStringLiteral("minItems")).toInt())
            return invalid(path, Tr::tr("too few items"));
        if (s.contains(QStringLiteral("maxItems")) && a.size() > s.value(QStringLiteral("maxItems")).toInt())
            return invalid(path, Tr::tr("too many items"));
        const QJsonObject items = s.value(QStringLiteral("items")).toObject();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (auto r = check(items, a.at(i), path + QStringLiteral("[%1]").arg(i)); !r)
                return r;
        }
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        const QJsonObject props = s.value(QStringLiteral("properties")).toObject();
        for (const QJsonValue &req : s.value(QStringLiteral("required")).toArray()) {
            if (!o.contains(req.toString()))
                return invalid(join(path, req.toString()), Tr::tr("missing"));
        }
        const QJsonValue extra = s.value(QStringLiteral("additionalProperties"));
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            const QString sub = join(path, it.key());
            if (props.contains(it.key())) {
                if (auto r = check(props.value(it.key()).toObject(), it.value(), sub); !r)
                    return r;
            } else if (extra.isObject()) {
                if (auto r = check(extra.toObject(), it.value(), sub); !r)
                    return r;
            } else if (!(extra.isBool() && extra.toBool())) {
                return invalid(sub, Tr::tr("not a parameter of this tool"));
            }
        }
    }
    return {};
}

Result<void> checkSchema(const QJsonObject &s, const QString &path)
{
    static const QSet<QString> known{
        QStringLiteral("type"), QStringLiteral("description"), QStringLiteral("properties"),
        QStringLiteral("required"), QStringLiteral("additionalProperties"), QStringLiteral("enum"),
        QStringLiteral("const"), QStringLiteral("minimum"), QStringLiteral("maximum"),
        QStringLiteral("minLength"), QStringLiteral("maxLength"), QStringLiteral("pattern"),
        QStringLiteral("items"), QStringLiteral("minItems"), QStringLiteral("maxItems"),
        QStringLiteral("default"), QStringLiteral("title")};
    for (auto it = s.constBegin(); it != s.constEnd(); ++it) {
        if (!known.contains(it.key()))
            return Error(ErrorCode::Internal, QStringLiteral("unsupported schema keyword"),
                         join(path, it.key()));
    }
    const QJsonValue extra = s.value(QStringLiteral("additionalProperties"));
    if (typesOf(s).contains(QStringLiteral("object")) && extra.isBool() && extra.toBool())
        return Error(ErrorCode::Internal, QStringLiteral("tool schemas must be closed"), path);
    if (s.contains(QStringLiteral("pattern"))
        && !QRegularExpression(s.value(QStringLiteral("pattern")).toString()).isValid())
        return Error(ErrorCode::Internal, QStringLiteral("invalid pattern"), path);
    const QJsonObject props = s.value(QStringLiteral("properties")).toObject();
    for (auto it = props.constBegin(); it != props.constEnd(); ++it) {
        if (auto r = checkSchema(it.value().toObject(), join(path, it.key())); !r)
            return r;
    }
    if (s.value(QStringLiteral("items")).isObject())
        return checkSchema(s.value(QStringLiteral("items")).toObject(), path + QStringLiteral("[]"));
    if (extra.isObject())
        return checkSchema(extra.toObject(), path + QStringLiteral("{}"));
    return {};
}
} // namespace

Result<void> validate(const QJsonObject &schema, const QJsonValue &value)
{
    return check(schema, value, QString());
}

Result<void> checkToolSchema(const QJsonObject &schema)
{
    if (typesOf(schema) != QStringList{QStringLiteral("object")})
        return Error(ErrorCode::Internal, QStringLiteral("a tool schema must be an object schema"));
    return checkSchema(schema, QString());
}

QJsonObject closedObject(const QJsonObject &properties, const QStringList &required)
{
    QJsonObject s{{QStringLiteral("type"), QStringLiteral("object")},
                  {QStringLiteral("properties"), properties},
                  {QStringLiteral("additionalProperties"), false}};
    if (!required.isEmpty())
        s.insert(QStringLiteral("required"), QJsonArray::fromStringList(required));
    return s;
}

} // namespace Qwq::Ai::ToolSchema
