// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "systeminfo.h"

#include "monitortr.h"

#include <QJsonArray>
#include <QLocale>

namespace Qwq::Monitor {

namespace {
Error missing(const QString &field)
{
    return Error(ErrorCode::InvalidParams,
                 Tr::tr("The helper's answer has no “%1”; is it a different version?").arg(field),
                 {}, {}, field);
}
qint64 num(const QJsonObject &o, const char *key)
{
    return qint64(o.value(QLatin1String(key)).toDouble());
}
} // namespace

Result<SystemInfo> SystemInfo::fromJson(const QJsonObject &o)
{
    for (const char *key : {"hostname", "memory", "filesystems", "cpu", "load", "uptimeSeconds"}) {
        if (!o.contains(QLatin1String(key)))
            return missing(QLatin1String(key));
    }
    SystemInfo s;
    s.hostname = o.value(QStringLiteral("hostname")).toString();
    const QJsonObject os = o.value(QStringLiteral("os")).toObject();
    s.osName = os.value(QStringLiteral("prettyName")).toString();
    if (s.osName.isEmpty())
        s.osName = os.value(QStringLiteral("name")).toString();
    s.kernel = o.value(QStringLiteral("kernel")).toString();
    s.arch = o.value(QStringLiteral("arch")).toString();
    const QJsonObject cpu = o.value(QStringLiteral("cpu")).toObject();
    s.cpuModel = cpu.value(QStringLiteral("model")).toString();
    s.cpuCores = cpu.value(QStringLiteral("cores")).toInt();
    const QJsonObject mem = o.value(QStringLiteral("memory")).toObject();
    s.memTotal = num(mem, "total");
    s.memAvailable = num(mem, "available");
    s.memUsed = mem.contains(QStringLiteral("used")) ? num(mem, "used") : s.memTotal - s.memAvailable;
    const QJsonObject swap = o.value(QStringLiteral("swap")).toObject();
    s.swapTotal = num(swap, "total");
    s.swapUsed = swap.contains(QStringLiteral("used")) ? num(swap, "used")
                                                      : s.swapTotal - num(swap, "free");
    for (const QJsonValue &v : o.value(QStringLiteral("filesystems")).toArray()) {
        const QJsonObject f = v.toObject();
        Filesystem fs;
        fs.device = f.value(QStringLiteral("device")).toString();
        fs.mount = f.value(QStringLiteral("mount")).toString();
        fs.type = f.value(QStringLiteral("type")).toString();
        fs.total = num(f, "total");
        fs.used = num(f, "used");
        fs.available = num(f, "available");
        fs.readOnly = f.value(QStringLiteral("readOnly")).toBool();
        s.filesystems.append(fs);
    }
    s.uptimeSeconds = num(o, "uptimeSeconds");
    const QJsonArray load = o.value(QStringLiteral("load")).toArray();
    for (int i = 0; i < 3 && i < load.size(); ++i)
        s.load[i] = load.at(i).toDouble();
    return s;
}

MetricsSample MetricsSample::fromJson(const QJsonObject &d)
{
    MetricsSample m;
    m.time = num(d, "time");
    m.cpuPercent = d.value(QStringLiteral("cpuPercent")).toDouble(-1);
    const QJsonObject mem = d.value(QStringLiteral("memory")).toObject();
    m.memTotal = num(mem, "total");
    m.memUsed = mem.contains(QStringLiteral("used")) ? num(mem, "used")
                                                    : m.memTotal - num(mem, "available");
    const QJsonObject net = d.value(QStringLiteral("net")).toObject();
    m.rxBytes = num(net, "rxBytes");
    m.txBytes = num(net, "txBytes");
    const QJsonArray load = d.value(QStringLiteral("load")).toArray();
    m.load1 = load.isEmpty() ? 0 : load.at(0).toDouble();
    return m;
}

QString formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString formatUptime(qint64 s)
{
    const qint64 days = s / 86400;
    const qint64 hours = (s % 86400) / 3600;
    const qint64 minutes = (s % 3600) / 60;
    if (days > 0)
        return Tr::tr("%1 d %2 h").arg(days).arg(hours);
    if (hours > 0)
        return Tr::tr("%1 h %2 min").arg(hours).arg(minutes);
    return Tr::tr("%1 min").arg(minutes);
}

} // namespace Qwq::Monitor
