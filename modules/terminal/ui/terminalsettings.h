// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QObject>
#include <QString>

namespace Qwq::Terminal {

/// The terminal options of the Settings dialog (and of the terminal's context menu), kept in
/// core settings under `terminal/…`. save() tells every open terminal (TerminalSettingsNotifier)
/// so changes apply live.
struct TerminalSettings
{
    static constexpr int kMinScrollback = 1000;
    static constexpr int kMaxScrollback = 1000000;

    QFont font;                        // terminal/font
    QString theme = QStringLiteral("auto");   // terminal/theme: auto (system), dark, light
    bool copyOnSelect = false;         // terminal/copyOnSelect
    bool allowClipboardWrite = false;  // terminal/allowOsc52: programs may set the clipboard
    int scrollbackLines = 100000;      // terminal/scrollbackLines
    bool confirmMultiLinePaste = true; // terminal/confirmMultiLinePaste

    static QFont defaultFont();
    static TerminalSettings load();
    /// Stores the settings and notifies open terminals.
    void save() const;
    bool operator==(const TerminalSettings &) const = default;
};

/// Emits changed() after TerminalSettings::save(); open TerminalViews listen.
class TerminalSettingsNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminalSettingsNotifier)
public:
    static TerminalSettingsNotifier *instance();

signals:
    void changed();

private:
    TerminalSettingsNotifier() = default;
};

} // namespace Qwq::Terminal
