// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "forwardspecs.h"

#include "tunnelstr.h"

#include <QStringList>

namespace Qwq::Tunnels {

namespace {
Error invalid(const QString &member, const QString &message)
{
    return Error(ErrorCode::InvalidParam, message, {}, {}, QStringLiteral("rule.") + member);
}

Result<quint16> port(const QString &text, const QString &member, bool zeroAllowed)
{
    bool ok = false;
    const uint v = text.toUInt(&ok);
    const bool digits = !text.isEmpty()
                        && std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isDigit(); });
    if (!ok || !digits || v > 65535 || (!zeroAllowed && v == 0))
        return invalid(member, zeroAllowed ? Tr::tr("“%1” is not a port from 0 to 65535").arg(text.left(20))
                                           : Tr::tr("“%1” is not a port from 1 to 65535").arg(text.left(20)));
    return quint16(v);
}
} // namespace

Result<Profiles::ForwardSpec> parseForwardSpec(const QString &text)
{
    Profiles::ForwardSpec f;
    f.name = text.left(64);
    if (text.isEmpty())
        return invalid(QStringLiteral("kind"), Tr::tr("The rule is empty"));
    const QChar k = text.at(0).toUpper();
    if (k == QLatin1Char('L'))
        f.kind = QStringLiteral("local");
    else if (k == QLatin1Char('R'))
        f.kind = QStringLiteral("remote");
    else if (k == QLatin1Char('D'))
        f.kind = QStringLiteral("dynamic");
    else
        return invalid(QStringLiteral("kind"),
                       Tr::tr("A rule starts with L (local), R (remote) or D (dynamic)"));
    QStringList parts = text.mid(1).split(QLatin1Char(':'));
    const bool dynamic = f.kind == QLatin1String("dynamic");
    const qsizetype minParts = dynamic ? 1 : 3;
    if (parts.size() != minParts && parts.size() != minParts + 1)
        return invalid(QStringLiteral("kind"),
                       dynamic ? Tr::tr("A dynamic rule looks like D[bind:]port")
                               : Tr::tr("A rule looks like %1[bind:]port:host:hostport").arg(k));
    if (parts.size() == minParts + 1) {
        f.bindAddress = parts.takeFirst();
        if (f.bindAddress.isEmpty())
            return invalid(QStringLiteral("bindAddress"), Tr::tr("The bind address is empty"));
    }
    const auto bind = port(parts.takeFirst(), QStringLiteral("bindPort"), f.kind != QLatin1String("remote"));
    if (!bind)
        return bind.error();
    f.bindPort = *bind;
    if (!dynamic) {
        f.targetHost = parts.takeFirst();
        const auto target = port(parts.takeFirst(), QStringLiteral("targetPort"), false);
        if (!target)
            return target.error();
        f.targetPort = *target;
    }
    if (auto r = Profiles::validateForward(f, QStringLiteral("rule")); !r) {
        // The name is ours (the text); any other complaint is about what the user typed.
        if (r.error().field != QLatin1String("rule.name"))
            return r.error();
        f.name = QStringLiteral("adhoc");
    }
    return f;
}

QString kindTitle(const QString &kind)
{
    if (kind == QLatin1String("remote"))
        return Tr::tr("Remote", "forward kind");
    if (kind == QLatin1String("dynamic"))
        return Tr::tr("Dynamic (SOCKS)", "forward kind");
    return Tr::tr("Local", "forward kind");
}

QString listenText(const Profiles::ForwardSpec &spec, quint16 boundPort)
{
    const quint16 p = boundPort ? boundPort : spec.bindPort;
    const QString address = spec.bindAddress.contains(QLatin1Char(':'))
                                ? QStringLiteral("[%1]").arg(spec.bindAddress)
                                : spec.bindAddress;
    if (p == 0)
        return Tr::tr("%1:any").arg(address);
    return QStringLiteral("%1:%2").arg(address).arg(p);
}

QString targetText(const Profiles::ForwardSpec &spec)
{
    if (spec.kind == QLatin1String("dynamic"))
        return Tr::tr("SOCKS5");
    const QString host = spec.targetHost.contains(QLatin1Char(':'))
                             ? QStringLiteral("[%1]").arg(spec.targetHost)
                             : spec.targetHost;
    return QStringLiteral("%1:%2").arg(host).arg(spec.targetPort);
}

} // namespace Qwq::Tunnels
