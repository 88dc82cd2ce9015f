// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Port forwards (local, remote, SOCKS5) inside the worker thread. Each connection pairs a
// non-blocking local socket with a channel on the final session; bytes move in pump() with
// bounded buffers both ways, and each direction is closed on its own (half-close).
#include "sshworker.h"
#include "sshworkerparts.h"

#include "sshsession.h"

#include "sshtr.h"

#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QSocketNotifier>
#include <QTimer>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace Qwq::Ssh::Internal {

namespace {
constexpr int BufferCap = 256 * 1024;
constexpr int Chunk = 32 * 1024;

QString errnoText(int e)
{
    return QString::fromLocal8Bit(strerror(e));
}

} // namespace


Result<void> SshWorker::validateRule(const ForwardRule &rule)
{
    const auto bad = [](const QString &field, const QString &message) {
        return Error(ErrorCode::InvalidParam, message, {}, {}, field);
    };
    if (rule.kind != ForwardRule::Local && rule.kind != ForwardRule::Remote
        && rule.kind != ForwardRule::Dynamic)
        return bad(QStringLiteral("kind"), Tr::tr("Unknown kind of port forward."));
    const QString addr = rule.bindAddress.trimmed();
    if (!addr.isEmpty() && addr != QLatin1String("localhost")) {
        QHostAddress a;
        if (!a.setAddress(addr))
            return bad(QStringLiteral("bindAddress"),
                       Tr::tr("The bind address must be an IP address (for example 127.0.0.1)."));
        if ((a == QHostAddress::AnyIPv4 || a == QHostAddress::AnyIPv6) && !rule.allowAllInterfaces)
            return bad(QStringLiteral("bindAddress"),
                       Tr::tr("Listening on all interfaces (%1) must be allowed explicitly.").arg(addr));
    }
    if (!rule.bindPath.isEmpty()) {
        if (rule.kind != ForwardRule::Local)
            return bad(QStringLiteral("bindPath"),
                       Tr::tr("Only a local forward can listen on a unix socket."));
        const QByteArray path = QFile::encodeName(rule.bindPath);
        if (!rule.bindPath.startsWith(QLatin1Char('/')) || path.size() >= int(sizeof(sockaddr_un::sun_path)))
            return bad(QStringLiteral("bindPath"),
                       Tr::tr("The socket path must be absolute and shorter than %1 bytes.")
                           .arg(sizeof(sockaddr_un::sun_path)));
        struct stat st {};
        const QByteArray dir = QFile::encodeName(QFileInfo(rule.bindPath).absolutePath());
        if (::lstat(dir.constData(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::geteuid()
            || (st.st_mode & 077) != 0)
            return bad(QStringLiteral("bindPath"),
                       Tr::tr("The socket's directory must be a private directory (mode 0700) of this user."));
    }
    if (rule.kind == ForwardRule::Remote && rule.bindPort == 0)
        return bad(QStringLiteral("bindPort"),
                   Tr::tr("The listening port must be from 1 to 65535."));
    if (rule.kind != ForwardRule::Dynamic) {
        if (rule.targetHost.trimmed().isEmpty())
            return bad(QStringLiteral("targetHost"), Tr::tr("The target host is missing."));
        if (rule.targetPort == 0)
            return bad(QStringLiteral("targetPort"),
                       Tr::tr("The target port must be from 1 to 65535."));
    }
    return {};
}

Forward *SshWorker::forwardById(int id)
{
    auto it = m_forwards.find(id);
    return it == m_forwards.end() ? nullptr : it->second.get();
}

void SshWorker::doStartForward(int id, const ForwardRule &rule, const PromisePtr<int> &promise)
{
    if (Result<void> r = validateRule(rule); !r)
        return resolve(promise, Result<int>(r.error()));
    if (!isReady())
        return resolve(promise, Result<int>(notConnected()));
    auto f = std::make_unique<Forward>();
    f->id = id;
    f->rule = rule;
    QString addr = rule.bindAddress.trimmed();
    if (addr.isEmpty() || addr == QLatin1String("localhost"))
        addr = QStringLiteral("127.0.0.1");
    f->rule.bindAddress = addr;

    if (rule.kind == ForwardRule::Remote) {
        settleGlobalRequest();
        ssh_set_blocking(m_ssh, 1);
        int bound = 0;
        const int rc = ssh_channel_listen_forward(m_ssh, addr.toUtf8().constData(), rule.bindPort, &bound);
        ssh_set_blocking(m_ssh, 0);
        if (rc != SSH_OK) {
            const Error e(ErrorCode::ChannelFailed,
                          Tr::tr("%1 refused to listen on %2 port %3.").arg(hostName(), addr).arg(rule.bindPort),
                          QString::fromUtf8(ssh_get_error(m_ssh)), {}, QStringLiteral("bindPort"));
            QMetaObject::invokeMethod(this, &SshWorker::pump, Qt::QueuedConnection);
            return resolve(promise, Result<int>(e));
        }
        f->boundPort = bound > 0 ? quint16(bound) : rule.bindPort;
    } else if (!rule.bindPath.isEmpty()) {
        const QByteArray path = QFile::encodeName(rule.bindPath);
        const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        sockaddr_un sun {};
        sun.sun_family = AF_UNIX;
        memcpy(sun.sun_path, path.constData(), size_t(path.size()));
        ::unlink(path.constData()); // a socket left by an earlier run in our private directory
        if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&sun), sizeof sun) != 0
            || ::chmod(path.constData(), 0600) != 0 || ::listen(fd, 16) != 0) {
            const int e = errno;
            if (fd >= 0)
                ::close(fd);
            return resolve(promise, Result<int>(Error(ErrorCode::InvalidParam,
                                                      Tr::tr("Could not listen on %1.").arg(rule.bindPath),
                                                      errnoText(e), {}, QStringLiteral("bindPath"))));
        }
        f->listenFd = fd;
        f->listenNotifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
        connect(f->listenNotifier, &QSocketNotifier::activated, this, [this, id] {
            if (Forward *fw = forwardById(id))
                acceptLocal(*fw);
        });
    } else {
        QHostAddress a(addr);
        const bool v6 = a.protocol() == QAbstractSocket::IPv6Protocol;
        const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        sockaddr_storage ss {};
        socklen_t len = 0;
        if (v6) {
            auto *s6 = reinterpret_cast<sockaddr_in6 *>(&ss);
            s6->sin6_family = AF_INET6;
            s6->sin6_port = htons(rule.bindPort);
            const Q_IPV6ADDR ip = a.toIPv6Address();
            memcpy(&s6->sin6_addr, &ip, 16);
            len = sizeof *s6;
        } else {
            auto *s4 = reinterpret_cast<sockaddr_in *>(&ss);
            s4->sin_family = AF_INET;
            s4->sin_port = htons(rule.bindPort);
            s4->sin_addr.s_addr = htonl(a.toIPv4Address());
            len = sizeof *s4;
        }
        const int one = 1;
        if (fd >= 0) {
            ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
            if (v6)
                ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
        }
        if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&ss), len) != 0 || ::listen(fd, 128) != 0) {
            const int e = errno;
            if (fd >= 0)
                ::close(fd);
            return resolve(promise, Result<int>(Error(
                                        ErrorCode::InvalidParam,
                                        Tr::tr("Could not listen on %1 port %2.").arg(addr).arg(rule.bindPort),
                                        errnoText(e), {}, QStringLiteral("bindPort"))));
        }
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&ss), &len);
        f->boundPort = ntohs(v6 ? reinterpret_cast<sockaddr_in6 *>(&ss)->sin6_port
                                : reinterpret_cast<sockaddr_in *>(&ss)->sin_port);
        f->listenFd = fd;
        f->listenNotifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
        connect(f->listenNotifier, &QSocketNotifier::activated, this, [this, id] {
            if (Forward *fw = forwardById(id))
                acceptLocal(*fw);
        });
    }
    m_forwards[id] = std::move(f);
    publishForwards();
    resolve(promise, Result<int>(id));
}

void SshWorker::removeForward(std::map<int, std::unique_ptr<Forward>>::iterator it)
{
    Forward &f = *it->second;
    for (auto &[cid, c] : f.conns)
        closeConn(f, *c, {});
    if (f.listenNotifier) {
        f.listenNotifier->setEnabled(false);
        f.listenNotifier->deleteLater();
    }
    if (f.listenFd >= 0)
        ::close(f.listenFd);
    if (!f.rule.bindPath.isEmpty())
        ::unlink(QFile::encodeName(f.rule.bindPath).constData());
    m_forwards.erase(it);
}

void SshWorker::doStopForward(int id)
{
    auto it = m_forwards.find(id);
    if (it == m_forwards.end())
        return;
    const Forward &f = *it->second;
    if (f.rule.kind == ForwardRule::Remote && isReady() && !linkDown()) {
        settleGlobalRequest();
        ssh_set_blocking(m_ssh, 1);
        ssh_channel_cancel_forward(m_ssh, f.rule.bindAddress.toUtf8().constData(), f.boundPort);
        ssh_set_blocking(m_ssh, 0);
        QMetaObject::invokeMethod(this, &SshWorker::pump, Qt::QueuedConnection);
    }
    removeForward(it);
    publishForwards();
}

void SshWorker::closeForwards()
{
    const bool had = !m_forwards.empty();
    while (!m_forwards.empty())
        removeForward(m_forwards.begin());
    if (had)
        publishForwards();
}

void SshWorker::publishForwards()
{
    QList<ForwardStatus> list;
    for (const auto &[id, f] : m_forwards) {
        ForwardStatus st;
        st.id = id;
        st.rule = f->rule;
        st.boundPort = f->boundPort;
        for (const auto &[cid, c] : f->conns)
            st.activeConnections += c->dead ? 0 : 1;
        st.bytesIn = f->bytesIn;
        st.bytesOut = f->bytesOut;
        st.lastError = f->lastError;
        list.append(st);
    }
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->forwards = list;
    }
    // Byte counters change all the time: tell the UI at most ~5 times a second.
    if (!m_publishTimer) {
        m_publishTimer = new QTimer(this);
        m_publishTimer->setSingleShot(true);
        m_publishTimer->setInterval(200);
        connect(m_publishTimer, &QTimer::timeout, this, [this] {
            postToSession([](SshSession *session) { emit session->forwardsChanged(); });
        });
    }
    if (!m_publishTimer->isActive())
        m_publishTimer->start();
}

void SshWorker::acceptLocal(Forward &f)
{
    bool any = false;
    for (;;) {
        sockaddr_storage ss {};
        socklen_t len = sizeof ss;
        const int fd = ::accept4(f.listenFd, reinterpret_cast<sockaddr *>(&ss), &len,
                                 SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0)
            break;
        any = true;
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        auto c = std::make_unique<ForwardConn>();
        c->id = m_nextConnId++;
        c->fd = fd;
        char host[INET6_ADDRSTRLEN] = {};
        if (ss.ss_family == AF_UNIX) {
        } else if (ss.ss_family == AF_INET6) {
            auto *s6 = reinterpret_cast<sockaddr_in6 *>(&ss);
            inet_ntop(AF_INET6, &s6->sin6_addr, host, sizeof host);
            c->peerPort = ntohs(s6->sin6_port);
        } else {
            auto *s4 = reinterpret_cast<sockaddr_in *>(&ss);
            inet_ntop(AF_INET, &s4->sin_addr, host, sizeof host);
            c->peerPort = ntohs(s4->sin_port);
        }
        c->peerAddress = host; // empty for a unix socket: the channel then names 127.0.0.1
        if (f.rule.kind == ForwardRule::Dynamic) {
            c->socks = true;
            c->stage = ForwardConn::SocksGreeting;
        } else {
            c->host = f.rule.targetHost.toUtf8();
            c->port = f.rule.targetPort;
            c->channel = ssh_channel_new(m_ssh);
            c->stage = ForwardConn::Opening;
        }
        const int fid = f.id, cid = c->id;
        c->readNotifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
        connect(c->readNotifier, &QSocketNotifier::activated, this, [this, fid, cid] {
            if (Forward *fw = forwardById(fid))
                if (auto it = fw->conns.find(cid); it != fw->conns.end())
                    readConnFd(*fw, *it->second);
            pump();
        });
        c->writeNotifier = new QSocketNotifier(fd, QSocketNotifier::Write, this);
        c->writeNotifier->setEnabled(false);
        connect(c->writeNotifier, &QSocketNotifier::activated, this,
                [this, fid, cid] { onConnWritable(fid, cid); });
        f.conns[c->id] = std::move(c);
    }
    if (any) {
        publishForwards();
        pump();
    }
}

void SshWorker::acceptRemote()
{
    bool anyRemote = false;
    for (const auto &[id, f] : m_forwards)
        anyRemote = anyRemote || f->rule.kind == ForwardRule::Remote;
    if (!anyRemote)
        return;
    for (;;) {
        int dport = 0, oport = 0;
        char *orig = nullptr;
        ssh_channel ch = ssh_channel_open_forward_port(m_ssh, 0, &dport, &orig, &oport);
        if (!ch)
            break;
        const QByteArray origin = orig ? QByteArray(orig) : QByteArray();
        ssh_string_free_char(orig);
        Forward *f = nullptr;
        for (const auto &[id, fw] : m_forwards)
            if (fw->rule.kind == ForwardRule::Remote && fw->boundPort == dport)
                f = fw.get();
        if (!f) {
            ssh_channel_close(ch);
            ssh_channel_free(ch);
            continue;
        }
        auto c = std::make_unique<ForwardConn>();
        c->id = m_nextConnId++;
        c->channel = ch;
        c->host = f->rule.targetHost.toUtf8();
        c->port = f->rule.targetPort;
        c->peerAddress = origin;
        c->peerPort = oport;
        c->stage = ForwardConn::Connecting;
        // Resolve and connect the local target (numeric or /etc/hosts names are instant).
        addrinfo hints {};
        hints.ai_socktype = SOCK_STREAM;
        hints.ai_flags = AI_NUMERICSERV;
        addrinfo *res = nullptr;
        const QByteArray service = QByteArray::number(c->port);
        int err = ::getaddrinfo(c->host.constData(), service.constData(), &hints, &res);
        int fd = -1;
        if (err == 0 && res) {
            fd = ::socket(res->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            if (fd >= 0 && ::connect(fd, res->ai_addr, res->ai_addrlen) != 0 && errno != EINPROGRESS) {
                err = errno;
                ::close(fd);
                fd = -1;
            }
        }
        if (res)
            ::freeaddrinfo(res);
        const int fid = f->id, cid = c->id;
        if (fd < 0) {
            f->lastError = Tr::tr("Could not connect to %1 port %2.").arg(f->rule.targetHost).arg(c->port);
            ssh_channel_close(ch);
            ssh_channel_free(ch);
            publishForwards();
            continue;
        }
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        c->fd = fd;
        f->conns[cid] = std::move(c);
        ForwardConn &cc = *f->conns[cid];
        cc.readNotifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
        cc.readNotifier->setEnabled(false);
        connect(cc.readNotifier, &QSocketNotifier::activated, this, [this, fid, cid] {
            if (Forward *fw = forwardById(fid))
                if (auto it = fw->conns.find(cid); it != fw->conns.end())
                    readConnFd(*fw, *it->second);
            pump();
        });
        cc.writeNotifier = new QSocketNotifier(fd, QSocketNotifier::Write, this);
        connect(cc.writeNotifier, &QSocketNotifier::activated, this,
                [this, fid, cid] { onConnWritable(fid, cid); });
        publishForwards();
    }
}



void SshWorker::closeConn(Forward &f, ForwardConn &c, const QString &error)
{
    if (c.dead)
        return;
    c.dead = true;
    for (QSocketNotifier *n : {c.readNotifier, c.writeNotifier}) {
        if (n) {
            n->setEnabled(false);
            n->deleteLater();
        }
    }
    c.readNotifier = c.writeNotifier = nullptr;
    if (c.fd >= 0)
        ::close(c.fd);
    c.fd = -1;
    if (c.channel) {
        if (m_ssh && !linkDown() && ssh_channel_is_open(c.channel))
            ssh_channel_close(c.channel);
        ssh_channel_free(c.channel);
        c.channel = nullptr;
    }
    if (!error.isEmpty())
        f.lastError = error;
}



// A non-blocking connect() finished (the socket became writable): check how, then start reading.
void SshWorker::onConnWritable(int fid, int cid)
{
    Forward *fw = forwardById(fid);
    if (!fw)
        return;
    auto it = fw->conns.find(cid);
    if (it == fw->conns.end())
        return;
    ForwardConn &cc = *it->second;
    cc.writeNotifier->setEnabled(false);
    if (cc.stage == ForwardConn::Connecting && !cc.dead) {
        int err = 0;
        socklen_t l = sizeof err;
        ::getsockopt(cc.fd, SOL_SOCKET, SO_ERROR, &err, &l);
        if (err != 0) {
            closeConn(*fw, cc, Tr::tr("Could not connect to %1 port %2: %3")
                                   .arg(QString::fromUtf8(cc.host)).arg(cc.port).arg(errnoText(err)));
        } else {
            cc.stage = ForwardConn::Running;
            cc.readNotifier->setEnabled(true);
        }
    }
    pump();
}

} // namespace Qwq::Ssh::Internal
