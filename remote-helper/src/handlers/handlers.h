// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace qwqhelper {

class Dispatcher;

// Each handlers/<domain>.cpp adds its methods to the table; PROTOCOL.md documents them.
void registerSessionMethods(Dispatcher &dispatcher); // initialize
void registerSystemMethods(Dispatcher &dispatcher);  // system.*
void registerMetricsMethods(Dispatcher &dispatcher); // metrics.*
void registerDatabaseMethods(Dispatcher &dispatcher); // databases.*
void registerContainerMethods(Dispatcher &dispatcher);       // containers.* (calls the next)
void registerContainerStreamMethods(Dispatcher &dispatcher); // containers.logs/stats
void registerContainerCreateMethods(Dispatcher &dispatcher); // containers.create
void registerContainerExecMethods(Dispatcher &dispatcher);   // containers.exec
void registerImageMethods(Dispatcher &dispatcher);           // images.*
void registerImageIoMethods(Dispatcher &dispatcher);         // images.save/load/import
void registerVolumeMethods(Dispatcher &dispatcher);          // volumes.*
void registerNetworkMethods(Dispatcher &dispatcher);         // networks.*
void registerComposeMethods(Dispatcher &dispatcher);         // compose.list and project commands
void registerComposeDeployMethods(Dispatcher &dispatcher);   // compose.validate/deploy/…
void registerSelfhealMethods(Dispatcher &dispatcher);        // selfheal.*
void registerWebsiteMethods(Dispatcher &dispatcher);         // websites.* (nginx)
void registerBackupMethods(Dispatcher &dispatcher);          // backups.*

inline void registerAllMethods(Dispatcher &dispatcher)
{
    registerSessionMethods(dispatcher);
    registerSystemMethods(dispatcher);
    registerMetricsMethods(dispatcher);
    registerDatabaseMethods(dispatcher);
    registerContainerMethods(dispatcher);
    registerImageMethods(dispatcher);
    registerVolumeMethods(dispatcher);
    registerNetworkMethods(dispatcher);
    registerComposeMethods(dispatcher);
    registerComposeDeployMethods(dispatcher);
    registerSelfhealMethods(dispatcher);
    registerWebsiteMethods(dispatcher);
    registerBackupMethods(dispatcher);
}

} // namespace qwqhelper
