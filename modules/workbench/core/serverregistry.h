// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <profiles/core/profile.h>

#include <QHash>
#include <QObject>

namespace Qwq {
class AuditLog;
}
namespace Qwq::Profiles {
class ProfileStore;
class SecretStore;
}

namespace Qwq::Workbench {

class ServerContext;

/// The shell's list of servers: one ServerConnection + ServerContext per profile, created
/// lazily and kept in step with the profile store (edits reach the connection, removals
/// close it). GUI-free so it can be tested without widgets.
class ServerRegistry final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerRegistry)
public:
    ServerRegistry(Profiles::ProfileStore *store, Profiles::SecretStore *secrets, AuditLog *audit,
                   QObject *parent = nullptr);
    ~ServerRegistry() override;

    Profiles::ProfileStore *store() const { return m_store; }
    Profiles::SecretStore *secrets() const { return m_secrets; }
    /// The context of a profile (created on first use); nullptr for an unknown id.
    ServerContext *context(const QString &profileId);
    QList<ServerContext *> contexts() const { return m_contexts.values(); }
    /// A panel asks the shell to select a server and show its panels.
    void requestShowServer(const QString &profileId) { emit showServerRequested(profileId); }

signals:
    void contextCreated(Qwq::Workbench::ServerContext *context);
    void contextRemoved(const QString &profileId);
    void serverStateChanged(const QString &profileId);
    void showServerRequested(const QString &profileId);

private:
    void syncWithStore();

    Profiles::ProfileStore *m_store;
    Profiles::SecretStore *m_secrets;
    AuditLog *m_audit;
    QHash<QString, ServerContext *> m_contexts;
};

} // namespace Qwq::Workbench
