// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "containersservice.h"

#include "containerstr.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Qwq::Containers {

namespace {
Error invalid(const QString &field, const QString &value)
{
    // Shown as plain text: the value may hold anything the user typed.
    return Error(ErrorCode::InvalidParam,
                 Tr::tr("“%1” is not a valid name: use letters, digits, “_”, “.” and “-”, "
                        "starting with a letter or digit").arg(value),
                 {}, {}, field);
}

template<typename T>
QFuture<Result<QList<T>>> mapList(QFuture<Result<QJsonValue>> f, QObject *ctx, const char *key)
{
    const QString k = QLatin1String(key);
    return f.then(ctx, [k](const Result<QJsonValue> &r) -> Result<QList<T>> {
        if (!r)
            return r.error();
        QList<T> out;
        const QJsonArray items = r->toObject().value(k).toArray();
        out.reserve(items.size());
        for (const QJsonValue &v : items)
            out << T::fromJson(v.toObject());
        return out;
    });
}

QFuture<Result<QJsonObject>> toObject(QFuture<Result<QJsonValue>> f, QObject *ctx)
{
    return f.then(ctx, [](const Result<QJsonValue> &r) -> Result<QJsonObject> {
        if (!r)
            return r.error();
        return r->toObject();
    });
}
} // namespace

ContainersService::ContainersService(Helper::HelperClient *helper, QObject *parent)
    : QObject(parent), m_helper(helper)
{}

QFuture<Result<QJsonValue>> ContainersService::fail(const Error &e)
{
    return QtFuture::makeReadyFuture(Result<QJsonValue>(e));
}

QFuture<Result<QJsonValue>> ContainersService::call(const QString &method, const QJsonObject &params,
                                                    Helper::HelperClient::StreamHandler onStream,
                                                    Helper::CallOptions options)
{
    if (!m_helper)
        return fail(Error(ErrorCode::ConnectionFailed, Tr::tr("Not connected")));
    return m_helper->call(method, params, std::move(onStream), options);
}

bool ContainersService::hasMethod(const QString &method) const
{
    return m_helper && m_helper->methods().contains(method);
}

QFuture<Result<QList<Container>>> ContainersService::list(bool all)
{
    return mapList<Container>(call(QStringLiteral("containers.list"), {{QStringLiteral("all"), all}}),
                              this, "containers");
}

QFuture<Result<QJsonObject>> ContainersService::inspect(const QString &id)
{
    if (!isValidContainerRef(id))
        return toObject(fail(invalid(QStringLiteral("id"), id)), this);
    QFuture<Result<QJsonValue>> f = call(QStringLiteral("containers.inspect"), {{QStringLiteral("id"), id}});
    return f.then(this, [](const Result<QJsonValue> &r) -> Result<QJsonObject> {
        if (!r)
            return r.error();
        return r->toObject().value(QLatin1String("container")).toObject();
    });
}

QFuture<Result<QJsonValue>> ContainersService::action(const QString &verb, const QString &id,
                                                      const QJsonObject &extra,
                                                      Helper::CallOptions options)
{
    static const QStringList verbs{QStringLiteral("start"), QStringLiteral("stop"), QStringLiteral("restart"),
                                   QStringLiteral("kill"), QStringLiteral("pause"), QStringLiteral("unpause"),
                                   QStringLiteral("remove")};
    if (!verbs.contains(verb))
        return fail(Error(ErrorCode::InvalidParam, Tr::tr("Unknown container action “%1”").arg(verb),
                          {}, {}, QStringLiteral("method")));
    if (!isValidContainerRef(id))
        return fail(invalid(QStringLiteral("id"), id));
    QJsonObject params = extra;
    params.insert(QStringLiteral("id"), id);
    return call(QStringLiteral("containers.") + verb, params, {}, options);
}

QFuture<Result<QJsonValue>> ContainersService::logs(const QString &id, const LogOptions &o,
                                                    LogHandler onLines)
{
    if (!isValidContainerRef(id))
        return fail(invalid(QStringLiteral("id"), id));
    QJsonObject params{{QStringLiteral("id"), id},
                       {QStringLiteral("follow"), o.follow},
                       {QStringLiteral("timestamps"), o.timestamps},
                       {QStringLiteral("stdout"), o.stdoutLines},
                       {QStringLiteral("stderr"), o.stderrLines}};
    if (o.tail >= 0)
        params.insert(QStringLiteral("tail"), o.tail);
    if (o.since >= 0)
        params.insert(QStringLiteral("since"), o.since);
    return call(QStringLiteral("containers.logs"), params, [onLines](const QJsonObject &n) {
        const QJsonArray runs = n.value(QLatin1String("data")).toObject().value(QLatin1String("runs")).toArray();
        for (const QJsonValue &v : runs) {
            const QJsonObject run = v.toObject();
            onLines(run.value(QLatin1String("stream")).toString() == QLatin1String("stderr"),
                    run.value(QLatin1String("lines")).toArray());
        }
    });
}

QFuture<Result<QJsonValue>> ContainersService::stats(const QString &id, StatsHandler onSample)
{
    if (!isValidContainerRef(id))
        return fail(invalid(QStringLiteral("id"), id));
    return call(QStringLiteral("containers.stats"), {{QStringLiteral("id"), id}, {QStringLiteral("stream"), true}},
                [onSample](const QJsonObject &n) {
                    onSample(ContainerStats::fromJson(n.value(QLatin1String("data")).toObject()));
                });
}

QFuture<Result<QList<ImageInfo>>> ContainersService::images()
{
    return mapList<ImageInfo>(call(QStringLiteral("images.list")), this, "images");
}

QFuture<Result<QJsonValue>> ContainersService::removeImage(const QString &ref, bool force,
                                                           Helper::CallOptions options)
{
    if (!isValidImageRef(ref))
        return fail(Error(ErrorCode::InvalidParam, Tr::tr("“%1” is not a valid image reference").arg(ref),
                          {}, {}, QStringLiteral("image")));
    return call(QStringLiteral("images.remove"), {{QStringLiteral("image"), ref}, {QStringLiteral("force"), force}},
                {}, options);
}

QFuture<Result<QJsonObject>> ContainersService::pruneImages(bool all, bool dryRun, Helper::CallOptions options)
{
    if (dryRun)
        options = Helper::CallOptions{true, true};
    return toObject(call(QStringLiteral("images.prune"), {{QStringLiteral("all"), all}, {QStringLiteral("dryRun"), dryRun}},
                         {}, options), this);
}

QFuture<Result<QJsonValue>> ContainersService::pullImage(const QString &ref, PullHandler onProgress,
                                                         Helper::CallOptions options)
{
    if (!isValidImageRef(ref))
        return fail(Error(ErrorCode::InvalidParam, Tr::tr("“%1” is not a valid image reference").arg(ref),
                          {}, {}, QStringLiteral("image")));
    return call(QStringLiteral("images.pull"), {{QStringLiteral("image"), ref}}, [onProgress](const QJsonObject &n) {
        const QJsonObject d = n.value(QLatin1String("data")).toObject();
        QList<PullLayer> layers;
        for (const QJsonValue &v : d.value(QLatin1String("layers")).toArray()) {
            const QJsonObject l = v.toObject();
            layers << PullLayer{l.value(QLatin1String("id")).toString(), l.value(QLatin1String("status")).toString(),
                                l.value(QLatin1String("current")).toInteger(), l.value(QLatin1String("total")).toInteger()};
        }
        QStringList messages;
        for (const QJsonValue &v : d.value(QLatin1String("messages")).toArray())
            messages << v.toString();
        onProgress(layers, messages);
    }, options);
}

QFuture<Result<QList<VolumeInfo>>> ContainersService::volumes()
{
    return mapList<VolumeInfo>(call(QStringLiteral("volumes.list")), this, "volumes");
}

QFuture<Result<QJsonValue>> ContainersService::removeVolume(const QString &name, Helper::CallOptions options)
{
    if (!isValidVolumeName(name))
        return fail(invalid(QStringLiteral("name"), name));
    return call(QStringLiteral("volumes.remove"), {{QStringLiteral("name"), name}}, {}, options);
}

QFuture<Result<QJsonObject>> ContainersService::pruneVolumes(bool all, bool dryRun, Helper::CallOptions options)
{
    if (dryRun)
        options = Helper::CallOptions{true, true};
    return toObject(call(QStringLiteral("volumes.prune"), {{QStringLiteral("all"), all}, {QStringLiteral("dryRun"), dryRun}},
                         {}, options), this);
}

QFuture<Result<QList<NetworkInfo>>> ContainersService::networks()
{
    return mapList<NetworkInfo>(call(QStringLiteral("networks.list")), this, "networks");
}

QFuture<Result<QJsonValue>> ContainersService::removeNetwork(const QString &name, Helper::CallOptions options)
{
    if (!isValidContainerRef(name))
        return fail(invalid(QStringLiteral("network"), name));
    return call(QStringLiteral("networks.remove"), {{QStringLiteral("network"), name}}, {}, options);
}

// --- compose --------------------------------------------------------------------------------

bool ContainersService::isValidProjectName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,62}$"));
    return re.match(name).hasMatch();
}

namespace {
Error badProject(const QString &name)
{
    return Error(ErrorCode::InvalidParam,
                 Tr::tr("“%1” is not a valid project name: use lower-case letters, digits, “_” and “-”, "
                        "starting with a letter or digit").arg(name),
                 {}, {}, QStringLiteral("project"));
}

Helper::HelperClient::StreamHandler outputHandler(ContainersService::LogHandler onOutput)
{
    if (!onOutput)
        return {};
    return [onOutput](const QJsonObject &n) {
        const QJsonObject d = n.value(QLatin1String("data")).toObject();
        QString text = d.value(QLatin1String("text")).toString();
        if (text.endsWith(QLatin1Char('\n')))
            text.chop(1);
        QJsonArray lines;
        for (const QString &l : text.split(QLatin1Char('\n')))
            lines.append(l);
        onOutput(d.value(QLatin1String("stream")).toString() == QLatin1String("stderr"), lines);
    };
}
} // namespace

QFuture<Result<QJsonArray>> ContainersService::composeProjects()
{
    return call(QStringLiteral("compose.list")).then(this, [](const Result<QJsonValue> &r) -> Result<QJsonArray> {
        if (!r)
            return r.error();
        return r->toObject().value(QLatin1String("projects")).toArray();
    });
}

QFuture<Result<QJsonValue>> ContainersService::composeAction(const QString &verb, const QString &project,
                                                             const QJsonObject &extra, LogHandler onOutput,
                                                             Helper::CallOptions options)
{
    static const QStringList verbs{QStringLiteral("up"), QStringLiteral("down"), QStringLiteral("restart"),
                                   QStringLiteral("stop"), QStringLiteral("start"), QStringLiteral("pull")};
    if (!verbs.contains(verb))
        return fail(Error(ErrorCode::InvalidParam, Tr::tr("Unknown compose action “%1”").arg(verb),
                          {}, {}, QStringLiteral("method")));
    if (!isValidProjectName(project))
        return fail(badProject(project));
    QJsonObject params = extra;
    params.insert(QStringLiteral("project"), project);
    return call(QStringLiteral("compose.") + verb, params, outputHandler(std::move(onOutput)), options);
}

QFuture<Result<QJsonObject>> ContainersService::composeValidate(const QString &yaml, const QString &project)
{
    QJsonObject params{{QStringLiteral("yaml"), yaml}};
    if (!project.isEmpty())
        params.insert(QStringLiteral("project"), project);
    return toObject(call(QStringLiteral("compose.validate"), params), this);
}

QFuture<Result<QJsonObject>> ContainersService::composeLint(const QString &yaml, const QString &project)
{
    QJsonObject params{{QStringLiteral("yaml"), yaml}};
    if (!project.isEmpty())
        params.insert(QStringLiteral("project"), project);
    return toObject(call(QStringLiteral("compose.lint"), params), this);
}

QFuture<Result<QJsonObject>> ContainersService::composeFiles(const QString &project, int version)
{
    if (!isValidProjectName(project))
        return toObject(fail(badProject(project)), this);
    QJsonObject params{{QStringLiteral("project"), project}};
    if (version > 0)
        params.insert(QStringLiteral("version"), version);
    return toObject(call(QStringLiteral("compose.files"), params), this);
}

QFuture<Result<QJsonObject>> ContainersService::composeVersions(const QString &project)
{
    if (!isValidProjectName(project))
        return toObject(fail(badProject(project)), this);
    return toObject(call(QStringLiteral("compose.versions"), {{QStringLiteral("project"), project}}), this);
}

QFuture<Result<QJsonObject>> ContainersService::selfhealStatus()
{
    return toObject(call(QStringLiteral("selfheal.status")), this);
}

QFuture<Result<QJsonArray>> ContainersService::selfhealIncidents(const QString &project, int limit)
{
    QJsonObject params{{QStringLiteral("limit"), qBound(1, limit, 1000)}};
    if (!project.isEmpty()) {
        if (!isValidProjectName(project))
            return fail(badProject(project)).then(this, [](const Result<QJsonValue> &r) -> Result<QJsonArray> {
                return r.error();
            });
        params.insert(QStringLiteral("project"), project);
    }
    return call(QStringLiteral("selfheal.incidents"), params)
        .then(this, [](const Result<QJsonValue> &r) -> Result<QJsonArray> {
            if (!r)
                return r.error();
            return r->toObject().value(QLatin1String("incidents")).toArray();
        });
}

QFuture<Result<QJsonObject>> ContainersService::selfhealInstall(const QStringList &projects, int intervalSeconds,
                                                                const QString &scheduler)
{
    for (const QString &p : projects) {
        if (!isValidProjectName(p))
            return toObject(fail(badProject(p)), this);
    }
    return toObject(call(QStringLiteral("selfheal.install"),
                         {{QStringLiteral("projects"), QJsonArray::fromStringList(projects)},
                          {QStringLiteral("intervalSeconds"), intervalSeconds},
                          {QStringLiteral("scheduler"), scheduler}}),
                    this);
}

QFuture<Result<QJsonObject>> ContainersService::selfhealUninstall()
{
    return toObject(call(QStringLiteral("selfheal.uninstall")), this);
}

QFuture<Result<QJsonValue>> ContainersService::composeDeploy(const QString &project, const QString &yaml,
                                                             bool acceptRisks, LogHandler onOutput,
                                                             Helper::CallOptions options)
{
    if (!isValidProjectName(project))
        return fail(badProject(project));
    return call(QStringLiteral("compose.deploy"),
                {{QStringLiteral("project"), project}, {QStringLiteral("yaml"), yaml},
                 {QStringLiteral("acceptRisks"), acceptRisks}},
                outputHandler(std::move(onOutput)), options);
}

QFuture<Result<QJsonValue>> ContainersService::composeRollback(const QString &project, int version,
                                                               LogHandler onOutput, Helper::CallOptions options)
{
    if (!isValidProjectName(project))
        return fail(badProject(project));
    if (version < 1)
        return fail(Error(ErrorCode::InvalidParam, Tr::tr("Choose a stored version to roll back to"), {}, {},
                          QStringLiteral("version")));
    return call(QStringLiteral("compose.rollback"),
                {{QStringLiteral("project"), project}, {QStringLiteral("version"), version}},
                outputHandler(std::move(onOutput)), options);
}

// --- StatsWatcher ---------------------------------------------------------------------------

StatsWatcher::StatsWatcher(ContainersService *service, QObject *parent)
    : QObject(parent), m_service(service)
{}

StatsWatcher::~StatsWatcher()
{
    stopAll();
}

void StatsWatcher::stopAll()
{
    for (auto &s : m_streams) {
        if (!s.future.isFinished())
            s.future.cancel();
    }
    m_streams.clear();
}

void StatsWatcher::setWatched(const QStringList &wanted)
{
    const QStringList ids = wanted.mid(0, m_limit);
    for (auto it = m_streams.begin(); it != m_streams.end();) {
        if (!ids.contains(it.key())) {
            if (!it->future.isFinished())
                it->future.cancel();
            it = m_streams.erase(it);
        } else {
            ++it;
        }
    }
    for (const QString &id : ids) {
        if (m_streams.contains(id))
            continue;
        QPointer<StatsWatcher> self(this);
        QFuture<Result<QJsonValue>> f = m_service->stats(id, [self, id](const ContainerStats &s) {
            if (self)
                emit self->sampled(id, s);
        });
        const quint64 gen = ++m_generation;
        m_streams.insert(id, Stream{f, gen});
        f.then(this, [this, id, gen](const Result<QJsonValue> &) {
            // Only when this is still the stream we keep for id (not a cancelled older one).
            const auto it = m_streams.constFind(id);
            if (it != m_streams.cend() && it->generation == gen) {
                m_streams.remove(id);
                emit ended(id);
            }
        });
    }
}

} // namespace Qwq::Containers
