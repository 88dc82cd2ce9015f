// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverconnection.h"

#include "helperdeployer.h"
#include "helpertr.h"
#include "helpertransport.h"

#include <core/core/logging.h>
#include <core/core/paths.h>
#include <profiles/core/profilestore.h>
#include <profiles/core/secretstore.h>
#include <ssh/core/knownhosts.h>
#include <ssh/core/sshsession.h>

#include <QFileInfo>
#include <QTimer>

namespace Qwq::Helper {

using Profiles::SecretStore;

namespace {
constexpr int kStartTimeoutMs = 30000;
constexpr int kFirstRetryMs = 1000;
constexpr int kMaxRetryMs = 60000;

// Failures that a later attempt can fix by itself. Host keys, credentials, sudo and a missing
// helper need the user.
bool isTransient(ErrorCode c)
{
    return c == ErrorCode::ConnectionFailed || c == ErrorCode::Timeout
           || c == ErrorCode::ChannelFailed;
}
} // namespace

ServerConnection::ServerConnection(Profiles::Profile profile, Profiles::SecretStore *secrets,
                                   AuditLog *audit, QObject *parent)
    : QObject(parent), m_profile(std::move(profile)), m_secrets(secrets), m_audit(audit),
      m_helperBinary(Paths::helperBinary()), m_knownHosts(Paths::knownHostsFile()),
      m_userKnownHosts(Paths::userKnownHostsFile())
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &ServerConnection::startConnect);
}

ServerConnection::~ServerConnection()
{
    ++m_generation;
    if (m_bridge)
        m_bridge->cancel(); // a worker waiting for the user lets go before the join below
    // Not inside a signal of theirs here: stop the session (joins its thread) right away.
    if (m_client)
        m_client->disconnect(this);
    delete m_client;
    m_session.reset();
}

void ServerConnection::setKnownHostsFiles(const QString &qwqFile, const QString &userFile)
{
    m_knownHosts = qwqFile;
    m_userKnownHosts = userFile;
}

QString ServerConnection::stateName(State s)
{
    switch (s) {
    case State::Disconnected: return Tr::tr("Disconnected");
    case State::Connecting: return Tr::tr("Connecting…");
    case State::Deploying: return Tr::tr("Checking the helper…");
    case State::Starting: return Tr::tr("Starting the helper…");
    case State::Ready: return Tr::tr("Connected");
    case State::Failed: return Tr::tr("Failed");
    case State::Reconnecting: return Tr::tr("Reconnecting…");
    }
    return {};
}

void ServerConnection::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    emit stateChanged(s);
    if (s == State::Ready)
        emit ready();
}

void ServerConnection::fail(const Error &e)
{
    ++m_generation;   // late callbacks of this attempt are ignored from here on
    m_lastError = e;
    teardown();
    emit errorOccurred(e);
    if (scheduleRetry(e))
        return;
    setState(State::Failed);
    if (e.code == ErrorCode::HostKeyUnknown || e.code == ErrorCode::HostKeyChanged)
        emit hostKeyApprovalNeeded(m_hostKey, e.code == ErrorCode::HostKeyChanged);
}

bool ServerConnection::scheduleRetry(const Error &e)
{
    if (!m_autoReconnect || !m_wasReady || !isTransient(e.code)) {
        m_wasReady = false;
        m_attempt = 0;
        return false;
    }
    const int delay = int(qMin<qint64>(qint64(kFirstRetryMs) << qMin(m_attempt, 16), kMaxRetryMs));
    ++m_attempt;
    m_retryClock.start();
    m_retry.start(delay);
    setState(State::Reconnecting);
    return true;
}

qint64 ServerConnection::nextRetryInMs() const
{
    if (m_state != State::Reconnecting || !m_retry.isActive())
        return -1;
    return qMax<qint64>(0, m_retry.interval() - m_retryClock.elapsed());
}

void ServerConnection::teardown()
{
    if (m_bridge) {
        m_bridge->cancel();
        m_bridge.reset();
    }
    // Often reached from a signal of the very client or session being dropped: delete them
    // once control is back in the event loop, never under their own feet.
    if (m_client) {
        m_client->disconnect(this);
        m_client->close();
        m_client->deleteLater();
        m_client = nullptr;
    }
    if (m_session) {
        // Remembered so a reconnect brings them back; disconnectFromServer() forgets them.
        if (!m_started.isEmpty())
            m_activeForwards = m_started.values();
        m_started.clear();
        m_session->disconnect(this);
        m_session.release()->deleteLater();
        emit forwardsChanged();
    }
}

void ServerConnection::disconnectFromServer()
{
    m_retry.stop();
    m_wasReady = false;
    m_attempt = 0;
    ++m_generation;
    teardown();
    m_activeForwards.clear();
    setState(State::Disconnected);
}

void ServerConnection::connectToServer()
{
    // The user asked: retry now, and count the backoff from the start again.
    m_retry.stop();
    m_attempt = 0;
    startConnect();
}

void ServerConnection::startConnect()
{
    if (m_state == State::Connecting || m_state == State::Deploying || m_state == State::Starting)
        return;
    ++m_generation;
    teardown();
    m_lastError = {};
    m_connectMs = -1;
    m_timer.start();
    setState(State::Connecting);
    if (m_profile.isLocal())
        return connectLocal();

    // Settings inherited from groups and identities, and the jump chain, are resolved now, so
    // an edit made since the last attempt counts.
    QList<Profiles::Profile> chain;
    if (m_store) {
        const auto eff = m_store->effective(m_profile.id);
        if (!eff)
            return fail(eff.error());
        m_profile = *eff;
        const auto hops = m_store->jumpChain(m_profile.id);
        if (!hops)
            return fail(hops.error());
        chain = *hops;
    }
    readSecrets(chain + QList<Profiles::Profile>{m_profile}, {}, m_generation);
}

QStringList ServerConnection::secretKeys(const Profiles::Profile &p, bool finalHop)
{
    // Only what the profile can use; an identity's secrets stand in for the profile's own.
    QStringList keys;
    const bool pw = p.auth == Profiles::AuthMethod::Password || p.auth == Profiles::AuthMethod::Auto;
    const bool key = !p.identityFile.isEmpty();
    if (!p.identityId.isEmpty()) {
        if (pw)
            keys << SecretStore::identityPasswordKey(p.identityId);
        if (key)
            keys << SecretStore::identityPassphraseKey(p.identityId);
    }
    if (pw)
        keys << SecretStore::passwordKey(p.id);
    if (key)
        keys << SecretStore::passphraseKey(p.id);
    if (finalHop && p.elevation == Profiles::Elevation::Sudo)
        keys << SecretStore::sudoKey(p.id);
    return keys;
}

void ServerConnection::readSecrets(const QList<Profiles::Profile> &hops, QHash<QString, QString> found,
                                   quint64 gen)
{
    QStringList keys;
    for (qsizetype i = 0; i < hops.size(); ++i)
        keys += secretKeys(hops.at(i), i == hops.size() - 1);
    for (const QString &k : std::as_const(keys)) {
        if (found.contains(k) || !m_secrets)
            continue;
        // One keychain read at a time; each answer continues the walk. A missing entry is
        // not an error, and a keychain that is down only matters if the login needs it.
        m_secrets->read(k).then(this, [=, this](const Result<QString> &r) mutable {
            if (gen != m_generation)
                return;
            if (!r && r.error().code != ErrorCode::NotFound)
                qCDebug(lcQwq) << "keychain:" << r.error().toString();
            found.insert(k, r.valueOr(QString()));
            readSecrets(hops, found, gen);
        });
        return;
    }
    connectSsh(hops, found);
}

void ServerConnection::connectLocal()
{
    if (m_helperBinary.isEmpty() || !QFileInfo(m_helperBinary).isExecutable())
        return fail(Error(ErrorCode::HelperDeployFailed,
                          Tr::tr("The qwq helper binary was not found next to the app"),
                          m_helperBinary));
    setState(State::Starting);
    auto *t = new LocalProcessTransport;
    QStringList args{QStringLiteral("serve")};
    if (m_profile.mode == Profiles::Mode::ReadOnly)
        args << QStringLiteral("--read-only");
    t->start(m_helperBinary, args);   // opens the pipe at once; writes are buffered
    attach(t);
}

Ssh::SshTarget ServerConnection::targetFor(const Profiles::Profile &p,
                                           const QHash<QString, QString> &secrets)
{
    const auto secret = [&](const QString &own, const QString &identity) {
        const QString v = secrets.value(own);
        return v.isEmpty() && !p.identityId.isEmpty() ? secrets.value(identity) : v;
    };
    Ssh::SshTarget t;
    t.host = p.host;
    t.port = p.port;
    t.user = p.elevation == Profiles::Elevation::Root ? QStringLiteral("root") : p.user;
    t.identityFile = p.identityFile;
    t.keyPassphrase = secret(SecretStore::passphraseKey(p.id), SecretStore::identityPassphraseKey(p.identityId));
    t.password = secret(SecretStore::passwordKey(p.id), SecretStore::identityPasswordKey(p.identityId));
    t.useAgent = p.auth == Profiles::AuthMethod::Auto || p.auth == Profiles::AuthMethod::Agent;
    t.knownHostsFile = m_knownHosts;
    t.userKnownHostsFile = m_userKnownHosts;
    t.keepAliveSeconds = p.keepAliveSeconds;
    if (m_bridge) {
        CredentialRequest base;
        base.serverId = m_profile.id;
        base.serverName = p.id == m_profile.id ? m_profile.name
                                               : Tr::tr("%1 (jump host %2)").arg(m_profile.name, p.name);
        // A password typed here is kept as the profile's own, not its identity's.
        t.authResponder = m_bridge->responderFor(base, SecretStore::passwordKey(p.id));
    }
    return t;
}

void ServerConnection::saveRemembered()
{
    if (!m_bridge || !m_secrets)
        return;
    for (const auto &[key, value] : m_bridge->takeRemembered()) {
        m_secrets->write(key, value).then(this, [this](const Result<void> &r) {
            if (!r)
                emit errorOccurred(r.error());
        });
    }
}

void ServerConnection::connectSsh(const QList<Profiles::Profile> &hops,
                                  const QHash<QString, QString> &secrets)
{
    if (m_credentials)
        m_bridge = std::make_shared<CredentialBridge>(this, m_credentials);
    Ssh::SshTarget target = targetFor(m_profile, secrets);
    for (qsizetype i = 0; i + 1 < hops.size(); ++i)
        target.jumps.append(targetFor(hops.at(i), secrets));
    const QString sudoPw = secrets.value(SecretStore::sudoKey(m_profile.id));
    m_session = std::make_unique<Ssh::SshSession>(target);
    Ssh::SshSession *session = m_session.get();
    const quint64 gen = m_generation;

    session->connectToHost().then(this, [=, this](const Result<Ssh::HostKeyInfo> &r) {
        if (gen != m_generation)
            return;
        m_hostKey = session->lastHostKey();
        if (!r)
            return fail(r.error());
        setState(State::Deploying);
        auto *deployer = new HelperDeployer(session, m_helperBinary, this);
        deployer->setSudo(m_profile.elevation == Profiles::Elevation::Sudo, sudoPw);
        if (auto bridge = m_bridge) {
            CredentialRequest r;
            r.kind = CredentialRequest::Kind::SudoPassword;
            r.serverId = m_profile.id;
            r.serverName = m_profile.name;
            r.account = m_profile.user + QLatin1Char('@') + m_profile.host;
            r.fields.append({Tr::tr("Password for sudo:"), false});
            r.rememberField = 0;
            const QString key = SecretStore::sudoKey(m_profile.id);
            deployer->setSudoPasswordProvider([this, bridge, r, key] {
                return bridge->askAsync(r, key).then(this, [](const std::optional<QStringList> &v) {
                    return v ? std::optional<QString>(v->value(0)) : std::optional<QString>();
                });
            });
        }
        deployer->setReadOnly(m_profile.mode == Profiles::Mode::ReadOnly);
        deployer->deploy().then(this, [=, this](const Result<DeployedHelper> &d) {
            if (gen != m_generation)
                return deployer->deleteLater();
            if (!d) {
                deployer->deleteLater();
                return fail(d.error());
            }
            setState(State::Starting);
            deployer->start(*d).then(this, [=, this](const Result<std::shared_ptr<Ssh::ExecChannel>> &ch) {
                deployer->deleteLater();
                if (gen != m_generation)
                    return;
                if (!ch)
                    return fail(ch.error());
                attach(new SshExecTransport(*ch));
            });
        });
    });
    connect(session, &Ssh::SshSession::disconnected, this, [this, gen](const Error &e) {
        if (gen == m_generation && m_state == State::Ready)
            fail(e);
    });
    connect(session, &Ssh::SshSession::forwardsChanged, this, [this, gen] {
        if (gen == m_generation)
            emit forwardsChanged();
    });
    connect(session, &Ssh::SshSession::latencyMeasured, this, [this, gen](int ms) {
        if (gen != m_generation)
            return;
        m_latencyMs = ms;
        emit latencyChanged(ms);
    });
}

void ServerConnection::attach(IHelperTransport *transport)
{
    const quint64 gen = m_generation;
    m_client = new HelperClient(transport, this);
    m_client->setReadOnly(m_profile.mode == Profiles::Mode::ReadOnly);
    m_client->setConfirmPolicy(m_profile.mode == Profiles::Mode::Production
                                   ? ConfirmPolicy::EveryChange
                                   : ConfirmPolicy::DestructiveOnly);
    m_client->setConfirmHandler(m_confirm);
    m_client->setTypedWord(m_profile.isLocal() ? QStringLiteral("localhost") : m_profile.name);
    m_client->setAudit(m_audit, m_profile.id);
    connect(m_client, &HelperClient::stderrLine, this,
            [](const QString &l) { qCDebug(lcQwq) << "helper:" << l; });
    connect(m_client, &HelperClient::closed, this, [this, gen](const Error &e) {
        if (gen == m_generation)
            fail(e);
    });
    // A helper that never answers must not leave the server "starting" forever.
    QTimer::singleShot(kStartTimeoutMs, this, [this, gen] {
        if (gen == m_generation && m_state != State::Ready && m_state != State::Failed)
            fail(Error(ErrorCode::Timeout, Tr::tr("The qwq helper did not answer within %1 s")
                                               .arg(kStartTimeoutMs / 1000)));
    });
    m_client->initialize().then(this, [this, gen](const Result<HelperInfo> &info) {
        if (gen != m_generation)
            return;
        if (!info)
            return fail(info.error());
        m_connectMs = m_timer.elapsed();
        if (m_profile.isLocal() && m_latencyMs != 0) {
            m_latencyMs = 0;   // a pipe on this machine
            emit latencyChanged(0);
        }
        m_wasReady = true;
        m_attempt = 0;
        saveRemembered();
        setState(State::Ready);
        restoreForwards();
    });
}

void ServerConnection::restoreForwards()
{
    if (!m_session)
        return;
    QList<std::pair<QString, Ssh::ForwardRule>> todo;
    if (m_autoStartForwards) {
        for (const Profiles::ForwardSpec &f : std::as_const(m_profile.forwards)) {
            if (f.autoStart)
                todo.append({f.name, forwardRule(f)});
        }
    }
    const auto sameListener = [](const Ssh::ForwardRule &a, const Ssh::ForwardRule &b) {
        return a.kind == b.kind && a.bindAddress == b.bindAddress && a.bindPort == b.bindPort
               && a.targetHost == b.targetHost && a.targetPort == b.targetPort;
    };
    for (const Ssh::ForwardRule &r : std::as_const(m_activeForwards)) {
        const bool dup = std::any_of(todo.cbegin(), todo.cend(),
                                     [&](const auto &t) { return sameListener(t.second, r); });
        if (!dup)
            todo.append({QStringLiteral("%1:%2").arg(r.bindAddress).arg(r.bindPort), r});
    }
    m_activeForwards.clear();
    const quint64 gen = m_generation;
    for (const auto &[name, rule] : std::as_const(todo)) {
        startForward(rule).then(this, [this, gen, name](const Result<int> &r) {
            if (gen != m_generation || r)
                return;
            qCDebug(lcQwq) << "forward" << name << "did not start:" << r.error().toString();
            emit forwardFailed(name, r.error());
        });
    }
}

Ssh::ForwardRule ServerConnection::forwardRule(const Profiles::ForwardSpec &spec)
{
    Ssh::ForwardRule r;
    r.kind = spec.kind == QLatin1String("remote")    ? Ssh::ForwardRule::Remote
             : spec.kind == QLatin1String("dynamic") ? Ssh::ForwardRule::Dynamic
                                                     : Ssh::ForwardRule::Local;
    r.bindAddress = spec.bindAddress;
    r.bindPort = spec.bindPort;
    r.targetHost = spec.targetHost;
    r.targetPort = spec.targetPort;
    r.allowAllInterfaces = false;
    return r;
}

QFuture<Result<int>> ServerConnection::startForward(const Ssh::ForwardRule &rule)
{
    if (m_profile.isLocal())
        return QtFuture::makeReadyFuture(Result<int>(Error(
            ErrorCode::InvalidParam, Tr::tr("Port forwards need an SSH connection; This computer has none"))));
    if (!m_session || m_state != State::Ready)
        return QtFuture::makeReadyFuture(Result<int>(
            Error(ErrorCode::ConnectionFailed, Tr::tr("Connect to the server before starting a forward"))));
    const quint64 gen = m_generation;
    return m_session->startForward(rule).then(this, [this, gen, rule](const Result<int> &r) {
        if (r && gen == m_generation)
            m_started.insert(*r, rule);
        return r;
    });
}

void ServerConnection::stopForward(int id)
{
    m_started.remove(id);
    if (m_session)
        m_session->stopForward(id);
}

QList<Ssh::ForwardStatus> ServerConnection::forwards() const
{
    return m_session ? m_session->forwards() : QList<Ssh::ForwardStatus>();
}

Result<void> ServerConnection::trustHostKeyAndReconnect()
{
    if (m_hostKey.sha256.isEmpty())
        return Error(ErrorCode::InvalidParam, Tr::tr("There is no host key to trust"));
    Ssh::KnownHosts kh(m_knownHosts, m_userKnownHosts);
    if (auto r = kh.accept(m_hostKey); !r)
        return r;
    setState(State::Disconnected);
    connectToServer();
    return {};
}

} // namespace Qwq::Helper
