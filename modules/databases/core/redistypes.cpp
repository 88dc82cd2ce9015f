// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "redistypes.h"

#include "databasestr.h"

#include <QLocale>
#include <QStringDecoder>

namespace Qwq::Databases {

RedisType redisTypeFromName(const QByteArray &typeReply)
{
    if (typeReply == "string")
        return RedisType::String;
    if (typeReply == "hash")
        return RedisType::Hash;
    if (typeReply == "list")
        return RedisType::List;
    if (typeReply == "set")
        return RedisType::Set;
    if (typeReply == "zset")
        return RedisType::ZSet;
    if (typeReply == "stream")
        return RedisType::Stream;
    if (typeReply == "none" || typeReply.isEmpty())
        return RedisType::None;
    return RedisType::Other;
}

QString redisTypeName(RedisType t)
{
    switch (t) {
    case RedisType::String: return QStringLiteral("string");
    case RedisType::Hash: return QStringLiteral("hash");
    case RedisType::List: return QStringLiteral("list");
    case RedisType::Set: return QStringLiteral("set");
    case RedisType::ZSet: return QStringLiteral("zset");
    case RedisType::Stream: return QStringLiteral("stream");
    case RedisType::Other: return QStringLiteral("other");
    case RedisType::None: break;
    }
    return QStringLiteral("none");
}

QList<RedisInfoSection> parseRedisInfo(const QByteArray &info)
{
    QList<RedisInfoSection> sections;
    for (QByteArray line : info.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        if (line.startsWith('#')) {
            sections.append({QString::fromUtf8(line.mid(1)).trimmed(), {}});
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        if (sections.isEmpty())
            sections.append({QString(), {}});
        sections.last().fields.append({QString::fromUtf8(line.left(colon)), QString::fromUtf8(line.mid(colon + 1))});
    }
    return sections;
}

RedisKeyspace parseRedisKeyspace(const QList<RedisInfoSection> &info, int databases)
{
    RedisKeyspace ks;
    ks.databases = databases > 0 ? databases : 16;
    for (const RedisInfoSection &s : info) {
        if (s.name.compare(QLatin1String("Keyspace"), Qt::CaseInsensitive) != 0)
            continue;
        for (const auto &[name, value] : s.fields) {
            if (!name.startsWith(QLatin1String("db")))
                continue;
            bool ok = false;
            const int db = name.mid(2).toInt(&ok);
            if (!ok || db < 0)
                continue;
            for (const QString &part : value.split(QLatin1Char(','))) {
                const QString k = part.section(QLatin1Char('='), 0, 0);
                const qint64 n = part.section(QLatin1Char('='), 1).toLongLong();
                if (k == QLatin1String("keys"))
                    ks.keys.insert(db, n);
                else if (k == QLatin1String("expires"))
                    ks.expires.insert(db, n);
            }
            ks.databases = qMax(ks.databases, db + 1);
        }
    }
    return ks;
}

namespace {

bool isBidiControl(char32_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x061C || c == 0x200E
           || c == 0x200F;
}

bool needsEscape(char32_t c, bool multiLine)
{
    if (multiLine && (c == '\n' || c == '\t' || c == '\r'))
        return false;
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || isBidiControl(c);
}

bool decodeUtf8(const QByteArray &bytes, QString *out)
{
    QStringDecoder dec(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    *out = dec.decode(bytes);
    return !dec.hasError();
}

QString cut(QString s, qsizetype maxChars)
{
    if (maxChars >= 0 && s.size() > maxChars) {
        s.truncate(maxChars);
        s.append(QChar(0x2026));
    }
    return s;
}

} // namespace

bool isRedisText(const QByteArray &bytes)
{
    QString s;
    if (!decodeUtf8(bytes, &s))
        return false;
    for (const char32_t c : s.toUcs4()) {
        if (needsEscape(c, true))
            return false;
    }
    return true;
}

QString redisDisplay(const QByteArray &bytes, bool multiLine, qsizetype maxChars, bool *escaped)
{
    // Decode no more than is shown: a 1 MiB value in a table cell costs nothing then.
    const qsizetype take = maxChars >= 0 ? qMin<qsizetype>(bytes.size(), maxChars * 4 + 4) : bytes.size();
    const QByteArray head = take < bytes.size() ? bytes.left(take) : bytes;
    QString text;
    bool valid = decodeUtf8(head, &text);
    if (!valid && take < bytes.size()) {
        // The cut may have split a character: drop up to three trailing bytes and look again.
        for (int drop = 1; drop <= 3 && !valid; ++drop)
            valid = decodeUtf8(head.chopped(drop), &text);
    }
    if (valid) {
        const QList<uint> ucs = text.toUcs4();
        bool any = false;
        for (const uint c : ucs)
            any = any || needsEscape(c, multiLine);
        if (escaped)
            *escaped = any;
        if (!any)
            return cut(text, maxChars);
        QString out;
        out.reserve(text.size() + 16);
        for (const uint c : ucs) {
            if (maxChars >= 0 && out.size() > maxChars)
                break;
            if (c == '\\')
                out += QLatin1String("\\\\");
            else if (c == '\n' && !multiLine)
                out += QLatin1String("\\n");
            else if (c == '\r' && !multiLine)
                out += QLatin1String("\\r");
            else if (c == '\t' && !multiLine)
                out += QLatin1String("\\t");
            else if (needsEscape(c, multiLine) && c < 0x80)
                out += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
            else if (needsEscape(c, multiLine))
                out += QStringLiteral("\\u{%1}").arg(c, 4, 16, QLatin1Char('0'));
            else
                out += QString::fromUcs4(reinterpret_cast<const char32_t *>(&c), 1);
        }
        return cut(out, maxChars);
    }
    if (escaped)
        *escaped = true;
    QString out;
    out.reserve(head.size() * 2);
    for (const char ch : head) {
        if (maxChars >= 0 && out.size() > maxChars)
            break;
        const uchar b = uchar(ch);
        if (b == '\\')
            out += QLatin1String("\\\\");
        else if (b == '\n')
            out += QLatin1String("\\n");
        else if (b == '\r')
            out += QLatin1String("\\r");
        else if (b == '\t')
            out += QLatin1String("\\t");
        else if (b >= 0x20 && b < 0x7F)
            out += QLatin1Char(char(b));
        else
            out += QStringLiteral("\\x%1").arg(b, 2, 16, QLatin1Char('0'));
    }
    if (maxChars >= 0 && take < bytes.size() && out.size() <= maxChars)
        out.append(QChar(0x2026));
    return cut(out, maxChars);
}

QString redisHexDump(const QByteArray &bytes, qsizetype maxBytes)
{
    const qsizetype n = maxBytes >= 0 ? qMin(bytes.size(), maxBytes) : bytes.size();
    QString out;
    out.reserve(n / 16 * 80 + 80);
    for (qsizetype off = 0; off < n; off += 16) {
        out += QStringLiteral("%1  ").arg(off, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (qsizetype i = 0; i < 16; ++i) {
            if (off + i < n) {
                const uchar b = uchar(bytes.at(off + i));
                out += QStringLiteral("%1 ").arg(b, 2, 16, QLatin1Char('0'));
                ascii += (b >= 0x20 && b < 0x7F) ? QLatin1Char(char(b)) : QLatin1Char('.');
            } else {
                out += QLatin1String("   ");
            }
            if (i == 7)
                out += QLatin1Char(' ');
        }
        out += QLatin1String(" |") + ascii + QLatin1String("|\n");
    }
    if (n < bytes.size())
        out += Tr::tr("… %n more byte(s) not shown", nullptr, int(qMin<qsizetype>(bytes.size() - n, INT_MAX)));
    return out;
}

QString formatRedisTtl(qint64 ttlMs)
{
    if (ttlMs == -1)
        return Tr::tr("No expiry");
    if (ttlMs < 0)
        return Tr::tr("Gone", "redis key no longer exists");
    if (ttlMs < 1000)
        return Tr::tr("%1 ms").arg(ttlMs);
    qint64 s = ttlMs / 1000;
    const qint64 d = s / 86400;
    const qint64 h = s % 86400 / 3600;
    const qint64 m = s % 3600 / 60;
    s %= 60;
    if (d)
        return Tr::tr("%1 d %2 h").arg(d).arg(h);
    if (h)
        return Tr::tr("%1 h %2 min").arg(h).arg(m);
    if (m)
        return Tr::tr("%1 min %2 s").arg(m).arg(s);
    return Tr::tr("%1 s").arg(s);
}

QString formatRedisBytes(qint64 bytes)
{
    return bytes < 0 ? QString() : QLocale().formattedDataSize(bytes);
}

} // namespace Qwq::Databases
