// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QDateTime>
#include <QList>
#include <QString>

namespace Qwq::Databases {

/// A statement that ran, or a query saved under a name.
struct LibraryEntry
{
    QDateTime when;
    QString sql;
    QString name;     // saved queries only
    bool ok = true;   // history only
    qint64 elapsedMs = -1;
};

/// The history and the saved queries of each connection, as JSON-lines files under
/// Paths::dataDir()/databases/ (history-<id>.jsonl, at most 2,000 newest kept; saved-<id>.json).
/// Statements are kept as typed: the history is the user's own text, never the rows.
class QueryLibrary final
{
public:
    explicit QueryLibrary(QString directory = {}); ///< empty: the default directory

    Result<void> appendHistory(const QString &connectionId, const LibraryEntry &entry);
    QList<LibraryEntry> history(const QString &connectionId, int newest = 500) const;
    Result<void> clearHistory(const QString &connectionId);

    QList<LibraryEntry> saved(const QString &connectionId) const;
    /// Saves under `name`, replacing a query of the same name.
    Result<void> save(const QString &connectionId, const QString &name, const QString &sql);
    Result<void> removeSaved(const QString &connectionId, const QString &name);

private:
    QString historyFile(const QString &id) const;
    QString savedFile(const QString &id) const;
    Result<void> writeSaved(const QString &id, const QList<LibraryEntry> &entries);

    QString m_dir;
};

} // namespace Qwq::Databases
