// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>
#include <helper/core/serverconnection.h>

#include <QObject>

namespace Qwq::Profiles {
class ProfileStore;
class SecretStore;
}

namespace Qwq::Workbench {

/// What a panel gets to reach its server: the profile, the connection and its helper client,
/// and a place to report problems (they land in the Issues list). Owned by the shell, one per
/// server; panels never reach into the main window.
class ServerContext final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerContext)
public:
    explicit ServerContext(Helper::ServerConnection *connection, QObject *parent = nullptr);

    Helper::ServerConnection *connection() const { return m_connection; }
    const Profiles::Profile &profile() const { return m_connection->profile(); }
    QString serverId() const { return profile().id; }
    QString serverName() const { return profile().name; }
    bool isReady() const;
    /// The helper client while Ready, else nullptr.
    Helper::HelperClient *helper() const;

    /// The store the profile lives in, for panels that edit it (set by ServerRegistry; may be
    /// nullptr in tests).
    void setProfileStore(Profiles::ProfileStore *store) { m_store = store; }
    Profiles::ProfileStore *profileStore() const { return m_store; }
    /// The keychain, for panels that remember a secret of this server (a TSIG key, …) under
    /// keys starting with the profile id (set by ServerRegistry; may be nullptr in tests).
    void setSecretStore(Profiles::SecretStore *secrets) { m_secrets = secrets; }
    Profiles::SecretStore *secretStore() const { return m_secrets; }

    /// A panel reports a failure: `source` says where (a panel id) so the Issues list can jump
    /// back to it.
    void reportError(const QString &source, const Error &error);

    /// "Ask AI" from any panel: the AI pane of this server comes forward with `question`
    /// filled in and `attachment` (what the user is looking at: a filesystem, a log excerpt)
    /// shown under it, titled `attachmentTitle`. Nothing is sent until the user sends it.
    void askAi(const QString &question, const QString &attachmentTitle = {},
               const QString &attachment = {});

signals:
    void readyChanged(bool ready);
    void askAiRequested(const QString &question, const QString &attachmentTitle,
                        const QString &attachment);
    void errorReported(const QString &serverId, const QString &source, const Qwq::Error &error);

private:
    Helper::ServerConnection *m_connection;
    Profiles::ProfileStore *m_store = nullptr;
    Profiles::SecretStore *m_secrets = nullptr;
};

} // namespace Qwq::Workbench
