// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tst_helper_databases.h"

void tst_HelperDatabases::containersDiscoveredAndDumped()
{
    QSKIP("TODO");
}
