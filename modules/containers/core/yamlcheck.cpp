// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "yamlcheck.h"

#include <QRegularExpression>
#include <QStringList>

#include <yaml-cpp/yaml.h>

namespace Qwq::Containers {

YamlLocation locateYamlProblem(const QString &yaml, const QString &helperMessage)
{
    YamlLocation loc;
    try {
        (void)YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &e) {
        // yaml-cpp's exceptions are caught here, at the one boundary, and become data.
        if (!e.mark.is_null()) {
            loc.line = e.mark.line + 1;
            loc.column = e.mark.column + 1;
        }
        loc.message = QString::fromStdString(e.msg);
        return loc;
    }
    // Valid YAML: a key the helper names ('imagee', "imagee") is found by its first use.
    static const QRegularExpression named(QStringLiteral("['\"“]([A-Za-z0-9_.-]+)['\"”]"));
    const auto m = named.match(helperMessage);
    if (!m.hasMatch())
        return loc;
    const QRegularExpression keyLine(QStringLiteral("^(\\s*)") + QRegularExpression::escape(m.captured(1))
                                     + QStringLiteral("\\s*:"));
    const QStringList lines = yaml.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const auto k = keyLine.match(lines.at(i));
        if (k.hasMatch()) {
            loc.line = i + 1;
            loc.column = int(k.capturedLength(1)) + 1;
            return loc;
        }
    }
    return loc;
}

} // namespace Qwq::Containers
