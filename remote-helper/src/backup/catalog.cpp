// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "backup/catalog.h"

#include "backup/common.h"
#include "backup/format.h"
#include "fsutil.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <unistd.h>

namespace qwqhelper::backup {

using nlohmann::json;

namespace {

std::string stamp(int64_t time, const char *format)
{
    const time_t t = static_cast<time_t>(time);
    struct tm tm{};
    ::gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}

} // namespace

json listSnapshots(const std::string &destination, const std::optional<std::string> &policy)
{
    json list = json::array();
    const std::size_t suffix = std::strlen(kSuffix);
    for (const auto &name : fs::listDir(destination)) {
        if (name.size() <= suffix || name[0] == '.'
            || name.compare(name.size() - suffix, std::string::npos, kSuffix) != 0)
            continue;
        const std::string id = name.substr(0, name.size() - suffix);
        try {
            SnapshotReader r(destination + "/" + name);
            const std::string p = r.header().value("policy", std::string());
            if (policy && p != *policy)
                continue;
            list.push_back({{"snapshot", id}, {"policy", p},
                            {"time", r.header().value("time", int64_t(0))},
                            {"size", r.fileSize()},
                            {"bytes", r.trailer().value("bytes", uint64_t(0))},
                            {"files", r.trailer().value("files", uint64_t(0))},
                            {"entries", r.trailer().value("entries", uint64_t(0))},
                            {"encrypted", r.encrypted()}, {"damaged", false}});
        } catch (const RpcError &e) {
            if (policy && id.rfind(*policy + "-", 0) != 0)
                continue;
            list.push_back({{"snapshot", id}, {"damaged", true}, {"error", e.message}});
        }
    }
    std::sort(list.begin(), list.end(), [](const json &a, const json &b) {
        const int64_t ta = a.value("time", int64_t(0)), tb = b.value("time", int64_t(0));
        return ta != tb ? ta > tb : a["snapshot"].get<std::string>() > b["snapshot"].get<std::string>();
    });
    return list;
}

json pruneSnapshots(const std::string &destination, const std::string &policy,
                    const Retention &retention, bool dryRun)
{
    json all = listSnapshots(destination, policy);
    json keep = json::array(), remove = json::array(), damaged = json::array();
    std::string lastDay, lastWeek, lastMonth;
    int days = 0, weeks = 0, months = 0, index = 0;
    for (auto &s : all) {
        if (s.value("damaged", false)) {
            damaged.push_back(s["snapshot"]); // never removed by a rule: look at it first
            continue;
        }
        const int64_t t = s["time"].get<int64_t>();
        json reasons = json::array();
        if (index++ < retention.keepLast)
            reasons.push_back("last");
        const std::string day = stamp(t, "%Y-%m-%d"), week = stamp(t, "%G-W%V"),
                          month = stamp(t, "%Y-%m");
        if (day != lastDay && days < retention.keepDaily) {
            reasons.push_back("daily");
            ++days;
        }
        if (week != lastWeek && weeks < retention.keepWeekly) {
            reasons.push_back("weekly");
            ++weeks;
        }
        if (month != lastMonth && months < retention.keepMonthly) {
            reasons.push_back("monthly");
            ++months;
        }
        lastDay = day;
        lastWeek = week;
        lastMonth = month;
        json item = {{"snapshot", s["snapshot"]}, {"time", t}};
        if (reasons.empty()) {
            remove.push_back(item);
        } else {
            item["reasons"] = reasons;
            keep.push_back(item);
        }
    }
    json removed = json::array();
    if (!dryRun) {
        for (const auto &item : remove) {
            const std::string path = destination + "/" + item["snapshot"].get<std::string>() + kSuffix;
            if (::unlink(path.c_str()) != 0 && errno != ENOENT)
                throw ioError(errno, "destination", "cannot remove a snapshot", path);
            removed.push_back(item["snapshot"]);
        }
        const int dir = ::open(destination.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dir >= 0) {
            ::fsync(dir);
            ::close(dir);
        }
    }
    return {{"keep", keep}, {"remove", remove}, {"removed", removed}, {"damaged", damaged},
            {"dryRun", dryRun}};
}

} // namespace qwqhelper::backup
