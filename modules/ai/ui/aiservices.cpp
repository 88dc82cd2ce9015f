// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aiservices.h"

#include <ai/core/aitr.h>
#include <ai/core/conversationstore.h>
#include <core/core/auditlog.h>
#include <core/core/paths.h>

namespace Qwq::Ai {

AiServices::AiServices(QString conversationsPath, QString auditPath)
    : m_conversationsPath(std::move(conversationsPath)), m_auditPath(std::move(auditPath))
{
    if (auto help = HelpIndex::builtIn())
        m_help = *help;
    else
        qCWarning(lcAi).noquote() << help.error().toString();
}

AiServices::~AiServices() = default;

ConversationStore *AiServices::conversations()
{
    if (!m_storeTried) {
        m_storeTried = true;
        auto store = std::make_unique<ConversationStore>(m_conversationsPath);
        if (auto r = store->open(); r)
            m_store = std::move(store);
        else
            m_openError = r.error();
    }
    return m_store.get();
}

AuditLog *AiServices::audit()
{
    if (!m_auditTried) {
        m_auditTried = true;
        auto audit = std::make_unique<AuditLog>(m_auditPath.isEmpty() ? Paths::auditDatabase()
                                                                      : m_auditPath);
        if (auto r = audit->open(); r)
            m_audit = std::move(audit);
        else
            m_openError = r.error();
    }
    return m_audit.get();
}

} // namespace Qwq::Ai
