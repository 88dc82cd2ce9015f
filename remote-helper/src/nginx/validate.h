// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

/// Grammars for every value that can reach an nginx file. Each `…Field` returns the (normalised)
/// value or throws RpcError 1001 whose data.field is `field` (or -32602 for a wrong JSON type),
/// so the app can say which input is wrong.
namespace qwqhelper::nginx {

// Typed reads of spec members: absent or null gives the fallback.
std::string str(const nlohmann::json &spec, const std::string &key, const std::string &field);
bool flag(const nlohmann::json &spec, const std::string &key, const std::string &field);
int64_t integer(const nlohmann::json &spec, const std::string &key, const std::string &field,
                int64_t min, int64_t max, int64_t fallback);
const nlohmann::json &array(const nlohmann::json &spec, const std::string &key,
                            const std::string &field);
const nlohmann::json *object(const nlohmann::json &spec, const std::string &key,
                             const std::string &field);

bool isDomain(const std::string &s, bool allowWildcard);
bool isSafeValue(const std::string &s); // printable ASCII, none of ; { } " ' \ $ # or controls
bool isPathUnder(const std::string &path, const std::vector<std::string> &roots);
bool isHostPort(const std::string &s, bool portRequired);

void requireSafe(const std::string &value, const std::string &field);
// LDH labels, lower-cased; non-ASCII refused with a punycode hint.
std::string domainField(const std::string &value, const std::string &field, bool wildcard);
// A clean absolute path of [A-Za-z0-9/._+@~-] under one of `roots` (any when empty).
std::string pathField(const std::string &value, const std::string &field,
                      const std::vector<std::string> &roots);
std::string urlField(const std::string &value, const std::string &field);
std::string sizeField(const std::string &value, const std::string &field);   // 20m
std::string addressField(const std::string &value, const std::string &field); // IP, CIDR, all
// [address:]port for listen: an IPv4 address, [IPv6] or nothing, and 1..65535.
std::string listenField(const std::string &value, const std::string &field);

} // namespace qwqhelper::nginx
