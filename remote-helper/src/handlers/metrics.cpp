// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dispatch.h"
#include "handlers/handlers.h"
#include "hostfacts.h"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <sys/stat.h>

namespace qwqhelper {

using nlohmann::json;

namespace {

constexpr int64_t kMinIntervalMs = 200;
constexpr int64_t kMaxIntervalMs = 60000;

struct CpuTimes
{
    uint64_t busy = 0;
    uint64_t total = 0;
};

// The aggregate "cpu" line of /proc/stat; idle and iowait count as not busy.
CpuTimes readCpuTimes()
{
    const auto text = host::readFile("/proc/stat").value_or("");
    const auto parts = host::splitWhitespace(text.substr(0, text.find('\n')));
    CpuTimes t;
    if (parts.empty() || parts[0] != "cpu")
        return t;
    // user nice system idle iowait irq softirq steal (guest times are already in user/nice)
    for (std::size_t i = 1; i < parts.size() && i <= 8; ++i) {
        const uint64_t v = std::strtoull(parts[i].c_str(), nullptr, 10);
        t.total += v;
        if (i != 4 && i != 5)
            t.busy += v;
    }
    return t;
}

json networkTotals()
{
    uint64_t rx = 0;
    uint64_t tx = 0;
    const auto text = host::readFile("/proc/net/dev").value_or("");
    std::size_t start = 0;
    for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
        const std::string line = text.substr(start, end - start);
        const auto colon = line.find(':');
        if (colon == std::string::npos)
            continue; // the two header lines
        const auto name = host::splitWhitespace(line.substr(0, colon));
        if (name.empty() || name[0] == "lo")
            continue;
        const auto f = host::splitWhitespace(line.substr(colon + 1));
        if (f.size() >= 9) {
            rx += std::strtoull(f[0].c_str(), nullptr, 10);
            tx += std::strtoull(f[8].c_str(), nullptr, 10);
        }
    }
    return {{"rxBytes", rx}, {"txBytes", tx}};
}

// Whole disks only, so partitions are not counted twice: a name in /sys/block, minus the
// virtual devices (loop, ram, zram, device-mapper, md, nbd) stacked on real ones.
bool isWholeDisk(const std::string &name)
{
    for (const char *prefix : {"loop", "ram", "zram", "dm-", "md", "nbd", "sr"})
        if (name.rfind(prefix, 0) == 0)
            return false;
    struct stat st{};
    return ::stat(("/sys/block/" + name).c_str(), &st) == 0;
}

json diskTotals()
{
    uint64_t readSectors = 0;
    uint64_t writeSectors = 0;
    const auto text = host::readFile("/proc/diskstats").value_or("");
    std::size_t start = 0;
    for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
        // major minor name reads merged sectorsRead msRead writes merged sectorsWritten …
        const auto f = host::splitWhitespace(text.substr(start, end - start));
        if (f.size() < 10 || !isWholeDisk(f[2]))
            continue;
        readSectors += std::strtoull(f[5].c_str(), nullptr, 10);
        writeSectors += std::strtoull(f[9].c_str(), nullptr, 10);
    }
    // /proc/diskstats sectors are always 512 bytes, whatever the device's sector size.
    return {{"readBytes", readSectors * 512}, {"writeBytes", writeSectors * 512}};
}

json metricsWatch(const Params &params, const Context &context)
{
    const int64_t interval = params.intOr("intervalMs", 1000);
    if (interval < kMinIntervalMs || interval > kMaxIntervalMs)
        throw outOfRange("intervalMs", kMinIntervalMs, kMaxIntervalMs);

    CpuTimes previous = readCpuTimes();
    // Ends only by cancel ($/cancel, stdin EOF or the watchdog); the wait wakes at once then.
    while (!context.cancel.waitFor(std::chrono::milliseconds(interval))) {
        const CpuTimes now = readCpuTimes();
        const uint64_t total = now.total - previous.total;
        const uint64_t busy = now.busy - previous.busy;
        previous = now;
        const double cpu = (now.total > 0 && total > 0) ? 100.0 * double(busy) / double(total)
                                                          : 0.0;
        const json mem = host::memoryAndSwap();
        context.stream({{"time", static_cast<int64_t>(std::time(nullptr))},
                        {"cpuPercent", cpu},
                        {"memory", mem["memory"]},
                        {"swap", mem["swap"]},
                        {"load", host::loadAverage()},
                        {"net", networkTotals()},
                        {"disk", diskTotals()}});
    }
    throw cancelledError();
}

} // namespace

QWQ_STARTUP void registerMetricsMethods(Dispatcher &dispatcher)
{
    dispatcher.add("metrics.watch", Risk::Read, metricsWatch);
}

} // namespace qwqhelper
