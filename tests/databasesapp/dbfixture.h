// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Starts and stops a private PostgreSQL, MariaDB or Redis (tests/fixtures/dbservers.sh).

#include "sshdfixture.h"

#include <core/core/auditlog.h>
#include <helper/core/serverconnection.h>
#include <profiles/core/profile.h>
#include <profiles/core/secretstore.h>

#include <QTest>
#include <QUuid>

#include <memory>

#include <QHash>
#include <QTemporaryDir>

namespace QwqTest {

class DbServerFixture
{
public:
    static constexpr char kPgPassword[] = "qwq-pg-secret";
    static constexpr char kMyPassword[] = "qwq-my-secret";
    static constexpr char kRedisPassword[] = "qwq-redis-secret";

    explicit DbServerFixture(QString engine) : m_engine(std::move(engine)) {}
    ~DbServerFixture() { stop(); }

    /// Empty on success, "SKIP" when the package is missing, else what went wrong.
    QString start()
    {
        const ProcessResult r = runProcess(QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/dbservers.sh"),
                                           {QStringLiteral("start"), m_engine, m_dir.path()}, 120000);
        if (r.exitCode == 77)
            return QStringLiteral("SKIP");
        if (!r.ok())
            return QString::fromUtf8(r.err);
        m_started = true;
        const QString envName = m_engine == QLatin1String("postgres") ? QStringLiteral("pg.env")
                                : m_engine == QLatin1String("mariadb") ? QStringLiteral("my.env")
                                                                        : QStringLiteral("redis.env");
        for (const QByteArray &l : readAll(m_dir.filePath(envName)).split('\n')) {
            const qsizetype eq = l.indexOf('=');
            if (eq > 0)
                m_env.insert(QString::fromUtf8(l.left(eq)), QString::fromUtf8(l.mid(eq + 1)));
        }
        const QString key = m_engine == QLatin1String("postgres") ? QStringLiteral("PG_PORT")
                            : m_engine == QLatin1String("mariadb") ? QStringLiteral("MY_PORT")
                                                                    : QStringLiteral("REDIS_PORT");
        port = quint16(m_env.value(key).toUInt());
        return port ? QString() : QStringLiteral("dbservers.sh wrote no port");
    }
    void stop()
    {
        if (m_started)
            runProcess(QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/dbservers.sh"),
                       {QStringLiteral("stop"), m_engine, m_dir.path()}, 60000);
        m_started = false;
    }
    QString env(const QString &name) const { return m_env.value(name); }
    QString dir() const { return m_dir.path(); }

    /// psql / mariadb as the admin, for setting up and checking what the app did.
    ProcessResult psql(const QString &sql, const QString &db = QStringLiteral("qwqtest")) const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("PGPASSWORD"), QString::fromLatin1(kPgPassword));
        return runProcess(env(QStringLiteral("PG_BIN")) + QStringLiteral("/psql"),
                          {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                           QString::number(port), QStringLiteral("-U"), QStringLiteral("postgres"),
                           QStringLiteral("-d"), db, QStringLiteral("-XAtq"), QStringLiteral("-v"),
                           QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-c"), sql},
                          60000, e);
    }
    ProcessResult mariadb(const QString &sql, const QString &db = QStringLiteral("qwqtest")) const
    {
        return runProcess(QStringLiteral("mariadb"),
                          {QStringLiteral("--no-defaults"), QStringLiteral("-S"), env(QStringLiteral("MY_SOCKET")),
                           QStringLiteral("-u"), QStringLiteral("root"), QStringLiteral("-N"), QStringLiteral("-B"),
                           QStringLiteral("-D"), db, QStringLiteral("-e"), sql},
                          60000);
    }

    quint16 port = 0;

private:
    QString m_engine;
    QTemporaryDir m_dir {QStringLiteral("/tmp/qwq-dbfix-XXXXXX")};
    QHash<QString, QString> m_env;
    bool m_started = false;
};

/// A ServerConnection to the sshd fixture as user qwqtest with its key, the host key trusted on
/// first sight (files under `home`), connected: nullptr and `error` set when it did not reach Ready.
inline std::unique_ptr<Qwq::Helper::ServerConnection> connectToSshd(const SshdFixture &sshd, const QTemporaryDir &home,
                                                                    Qwq::Profiles::SecretStore *secrets,
                                                                    Qwq::AuditLog *audit, QString *error)
{
    using State = Qwq::Helper::ServerConnection::State;
    Qwq::Profiles::Profile p;
    p.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    p.name = QStringLiteral("db-test");
    p.host = QStringLiteral("127.0.0.1");
    p.port = sshd.port;
    p.user = QStringLiteral("qwqtest");
    p.auth = Qwq::Profiles::AuthMethod::Key;
    p.identityFile = sshd.key();
    auto conn = std::make_unique<Qwq::Helper::ServerConnection>(p, secrets, audit);
    conn->setHelperBinary(QStringLiteral(QWQ_HELPER_PATH));
    conn->setKnownHostsFiles(home.filePath(QStringLiteral("kh")), home.filePath(QStringLiteral("ukh")));
    const auto settled = [&] { return conn->state() == State::Ready || conn->state() == State::Failed; };
    conn->connectToServer();
    (void)QTest::qWaitFor(settled, 60000);
    if (conn->state() == State::Failed && conn->lastError().code == Qwq::ErrorCode::HostKeyUnknown
        && conn->trustHostKeyAndReconnect().ok())
        (void)QTest::qWaitFor(settled, 60000);
    if (conn->state() != State::Ready) {
        *error = conn->lastError().toString();
        return nullptr;
    }
    return conn;
}

} // namespace QwqTest
