// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminalsettings.h"

#include <core/core/settings.h>

#include <QFontDatabase>

namespace Qwq::Terminal {

namespace {
QString key(const char *name)
{
    return QStringLiteral("terminal/") + QLatin1String(name);
}
} // namespace

QFont TerminalSettings::defaultFont()
{
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    f.setStyleHint(QFont::TypeWriter);
    f.setFixedPitch(true);
    if (f.pointSizeF() < 10)
        f.setPointSizeF(10);
    return f;
}

TerminalSettings TerminalSettings::load()
{
    TerminalSettings s;
    s.font = defaultFont();
    const QString savedFont = Settings::value(key("font")).toString();
    if (QFont saved; !savedFont.isEmpty() && saved.fromString(savedFont))
        s.font = saved;
    const QString theme = Settings::value(key("theme")).toString();
    s.theme = theme == QLatin1String("dark") || theme == QLatin1String("light") ? theme
                                                                                : QStringLiteral("auto");
    s.copyOnSelect = Settings::value(key("copyOnSelect"), false).toBool();
    s.allowClipboardWrite = Settings::value(key("allowOsc52"), false).toBool();
    s.scrollbackLines = std::clamp(Settings::value(key("scrollbackLines"), 100000).toInt(),
                                   kMinScrollback, kMaxScrollback);
    s.confirmMultiLinePaste = Settings::value(key("confirmMultiLinePaste"), true).toBool();
    return s;
}

void TerminalSettings::save() const
{
    Settings::setValue(key("font"), font.toString());
    Settings::setValue(key("theme"), theme);
    Settings::setValue(key("copyOnSelect"), copyOnSelect);
    Settings::setValue(key("allowOsc52"), allowClipboardWrite);
    Settings::setValue(key("scrollbackLines"), std::clamp(scrollbackLines, kMinScrollback, kMaxScrollback));
    Settings::setValue(key("confirmMultiLinePaste"), confirmMultiLinePaste);
    emit TerminalSettingsNotifier::instance()->changed();
}

TerminalSettingsNotifier *TerminalSettingsNotifier::instance()
{
    static TerminalSettingsNotifier notifier;
    return &notifier;
}

} // namespace Qwq::Terminal
