// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace qwqhelper::compose {

/// A compose file read with yaml-cpp, before compose itself sees it: syntax errors and unknown
/// keys with their line and column, the lint rules of SECURITY.md E, and the host ports it
/// publishes. Throws RpcError 4004 (data.field "yaml", line, column, key, service).
struct Spec
{
    struct Port
    {
        std::string service;
        std::string hostIp; // "0.0.0.0" when none was given
        int port = 0;
        std::string protocol; // tcp, udp, sctp
        int line = 0;
        int column = 0;
    };

    std::vector<std::string> services;
    std::vector<Port> ports;
    nlohmann::json findings = nlohmann::json::array(); // without port-in-use (that needs the host)
};

// Parses and checks `yaml` (at most 1 MiB, checked by the caller).
Spec parse(const std::string &yaml);

// Pulls line and column out of compose's own error text ("line 3, column 5" or "line 3:"),
// and an unknown key ("Unsupported config option for services.web: 'imagee'",
// "additional properties 'imagee' not allowed"). Returns the 4004 data object.
nlohmann::json composeErrorData(const std::string &stderrText);

bool isProjectName(const std::string &name);
bool isServiceName(const std::string &name);

} // namespace qwqhelper::compose
