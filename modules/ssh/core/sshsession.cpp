// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sshsession.h"

#include "sshworker.h"

#include <libssh/libssh.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSet>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace Qwq::Ssh {

using namespace Internal;

SshSession::SshSession(SshTarget target, QObject *parent)
    : QObject(parent), m_target(std::move(target)), m_shared(std::make_shared<SharedState>())
{
    // libssh and its crypto initialise themselves on first use, in whichever worker gets
    // there first, holding locks every other thread then waits on. Do it once, here.
    static const int initialised = ssh_init();
    Q_UNUSED(initialised);
    qRegisterMetaType<Qwq::Ssh::ConnectionState>();
    qRegisterMetaType<Qwq::Error>();
    qRegisterMetaType<Qwq::Ssh::ForwardStatus>();
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("ssh:%1").arg(m_target.host));
    m_worker = std::make_shared<SshWorker>(m_target, m_shared);
    m_worker->moveToThread(m_thread);
    {
        QMutexLocker lock(&m_shared->sessionMutex);
        m_shared->session = this;
    }
#ifdef Q_OS_LINUX
    // Key exchanges of many servers at once must not starve the GUI thread of CPU: the
    // workers run niced (Qt's thread priorities are ignored under SCHED_OTHER on Linux).
    connect(m_thread, &QThread::started, m_thread, [] {
        setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), 10);
    }, Qt::DirectConnection);
#endif
    m_thread->start();
}

namespace {
// Worker threads whose session is gone but which are still finishing a blocking libssh call
// (a TCP connect or key exchange with a server that does not answer, at most the connect
// timeout). At exit the application waits for them a little, then leaves them be.
QMutex orphansMutex;
QSet<QThread *> orphans;

void waitForOrphans()
{
    QDeadlineTimer deadline(3000);
    QMutexLocker lock(&orphansMutex);
    for (QThread *t : std::as_const(orphans))
        t->wait(deadline);
}
} // namespace

SshSession::~SshSession()
{
    // Nothing here waits for the worker: it may be blocked inside libssh for as long as the
    // connect timeout. It stops reporting to this object now, shuts down on its own thread,
    // and the thread and worker are freed when that thread has ended.
    {
        QMutexLocker lock(&m_shared->sessionMutex);
        m_shared->session = nullptr;
    }
    QThread *thread = m_thread;
    SshWorker *w = m_worker.get();
    {
        static const bool registered = [] {
            qAddPostRoutine(waitForOrphans);
            return true;
        }();
        Q_UNUSED(registered);
        QMutexLocker lock(&orphansMutex);
        orphans.insert(thread);
    }
    // Queued to this (the session's) thread: the worker is freed there after its own thread
    // ended, as before, and the QThread object once it has fully returned.
    connect(thread, &QThread::finished, thread, [thread, worker = std::move(m_worker)]() mutable {
        thread->wait();
        worker.reset();
        {
            QMutexLocker lock(&orphansMutex);
            orphans.remove(thread);
        }
        thread->deleteLater();
    }, Qt::QueuedConnection);
    QMetaObject::invokeMethod(w, [w, thread] {
        w->shutdown();
        thread->quit();
    }, Qt::QueuedConnection);
}

HostKeyInfo SshSession::lastHostKey() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->hostKey;
}

ConnectionState SshSession::state() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->state;
}

QFuture<Result<HostKeyInfo>> SshSession::connectToHost()
{
    auto p = makePromise<HostKeyInfo>();
    SshWorker *w = m_worker.get();
    QMetaObject::invokeMethod(w, [w, p] { w->doConnect(p); }, Qt::QueuedConnection);
    return p->future();
}

QFuture<Result<ExecResult>> SshSession::run(const QString &command, const QByteArray &stdinData,
                                            int timeoutMs)
{
    auto p = makePromise<ExecResult>();
    SshWorker *w = m_worker.get();
    const int id = m_nextChannelId++;
    QMetaObject::invokeMethod(
        w, [w, p, id, command, stdinData, timeoutMs] { w->doRun(id, command, stdinData, timeoutMs, p); },
        Qt::QueuedConnection);
    return p->future();
}

QFuture<Result<std::shared_ptr<ExecChannel>>> SshSession::openExec(const QString &command)
{
    auto p = makePromise<std::shared_ptr<ExecChannel>>();
    const int id = m_nextChannelId++;
    // deleteLater: the last reference may be dropped in the worker thread.
    std::shared_ptr<ExecChannel> channel(new ExecChannel(m_worker, id),
                                         [](ExecChannel *c) { c->deleteLater(); });
    SshWorker *w = m_worker.get();
    QMetaObject::invokeMethod(
        w, [w, p, id, command, channel] { w->doOpenExec(id, command, channel, p); },
        Qt::QueuedConnection);
    return p->future();
}

QFuture<Result<std::shared_ptr<ExecChannel>>> SshSession::openShell(const PtyRequest &pty,
                                                                    const QString &command)
{
    auto p = makePromise<std::shared_ptr<ExecChannel>>();
    const int id = m_nextChannelId++;
    std::shared_ptr<ExecChannel> channel(new ExecChannel(m_worker, id),
                                         [](ExecChannel *c) { c->deleteLater(); });
    SshWorker *w = m_worker.get();
    QMetaObject::invokeMethod(
        w, [w, p, id, pty, command, channel] { w->doOpenShell(id, pty, command, channel, p); },
        Qt::QueuedConnection);
    return p->future();
}

QFuture<Result<QString>> SshSession::homeDirectory()
{
    auto p = makePromise<QString>();
    SshWorker *w = m_worker.get();
    QMetaObject::invokeMethod(w, [w, p] { w->doHomeDirectory(p); }, Qt::QueuedConnection);
    return p->future();
}

QFuture<Result<void>> SshSession::upload(const QByteArray &data, const QString &remotePath,
                                         int mode)
{
    auto p = makePromise<void>();
    SshWorker *w = m_worker.get();
    QMetaObject::invokeMethod(
        w, [w, p, data, remotePath, mode] { w->doUpload(data, remotePath, mode, p); },
        Qt::QueuedConnection);
    return p->future();
}

QFuture<Result<QByteArray>> SshSession::download(const QString &remotePath, qint64 maxBytes)
{
    auto p = makePromise<QByteArray>();
    SshWorker *w = m_worker.get();
    QMetaObject::invokeMethod(
        w, [w, p, remotePath, maxBytes] { w->doDownload(remotePath, maxBytes, p); },
        Qt::QueuedConnection);
    return p->future();
}

QFuture<Result<std::shared_ptr<ExecChannel>>> SshSession::openDirectTcpip(const QString &host,
                                                                         quint16 port)
{
    auto p = makePromise<std::shared_ptr<ExecChannel>>();
    const int id = m_nextChannelId++;
    std::shared_ptr<ExecChannel> channel(new ExecChannel(m_worker, id),
                                         [](ExecChannel *c) { c->deleteLater(); });
    SshWorker *w = m_worker.get();
    QMetaObject::invokeMethod(
        w, [w, p, id, host, port, channel] { w->doOpenDirect(id, host, port, channel, p); },
        Qt::QueuedConnection);
    return p->future();
}

QFuture<Result<int>> SshSession::startForward(const ForwardRule &rule)
{
    auto p = makePromise<int>();
    const int id = m_nextChannelId++;
    SshWorker *w = m_worker.get();
    QMetaObject::invokeMethod(w, [w, p, id, rule] { w->doStartForward(id, rule, p); },
                              Qt::QueuedConnection);
    return p->future();
}

void SshSession::stopForward(int id)
{
    SshWorker *w = m_worker.get();
    QMetaObject::invokeMethod(w, [w, id] { w->doStopForward(id); }, Qt::QueuedConnection);
}

QList<ForwardStatus> SshSession::forwards() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->forwards;
}

int SshSession::latencyMs() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->latencyMs;
}

void SshSession::disconnectFromHost()
{
    SshWorker *w = m_worker.get();
    QMetaObject::invokeMethod(w, [w] { w->doDisconnect(); }, Qt::QueuedConnection);
}

} // namespace Qwq::Ssh
