// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "helperdeployer.h"

#include "helpertr.h"

#include <ssh/core/sshsession.h>

#include <QCryptographicHash>
#include <QFile>
#include <QFutureWatcher>
#include <QHash>
#include <QMutex>
#include <QPromise>
#include <QtConcurrent>

namespace Qwq::Helper {

namespace {
constexpr char kReadyMarker[] = "qwq-helper-ready";

QString userPath(const QString &home, const QString &sha)
{
    return home + QStringLiteral("/.cache/qwq/helper/") + sha + QStringLiteral("/qwq-helper");
}
QString rootPath(const QString &sha)
{
    return QStringLiteral("/var/lib/qwq/helper/") + sha + QStringLiteral("/qwq-helper");
}

template<typename T>
std::shared_ptr<QPromise<Result<T>>> makePromise()
{
    auto p = std::make_shared<QPromise<Result<T>>>();
    p->start();
    return p;
}

template<typename T>
void resolve(const std::shared_ptr<QPromise<Result<T>>> &p, Result<T> r)
{
    p->addResult(std::move(r));
    p->finish();
}

Error deployError(const QString &message, const QString &detail = {})
{
    return Error(ErrorCode::HelperDeployFailed, message, detail);
}
Error sudoRefused(const QByteArray &stderrText)
{
    const QString err = QString::fromUtf8(stderrText).remove(HelperDeployer::sudoSentinel());
    return Error(ErrorCode::SudoRefused,
                 Tr::tr("sudo refused: the password is wrong or this user may not use sudo"),
                 err.trimmed());
}
} // namespace

struct HelperDeployer::SudoSecret
{
    QString password;
    SudoPasswordProvider provider;
    bool asked = false;

    // Gives the password to `use` on ctx's thread: the known one, or the provider's answer
    // (asked once); nullopt when there is none.
    static void get(const std::shared_ptr<SudoSecret> &s, QObject *ctx,
                    std::function<void(const std::optional<QString> &)> use)
    {
        if (!s->password.isEmpty())
            return use(s->password);
        if (!s->provider || s->asked)
            return use(std::nullopt);
        s->asked = true;
        auto *w = new QFutureWatcher<std::optional<QString>>(ctx);
        QObject::connect(w, &QFutureWatcherBase::finished, ctx, [w, s, use] {
            const auto f = w->future();
            w->deleteLater();
            if (f.isCanceled() || f.resultCount() == 0 || !f.result() || f.result()->isEmpty())
                return use(std::nullopt);
            s->password = *f.result();
            use(s->password);
        });
        w->setFuture(s->provider());
    }
};

HelperDeployer::HelperDeployer(Ssh::SshSession *session, QString localHelper, QObject *parent)
    : QObject(parent), m_session(session), m_localHelper(std::move(localHelper))
    , m_secret(std::make_shared<SudoSecret>())
{}

void HelperDeployer::setSudo(bool sudo, const QString &password)
{
    m_sudo = sudo;
    m_secret->password = password;
}

void HelperDeployer::setSudoPasswordProvider(SudoPasswordProvider provider)
{
    m_secret->provider = std::move(provider);
}

QString HelperDeployer::shellQuote(const QString &s)
{
    QString q = s;
    q.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

QString HelperDeployer::sudoSentinel()
{
    return QStringLiteral("[qwq-sudo-password-7f3a]");
}

Result<QByteArray> HelperDeployer::localSha256(const QString &path)
{
    static QMutex mutex;
    static QHash<QString, QByteArray> cache;
    QMutexLocker lock(&mutex);
    if (const auto it = cache.constFind(path); it != cache.cend())
        return *it;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return deployError(Tr::tr("The qwq helper binary was not found next to the app"),
                           path + QStringLiteral(": ") + f.errorString());
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    const QByteArray hex = h.result().toHex();
    cache.insert(path, hex);
    return hex;
}

QFuture<Result<QByteArray>> HelperDeployer::runSudo(const QString &command)
{
    auto promise = makePromise<QByteArray>();
    const QString full = QStringLiteral("sudo -S -p ") + shellQuote(sudoSentinel())
                         + QStringLiteral(" -- ") + command;
    auto secret = m_secret;
    m_session->openExec(full).then(this, [promise, secret](
                                             const Result<std::shared_ptr<Ssh::ExecChannel>> &r) {
        if (!r)
            return resolve(promise, Result<QByteArray>(r.error()));
        auto ch = *r;
        // The handlers hold the channel; deleting ctx when done drops them and the channel.
        auto *ctx = new QObject;
        struct State { QByteArray out, err; int prompts = 0; bool done = false; };
        auto st = std::make_shared<State>();
        const QByteArray sentinel = sudoSentinel().toUtf8();
        QObject::connect(ch.get(), &Ssh::ExecChannel::stdoutReceived, ctx,
                         [st](const QByteArray &d) { st->out += d; });
        QObject::connect(ch.get(), &Ssh::ExecChannel::stderrReceived, ctx,
                         [promise, st, ch, ctx, sentinel, secret](const QByteArray &d) {
                             if (st->done)
                                 return;
                             st->err += d;
                             const int seen = int(st->err.count(sentinel));
                             if (seen <= st->prompts)
                                 return;
                             st->prompts = seen;
                             // Wrong or missing password: never loop. close() emits nothing
                             // more, so the answer is given here.
                             auto refuse = [promise, st, ch, ctx] {
                                 st->done = true;
                                 ch->close();
                                 ctx->deleteLater();
                                 resolve(promise, Result<QByteArray>(sudoRefused(st->err)));
                             };
                             if (seen != 1)
                                 return refuse();
                             SudoSecret::get(secret, ctx, [st, ch, refuse](const std::optional<QString> &pw) {
                                 if (st->done)
                                     return;
                                 if (!pw)
                                     return refuse();
                                 // stdin stays open until now: sudo -S reads the password from it.
                                 ch->write(pw->toUtf8() + '\n');
                                 ch->closeWrite();
                             });
                         });
        QObject::connect(ch.get(), &Ssh::ExecChannel::finished, ctx,
                         [promise, st, ch, ctx](int status) {
                             if (st->done)
                                 return;
                             st->done = true;
                             ctx->deleteLater();
                             if (status == 0)
                                 return resolve(promise, Result<QByteArray>(st->out));
                             const QString err = QString::fromUtf8(st->err).remove(sudoSentinel());
                             if (st->prompts > 0 || err.contains(QLatin1String("sudoers"))
                                 || err.contains(QLatin1String("password")))
                                 return resolve(promise, Result<QByteArray>(sudoRefused(st->err)));
                             resolve(promise, Result<QByteArray>(deployError(
                                 Tr::tr("A command run through sudo failed (exit status %1)").arg(status),
                                 err.trimmed())));
                         });
        QObject::connect(ch.get(), &Ssh::ExecChannel::failed, ctx,
                         [promise, st, ctx](const Error &e) {
                             if (st->done)
                                 return;
                             st->done = true;
                             ctx->deleteLater();
                             resolve(promise, Result<QByteArray>(e));
                         });
    });
    return promise->future();
}

QFuture<Result<DeployedHelper>> HelperDeployer::deploy()
{
    auto promise = makePromise<DeployedHelper>();
    // Hashing the binary is CPU work: never on the GUI thread (it is cached after once).
    const QString path = m_localHelper;
    QtConcurrent::run([path] { return localSha256(path); })
        .then(this, [this, promise](const Result<QByteArray> &sha) {
            if (!sha)
                return resolve(promise, Result<DeployedHelper>(sha.error()));
            probe(promise, QString::fromLatin1(*sha));
        });
    return promise->future();
}

void HelperDeployer::probe(const std::shared_ptr<QPromise<Result<DeployedHelper>>> &promise,
                           const QString &hex)
{
    // Only constants and the hex hash go into this line: nothing from the user or the server.
    const QString probe =
        QStringLiteral("uname -m; printf '%s\\n' \"$HOME\"; P=\"$HOME/.cache/qwq/helper/%1/qwq-helper\"; "
                       "if [ -x \"$P\" ]; then sha256sum \"$P\" 2>/dev/null || echo nohash; else echo absent; fi; "
                       "R=/var/lib/qwq/helper/%1/qwq-helper; "
                       "if [ -f \"$R\" ]; then sha256sum \"$R\" 2>/dev/null || echo nohash; else echo absent; fi")
            .arg(hex);
    m_session->run(probe).then(this, [this, promise, hex](const Result<Ssh::ExecResult> &r) {
        if (!r)
            return resolve(promise, Result<DeployedHelper>(r.error()));
        const QStringList lines = QString::fromUtf8(r->out).split(QLatin1Char('\n'));
        if (lines.size() < 4)
            return resolve(promise, Result<DeployedHelper>(deployError(
                Tr::tr("The server did not answer the helper check"), QString::fromUtf8(r->err))));
        const QString arch = lines.at(0).trimmed();
        const QString home = lines.at(1);
        if (arch != QLatin1String("x86_64"))
            return resolve(promise, Result<DeployedHelper>(deployError(
                Tr::tr("This server's architecture (%1) has no qwq helper yet").arg(arch))));
        if (!home.startsWith(QLatin1Char('/')))
            return resolve(promise, Result<DeployedHelper>(deployError(
                Tr::tr("The server did not report a home directory"), home)));
        // Without sha256sum nothing can be verified: refuse rather than run an unchecked file.
        if (lines.at(2) == QLatin1String("nohash") || lines.at(3) == QLatin1String("nohash"))
            return resolve(promise, Result<DeployedHelper>(deployError(
                Tr::tr("The server has no sha256sum, so the qwq helper cannot be verified"),
                QStringLiteral("install coreutils"))));
        const bool userOk = lines.at(2).startsWith(hex);
        const bool rootOk = lines.at(3).startsWith(hex);
        auto d = std::make_shared<DeployedHelper>();
        d->viaSudo = m_sudo;
        const QString serveArgs = m_readOnly ? QStringLiteral(" serve --read-only")
                                             : QStringLiteral(" serve");

        auto finishSudo = [this, promise, d, hex, serveArgs] {
            const QString root = rootPath(hex);
            d->remotePath = root;
            // The root copy is re-hashed by root right before it runs; the marker tells the
            // app that sudo is done and the protocol begins.
            d->startCommand = QStringLiteral("sudo -S -p ") + shellQuote(sudoSentinel())
                              + QStringLiteral(" -- sh -c ")
                              + shellQuote(QStringLiteral("echo '%1  %2' | sha256sum -c --status && echo %3 >&2 && exec %2%4")
                                               .arg(hex, root, QLatin1String(kReadyMarker), serveArgs));
            resolve(promise, Result<DeployedHelper>(*d));
        };

        if (m_sudo && rootOk)
            return finishSudo();

        auto afterUser = [this, promise, d, hex, home, serveArgs, finishSudo] {
            const QString user = userPath(home, hex);
            if (!m_sudo) {
                d->remotePath = user;
                d->startCommand = QStringLiteral("exec ") + shellQuote(user) + serveArgs;
                return resolve(promise, Result<DeployedHelper>(*d));
            }
            runSudo(QStringLiteral("install -D -o root -g root -m 0755 ") + shellQuote(user)
                    + QLatin1Char(' ') + rootPath(hex))
                .then(this, [promise, finishSudo](const Result<QByteArray> &ir) {
                    if (!ir)
                        return resolve(promise, Result<DeployedHelper>(ir.error()));
                    finishSudo();
                });
        };
        if (userOk)
            return afterUser();

        QFile f(m_localHelper);
        if (!f.open(QIODevice::ReadOnly))
            return resolve(promise, Result<DeployedHelper>(deployError(
                Tr::tr("The qwq helper binary was not found next to the app"), m_localHelper)));
        const QByteArray bytes = f.readAll();
        const QString target = userPath(home, hex);
        d->uploaded = true;
        m_session->upload(bytes, target, 0755)
            .then(this, [this, promise, target, hex, afterUser](const Result<void> &ur) {
                if (!ur)
                    return resolve(promise, Result<DeployedHelper>(deployError(
                        Tr::tr("Uploading the qwq helper failed"), ur.error().toString())));
                m_session->run(QStringLiteral("sha256sum ") + shellQuote(target))
                    .then(this, [promise, hex, afterUser](const Result<Ssh::ExecResult> &vr) {
                        if (!vr)
                            return resolve(promise, Result<DeployedHelper>(vr.error()));
                        const QByteArray out = vr->out;
                        if (vr->exitStatus != 0 || !out.startsWith(hex.toLatin1()))
                            return resolve(promise, Result<DeployedHelper>(deployError(
                                Tr::tr("The uploaded qwq helper does not match its SHA-256"),
                                QString::fromUtf8(out))));
                        afterUser();
                    });
            });
    });
}

QFuture<Result<std::shared_ptr<Ssh::ExecChannel>>> HelperDeployer::start(const DeployedHelper &helper)
{
    using ChannelResult = Result<std::shared_ptr<Ssh::ExecChannel>>;
    if (!helper.viaSudo)
        return m_session->openExec(helper.startCommand);
    auto promise = makePromise<std::shared_ptr<Ssh::ExecChannel>>();
    auto secret = m_secret;
    m_session->openExec(helper.startCommand).then(this, [promise, secret](const ChannelResult &r) {
        if (!r)
            return resolve(promise, r);
        auto ch = *r;
        struct State { QByteArray err; int prompts = 0; bool done = false; };
        auto st = std::make_shared<State>();
        auto *ctx = new QObject(ch.get());   // disconnects these handlers once sudo is done
        const QByteArray sentinel = sudoSentinel().toUtf8();
        QObject::connect(ch.get(), &Ssh::ExecChannel::stderrReceived, ctx,
                         [promise, st, ch, ctx, sentinel, secret](const QByteArray &d) {
                             if (st->done)
                                 return;
                             st->err += d;
                             if (st->err.contains(kReadyMarker)) {
                                 st->done = true;
                                 ctx->deleteLater();
                                 return resolve(promise, ChannelResult(ch));
                             }
                             const int seen = int(st->err.count(sentinel));
                             if (seen <= st->prompts)
                                 return;
                             st->prompts = seen;
                             // Wrong or missing password: close() emits nothing more, so the
                             // answer is given here instead of waiting forever.
                             auto refuse = [promise, st, ch, ctx] {
                                 st->done = true;
                                 ch->close();
                                 ctx->deleteLater();
                                 resolve(promise, ChannelResult(sudoRefused(st->err)));
                             };
                             if (seen != 1)
                                 return refuse();
                             SudoSecret::get(secret, ctx, [st, ch, refuse](const std::optional<QString> &pw) {
                                 if (st->done)
                                     return;
                                 if (!pw)
                                     return refuse();
                                 ch->write(pw->toUtf8() + '\n');
                             });
                         });
        QObject::connect(ch.get(), &Ssh::ExecChannel::finished, ctx, [promise, st, ctx](int status) {
            if (st->done)
                return;
            st->done = true;
            ctx->deleteLater();
            const QString err = QString::fromUtf8(st->err).remove(sudoSentinel()).trimmed();
            resolve(promise, ChannelResult(Error(
                ErrorCode::SudoRefused,
                Tr::tr("sudo refused to start the helper: the password is wrong, this user may "
                       "not use sudo, or the installed helper failed its hash check"),
                QStringLiteral("exit status %1: %2").arg(status).arg(err))));
        });
        QObject::connect(ch.get(), &Ssh::ExecChannel::failed, ctx, [promise, st, ctx](const Error &e) {
            if (st->done)
                return;
            st->done = true;
            ctx->deleteLater();
            resolve(promise, ChannelResult(e));
        });
    });
    return promise->future();
}

} // namespace Qwq::Helper
