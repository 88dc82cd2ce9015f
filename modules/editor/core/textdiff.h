// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace Qwq::Editor {

/// One line of a diff. Line numbers are 1-based; 0 where the line does not exist on that side
/// (an added line has no old number, a removed one no new number).
struct DiffLine
{
    enum class Kind { Context, Added, Removed };
    Kind kind = Kind::Context;
    int oldLine = 0;
    int newLine = 0;
    QString text; ///< without its line break

    bool operator==(const DiffLine &) const = default;
};

/// A run of changes with its context lines, as in a unified diff's "@@ -a,b +c,d @@".
struct DiffHunk
{
    int oldStart = 0;
    int oldCount = 0;
    int newStart = 0;
    int newCount = 0;
    QList<DiffLine> lines;
};

/// A line diff of two texts, computed by libgit2's xdiff (the engine git itself uses).
/// A value type: compute() never fails (texts are treated as text, never as binary); a
/// missing final line break is not a difference; CR LF and LF differ unless
/// ignoreTrailingWhitespace is set.
class TextDiff final
{
public:
    enum class Algorithm { Myers, MinimalMyers, Patience };
    struct Options
    {
        /// Unchanged lines kept around each change; fullContext() keeps the whole file (one
        /// hunk holding every line, which is what a side-by-side view wants).
        int contextLines = 3;
        Algorithm algorithm = Algorithm::Patience;
        bool ignoreWhitespace = false;         ///< all whitespace changes
        bool ignoreTrailingWhitespace = false; ///< at line ends, CR included (CR LF == LF)
        static Options fullContext();
    };

    TextDiff() = default;
    static TextDiff compute(const QString &oldText, const QString &newText);
    static TextDiff compute(const QString &oldText, const QString &newText, const Options &options);

    bool isIdentical() const { return m_hunks.isEmpty(); }
    const QList<DiffHunk> &hunks() const { return m_hunks; }
    int addedCount() const { return m_added; }
    int removedCount() const { return m_removed; }
    /// Lines of the old and new text (a final line break does not start another line).
    int oldLineCount() const { return m_oldLines; }
    int newLineCount() const { return m_newLines; }

    /// A unified diff ("--- a", "+++ b", "@@ … @@", " ", "-", "+" lines).
    QString toUnified(const QString &oldName = QStringLiteral("current"),
                      const QString &newName = QStringLiteral("proposed")) const;

private:
    QList<DiffHunk> m_hunks;
    int m_added = 0;
    int m_removed = 0;
    int m_oldLines = 0;
    int m_newLines = 0;
};

} // namespace Qwq::Editor
