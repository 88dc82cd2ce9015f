// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dispatch.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

/// Schedules that run the helper while the app is closed (self-heal, certificate renewal): a
/// systemd timer where systemd runs, else one crontab line marked with a comment. Lines and
/// units carry only paths of [A-Za-z0-9/._+-] (cron runs them through /bin/sh); tools run with
/// argv arrays. Errors are RpcErrors: 4009 no scheduler, 1001 `helper`, 1000 a failing tool.
namespace qwqhelper::schedule {

struct Job
{
    std::string marker;      // "# qwq-selfheal": ends the crontab line
    std::string unit;        // "qwq-selfheal": .service and .timer names
    std::string description; // the service's Description=
    std::string timerDescription;
};

bool hasSystemd();
std::string unitDir();
bool isPlainPath(const std::string &path);
// The running helper's path, checked to be safe to schedule as root (1001 `helper`).
std::string helperPath();

// "auto" → systemd or cron; checks the one asked for exists (4009, 1001 `scheduler`).
std::string resolveScheduler(const std::string &requested);

// The crontab without the job's line; nullopt when crontab is not installed.
std::optional<std::string> crontabWithout(const Job &job, const Context &context, std::string *crontab,
                                          bool *found);
// Removes the job's crontab line and units; returns what was found ("cron", "systemd").
nlohmann::json removeInstalled(const Job &job, const Context &context);
// Adds `<when> <command> <marker>` to the crontab (the previous line of the job replaced).
void installCron(const Job &job, const std::string &when, const std::string &command, const Context &context);
// Writes <unit>.service (oneshot, ExecStart=command) and <unit>.timer ([Timer] lines given),
// reloads systemd and enables the timer.
void installSystemd(const Job &job, const std::string &command, const std::string &timerLines,
                    const Context &context);
bool unitInstalled(const Job &job);
nlohmann::json available(const Context &context); // ["systemd", "cron"]

} // namespace qwqhelper::schedule
