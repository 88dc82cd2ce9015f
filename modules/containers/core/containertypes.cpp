// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "containertypes.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

namespace Qwq::Containers {

namespace {
QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &s : v.toArray())
        out << s.toString();
    return out;
}
} // namespace

Container Container::fromJson(const QJsonObject &o)
{
    Container c;
    c.id = str(o, "id");
    c.name = str(o, "name");
    c.image = str(o, "image");
    c.imageId = str(o, "imageId");
    c.command = str(o, "command");
    c.state = str(o, "state");
    c.status = str(o, "status");
    c.created = o.value(QLatin1String("created")).toInteger();
    for (const QJsonValue &v : o.value(QLatin1String("ports")).toArray()) {
        const QJsonObject p = v.toObject();
        PortBinding b;
        b.ip = str(p, "ip");
        b.privatePort = p.value(QLatin1String("privatePort")).toInt();
        b.publicPort = p.value(QLatin1String("publicPort")).toInt(-1);
        b.type = str(p, "type");
        c.ports << b;
    }
    c.labels = o.value(QLatin1String("labels")).toObject();
    const QJsonObject compose = o.value(QLatin1String("compose")).toObject();
    c.composeProject = str(compose, "project");
    c.composeService = str(compose, "service");
    c.composeWorkingDir = str(compose, "workingDir");
    c.composeFiles = strings(compose.value(QLatin1String("configFiles")));
    for (const QJsonValue &v : o.value(QLatin1String("networks")).toArray())
        c.networks << str(v.toObject(), "name");
    for (const QJsonValue &v : o.value(QLatin1String("mounts")).toArray()) {
        const QJsonObject m = v.toObject();
        c.mounts << MountInfo{str(m, "type"), str(m, "name"), str(m, "source"),
                              str(m, "destination"), m.value(QLatin1String("rw")).toBool(true)};
    }
    return c;
}

QString Container::portsText() const
{
    QStringList published;
    QStringList exposed;
    for (const PortBinding &p : ports) {
        const QString proto = p.type.isEmpty() ? QStringLiteral("tcp") : p.type;
        if (p.publicPort > 0) {
            // Docker lists 0.0.0.0 and :: separately for one binding: show it once.
            const QString ip = p.ip == QLatin1String("::") ? QStringLiteral("0.0.0.0") : p.ip;
            const QString s = QStringLiteral("%1:%2→%3/%4").arg(ip).arg(p.publicPort).arg(p.privatePort).arg(proto);
            if (!published.contains(s))
                published << s;
        } else {
            const QString s = QStringLiteral("%1/%2").arg(p.privatePort).arg(proto);
            if (!exposed.contains(s))
                exposed << s;
        }
    }
    return (published + exposed).join(QStringLiteral(", "));
}

ContainerStats ContainerStats::fromJson(const QJsonObject &o)
{
    ContainerStats s;
    s.valid = o.contains(QLatin1String("cpuPercent"));
    s.cpuPercent = o.value(QLatin1String("cpuPercent")).toDouble();
    s.onlineCpus = o.value(QLatin1String("onlineCpus")).toInt();
    const QJsonObject mem = o.value(QLatin1String("memory")).toObject();
    s.memUsage = mem.value(QLatin1String("usage")).toInteger();
    s.memLimit = mem.value(QLatin1String("limit")).toInteger();
    s.memPercent = mem.value(QLatin1String("percent")).toDouble();
    const QJsonObject net = o.value(QLatin1String("net")).toObject();
    s.netRx = net.value(QLatin1String("rxBytes")).toInteger();
    s.netTx = net.value(QLatin1String("txBytes")).toInteger();
    const QJsonObject block = o.value(QLatin1String("block")).toObject();
    s.blockRead = block.value(QLatin1String("readBytes")).toInteger();
    s.blockWrite = block.value(QLatin1String("writeBytes")).toInteger();
    s.pids = o.value(QLatin1String("pids")).toInt();
    return s;
}

ImageInfo ImageInfo::fromJson(const QJsonObject &o)
{
    ImageInfo i;
    i.id = str(o, "id");
    i.repoTags = strings(o.value(QLatin1String("repoTags")));
    i.repoDigests = strings(o.value(QLatin1String("repoDigests")));
    i.dangling = o.value(QLatin1String("dangling")).toBool();
    i.created = o.value(QLatin1String("created")).toInteger();
    i.size = o.value(QLatin1String("size")).toInteger();
    i.containers = o.value(QLatin1String("containers")).toInt(-1);
    return i;
}

QString ImageInfo::reference() const
{
    if (!repoTags.isEmpty())
        return repoTags.constFirst();
    return id;
}

VolumeInfo VolumeInfo::fromJson(const QJsonObject &o)
{
    return VolumeInfo{str(o, "name"), str(o, "driver"), str(o, "mountpoint"), str(o, "createdAt"),
                      str(o, "scope"), o.value(QLatin1String("labels")).toObject()};
}

NetworkInfo NetworkInfo::fromJson(const QJsonObject &o)
{
    NetworkInfo n;
    n.id = str(o, "id");
    n.name = str(o, "name");
    n.driver = str(o, "driver");
    n.scope = str(o, "scope");
    n.internal = o.value(QLatin1String("internal")).toBool();
    for (const QJsonValue &v : o.value(QLatin1String("subnets")).toArray()) {
        const QJsonObject s = v.toObject();
        const QString gw = str(s, "gateway");
        n.subnets << (gw.isEmpty() ? str(s, "subnet") : QStringLiteral("%1 via %2").arg(str(s, "subnet"), gw));
    }
    for (const QJsonValue &v : o.value(QLatin1String("containers")).toArray()) {
        const QJsonObject c = v.toObject();
        const QString name = str(c, "name");
        n.containers << (name.isEmpty() ? str(c, "id") : name);
    }
    return n;
}

bool NetworkInfo::isPredefined() const
{
    return name == QLatin1String("bridge") || name == QLatin1String("host") || name == QLatin1String("none");
}

bool isValidContainerRef(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$"));
    return re.match(s).hasMatch();
}

bool isValidVolumeName(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[a-zA-Z0-9][a-zA-Z0-9_.-]{1,254}$"));
    return re.match(s).hasMatch();
}

bool isValidImageRef(const QString &s)
{
    if (s.isEmpty() || s.size() > 255)
        return false;
    static const QRegularExpression id(QStringLiteral("^(sha256:)?[0-9a-f]{12,64}$"));
    if (id.match(s).hasMatch())
        return true;
    static const QRegularExpression ref(QStringLiteral(
        "^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
        "(?::[0-9]{1,5})?)/)?"
        "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
        "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$"));
    return ref.match(s).hasMatch();
}

QString plainToolTip(const QString &text)
{
    if (text.isEmpty())
        return {};
    return QStringLiteral("<p style='white-space:pre-wrap'>%1</p>").arg(text.toHtmlEscaped());
}

QString formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

} // namespace Qwq::Containers
