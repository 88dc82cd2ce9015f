// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Qwq::Websites {

/// One directive directly inside a server block: its name, its arguments (quotes removed),
/// and its 1-based line.
struct BlockDirective
{
    QString name;
    QStringList args;
    int line = 0;
};

/// The directives directly inside the `server {` whose keyword is on `serverLine` of `text`
/// (nested blocks such as locations are skipped; comments and quoted strings are read the
/// way nginx reads them). Empty when there is no server block on that line. The directive
/// form of a hand-written site starts from this; the helper re-reads the file before it
/// changes anything.
QList<BlockDirective> serverBlockDirectives(const QString &text, int serverLine);

} // namespace Qwq::Websites
