// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Port forwards, the byte-moving half: SOCKS5 negotiation and the per-connection pump
// (socket <-> channel, bounded buffers, each direction closed on its own).
#include "sshworker.h"
#include "sshworkerparts.h"

#include "sshsession.h"
#include "sshtr.h"

#include <QRegularExpression>
#include <QSocketNotifier>

#include <arpa/inet.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace Qwq::Ssh::Internal {

namespace {
constexpr int BufferCap = 256 * 1024;
constexpr int Chunk = 32 * 1024;

QByteArray socksReply(char code)
{
    return QByteArray("\x05", 1) + code + QByteArray("\x00\x01\x00\x00\x00\x00\x00\x00", 8);
}

// libssh 0.10 reports an open failure as "... error (CODE) MESSAGE".
char socksCodeFor(const QString &sshError)
{
    static const QRegularExpression re(QStringLiteral("error \\((\\d+)\\)"));
    const auto m = re.match(sshError);
    const int code = m.hasMatch() ? m.captured(1).toInt() : 0;
    if (code == 1) // administratively prohibited
        return 0x02;
    if (code == 2) { // connect failed
        if (sshError.contains(QLatin1String("refused"), Qt::CaseInsensitive))
            return 0x05;
        if (sshError.contains(QLatin1String("network"), Qt::CaseInsensitive))
            return 0x03;
        return 0x04;
    }
    return 0x01;
}
} // namespace

void SshWorker::readConnFd(Forward &f, ForwardConn &c)
{
    if (c.dead || c.fd < 0)
        return;
    char buf[Chunk];
    QByteArray &sink = (c.stage == ForwardConn::SocksGreeting || c.stage == ForwardConn::SocksRequest)
                           ? c.socksIn
                           : c.toChannel;
    while (sink.size() < BufferCap && !c.fdEof) {
        const ssize_t n = ::read(c.fd, buf, sizeof buf);
        if (n > 0) {
            sink.append(buf, int(n));
        } else if (n == 0) {
            c.fdEof = true;
        } else {
            if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
                break;
            closeConn(f, c, {});
            return;
        }
    }
    if (c.socks && !socksStep(f, c))
        return;
    if (c.readNotifier)
        c.readNotifier->setEnabled(!c.fdEof && c.toChannel.size() < BufferCap
                                   && c.stage != ForwardConn::Closing);
}

bool SshWorker::socksStep(Forward &f, ForwardConn &c)
{
    QByteArray &in = c.socksIn;
    if (c.stage == ForwardConn::SocksGreeting) {
        if (in.size() < 2)
            return !c.fdEof || (closeConn(f, c, {}), false);
        if (in.at(0) != 0x05) {
            closeConn(f, c, Tr::tr("A client spoke something other than SOCKS5."));
            return false;
        }
        const int n = quint8(in.at(1));
        if (in.size() < 2 + n)
            return true;
        const QByteArray methods = in.mid(2, n);
        in.remove(0, 2 + n);
        if (!methods.contains('\0')) {
            c.toFd += QByteArray("\x05\xFF", 2);
            c.stage = ForwardConn::Closing;
            return true;
        }
        c.toFd += QByteArray("\x05\x00", 2);
        c.stage = ForwardConn::SocksRequest;
    }
    if (c.stage != ForwardConn::SocksRequest || in.size() < 5)
        return true;
    const char cmd = in.at(1);
    const char atyp = in.at(3);
    int need = 0;
    QByteArray host;
    if (atyp == 0x01) {
        need = 10;
        if (in.size() >= need) {
            char text[INET_ADDRSTRLEN] = {};
            inet_ntop(AF_INET, in.constData() + 4, text, sizeof text);
            host = text;
        }
    } else if (atyp == 0x03) {
        need = 7 + quint8(in.at(4));
        if (in.size() >= need)
            host = in.mid(5, quint8(in.at(4)));
    } else if (atyp == 0x04) {
        need = 22;
        if (in.size() >= need) {
            char text[INET6_ADDRSTRLEN] = {};
            inet_ntop(AF_INET6, in.constData() + 4, text, sizeof text);
            host = text;
        }
    } else {
        c.toFd += socksReply(0x08); // address type not supported
        c.stage = ForwardConn::Closing;
        return true;
    }
    if (in.size() < need)
        return true;
    const quint16 port = quint16((quint8(in.at(need - 2)) << 8) | quint8(in.at(need - 1)));
    c.toChannel += in.mid(need); // a client may send data right behind the request
    in.clear();
    if (cmd != 0x01) { // BIND and UDP ASSOCIATE are not offered
        c.toFd += socksReply(0x07);
        c.stage = ForwardConn::Closing;
        return true;
    }
    c.host = host;
    c.port = port;
    c.channel = ssh_channel_new(m_ssh);
    c.stage = ForwardConn::Opening;
    return true;
}

bool SshWorker::advanceConn(Forward &f, ForwardConn &c)
{
    if (c.dead)
        return false;
    if (c.stage == ForwardConn::Opening) {
        if (!c.channel) {
            closeConn(f, c, Tr::tr("Could not open a channel on %1.").arg(hostName()));
            return false;
        }
        const int rc = ssh_channel_open_forward(c.channel, c.host.constData(), c.port,
                                                c.peerAddress.isEmpty() ? "127.0.0.1" : c.peerAddress.constData(),
                                                c.peerPort);
        if (rc == SSH_AGAIN)
            return true;
        if (rc != SSH_OK) {
            const QString detail = QString::fromUtf8(ssh_get_error(m_ssh));
            f.lastError = Tr::tr("%1 could not open a connection to %2 port %3 (%4).")
                              .arg(hostName(), QString::fromUtf8(c.host))
                              .arg(c.port)
                              .arg(detail);
            ssh_channel_free(c.channel);
            c.channel = nullptr;
            if (!c.socks) {
                closeConn(f, c, {});
                return false;
            }
            c.toFd += socksReply(socksCodeFor(detail));
            c.stage = ForwardConn::Closing;
        } else {
            if (c.socks)
                c.toFd += socksReply(0x00);
            c.stage = ForwardConn::Running;
        }
    }
    if (c.stage == ForwardConn::SocksGreeting || c.stage == ForwardConn::SocksRequest) {
        if (!c.toFd.isEmpty()) {
            const ssize_t n = ::send(c.fd, c.toFd.constData(), size_t(c.toFd.size()), MSG_NOSIGNAL);
            if (n > 0)
                c.toFd.remove(0, int(n));
        }
        if (c.fdEof) {
            closeConn(f, c, {});
            return false;
        }
        return true;
    }

    char buf[Chunk];
    // channel -> local socket
    if (c.channel && (c.stage == ForwardConn::Running || c.stage == ForwardConn::Connecting)) {
        while (c.toFd.size() < BufferCap) {
            const int n = ssh_channel_read_nonblocking(c.channel, buf, sizeof buf, 0);
            if (n == SSH_ERROR) {
                closeConn(f, c, {});
                return false;
            }
            if (n <= 0)
                break;
            c.toFd.append(buf, n);
            f.bytesIn += n;
        }
    }
    if (c.stage == ForwardConn::Connecting)
        return true;
    while (!c.toFd.isEmpty()) {
        const ssize_t n = ::send(c.fd, c.toFd.constData(), size_t(c.toFd.size()), MSG_NOSIGNAL);
        if (n > 0) {
            c.toFd.remove(0, int(n));
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            c.writeNotifier->setEnabled(true);
            break;
        }
        closeConn(f, c, {}); // the local side went away
        return false;
    }
    if (c.stage == ForwardConn::Closing) {
        if (c.toFd.isEmpty()) {
            closeConn(f, c, {});
            return false;
        }
        return true;
    }
    if (c.toFd.isEmpty() && !c.fdShut && ssh_channel_is_eof(c.channel)) {
        ::shutdown(c.fd, SHUT_WR);
        c.fdShut = true;
    }
    // local socket -> channel
    while (!c.toChannel.isEmpty()) {
        const uint32_t window = ssh_channel_window_size(c.channel);
        if (window == 0)
            break;
        const uint32_t len = std::min<uint32_t>({window, uint32_t(Chunk), uint32_t(c.toChannel.size())});
        const int n = ssh_channel_write(c.channel, c.toChannel.constData(), len);
        if (n == SSH_ERROR) {
            closeConn(f, c, {});
            return false;
        }
        if (n <= 0)
            break;
        c.toChannel.remove(0, n);
        f.bytesOut += n;
    }
    if (c.fdEof && c.toChannel.isEmpty() && !c.eofSent) {
        ssh_channel_send_eof(c.channel);
        c.eofSent = true;
    }
    if (c.readNotifier)
        c.readNotifier->setEnabled(!c.fdEof && c.toChannel.size() < BufferCap);
    if ((ssh_channel_is_closed(c.channel) && c.toFd.isEmpty()) || (c.fdShut && c.eofSent)) {
        closeConn(f, c, {});
        return false;
    }
    return true;
}

void SshWorker::pumpForwards()
{
    bool changed = false;
    for (auto &[id, f] : m_forwards) {
        const qint64 in = f->bytesIn, out = f->bytesOut;
        for (auto it = f->conns.begin(); it != f->conns.end();) {
            advanceConn(*f, *it->second);
            if (it->second->dead) {
                it = f->conns.erase(it);
                changed = true;
            } else {
                ++it;
            }
            if (linkDown())
                return;
        }
        changed = changed || in != f->bytesIn || out != f->bytesOut;
    }
    if (changed)
        publishForwards();
}

} // namespace Qwq::Ssh::Internal
