// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dbtunnel.h"

#include "databasestr.h"

#include <helper/core/serverconnection.h>

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace Qwq::Databases {

DbTunnel::DbTunnel(Helper::ServerConnection *connection, const ConnectionSpec &spec, QObject *parent)
    : QObject(parent), m_connection(connection), m_spec(spec)
{
}

DbTunnel::~DbTunnel()
{
    close();
}

QFuture<Result<Endpoint>> DbTunnel::open()
{
    close();
    const bool local = !m_connection || m_connection->profile().isLocal();
    if (local || !m_spec.viaSsh) {
        Endpoint ep;
        ep.host = m_spec.host;
        ep.port = m_spec.port;
        return QtFuture::makeReadyFuture(Result<Endpoint>(ep));
    }
    // Short and private: sun_path holds 108 bytes, and only this user may connect.
    QString base = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (base.isEmpty() || base.size() > 60)
        base = QDir::tempPath();
    m_dir = std::make_unique<QTemporaryDir>(base + QStringLiteral("/qwq-db-XXXXXX"));
    if (!m_dir->isValid()) {
        const QString err = m_dir->errorString();
        m_dir.reset();
        return QtFuture::makeReadyFuture(Result<Endpoint>(
            Error(ErrorCode::Internal, Tr::tr("Could not make a private directory for the database bridge."), err)));
    }
    QFile::setPermissions(m_dir->path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    // PostgreSQL's client finds a socket as DIR/.s.PGSQL.PORT; the others take the path.
    const QString name = m_spec.engine == Engine::PostgreSql ? QStringLiteral(".s.PGSQL.%1").arg(m_spec.port)
                                                             : QStringLiteral("bridge.sock");
    const QString path = m_dir->path() + QLatin1Char('/') + name;
    Ssh::ForwardRule rule;
    rule.kind = Ssh::ForwardRule::Local;
    rule.bindPath = path;
    rule.targetHost = m_spec.host;
    rule.targetPort = m_spec.port;
    const QString dir = m_dir->path();
    const quint16 port = m_spec.port;
    QPointer<DbTunnel> self(this);
    return m_connection->startForward(rule).then(this, [self, path, dir, port](const Result<int> &r) {
        if (!r)
            return Result<Endpoint>(r.error());
        if (self)
            self->m_socketPath = path;
        Endpoint ep;
        ep.socketPath = path;
        ep.host = dir;
        ep.port = port;
        return Result<Endpoint>(ep);
    });
}

void DbTunnel::close()
{
    if (!m_socketPath.isEmpty() && m_connection) {
        // After a reconnect the forward runs again under a new id: find it by its socket.
        for (const Ssh::ForwardStatus &f : m_connection->forwards()) {
            if (f.rule.bindPath == m_socketPath)
                m_connection->stopForward(f.id);
        }
    }
    m_socketPath.clear();
    m_dir.reset();
}

} // namespace Qwq::Databases
