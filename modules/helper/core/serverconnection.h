// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "credentialprompt.h"
#include "helperclient.h"

#include <core/core/result.h>
#include <profiles/core/profile.h>
#include <ssh/core/sshtypes.h>

#include <QElapsedTimer>
#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace Qwq {
class AuditLog;
}
namespace Qwq::Profiles {
class ProfileStore;
class SecretStore;
}
namespace Qwq::Ssh {
class SshSession;
}

namespace Qwq::Helper {

/// One server, from profile to a ready helper: secrets from the keychain, SSH connect with
/// strict host keys, deploy, start, initialize (or, for This computer, the helper over a pipe).
/// Lives in the GUI thread; every step is asynchronous. A panel reaches the server only
/// through `helper()` while the state is Ready.
class ServerConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerConnection)
public:
    enum class State { Disconnected, Connecting, Deploying, Starting, Ready, Failed, Reconnecting };
    Q_ENUM(State)

    ServerConnection(Profiles::Profile profile, Profiles::SecretStore *secrets, AuditLog *audit,
                     QObject *parent = nullptr);
    ~ServerConnection() override;

    const Profiles::Profile &profile() const { return m_profile; }
    void setProfile(const Profiles::Profile &p) { m_profile = p; }
    State state() const { return m_state; }
    const Error &lastError() const { return m_lastError; }
    HelperClient *helper() const { return m_client; }
    /// The SSH session while connected to a remote server (terminal tabs open channels on
    /// it); nullptr for This computer and while not connected. Replaced on each reconnect.
    Ssh::SshSession *sshSession() const { return m_session.get(); }
    /// The key shown when the state is Failed with HostKeyUnknown/HostKeyChanged.
    const Ssh::HostKeyInfo &hostKey() const { return m_hostKey; }
    /// Milliseconds from connect to Ready, -1 before.
    qint64 connectMs() const { return m_connectMs; }
    /// The last measured network round trip (SSH keepalive), -1 when unknown; 0 for This
    /// computer.
    int latencyMs() const { return m_latencyMs; }

    /// Overrides where the helper binary and known_hosts files are (tests, qwqctl).
    void setHelperBinary(const QString &path) { m_helperBinary = path; }
    void setKnownHostsFiles(const QString &qwqFile, const QString &userFile);
    /// Resolve group/identity inheritance and the jump chain from this store at each connect.
    void setProfileStore(const Profiles::ProfileStore *store) { m_store = store; }

    void connectToServer();
    void disconnectFromServer();

    /// After a link that was Ready drops (not after auth or host-key failures), connect again
    /// with backoff: 1 s, 2 s, 4 s … at most 60 s, until it works or the user disconnects.
    /// The state is Reconnecting while a retry is scheduled.
    void setAutoReconnect(bool on) { m_autoReconnect = on; }
    bool autoReconnect() const { return m_autoReconnect; }
    /// Milliseconds until the next retry while Reconnecting, else -1.
    qint64 nextRetryInMs() const;
    int reconnectAttempt() const { return m_attempt; }

    /// Asks the user before calls that need it (see HelperClient::ConfirmPolicy); the policy
    /// follows the profile's mode. Set once; every new helper client gets it.
    void setConfirmHandler(HelperClient::ConfirmHandler h) { m_confirm = std::move(h); }
    /// Asks the user what the keychain cannot answer: keyboard-interactive prompts (2FA codes),
    /// a password the profile does not store, the sudo password when sudo asks and none is
    /// stored. Values the user chose to remember are saved in the keychain once the
    /// connection is Ready. Without a handler such logins fail as before.
    void setCredentialHandler(CredentialHandler h) { m_credentials = std::move(h); }
    /// Trusts the key in hostKey() (after the user saw its fingerprint) and connects again.
    Result<void> trustHostKeyAndReconnect();

    /// Port forwards over this connection's SSH session (see Ssh::SshSession::startForward).
    /// Not connected, or This computer -> an error (forwards need SSH). Forwards that were
    /// running when the link dropped are started again after the reconnect reaches Ready, and
    /// so are the rules the caller registered with setAutoForwards(); a failure there is
    /// reported through forwardFailed() and does not fail the connection.
    QFuture<Result<int>> startForward(const Ssh::ForwardRule &rule);
    void stopForward(int id);
    QList<Ssh::ForwardStatus> forwards() const;
    /// Whether the profile's autoStart rules start each time the connection becomes Ready
    /// (default on; qwqctl turns it off and starts only what it was asked for).
    void setAutoStartForwards(bool on) { m_autoStartForwards = on; }
    /// A saved rule as the SSH layer takes it. Wildcard bind addresses stay refused
    /// (allowAllInterfaces is never set from a saved, possibly imported, rule).
    static Ssh::ForwardRule forwardRule(const Profiles::ForwardSpec &spec);

    static QString stateName(State s);

signals:
    void stateChanged(Qwq::Helper::ServerConnection::State state);
    void errorOccurred(const Qwq::Error &error);
    void hostKeyApprovalNeeded(const Qwq::Ssh::HostKeyInfo &key, bool changed);
    void ready();
    void latencyChanged(int ms);
    void forwardsChanged();
    /// Starting a forward again after a (re)connect failed; `name` is the rule's name or its
    /// listen address.
    void forwardFailed(const QString &name, const Qwq::Error &error);

private:
    void setState(State s);
    void startConnect();
    bool scheduleRetry(const Error &e);
    void fail(const Error &e);
    void connectLocal();
    static QStringList secretKeys(const Profiles::Profile &p, bool finalHop);
    void readSecrets(const QList<Profiles::Profile> &hops, QHash<QString, QString> found, quint64 gen);
    Ssh::SshTarget targetFor(const Profiles::Profile &p, const QHash<QString, QString> &secrets);
    void saveRemembered();
    void connectSsh(const QList<Profiles::Profile> &hops, const QHash<QString, QString> &secrets);
    void attach(IHelperTransport *transport);
    void teardown();
    void restoreForwards();

    Profiles::Profile m_profile;
    Profiles::SecretStore *m_secrets;
    const Profiles::ProfileStore *m_store = nullptr;
    AuditLog *m_audit;
    State m_state = State::Disconnected;
    Error m_lastError;
    Ssh::HostKeyInfo m_hostKey;
    std::unique_ptr<Ssh::SshSession> m_session;
    QPointer<HelperClient> m_client;
    QString m_helperBinary;
    QString m_knownHosts;
    QString m_userKnownHosts;
    QElapsedTimer m_timer;
    qint64 m_connectMs = -1;
    int m_latencyMs = -1;
    quint64 m_generation = 0;   // ignores callbacks of an attempt that was abandoned
    HelperClient::ConfirmHandler m_confirm;
    CredentialHandler m_credentials;
    std::shared_ptr<CredentialBridge> m_bridge; // of the current attempt
    bool m_autoReconnect = false;
    bool m_wasReady = false;    // only a link that once worked is retried by itself
    int m_attempt = 0;
    QTimer m_retry;
    QElapsedTimer m_retryClock;
    bool m_autoStartForwards = true;
    QList<Ssh::ForwardRule> m_activeForwards; // running when the link dropped: restart them
    QHash<int, Ssh::ForwardRule> m_started;   // forwards started on the current session, by id
};

} // namespace Qwq::Helper
