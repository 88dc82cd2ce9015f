// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// SFTP in the worker thread. libssh 0.10's SFTP is synchronous (one request in flight) and
// expects a blocking session, so the session is switched to blocking mode for the duration
// of one operation; exec channels resume when it returns.
#include "sshworker.h"

#include "sshtr.h"

#include <QRandomGenerator>

#include <fcntl.h>

namespace Qwq::Ssh::Internal {

namespace {

constexpr qint64 SftpChunk = 64 * 1024;
// Over a jump chain the hops' sshds relay to each other over TCP without TCP_NODELAY: a reply
// larger than one channel packet crosses them in several writes, and Nagle holds the last until
// the peer's delayed ACK, ~40 ms per request (8 MiB took 6 s, not 0.2 s). Requests that fit one
// channel packet (libssh offers 32 KiB) avoid that.
constexpr qint64 ChainSftpChunk = 32 * 1024 - 512;

QString sftpCodeText(int code)
{
    switch (code) {
    case SSH_FX_OK: return QStringLiteral("ok");
    case SSH_FX_EOF: return QStringLiteral("end of file");
    case SSH_FX_NO_SUCH_FILE: return QStringLiteral("no such file");
    case SSH_FX_PERMISSION_DENIED: return QStringLiteral("permission denied");
    case SSH_FX_FAILURE: return QStringLiteral("failure");
    case SSH_FX_BAD_MESSAGE: return QStringLiteral("bad message");
    case SSH_FX_NO_CONNECTION: return QStringLiteral("no connection");
    case SSH_FX_CONNECTION_LOST: return QStringLiteral("connection lost");
    case SSH_FX_OP_UNSUPPORTED: return QStringLiteral("operation unsupported");
    case SSH_FX_FILE_ALREADY_EXISTS: return QStringLiteral("file already exists");
    default: return QStringLiteral("sftp error %1").arg(code);
    }
}

QByteArray shellQuote(const QByteArray &s)
{
    QByteArray q = s;
    q.replace('\'', "'\\''");
    return '\'' + q + '\'';
}

} // namespace

Error SshWorker::sftpError(const QString &message, const QString &path) const
{
    Q_UNUSED(path)
    QString detail;
    if (m_sftp)
        detail = sftpCodeText(sftp_get_error(m_sftp));
    if (m_ssh) {
        const QString e = QString::fromUtf8(ssh_get_error(m_ssh));
        if (!e.isEmpty())
            detail += (detail.isEmpty() ? QString() : QStringLiteral("; ")) + e;
    }
    return Error(ErrorCode::FileError, message, detail);
}

Result<sftp_session> SshWorker::sftp()
{
    if (m_sftp)
        return m_sftp;
    m_sftp = sftp_new(m_ssh);
    if (!m_sftp)
        return Error(ErrorCode::ChannelFailed,
                     Tr::tr("Could not start SFTP on %1.").arg(hostName()),
                     QString::fromUtf8(ssh_get_error(m_ssh)));
    if (sftp_init(m_sftp) != SSH_OK) {
        const Error e(ErrorCode::ChannelFailed, Tr::tr("Could not start SFTP on %1.").arg(hostName()),
                      sftpCodeText(sftp_get_error(m_sftp)) + QStringLiteral("; ")
                          + QString::fromUtf8(ssh_get_error(m_ssh)));
        sftp_free(m_sftp);
        m_sftp = nullptr;
        return e;
    }
    return m_sftp;
}

void SshWorker::afterBlocking()
{
    if (!m_ssh)
        return;
    ssh_set_blocking(m_ssh, 0);
    if (linkDown()) {
        closeAll(linkLost(), ConnectionState::Failed);
        return;
    }
    // Output that arrived for exec channels meanwhile is already buffered: hand it on.
    QMetaObject::invokeMethod(this, &SshWorker::pump, Qt::QueuedConnection);
}

void SshWorker::doHomeDirectory(const PromisePtr<QString> &promise)
{
    if (!isReady())
        return resolve(promise, Result<QString>(notConnected()));
    ssh_set_blocking(m_ssh, 1);
    Result<QString> r = [&]() -> Result<QString> {
        auto s = sftp();
        if (!s)
            return s.error();
        char *path = sftp_canonicalize_path(*s, ".");
        if (!path)
            return sftpError(Tr::tr("Could not find the home directory on %1.").arg(hostName()), {});
        const QString home = QString::fromUtf8(path);
        ssh_string_free_char(path);
        return home;
    }();
    afterBlocking();
    resolve(promise, std::move(r));
}

void SshWorker::doUpload(const QByteArray &data, const QString &remotePath, int mode,
                         const PromisePtr<void> &promise)
{
    if (!isReady())
        return resolve(promise, Result<void>(notConnected()));
    ssh_set_blocking(m_ssh, 1);
    Result<void> r = uploadImpl(data, remotePath, mode);
    afterBlocking();
    resolve(promise, std::move(r));
}

void SshWorker::doDownload(const QString &remotePath, qint64 maxBytes,
                           const PromisePtr<QByteArray> &promise)
{
    if (!isReady())
        return resolve(promise, Result<QByteArray>(notConnected()));
    ssh_set_blocking(m_ssh, 1);
    Result<QByteArray> r = downloadImpl(remotePath, maxBytes);
    afterBlocking();
    resolve(promise, std::move(r));
}

Result<void> SshWorker::mkdirParents(const QString &remotePath)
{
    const QStringList parts = remotePath.split(QLatin1Char('/'));
    QString prefix = remotePath.startsWith(QLatin1Char('/')) ? QStringLiteral("/") : QString();
    for (int i = 0; i + 1 < parts.size(); ++i) {
        if (parts.at(i).isEmpty())
            continue;
        prefix += parts.at(i);
        const QByteArray p = prefix.toUtf8();
        sftp_attributes st = sftp_stat(m_sftp, p.constData());
        if (st) {
            sftp_attributes_free(st);
        } else if (sftp_mkdir(m_sftp, p.constData(), 0700) != SSH_OK) {
            return sftpError(Tr::tr("Could not create the folder %1 on %2.").arg(prefix, hostName()),
                             prefix);
        }
        prefix += QLatin1Char('/');
    }
    return {};
}

Result<void> SshWorker::uploadImpl(const QByteArray &data, const QString &remotePath, int mode)
{
    auto s = sftp();
    if (!s)
        return s.error();
    if (remotePath.isEmpty() || remotePath.endsWith(QLatin1Char('/')))
        return Error(ErrorCode::InvalidParam, Tr::tr("The remote file name is empty."), {}, {},
                     QStringLiteral("remotePath"));
    if (auto r = mkdirParents(remotePath); !r)
        return r;

    const QString tmp = remotePath + QStringLiteral(".part-")
                        + QString::number(QRandomGenerator::global()->generate64(), 36);
    const QByteArray tmpPath = tmp.toUtf8();
    const QByteArray finalPath = remotePath.toUtf8();
    const auto failWrite = [&] {
        Error e = sftpError(Tr::tr("Could not write %1 on %2.").arg(remotePath, hostName()), remotePath);
        sftp_unlink(m_sftp, tmpPath.constData());
        return e;
    };

    sftp_file f = sftp_open(m_sftp, tmpPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (!f)
        return sftpError(Tr::tr("Could not write %1 on %2.").arg(remotePath, hostName()), remotePath);
    const qint64 chunk = m_relay ? ChainSftpChunk : SftpChunk;
    for (qint64 off = 0; off < data.size();) {
        const qint64 n = std::min<qint64>(chunk, data.size() - off);
        const ssize_t w = sftp_write(f, data.constData() + off, size_t(n));
        if (w <= 0) {
            sftp_close(f);
            return failWrite();
        }
        off += w;
    }
    if (sftp_extension_supported(m_sftp, "fsync@openssh.com", "1") && sftp_fsync(f) != SSH_OK) {
        sftp_close(f);
        return failWrite();
    }
    if (sftp_close(f) != SSH_OK)
        return failWrite();
    if (sftp_chmod(m_sftp, tmpPath.constData(), mode_t(mode)) != SSH_OK)
        return failWrite();
    if (sftp_rename(m_sftp, tmpPath.constData(), finalPath.constData()) != SSH_OK) {
        // SFTP v3 rename refuses an existing target and libssh 0.10 cannot send
        // posix-rename@openssh.com; rename(2) through `mv -f` keeps the swap atomic.
        auto mv = runBlocking("mv -f -- " + shellQuote(tmpPath) + ' ' + shellQuote(finalPath));
        if (!mv || mv->exitStatus != 0) {
            Error e = failWrite();
            if (mv)
                e.detail = QString::fromUtf8(mv->err).trimmed();
            return e;
        }
    }
    return {};
}

Result<QByteArray> SshWorker::downloadImpl(const QString &remotePath, qint64 maxBytes)
{
    auto s = sftp();
    if (!s)
        return s.error();
    const QByteArray path = remotePath.toUtf8();
    sftp_file f = sftp_open(m_sftp, path.constData(), O_RDONLY, 0);
    if (!f)
        return sftpError(Tr::tr("Could not read %1 on %2.").arg(remotePath, hostName()), remotePath);
    const auto tooLarge = [&] {
        return Error(ErrorCode::FileError,
                     Tr::tr("%1 on %2 is larger than %3 bytes.").arg(remotePath, hostName()).arg(maxBytes));
    };
    if (sftp_attributes st = sftp_fstat(f)) {
        const qint64 size = qint64(st->size);
        sftp_attributes_free(st);
        if (size > maxBytes) {
            sftp_close(f);
            return tooLarge();
        }
    }
    QByteArray out;
    QByteArray buf(m_relay ? ChainSftpChunk : SftpChunk, Qt::Uninitialized);
    for (;;) {
        const ssize_t n = sftp_read(f, buf.data(), size_t(buf.size()));
        if (n < 0) {
            Error e = sftpError(Tr::tr("Could not read %1 on %2.").arg(remotePath, hostName()), remotePath);
            sftp_close(f);
            return e;
        }
        if (n == 0)
            break;
        if (out.size() + n > maxBytes) {
            sftp_close(f);
            return tooLarge();
        }
        out.append(buf.constData(), n);
    }
    sftp_close(f);
    return out;
}

Result<ExecResult> SshWorker::runBlocking(const QByteArray &command)
{
    ssh_channel ch = ssh_channel_new(m_ssh);
    if (!ch || ssh_channel_open_session(ch) != SSH_OK || ssh_channel_request_exec(ch, command.constData()) != SSH_OK) {
        const Error e(ErrorCode::ChannelFailed, Tr::tr("%1 refused to run a command.").arg(hostName()),
                      QString::fromUtf8(ssh_get_error(m_ssh)));
        if (ch)
            ssh_channel_free(ch);
        return e;
    }
    ssh_channel_send_eof(ch);
    ExecResult r;
    char buf[4096];
    for (int stream = 0; stream < 2; ++stream) {
        int n;
        while ((n = ssh_channel_read(ch, buf, sizeof buf, stream)) > 0)
            (stream ? r.err : r.out).append(buf, n);
    }
    r.exitStatus = ssh_channel_get_exit_status(ch);
    ssh_channel_close(ch);
    ssh_channel_free(ch);
    return r;
}

} // namespace Qwq::Ssh::Internal
