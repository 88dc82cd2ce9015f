// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sshconfigparser.h"

#include "profilestr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace Qwq::Profiles {

namespace {
constexpr int MaxIncludeDepth = 16;

bool hasWildcard(const QString &s)
{
    return s.contains(QLatin1Char('*')) || s.contains(QLatin1Char('?'));
}
} // namespace

SshConfigParser::SshConfigParser(QString sshDir) : m_sshDir(std::move(sshDir)) {}

void SshConfigParser::warn(const QString &file, int line, const QString &message)
{
    m_warnings.append(line > 0 ? QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(message)
                               : QStringLiteral("%1: %2").arg(file, message));
}

Result<void> SshConfigParser::parseFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::FileError, Tr::tr("Cannot read the SSH configuration %1").arg(path),
                     f.errorString(), {}, QStringLiteral("file"));
    QStringList patterns{QStringLiteral("*")};
    QStringList stack{QFileInfo(path).canonicalFilePath()};
    parse(f.readAll(), path, 0, patterns, stack);
    return {};
}

void SshConfigParser::parseText(const QByteArray &text, const QString &fileName)
{
    QStringList patterns{QStringLiteral("*")};
    QStringList stack;
    parse(text, fileName, 0, patterns, stack);
}

std::optional<QStringList> SshConfigParser::splitArgs(const QString &text)
{
    QStringList out;
    QString current;
    bool inToken = false;
    QChar quote;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else if (c == QLatin1Char('\\') && i + 1 < text.size() && text.at(i + 1) == quote)
                current += text.at(++i);
            else
                current += c;
            continue;
        }
        if (c.isSpace()) {
            if (inToken)
                out.append(current);
            current.clear();
            inToken = false;
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
            inToken = true;
        } else if (c == QLatin1Char('#') && !inToken) {
            break;   // a trailing comment
        } else {
            current += c;
            inToken = true;
        }
    }
    if (!quote.isNull())
        return std::nullopt;
    if (inToken)
        out.append(current);
    return out;
}

void SshConfigParser::parse(const QByteArray &text, const QString &file, int depth,
                            QStringList &patterns, QStringList &stack)
{
    static const QRegularExpression keyRe(QStringLiteral("^[A-Za-z][A-Za-z0-9]*$"));
    bool inMatch = false;
    const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    for (int n = 0; n < lines.size(); ++n) {
        const int lineNo = n + 1;
        const QString line = lines.at(n).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        qsizetype k = 0;
        while (k < line.size() && !line.at(k).isSpace() && line.at(k) != QLatin1Char('='))
            ++k;
        const QString key = line.left(k).toLower();
        QString rest = line.mid(k).trimmed();
        if (rest.startsWith(QLatin1Char('=')))
            rest = rest.mid(1).trimmed();
        if (!keyRe.match(key).hasMatch()) {
            warn(file, lineNo, Tr::tr("not a configuration line; ignored"));
            continue;
        }
        const auto args = splitArgs(rest);
        if (!args) {
            warn(file, lineNo, Tr::tr("unbalanced quotes; line ignored"));
            continue;
        }
        if (args->isEmpty()) {
            warn(file, lineNo, Tr::tr("“%1” has no value; ignored").arg(line.left(k)));
            continue;
        }
        if (key == QLatin1String("host")) {
            inMatch = false;
            patterns = *args;
            for (const QString &p : *args) {
                if (!hasWildcard(p) && !p.startsWith(QLatin1Char('!')) && !m_aliases.contains(p))
                    m_aliases.append(p);
            }
            continue;
        }
        if (key == QLatin1String("match")) {
            // Never evaluated: "Match exec" would run a shell command.
            inMatch = true;
            warn(file, lineNo, Tr::tr("Match blocks are not supported; the block was skipped"));
            continue;
        }
        if (inMatch)
            continue;
        if (key == QLatin1String("include")) {
            for (const QString &arg : *args)
                include(arg, file, lineNo, depth, patterns, stack);
            continue;
        }
        m_directives.append({patterns, key, *args, file, lineNo});
    }
}

void SshConfigParser::include(const QString &arg, const QString &file, int line, int depth,
                              const QStringList &patterns, QStringList &stack)
{
    if (depth + 1 > MaxIncludeDepth) {
        warn(file, line, Tr::tr("Include nested more than %1 levels deep; ignored").arg(MaxIncludeDepth));
        return;
    }
    QString path = arg;
    if (path == QLatin1String("~") || path.startsWith(QLatin1String("~/")))
        path = QFileInfo(m_sshDir).absolutePath() + path.mid(1);   // the .ssh dir's parent is ~
    else if (QFileInfo(path).isRelative())
        path = m_sshDir + QLatin1Char('/') + path;
    const QFileInfo info(path);
    QStringList files;
    if (hasWildcard(info.fileName())) {
        if (hasWildcard(info.path())) {
            warn(file, line, Tr::tr("wildcards are supported only in the file name of an Include"));
            return;
        }
        const QDir dir(info.path());
        for (const QString &name : dir.entryList({info.fileName()}, QDir::Files, QDir::Name))
            files.append(dir.filePath(name));
    } else if (info.exists()) {
        files.append(path);
    } else {
        warn(file, line, Tr::tr("included file %1 does not exist").arg(path));
    }
    for (const QString &f : std::as_const(files)) {
        const QString canonical = QFileInfo(f).canonicalFilePath();
        if (stack.contains(canonical)) {
            warn(file, line, Tr::tr("Include loop through %1; ignored").arg(f));
            continue;
        }
        QFile in(f);
        if (!in.open(QIODevice::ReadOnly)) {
            warn(file, line, Tr::tr("cannot read included file %1").arg(f));
            continue;
        }
        // An Include inside a Host block is conditional on that block; the included file may
        // start its own blocks, which end with it.
        QStringList inner = patterns;
        stack.append(canonical);
        parse(in.readAll(), f, depth + 1, inner, stack);
        stack.removeLast();
    }
}

bool SshConfigParser::globMatch(const QString &pattern, const QString &text)
{
    // Iterative '*'/'?' matcher with backtracking to the last star.
    qsizetype p = 0, t = 0, star = -1, mark = 0;
    while (t < text.size()) {
        if (p < pattern.size()
            && (pattern.at(p) == QLatin1Char('?')
                || pattern.at(p).toLower() == text.at(t).toLower())) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern.at(p) == QLatin1Char('*')) {
            star = p++;
            mark = t;
        } else if (star >= 0) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern.at(p) == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

bool SshConfigParser::matches(const QStringList &patterns, const QString &host)
{
    bool positive = false;
    for (const QString &pattern : patterns) {
        for (const QString &one : pattern.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (one.startsWith(QLatin1Char('!'))) {
                if (globMatch(one.mid(1), host))
                    return false;   // a negated match vetoes the block
            } else if (globMatch(one, host)) {
                positive = true;
            }
        }
    }
    return positive;
}

QHash<QString, SshConfigParser::Directive> SshConfigParser::resolve(const QString &host) const
{
    QHash<QString, Directive> out;
    for (const Directive &d : m_directives) {
        if (!out.contains(d.key) && matches(d.patterns, host))
            out.insert(d.key, d);
    }
    return out;
}

} // namespace Qwq::Profiles
