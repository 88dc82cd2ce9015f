// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

// The snapshots in a destination, and retention (backups.list, backups.prune).
namespace qwqhelper::backup {

// [{snapshot, policy, time, size, bytes, files, entries, encrypted}] newest first; damaged
// files are listed with "damaged": true and the reason.
nlohmann::json listSnapshots(const std::string &destination, const std::optional<std::string> &policy);

struct Retention
{
    int keepLast = 0;
    int keepDaily = 0;
    int keepWeekly = 0;
    int keepMonthly = 0;
};

// Keeps what any rule keeps (rules count distinct UTC days, ISO weeks and months, newest
// first, the newest snapshot of each); removes the rest of `policy`'s snapshots unless dryRun.
nlohmann::json pruneSnapshots(const std::string &destination, const std::string &policy,
                              const Retention &retention, bool dryRun);

} // namespace qwqhelper::backup
