// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <vector>

/// DNS for certificates (libldns, linked statically: the static glibc's getaddrinfo needs NSS
/// modules it cannot load). Queries go to the servers of /etc/resolv.conf, or to one server
/// given as "ADDRESS[:PORT]" (tests, and a check against a chosen resolver).
namespace qwqhelper::acme {

struct Lookup
{
    std::vector<std::string> addresses; // A and AAAA, as text
    bool answered = false;              // some server answered (NOERROR or NXDOMAIN)
    std::string error;                  // why nothing could be asked or read
};

// A and AAAA of `name` (CNAMEs followed by the resolver).
Lookup resolve(const std::string &name, const std::string &server = {});

// "ADDRESS[:PORT]" / "[IPv6]:PORT" with an IP literal; nullopt when it is not one.
std::optional<std::pair<std::string, int>> parseServer(const std::string &server);

// The addresses of this host's interfaces (getifaddrs), loopback included.
std::vector<std::string> localAddresses();

} // namespace qwqhelper::acme
