// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>

namespace qwqhelper {
class Params;
}

// Grammars of the databases methods' params (SECURITY.md A and D). Each reads its field
// through Params (-32602 on a wrong JSON type) and throws 1001 naming the field when the value
// fails: nothing reaches a child's argv or environment unchecked.
namespace qwqhelper::databases {

enum class Engine { PostgreSql, MariaDb, MySql, Redis };
const char *engineName(Engine engine);
bool isMysqlFamily(Engine engine);

// "postgresql" | "mariadb" | "mysql" | "redis" (required).
Engine engine(const Params &params, const char *field = "engine");

// An IPv4 or IPv6 literal or a host name (LDH labels of 1..63, at most 253 in all, no leading
// '-'). Never a path: a '/' would make libpq take it for a socket directory.
bool isHost(const std::string &host);
std::optional<std::string> host(const Params &params, const char *field = "host");

// 1..65535; absent → nullopt.
std::optional<int> port(const Params &params, const char *field = "port");

// A role/user or database name: 1..maxBytes bytes of ASCII letters, digits, '_', '$', '.',
// '-' and UTF-8 letters beyond ASCII (well-formed UTF-8, no control characters), not starting
// with '-'. No space, quote, backslash, ';', '=', '/', '@' or '`': such names exist, but they
// are the ones that would be read as options, conninfo strings or SQL by some tool.
bool isName(const std::string &name, std::size_t maxBytes);
std::string name(const Params &params, const char *field, std::size_t maxBytes, bool required = true);

// A password: at most 1024 bytes without NUL (it goes into an environment variable).
std::optional<std::string> password(const Params &params, const char *field = "password");

} // namespace qwqhelper::databases
