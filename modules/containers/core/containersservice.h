// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "containertypes.h"

#include <core/core/result.h>
#include <helper/core/helperclient.h>

#include <QFuture>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <functional>

namespace Qwq::Containers {

/// The containers, images, volumes and networks of one server, on top of its HelperClient
/// (`containers.*`, `images.*`, `volumes.*`, `networks.*` in remote-helper/PROTOCOL.md).
/// Lives in the GUI thread; every call returns a future and never blocks. Names are checked
/// against the helper's grammars before anything is sent (InvalidParam naming the field).
/// Streams (logs, stats, pull progress) call their handler on the GUI thread and end with
/// the returned future: cancel that future to stop them (it reaches the helper as $/cancel).
/// Without a helper (not connected) every call resolves with ConnectionFailed.
class ContainersService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainersService)
public:
    explicit ContainersService(Helper::HelperClient *helper = nullptr, QObject *parent = nullptr);

    void setHelper(Helper::HelperClient *helper) { m_helper = helper; }
    Helper::HelperClient *helper() const { return m_helper; }

    QFuture<Result<QList<Container>>> list(bool all = true);
    /// Docker's inspect object, unchanged (it holds secrets: redact before showing or sending).
    QFuture<Result<QJsonObject>> inspect(const QString &id);
    /// `containers.<verb>` for start, stop, restart, kill, pause, unpause and remove with
    /// `extra` params (timeout, signal, force, volumes). Confirmation follows the client's
    /// policy unless `options.confirmed`.
    QFuture<Result<QJsonValue>> action(const QString &verb, const QString &id,
                                       const QJsonObject &extra = {},
                                       Helper::CallOptions options = {});

    /// One batch of log lines of one stream, in order.
    using LogHandler = std::function<void(bool isStderr, const QJsonArray &lines)>;
    QFuture<Result<QJsonValue>> logs(const QString &id, const LogOptions &options,
                                     LogHandler onLines);
    using StatsHandler = std::function<void(const ContainerStats &stats)>;
    QFuture<Result<QJsonValue>> stats(const QString &id, StatsHandler onSample);

    QFuture<Result<QList<ImageInfo>>> images();
    QFuture<Result<QJsonValue>> removeImage(const QString &ref, bool force,
                                            Helper::CallOptions options = {});
    /// `images.prune`; with `dryRun` nothing changes and the answer lists what would go and
    /// `spaceReclaimable` (a dry run needs no confirmation: it is sent as confirmed and not
    /// audited, since it changes nothing).
    QFuture<Result<QJsonObject>> pruneImages(bool all, bool dryRun, Helper::CallOptions options = {});
    using PullHandler = std::function<void(const QList<PullLayer> &layers, const QStringList &messages)>;
    QFuture<Result<QJsonValue>> pullImage(const QString &ref, PullHandler onProgress,
                                          Helper::CallOptions options = {});

    QFuture<Result<QList<VolumeInfo>>> volumes();
    QFuture<Result<QJsonValue>> removeVolume(const QString &name, Helper::CallOptions options = {});
    QFuture<Result<QJsonObject>> pruneVolumes(bool all, bool dryRun, Helper::CallOptions options = {});

    QFuture<Result<QList<NetworkInfo>>> networks();
    QFuture<Result<QJsonValue>> removeNetwork(const QString &name, Helper::CallOptions options = {});

    // --- create, connect, save, load (containersobjects.cpp) ---
    /// `volumes.create`; every field optional (no name: Docker makes an anonymous one).
    QFuture<Result<VolumeInfo>> createVolume(const QString &name, const QString &driver,
                                             const QJsonObject &labels, Helper::CallOptions options = {});
    struct NetworkSpec
    {
        QString name;
        QString driver = QStringLiteral("bridge");
        bool internal = false;
        bool attachable = false;
        QString subnet;
        QString gateway;
        QJsonObject labels;
    };
    /// The helper's rules for `networks.create`, checked before sending: InvalidParam naming
    /// `name`, `driver`, `subnet` or `gateway` (a gateway needs a subnet and must lie in it).
    static Result<void> checkNetworkSpec(const NetworkSpec &spec);
    /// "key=value" lines (blank lines skipped) → labels; InvalidParam `labels` naming the line.
    static Result<QJsonObject> parseLabels(const QString &text);
    /// `networks.create`: `{"id", "name", "warning"}`.
    QFuture<Result<QJsonObject>> createNetwork(const NetworkSpec &spec, Helper::CallOptions options = {});
    QFuture<Result<QJsonValue>> connectNetwork(const QString &network, const QString &container,
                                               const QStringList &aliases, Helper::CallOptions options = {});
    QFuture<Result<QJsonValue>> disconnectNetwork(const QString &network, const QString &container, bool force,
                                                  Helper::CallOptions options = {});
    /// `images.save` (secret-read): the tar arrives in order as (offset, bytes) chunks; the
    /// result holds `bytes` and `sha256` of the whole tar. Cancel the returned future itself
    /// (not one made with .then()) to stop it: that sends $/cancel.
    using SaveHandler = std::function<void(qint64 offset, const QByteArray &bytes)>;
    QFuture<Result<QJsonValue>> saveImages(const QStringList &refs, SaveHandler onChunk);
    /// Starts `images.load` or `images.import` with `"upload": true` added to `params`; the tar
    /// then goes with sendInput()/endInput() (ImageUpload does that from a file). Docker's
    /// messages go to `onMessages`. `id` is 0 when it was refused before it was sent.
    using MessageHandler = std::function<void(const QStringList &messages)>;
    /// `onReceived` gets the helper's count of upload bytes it has passed on (flow control).
    using ReceivedHandler = std::function<void(qint64 bytes)>;
    Helper::HelperClient::Started startUpload(const QString &method, QJsonObject params,
                                              MessageHandler onMessages, ReceivedHandler onReceived = {});
    bool sendInput(qint64 requestId, QByteArrayView bytes);
    bool endInput(qint64 requestId);
    bool isRequestSent(qint64 requestId) const;

    // --- compose (PROTOCOL.md "compose") ---
    /// `compose.list`: every project on the host (adopted from labels or managed by qwq).
    QFuture<Result<QJsonArray>> composeProjects();
    /// `compose.<verb>` for up, down, restart, stop, start and pull on `project`; output lines
    /// go to `onOutput` (stderr lines flagged).
    QFuture<Result<QJsonValue>> composeAction(const QString &verb, const QString &project,
                                              const QJsonObject &extra = {},
                                              LogHandler onOutput = {}, Helper::CallOptions options = {});
    QFuture<Result<QJsonObject>> composeValidate(const QString &yaml, const QString &project);
    QFuture<Result<QJsonObject>> composeLint(const QString &yaml, const QString &project);
    /// `compose.files` (secret-read): the current files of a project.
    QFuture<Result<QJsonObject>> composeFiles(const QString &project, int version = 0);
    /// `compose.versions` of a project qwq manages, newest first.
    QFuture<Result<QJsonObject>> composeVersions(const QString &project);
    /// `compose.rollback`: deploys stored `version` again (as a new version).
    QFuture<Result<QJsonValue>> composeRollback(const QString &project, int version, LogHandler onOutput = {},
                                                Helper::CallOptions options = {});
    QFuture<Result<QJsonValue>> composeDeploy(const QString &project, const QString &yaml, bool acceptRisks,
                                              LogHandler onOutput = {}, Helper::CallOptions options = {});
    static bool isValidProjectName(const QString &name);

    // --- self-heal (PROTOCOL.md "Self-heal") ---
    QFuture<Result<QJsonObject>> selfhealStatus();
    /// Newest first; `project` empty for all.
    QFuture<Result<QJsonArray>> selfhealIncidents(const QString &project = {}, int limit = 100);
    /// Installs (or replaces) the watcher for `projects`; `scheduler` auto, systemd or cron.
    QFuture<Result<QJsonObject>> selfhealInstall(const QStringList &projects, int intervalSeconds,
                                                 const QString &scheduler = QStringLiteral("auto"));
    QFuture<Result<QJsonObject>> selfhealUninstall();

    /// Whether the connected helper offers `method` (e.g. compose.list, containers.exec).
    bool hasMethod(const QString &method) const;

private:
    QFuture<Result<QJsonValue>> call(const QString &method, const QJsonObject &params = {},
                                     Helper::HelperClient::StreamHandler onStream = {},
                                     Helper::CallOptions options = {});
    static QFuture<Result<QJsonValue>> fail(const Error &e);

    QPointer<Helper::HelperClient> m_helper;
};

/// Keeps one `containers.stats` stream per watched container and reports each sample.
/// The panel watches only the running containers it shows (at most `limit`), so a server
/// with hundreds of containers costs a few streams, not hundreds.
class StatsWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatsWatcher)
public:
    explicit StatsWatcher(ContainersService *service, QObject *parent = nullptr);
    ~StatsWatcher() override;

    /// Starts streams for new ids, cancels those no longer listed; ids past `limit()` are
    /// ignored.
    void setWatched(const QStringList &ids);
    QStringList watched() const { return m_streams.keys(); }
    void stopAll();
    int limit() const { return m_limit; }
    void setLimit(int limit) { m_limit = limit; }

signals:
    void sampled(const QString &id, const Qwq::Containers::ContainerStats &stats);
    /// A stream ended by itself (the container stopped or went away).
    void ended(const QString &id);

private:
    struct Stream
    {
        QFuture<Result<QJsonValue>> future;
        quint64 generation = 0;
    };
    ContainersService *m_service;
    QHash<QString, Stream> m_streams;
    quint64 m_generation = 0;
    int m_limit = 40;
};

} // namespace Qwq::Containers
