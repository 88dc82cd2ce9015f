// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

/// Certificate renewal while the app is closed: `qwq-helper cert-renew [--config PATH]
/// [--days N]`, run daily by a systemd timer or a crontab line (PROTOCOL.md, "Certificates").
namespace qwqhelper::acme {

std::string renewDirectory();   // <data root>/acme
std::string renewConfigPath();  // <data root>/acme/renew.json
std::string renewLogPath();     // <data root>/acme/renewals.jsonl

// The helper-environment variables a scheduled run must see as the installing helper did.
const std::vector<std::string> &renewEnvironmentNames();

// One pass: renews every qwq-issued (ACME) certificate with fewer than `days` days left
// (days <= 0: the config's, default 30), reinstalls it into its site, records the run.
// Returns the process exit status.
int renewRun(const std::string &configPath, int days);

} // namespace qwqhelper::acme
