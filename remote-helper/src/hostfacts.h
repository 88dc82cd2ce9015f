// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

// Facts about the host read from /proc, /etc and uname. Static linking rules out NSS, so
// nothing here calls getpwuid/getaddrinfo: /etc/passwd is parsed directly (users that only
// exist in LDAP/SSSD then have no name). Missing files give empty values, never errors.
namespace qwqhelper::host {

std::optional<std::string> readFile(const std::string &path);
std::vector<std::string> splitWhitespace(const std::string &text);

nlohmann::json osRelease();  // {id, name, version, prettyName}
std::string kernelRelease();
std::string machine();       // uname machine: x86_64, aarch64…
std::string hostname();
nlohmann::json currentUser(); // {uid, gid, name, home}

// {"memory":{total,available,used},"swap":{total,free,used}} in bytes.
nlohmann::json memoryAndSwap();
nlohmann::json loadAverage(); // [1, 5, 15]
double uptimeSeconds();
nlohmann::json cpuInfo();     // {model, cores, mhz?}
nlohmann::json filesystems(); // [{device, mount, type, total, used, available, readOnly}]

// Unescapes the octal escapes (\040 …) the kernel uses in /proc/self/mounts.
std::string unescapeMountField(const std::string &field);

} // namespace qwqhelper::host
