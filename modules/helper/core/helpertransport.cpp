// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "helpertransport.h"

#include "helpertr.h"

#include <ssh/core/sshsession.h>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace Qwq::Helper {

LocalProcessTransport::LocalProcessTransport(QObject *parent) : IHelperTransport(parent)
{
#ifdef Q_OS_UNIX
    // Its own process group: Ctrl+C in a terminal reaches qwq/qwqctl, which cancels calls
    // properly, not the helper behind them. The helper still exits when its stdin closes.
    m_process.setChildProcessModifier([] { ::setpgid(0, 0); });
#endif
    connect(&m_process, &QProcess::readyReadStandardOutput, this,
            [this] { emit received(m_process.readAllStandardOutput()); });
    connect(&m_process, &QProcess::readyReadStandardError, this,
            [this] { emit stderrReceived(m_process.readAllStandardError()); });
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus st) {
        if (m_closed)
            return;
        m_closed = true;
        emit closed(Error(ErrorCode::ConnectionFailed,
                          Tr::tr("The local helper stopped"),
                          st == QProcess::CrashExit ? QStringLiteral("crashed")
                                                    : QStringLiteral("exit code %1").arg(code)));
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart || m_closed)
            return;
        m_closed = true;
        emit closed(Error(ErrorCode::HelperDeployFailed,
                          Tr::tr("The local helper could not be started"),
                          m_process.program() + QStringLiteral(": ") + m_process.errorString()));
    });
}

LocalProcessTransport::~LocalProcessTransport()
{
    m_closed = true;
    if (m_process.state() != QProcess::NotRunning) {
        m_process.closeWriteChannel();   // the helper exits on EOF
        if (!m_process.waitForFinished(1000))
            m_process.kill();
        m_process.waitForFinished(1000);
    }
}

void LocalProcessTransport::start(const QString &program, const QStringList &args)
{
    m_process.start(program, args, QIODevice::ReadWrite | QIODevice::Unbuffered);
}

void LocalProcessTransport::write(const QByteArray &data)
{
    if (!m_closed)
        m_process.write(data);
}

void LocalProcessTransport::close()
{
    if (m_process.state() != QProcess::NotRunning)
        m_process.closeWriteChannel();
}

SshExecTransport::SshExecTransport(std::shared_ptr<Ssh::ExecChannel> channel, QObject *parent)
    : IHelperTransport(parent), m_channel(std::move(channel))
{
    auto *ch = m_channel.get();
    connect(ch, &Ssh::ExecChannel::stdoutReceived, this, &IHelperTransport::received);
    connect(ch, &Ssh::ExecChannel::stderrReceived, this, &IHelperTransport::stderrReceived);
    connect(ch, &Ssh::ExecChannel::finished, this, [this](int status) {
        if (m_closed)
            return;
        m_closed = true;
        emit closed(Error(ErrorCode::ConnectionFailed, Tr::tr("The helper on the server stopped"),
                          QStringLiteral("exit status %1").arg(status)));
    });
    connect(ch, &Ssh::ExecChannel::failed, this, [this](const Error &e) {
        if (m_closed)
            return;
        m_closed = true;
        emit closed(e);
    });
}

SshExecTransport::~SshExecTransport()
{
    m_closed = true;
    if (m_channel)
        m_channel->close();
}

void SshExecTransport::write(const QByteArray &data)
{
    if (!m_closed)
        m_channel->write(data);
}

void SshExecTransport::close()
{
    m_channel->closeWrite();
}

} // namespace Qwq::Helper
