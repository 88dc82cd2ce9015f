// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "result.h"

namespace Qwq {

QString Error::toString() const
{
    QString s = message;
    if (!detail.isEmpty() && detail != message)
        s += QStringLiteral(" (") + detail + QLatin1Char(')');
    return s;
}

} // namespace Qwq
