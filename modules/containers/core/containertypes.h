// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Qwq::Containers {

/// One port of a container as `containers.list` reports it; `publicPort` is -1 when the
/// port is not published.
struct PortBinding
{
    QString ip;
    int privatePort = 0;
    int publicPort = -1;
    QString type;
    bool operator==(const PortBinding &) const = default;
};

struct MountInfo
{
    QString type;
    QString name;
    QString source;
    QString destination;
    bool rw = true;
    bool operator==(const MountInfo &) const = default;
};

/// One row of `containers.list`. Everything here came from a server: show it as plain text.
struct Container
{
    QString id;
    QString name;
    QString image;
    QString imageId;
    QString command;
    QString state;    // Docker's: created, running, paused, restarting, removing, exited, dead
    QString status;   // "Up 2 hours"
    qint64 created = 0;
    QList<PortBinding> ports;
    QJsonObject labels;
    QString composeProject;
    QString composeService;
    QString composeWorkingDir;
    QStringList composeFiles;
    QStringList networks;
    QList<MountInfo> mounts;

    static Container fromJson(const QJsonObject &o);
    bool isRunning() const { return state == QLatin1String("running"); }
    /// "127.0.0.1:8080→80/tcp, 443/tcp" (published first, duplicates for v4/v6 merged).
    QString portsText() const;
    QString shortId() const { return id.left(12); }
    bool operator==(const Container &) const = default;
};

/// One `containers.stats` sample (computed by the helper as `docker stats` does).
struct ContainerStats
{
    double cpuPercent = 0;
    int onlineCpus = 0;
    qint64 memUsage = 0;
    qint64 memLimit = 0;
    double memPercent = 0;
    qint64 netRx = 0;
    qint64 netTx = 0;
    qint64 blockRead = 0;
    qint64 blockWrite = 0;
    int pids = 0;
    bool valid = false;

    static ContainerStats fromJson(const QJsonObject &o);
};

struct ImageInfo
{
    QString id;
    QStringList repoTags;
    QStringList repoDigests;
    bool dangling = false;
    qint64 created = 0;
    qint64 size = 0;
    int containers = -1;

    static ImageInfo fromJson(const QJsonObject &o);
    /// The first tag, else the short id: what removing this image takes.
    QString reference() const;
    bool operator==(const ImageInfo &) const = default;
};

struct VolumeInfo
{
    QString name;
    QString driver;
    QString mountpoint;
    QString createdAt;
    QString scope;
    QJsonObject labels;

    static VolumeInfo fromJson(const QJsonObject &o);
    bool operator==(const VolumeInfo &) const = default;
};

struct NetworkInfo
{
    QString id;
    QString name;
    QString driver;
    QString scope;
    bool internal = false;
    QStringList subnets;   // "172.18.0.0/16 via 172.18.0.1"
    QStringList containers; // names of the attached containers, where the daemon lists them

    static NetworkInfo fromJson(const QJsonObject &o);
    /// Docker's own networks (bridge, host, none) cannot be removed.
    bool isPredefined() const;
    bool operator==(const NetworkInfo &) const = default;
};

/// One layer's latest state during `images.pull`.
struct PullLayer
{
    QString id;
    QString status;
    qint64 current = 0;
    qint64 total = 0;
};

/// Options of a logs request (`containers.logs`).
struct LogOptions
{
    bool follow = true;
    int tail = 1000;          // -1: everything
    bool timestamps = false;
    qint64 since = -1;        // Unix seconds, -1: not set
    bool stdoutLines = true;
    bool stderrLines = true;
};

/// Local grammar checks, the same as the helper's (it checks again): names and ids of
/// containers and networks, volume names, image references. A name with `;`, `$()` or a
/// leading `-` never leaves the app.
bool isValidContainerRef(const QString &s);
bool isValidVolumeName(const QString &s);
bool isValidImageRef(const QString &s);

/// A tooltip for text that came from a server: Qt renders tooltips as rich text when they
/// look like HTML, so the text is escaped and wrapped (shown literally, line breaks kept).
QString plainToolTip(const QString &text);

/// "1.5 MB" with the locale's decimal point (SI units as Docker prints them).
QString formatBytes(qint64 bytes);

} // namespace Qwq::Containers
