// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The scheduler code self-heal and certificate renewal share (selfheal/schedule.h).
#include "selfheal/schedule.h"

#include "fsutil.h"
#include "process.h"

#include <algorithm>
#include <climits>
#include <sys/stat.h>
#include <unistd.h>

namespace qwqhelper::schedule {

using nlohmann::json;

namespace {

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

} // namespace

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

std::string resolveScheduler(const std::string &requested)
{
    std::string scheduler = requested;
    if (scheduler != "auto" && scheduler != "systemd" && scheduler != "cron")
        throw invalidValue("scheduler", "invalid scheduler", "auto, systemd or cron");
    if (scheduler == "auto")
        scheduler = hasSystemd() ? "systemd" : "cron";
    if (scheduler == "systemd" && !hasSystemd())
        throw RpcError(4009, "systemd is not running here",
                       errorData("scheduler", "use cron", "/run/systemd/system is missing"));
    if (scheduler == "cron" && !process::findExecutable("crontab"))
        throw RpcError(4009, "neither systemd nor crontab is available",
                       errorData("scheduler", "install cron (the crontab command)",
                                 "no /run/systemd/system and no crontab in PATH"));
    return scheduler;
}

std::optional<std::string> crontabWithout(const Job &job, const Context &context, std::string *crontab,
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
        if (line.find(job.marker) != std::string::npos) {
            *found = true;
            continue;
        }
        kept += line + "\n";
    }
    return kept;
}

json removeInstalled(const Job &job, const Context &context)
{
    json removed = json::array();
    std::string crontab;
    bool found = false;
    if (const auto kept = crontabWithout(job, context, &crontab, &found); kept && found) {
        if (kept->find_first_not_of(" \t\n") == std::string::npos)
            mustSucceed(runTool({crontab, "-r"}, context), "crontab -r"); // ours was the only line
        else
            mustSucceed(runTool({crontab, "-"}, context, *kept), "crontab");
        removed.push_back("cron");
    }
    const std::string dir = unitDir();
    const std::string timer = dir + "/" + job.unit + ".timer";
    if (fs::exists(timer)) {
        if (hasSystemd()) {
            auto argv = systemctl();
            argv.insert(argv.end(), {"disable", "--now", job.unit + ".timer"});
            runTool(argv, context);
        }
        fs::removeTree(timer);
        fs::removeTree(dir + "/" + job.unit + ".service");
        if (hasSystemd()) {
            auto argv = systemctl();
            argv.push_back("daemon-reload");
            runTool(argv, context);
        }
        removed.push_back("systemd");
    }
    return removed;
}

void installCron(const Job &job, const std::string &when, const std::string &command, const Context &context)
{
    std::string crontab;
    bool found = false;
    std::string kept = crontabWithout(job, context, &crontab, &found).value_or("");
    kept += when + " " + command + " " + job.marker + "\n";
    mustSucceed(runTool({crontab, "-"}, context, kept), "crontab");
}

void installSystemd(const Job &job, const std::string &command, const std::string &timerLines,
                    const Context &context)
{
    const std::string dir = unitDir();
    fs::makeDirs(dir, 0755);
    fs::writeAtomic(dir + "/" + job.unit + ".service",
                    "[Unit]\nDescription=" + job.description + "\n\n[Service]\nType=oneshot\nExecStart="
                        + command + "\n",
                    0644);
    fs::writeAtomic(dir + "/" + job.unit + ".timer",
                    "[Unit]\nDescription=" + job.timerDescription + "\n\n[Timer]\n" + timerLines
                        + "\n[Install]\nWantedBy=timers.target\n",
                    0644);
    auto reload = systemctl();
    reload.push_back("daemon-reload");
    mustSucceed(runTool(reload, context), "systemctl daemon-reload");
    auto enable = systemctl();
    enable.insert(enable.end(), {"enable", "--now", job.unit + ".timer"});
    mustSucceed(runTool(enable, context), "systemctl enable");
}

bool unitInstalled(const Job &job)
{
    return fs::exists(unitDir() + "/" + job.unit + ".timer");
}

json available(const Context &)
{
    json list = json::array();
    if (hasSystemd())
        list.push_back("systemd");
    if (process::findExecutable("crontab"))
        list.push_back("cron");
    return list;
}

} // namespace qwqhelper::schedule
