// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "helperclient.h"

#include "helpertr.h"
#include "helpertransport.h"

#include <core/core/auditlog.h>
#include <core/core/errormessages.h>
#include <core/core/logging.h>
#include <core/core/redact.h>

#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPromise>

#include <utility>
#include <vector>

namespace Qwq::Helper {

namespace {
constexpr qsizetype kMaxLine = 16 * 1024 * 1024 + 1024;
constexpr int kPingMs = 20000;

QJsonValue jsonId(qint64 id) { return QJsonValue(double(id)); }
} // namespace

struct HelperClient::Pending
{
    QPromise<Result<QJsonValue>> promise;
    StreamHandler onStream;
    QString method;
    QJsonObject params;
    std::unique_ptr<QFutureWatcher<Result<QJsonValue>>> watcher;
    bool cancelSent = false;
    bool sent = false;
    bool audited = false; // the caller writes its own audit entry
    std::vector<QJsonObject> heldNotifications;   // input sent before the request itself
};

HelperClient::HelperClient(IHelperTransport *transport, QObject *parent)
    : QObject(parent), m_transport(transport), m_methods(MethodTable::embedded())
{
    m_transport->setParent(this);
    connect(m_transport, &IHelperTransport::received, this, &HelperClient::onReceived);
    connect(m_transport, &IHelperTransport::stderrReceived, this, [this](const QByteArray &d) {
        m_stderrBuffer += d;
        qsizetype nl;
        while ((nl = m_stderrBuffer.indexOf('\n')) >= 0) {
            emit stderrLine(QString::fromUtf8(m_stderrBuffer.left(nl)));
            m_stderrBuffer.remove(0, nl + 1);
        }
        if (m_stderrBuffer.size() > 64 * 1024)
            m_stderrBuffer.clear();
    });
    connect(m_transport, &IHelperTransport::closed, this, [this](const Error &reason) {
        if (m_closed)
            return;
        m_closed = true;
        m_ping.stop();
        failAll(reason);
        emit closed(reason);
    });
    m_ping.setInterval(kPingMs);
    connect(&m_ping, &QTimer::timeout, this, [this] {
        send(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                         {QStringLiteral("method"), QStringLiteral("$/ping")}});
    });
    m_ping.start();
}

HelperClient::~HelperClient()
{
    m_ping.stop();
    if (!m_closed) {
        m_closed = true;
        failAll(Error(ErrorCode::ConnectionFailed, Tr::tr("The connection was closed")));
    }
}

void HelperClient::setAudit(AuditLog *audit, const QString &serverId)
{
    m_audit = audit;
    m_serverId = serverId;
}

void HelperClient::close()
{
    if (!m_closed)
        m_transport->close();
}

void HelperClient::send(const QJsonObject &message)
{
    if (m_closed)
        return;
    QByteArray line = QJsonDocument(message).toJson(QJsonDocument::Compact);
    line += '\n';
    m_transport->write(line);
}

QFuture<Result<QJsonValue>> HelperClient::call(const QString &method, const QJsonObject &params,
                                               StreamHandler onStream, CallOptions options)
{
    return start(method, params, std::move(onStream), options).future;
}

bool HelperClient::notifyRequest(qint64 requestId, const QString &method, QJsonObject params)
{
    const auto p = m_pending.value(requestId);
    if (!p || p->cancelSent || m_closed || !method.startsWith(QLatin1String("$/")))
        return false;
    params.insert(QStringLiteral("id"), jsonId(requestId));
    const QJsonObject msg{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                          {QStringLiteral("method"), method},
                          {QStringLiteral("params"), params}};
    if (p->sent)
        send(msg);
    else
        p->heldNotifications.push_back(msg);
    return true;
}

bool HelperClient::isRequestSent(qint64 requestId) const
{
    const auto p = m_pending.value(requestId);
    return p && p->sent && !p->cancelSent && !m_closed;
}

HelperClient::Started HelperClient::start(const QString &method, const QJsonObject &params,
                                          StreamHandler onStream, CallOptions options)
{
    auto p = std::make_shared<Pending>();
    p->audited = options.audited;
    p->method = method;
    p->params = params;
    p->onStream = std::move(onStream);
    p->promise.start();
    QFuture<Result<QJsonValue>> future = p->promise.future();

    auto failNow = [&](const Error &e) {
        p->promise.addResult(Result<QJsonValue>(e));
        p->promise.finish();
        return Started{0, future};
    };
    if (m_closed)
        return failNow(Error(ErrorCode::ConnectionFailed, Tr::tr("Not connected")));
    const Risk r = m_methods.risk(method);
    if (m_readOnly && changesServer(r) && method != QLatin1String("initialize")) {
        Error e(ErrorCode::Forbidden,
                Tr::tr("“%1” changes the server, and this profile is read-only").arg(method),
                QStringLiteral("risk: %1").arg(riskName(r)), {}, QStringLiteral("method"));
        return failNow(e);
    }

    const qint64 id = m_nextId++;
    p->watcher = std::make_unique<QFutureWatcher<Result<QJsonValue>>>();
    connect(p->watcher.get(), &QFutureWatcherBase::canceled, this, [this, id] { cancel(id); });
    p->watcher->setFuture(future);
    m_pending.insert(id, p);

    if (options.confirmed || !needsConfirmation(method)) {
        dispatch(id, p);
        return {id, future};
    }
    CallPreview preview;
    preview.serverId = m_serverId;
    preview.method = method;
    preview.params = Redact::maskJson(params).toObject();
    preview.risk = r;
    preview.typed = r == Risk::Destructive || r == Risk::Unknown;
    preview.typedWord = m_typedWord.isEmpty() ? method : m_typedWord;
    if (!m_confirm) {
        finish(id, Error(ErrorCode::Forbidden,
                         Tr::tr("“%1” needs a confirmation, and nobody is there to give it").arg(method),
                         QStringLiteral("risk: %1").arg(riskName(r)), {}, QStringLiteral("method")));
        return {id, future};
    }
    m_confirm(preview).then(this, [this, id](bool yes) {
        const auto pending = m_pending.value(id);
        if (!pending)
            return;
        if (!yes)
            return finish(id, Error(ErrorCode::Cancelled,
                                    Tr::tr("“%1” was not confirmed; nothing was sent").arg(pending->method)));
        dispatch(id, pending);
    });
    return {id, future};
}

bool HelperClient::needsConfirmation(const QString &method) const
{
    // A name the helper's table lacks is not a method of this helper: it answers
    // "method not found" without doing anything, so there is nothing to confirm.
    if (!m_methods.contains(method) || method == QLatin1String("initialize"))
        return false;
    const Risk r = m_methods.risk(method);
    if (!changesServer(r))
        return false;
    return m_confirmPolicy == ConfirmPolicy::EveryChange || r == Risk::Destructive
           || r == Risk::Unknown;
}

void HelperClient::dispatch(qint64 id, const std::shared_ptr<Pending> &p)
{
    if (m_closed)
        return finish(id, Error(ErrorCode::ConnectionFailed, Tr::tr("Not connected")));
    if (p->cancelSent)
        return finish(id, Error(ErrorCode::Cancelled, errorTitle(ErrorCode::Cancelled)));
    p->sent = true;
    QJsonObject msg{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                    {QStringLiteral("id"), jsonId(id)},
                    {QStringLiteral("method"), p->method}};
    if (!p->params.isEmpty())
        msg.insert(QStringLiteral("params"), p->params);
    send(msg);
    for (const QJsonObject &n : std::exchange(p->heldNotifications, {}))
        send(n);
}

void HelperClient::cancel(qint64 id)
{
    const auto p = m_pending.value(id);
    if (!p || p->cancelSent)
        return;
    p->cancelSent = true;
    if (!p->sent)
        return;   // still waiting for a confirmation: dispatch() resolves it as cancelled
    send(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                     {QStringLiteral("method"), QStringLiteral("$/cancel")},
                     {QStringLiteral("params"), QJsonObject{{QStringLiteral("id"), jsonId(id)}}}});
}

QFuture<Result<HelperInfo>> HelperClient::initialize()
{
    const QJsonObject params{{QStringLiteral("client"), QStringLiteral("qwq/" QWQ_VERSION)},
                             {QStringLiteral("protocol"), 1}};
    return call(QStringLiteral("initialize"), params)
        .then(this, [this](const Result<QJsonValue> &r) -> Result<HelperInfo> {
            if (!r)
                return r.error();
            m_info = parseInfo(r->toObject());
            if (m_info.protocol != 1)
                return Error(ErrorCode::HelperProtocolMismatch,
                             Tr::tr("The qwq helper speaks protocol %1; this app needs 1")
                                 .arg(m_info.protocol));
            const QJsonArray methods = m_info.raw.value(QStringLiteral("methods")).toArray();
            for (const QJsonValue &v : methods) {
                const QJsonObject o = v.toObject();
                m_methods.insert(o.value(QStringLiteral("name")).toString(),
                                 riskFromName(o.value(QStringLiteral("risk")).toString()));
            }
            return m_info;
        });
}

HelperInfo HelperClient::parseInfo(const QJsonObject &o)
{
    HelperInfo i;
    i.raw = o;
    i.helperVersion = o.value(QStringLiteral("helper")).toString();
    i.protocol = o.value(QStringLiteral("protocol")).toInt();
    i.arch = o.value(QStringLiteral("arch")).toString();
    i.hostname = o.value(QStringLiteral("hostname")).toString();
    i.kernel = o.value(QStringLiteral("kernel")).toString();
    const QJsonObject os = o.value(QStringLiteral("os")).toObject();
    i.osPrettyName = os.value(QStringLiteral("prettyName")).toString();
    const QJsonObject user = o.value(QStringLiteral("user")).toObject();
    i.userName = user.value(QStringLiteral("name")).toString();
    i.uid = user.value(QStringLiteral("uid")).toInt(-1);
    i.readOnly = o.value(QStringLiteral("privileges")).toObject()
                     .value(QStringLiteral("readOnly")).toBool();
    for (const QJsonValue &c : o.value(QStringLiteral("capabilities")).toArray())
        i.capabilities << c.toString();
    return i;
}

void HelperClient::onReceived(const QByteArray &data)
{
    m_buffer += data;
    qsizetype start = 0;
    qsizetype nl;
    while ((nl = m_buffer.indexOf('\n', start)) >= 0) {
        handleLine(m_buffer.mid(start, nl - start));
        if (m_closed)
            return;
        start = nl + 1;
    }
    m_buffer.remove(0, start);
    if (m_buffer.size() > kMaxLine) {
        m_buffer.clear();
        qCWarning(lcQwq) << "helper sent a line over the size cap; closing";
        m_transport->close();
        m_closed = true;
        const Error e(ErrorCode::ConnectionFailed, Tr::tr("The helper sent an oversized message"));
        failAll(e);
        emit closed(e);
    }
}

void HelperClient::handleLine(const QByteArray &line)
{
    if (line.trimmed().isEmpty())
        return;
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &pe);
    if (!doc.isObject()) {
        qCWarning(lcQwq) << "helper sent a line that is not JSON:" << pe.errorString();
        return;
    }
    const QJsonObject msg = doc.object();
    const QString method = msg.value(QStringLiteral("method")).toString();
    if (method == QLatin1String("$/stream")) {
        const QJsonObject params = msg.value(QStringLiteral("params")).toObject();
        const auto p = m_pending.value(qint64(params.value(QStringLiteral("id")).toDouble(-1)));
        if (p && p->onStream && !p->cancelSent)
            p->onStream(params);
        return;
    }
    if (!method.isEmpty())
        return;   // other notifications: none defined yet
    const QJsonValue idv = msg.value(QStringLiteral("id"));
    if (!idv.isDouble())
        return;
    const qint64 id = qint64(idv.toDouble());
    if (msg.contains(QStringLiteral("error"))) {
        const QJsonObject err = msg.value(QStringLiteral("error")).toObject();
        const int code = err.value(QStringLiteral("code")).toInt();
        const auto p = m_pending.value(id);
        if (code == int(ErrorCode::Cancelled) && p && !p->cancelSent) {
            // The helper cancels what is in flight when it shuts down (watchdog, EOF).
            return finish(id, Error(ErrorCode::ConnectionFailed, Tr::tr("The helper stopped"),
                                    err.value(QStringLiteral("message")).toString()));
        }
        finish(id, errorFromWire(err));
    } else {
        finish(id, msg.value(QStringLiteral("result")));
    }
}

void HelperClient::finish(qint64 id, const Result<QJsonValue> &result)
{
    const auto p = m_pending.take(id);
    if (!p)
        return;
    if (m_audit && !p->audited && changesServer(m_methods.risk(p->method))) {
        const Result<void> outcome = result ? Result<void>() : Result<void>(result.error());
        const auto rec = m_audit->record(m_serverId, p->method, p->params, outcome);
        if (!rec)
            qCWarning(lcQwq) << rec.error().toString();
    }
    p->watcher.reset();
    p->promise.addResult(result);
    p->promise.finish();
}

void HelperClient::failAll(const Error &reason)
{
    const auto ids = m_pending.keys();
    for (qint64 id : ids)
        finish(id, Error(ErrorCode::ConnectionFailed, reason.message, reason.detail));
}

} // namespace Qwq::Helper
