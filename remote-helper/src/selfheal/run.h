// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace qwqhelper::selfheal {

std::string defaultConfigPath(); // <directory()>/config.json
std::string incidentsPath();     // <directory()>/incidents.jsonl

// `qwq-helper selfheal-run [--config PATH]`: one pass over the configured projects (see
// PROTOCOL.md, "selfheal"). Returns the process exit status.
int runOnce(const std::string &configPath);

// Appends one JSON line, rotating the file to .1 past 4 MiB.
void appendIncident(const nlohmann::json &incident);

} // namespace qwqhelper::selfheal
