// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace qwqhelper {

class Dispatcher;

// Each handlers/<domain>.cpp adds its methods to the table; PROTOCOL.md documents them.
void registerSessionMethods(Dispatcher &dispatcher); // initialize
void registerSystemMethods(Dispatcher &dispatcher);  // system.*
void registerMetricsMethods(Dispatcher &dispatcher); // metrics.*
void registerContainerMethods(Dispatcher &dispatcher);       // containers.* (calls the next)
void registerContainerStreamMethods(Dispatcher &dispatcher); // containers.logs/stats
void registerContainerCreateMethods(Dispatcher &dispatcher); // containers.create
void registerImageMethods(Dispatcher &dispatcher);           // images.*
void registerVolumeMethods(Dispatcher &dispatcher);          // volumes.*
void registerNetworkMethods(Dispatcher &dispatcher);         // networks.*

inline void registerAllMethods(Dispatcher &dispatcher)
{
    registerSessionMethods(dispatcher);
    registerSystemMethods(dispatcher);
    registerMetricsMethods(dispatcher);
    registerContainerMethods(dispatcher);
    registerImageMethods(dispatcher);
    registerVolumeMethods(dispatcher);
    registerNetworkMethods(dispatcher);
}

} // namespace qwqhelper
