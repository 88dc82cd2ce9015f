// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Qwq::Monitor {

struct Filesystem
{
    QString device;
    QString mount;
    QString type;
    qint64 total = 0;
    qint64 used = 0;
    qint64 available = 0;
    bool readOnly = false;
    double usedPercent() const { return total > 0 ? 100.0 * double(used) / double(total) : 0; }
};

/// `system.info` as typed values. Parsing is strict about shape: a missing section is an
/// error naming it (a helper of another version), never a silent zero.
struct SystemInfo
{
    QString hostname;
    QString osName;
    QString kernel;
    QString arch;
    QString cpuModel;
    int cpuCores = 0;
    qint64 memTotal = 0;
    qint64 memAvailable = 0;
    qint64 memUsed = 0;
    qint64 swapTotal = 0;
    qint64 swapUsed = 0;
    QList<Filesystem> filesystems;
    qint64 uptimeSeconds = 0;
    double load[3] = {0, 0, 0};

    static Result<SystemInfo> fromJson(const QJsonObject &o);
};

/// One `metrics.watch` sample.
struct MetricsSample
{
    qint64 time = 0;
    double cpuPercent = -1;   // -1 until the helper has two readings
    qint64 memUsed = 0;
    qint64 memTotal = 0;
    qint64 rxBytes = 0;
    qint64 txBytes = 0;
    double load1 = 0;

    static MetricsSample fromJson(const QJsonObject &data);
};

/// "1.5 GiB", "512 MiB" (binary units, locale digits).
QString formatBytes(qint64 bytes);
/// "3 d 4 h", "5 h 12 min", "42 min" — translated.
QString formatUptime(qint64 seconds);

} // namespace Qwq::Monitor
