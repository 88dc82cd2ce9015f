// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// websites.certRenewInstall/Uninstall/Status: the daily schedule that runs
// `qwq-helper cert-renew` (acme/renew.h), through the scheduler code self-heal uses.
#include "acme/renew.h"
#include "dispatch.h"
#include "fsutil.h"
#include "selfheal/schedule.h"

#include <cstdlib>
#include <ctime>

namespace qwqhelper {

using nlohmann::json;

namespace {

// Made on first use, not as the helper starts (see QWQ_STARTUP in dispatch.h).
const schedule::Job &renewJob()
{
    static const schedule::Job job{"# qwq-cert-renew", "qwq-cert-renew",
                                   "qwq: renew qwq-issued certificates before they expire",
                                   "qwq certificate renewal timer"};
    return job;
}

json certRenewInstall(const Params &p, const Context &ctx)
{
    const int64_t days = p.intOr("days", 30);
    if (days < 1 || days > 365)
        throw outOfRange("days", 1, 365);
    const std::string scheduler = schedule::resolveScheduler(p.optionalString("scheduler").value_or("auto"));
    const std::string helper = schedule::helperPath();
    const std::string config = acme::renewConfigPath();
    if (!schedule::isPlainPath(config))
        throw invalidValue("helper", "the data directory's path cannot go into a schedule",
                           "a path of letters, digits and / . _ + - only");
    json env = json::object();
    for (const auto &name : acme::renewEnvironmentNames())
        if (const char *v = std::getenv(name.c_str()); v && *v)
            env[name] = v;
    schedule::removeInstalled(renewJob(), ctx); // installing again replaces what was there
    const std::string command = helper + " cert-renew --config " + config;
    json cfg = {{"days", days}, {"helper", helper}, {"environment", env},
                {"installedAt", static_cast<int64_t>(std::time(nullptr))}};
    try {
        fs::makeDirs(acme::renewDirectory());
        if (scheduler == "cron") {
            cfg["scheduler"] = "cron";
            cfg["schedule"] = "17 3 * * *";
            fs::writeAtomic(config, cfg.dump(2) + "\n");
            schedule::installCron(renewJob(), "17 3 * * *", command, ctx);
        } else {
            cfg["scheduler"] = "systemd";
            cfg["schedule"] = "daily";
            fs::writeAtomic(config, cfg.dump(2) + "\n");
            schedule::installSystemd(renewJob(), command,
                                     "OnCalendar=daily\nRandomizedDelaySec=1h\nPersistent=true\n", ctx);
        }
    } catch (const std::runtime_error &e) {
        throw RpcError(Code::Internal, "cannot install certificate renewal", errorData({}, {}, e.what()));
    }
    return {{"installed", true}, {"scheduler", cfg["scheduler"]}, {"schedule", cfg["schedule"]},
            {"config", config}, {"helper", helper}, {"command", command}, {"days", days}};
}

json certRenewUninstall(const Params &, const Context &ctx)
{
    json removed = schedule::removeInstalled(renewJob(), ctx);
    fs::removeTree(acme::renewConfigPath());
    return {{"installed", false}, {"removed", removed}};
}

json certRenewStatus(const Params &, const Context &ctx)
{
    const auto text = fs::readRegular(acme::renewConfigPath(), 1 << 20);
    json cfg = text ? json::parse(*text, nullptr, false) : json();
    if (!cfg.is_object())
        cfg = json::object();
    std::string crontab;
    bool cronLine = false;
    schedule::crontabWithout(renewJob(), ctx, &crontab, &cronLine);
    const bool installed = !cfg.empty() && (cronLine || schedule::unitInstalled(renewJob()));
    const auto last = fs::readRegular(acme::renewDirectory() + "/last-run.json", 1 << 20);
    json lastRun = last ? json::parse(*last, nullptr, false) : json();
    if (lastRun.is_discarded())
        lastRun = nullptr;
    std::size_t runs = 0;
    if (const auto log = fs::readRegular(acme::renewLogPath(), 64u << 20))
        runs = static_cast<std::size_t>(std::count(log->begin(), log->end(), '\n'));
    return {{"installed", installed},
            {"scheduler", installed ? cfg.value("scheduler", json(nullptr)) : json(nullptr)},
            {"days", cfg.value("days", json(nullptr))},
            {"config", acme::renewConfigPath()},
            {"helper", cfg.value("helper", json(nullptr))},
            {"lastRun", lastRun},
            {"runs", runs},
            {"available", schedule::available(ctx)}};
}

} // namespace

QWQ_STARTUP void registerWebsiteCertRenewMethods(Dispatcher &dispatcher)
{
    dispatcher.add("websites.certRenewInstall", Risk::Mutating, certRenewInstall);
    dispatcher.add("websites.certRenewUninstall", Risk::Mutating, certRenewUninstall);
    dispatcher.add("websites.certRenewStatus", Risk::Read, certRenewStatus);
}

} // namespace qwqhelper
