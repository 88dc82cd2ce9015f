// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dispatch.h"
#include "handlers/handlers.h"
#include "hostfacts.h"

#include <ctime>

namespace qwqhelper {

using nlohmann::json;

static json systemInfo(const Params &, const Context &)
{
    const json mem = host::memoryAndSwap();
    return {{"hostname", host::hostname()},
            {"os", host::osRelease()},
            {"kernel", host::kernelRelease()},
            {"arch", host::machine()},
            {"cpu", host::cpuInfo()},
            {"memory", mem["memory"]},
            {"swap", mem["swap"]},
            {"filesystems", host::filesystems()},
            {"uptimeSeconds", host::uptimeSeconds()},
            {"load", host::loadAverage()},
            {"time", static_cast<int64_t>(std::time(nullptr))}};
}

QWQ_STARTUP void registerSystemMethods(Dispatcher &dispatcher)
{
    dispatcher.add("system.info", Risk::Read, systemInfo);
}

} // namespace qwqhelper
