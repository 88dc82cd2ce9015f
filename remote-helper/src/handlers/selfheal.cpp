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
#include "selfheal/state.h"

#include <algorithm>
#include <climits>
#include <ctime>
#include <sys/stat.h>
#include <unistd.h>

namespace qwqhelper {

using nlohmann::json;

namespace {

constexpr const char *kMarker = "# qwq-selfheal";
constexpr const char *kUnit = "qwq-selfheal";

bool hasSystemd()
{
    return fs::isDirectory("/run/systemd/system");
}

std::string unitDir()
{
    if (::geteuid() == 0)
        return "/etc/systemd/system";
    const auto user = fs::dataRoot(); // $HOME/.local/share/qwq → $HOME
    const std::string home = user.substr(0, user.size() - std::string("/.local/share/qwq").size());
    return home + "/.config/systemd/user";
}

// What cron hands to /bin/sh and systemd parses: only characters that need no quoting.
bool isPlainPath(const std::string &p)
{
    return fs::isCleanAbsolutePath(p) && std::all_of(p.begin(), p.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '/' || c == '.' || c == '_' || c == '+' || c == '-';
    });
}

std::string helperPath()
{
    char buf[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        throw RpcError(Code::Internal, "cannot find the helper's own path");
    const std::string path(buf, static_cast<std::size_t>(n));
    if (!isPlainPath(path))
        throw invalidValue("helper", "the helper's path cannot go into a schedule",
                           "a path of letters, digits and / . _ + - only");
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0)
        throw invalidValue("helper", "the helper's path cannot be read");
    // Root must never run a file another user can change (DESIGN.md, "Elevation").
    if (::geteuid() == 0 && (st.st_uid != 0 || (st.st_mode & 022)))
        throw invalidValue("helper", "the helper is not a root-owned, non-writable file",
                           "install the root-owned copy first");
    return path;
}

struct Output
{
    int exitCode;
    std::string out, err;
};

Output runTool(std::vector<std::string> argv, const Context &context,
               std::optional<std::string> input = std::nullopt)
{
    process::Spec spec;
    spec.argv = std::move(argv);
    spec.stdinData = std::move(input);
    spec.timeoutMs = 30000;
    try {
        const auto r = process::run(spec, &context.cancel, {}, 1 << 20);
        return {r.exitCode, r.out, r.err};
    } catch (const RpcError &) {
        throw;
    } catch (const std::exception &e) {
        throw RpcError(Code::Internal, "cannot run " + spec.argv[0], errorData({}, {}, e.what()));
    }
}

void mustSucceed(const Output &o, const std::string &what)
{
    if (o.exitCode != 0)
        throw RpcError(Code::Internal, what + " failed", errorData({}, {}, o.err.substr(0, 4096)));
}

// The user's crontab without qwq's line; nullopt when crontab is not installed.
std::optional<std::string> crontabWithoutOurs(const Context &context, std::string *crontab,
                                              bool *found)
{
    const auto bin = process::findExecutable("crontab");
    if (!bin)
        return std::nullopt;
    *crontab = *bin;
    const Output o = runTool({*bin, "-l"}, context);
    std::string text = o.exitCode == 0 ? o.out : std::string(); // "no crontab for …" is empty
    std::string kept;
    *found = false;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string line = text.substr(start, end - start);
        start = end + 1;
        if (line.find(kMarker) != std::string::npos) {
            *found = true;
            continue;
        }
        kept += line + "\n";
    }
    return kept;
}

std::vector<std::string> systemctl()
{
    const auto bin = process::findExecutable("systemctl");
    if (!bin)
        throw RpcError(4009, "systemctl not found", errorData("scheduler", {}, "systemctl"));
    std::vector<std::string> argv = {*bin};
    if (::geteuid() != 0)
        argv.push_back("--user");
    return argv;
}

json removeInstalled(const Context &context)
{
    json removed = json::array();
    std::string crontab;
    bool found = false;
    if (const auto kept = crontabWithoutOurs(context, &crontab, &found); kept && found) {
        if (kept->find_first_not_of(" \t\n") == std::string::npos)
            mustSucceed(runTool({crontab, "-r"}, context), "crontab -r"); // ours was the only line
        else
            mustSucceed(runTool({crontab, "-"}, context, *kept), "crontab");
        removed.push_back("cron");
    }
    const std::string dir = unitDir();
    const std::string timer = dir + "/" + kUnit + ".timer";
    if (fs::exists(timer)) {
        if (hasSystemd()) {
            auto argv = systemctl();
            argv.insert(argv.end(), {"disable", "--now", std::string(kUnit) + ".timer"});
            runTool(argv, context);
        }
        fs::removeTree(timer);
        fs::removeTree(dir + "/" + kUnit + ".service");
        if (hasSystemd()) {
            auto argv = systemctl();
            argv.push_back("daemon-reload");
            runTool(argv, context);
        }
        removed.push_back("systemd");
    }
    return removed;
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
    std::string scheduler = params.optionalString("scheduler").value_or("auto");
    if (scheduler != "auto" && scheduler != "systemd" && scheduler != "cron")
        throw invalidValue("scheduler", "invalid scheduler", "auto, systemd or cron");
    if (scheduler == "auto")
        scheduler = hasSystemd() ? "systemd" : "cron";
    if (scheduler == "systemd" && !hasSystemd())
        throw RpcError(4009, "systemd is not running here",
                       errorData("scheduler", "use cron", "/run/systemd/system is missing"));
    const auto crontabBin = process::findExecutable("crontab");
    if (scheduler == "cron" && !crontabBin)
        throw RpcError(4009, "neither systemd nor crontab is available",
                       errorData("scheduler", "install cron (the crontab command)",
                                 "no /run/systemd/system and no crontab in PATH"));

    const std::string helper = helperPath();
    const std::string config = selfheal::defaultConfigPath();
    if (!isPlainPath(config))
        throw invalidValue("helper", "the self-heal directory's path cannot go into a schedule",
                           "a path of letters, digits and / . _ + - only");
    docker::Engine engine(params, context);

    removeInstalled(context); // installing again replaces what was there
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
            std::string crontab;
            bool found = false;
            std::string kept = crontabWithoutOurs(context, &crontab, &found).value_or("");
            kept += when + " " + helper + " selfheal-run --config " + config + " " + kMarker + "\n";
            mustSucceed(runTool({crontab, "-"}, context, kept), "crontab");
        } else {
            cfg["scheduler"] = ::geteuid() == 0 ? "systemd-system" : "systemd-user";
            fs::writeAtomic(config, cfg.dump(2) + "\n");
            const std::string dir = unitDir();
            fs::makeDirs(dir, 0755);
            fs::writeAtomic(dir + "/" + kUnit + ".service",
                            "[Unit]\nDescription=qwq self-heal: restart failed containers of chosen "
                            "compose projects\n\n[Service]\nType=oneshot\nExecStart="
                                + helper + " selfheal-run --config " + config + "\n",
                            0644);
            fs::writeAtomic(dir + "/" + kUnit + ".timer",
                            "[Unit]\nDescription=qwq self-heal timer\n\n[Timer]\nOnBootSec=60s\n"
                            "OnUnitActiveSec=" + std::to_string(interval)
                                + "s\nAccuracySec=1s\n\n[Install]\nWantedBy=timers.target\n",
                            0644);
            auto reload = systemctl();
            reload.push_back("daemon-reload");
            mustSucceed(runTool(reload, context), "systemctl daemon-reload");
            auto enable = systemctl();
            enable.insert(enable.end(), {"enable", "--now", std::string(kUnit) + ".timer"});
            mustSucceed(runTool(enable, context), "systemctl enable");
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
    json removed = removeInstalled(context);
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
    crontabWithoutOurs(context, &crontab, &cronLine);
    const bool unit = fs::exists(unitDir() + "/" + kUnit + ".timer");
    json available = json::array();
    if (hasSystemd())
        available.push_back("systemd");
    if (!crontab.empty())
        available.push_back("cron");

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

void registerSelfhealMethods(Dispatcher &dispatcher)
{
    dispatcher.add("selfheal.install", Risk::Mutating, selfhealInstall);
    dispatcher.add("selfheal.uninstall", Risk::Mutating, selfhealUninstall);
    dispatcher.add("selfheal.status", Risk::Read, selfhealStatus);
    dispatcher.add("selfheal.incidents", Risk::Read, selfhealIncidents);
}

} // namespace qwqhelper
