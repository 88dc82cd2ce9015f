// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "textdiff.h"

#include <git2.h>

#include <algorithm>
#include <climits>
#include <mutex>

namespace Qwq::Editor {

namespace {

void initLibgit2()
{
    // libgit2 needs its global state once per process; we never shut it down (diffs may be
    // computed from any thread until exit).
    static std::once_flag once;
    std::call_once(once, [] { git_libgit2_init(); });
}

int countLines(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return 0;
    int n = int(bytes.count('\n'));
    if (!bytes.endsWith('\n'))
        ++n;
    return n;
}

struct Collector
{
    QList<DiffHunk> hunks;
    int added = 0;
    int removed = 0;
};

int onHunk(const git_diff_delta *, const git_diff_hunk *hunk, void *payload)
{
    auto *c = static_cast<Collector *>(payload);
    DiffHunk h;
    h.oldStart = hunk->old_start;
    h.oldCount = hunk->old_lines;
    h.newStart = hunk->new_start;
    h.newCount = hunk->new_lines;
    c->hunks.append(h);
    return 0;
}

int onLine(const git_diff_delta *, const git_diff_hunk *, const git_diff_line *line,
           void *payload)
{
    auto *c = static_cast<Collector *>(payload);
    if (c->hunks.isEmpty())
        return 0;
    DiffLine l;
    switch (line->origin) {
    case GIT_DIFF_LINE_CONTEXT: l.kind = DiffLine::Kind::Context; break;
    case GIT_DIFF_LINE_ADDITION: l.kind = DiffLine::Kind::Added; ++c->added; break;
    case GIT_DIFF_LINE_DELETION: l.kind = DiffLine::Kind::Removed; ++c->removed; break;
    default: return 0; // "\ No newline at end of file" markers and headers
    }
    l.oldLine = line->old_lineno > 0 ? line->old_lineno : 0;
    l.newLine = line->new_lineno > 0 ? line->new_lineno : 0;
    QByteArrayView content(line->content, qsizetype(line->content_len));
    if (content.endsWith('\n'))
        content.chop(1);
    if (content.endsWith('\r'))
        content.chop(1);
    l.text = QString::fromUtf8(content);
    c->hunks.last().lines.append(l);
    return 0;
}

} // namespace

TextDiff::Options TextDiff::Options::fullContext()
{
    Options o;
    o.contextLines = INT_MAX;
    return o;
}

TextDiff TextDiff::compute(const QString &oldText, const QString &newText)
{
    return compute(oldText, newText, Options());
}

TextDiff TextDiff::compute(const QString &oldText, const QString &newText, const Options &options)
{
    initLibgit2();
    QByteArray oldBytes = oldText.toUtf8();
    QByteArray newBytes = newText.toUtf8();
    TextDiff result;
    result.m_oldLines = countLines(oldBytes);
    result.m_newLines = countLines(newBytes);
    // A missing final line break is not a change worth a hunk here (both sides are shown
    // as lines); xdiff would report the last line as changed otherwise.
    if (!oldBytes.isEmpty() && !oldBytes.endsWith('\n'))
        oldBytes.append('\n');
    if (!newBytes.isEmpty() && !newBytes.endsWith('\n'))
        newBytes.append('\n');

    git_diff_options opts;
    git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
    opts.flags = GIT_DIFF_FORCE_TEXT;
    switch (options.algorithm) {
    case Algorithm::Myers: break;
    case Algorithm::Patience: opts.flags |= GIT_DIFF_PATIENCE; break;
    case Algorithm::MinimalMyers: opts.flags |= GIT_DIFF_MINIMAL; break;
    }
    if (options.ignoreWhitespace)
        opts.flags |= GIT_DIFF_IGNORE_WHITESPACE;
    if (options.ignoreTrailingWhitespace)
        opts.flags |= GIT_DIFF_IGNORE_WHITESPACE_EOL;
    opts.context_lines = uint32_t(qMax(0, options.contextLines));
    opts.interhunk_lines = 0;

    Collector c;
    const int rc = git_diff_buffers(oldBytes.constData(), size_t(oldBytes.size()), "a",
                                    newBytes.constData(), size_t(newBytes.size()), "b", &opts,
                                    nullptr, nullptr, onHunk, onLine, &c);
    if (rc != 0) {
        // Only an allocation failure can get here; show the texts as wholly replaced rather
        // than claim they are equal.
        c = Collector();
        DiffHunk h{1, result.m_oldLines, 1, result.m_newLines, {}};
        const QStringList o = oldText.split(QLatin1Char('\n'));
        const QStringList n = newText.split(QLatin1Char('\n'));
        for (int i = 0; i < result.m_oldLines; ++i)
            h.lines.append({DiffLine::Kind::Removed, i + 1, 0, o.value(i)});
        for (int i = 0; i < result.m_newLines; ++i)
            h.lines.append({DiffLine::Kind::Added, 0, i + 1, n.value(i)});
        c.hunks.append(h);
        c.removed = result.m_oldLines;
        c.added = result.m_newLines;
    }
    // With ignore options a hunk may hold no change at all.
    c.hunks.removeIf([](const DiffHunk &h) {
        return std::none_of(h.lines.begin(), h.lines.end(), [](const DiffLine &l) {
            return l.kind != DiffLine::Kind::Context;
        });
    });
    result.m_hunks = std::move(c.hunks);
    result.m_added = c.added;
    result.m_removed = c.removed;
    return result;
}

QString TextDiff::toUnified(const QString &oldName, const QString &newName) const
{
    if (m_hunks.isEmpty())
        return {};
    QString out = QStringLiteral("--- ") + oldName + QStringLiteral("\n+++ ") + newName
                  + QLatin1Char('\n');
    for (const DiffHunk &h : m_hunks) {
        out += QStringLiteral("@@ -%1,%2 +%3,%4 @@\n")
                   .arg(h.oldStart).arg(h.oldCount).arg(h.newStart).arg(h.newCount);
        for (const DiffLine &l : h.lines) {
            const QChar sign = l.kind == DiffLine::Kind::Added     ? QLatin1Char('+')
                               : l.kind == DiffLine::Kind::Removed ? QLatin1Char('-')
                                                                   : QLatin1Char(' ');
            out += sign + l.text + QLatin1Char('\n');
        }
    }
    return out;
}

} // namespace Qwq::Editor
