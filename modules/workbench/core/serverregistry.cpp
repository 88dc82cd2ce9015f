// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverregistry.h"

#include "servercontext.h"

#include <helper/core/serverconnection.h>
#include <profiles/core/profilestore.h>

namespace Qwq::Workbench {

using Helper::ServerConnection;

ServerRegistry::ServerRegistry(Profiles::ProfileStore *store, Profiles::SecretStore *secrets,
                               AuditLog *audit, QObject *parent)
    : QObject(parent), m_store(store), m_secrets(secrets), m_audit(audit)
{
    connect(m_store, &Profiles::ProfileStore::profilesChanged, this, &ServerRegistry::syncWithStore);
}

ServerRegistry::~ServerRegistry()
{
    qDeleteAll(m_contexts);
}

ServerContext *ServerRegistry::context(const QString &profileId)
{
    if (ServerContext *c = m_contexts.value(profileId))
        return c;
    const auto profile = m_store->find(profileId);
    if (!profile || profile->id != profileId)
        return nullptr;
    auto *connection = new ServerConnection(*profile, m_secrets, m_audit);
    connection->setAutoReconnect(true);
    connection->setProfileStore(m_store);
    auto *ctx = new ServerContext(connection);
    ctx->setProfileStore(m_store);
    ctx->setSecretStore(m_secrets);
    connection->setParent(ctx);
    connect(connection, &ServerConnection::stateChanged, this,
            [this, profileId] { emit serverStateChanged(profileId); });
    m_contexts.insert(profileId, ctx);
    emit contextCreated(ctx);
    return ctx;
}

void ServerRegistry::syncWithStore()
{
    const QList<Profiles::Profile> profiles = m_store->profiles();
    for (const QString &id : m_contexts.keys()) {
        const auto it = std::find_if(profiles.cbegin(), profiles.cend(),
                                     [&](const Profiles::Profile &p) { return p.id == id; });
        ServerContext *ctx = m_contexts.value(id);
        if (it == profiles.cend()) {
            m_contexts.remove(id);
            emit contextRemoved(id);
            ctx->deleteLater();
        } else {
            // Takes effect at the next connect; a live session keeps its settings.
            ctx->connection()->setProfile(*it);
        }
    }
}

} // namespace Qwq::Workbench
