// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace qwqhelper {
class Params;
}

// Grammars for what the containers methods send to the Docker daemon (SECURITY.md, A). Each
// reads its field through Params (-32602 on a wrong JSON type) and throws 1001 naming the field
// when the value fails its grammar: no value reaches a URL, a query or a body unchecked.
// Nothing here allows a space, ';', '$', a quote, a newline or a leading '-'.
namespace qwqhelper::docker::validate {

// A container id or name: [a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}. Hex ids (12–64) fit the same
// grammar. Required.
std::string container(const Params &params, const char *field = "id");
// Same grammar, for a value that is not a params field (e.g. a list entry).
bool isContainerName(const std::string &name);

// An image reference: [registry[:port]/]path[:tag][@sha256:<64 hex>], or an image id
// (sha256:<64 hex>, or 12–64 hex digits). Registry: DNS labels (or "localhost") with an
// optional port; path: lower-case components [a-z0-9]+ joined by '.', '_', '__' or '-'s,
// separated by '/'; tag: [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}. At most 255 characters.
std::string image(const Params &params, const char *field = "image");
bool isImageReference(const std::string &ref);
bool hasTagOrDigest(const std::string &ref); // false for "busybox", true for "busybox:1"

// A volume name: [a-zA-Z0-9][a-zA-Z0-9_.-]{1,254} (Docker's own rule, two characters or more).
std::string volume(const Params &params, const char *field = "name");
// A network id or name: [a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}.
std::string network(const Params &params, const char *field = "network");
// A driver name (volume or network): [a-z0-9][a-z0-9_.-]{0,63}, e.g. "local", "bridge".
std::optional<std::string> driver(const Params &params, const char *field = "driver");

// A signal: a name from the Linux list, with or without "SIG" (upper case), or 1..64.
// Returns the form Docker takes ("SIGTERM" or "15").
std::string signal(const Params &params, const char *field = "signal");

// Labels {"key": "value"}: keys [a-zA-Z0-9][a-zA-Z0-9._/-]{0,254}, values at most 4096 bytes
// without control characters; at most 256 labels. Absent → empty object.
nlohmann::json labels(const Params &params, const char *field = "labels");

// An IPv4 or IPv6 CIDR ("172.30.0.0/16") or, with cidr false, a plain address.
std::optional<std::string> ipAddress(const Params &params, const char *field, bool cidr);

// An argv for a container (no shell): at most 256 items of at most 32 KiB without NUL. Empty
// when absent.
nlohmann::json argv(const Params &params, const char *field);
// KEY=value entries: KEY of letters, digits and '_' not starting with a digit (at most 255),
// the entry at most 32 KiB without NUL. Empty when absent.
nlohmann::json environment(const Params &params, const char *field);
// An absolute path inside a container: no "..", no control characters or ','.
bool isContainerPath(const std::string &path);
// name|uid[:group|gid] of [a-zA-Z0-9_.-], at most 64 bytes.
std::optional<std::string> user(const Params &params, const char *field);

// An optional integer in [min, max] (1001 with min/max out of range).
std::optional<int64_t> intInRange(const Params &params, const char *field, int64_t min,
                                  int64_t max);

} // namespace qwqhelper::docker::validate
