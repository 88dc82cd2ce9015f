// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "websitesservice.h"

#include "websitestr.h"

#include <QJsonArray>

namespace Qwq::Websites {

NginxInstall NginxInstall::fromJson(const QJsonObject &o)
{
    NginxInstall n;
    n.binary = o.value(QLatin1String("binary")).toString();
    n.flavor = o.value(QLatin1String("flavor")).toString();
    n.version = o.value(QLatin1String("version")).toString();
    n.confPath = o.value(QLatin1String("confPath")).toString();
    n.layout = o.value(QLatin1String("layout")).toString();
    n.siteDir = o.value(QLatin1String("siteDir")).toString();
    n.enabledDir = o.value(QLatin1String("enabledDir")).toString();
    for (const QJsonValue &v : o.value(QLatin1String("files")).toArray())
        n.files << v.toString();
    n.running = o.value(QLatin1String("running")).toBool();
    n.pid = o.value(QLatin1String("pid")).toInt();
    const QJsonObject broken = o.value(QLatin1String("parseError")).toObject();
    n.brokenFile = broken.value(QLatin1String("file")).toString();
    n.brokenLine = broken.value(QLatin1String("line")).toInt();
    n.brokenDetail = broken.value(QLatin1String("detail")).toString();
    return n;
}

QString applyOutcomeText(const QJsonObject &r)
{
    if (r.contains(QLatin1String("changed")) && !r.value(QLatin1String("changed")).toBool())
        return Tr::tr("Nothing changed.");
    const int version = r.value(QLatin1String("version")).toInt();
    if (r.value(QLatin1String("reloaded")).toBool())
        return Tr::tr("Saved as version %1; nginx reloaded.").arg(version);
    if (!r.value(QLatin1String("running")).toBool(true))
        return Tr::tr("Saved as version %1; nginx is not running, the files are in place for its next start.").arg(version);
    return Tr::tr("Saved as version %1.").arg(version);
}

WebsitesService::WebsitesService(Helper::HelperClient *helper, QObject *parent)
    : QObject(parent), m_helper(helper)
{}

bool WebsitesService::hasMethod(const QString &method) const
{
    return m_helper && m_helper->methods().contains(method);
}

QFuture<Result<QJsonValue>> WebsitesService::call(const QString &method, const QJsonObject &params,
                                                  Helper::HelperClient::StreamHandler onStream)
{
    if (!m_helper)
        return QtFuture::makeReadyFuture(Result<QJsonValue>(Error(ErrorCode::ConnectionFailed, Tr::tr("Not connected"))));
    return m_helper->call(method, params, std::move(onStream));
}

QFuture<Result<QJsonObject>> WebsitesService::object(QFuture<Result<QJsonValue>> f)
{
    return f.then(this, [](const Result<QJsonValue> &r) -> Result<QJsonObject> {
        if (!r)
            return r.error();
        return r->toObject();
    });
}

QFuture<Result<QJsonObject>> WebsitesService::failObject(const Error &e)
{
    return QtFuture::makeReadyFuture(Result<QJsonObject>(e));
}

QFuture<Result<NginxInstall>> WebsitesService::discover()
{
    return call(QStringLiteral("websites.discover")).then(this, [](const Result<QJsonValue> &r) -> Result<NginxInstall> {
        if (!r)
            return r.error();
        return NginxInstall::fromJson(r->toObject());
    });
}

QFuture<Result<QList<SiteEntry>>> WebsitesService::list()
{
    return call(QStringLiteral("websites.list")).then(this, [](const Result<QJsonValue> &r) -> Result<QList<SiteEntry>> {
        if (!r)
            return r.error();
        QList<SiteEntry> out;
        for (const QJsonValue &v : r->toObject().value(QLatin1String("sites")).toArray())
            out << SiteEntry::fromJson(v.toObject());
        return out;
    });
}

QFuture<Result<QJsonObject>> WebsitesService::getByDomain(const QString &domain)
{
    return object(call(QStringLiteral("websites.get"), {{QStringLiteral("domain"), domain}}));
}

QFuture<Result<QJsonObject>> WebsitesService::getById(const QString &id)
{
    return object(call(QStringLiteral("websites.get"), {{QStringLiteral("id"), id}}));
}

QFuture<Result<QJsonObject>> WebsitesService::create(const SiteSpec &spec)
{
    if (const Result<void> ok = validateSpec(spec); !ok)
        return failObject(ok.error());
    return object(call(QStringLiteral("websites.create"), {{QStringLiteral("site"), spec.toJson()}}));
}

QFuture<Result<QJsonObject>> WebsitesService::update(const SiteSpec &spec)
{
    if (const Result<void> ok = validateSpec(spec); !ok)
        return failObject(ok.error());
    return object(call(QStringLiteral("websites.update"), {{QStringLiteral("site"), spec.toJson()}}));
}

QFuture<Result<QJsonObject>> WebsitesService::remove(const QString &domain)
{
    return object(call(QStringLiteral("websites.delete"), {{QStringLiteral("domain"), domain}}));
}

QFuture<Result<QJsonObject>> WebsitesService::setEnabled(const QString &domain, bool enabled)
{
    return object(call(enabled ? QStringLiteral("websites.enable") : QStringLiteral("websites.disable"),
                       {{QStringLiteral("domain"), domain}}));
}

QFuture<Result<QJsonObject>> WebsitesService::edit(const QString &id, const QList<DirectiveChange> &changes)
{
    if (changes.isEmpty())
        return failObject(Error(ErrorCode::InvalidParam, Tr::tr("Nothing was changed"), {}, {}, QStringLiteral("changes")));
    QJsonArray list;
    for (int i = 0; i < changes.size(); ++i) {
        const DirectiveChange &c = changes.at(i);
        for (int j = 0; j < c.args.size(); ++j) {
            if (hasInjectionCharacter(c.args.at(j)))
                return failObject(Error(ErrorCode::InvalidParam,
                                        Tr::tr("“%1” may not contain ; { } quotes \\ $ # or line breaks: "
                                               "they could change the nginx configuration").arg(c.name),
                                        {}, {}, QStringLiteral("changes[%1].args[%2]").arg(i).arg(j)));
        }
        list.append(c.toJson());
    }
    return object(call(QStringLiteral("websites.edit"), {{QStringLiteral("id"), id}, {QStringLiteral("changes"), list}}));
}

QFuture<Result<QJsonObject>> WebsitesService::writeRaw(const QString &file, const QString &text, const QString &baseSha256)
{
    if (text.contains(QChar(0)))
        return failObject(Error(ErrorCode::InvalidParam, Tr::tr("The text contains a NUL character"), {}, {},
                                QStringLiteral("text")));
    return object(call(QStringLiteral("websites.writeRaw"), {{QStringLiteral("file"), file},
                                                             {QStringLiteral("text"), text},
                                                             {QStringLiteral("baseSha256"), baseSha256}}));
}

QFuture<Result<QJsonObject>> WebsitesService::diffSpec(const SiteSpec &spec, bool test)
{
    if (const Result<void> ok = validateSpec(spec); !ok)
        return failObject(ok.error());
    return object(call(QStringLiteral("websites.diff"), {{QStringLiteral("site"), spec.toJson()}, {QStringLiteral("test"), test}}));
}

QFuture<Result<QJsonObject>> WebsitesService::diffVersion(int version)
{
    return object(call(QStringLiteral("websites.diff"), {{QStringLiteral("version"), version}}));
}

QFuture<Result<QJsonArray>> WebsitesService::versions(const QString &domain)
{
    QJsonObject params;
    if (!domain.isEmpty())
        params.insert(QStringLiteral("domain"), domain);
    return call(QStringLiteral("websites.versions"), params).then(this, [](const Result<QJsonValue> &r) -> Result<QJsonArray> {
        if (!r)
            return r.error();
        return r->toObject().value(QLatin1String("versions")).toArray();
    });
}

QFuture<Result<QJsonObject>> WebsitesService::rollback(int version)
{
    if (version < 1)
        return failObject(Error(ErrorCode::InvalidParam, Tr::tr("Choose a stored version to roll back"), {}, {},
                                QStringLiteral("version")));
    return object(call(QStringLiteral("websites.rollback"), {{QStringLiteral("version"), version}}));
}

QFuture<Result<QJsonValue>> WebsitesService::logs(const LogQuery &q, LinesHandler onLines)
{
    QJsonObject params{{QStringLiteral("log"), q.log}, {QStringLiteral("lines"), qBound(0, q.lines, 10000)},
                       {QStringLiteral("follow"), q.follow}};
    if (!q.domain.isEmpty())
        params.insert(QStringLiteral("domain"), q.domain);
    else if (!q.id.isEmpty())
        params.insert(QStringLiteral("id"), q.id);
    if (!q.filter.isEmpty())
        params.insert(QStringLiteral("filter"), q.filter);
    return call(QStringLiteral("websites.logs"), params, [onLines = std::move(onLines)](const QJsonObject &p) {
        QStringList lines;
        for (const QJsonValue &v : p.value(QLatin1String("data")).toObject().value(QLatin1String("lines")).toArray())
            lines << v.toString();
        if (onLines && !lines.isEmpty())
            onLines(lines);
    });
}

QFuture<Result<QJsonObject>> WebsitesService::certificates()
{
    return object(call(QStringLiteral("websites.certificates")));
}

QFuture<Result<QJsonObject>> WebsitesService::certImport(const QJsonObject &params)
{
    if (params.value(QLatin1String("certificate")).toString().trimmed().isEmpty())
        return failObject(Error(ErrorCode::InvalidParam, Tr::tr("Paste or load the certificate (PEM)"), {}, {},
                                QStringLiteral("certificate")));
    if (params.value(QLatin1String("key")).toString().trimmed().isEmpty())
        return failObject(Error(ErrorCode::InvalidParam, Tr::tr("Paste or load the private key (PEM)"), {}, {},
                                QStringLiteral("key")));
    return object(call(QStringLiteral("websites.certImport"), params));
}

QFuture<Result<QJsonObject>> WebsitesService::certRequest(const QJsonObject &params, StageHandler onStage)
{
    return object(call(QStringLiteral("websites.certRequest"), params, [onStage = std::move(onStage)](const QJsonObject &n) {
        if (onStage)
            onStage(n.value(QLatin1String("data")).toObject());
    }));
}

QFuture<Result<QJsonObject>> WebsitesService::dnsCheck(const QString &domain, const QStringList &expect,
                                                       const QString &resolver)
{
    QJsonObject params;
    if (!domain.isEmpty())
        params.insert(QStringLiteral("domain"), domain);
    if (!expect.isEmpty())
        params.insert(QStringLiteral("expect"), QJsonArray::fromStringList(expect));
    if (!resolver.isEmpty())
        params.insert(QStringLiteral("resolver"), resolver);
    return object(call(QStringLiteral("websites.dnsCheck"), params));
}

QFuture<Result<QJsonObject>> WebsitesService::certRenewStatus()
{
    return object(call(QStringLiteral("websites.certRenewStatus")));
}

QFuture<Result<QJsonObject>> WebsitesService::certRenewInstall(int days, const QString &scheduler)
{
    return object(call(QStringLiteral("websites.certRenewInstall"),
                       {{QStringLiteral("days"), qBound(1, days, 365)}, {QStringLiteral("scheduler"), scheduler}}));
}

QFuture<Result<QJsonObject>> WebsitesService::certRenewUninstall()
{
    return object(call(QStringLiteral("websites.certRenewUninstall")));
}

} // namespace Qwq::Websites
