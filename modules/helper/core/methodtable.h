// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QHash>
#include <QString>

namespace Qwq::Helper {

enum class Risk { Read, SecretRead, Mutating, Destructive, Unknown };

QString riskName(Risk risk);
Risk riskFromName(const QString &name);
/// Mutating and destructive calls change the server; unknown methods count as destructive.
inline bool changesServer(Risk r) { return r == Risk::Mutating || r == Risk::Destructive || r == Risk::Unknown; }

/// The helper's method table with each method's risk class: read from the app's embedded
/// copy of remote-helper/methods.json (known before any connection), replaced by what the
/// helper reports in `initialize`.
class MethodTable final
{
public:
    static MethodTable embedded();
    static Result<MethodTable> fromJson(const QByteArray &json);

    Risk risk(const QString &method) const { return m_risks.value(method, Risk::Unknown); }
    bool contains(const QString &method) const { return m_risks.contains(method); }
    QStringList methods() const;
    void insert(const QString &method, Risk r) { m_risks.insert(method, r); }

private:
    QHash<QString, Risk> m_risks;
};

} // namespace Qwq::Helper
