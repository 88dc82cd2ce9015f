// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspectview.h"

#include <core/core/redact.h>

#include <QJsonArray>
#include <QJsonDocument>

namespace Qwq::Containers {

namespace {
QString mask()
{
    return QString::fromUtf16(Redact::kMask);
}

EnvEntry envEntry(const QString &item)
{
    const qsizetype eq = item.indexOf(QLatin1Char('='));
    EnvEntry e;
    e.key = eq < 0 ? item : item.left(eq);
    e.value = eq < 0 ? QString() : item.mid(eq + 1);
    if (!e.value.isEmpty()
        && (Redact::isSecretKey(e.key) || Redact::maskLikelySecrets(e.value) != e.value)) {
        e.value = mask();
        e.masked = true;
    }
    return e;
}

QJsonArray maskedEnv(const QJsonArray &env)
{
    QJsonArray out;
    for (const QJsonValue &v : env) {
        const EnvEntry e = envEntry(v.toString());
        out.append(v.toString().contains(QLatin1Char('=')) ? e.key + QLatin1Char('=') + e.value : e.key);
    }
    return out;
}
} // namespace

QList<EnvEntry> environmentOf(const QJsonObject &inspect)
{
    QList<EnvEntry> out;
    const QJsonArray env = inspect.value(QLatin1String("Config")).toObject().value(QLatin1String("Env")).toArray();
    for (const QJsonValue &v : env)
        out << envEntry(v.toString());
    return out;
}

QJsonObject redactedInspect(const QJsonObject &inspect)
{
    QJsonObject o = inspect;
    QJsonObject config = o.value(QLatin1String("Config")).toObject();
    if (config.contains(QLatin1String("Env"))) {
        config.insert(QStringLiteral("Env"), maskedEnv(config.value(QLatin1String("Env")).toArray()));
        o.insert(QStringLiteral("Config"), config);
    }
    return Redact::maskJson(o).toObject();
}

QString inspectSummaryForAi(const QJsonObject &inspect)
{
    const QJsonObject r = redactedInspect(inspect);
    const QJsonObject config = r.value(QLatin1String("Config")).toObject();
    const QJsonObject host = r.value(QLatin1String("HostConfig")).toObject();
    QJsonObject s;
    s.insert(QStringLiteral("Name"), r.value(QLatin1String("Name")));
    s.insert(QStringLiteral("State"), r.value(QLatin1String("State")));
    s.insert(QStringLiteral("RestartCount"), r.value(QLatin1String("RestartCount")));
    QJsonObject c;
    for (const char *k : {"Image", "Cmd", "Entrypoint", "User", "WorkingDir", "ExposedPorts", "Healthcheck", "Env"}) {
        if (config.contains(QLatin1String(k)))
            c.insert(QLatin1String(k), config.value(QLatin1String(k)));
    }
    s.insert(QStringLiteral("Config"), c);
    QJsonObject h;
    for (const char *k : {"RestartPolicy", "NetworkMode", "PortBindings", "Memory", "NanoCpus", "Privileged",
                          "CapAdd", "Binds"}) {
        if (host.contains(QLatin1String(k)))
            h.insert(QLatin1String(k), host.value(QLatin1String(k)));
    }
    s.insert(QStringLiteral("HostConfig"), h);
    s.insert(QStringLiteral("Mounts"), r.value(QLatin1String("Mounts")));
    return QString::fromUtf8(QJsonDocument(s).toJson(QJsonDocument::Indented));
}

} // namespace Qwq::Containers
