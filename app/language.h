// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Qwq::App {

/// Installs qwq's and Qt's translators for `language` ("en", "zh_CN", or empty for the
/// system's). Widgets see QEvent::LanguageChange and retranslate themselves: the switch is
/// live. Returns the language in effect.
QString applyLanguage(const QString &language);

} // namespace Qwq::App
