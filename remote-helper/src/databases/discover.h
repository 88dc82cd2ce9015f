// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace qwqhelper::docker {
class Engine;
}

// databases.discover: PostgreSQL, MySQL/MariaDB and Redis servers running on this host, found
// from /proc (listening sockets matched by inode to the server processes' descriptors) and
// from Docker (containers by image name or exposed port). Reads only; the one thing executed
// is each server binary's `--version` (argv, 3 s limit, in parallel; only binaries that pass
// tools.h's safeToExecute).
namespace qwqhelper::databases {

struct TcpListener
{
    std::string ip; // "127.0.0.1", "0.0.0.0", "::", "::1", …
    int port = 0;
    long long uid = -1; // the socket's owner
};

// Listening TCP sockets of /proc/net/tcp or tcp6 text, by socket inode.
std::map<uint64_t, TcpListener> parseTcpListeners(const std::string &text, bool v6);
// Listening unix sockets (with a path in the filesystem) of /proc/net/unix text, by inode.
std::map<uint64_t, std::string> parseUnixListeners(const std::string &text);

// The address a client on this host uses to reach a server bound to `addresses`:
// 127.0.0.1 for IPv4 wildcard or loopback, ::1 for an IPv6 wildcard or loopback only, else the
// first bound address (IPv4 first).
std::string reachableHost(const std::vector<std::string> &addresses);

// "postgresql"/"mariadb"/"mysql"/"redis" for a process name or exe basename; "" otherwise.
std::string engineOfProgram(const std::string &name);
// The same for an image reference ("postgres:15", "bitnami/postgresql:16", "redis/redis-stack").
std::string engineOfImage(const std::string &image);

// Services found in /proc: the instances array entries with source "service".
nlohmann::json discoverServices();
// Containers: entries with source "container". Throws the engine's RpcErrors.
nlohmann::json discoverContainers(docker::Engine &engine);

} // namespace qwqhelper::databases
