// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dbtypes.h"

#include <core/core/result.h>

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QTemporaryDir>

#include <memory>

namespace Qwq::Helper {
class ServerConnection;
}

namespace Qwq::Databases {

/// The way from this computer to a database the server sees at host:port.
///
/// Over SSH it is the internal bridge DESIGN.md allows: a unix socket in a private directory
/// (mode 0700, this user's only) whose connections go out as direct-tcpip channels of the
/// server's SSH session. The forward is started through the ServerConnection, so it comes back
/// by itself after a reconnect. For This computer, or a connection set to go straight, the
/// endpoint is the host and port themselves. Closing (or destroying) the tunnel stops the forward.
class DbTunnel final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DbTunnel)

public:
    DbTunnel(Helper::ServerConnection *connection, const ConnectionSpec &spec, QObject *parent = nullptr);
    ~DbTunnel() override;

    QFuture<Result<Endpoint>> open();
    void close();
    bool isBridged() const { return !m_socketPath.isEmpty(); }

private:
    QPointer<Helper::ServerConnection> m_connection;
    ConnectionSpec m_spec;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_socketPath;
};

} // namespace Qwq::Databases
