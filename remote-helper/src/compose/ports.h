// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/spec.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace qwqhelper::docker {
class Engine;
}

namespace qwqhelper::compose {

struct Listener
{
    std::string ip; // "0.0.0.0", "127.0.0.1", "::", "::1"
    int port = 0;
    std::string protocol; // tcp or udp
};

// Sockets listening (TCP) or bound (UDP) on this host, from /proc/net/{tcp,tcp6,udp,udp6}.
std::vector<Listener> hostListeners();
std::vector<Listener> parseProcNet(const std::string &text, const std::string &protocol, bool v6);

// Every published host port of `ports` with inUse/by: taken by a listening socket or by a
// running container of another project (Docker without its userland proxy binds nothing).
nlohmann::json checkPorts(const std::vector<Spec::Port> &ports, docker::Engine *engine,
                          const std::string &project);

} // namespace qwqhelper::compose
