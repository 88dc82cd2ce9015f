// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the ssh module: the object that owns the libssh session in the worker thread.

#include <core/core/result.h>
#include <ssh/core/execchannel.h>
#include <ssh/core/sshtypes.h>

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QPromise>

#include <libssh/libssh.h>
#include <libssh/sftp.h>

#include <map>
#include <vector>
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
    QList<ForwardStatus> forwards;
    int latencyMs = -1;

    // The session the worker reports to, cleared (under sessionMutex) when the session is
    // deleted: the worker may outlive it, finishing a blocking libssh call on its own thread.
    QMutex sessionMutex;
    SshSession *session = nullptr;
};

struct Hop;            // sshjumprelay.h
class JumpRelay;       // sshjumprelay.h
struct Forward;        // sshworkerforward.cpp
struct ForwardConn;    // sshworkerforward.cpp

class SshWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SshWorker)

public:
    SshWorker(SshTarget target, std::shared_ptr<SharedState> shared);
    ~SshWorker() override;

    // All of these run in the worker thread.
    void doConnect(const PromisePtr<HostKeyInfo> &promise);
    void doRun(int id, const QString &command, const QByteArray &stdinData, int timeoutMs,
               const PromisePtr<ExecResult> &promise);
    void doOpenShell(int id, const PtyRequest &pty, const QString &command,
                     std::shared_ptr<ExecChannel> channel,
                     const PromisePtr<std::shared_ptr<ExecChannel>> &promise);
    void doOpenExec(int id, const QString &command, std::shared_ptr<ExecChannel> channel,
                    const PromisePtr<std::shared_ptr<ExecChannel>> &promise);
    void doHomeDirectory(const PromisePtr<QString> &promise);
    void doUpload(const QByteArray &data, const QString &remotePath, int mode,
                  const PromisePtr<void> &promise);
    void doDownload(const QString &remotePath, qint64 maxBytes,
                    const PromisePtr<QByteArray> &promise);
    void doOpenDirect(int id, const QString &host, quint16 port,
                      std::shared_ptr<ExecChannel> channel,
                      const PromisePtr<std::shared_ptr<ExecChannel>> &promise);
    void doStartForward(int id, const ForwardRule &rule, const PromisePtr<int> &promise);
    void doStopForward(int id);
    void doDisconnect();
    void shutdown(); // from ~SshSession, blocking

    static Result<void> validateRule(const ForwardRule &rule);

    void channelWrite(int id, const QByteArray &data);
    void channelCloseWrite(int id);
    void channelClose(int id);
    void channelResize(int id, int columns, int rows);

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
        // openDirectTcpip()
        bool direct = false;
        QByteArray directHost;
        quint16 directPort = 0;
        // openShell()
        bool pty = false;
        bool ptyRequested = false;
        PtyRequest ptySize;
    };

    // Session, state and the event loop (sshworker.cpp)
    void finishConnect(const PromisePtr<HostKeyInfo> &promise, const HostKeyInfo &key);
    static void makeNonBlocking(ssh_session ssh);
    bool isReady() const;
    Error notConnected() const;
    QString hostName() const;
    void setState(ConnectionState s);
    void pump();
    void pollEvents();
    void updateTimer();
    bool linkDown() const;
    Error linkLost() const; // why linkDown() is true
    void closeAll(const Error &reason, ConnectionState finalState);

    // Connect, host key and authentication (sshworkerauth.cpp)
    Result<void> connectAndVerify(ssh_session s, const SshTarget &t, int fd, HostKeyInfo *key);
    Result<void> verifyHostKey(ssh_session s, const SshTarget &t, HostKeyInfo *key);
    Result<void> authenticate(ssh_session s, const SshTarget &t);
    static QString hostName(const SshTarget &t);

    // Jump chains (sshworkerjump.cpp; the tunnels are pumped by JumpRelay)
    Result<void> connectChain(HostKeyInfo *key);
    Result<void> openTunnel(Hop &hop, const SshTarget &next);
    Result<void> connectThroughTunnel(ssh_session s, const SshTarget &t, int fd,
                                      const QString &via, HostKeyInfo *key);
    bool chainDown() const;
    void closeChain();

    // Keepalive of the final session (sshworkerkeepalive.cpp; the relay does the hops')
    void startKeepAlive();
    void keepAliveTick();
    void keepAliveExpired();
    void sendKeepAlive();
    void checkKeepAliveReply();
    void settleGlobalRequest();

    // Exec and direct-tcpip channels (sshworkerexec.cpp)
    void startChannel(std::unique_ptr<ChanOp> op);
    bool advance(ChanOp &op); // false when the op is finished and must be removed
    void drain(ChanOp &op);
    void failOp(ChanOp &op, const Error &error);
    void freeChannel(ChanOp &op);
    // Runs fn(session) on the session's thread, unless the session is gone by then.
    void postToSession(std::function<void(SshSession *)> fn);
    void postToStream(const std::weak_ptr<ExecChannel> &stream,
                      std::function<void(ExecChannel *)> fn);

    // Forwards (sshworkerforward.cpp, sshworkerforwardio.cpp)
    void acceptLocal(Forward &f);
    void acceptRemote();
    void pumpForwards();
    bool advanceConn(Forward &f, ForwardConn &c); // false when done
    void readConnFd(Forward &f, ForwardConn &c);
    void onConnWritable(int forwardId, int connId);
    bool socksStep(Forward &f, ForwardConn &c);
    void closeConn(Forward &f, ForwardConn &c, const QString &error);
    void removeForward(std::map<int, std::unique_ptr<Forward>>::iterator it);
    void closeForwards();
    void publishForwards();
    Forward *forwardById(int id);

    // SFTP (sshworkersftp.cpp; blocking mode while it runs)
    Result<sftp_session> sftp();
    Error sftpError(const QString &message, const QString &path) const;
    Result<void> mkdirParents(const QString &remotePath);
    Result<void> uploadImpl(const QByteArray &data, const QString &remotePath, int mode);
    Result<QByteArray> downloadImpl(const QString &remotePath, qint64 maxBytes);
    Result<ExecResult> runBlocking(const QByteArray &command);
    void afterBlocking();

    SshTarget m_target;
    std::shared_ptr<SharedState> m_shared;
    ssh_session m_ssh = nullptr;
    ssh_event m_event = nullptr;
    sftp_session m_sftp = nullptr;
    QSocketNotifier *m_notifier = nullptr;
    QTimer *m_timer = nullptr;
    std::map<int, std::unique_ptr<ChanOp>> m_ops;
    bool m_pumping = false;

    // Jump chain: carries the tunnels of the hops before the final session.
    std::unique_ptr<JumpRelay> m_relay;

    // Keepalive
    QTimer *m_keepAlive = nullptr;
    QTimer *m_kaDeadline = nullptr; // 3 intervals after the first unanswered keepalive
    ssh_counter_struct m_sockCounter{};
    ssh_counter_struct m_rawCounter{};
    uint64_t m_lastInPackets = 0;
    QElapsedTimer m_silentSince; // the first keepalive no packet has followed yet; else invalid
    QElapsedTimer m_kaSent;
    uint64_t m_kaInSnapshot = 0;
    bool m_kaAwaiting = false;

    // Forwards
    std::map<int, std::unique_ptr<Forward>> m_forwards;
    QTimer *m_publishTimer = nullptr;
    int m_nextConnId = 1;
};

} // namespace Qwq::Ssh::Internal
