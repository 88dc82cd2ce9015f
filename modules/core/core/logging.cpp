// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>

#include <cstdio>

Q_LOGGING_CATEGORY(lcQwq, "qwq", QtInfoMsg)

namespace Qwq::Logging {

namespace {
QMutex g_mutex;
QFile *g_file = nullptr;
constexpr qint64 kMaxLogBytes = 8 * 1024 * 1024;

void handler(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    static const char *const names[] = {"debug", "warning", "critical", "fatal", "info"};
    const QByteArray line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8()
                            + ' ' + names[type] + ' ' + (ctx.category ? ctx.category : "")
                            + ": " + msg.toUtf8() + '\n';
    QMutexLocker lock(&g_mutex);
    fwrite(line.constData(), 1, size_t(line.size()), stderr);
    if (g_file) {
        g_file->write(line);
        g_file->flush();
    }
}
} // namespace

void install(const QString &file)
{
    QDir().mkpath(QFileInfo(file).absolutePath());
    // Keep one previous log; a log never grows without bound.
    if (QFileInfo(file).size() > kMaxLogBytes) {
        QFile::remove(file + QStringLiteral(".1"));
        QFile::rename(file, file + QStringLiteral(".1"));
    }
    auto *f = new QFile(file);
    if (f->open(QIODevice::Append | QIODevice::Text)) {
        QMutexLocker lock(&g_mutex);
        g_file = f;
    } else {
        delete f;
    }
    qInstallMessageHandler(handler);
}

} // namespace Qwq::Logging
