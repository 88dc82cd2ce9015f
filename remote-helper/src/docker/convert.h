// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

// Docker's JSON (PascalCase, nulls for empty lists, "/name") turned into the protocol's shapes
// (camelCase, empty lists, plain names). Missing members become empty values, never errors:
// Podman and older daemons leave some out. PROTOCOL.md, "containers", has each shape.
namespace qwqhelper::docker::convert {

nlohmann::json container(const nlohmann::json &c);  // an entry of GET /containers/json
nlohmann::json compose(const nlohmann::json &labels); // the com.docker.compose.* labels, or null
nlohmann::json image(const nlohmann::json &i);      // an entry of GET /images/json
nlohmann::json volume(const nlohmann::json &v);     // an entry of GET /volumes
nlohmann::json network(const nlohmann::json &n);    // an entry of GET /networks

/// One sample of GET /containers/{id}/stats, computed the way `docker stats` does: CPU % is
/// the container's share of the host's CPU time since the previous sample (precpu_stats)
/// times the online CPUs; memory is usage less the inactive file cache (cgroup v1
/// total_inactive_file, v2 inactive_file); net sums every interface; block IO sums the
/// read and write entries of io_service_bytes_recursive.
nlohmann::json stats(const nlohmann::json &s);

} // namespace qwqhelper::docker::convert
