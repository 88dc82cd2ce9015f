// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <ai/core/helpindex.h>
#include <ai/core/toolregistry.h>
#include <profiles/core/secretstore.h>

#include <memory>
#include <optional>
#include <utility>

namespace Qwq {
class AuditLog;
}

namespace Qwq::Ai {

class ConversationStore;

/// What every AI panel shares, owned by the AI module: the tools modules registered, the
/// conversation store, the audit log (its own connection to the app's audit database), the
/// keychain and the bundled help. Files are opened on first use; a file that cannot be
/// opened is reported once by a panel (takeOpenError()), and the pane still works without
/// history.
class AiServices final
{
public:
    /// `conversationsPath` / `auditPath` empty: the defaults under Paths::dataDir().
    explicit AiServices(QString conversationsPath = {}, QString auditPath = {});
    ~AiServices();
    AiServices(const AiServices &) = delete;
    AiServices &operator=(const AiServices &) = delete;

    ToolRegistry &tools() { return m_tools; }
    const Profiles::SecretStore &secrets() const { return m_secrets; }
    const HelpIndex &help() const { return m_help; }
    /// nullptr when the store cannot be opened (see takeOpenError()).
    ConversationStore *conversations();
    AuditLog *audit();
    /// The first failure to open a file, once (the next call returns nothing).
    std::optional<Error> takeOpenError() { return std::exchange(m_openError, std::nullopt); }

private:
    QString m_conversationsPath;
    QString m_auditPath;
    ToolRegistry m_tools;
    Profiles::SecretStore m_secrets;
    HelpIndex m_help;
    std::unique_ptr<ConversationStore> m_store;
    std::unique_ptr<AuditLog> m_audit;
    bool m_storeTried = false;
    bool m_auditTried = false;
    std::optional<Error> m_openError;
};

} // namespace Qwq::Ai
