// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "methodtable.h"

#include "helpertr.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Qwq::Helper {

QString riskName(Risk r)
{
    switch (r) {
    case Risk::Read: return QStringLiteral("read");
    case Risk::SecretRead: return QStringLiteral("secret-read");
    case Risk::Mutating: return QStringLiteral("mutating");
    case Risk::Destructive: return QStringLiteral("destructive");
    case Risk::Unknown: break;
    }
    return QStringLiteral("unknown");
}

Risk riskFromName(const QString &n)
{
    if (n == QLatin1String("read")) return Risk::Read;
    if (n == QLatin1String("secret-read")) return Risk::SecretRead;
    if (n == QLatin1String("mutating")) return Risk::Mutating;
    if (n == QLatin1String("destructive")) return Risk::Destructive;
    return Risk::Unknown;
}

Result<MethodTable> MethodTable::fromJson(const QByteArray &json)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (!doc.isArray())
        return Error(ErrorCode::Internal, Tr::tr("The helper's method list is not valid"),
                     pe.errorString());
    MethodTable t;
    for (const QJsonValue &v : doc.array()) {
        const QJsonObject o = v.toObject();
        const QString name = o.value(QStringLiteral("name")).toString();
        if (name.isEmpty())
            continue;
        t.m_risks.insert(name, riskFromName(o.value(QStringLiteral("risk")).toString()));
    }
    return t;
}

MethodTable MethodTable::embedded()
{
    QFile f(QStringLiteral(":/qwq/methods.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    auto t = fromJson(f.readAll());
    return t ? *t : MethodTable{};
}

QStringList MethodTable::methods() const
{
    QStringList l = m_risks.keys();
    l.sort();
    return l;
}

} // namespace Qwq::Helper
