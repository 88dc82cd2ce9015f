// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Qwq::Terminal {

/// A saved command line for terminals of one server. `text` may hold variables such as
/// `tail -n {{lines:100}} {{file}}` (a name, optionally a default after the colon); they are
/// asked before the snippet is pasted. Pasted text is not executed unless `run` is set.
struct Snippet
{
    QString name;
    QString text;
    bool run = false;
    bool operator==(const Snippet &) const = default;
};

/// A variable of a snippet: its name and the default offered.
struct SnippetVariable
{
    QString name;
    QString defaultValue;
    bool operator==(const SnippetVariable &) const = default;
};

/// Snippets per server profile id, kept in one JSON file (by default
/// `terminal-snippets.json` in Paths::dataDir()), written atomically (QSaveFile). Saving one
/// profile's list leaves the others as they are. Errors name the file and what is wrong; a
/// missing file is an empty list.
class SnippetStore final
{
public:
    explicit SnippetStore(QString filePath = defaultPath());
    static QString defaultPath();
    QString filePath() const { return m_path; }

    Result<QList<Snippet>> load(const QString &profileId) const;
    Result<void> save(const QString &profileId, const QList<Snippet> &snippets) const;

    /// The variables in `text`, each name once, in order of first use.
    static QList<SnippetVariable> variables(const QString &text);
    /// `text` with every variable replaced by its value (missing: its default).
    static QString expand(const QString &text, const QHash<QString, QString> &values);

private:
    Result<QJsonObject> readAll() const;
    QString m_path;
};

} // namespace Qwq::Terminal
