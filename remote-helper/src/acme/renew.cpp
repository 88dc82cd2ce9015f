// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "acme/renew.h"

#include "acme/crypto.h"
#include "acme/store.h"
#include "dispatch.h"
#include "errors.h"
#include "fsutil.h"
#include "nginx/install.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace qwqhelper::acme {

using nlohmann::json;

std::string renewDirectory()
{
    return fs::dataRoot() + "/acme";
}

std::string renewConfigPath()
{
    return renewDirectory() + "/renew.json";
}

std::string renewLogPath()
{
    return renewDirectory() + "/renewals.jsonl";
}

const std::vector<std::string> &renewEnvironmentNames()
{
    static const std::vector<std::string> names = {"QWQ_DATA_DIR", "QWQ_NGINX_CONF", "QWQ_CERT_DIR",
                                                   "QWQ_ACME_CHALLENGE_DIR", "QWQ_ACME_CA_FILE",
                                                   "QWQ_WEBSITES_ROOTS"};
    return names;
}

namespace {

void logLine(const std::string &text)
{
    std::fprintf(stderr, "qwq-helper cert-renew: %s\n", text.c_str());
}

void appendRun(const std::string &dir, const json &run)
{
    const std::string path = dir + "/renewals.jsonl";
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0)
        return;
    const std::string line = run.dump() + "\n";
    if (::write(fd, line.data(), line.size()) < 0)
        logLine("cannot record the run");
    ::close(fd);
    fs::writeAtomic(dir + "/last-run.json", run.dump(2) + "\n", 0644);
}

} // namespace

int renewRun(const std::string &configPath, int days)
{
    const auto text = fs::readRegular(configPath, 1 << 20);
    const json cfg = text ? json::parse(*text, nullptr, false) : json();
    if (!cfg.is_object()) {
        logLine("cannot read " + configPath);
        return 1;
    }
    // the installing helper's environment, for the names that say where things are (never
    // anything else: the config is root's file in root's data directory)
    const json env = cfg.value("environment", json::object());
    for (const auto &name : renewEnvironmentNames())
        if (env.contains(name) && env[name].is_string())
            ::setenv(name.c_str(), env[name].get<std::string>().c_str(), 1);
    if (days <= 0)
        days = cfg.value("days", 30);
    const std::string dir = configPath.substr(0, configPath.rfind('/'));
    const int lock = ::open((dir + "/renew.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (lock < 0 || ::flock(lock, LOCK_EX | LOCK_NB) != 0) {
        logLine("another renewal is running");
        return 0;
    }
    const int64_t started = static_cast<int64_t>(std::time(nullptr));
    json results = json::array();
    int renewed = 0, failed = 0;
    nginx::Install in;
    std::string installError;
    try {
        in = nginx::discover();
    } catch (const std::exception &e) {
        installError = e.what();
    }
    CancelToken cancel;
    std::vector<std::string> names;
    try {
        names = storedNames();
    } catch (const RpcError &e) {
        installError = e.message;
    }
    for (const auto &name : names) {
        const Stored st = storePaths(name);
        json meta = readMeta(st);
        if (!meta.is_object() || meta.value("source", "") != "acme")
            continue;
        json result = {{"name", name}};
        const auto pem = fs::readRegular(st.certPath, 1 << 20);
        const auto certs = pem ? certsFromPem(*pem) : std::vector<Cert>();
        const int64_t now = static_cast<int64_t>(std::time(nullptr));
        const int64_t left = certs.empty() ? -1 : (certInfo(certs.front().get()).notAfter - now) / 86400;
        result["daysLeft"] = left;
        if (!certs.empty() && left >= days) {
            result["result"] = "skipped";
            results.push_back(result);
            continue;
        }
        try {
            if (!installError.empty())
                throw RpcError(nginx::kNotInstalled, installError);
            RequestOptions o;
            o.domain = meta.value("site", name);
            o.directory = meta.value("directory", "");
            o.email = meta.value("email", "");
            o.challenge = meta.value("challenge", "http-01");
            o.dns = meta.value("dns", json::object());
            if (o.challenge == "dns-01")
                o.dns = dnsSettings(o.domain); // with the TSIG secret
            const json r = requestCertificate(in, o, [&](const std::string &stage, const json &) {
                logLine(name + ": " + stage);
            }, &cancel);
            result["result"] = "renewed";
            result["notAfter"] = r.value("notAfter", int64_t(0));
            ++renewed;
        } catch (const RpcError &e) {
            result["result"] = "failed";
            result["error"] = e.message;
            result["code"] = e.code;
            ++failed;
        } catch (const std::exception &e) {
            result["result"] = "failed";
            result["error"] = e.what();
            ++failed;
        }
        logLine(name + ": " + result["result"].get<std::string>()
                + (result.contains("error") ? " (" + result["error"].get<std::string>() + ")" : ""));
        meta = readMeta(st); // a renewal rewrote it
        if (!meta.is_object())
            meta = json::object();
        meta["lastRun"] = now;
        meta["lastResult"] = result["result"];
        if (result.contains("error"))
            meta["lastError"] = result["error"];
        else
            meta.erase("lastError");
        try {
            writeMeta(st, meta);
        } catch (const std::exception &) {
        }
        results.push_back(result);
    }
    json run = {{"time", started}, {"days", days}, {"checked", results.size()}, {"renewed", renewed},
                {"failed", failed}, {"results", results}};
    if (!installError.empty())
        run["error"] = installError;
    try {
        appendRun(dir, run);
    } catch (const std::exception &e) {
        logLine(std::string("cannot record the run: ") + e.what());
    }
    ::close(lock);
    return installError.empty() ? 0 : 1;
}

} // namespace qwqhelper::acme
