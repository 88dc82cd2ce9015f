// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sqlscript.h"

#include <core/core/result.h>

#include <QString>

namespace Qwq::Databases {

/// An identifier as the dialect quotes it: "a""b" (PostgreSQL), `a``b` (MariaDB). Names with a
/// NUL are refused (no server accepts them), with the field named.
Result<QString> quoteIdentifier(const QString &name, Dialect dialect, const QString &field = QStringLiteral("name"));
/// schema.name, each part quoted; an empty schema gives the name alone.
QString qualifiedName(const QString &schema, const QString &name, Dialect dialect);
/// A string literal: 'it''s' (PostgreSQL with standard_conforming_strings, the default since
/// 9.1; backslashes are plain), 'it\'s' with backslashes doubled for MariaDB.
QString quoteLiteral(const QString &value, Dialect dialect);

} // namespace Qwq::Databases
