// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace Qwq::Ai::ToolSchema {

/// Checks the arguments a model wrote against a tool's JSON schema. The supported subset is
/// what tool schemas use: type (one or a list), properties, required, additionalProperties
/// (false, true or a schema; an object schema without it allows nothing extra: tool schemas
/// are strict), enum, const, minimum/maximum, minLength/maxLength, pattern, items,
/// minItems/maxItems. Failure is InvalidParam naming the field by its path ("ports[2].host").
Result<void> validate(const QJsonObject &schema, const QJsonValue &value);

/// Checks that a schema is usable for a tool: an object schema whose nested object schemas
/// are all closed (no additionalProperties: true) and whose keywords are ones validate()
/// understands.
Result<void> checkToolSchema(const QJsonObject &schema);

/// A closed object schema (`additionalProperties: false`) of `properties`, with `required`.
QJsonObject closedObject(const QJsonObject &properties, const QStringList &required = {});

} // namespace Qwq::Ai::ToolSchema
