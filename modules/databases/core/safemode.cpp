// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "safemode.h"

namespace Qwq::Databases {

SafeMode effectiveSafeMode(SafeMode connection, Profiles::Mode profileMode)
{
    if (profileMode == Profiles::Mode::ReadOnly)
        return SafeMode::ReadOnly;
    if (profileMode == Profiles::Mode::Production && connection == SafeMode::Off)
        return SafeMode::ConfirmWrites;
    return connection;
}

StatementGate gateStatement(const SqlKind &kind, SafeMode mode)
{
    StatementGate g;
    g.readOnly = mode == SafeMode::ReadOnly;
    g.warnUnbounded = kind.unboundedWrite;
    g.warnDestructive = kind.destructive;
    // Read-only needs no question: the server refuses the write. Otherwise a write is asked
    // in ConfirmWrites, and a statement touching every row or dropping data is always asked.
    if (!g.readOnly)
        g.confirm = (mode == SafeMode::ConfirmWrites && kind.mayWrite) || g.warnUnbounded || g.warnDestructive;
    return g;
}

} // namespace Qwq::Databases
