// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace qwqhelper {

class Dispatcher;

// Each handlers/<domain>.cpp adds its methods to the table; PROTOCOL.md documents them.
void registerSessionMethods(Dispatcher &dispatcher); // initialize
void registerSystemMethods(Dispatcher &dispatcher);  // system.*
void registerMetricsMethods(Dispatcher &dispatcher); // metrics.*

inline void registerAllMethods(Dispatcher &dispatcher)
{
    registerSessionMethods(dispatcher);
    registerSystemMethods(dispatcher);
    registerMetricsMethods(dispatcher);
}

} // namespace qwqhelper
