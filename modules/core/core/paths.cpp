// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace Qwq::Paths {

namespace {
QString base(QStandardPaths::StandardLocation loc, const char *sub)
{
    const QString home = qEnvironmentVariable("QWQ_HOME");
    QString dir = home.isEmpty()
                      ? QStandardPaths::writableLocation(loc)
                      : home + QLatin1Char('/') + QLatin1String(sub);
    if (home.isEmpty() && !dir.endsWith(QStringLiteral("/qwq")))
        dir += QStringLiteral("/qwq");
    QDir().mkpath(dir);
    return dir;
}
} // namespace

QString configDir() { return base(QStandardPaths::GenericConfigLocation, "config"); }
QString dataDir() { return base(QStandardPaths::GenericDataLocation, "data"); }
QString cacheDir() { return base(QStandardPaths::GenericCacheLocation, "cache"); }
QString knownHostsFile() { return configDir() + QStringLiteral("/known_hosts"); }
QString userKnownHostsFile() { return QDir::homePath() + QStringLiteral("/.ssh/known_hosts"); }
QString profilesFile() { return configDir() + QStringLiteral("/profiles.json"); }
QString settingsFile() { return configDir() + QStringLiteral("/qwq.ini"); }
QString auditDatabase() { return dataDir() + QStringLiteral("/audit.sqlite"); }
QString logFile() { return dataDir() + QStringLiteral("/qwq.log"); }

QString helperBinary()
{
    const QString env = qEnvironmentVariable("QWQ_HELPER");
    if (!env.isEmpty())
        return QFileInfo(env).isExecutable() ? env : QString();
    const QString appDir = QCoreApplication::applicationDirPath();
    const QStringList candidates{appDir + QStringLiteral("/qwq-helper"),
                                 appDir + QStringLiteral("/../lib/qwq/qwq-helper"),
                                 appDir + QStringLiteral("/../bin/qwq-helper")};
    for (const QString &candidate : candidates) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return {};
}

} // namespace Qwq::Paths
