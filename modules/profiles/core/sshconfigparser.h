// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QHash>
#include <QList>
#include <QStringList>

namespace Qwq::Profiles {

/// Reads OpenSSH client configuration text into directives, in file order, each with the
/// `Host` patterns that govern it. Pure text processing: nothing is ever executed —
/// `Match` blocks are skipped (never evaluated), ProxyCommand/LocalCommand are only data.
/// `Include` follows files relative to the .ssh directory given at construction, with
/// globbing in the last path component, depth ≤ 16 and cycle detection. Malformed lines
/// become warnings ("file:line: …"); only an unreadable top-level file is an error.
class SshConfigParser final
{
public:
    struct Directive
    {
        QStringList patterns;   // the governing Host patterns ("*" before any Host line)
        QString key;            // lower case
        QStringList args;
        QString file;
        int line = 0;
    };

    explicit SshConfigParser(QString sshDir);

    Result<void> parseFile(const QString &path);
    void parseText(const QByteArray &text, const QString &fileName);

    const QList<Directive> &directives() const { return m_directives; }
    QStringList warnings() const { return m_warnings; }
    /// Concrete Host aliases (no wildcard, not negated), in order of first appearance.
    QStringList aliases() const { return m_aliases; }

    /// The first value of every keyword that applies to `host` (OpenSSH: first one wins).
    QHash<QString, Directive> resolve(const QString &host) const;

    static bool matches(const QStringList &patterns, const QString &host);
    static bool globMatch(const QString &pattern, const QString &text);
    /// Splits arguments like OpenSSH: whitespace-separated, "double" or 'single' quoted,
    /// an unquoted token starting with '#' ends the line. nullopt on an unbalanced quote.
    static std::optional<QStringList> splitArgs(const QString &text);

private:
    void parse(const QByteArray &text, const QString &file, int depth, QStringList &patterns,
               QStringList &stack);
    void include(const QString &arg, const QString &file, int line, int depth,
                 const QStringList &patterns, QStringList &stack);
    void warn(const QString &file, int line, const QString &message);

    QString m_sshDir;
    QList<Directive> m_directives;
    QStringList m_warnings;
    QStringList m_aliases;
};

} // namespace Qwq::Profiles
