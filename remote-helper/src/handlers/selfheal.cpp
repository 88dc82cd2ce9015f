// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// selfheal.*: installs the watcher as a systemd timer or a crontab line that runs
// `qwq-helper selfheal-run`, and reads its incidents.
#include "compose/spec.h"
#include "dispatch.h"
#include "docker/engine.h"
#include "docker/validate.h"
#include "fsutil.h"
#include "handlers/handlers.h"
#include "process.h"
#include "selfheal/run.h"
#include "selfheal/schedule.h"
#include "selfheal/state.h"

#include <algorithm>
#include <climits>
#include <ctime>
#include <sys/stat.h>
#include <unistd.h>

namespace qwqhelper {

using nlohmann::json;

namespace {

// Made on first use, not as the helper starts (see QWQ_STARTUP in dispatch.h).
const schedule::Job &selfhealJob()
{
    static const schedule::Job job{"# qwq-selfheal", "qwq-selfheal",
                                   "qwq self-heal: restart failed containers of chosen compose projects",
                                   "qwq self-heal timer"};
    return job;
}

json selfhealInstall(const Params &params, const Context &context)
{
    const auto projects = params.stringList("projects");
    if (projects.empty() || projects.size() > 64)
        throw invalidValue("projects", "name 1 to 64 projects", "1..64 compose project names");
    for (const auto &p : projects)
        if (!compose::isProjectName(p))
            throw invalidValue("projects", "invalid project name " + p.substr(0, 64),
                               "lower-case letters, digits, '_' and '-'");
    const int interval = static_cast<int>(
        docker::validate::intInRange(params, "intervalSeconds", 60, 86400).value_or(60));
    const std::string scheduler =
        schedule::resolveScheduler(params.optionalString("scheduler").value_or("auto"));

    const std::string helper = schedule::helperPath();
    const std::string config = selfheal::defaultConfigPath();
    if (!schedule::isPlainPath(config))
        throw invalidValue("helper", "the self-heal directory's path cannot go into a schedule",
                           "a path of letters, digits and / . _ + - only");
    docker::Engine engine(params, context);

    schedule::removeInstalled(selfhealJob(), context); // installing again replaces what was there
    json cfg = {{"projects", projects}, {"intervalSeconds", interval},
                {"socket", engine.socketPath()}, {"helper", helper},
                {"installedAt", std::time(nullptr)}};
    int effective = interval;
    try {
        fs::makeDirs(selfheal::directory());
        if (scheduler == "cron") {
            const int minutes = (interval + 59) / 60;
            std::string when;
            if (minutes <= 1) {
                when = "* * * * *";
                effective = 60;
            } else if (minutes < 60) {
                when = "*/" + std::to_string(minutes) + " * * * *";
                effective = minutes * 60;
            } else {
                const int hours = std::min(24, (minutes + 59) / 60);
                when = hours >= 24 ? "0 0 * * *" : "0 */" + std::to_string(hours) + " * * *";
                effective = hours * 3600;
            }
            cfg["scheduler"] = "cron";
            fs::writeAtomic(config, cfg.dump(2) + "\n");
            schedule::installCron(selfhealJob(), when, helper + " selfheal-run --config " + config, context);
        } else {
            cfg["scheduler"] = ::geteuid() == 0 ? "systemd-system" : "systemd-user";
            fs::writeAtomic(config, cfg.dump(2) + "\n");
            schedule::installSystemd(selfhealJob(), helper + " selfheal-run --config " + config,
                                     "OnBootSec=60s\nOnUnitActiveSec=" + std::to_string(interval)
                                         + "s\nAccuracySec=1s\n",
                                     context);
        }
    } catch (const std::runtime_error &e) {
        throw RpcError(Code::Internal, "cannot install self-heal", errorData({}, {}, e.what()));
    }
    return {{"installed", true}, {"scheduler", cfg["scheduler"]}, {"config", config},
            {"helper", helper}, {"intervalSeconds", interval},
            {"effectiveIntervalSeconds", effective}};
}

json selfhealUninstall(const Params &, const Context &context)
{
    json removed = schedule::removeInstalled(selfhealJob(), context);
    fs::removeTree(selfheal::defaultConfigPath());
    return {{"installed", false}, {"removed", removed}};
}

json selfhealStatus(const Params &, const Context &context)
{
    const auto text = fs::readRegular(selfheal::defaultConfigPath(), 1 << 20);
    json cfg = text ? json::parse(*text, nullptr, false) : json();
    if (!cfg.is_object())
        cfg = json::object();

    std::string crontab;
    bool cronLine = false;
    schedule::crontabWithout(selfhealJob(), context, &crontab, &cronLine);
    const bool unit = schedule::unitInstalled(selfhealJob());
    const json available = schedule::available(context);

    const auto last = fs::readRegular(selfheal::directory() + "/last-run.json", 1 << 20);
    json lastRun = last ? json::parse(*last, nullptr, false) : json();
    if (lastRun.is_discarded())
        lastRun = nullptr;
    std::size_t incidents = 0;
    for (const auto &path : {selfheal::incidentsPath() + ".1", selfheal::incidentsPath()})
        if (const auto t = fs::readRegular(path, 64u << 20))
            incidents += static_cast<std::size_t>(std::count(t->begin(), t->end(), '\n'));

    const bool installed = !cfg.empty() && (cronLine || unit);
    return {{"installed", installed},
            {"scheduler", installed ? cfg.value("scheduler", json(nullptr)) : json(nullptr)},
            {"projects", cfg.value("projects", json::array())},
            {"intervalSeconds", cfg.value("intervalSeconds", json(nullptr))},
            {"config", selfheal::defaultConfigPath()},
            {"helper", cfg.value("helper", json(nullptr))},
            {"paused", selfheal::pausedProjects()},
            {"lastRun", lastRun},
            {"incidents", incidents},
            {"available", available}};
}

json selfhealIncidents(const Params &params, const Context &)
{
    std::optional<std::string> project;
    if (params.has("project")) {
        project = params.requiredString("project");
        if (!compose::isProjectName(*project))
            throw invalidValue("project", "invalid project name", "a compose project name");
    }
    const auto since = docker::validate::intInRange(params, "since", 0, 253402300799);
    const auto limit = docker::validate::intInRange(params, "limit", 1, 1000).value_or(100);
    std::vector<json> all;
    for (const auto &path : {selfheal::incidentsPath() + ".1", selfheal::incidentsPath()}) {
        const auto text = fs::readRegular(path, 64u << 20);
        if (!text)
            continue;
        std::size_t start = 0;
        while (start < text->size()) {
            const std::size_t end = std::min(text->find('\n', start), text->size());
            json j = json::parse(text->begin() + start, text->begin() + end, nullptr, false);
            start = end + 1;
            if (!j.is_object())
                continue;
            if (project && j.value("project", std::string()) != *project)
                continue;
            if (since && j.value("time", int64_t(0)) < *since)
                continue;
            all.push_back(std::move(j));
        }
    }
    json out = json::array();
    for (auto it = all.rbegin(); it != all.rend() && static_cast<int64_t>(out.size()) < limit; ++it)
        out.push_back(std::move(*it));
    return {{"incidents", out}};
}

} // namespace

QWQ_STARTUP void registerSelfhealMethods(Dispatcher &dispatcher)
{
    dispatcher.add("selfheal.install", Risk::Mutating, selfhealInstall);
    dispatcher.add("selfheal.uninstall", Risk::Mutating, selfhealUninstall);
    dispatcher.add("selfheal.status", Risk::Read, selfhealStatus);
    dispatcher.add("selfheal.incidents", Risk::Read, selfhealIncidents);
}

} // namespace qwqhelper
