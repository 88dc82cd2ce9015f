// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "querylibrary.h"

#include "databasestr.h"

#include <core/core/paths.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

namespace Qwq::Databases {

namespace {
constexpr int HistoryKeep = 2000;

QString safeId(const QString &id)
{
    QString s = id;
    s.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    return s.left(80);
}

QJsonObject toJson(const LibraryEntry &e)
{
    QJsonObject o {{QStringLiteral("when"), e.when.toUTC().toString(Qt::ISODateWithMs)}, {QStringLiteral("sql"), e.sql}};
    if (!e.name.isEmpty())
        o.insert(QStringLiteral("name"), e.name);
    if (!e.ok)
        o.insert(QStringLiteral("ok"), false);
    if (e.elapsedMs >= 0)
        o.insert(QStringLiteral("ms"), double(e.elapsedMs));
    return o;
}

LibraryEntry fromJson(const QJsonObject &o)
{
    LibraryEntry e;
    e.when = QDateTime::fromString(o.value(QLatin1String("when")).toString(), Qt::ISODateWithMs);
    e.sql = o.value(QLatin1String("sql")).toString();
    e.name = o.value(QLatin1String("name")).toString();
    e.ok = o.value(QLatin1String("ok")).toBool(true);
    e.elapsedMs = qint64(o.value(QLatin1String("ms")).toDouble(-1));
    return e;
}

} // namespace

QueryLibrary::QueryLibrary(QString directory)
    : m_dir(directory.isEmpty() ? Paths::dataDir() + QStringLiteral("/databases") : std::move(directory))
{
}

QString QueryLibrary::historyFile(const QString &id) const
{
    return m_dir + QStringLiteral("/history-") + safeId(id) + QStringLiteral(".jsonl");
}

QString QueryLibrary::savedFile(const QString &id) const
{
    return m_dir + QStringLiteral("/saved-") + safeId(id) + QStringLiteral(".json");
}

Result<void> QueryLibrary::appendHistory(const QString &connectionId, const LibraryEntry &entry)
{
    QDir().mkpath(m_dir);
    const QString file = historyFile(connectionId);
    {
        QFile f(file);
        if (!f.open(QIODevice::Append | QIODevice::WriteOnly))
            return Error(ErrorCode::Internal, Tr::tr("Could not write %1.").arg(file), f.errorString());
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        f.write(QJsonDocument(toJson(entry)).toJson(QJsonDocument::Compact) + '\n');
        if (f.size() < 4 * 1024 * 1024)
            return {};
    }
    // too long: keep the newest entries
    const QList<LibraryEntry> keep = history(connectionId, HistoryKeep);
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return Error(ErrorCode::Internal, Tr::tr("Could not write %1.").arg(file), out.errorString());
    for (auto it = keep.crbegin(); it != keep.crend(); ++it)
        out.write(QJsonDocument(toJson(*it)).toJson(QJsonDocument::Compact) + '\n');
    if (!out.commit())
        return Error(ErrorCode::Internal, Tr::tr("Could not write %1.").arg(file), out.errorString());
    return {};
}

QList<LibraryEntry> QueryLibrary::history(const QString &connectionId, int newest) const
{
    QFile f(historyFile(connectionId));
    QList<LibraryEntry> out;
    if (!f.open(QIODevice::ReadOnly))
        return out;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (auto it = lines.crbegin(); it != lines.crend() && out.size() < newest; ++it) {
        const QJsonDocument doc = QJsonDocument::fromJson(*it);
        if (doc.isObject())
            out.append(fromJson(doc.object()));
    }
    return out; // newest first
}

Result<void> QueryLibrary::clearHistory(const QString &connectionId)
{
    QFile::remove(historyFile(connectionId));
    return {};
}

QList<LibraryEntry> QueryLibrary::saved(const QString &connectionId) const
{
    QFile f(savedFile(connectionId));
    QList<LibraryEntry> out;
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QJsonValue &v : QJsonDocument::fromJson(f.readAll()).array())
        out.append(fromJson(v.toObject()));
    return out;
}

Result<void> QueryLibrary::writeSaved(const QString &id, const QList<LibraryEntry> &entries)
{
    QDir().mkpath(m_dir);
    QJsonArray arr;
    for (const LibraryEntry &e : entries)
        arr.append(toJson(e));
    QSaveFile out(savedFile(id));
    if (!out.open(QIODevice::WriteOnly))
        return Error(ErrorCode::Internal, Tr::tr("Could not write %1.").arg(savedFile(id)), out.errorString());
    out.write(QJsonDocument(arr).toJson(QJsonDocument::Indented));
    if (!out.commit())
        return Error(ErrorCode::Internal, Tr::tr("Could not write %1.").arg(savedFile(id)), out.errorString());
    return {};
}

Result<void> QueryLibrary::save(const QString &connectionId, const QString &name, const QString &sql)
{
    if (name.trimmed().isEmpty())
        return Error(ErrorCode::InvalidParam, Tr::tr("Give the query a name."), {}, {}, QStringLiteral("name"));
    QList<LibraryEntry> all = saved(connectionId);
    all.removeIf([&](const LibraryEntry &e) { return e.name == name.trimmed(); });
    LibraryEntry e;
    e.when = QDateTime::currentDateTimeUtc();
    e.name = name.trimmed();
    e.sql = sql;
    all.append(e);
    return writeSaved(connectionId, all);
}

Result<void> QueryLibrary::removeSaved(const QString &connectionId, const QString &name)
{
    QList<LibraryEntry> all = saved(connectionId);
    all.removeIf([&](const LibraryEntry &e) { return e.name == name; });
    return writeSaved(connectionId, all);
}

} // namespace Qwq::Databases
