// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Qwq::Paths {

/// Where qwq keeps its files. `QWQ_HOME` (tests, portable installs) puts everything under one
/// directory; otherwise the platform's standard locations are used.
QString configDir();      // profiles, settings, known_hosts
QString dataDir();        // audit log, histories
QString cacheDir();
QString knownHostsFile(); // qwq's own known_hosts (OpenSSH format)
QString userKnownHostsFile(); // ~/.ssh/known_hosts (read only)
QString profilesFile();
QString settingsFile();
QString auditDatabase();
QString logFile();

/// The qwq-helper binary this app carries: $QWQ_HELPER, next to the executable, or in
/// ../lib/qwq/ for installed layouts. Empty when not found.
QString helperBinary();

} // namespace Qwq::Paths
