// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "methodtable.h"

#include <core/core/result.h>

#include <QFuture>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace Qwq {
class AuditLog;
}

namespace Qwq::Helper {

class IHelperTransport;

/// What `initialize` told us about the server.
struct HelperInfo
{
    QString helperVersion;
    int protocol = 0;
    QString arch;
    QString hostname;
    QString osPrettyName;
    QString kernel;
    QString userName;
    int uid = -1;
    bool readOnly = false;
    QStringList capabilities;
    QJsonObject raw;
};

/// What a confirmation shows: the literal call, never a description of it.
struct CallPreview
{
    QString serverId;
    QString method;
    QJsonObject params;     // secrets masked
    Risk risk = Risk::Unknown;
    bool typed = false;     // destructive: the user must type `typedWord`
    QString typedWord;
};

/// Who must confirm what. Normal: destructive calls (typed). Production: every mutating call,
/// destructive ones typed. Read-only profiles never get this far (refused before).
enum class ConfirmPolicy { DestructiveOnly, EveryChange };

/// For callers that run their own gate before calling (the AI pane shows the literal call and
/// records who approved it): `confirmed` skips the confirm handler, `audited` the client's audit
/// entry. Read-only refusal always applies.
struct CallOptions
{
    bool confirmed = false;
    bool audited = false;
};

/// JSON-RPC 2.0 client for qwq-helper over any transport. Lives in one thread (normally the
/// GUI thread); every call returns a future and never blocks. Many calls may be in flight;
/// `$/stream` notifications are delivered to the call's stream handler; cancelling a call's
/// future sends `$/cancel`. When the transport closes, every pending call resolves with
/// ConnectionFailed. Mutating calls are refused locally in read-only mode, and recorded in the
/// audit log when one is set.
class HelperClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelperClient)
public:
    using StreamHandler = std::function<void(const QJsonObject &params)>;
    /// Asks the user; resolves true to send the call. Without a handler, calls that need a
    /// confirmation are refused (Forbidden): nothing that needs one is sent unconfirmed.
    using ConfirmHandler = std::function<QFuture<bool>(const CallPreview &preview)>;

    /// Takes ownership of the transport.
    explicit HelperClient(IHelperTransport *transport, QObject *parent = nullptr);
    ~HelperClient() override;

    QFuture<Result<HelperInfo>> initialize();
    QFuture<Result<QJsonValue>> call(const QString &method, const QJsonObject &params = {},
                                     StreamHandler onStream = {}, CallOptions options = {});
    /// A call whose request id the caller needs, to send it input (`$/input`, `$/resize`).
    /// `id` is 0 when the call was refused before it got one (the future says why).
    struct Started
    {
        qint64 id = 0;
        QFuture<Result<QJsonValue>> future;
    };
    Started start(const QString &method, const QJsonObject &params = {}, StreamHandler onStream = {},
                  CallOptions options = {});
    /// Sends the notification `method` ("$/input", "$/resize") for the running request
    /// `requestId`, with `"id"` set to it: in order, after the request itself (held back while
    /// the request waits for its confirmation). False when the request is not in flight.
    bool notifyRequest(qint64 requestId, const QString &method, QJsonObject params);
    /// Whether the request `requestId` has gone to the helper (false while it waits for its
    /// confirmation, or when it is no longer in flight): uploads start their input only then.
    bool isRequestSent(qint64 requestId) const;
    void cancel(qint64 requestId);

    bool isOpen() const { return !m_closed; }
    const HelperInfo &info() const { return m_info; }
    const MethodTable &methods() const { return m_methods; }
    Risk risk(const QString &method) const { return m_methods.risk(method); }

    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    void setConfirmPolicy(ConfirmPolicy p) { m_confirmPolicy = p; }
    ConfirmPolicy confirmPolicy() const { return m_confirmPolicy; }
    void setConfirmHandler(ConfirmHandler h) { m_confirm = std::move(h); }
    /// The word a destructive call's confirmation asks to type (the server's name).
    void setTypedWord(const QString &word) { m_typedWord = word; }
    /// Overrides a method's risk class (offline plans, tests); the helper's table still rules
    /// in the helper itself.
    void setMethodRisk(const QString &method, Risk r) { m_methods.insert(method, r); }
    bool needsConfirmation(const QString &method) const;
    bool isReadOnly() const { return m_readOnly; }
    void setAudit(AuditLog *audit, const QString &serverId);
    void setPingInterval(int ms) { m_ping.setInterval(ms); }
    void close();

    static HelperInfo parseInfo(const QJsonObject &result);

signals:
    void closed(const Qwq::Error &reason);
    void stderrLine(const QString &line);

private:
    struct Pending;
    void onReceived(const QByteArray &data);
    void handleLine(const QByteArray &line);
    void failAll(const Error &reason);
    void finish(qint64 id, const Result<QJsonValue> &result);
    void send(const QJsonObject &message);
    void dispatch(qint64 id, const std::shared_ptr<Pending> &p);

    IHelperTransport *m_transport;
    QByteArray m_buffer;
    QByteArray m_stderrBuffer;
    QHash<qint64, std::shared_ptr<Pending>> m_pending;
    qint64 m_nextId = 1;
    bool m_closed = false;
    bool m_readOnly = false;
    ConfirmPolicy m_confirmPolicy = ConfirmPolicy::DestructiveOnly;
    ConfirmHandler m_confirm;
    QString m_typedWord;
    HelperInfo m_info;
    MethodTable m_methods;
    AuditLog *m_audit = nullptr;
    QString m_serverId;
    QTimer m_ping;
};

} // namespace Qwq::Helper
