// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// qwqctl: qwq from the command line. Links only core libraries.
#include "apptr.h"
#include "qwqctlai.h"
#include "ttyprompt.h"

#include <core/core/auditlog.h>
#include <core/core/errormessages.h>
#include <core/core/logging.h>
#include <core/core/paths.h>
#include <core/core/settings.h>
#include <helper/core/helperclient.h>
#include <helper/core/serverconnection.h>
#include <profiles/core/profilestore.h>
#include <profiles/core/secretstore.h>
#include <profiles/core/sshconfigimporter.h>
#include <ssh/core/knownhosts.h>
#include <tunnels/core/forwardspecs.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLibraryInfo>
#include <QLocale>
#include <QSaveFile>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

#include <csignal>
#include <cstdio>

using namespace Qwq;
using App::Tr;
using App::Ctl::err;
using App::Ctl::fail;
using App::Ctl::out;
using App::Ctl::withConnection;

namespace Qwq::App::Ctl {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}
QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

int fail(const Error &e)
{
    err() << Tr::tr("error %1: %2").arg(e.number()).arg(e.message);
    if (!e.field.isEmpty())
        err() << Tr::tr(" [field: %1]").arg(e.field);
    err() << Qt::endl;
    if (!e.hint.isEmpty())
        err() << Tr::tr("hint: %1").arg(e.hint) << Qt::endl;
    if (!e.detail.isEmpty() && e.detail != e.message)
        err() << Tr::tr("detail: %1").arg(e.detail) << Qt::endl;
    return 1;
}

} // namespace Qwq::App::Ctl

namespace {

volatile std::sig_atomic_t g_interrupted = 0;
void onSigint(int) { g_interrupted = 1; }

int usage()
{
    err() << Tr::tr(
        "usage: qwqctl profiles list [--json]\n"
        "       qwqctl profiles add --name NAME --host HOST --user USER [--port N] [--key FILE]\n"
        "                           [--auth auto|agent|key|password] [--mode normal|read-only|production]\n"
        "                           [--elevation none|sudo|root]\n"
        "       qwqctl profiles remove PROFILE\n"
        "       qwqctl profiles import-ssh-config [FILE]      (default ~/.ssh/config; runs nothing)\n"
        "       qwqctl profiles export [--output FILE] [PROFILE…]   (never contains secrets)\n"
        "       qwqctl profiles import FILE [--on-conflict skip|replace|keep-both]\n"
        "       qwqctl check PROFILE [--trust-host-key SHA256:…]\n"
        "       qwqctl call PROFILE|--local METHOD [JSON-PARAMS] [--trust-host-key SHA256:…]\n"
        "       qwqctl forward PROFILE RULE [--trust-host-key SHA256:…]   (until Ctrl+C)\n"
        "              RULE: a saved rule's name, L[bind:]port:host:hostport,\n"
        "                    R[bind:]port:host:hostport or D[bind:]port\n")
          << App::Ctl::aiUsage() << Qt::endl;
    return 2;
}

QString option(QStringList &args, const QString &name, const QString &fallback = {})
{
    const qsizetype i = args.indexOf(name);
    if (i < 0 || i + 1 >= args.size())
        return fallback;
    const QString v = args.at(i + 1);
    args.remove(i, 2);
    return v;
}

bool flag(QStringList &args, const QString &name)
{
    return args.removeAll(name) > 0;
}

int profilesCommand(Profiles::ProfileStore &store, QStringList args)
{
    if (args.isEmpty())
        return usage();
    const QString sub = args.takeFirst();
    if (sub == QLatin1String("list")) {
        const bool json = flag(args, QStringLiteral("--json"));
        QJsonArray list;
        for (const Profiles::Profile &p : store.profiles()) {
            if (json) {
                list.append(p.toJson());
                continue;
            }
            // Show what a connection would use: group and identity inheritance applied.
            const Profiles::Profile e = store.effective(p.id).valueOr(p);
            out() << p.id << '\t' << p.name << '\t'
                  << (p.isLocal() ? QStringLiteral("local")
                                  : QStringLiteral("%1@%2:%3").arg(e.user, e.host).arg(e.port))
                  << '\t' << Profiles::modeName(p.mode) << '\t' << p.group << '\t'
                  << p.tags.join(QLatin1Char(',')) << Qt::endl;
        }
        if (json)
            out() << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return 0;
    }
    if (sub == QLatin1String("add")) {
        QJsonObject o{{QStringLiteral("id"), QStringLiteral("pending")}};
        const QString port = option(args, QStringLiteral("--port"), QStringLiteral("22"));
        bool ok = false;
        const int portNumber = port.toInt(&ok);
        if (!ok)
            return fail(Error(ErrorCode::InvalidParam, Tr::tr("Port must be a number"), port, {},
                              QStringLiteral("port")));
        o.insert(QStringLiteral("port"), portNumber);
        for (const auto &[opt, key] : {std::pair{"--name", "name"}, {"--host", "host"},
                                       {"--user", "user"}, {"--key", "identityFile"},
                                       {"--auth", "auth"}, {"--mode", "mode"},
                                       {"--elevation", "elevation"}, {"--group", "group"}}) {
            const QString v = option(args, QLatin1String(opt));
            if (!v.isNull())
                o.insert(QLatin1String(key), v);
        }
        if (!args.isEmpty())
            return usage();
        auto p = Profiles::Profile::fromJson(o);
        if (!p)
            return fail(p.error());
        p->id.clear();
        auto saved = store.upsert(*p);
        if (!saved)
            return fail(saved.error());
        out() << saved->id << Qt::endl;
        return 0;
    }
    if (sub == QLatin1String("remove") && args.size() == 1) {
        const auto p = store.find(args.first());
        if (!p)
            return fail(Error(ErrorCode::NotFound, Tr::tr("No profile “%1”").arg(args.first())));
        if (auto r = store.remove(p->id); !r)
            return fail(r.error());
        return 0;
    }
    auto printReport = [](const Profiles::ImportReport &r) {
        const std::pair<QString, const QStringList *> sections[] = {
            {Tr::tr("added"), &r.added},          {Tr::tr("updated"), &r.updated},
            {Tr::tr("unchanged"), &r.unchanged},  {Tr::tr("skipped"), &r.skipped},
            {Tr::tr("no longer in ssh_config"), &r.removed}};
        for (const auto &[title, names] : sections) {
            if (names->isEmpty() && (names == &r.skipped || names == &r.removed))
                continue;
            out() << Tr::tr("%1: %2").arg(title).arg(names->size()) << Qt::endl;
            for (const QString &name : *names)
                out() << "  " << name << Qt::endl;
        }
        for (const QString &w : r.warnings)
            err() << Tr::tr("warning: %1").arg(w) << Qt::endl;
    };
    if (sub == QLatin1String("import-ssh-config") && args.size() <= 1) {
        const QString file = args.isEmpty() ? Profiles::SshConfigImporter::defaultConfigPath()
                                            : args.first();
        const auto r = Profiles::SshConfigImporter().importInto(store, file);
        if (!r)
            return fail(r.error());
        printReport(*r);
        return 0;
    }
    if (sub == QLatin1String("export")) {
        const QString output = option(args, QStringLiteral("--output"));
        if (args.contains(QStringLiteral("--output"))
            || std::any_of(args.cbegin(), args.cend(), [](const QString &a) { return a.startsWith(QLatin1String("--")); }))
            return usage();
        const auto json = store.exportProfiles(args);
        if (!json)
            return fail(json.error());
        if (output.isEmpty()) {
            out() << QString::fromUtf8(*json);
            return 0;
        }
        QSaveFile f(output);
        if (!f.open(QIODevice::WriteOnly) || f.write(*json) != json->size() || !f.commit())
            return fail(Error(ErrorCode::FileError, Tr::tr("Cannot write %1").arg(output),
                              f.errorString(), {}, QStringLiteral("output")));
        return 0;
    }
    if (sub == QLatin1String("import")) {
        const QString conflict = option(args, QStringLiteral("--on-conflict"), QStringLiteral("skip"));
        if (args.size() != 1 || args.first().startsWith(QLatin1String("--")))
            return usage();
        Profiles::ConflictPolicy policy = Profiles::ConflictPolicy::Skip;
        if (conflict == QLatin1String("replace"))
            policy = Profiles::ConflictPolicy::Replace;
        else if (conflict == QLatin1String("keep-both"))
            policy = Profiles::ConflictPolicy::KeepBoth;
        else if (conflict != QLatin1String("skip"))
            return fail(Error(ErrorCode::InvalidParam,
                              Tr::tr("--on-conflict must be skip, replace or keep-both"), conflict,
                              {}, QStringLiteral("on-conflict")));
        QFile f(args.first());
        if (!f.open(QIODevice::ReadOnly))
            return fail(Error(ErrorCode::FileError, Tr::tr("Cannot read %1").arg(args.first()),
                              f.errorString(), {}, QStringLiteral("file")));
        const auto r = store.importProfiles(f.readAll(), policy);
        if (!r)
            return fail(r.error());
        printReport(*r);
        return 0;
    }
    return usage();
}

} // namespace

namespace Qwq::App::Ctl {

void withConnection(Helper::ServerConnection *conn, const QString &trustFingerprint,
                    std::function<void(Helper::HelperClient *)> then)
{
    QObject::connect(conn, &Helper::ServerConnection::errorOccurred, conn,
                     [conn, trustFingerprint](const Error &e) {
                         if (e.code == ErrorCode::HostKeyUnknown && !trustFingerprint.isEmpty()
                             && trustFingerprint == conn->hostKey().sha256) {
                             if (auto r = conn->trustHostKeyAndReconnect(); !r)
                                 QCoreApplication::exit(fail(r.error()));
                             return;
                         }
                         if (e.code == ErrorCode::HostKeyUnknown)
                             err() << Tr::tr("The server's %1 key has the fingerprint %2. Check it, then "
                                             "run again with --trust-host-key %2")
                                          .arg(conn->hostKey().type, conn->hostKey().sha256)
                                   << Qt::endl;
                         if (e.code == ErrorCode::HostKeyChanged)
                             err() << Tr::tr("Known fingerprint: %1\nOffered fingerprint: %2")
                                          .arg(conn->hostKey().knownSha256, conn->hostKey().sha256)
                                   << Qt::endl;
                         QCoreApplication::exit(fail(e));
                     });
    QObject::connect(conn, &Helper::ServerConnection::ready, conn,
                     [conn, then] { then(conn->helper()); });
    conn->connectToServer();
}

} // namespace Qwq::App::Ctl

namespace {

/// Starts one forward, prints where it listens, and keeps it until Ctrl+C (exit 0).
int forwardCommand(QCoreApplication &app, Helper::ServerConnection &conn, const QString &trust,
                   const Profiles::ForwardSpec &spec)
{
    // Only the rule asked for: the profile's auto-start rules stay off here.
    conn.setAutoStartForwards(false);
    int forwardId = -1;
    std::signal(SIGINT, onSigint);
    std::signal(SIGTERM, onSigint);
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, &app, [&] {
        if (!g_interrupted)
            return;
        if (forwardId >= 0)
            conn.stopForward(forwardId);
        err() << Tr::tr("stopped") << Qt::endl;
        QCoreApplication::exit(0);
    });
    interruptPoll.start(100);

    withConnection(&conn, trust, [&conn, &forwardId, spec](Helper::HelperClient *) {
        conn.startForward(Helper::ServerConnection::forwardRule(spec))
            .then(&conn, [&conn, &forwardId, spec](const Result<int> &r) {
                if (!r)
                    return QCoreApplication::exit(fail(r.error()));
                forwardId = *r;
                quint16 bound = spec.bindPort;
                for (const Ssh::ForwardStatus &s : conn.forwards()) {
                    if (s.id == forwardId)
                        bound = s.boundPort;
                }
                const QString listen = Tunnels::listenText(spec, bound);
                const QString kind = spec.kind;
                out() << (spec.kind == QLatin1String("remote")
                              ? Tr::tr("forwarding server %1 -> %2 (%3)")
                              : Tr::tr("forwarding %1 -> %2 (%3)"))
                             .arg(listen, Tunnels::targetText(spec), kind)
                      << Qt::endl;
                out().flush();
            });
    });
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("qwq"));
    QCoreApplication::setOrganizationName(QStringLiteral("qwq"));
    std::signal(SIGPIPE, SIG_IGN);

    QString lang = Settings::language();
    if (lang.isEmpty())
        lang = QLocale::system().name();
    QTranslator translator;
    if (lang.startsWith(QLatin1String("zh")) && translator.load(QStringLiteral(":/i18n/qwq_zh_CN")))
        QCoreApplication::installTranslator(&translator);

    QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h"))
        return usage();
    const QString command = args.takeFirst();

    Profiles::ProfileStore store(Paths::profilesFile());
    if (auto r = store.load(); !r)
        return fail(r.error());
    if (command == QLatin1String("profiles"))
        return profilesCommand(store, args);

    if (command != QLatin1String("check") && command != QLatin1String("call")
        && command != QLatin1String("forward") && command != QLatin1String("ai"))
        return usage();
    std::optional<App::Ctl::AiAskOptions> aiOptions;
    if (command == QLatin1String("ai") && !(aiOptions = App::Ctl::takeAiAskOptions(args)))
        return usage();
    const QString trust = option(args, QStringLiteral("--trust-host-key"));
    if (args.isEmpty())
        return usage();
    const QString target = args.takeFirst();
    Profiles::Profile profile;
    if (target == QLatin1String("--local")) {
        profile = Profiles::Profile::local();
    } else {
        const auto p = store.find(target);
        if (!p)
            return fail(Error(ErrorCode::NotFound, Tr::tr("No profile “%1”").arg(target), {}, {},
                              QStringLiteral("profile")));
        profile = *p;
    }

    QString method;
    QJsonObject params;
    if (command == QLatin1String("call")) {
        if (args.isEmpty() || args.size() > 2)
            return usage();
        method = args.takeFirst();
        if (!args.isEmpty()) {
            QJsonParseError pe;
            const QJsonDocument doc = QJsonDocument::fromJson(args.first().toUtf8(), &pe);
            if (!doc.isObject())
                return fail(Error(ErrorCode::InvalidParam,
                                  Tr::tr("The parameters must be a JSON object"), pe.errorString(),
                                  {}, QStringLiteral("params")));
            params = doc.object();
        }
    }

    Profiles::ForwardSpec forward;
    if (command == QLatin1String("forward")) {
        if (args.size() != 1)
            return usage();
        if (profile.isLocal())
            return fail(Error(ErrorCode::InvalidParam,
                              Tr::tr("Port forwards need an SSH connection; This computer has none"),
                              {}, {}, QStringLiteral("profile")));
        const auto saved = std::find_if(profile.forwards.cbegin(), profile.forwards.cend(),
                                        [&](const Profiles::ForwardSpec &f) { return f.name == args.first(); });
        if (saved != profile.forwards.cend()) {
            forward = *saved;
        } else {
            const auto parsed = Tunnels::parseForwardSpec(args.first());
            if (!parsed)
                return fail(parsed.error());
            forward = *parsed;
        }
    }

    Profiles::SecretStore secrets;
    AuditLog audit(Paths::auditDatabase());
    if (auto r = audit.open(); !r)
        err() << r.error().toString() << Qt::endl;
    Helper::ServerConnection conn(profile, &secrets, &audit);
    conn.setProfileStore(&store);
    // 2FA codes and an unsaved password or sudo password are asked on the terminal, if any.
    if (App::haveTerminal())
        conn.setCredentialHandler(&App::askOnTerminal);

    if (command == QLatin1String("check")) {
        withConnection(&conn, trust, [&conn](Helper::HelperClient *helper) {
            const auto &i = helper->info();
            out() << Tr::tr("connected to %1 (%2, %3, kernel %4) as %5 in %6 ms; helper %7, protocol %8")
                         .arg(i.hostname, i.osPrettyName, i.arch, i.kernel, i.userName)
                         .arg(conn.connectMs())
                         .arg(i.helperVersion)
                         .arg(i.protocol)
                  << Qt::endl;
            out() << Tr::tr("capabilities: %1").arg(i.capabilities.join(QStringLiteral(", ")))
                  << Qt::endl;
            QCoreApplication::exit(0);
        });
        return app.exec();
    }

    if (command == QLatin1String("forward"))
        return forwardCommand(app, conn, trust, forward);
    if (command == QLatin1String("ai"))
        return App::Ctl::aiAsk(app, conn, audit, trust, *aiOptions, args);

    // Ctrl+C cancels the call on the server ($/cancel) instead of leaving it running.
    std::signal(SIGINT, onSigint);
    QTimer interruptPoll;
    QFuture<Result<QJsonValue>> running;
    QObject::connect(&interruptPoll, &QTimer::timeout, &app, [&running] {
        if (!g_interrupted)
            return;
        if (running.isValid() && !running.isFinished())
            running.cancel();
        err() << Tr::tr("interrupted") << Qt::endl;
        QCoreApplication::exit(130);
    });
    interruptPoll.start(100);

    withConnection(&conn, trust, [method, params, &running](Helper::HelperClient *helper) {
        auto onStream = [](const QJsonObject &p) {
            QJsonObject copy = p;
            copy.remove(QStringLiteral("id"));
            out() << QJsonDocument(copy).toJson(QJsonDocument::Compact) << Qt::endl;
        };
        running = helper->call(method, params, onStream);
        running.then(helper, [](const Result<QJsonValue> &r) {
            if (!r)
                return QCoreApplication::exit(fail(r.error()));
            const QJsonValue v = *r;
            if (v.isObject())
                out() << QJsonDocument(v.toObject()).toJson(QJsonDocument::Indented);
            else if (v.isArray())
                out() << QJsonDocument(v.toArray()).toJson(QJsonDocument::Indented);
            else
                out() << QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact) << Qt::endl;
            out().flush();
            QCoreApplication::exit(0);
        });
    });
    return app.exec();
}
