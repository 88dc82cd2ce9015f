// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QObject>
#include <QProcess>

#include <memory>

namespace Qwq::Ssh {
class ExecChannel;
}

namespace Qwq::Helper {

/// A byte pipe to a running `qwq-helper serve`: a local process or an SSH exec channel.
/// Lives in the client's thread. `closed` is emitted once, with the reason.
class IHelperTransport : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void write(const QByteArray &data) = 0;
    virtual void close() = 0;

signals:
    void received(const QByteArray &data);
    void stderrReceived(const QByteArray &data);
    void closed(const Qwq::Error &reason);
};

/// "This computer": the helper as a child process over a pipe.
class LocalProcessTransport final : public IHelperTransport
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalProcessTransport)
public:
    explicit LocalProcessTransport(QObject *parent = nullptr);
    ~LocalProcessTransport() override;

    /// Starts `program args…`; failure to start is reported through `closed`.
    void start(const QString &program, const QStringList &args);
    void write(const QByteArray &data) override;
    void close() override;

private:
    QProcess m_process;
    bool m_closed = false;
};

/// The helper on an SSH exec channel. Holds the channel; the session owns the link.
class SshExecTransport final : public IHelperTransport
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SshExecTransport)
public:
    explicit SshExecTransport(std::shared_ptr<Ssh::ExecChannel> channel, QObject *parent = nullptr);
    ~SshExecTransport() override;
    void write(const QByteArray &data) override;
    void close() override;

private:
    std::shared_ptr<Ssh::ExecChannel> m_channel;
    bool m_closed = false;
};

} // namespace Qwq::Helper
