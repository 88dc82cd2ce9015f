// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dbtypes.h"
#include "sqlscript.h"

#include <profiles/core/profile.h>

namespace Qwq::Databases {

/// The safe mode in force: the connection's, raised by the server profile's mode (a read-only
/// profile makes every connection read-only; a production profile confirms every write).
SafeMode effectiveSafeMode(SafeMode connection, Profiles::Mode profileMode);

/// What to do with one statement before it is sent.
struct StatementGate
{
    bool readOnly = false;      ///< send it inside a read-only transaction
    bool confirm = false;       ///< show it and ask first
    bool warnUnbounded = false; ///< the question says it touches every row (UPDATE/DELETE without WHERE)
    bool warnDestructive = false; ///< the question says it cannot be undone (DROP, TRUNCATE)
};
StatementGate gateStatement(const SqlKind &kind, SafeMode mode);

} // namespace Qwq::Databases
