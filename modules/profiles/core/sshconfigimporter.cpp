// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sshconfigimporter.h"

#include "profilestr.h"
#include "sshconfigparser.h"

#include <QJsonArray>
#include <QSet>
#include <QUuid>

#include <functional>

namespace Qwq::Profiles {

namespace {
using Settings = QHash<QString, SshConfigParser::Directive>;

struct Hop
{
    QString user;
    QString host;
    int port = 0;   // 0: not given
    QString key() const
    {
        QString k = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host;
        if (!user.isEmpty())
            k = user + QLatin1Char('@') + k;
        if (port)
            k += QStringLiteral(":%1").arg(port);
        return k;
    }
};

std::optional<Hop> parseHop(QString spec)
{
    Hop hop;
    if (spec.startsWith(QLatin1String("ssh://")))
        spec = spec.mid(6);
    const qsizetype at = spec.lastIndexOf(QLatin1Char('@'));
    if (at >= 0)
        hop.user = spec.left(at);
    QString rest = spec.mid(at + 1);
    QString port;
    if (rest.startsWith(QLatin1Char('['))) {
        const qsizetype close = rest.indexOf(QLatin1Char(']'));
        if (close < 0)
            return std::nullopt;
        hop.host = rest.mid(1, close - 1);
        rest = rest.mid(close + 1);
        if (rest.startsWith(QLatin1Char(':')))
            port = rest.mid(1);
        else if (!rest.isEmpty())
            return std::nullopt;
    } else if (rest.count(QLatin1Char(':')) == 1) {
        hop.host = rest.section(QLatin1Char(':'), 0, 0);
        port = rest.section(QLatin1Char(':'), 1);
    } else {
        hop.host = rest;
    }
    if (hop.host.isEmpty() || (at >= 0 && hop.user.isEmpty()))
        return std::nullopt;
    if (!port.isNull()) {
        bool ok = false;
        hop.port = port.toInt(&ok);
        if (!ok || hop.port < 1 || hop.port > 65535)
            return std::nullopt;
    }
    return hop;
}

/// One profile the config describes: an alias or a hop.
struct Candidate
{
    QString key;
    QString host;
    QJsonValue user, port, keepAlive;   // null: not in the config, inherit
    QString identityFile;
    std::optional<QStringList> hopKeys;   // nullopt: no ProxyJump, inherit
    bool isJump = false;
    bool broken = false;
};

QJsonValue fieldState(const Profile &p, const QString &f)
{
    if (f == QLatin1String("name")) return p.name;
    if (f == QLatin1String("host")) return p.host;
    if (f == QLatin1String("identityFile")) return p.identityFile;
    if (f == QLatin1String("auth")) return authName(p.auth);
    if (p.isInherited(f)) return QJsonValue::Null;
    if (f == QLatin1String("user")) return p.user;
    if (f == QLatin1String("port")) return int(p.port);
    if (f == QLatin1String("keepAliveSeconds")) return p.keepAliveSeconds;
    if (f == QLatin1String("jumpHosts")) return QJsonArray::fromStringList(p.jumpHosts);
    return {};
}

void setField(Profile &p, const QString &f, const QJsonValue &v)
{
    if (f == QLatin1String("name")) { p.name = v.toString(); return; }
    if (f == QLatin1String("host")) { p.host = v.toString(); return; }
    if (f == QLatin1String("identityFile")) { p.identityFile = v.toString(); return; }
    if (f == QLatin1String("auth")) { p.auth = authFromName(v.toString()).value_or(AuthMethod::Auto); return; }
    if (v.isNull()) {
        p.inherits.insert(f);
        return;
    }
    p.inherits.remove(f);
    if (f == QLatin1String("user")) p.user = v.toString();
    if (f == QLatin1String("port")) p.port = quint16(v.toInt());
    if (f == QLatin1String("keepAliveSeconds")) p.keepAliveSeconds = v.toInt();
    if (f == QLatin1String("jumpHosts")) {
        p.jumpHosts.clear();
        for (const QJsonValue &hop : v.toArray())
            p.jumpHosts.append(hop.toString());
    }
}
} // namespace

SshConfigImporter::SshConfigImporter(QString homeDir) : m_home(std::move(homeDir)) {}

QString SshConfigImporter::defaultConfigPath(const QString &homeDir)
{
    return homeDir + QStringLiteral("/.ssh/config");
}

QStringList SshConfigImporter::trackedFields()
{
    return {QStringLiteral("name"), QStringLiteral("host"), QStringLiteral("port"),
            QStringLiteral("user"), QStringLiteral("identityFile"), QStringLiteral("auth"),
            QStringLiteral("jumpHosts"), QStringLiteral("keepAliveSeconds")};
}

Result<ImportReport> SshConfigImporter::importInto(ProfileStore &store, const QString &configPath) const
{
    SshConfigParser parser(m_home + QStringLiteral("/.ssh"));
    if (auto r = parser.parseFile(configPath); !r)
        return r.error();
    ImportReport report;
    report.warnings = parser.warnings();
    const QStringList aliases = parser.aliases();
    const QString localUser = qEnvironmentVariable("USER");

    auto where = [](const SshConfigParser::Directive &d) { return QStringLiteral("%1:%2").arg(d.file).arg(d.line); };
    QHash<QString, Candidate> candidates;
    QStringList order;
    // Builds the candidate for `name` (an alias or a hop's host) as OpenSSH would resolve it.
    std::function<void(const QString &, const QString &, const Hop *)> build =
        [&](const QString &key, const QString &name, const Hop *hop) {
            Candidate c;
            c.key = key;
            c.isJump = hop != nullptr;
            const Settings s = parser.resolve(name);
            c.host = name;
            if (s.contains(QStringLiteral("hostname"))) {
                c.host = s.value(QStringLiteral("hostname")).args.first();
                c.host.replace(QLatin1String("%h"), name).replace(QLatin1String("%%"), QLatin1String("%"));
            }
            if (hop && !hop->user.isEmpty())
                c.user = hop->user;
            else if (s.contains(QStringLiteral("user")))
                c.user = s.value(QStringLiteral("user")).args.first();
            if (hop && hop->port) {
                c.port = hop->port;
            } else if (s.contains(QStringLiteral("port"))) {
                const auto &d = s.value(QStringLiteral("port"));
                const int port = d.args.first().toInt();
                if (port >= 1 && port <= 65535)
                    c.port = port;
                else
                    report.warnings.append(Tr::tr("%1: “%2” is not a port; ignored").arg(where(d), d.args.first()));
            }
            if (s.contains(QStringLiteral("serveraliveinterval"))) {
                const auto &d = s.value(QStringLiteral("serveraliveinterval"));
                bool ok = false;
                const int seconds = d.args.first().toInt(&ok);
                if (ok && seconds >= 0 && seconds <= 3600)
                    c.keepAlive = seconds;
                else
                    report.warnings.append(Tr::tr("%1: ServerAliveInterval must be 0 to 3600 seconds; ignored").arg(where(d)));
            }
            if (s.contains(QStringLiteral("identityfile"))) {
                const auto &d = s.value(QStringLiteral("identityfile"));
                const QString remoteUser = c.user.isString() ? c.user.toString() : localUser;
                QString in = d.args.first(), out;
                if (in == QLatin1String("~") || in.startsWith(QLatin1String("~/")))
                    in = m_home + in.mid(1);
                bool ok = in.compare(QLatin1String("none"), Qt::CaseInsensitive) != 0;
                for (qsizetype i = 0; ok && i < in.size(); ++i) {
                    if (in.at(i) != QLatin1Char('%')) {
                        out += in.at(i);
                        continue;
                    }
                    const QChar t = i + 1 < in.size() ? in.at(++i) : QChar();
                    if (t == QLatin1Char('%')) out += QLatin1Char('%');
                    else if (t == QLatin1Char('d')) out += m_home;
                    else if (t == QLatin1Char('u')) out += localUser;
                    else if (t == QLatin1Char('h')) out += c.host;
                    else if (t == QLatin1Char('r')) out += remoteUser;
                    else if (t == QLatin1Char('n')) out += name;
                    else {
                        ok = false;
                        report.warnings.append(Tr::tr("%1: IdentityFile token “%%2” is not supported; ignored").arg(where(d), t));
                    }
                }
                if (ok)
                    c.identityFile = QDir::isRelativePath(out) ? m_home + QStringLiteral("/") + out : out;
            }
            for (const char *ignored : {"proxycommand", "localcommand", "permitlocalcommand"}) {
                const auto d = s.value(QLatin1String(ignored));
                if (d.args.isEmpty() || d.args.first().compare(QLatin1String("none"), Qt::CaseInsensitive) == 0
                    || d.args.first().compare(QLatin1String("no"), Qt::CaseInsensitive) == 0)
                    continue;
                const QString keyword = qstrcmp(ignored, "proxycommand") == 0 ? QStringLiteral("ProxyCommand")
                                        : qstrcmp(ignored, "localcommand") == 0 ? QStringLiteral("LocalCommand")
                                                                                 : QStringLiteral("PermitLocalCommand");
                report.warnings.append(Tr::tr("ignored %1 for %2 (%3): qwq never runs local commands")
                                           .arg(keyword, key, where(d)));
            }
            candidates.insert(key, c);
            order.append(key);
            if (!s.contains(QStringLiteral("proxyjump")))
                return;
            const auto &d = s.value(QStringLiteral("proxyjump"));
            QStringList hopKeys;
            if (d.args.first().compare(QLatin1String("none"), Qt::CaseInsensitive) != 0) {
                for (const QString &spec : d.args.first().split(QLatin1Char(','))) {
                    const auto h = parseHop(spec.trimmed());
                    if (!h) {
                        report.warnings.append(Tr::tr("%1: ProxyJump hop “%2” is not understood; %3 skipped")
                                                   .arg(where(d), spec, key));
                        candidates[key].broken = true;
                        return;
                    }
                    const bool isAlias = h->user.isEmpty() && !h->port && aliases.contains(h->host);
                    const QString hopKey = isAlias ? h->host : h->key();
                    hopKeys.append(hopKey);
                    if (!candidates.contains(hopKey)) {
                        if (isAlias)
                            build(hopKey, hopKey, nullptr);
                        else
                            build(hopKey, h->host, &*h);
                    }
                }
            }
            candidates[key].hopKeys = hopKeys;
        };
    for (const QString &alias : aliases) {
        if (!candidates.contains(alias))
            build(alias, alias, nullptr);
    }

    // A candidate whose hops loop back to it, or lead through a skipped one, is skipped.
    QSet<QString> broken;
    for (const QString &key : std::as_const(order)) {
        if (candidates.value(key).broken)
            broken.insert(key);
    }
    std::function<bool(const QString &, QStringList &)> loops = [&](const QString &k, QStringList &stack) {
        if (stack.contains(k))
            return true;
        const Candidate c = candidates.value(k);
        stack.append(k);
        for (const QString &h : c.hopKeys.value_or(QStringList())) {
            if (loops(h, stack))
                return true;
        }
        stack.removeLast();
        return false;
    };
    for (const QString &key : std::as_const(order)) {
        QStringList stack;
        if (!broken.contains(key) && loops(key, stack)) {
            broken.insert(key);
            report.warnings.append(Tr::tr("ProxyJump loop for %1 (%2); skipped")
                                       .arg(key, stack.join(QStringLiteral(" → "))));
        }
    }

    ProfileStore::State next;
    QHash<QString, qsizetype> existing;   // alias → index in the store's profiles
    for (qsizetype i = 0; i < store.m_state.profiles.size(); ++i) {
        const Profile &p = store.m_state.profiles.at(i);
        if (!p.sshConfigAlias.isEmpty())
            existing.insert(p.sshConfigAlias, i);
    }
    QHash<QString, QString> idOf;
    for (const QString &key : std::as_const(order))
        idOf.insert(key, existing.contains(key) ? store.m_state.profiles.at(existing.value(key)).id
                                                : QUuid::createUuid().toString(QUuid::WithoutBraces));
    auto desiredFor = [&](const Candidate &c) {
        QJsonObject d{{QStringLiteral("name"), c.key},
                      {QStringLiteral("host"), c.host},
                      {QStringLiteral("port"), c.port},
                      {QStringLiteral("user"), c.user},
                      {QStringLiteral("identityFile"), c.identityFile},
                      {QStringLiteral("auth"), authName(c.identityFile.isEmpty() ? AuthMethod::Auto : AuthMethod::Key)},
                      {QStringLiteral("keepAliveSeconds"), c.keepAlive},
                      {QStringLiteral("jumpHosts"), QJsonValue::Null}};
        if (c.hopKeys) {
            QJsonArray ids;
            for (const QString &h : *c.hopKeys)
                ids.append(idOf.value(h));
            d.insert(QStringLiteral("jumpHosts"), ids);
        }
        return d;
    };

    // Build the next state; a profile that fails validation is skipped (with its dependants)
    // and the state is rebuilt without it.
    for (bool again = true; again;) {
        again = false;
        for (bool spread = true; spread;) {
            spread = false;
            for (const QString &key : std::as_const(order)) {
                const auto hops = candidates.value(key).hopKeys.value_or(QStringList());
                for (const QString &h : hops) {
                    if (!broken.contains(key) && broken.contains(h)) {
                        broken.insert(key);
                        spread = true;
                        report.warnings.append(Tr::tr("%1 skipped: its jump host %2 was skipped").arg(key, h));
                    }
                }
            }
        }
        next = store.m_state;
        report.added.clear();
        report.updated.clear();
        report.unchanged.clear();
        for (const QString &key : std::as_const(order)) {
            if (broken.contains(key))
                continue;
            const Candidate c = candidates.value(key);
            const QJsonObject desired = desiredFor(c);
            Profile p;
            QJsonObject before;
            if (existing.contains(key)) {
                p = next.profiles.at(existing.value(key));
                before = p.toJson();
            } else {
                p.id = idOf.value(key);
                p.sshConfigAlias = key;
                if (c.isJump)
                    p.tags = QStringList{QStringLiteral("jump")};
            }
            for (const QString &f : trackedFields()) {
                const bool editedLocally = p.sshImported.contains(f) && fieldState(p, f) != p.sshImported.value(f);
                if (!editedLocally)
                    setField(p, f, desired.value(f));
            }
            if (!existing.contains(key))
                p.name = ProfileStore::uniqueNameIn(next, p.name);
            p.sshImported = desired;
            if (auto v = validate(p); !v) {
                report.warnings.append(Tr::tr("%1 skipped: %2 [field: %3]").arg(key, v.error().message, v.error().field));
                broken.insert(key);
                again = true;
                break;
            }
            if (existing.contains(key)) {
                next.profiles[existing.value(key)] = p;
                (p.toJson() == before ? report.unchanged : report.updated).append(p.name);
            } else {
                next.profiles.append(p);
                report.added.append(p.name);
            }
        }
    }
    for (auto it = existing.cbegin(); it != existing.cend(); ++it) {
        if (!candidates.contains(it.key()))
            report.removed.append(store.m_state.profiles.at(it.value()).name);
    }
    report.removed.sort();
    if (auto c = store.commit(next); !c)
        return c.error();
    return report;
}

} // namespace Qwq::Profiles
