// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sitetypes.h"

#include <core/core/result.h>
#include <helper/core/helperclient.h>

#include <QFuture>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <functional>

namespace Qwq::Websites {

/// What `websites.discover` found: the nginx (or OpenResty) and its layout.
struct NginxInstall
{
    QString binary;
    QString flavor;
    QString version;
    QString confPath;
    QString layout;       // sites | conf.d | none
    QString siteDir;
    QString enabledDir;
    QStringList files;
    bool running = false;
    int pid = 0;
    /// A file of the configuration that does not parse (empty when it all parses): only that
    /// file can be read and rewritten until it is repaired.
    QString brokenFile;
    int brokenLine = 0;
    QString brokenDetail;
    static NginxInstall fromJson(const QJsonObject &o);
};

/// "Saved as version 7; nginx reloaded." for an apply's answer (version, reloaded, running).
QString applyOutcomeText(const QJsonObject &result);

/// The nginx sites of one server, on top of its HelperClient (`websites.*` in
/// remote-helper/PROTOCOL.md). Lives in the GUI thread; every call returns a future and never
/// blocks. Specs are checked with validateSpec() before anything is sent (InvalidParam naming
/// the field). Changes follow the client's confirmation policy (websites.delete is destructive:
/// typed); without a helper every call resolves with ConnectionFailed.
class WebsitesService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebsitesService)
public:
    explicit WebsitesService(Helper::HelperClient *helper = nullptr, QObject *parent = nullptr);

    void setHelper(Helper::HelperClient *helper) { m_helper = helper; }
    Helper::HelperClient *helper() const { return m_helper; }
    bool hasMethod(const QString &method) const;

    QFuture<Result<NginxInstall>> discover();
    QFuture<Result<QList<SiteEntry>>> list();
    /// `websites.get` (secret-read) by a managed site's domain or by an id ("<file>:<line>").
    /// The answer: file, text, sha256, managed, spec, enabled, servers.
    QFuture<Result<QJsonObject>> getByDomain(const QString &domain);
    QFuture<Result<QJsonObject>> getById(const QString &id);

    QFuture<Result<QJsonObject>> create(const SiteSpec &spec);
    QFuture<Result<QJsonObject>> update(const SiteSpec &spec);
    QFuture<Result<QJsonObject>> remove(const QString &domain);
    QFuture<Result<QJsonObject>> setEnabled(const QString &domain, bool enabled);
    /// `websites.edit` of a hand-written server block.
    QFuture<Result<QJsonObject>> edit(const QString &id, const QList<DirectiveChange> &changes);
    QFuture<Result<QJsonObject>> writeRaw(const QString &file, const QString &text, const QString &baseSha256);
    /// What create/update would write (`diff`, `files`, `create`), and with `test` whether nginx
    /// accepts it (`valid`, `error`).
    QFuture<Result<QJsonObject>> diffSpec(const SiteSpec &spec, bool test);
    QFuture<Result<QJsonObject>> diffVersion(int version);
    /// Newest first; `domain` empty for every site.
    QFuture<Result<QJsonArray>> versions(const QString &domain = {});
    QFuture<Result<QJsonObject>> rollback(int version);

    struct LogQuery
    {
        QString domain;   // or
        QString id;
        QString log = QStringLiteral("access");   // access | error
        int lines = 200;
        bool follow = false;
        QString filter;
    };
    using LinesHandler = std::function<void(const QStringList &lines)>;
    /// Streams the matching lines in batches; with `follow` until the future is cancelled.
    QFuture<Result<QJsonValue>> logs(const LogQuery &query, LinesHandler onLines);

    // --- certificates and DNS health (PROTOCOL.md "websites": certificates) ---
    /// `websites.certificates`: the expiry overview (`certificates`, `certDir`, `renewDays`).
    QFuture<Result<QJsonObject>> certificates();
    /// `websites.certImport` with the PEM texts and where to install (`site`, optional).
    QFuture<Result<QJsonObject>> certImport(const QJsonObject &params);
    /// `websites.certRequest`; each stage (`dns`, `account`, `order`, `challenge`, `validated`,
    /// `finalize`, `download`, `install`…) reaches `onStage` with its notification data.
    using StageHandler = std::function<void(const QJsonObject &stage)>;
    QFuture<Result<QJsonObject>> certRequest(const QJsonObject &params, StageHandler onStage);
    /// `websites.dnsCheck` for a managed site's names (`domain`) or the given `names`.
    QFuture<Result<QJsonObject>> dnsCheck(const QString &domain, const QStringList &expect = {},
                                          const QString &resolver = {});
    QFuture<Result<QJsonObject>> certRenewStatus();
    QFuture<Result<QJsonObject>> certRenewInstall(int days, const QString &scheduler = QStringLiteral("auto"));
    QFuture<Result<QJsonObject>> certRenewUninstall();

private:
    QFuture<Result<QJsonValue>> call(const QString &method, const QJsonObject &params = {},
                                     Helper::HelperClient::StreamHandler onStream = {});
    QFuture<Result<QJsonObject>> object(QFuture<Result<QJsonValue>> f);
    QFuture<Result<QJsonObject>> failObject(const Error &e);

    QPointer<Helper::HelperClient> m_helper;
};

} // namespace Qwq::Websites
