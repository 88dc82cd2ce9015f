// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentialprompt.h"

#include <QFutureWatcher>
#include <QPromise>

#include <chrono>

namespace Qwq::Helper {

namespace {

using AnswerFuture = QFuture<std::optional<CredentialAnswer>>;

// Calls `done` on the context's thread with the handler's answer; a cancelled or empty future
// counts as "declined".
void watch(QObject *context, const AnswerFuture &future,
           std::function<void(const std::optional<CredentialAnswer> &)> done)
{
    auto *watcher = new QFutureWatcher<std::optional<CredentialAnswer>>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done] {
        const AnswerFuture f = watcher->future();
        watcher->deleteLater();
        if (f.isCanceled() || f.resultCount() == 0)
            return done(std::nullopt);
        done(f.result());
    });
    watcher->setFuture(future);
}

bool usable(const std::optional<CredentialAnswer> &a, const CredentialRequest &r)
{
    return a && a->values.size() >= r.fields.size();
}

} // namespace

CredentialBridge::CredentialBridge(QObject *context, CredentialHandler handler)
    : m_context(context)
    , m_handler(std::move(handler))
{}

std::optional<QStringList> CredentialBridge::ask(const CredentialRequest &request,
                                                 const QString &secretKey)
{
    std::unique_lock lock(m_mutex);
    if (m_cancelled || !m_handler || !m_context)
        return std::nullopt;
    const quint64 ticket = ++m_ticket;
    m_result.reset();
    // Posted under the lock: cancel() (called before the context goes away) cannot pass it.
    auto self = shared_from_this();
    QMetaObject::invokeMethod(
        m_context.data(),
        [self, ticket, request, secretKey] {
            if (!self->m_context)
                return;
            watch(self->m_context.data(), self->m_handler(request),
                  [self, ticket, request, secretKey](const std::optional<CredentialAnswer> &a) {
                      self->deliver(ticket, a, request, secretKey);
                  });
        },
        Qt::QueuedConnection);
    // A forgotten dialog must not hold the worker (and the sshd's login grace) for ever.
    m_cv.wait_for(lock, std::chrono::minutes(10), [this] { return m_cancelled || m_result; });
    if (m_cancelled || !m_result)
        return std::nullopt;
    return *m_result;
}

QFuture<std::optional<QStringList>> CredentialBridge::askAsync(const CredentialRequest &request,
                                                               const QString &secretKey)
{
    auto promise = std::make_shared<QPromise<std::optional<QStringList>>>();
    promise->start();
    auto finish = [promise](const std::optional<QStringList> &v) {
        promise->addResult(v);
        promise->finish();
    };
    {
        std::lock_guard lock(m_mutex);
        if (m_cancelled || !m_handler || !m_context) {
            finish(std::nullopt);
            return promise->future();
        }
    }
    auto self = shared_from_this();
    watch(m_context.data(), m_handler(request),
          [self, finish, request, secretKey](const std::optional<CredentialAnswer> &a) {
              std::lock_guard lock(self->m_mutex);
              if (self->m_cancelled || !usable(a, request))
                  return finish(std::nullopt);
              if (a->remember && !secretKey.isEmpty() && request.rememberField >= 0)
                  self->m_remembered.append({secretKey, a->values.at(request.rememberField)});
              finish(a->values);
          });
    return promise->future();
}

void CredentialBridge::deliver(quint64 ticket, const std::optional<CredentialAnswer> &answer,
                               const CredentialRequest &request, const QString &secretKey)
{
    std::lock_guard lock(m_mutex);
    if (m_cancelled || ticket != m_ticket)
        return;
    if (!usable(answer, request)) {
        m_result = std::optional<QStringList>();
    } else {
        m_result = answer->values;
        if (answer->remember && !secretKey.isEmpty() && request.rememberField >= 0)
            m_remembered.append({secretKey, answer->values.at(request.rememberField)});
    }
    m_cv.notify_all();
}

Ssh::AuthResponder CredentialBridge::responderFor(CredentialRequest base, const QString &passwordKey)
{
    std::weak_ptr<CredentialBridge> weak = shared_from_this();
    return [weak, base, passwordKey](const Ssh::AuthPrompt &p) -> std::optional<QStringList> {
        auto self = weak.lock();
        if (!self)
            return std::nullopt;
        CredentialRequest r = base;
        r.kind = p.kind == Ssh::AuthPrompt::Kind::Password ? CredentialRequest::Kind::Password
                                                           : CredentialRequest::Kind::KeyboardInteractive;
        r.account = p.account;
        r.name = p.name;
        r.instruction = p.instruction;
        r.fields = p.fields;
        // Only a lone hidden password prompt may be kept; codes of a second factor never are.
        r.rememberField = -1;
        if (p.fields.size() == 1 && !p.fields.first().echo
            && (r.kind == CredentialRequest::Kind::Password
                || p.fields.first().text.contains(QLatin1String("assword"))))
            r.rememberField = 0;
        return self->ask(r, passwordKey);
    };
}

void CredentialBridge::cancel()
{
    std::lock_guard lock(m_mutex);
    m_cancelled = true;
    m_remembered.clear();
    m_cv.notify_all();
}

QList<QPair<QString, QString>> CredentialBridge::takeRemembered()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_remembered, {});
}

} // namespace Qwq::Helper
