// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the ssh module: the object that owns the libssh session in the worker thread.

#include <core/core/result.h>
#include <ssh/core/execchannel.h>
#include <ssh/core/sshtypes.h>

#include <QDeadlineTimer>
#include <QMutex>
#include <QObject>
#include <QPromise>

#include <libssh/libssh.h>
#include <libssh/sftp.h>

#include <map>
#include <memory>

class QSocketNotifier;
class QTimer;

namespace Qwq::Ssh {
class SshSession;
}

namespace Qwq::Ssh::Internal {

template<typename T>
using PromisePtr = std::shared_ptr<QPromise<Result<T>>>;

template<typename T>
PromisePtr<T> makePromise()
{
    auto p = std::make_shared<QPromise<Result<T>>>();
    p->start();
    return p;
}

template<typename T>
void resolve(const PromisePtr<T> &p, Result<T> r)
{
    p->addResult(std::move(r));
    p->finish();
}

/// State read from the caller's thread without a round trip to the worker.
struct SharedState
{
    mutable QMutex mutex;
    ConnectionState state = ConnectionState::Disconnected;
    HostKeyInfo hostKey;
};

class SshWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SshWorker)

public:
    SshWorker(SshSession *session, SshTarget target, std::shared_ptr<SharedState> shared);
    ~SshWorker() override;

    // All of these run in the worker thread.
    void doConnect(const PromisePtr<HostKeyInfo> &promise);
    void doRun(int id, const QString &command, const QByteArray &stdinData, int timeoutMs,
               const PromisePtr<ExecResult> &promise);
    void doOpenExec(int id, const QString &command, std::shared_ptr<ExecChannel> channel,
                    const PromisePtr<std::shared_ptr<ExecChannel>> &promise);
    void doHomeDirectory(const PromisePtr<QString> &promise);
    void doUpload(const QByteArray &data, const QString &remotePath, int mode,
                  const PromisePtr<void> &promise);
    void doDownload(const QString &remotePath, qint64 maxBytes,
                    const PromisePtr<QByteArray> &promise);
    void doDisconnect();
    void shutdown(); // from ~SshSession, blocking

    void channelWrite(int id, const QByteArray &data);
    void channelCloseWrite(int id);
    void channelClose(int id);

private:
    enum class Phase { Opening, Requesting, Running };
    struct ChanOp
    {
        int id = 0;
        ssh_channel channel = nullptr;
        Phase phase = Phase::Opening;
        QByteArray command;
        QByteArray pendingWrite;
        bool eofWanted = false;
        bool eofSent = false;
        // run()
        PromisePtr<ExecResult> runPromise;
        ExecResult result;
        QDeadlineTimer deadline;
        // openExec()
        PromisePtr<std::shared_ptr<ExecChannel>> openPromise;
        std::shared_ptr<ExecChannel> openChannel; // held until the open resolves
        std::weak_ptr<ExecChannel> stream;
    };

    Result<void> connectAndVerify(HostKeyInfo *key);
    Result<void> authenticate();
    bool isReady() const;
    Error notConnected() const;
    QString hostName() const;
    void setState(ConnectionState s);
    void startChannel(std::unique_ptr<ChanOp> op);
    void pump();
    bool advance(ChanOp &op); // false when the op is finished and must be removed
    void drain(ChanOp &op);
    void failOp(ChanOp &op, const Error &error);
    void freeChannel(ChanOp &op);
    bool linkDown() const;
    void closeAll(const Error &reason, ConnectionState finalState);
    void updateTimer();
    void postToStream(const std::weak_ptr<ExecChannel> &stream,
                      std::function<void(ExecChannel *)> fn);

    // SFTP (blocking mode while it runs)
    Result<sftp_session> sftp();
    Error sftpError(const QString &message, const QString &path) const;
    Result<void> mkdirParents(const QString &remotePath);
    Result<void> uploadImpl(const QByteArray &data, const QString &remotePath, int mode);
    Result<QByteArray> downloadImpl(const QString &remotePath, qint64 maxBytes);
    Result<ExecResult> runBlocking(const QByteArray &command);
    void afterBlocking();

    SshSession *m_session;
    SshTarget m_target;
    std::shared_ptr<SharedState> m_shared;
    ssh_session m_ssh = nullptr;
    ssh_event m_event = nullptr;
    sftp_session m_sftp = nullptr;
    QSocketNotifier *m_notifier = nullptr;
    QTimer *m_timer = nullptr;
    std::map<int, std::unique_ptr<ChanOp>> m_ops;
    bool m_pumping = false;
};

} // namespace Qwq::Ssh::Internal
