// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Qwq::Editor::Languages {

/// Names CodeEditor::setLanguage() understands: "plain", "yaml", "json", "bash", "nginx",
/// "sql", "diff", "ini", "markdown", "xml", "dockerfile" (styled as bash until it has a lexer).
QStringList names();
/// A language name for a file name or path ("docker-compose.yml" → "yaml",
/// "/etc/nginx/sites-available/default" → "nginx"), "plain" when unknown.
QString forFileName(const QString &fileName);
/// The name as given when known (case-insensitive, aliases like "yml", "sh", "conf"
/// resolved), else "plain".
QString normalize(const QString &name);

} // namespace Qwq::Editor::Languages
