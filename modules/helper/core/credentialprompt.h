// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <ssh/core/sshtypes.h>

#include <QFuture>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace Qwq::Helper {

/// Something only the user can answer while a connection is being made: the prompts of a
/// keyboard-interactive round (a 2FA code), a password the profile does not store, or the sudo
/// password when sudo asks for one.
struct CredentialRequest
{
    enum class Kind { KeyboardInteractive, Password, SudoPassword };
    Kind kind = Kind::KeyboardInteractive;
    QString serverId;
    QString serverName;
    QString account;      // user@host[:port]
    QString name;         // keyboard-interactive name/instruction from the server (plain text)
    QString instruction;
    QList<Ssh::AuthPrompt::Field> fields;
    int rememberField = -1; // a field the user may keep in the keychain; -1: none (2FA codes)
};

struct CredentialAnswer
{
    QStringList values;   // one per field
    bool remember = false;
};

/// Shows the request to the user; the future resolves with the answer, or with nullopt (or is
/// cancelled) when the user declines.
using CredentialHandler =
    std::function<QFuture<std::optional<CredentialAnswer>>(const CredentialRequest &request)>;

/// Carries requests from an SSH worker thread (which blocks while the user types) to the
/// handler on the thread of `context`, and the answers back. One bridge per connection
/// attempt: cancel() releases a waiting worker at once and refuses every later request.
/// Values the user asked to remember are held until the attempt succeeded (takeRemembered()).
class CredentialBridge final : public std::enable_shared_from_this<CredentialBridge>
{
public:
    CredentialBridge(QObject *context, CredentialHandler handler);

    /// Worker thread. `secretKey` is where a remembered value goes (empty: never remembered).
    std::optional<QStringList> ask(const CredentialRequest &request, const QString &secretKey);
    /// Context thread: the same, asynchronously (for sudo, asked from the GUI thread).
    QFuture<std::optional<QStringList>> askAsync(const CredentialRequest &request,
                                                 const QString &secretKey);
    /// An AuthResponder for one hop: its prompts become requests naming that hop.
    Ssh::AuthResponder responderFor(CredentialRequest base, const QString &passwordKey);
    void cancel();
    /// Context thread: (keychain key, value) pairs the user chose to remember.
    QList<QPair<QString, QString>> takeRemembered();

private:
    void deliver(quint64 ticket, const std::optional<CredentialAnswer> &answer,
                 const CredentialRequest &request, const QString &secretKey);

    QPointer<QObject> m_context;
    CredentialHandler m_handler;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_cancelled = false;
    quint64 m_ticket = 0;
    std::optional<std::optional<QStringList>> m_result; // set when the ticket's answer came
    QList<QPair<QString, QString>> m_remembered;
};

} // namespace Qwq::Helper
