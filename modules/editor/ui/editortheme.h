// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>

namespace Qwq::Editor {

/// Light or dark colours; Auto follows the application palette (and its changes).
enum class EditorTheme { Auto, Light, Dark };

/// The colours editors and diff views use, one set per light/dark.
struct EditorColors
{
    QColor paper, text, caretLine, selection, margin, marginText;
    QColor comment, keyword, string, variable, number, operatorColor;
    QColor added, removed, addedStrong, removedStrong, filler, hunkCurrent;
    QColor error, warning;

    static EditorColors forDark(bool dark);
    /// Whether a theme means dark colours now (Auto: the application palette's window colour).
    static bool isDark(EditorTheme theme);
};

} // namespace Qwq::Editor
