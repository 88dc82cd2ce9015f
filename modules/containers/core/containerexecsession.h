// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>
#include <helper/core/helperclient.h>
#include <terminal/core/iterminalsession.h>

#include <QFuture>
#include <QPointer>
#include <QStringList>

namespace Qwq::Containers {

/// A terminal on a process inside a running container: `containers.exec` with a TTY on the
/// server's helper (PROTOCOL.md), output from its `$/stream` messages, keys and size sent as
/// `$/input` / `$/resize` notifications for the request (in order, never overtaking each
/// other). The call is mutating, so the client's policy applies: a read-only profile cannot
/// open one, a production profile confirms it. terminate() cancels the request (the helper
/// hangs up the process).
class ContainerExecSession final : public Terminal::ITerminalSession
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainerExecSession)
public:
    /// `container` is the id or name; `command` the argv (default: /bin/sh).
    ContainerExecSession(Helper::HelperClient *helper, QString container, QString displayName,
                         QStringList command = {}, QObject *parent = nullptr);
    ~ContainerExecSession() override;

    Result<void> start(int rows, int cols) override;
    void write(QByteArrayView bytes) override;
    void resize(int rows, int cols) override;
    void terminate() override;
    bool isRunning() const override { return m_running; }
    QString displayName() const override { return m_name; }

    /// The request id on the helper connection (0 before start or when refused).
    qint64 requestId() const { return m_requestId; }

private:
    void onStream(const QJsonObject &params);
    void end(int exitCode, const QString &description);

    QPointer<Helper::HelperClient> m_helper;
    QString m_container;
    QString m_name;
    QStringList m_command;
    QFuture<Result<QJsonValue>> m_future;
    qint64 m_requestId = 0;
    bool m_running = false;
    bool m_ended = false;
};

} // namespace Qwq::Containers
