// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverfacts.h"

#include <helper/core/helperclient.h>

#include <QJsonArray>
#include <QStringList>

namespace Qwq::Ai {

ServerFacts ServerFacts::from(const QString &profileName, const Helper::HelperInfo &info,
                              const QJsonObject &systemInfo)
{
    ServerFacts f;
    f.profileName = profileName;
    f.hostname = info.hostname;
    f.os = info.osPrettyName;
    f.kernel = info.kernel;
    f.arch = info.arch;
    f.user = info.userName;
    f.readOnly = info.readOnly;
    f.addSystemInfo(systemInfo);
    return f;
}

void ServerFacts::addSystemInfo(const QJsonObject &s)
{
    if (s.isEmpty())
        return;
    if (hostname.isEmpty())
        hostname = s.value(QStringLiteral("hostname")).toString();
    if (kernel.isEmpty())
        kernel = s.value(QStringLiteral("kernel")).toString();
    if (arch.isEmpty())
        arch = s.value(QStringLiteral("arch")).toString();
    if (s.contains(QStringLiteral("uptimeSeconds")))
        uptimeSeconds = qint64(s.value(QStringLiteral("uptimeSeconds")).toDouble());
    cpuCores = s.value(QStringLiteral("cpu")).toObject().value(QStringLiteral("cores")).toInt();
    const QJsonArray load = s.value(QStringLiteral("load")).toArray();
    if (!load.isEmpty())
        load1 = load.first().toDouble();
    const QJsonObject mem = s.value(QStringLiteral("memory")).toObject();
    memTotal = qint64(mem.value(QStringLiteral("total")).toDouble());
    memAvailable = qint64(mem.value(QStringLiteral("available")).toDouble());
}

QString ServerFacts::toContext(const QString &activePanel) const
{
    // Model-facing, so English and not translated.
    QStringList lines;
    lines << QStringLiteral("The server: \"%1\"%2.")
                 .arg(profileName,
                      hostname.isEmpty() || hostname == profileName
                          ? QString()
                          : QStringLiteral(" (host name %1)").arg(hostname));
    QStringList sys;
    if (!os.isEmpty())
        sys << os;
    if (!kernel.isEmpty())
        sys << QStringLiteral("kernel ") + kernel;
    if (!arch.isEmpty())
        sys << arch;
    if (!sys.isEmpty())
        lines << QStringLiteral("System: ") + sys.join(QStringLiteral(", ")) + QLatin1Char('.');
    if (!user.isEmpty())
        lines << QStringLiteral("The helper runs as %1.").arg(user);
    if (uptimeSeconds >= 0) {
        const qint64 d = uptimeSeconds / 86400, h = (uptimeSeconds % 86400) / 3600,
                     m = (uptimeSeconds % 3600) / 60;
        lines << QStringLiteral("Up %1 d %2 h %3 min.").arg(d).arg(h).arg(m);
    }
    if (cpuCores > 0 || load1 >= 0) {
        lines << QStringLiteral("%1 logical CPUs, load average (1 min) %2.")
                     .arg(cpuCores)
                     .arg(load1 >= 0 ? QString::number(load1, 'f', 2) : QStringLiteral("unknown"));
    }
    if (memTotal > 0)
        lines << QStringLiteral("Memory: %1 MiB of %2 MiB available.")
                     .arg(memAvailable / 1048576)
                     .arg(memTotal / 1048576);
    if (readOnly)
        lines << QStringLiteral("The profile is read-only.");
    if (!activePanel.isEmpty())
        lines << QStringLiteral("The user is looking at the \"%1\" panel.").arg(activePanel);
    return lines.join(QLatin1Char('\n'));
}

} // namespace Qwq::Ai
