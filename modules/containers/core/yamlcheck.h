// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Qwq::Containers {

/// Where a compose file goes wrong, found on this machine (the helper's 4004 names line and
/// column in its error data, which the app's Error does not carry yet): a YAML syntax error's
/// 1-based line and column from yaml-cpp, or the line of a key the helper's message names
/// ("unknown key 'imagee'"). line 0 when neither finds it.
struct YamlLocation
{
    int line = 0;
    int column = 0;
    QString message;   // yaml-cpp's, English
};

YamlLocation locateYamlProblem(const QString &yaml, const QString &helperMessage = {});

} // namespace Qwq::Containers
