// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "snippetstore.h"

#include "terminaltr.h"

#include <core/core/paths.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

namespace Qwq::Terminal {

namespace {
const QRegularExpression &variablePattern()
{
    static const QRegularExpression re(
        QStringLiteral(R"(\{\{\s*([A-Za-z_][A-Za-z0-9_]{0,63})\s*(?::([^{}\n]*))?\}\})"));
    return re;
}
constexpr int kFormatVersion = 1;
} // namespace

SnippetStore::SnippetStore(QString filePath) : m_path(std::move(filePath)) {}

QString SnippetStore::defaultPath()
{
    return Paths::dataDir() + QStringLiteral("/terminal-snippets.json");
}

Result<QJsonObject> SnippetStore::readAll() const
{
    QFile f(m_path);
    if (!f.exists())
        return QJsonObject();
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Internal, Tr::tr("The snippets file %1 cannot be read.").arg(m_path),
                     f.errorString());
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return Error(ErrorCode::InvalidParam,
                     Tr::tr("The snippets file %1 is not valid JSON; it was left as it is.").arg(m_path),
                     pe.errorString());
    return doc.object();
}

Result<QList<Snippet>> SnippetStore::load(const QString &profileId) const
{
    const auto all = readAll();
    if (!all)
        return all.error();
    QList<Snippet> out;
    const QJsonArray list = all->value(QStringLiteral("profiles")).toObject().value(profileId).toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        Snippet s;
        s.name = o.value(QStringLiteral("name")).toString();
        s.text = o.value(QStringLiteral("text")).toString();
        s.run = o.value(QStringLiteral("run")).toBool();
        if (!s.text.isEmpty())
            out.append(s);
    }
    return out;
}

Result<void> SnippetStore::save(const QString &profileId, const QList<Snippet> &snippets) const
{
    auto all = readAll();
    if (!all)
        return all.error();   // never overwrite a file we could not understand
    QJsonArray list;
    for (const Snippet &s : snippets) {
        list.append(QJsonObject{{QStringLiteral("name"), s.name},
                                {QStringLiteral("text"), s.text},
                                {QStringLiteral("run"), s.run}});
    }
    QJsonObject profiles = all->value(QStringLiteral("profiles")).toObject();
    if (list.isEmpty())
        profiles.remove(profileId);
    else
        profiles.insert(profileId, list);
    all->insert(QStringLiteral("version"), kFormatVersion);
    all->insert(QStringLiteral("profiles"), profiles);

    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile f(m_path);
    if (!f.open(QIODevice::WriteOnly))
        return Error(ErrorCode::Internal, Tr::tr("The snippets file %1 cannot be written.").arg(m_path),
                     f.errorString());
    f.write(QJsonDocument(*all).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return Error(ErrorCode::Internal, Tr::tr("The snippets file %1 cannot be written.").arg(m_path),
                     f.errorString());
    return {};
}

QList<SnippetVariable> SnippetStore::variables(const QString &text)
{
    QList<SnippetVariable> out;
    for (auto it = variablePattern().globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString name = m.captured(1);
        if (std::none_of(out.cbegin(), out.cend(), [&](const SnippetVariable &v) { return v.name == name; }))
            out.append({name, m.captured(2)});
    }
    return out;
}

QString SnippetStore::expand(const QString &text, const QHash<QString, QString> &values)
{
    QString out;
    qsizetype done = 0;
    for (auto it = variablePattern().globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).sliced(done, m.capturedStart() - done);
        const auto v = values.constFind(m.captured(1));
        out += v != values.cend() ? *v : m.captured(2);
        done = m.capturedEnd();
    }
    out += QStringView(text).sliced(done);
    return out;
}

} // namespace Qwq::Terminal
