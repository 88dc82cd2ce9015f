// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"

#include <optional>

#include "profilestr.h"

#include <qt6keychain/keychain.h>

#include <QPromise>

#include <memory>

namespace Qwq::Profiles {

namespace {
Error keychainError(const QKeychain::Job *job)
{
    if (job->error() == QKeychain::EntryNotFound)
        return Error(ErrorCode::NotFound, Tr::tr("No secret is stored for “%1”").arg(job->key()));
    return Error(ErrorCode::KeychainFailed,
                 Tr::tr("The system keychain failed (%1)").arg(int(job->error())),
                 job->errorString());
}
} // namespace

SecretStore::SecretStore(QString service) : m_service(std::move(service)) {}

QFuture<Result<QString>> SecretStore::read(const QString &key) const
{
    auto promise = std::make_shared<QPromise<Result<QString>>>();
    promise->start();
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, job, [promise](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError)
            promise->addResult(static_cast<QKeychain::ReadPasswordJob *>(j)->textData());
        else
            promise->addResult(keychainError(j));
        promise->finish();
    });
    job->start();
    return promise->future();
}

QFuture<Result<void>> SecretStore::write(const QString &key, const QString &secret) const
{
    auto promise = std::make_shared<QPromise<Result<void>>>();
    promise->start();
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(secret);
    QObject::connect(job, &QKeychain::Job::finished, job, [promise](QKeychain::Job *j) {
        promise->addResult(j->error() == QKeychain::NoError ? Result<void>()
                                                             : Result<void>(keychainError(j)));
        promise->finish();
    });
    job->start();
    return promise->future();
}

QFuture<Result<void>> SecretStore::writeAll(const QList<std::pair<QString, QString>> &entries) const
{
    auto promise = std::make_shared<QPromise<Result<void>>>();
    promise->start();
    if (entries.isEmpty()) {
        promise->addResult(Result<void>());
        promise->finish();
        return promise->future();
    }
    struct State
    {
        int remaining = 0;
        std::optional<Error> failed;
    };
    auto state = std::make_shared<State>();
    state->remaining = int(entries.size());
    for (const auto &[key, secret] : entries) {
        write(key, secret).then([promise, state](const Result<void> &r) {
            if (!r && !state->failed)
                state->failed = r.error();
            if (--state->remaining > 0)
                return;
            promise->addResult(state->failed ? Result<void>(*state->failed) : Result<void>());
            promise->finish();
        });
    }
    return promise->future();
}

QFuture<Result<void>> SecretStore::remove(const QString &key) const
{
    auto promise = std::make_shared<QPromise<Result<void>>>();
    promise->start();
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, job, [promise](QKeychain::Job *j) {
        const bool ok = j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound;
        promise->addResult(ok ? Result<void>() : Result<void>(keychainError(j)));
        promise->finish();
    });
    job->start();
    return promise->future();
}

} // namespace Qwq::Profiles
