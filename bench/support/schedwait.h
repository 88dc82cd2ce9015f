// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// For the GUI benchmarks' lag probes: how long the calling thread has waited, in all, on the
// scheduler's run queue — runnable, but the CPU was given to another thread or process.
#pragma once

#include <QtGlobal>

#include <cstdio>

namespace QwqBench {

/// Microseconds the calling thread has spent runnable but not running (Linux:
/// /proc/thread-self/schedstat, second field, in ns), or -1 where that is not available.
/// A lag probe subtracts it from a gap between its ticks: what remains is the time the event
/// loop was really held — our code running, or waiting on something — and not the machine
/// running something else (on a 2-core bench machine the 50 sshd sessions and helpers, or the
/// flooding dockerd, that a real desktop would not run beside it).
inline qint64 runQueueWaitUs()
{
    FILE *f = std::fopen("/proc/thread-self/schedstat", "re");
    if (!f)
        return -1;
    unsigned long long onCpu = 0, waited = 0;
    const int n = std::fscanf(f, "%llu %llu", &onCpu, &waited);
    std::fclose(f);
    return n == 2 ? qint64(waited / 1000) : -1;
}

/// CPU time the hypervisor took from this virtual machine so far (the "steal" column of
/// /proc/stat's "cpu" line, summed over all CPUs), in clock ticks (USER_HZ, 10 ms here); 0 on
/// bare metal, -1 when unreadable. A guest sees steal only per CPU and in whole ticks, so it
/// cannot be subtracted from a gap exactly; it can tell which gaps it touched.
inline qint64 stealTicks()
{
    FILE *f = std::fopen("/proc/stat", "re");
    if (!f)
        return -1;
    unsigned long long v[8] = {};
    const int n = std::fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2], &v[3],
                              &v[4], &v[5], &v[6], &v[7]);
    std::fclose(f);
    return n == 8 ? qint64(v[7]) : -1;
}

} // namespace QwqBench
