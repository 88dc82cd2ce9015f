// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dbtypes.h"

#include <core/core/result.h>

#include <QHash>
#include <QList>
#include <QString>

namespace Qwq::Databases {

/// The saved database connections of every server profile, in one JSON file
/// (Paths::configDir()/databases.json, written atomically). No passwords: those are in the
/// keychain under ConnectionSpec::passwordKey().
class ConnectionStore final
{
public:
    explicit ConnectionStore(QString file = {}); ///< empty: the default file
    Result<void> load();
    Result<void> save() const;

    QList<ConnectionSpec> connections(const QString &profileId) const;
    std::optional<ConnectionSpec> find(const QString &profileId, const QString &id) const;
    /// Adds (a new id is made when empty) or replaces by id; returns the stored spec.
    ConnectionSpec upsert(const QString &profileId, ConnectionSpec spec);
    void remove(const QString &profileId, const QString &id);
    QString fileName() const { return m_file; }

    /// Checks a spec before it is saved or used; the error names the field.
    static Result<void> validate(const ConnectionSpec &spec);

private:
    QString m_file;
    QHash<QString, QList<ConnectionSpec>> m_byProfile;
};

} // namespace Qwq::Databases
