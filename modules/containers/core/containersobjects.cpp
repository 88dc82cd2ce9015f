// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// ContainersService: creating volumes and networks, connecting containers to networks, and
// moving images as tar files (images.save / load / import).
#include "containersservice.h"

#include "containerstr.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QRegularExpression>

namespace Qwq::Containers {

namespace {
Error badField(const QString &field, const QString &message)
{
    return Error(ErrorCode::InvalidParam, message, {}, {}, field);
}

template<typename T>
QFuture<Result<T>> failed(const Error &e)
{
    return QtFuture::makeReadyFuture(Result<T>(e));
}

bool isValidDriver(const QString &driver)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,127}$"));
    return re.match(driver).hasMatch();
}
} // namespace

Result<QJsonObject> ContainersService::parseLabels(const QString &text)
{
    QJsonObject labels;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return badField(QStringLiteral("labels"),
                            Tr::tr("Label line %1 is not “key=value”: %2").arg(i + 1).arg(line));
        labels.insert(line.left(eq).trimmed(), line.mid(eq + 1).trimmed());
    }
    return labels;
}

Result<void> ContainersService::checkNetworkSpec(const NetworkSpec &spec)
{
    if (!isValidContainerRef(spec.name))
        return badField(QStringLiteral("name"),
                        Tr::tr("“%1” is not a valid network name: use letters, digits, “_”, “.” and “-”, "
                               "starting with a letter or digit").arg(spec.name));
    if (!spec.driver.isEmpty() && !isValidDriver(spec.driver))
        return badField(QStringLiteral("driver"), Tr::tr("“%1” is not a valid driver name").arg(spec.driver));
    if (spec.subnet.isEmpty()) {
        if (!spec.gateway.isEmpty())
            return badField(QStringLiteral("gateway"), Tr::tr("A gateway needs a subnet"));
        return {};
    }
    const auto subnet = QHostAddress::parseSubnet(spec.subnet);
    if (subnet.first.isNull() || !spec.subnet.contains(QLatin1Char('/')))
        return badField(QStringLiteral("subnet"),
                        Tr::tr("“%1” is not a subnet: write it as an address and a prefix length, "
                               "e.g. 172.30.0.0/16").arg(spec.subnet));
    if (!spec.gateway.isEmpty()) {
        const QHostAddress gw(spec.gateway);
        if (gw.isNull())
            return badField(QStringLiteral("gateway"), Tr::tr("“%1” is not an IP address").arg(spec.gateway));
        if (!gw.isInSubnet(subnet))
            return badField(QStringLiteral("gateway"),
                            Tr::tr("The gateway %1 is not in the subnet %2").arg(spec.gateway, spec.subnet));
    }
    return {};
}

QFuture<Result<VolumeInfo>> ContainersService::createVolume(const QString &name, const QString &driver,
                                                            const QJsonObject &labels,
                                                            Helper::CallOptions options)
{
    if (!name.isEmpty() && !isValidVolumeName(name))
        return failed<VolumeInfo>(badField(QStringLiteral("name"),
                                           Tr::tr("“%1” is not a valid volume name: use letters, digits, “_”, “.” "
                                                  "and “-”, starting with a letter or digit").arg(name)));
    if (!driver.isEmpty() && !isValidDriver(driver))
        return failed<VolumeInfo>(badField(QStringLiteral("driver"), Tr::tr("“%1” is not a valid driver name").arg(driver)));
    QJsonObject params;
    if (!name.isEmpty())
        params.insert(QStringLiteral("name"), name);
    if (!driver.isEmpty())
        params.insert(QStringLiteral("driver"), driver);
    if (!labels.isEmpty())
        params.insert(QStringLiteral("labels"), labels);
    return call(QStringLiteral("volumes.create"), params, {}, options)
        .then(this, [](const Result<QJsonValue> &r) -> Result<VolumeInfo> {
            if (!r)
                return r.error();
            return VolumeInfo::fromJson(r->toObject().value(QLatin1String("volume")).toObject());
        });
}

QFuture<Result<QJsonObject>> ContainersService::createNetwork(const NetworkSpec &spec, Helper::CallOptions options)
{
    if (const Result<void> ok = checkNetworkSpec(spec); !ok)
        return failed<QJsonObject>(ok.error());
    QJsonObject params{{QStringLiteral("name"), spec.name},
                       {QStringLiteral("internal"), spec.internal},
                       {QStringLiteral("attachable"), spec.attachable}};
    if (!spec.driver.isEmpty())
        params.insert(QStringLiteral("driver"), spec.driver);
    if (!spec.subnet.isEmpty())
        params.insert(QStringLiteral("subnet"), spec.subnet);
    if (!spec.gateway.isEmpty())
        params.insert(QStringLiteral("gateway"), spec.gateway);
    if (!spec.labels.isEmpty())
        params.insert(QStringLiteral("labels"), spec.labels);
    return call(QStringLiteral("networks.create"), params, {}, options)
        .then(this, [](const Result<QJsonValue> &r) -> Result<QJsonObject> {
            if (!r)
                return r.error();
            return r->toObject();
        });
}

QFuture<Result<QJsonValue>> ContainersService::connectNetwork(const QString &network, const QString &container,
                                                              const QStringList &aliases,
                                                              Helper::CallOptions options)
{
    if (!isValidContainerRef(network))
        return fail(badField(QStringLiteral("network"), Tr::tr("“%1” is not a network name or id").arg(network)));
    if (!isValidContainerRef(container))
        return fail(badField(QStringLiteral("container"), Tr::tr("“%1” is not a container name or id").arg(container)));
    for (const QString &a : aliases) {
        if (!isValidContainerRef(a))
            return fail(badField(QStringLiteral("aliases"),
                                 Tr::tr("“%1” is not a valid alias: use letters, digits, “_”, “.” and “-”, "
                                        "starting with a letter or digit").arg(a)));
    }
    QJsonObject params{{QStringLiteral("network"), network}, {QStringLiteral("container"), container}};
    if (!aliases.isEmpty())
        params.insert(QStringLiteral("aliases"), QJsonArray::fromStringList(aliases));
    return call(QStringLiteral("networks.connect"), params, {}, options);
}

QFuture<Result<QJsonValue>> ContainersService::disconnectNetwork(const QString &network, const QString &container,
                                                                 bool force, Helper::CallOptions options)
{
    if (!isValidContainerRef(network))
        return fail(badField(QStringLiteral("network"), Tr::tr("“%1” is not a network name or id").arg(network)));
    if (!isValidContainerRef(container))
        return fail(badField(QStringLiteral("container"), Tr::tr("“%1” is not a container name or id").arg(container)));
    return call(QStringLiteral("networks.disconnect"),
                {{QStringLiteral("network"), network}, {QStringLiteral("container"), container},
                 {QStringLiteral("force"), force}},
                {}, options);
}

QFuture<Result<QJsonValue>> ContainersService::saveImages(const QStringList &refs, SaveHandler onChunk)
{
    if (refs.isEmpty() || refs.size() > 64)
        return fail(badField(QStringLiteral("images"), Tr::tr("Choose 1 to 64 images to export")));
    for (const QString &ref : refs) {
        if (!isValidImageRef(ref))
            return fail(badField(QStringLiteral("images"),
                                                Tr::tr("“%1” is not a valid image reference").arg(ref)));
    }
    return call(QStringLiteral("images.save"), {{QStringLiteral("images"), QJsonArray::fromStringList(refs)}},
                [onChunk](const QJsonObject &n) {
                    const QJsonObject d = n.value(QLatin1String("data")).toObject();
                    onChunk(d.value(QLatin1String("offset")).toInteger(),
                            QByteArray::fromBase64(d.value(QLatin1String("b64")).toString().toLatin1()));
                });
}

Helper::HelperClient::Started ContainersService::startUpload(const QString &method, QJsonObject params,
                                                            MessageHandler onMessages,
                                                            ReceivedHandler onReceived)
{
    if (!m_helper)
        return {0, fail(Error(ErrorCode::ConnectionFailed, Tr::tr("Not connected")))};
    params.insert(QStringLiteral("upload"), true);
    return m_helper->start(method, params, [onMessages, onReceived](const QJsonObject &n) {
        const QJsonObject data = n.value(QLatin1String("data")).toObject();
        if (onReceived && data.contains(QLatin1String("received")))
            onReceived(qint64(data.value(QLatin1String("received")).toDouble()));
        QStringList messages;
        const QJsonArray list = data.value(QLatin1String("messages")).toArray();
        for (const QJsonValue &v : list)
            messages << v.toString();
        if (onMessages && !messages.isEmpty())
            onMessages(messages);
    });
}

bool ContainersService::sendInput(qint64 requestId, QByteArrayView bytes)
{
    return m_helper && m_helper->notifyRequest(requestId, QStringLiteral("$/input"),
                                               {{QStringLiteral("b64"),
                                                 QString::fromLatin1(bytes.toByteArray().toBase64())}});
}

bool ContainersService::endInput(qint64 requestId)
{
    return m_helper && m_helper->notifyRequest(requestId, QStringLiteral("$/input"), {{QStringLiteral("eof"), true}});
}

bool ContainersService::isRequestSent(qint64 requestId) const
{
    return m_helper && m_helper->isRequestSent(requestId);
}

} // namespace Qwq::Containers
