// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dbtypes.h"

#include <core/core/result.h>

#include <QCryptographicHash>
#include <QFile>
#include <QFuture>
#include <QJsonObject>
#include <QObject>
#include <QSaveFile>
#include <QTimer>

#include <memory>

namespace Qwq::Helper {
class HelperClient;
}

namespace Qwq::Databases {

/// Dump a database to a file on this computer, or restore one from it, through the helper on
/// the server (`databases.dump` / `databases.restore`: pg_dump, mysqldump, psql, … run there,
/// argv only; the password goes to the tool's environment, never to argv). A dump is written to
/// a temporary file and kept only when its size and SHA-256 match what the helper sent; a
/// restore is sent with the helper's flow control (at most window() bytes beyond what it
/// acknowledged) after the helper said it is ready.
class DbTransfer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DbTransfer)

public:
    DbTransfer(Helper::HelperClient *helper, QObject *parent = nullptr);
    ~DbTransfer() override;

    /// The helper's connection parameters for `spec` (engine, host, port, user, database,
    /// password, format); the password is masked in previews and audit by the client.
    static QJsonObject params(const ConnectionSpec &spec, const QString &password, const QString &format);

    Result<void> dump(const QJsonObject &params, const QString &filePath);
    Result<void> restore(const QJsonObject &params, const QString &filePath);
    void cancel();
    bool isRunning() const { return m_running; }
    qint64 bytes() const { return m_bytes; }
    static constexpr qint64 window() { return 8 * 1024 * 1024; }

signals:
    void progress(qint64 bytes, qint64 total); ///< total -1 for a dump (unknown)
    /// The helper's result ({bytes, sha256, tool, format, …}) or the error (Cancelled after cancel()).
    void finished(const Qwq::Result<QJsonObject> &result);

private:
    void sendSome();
    void finish(const Result<QJsonObject> &r);

    Helper::HelperClient *m_helper;
    std::unique_ptr<QSaveFile> m_out;
    QFile m_in;
    QCryptographicHash m_hash {QCryptographicHash::Sha256};
    QFuture<Result<QJsonValue>> m_future;
    qint64 m_requestId = 0;
    qint64 m_bytes = 0;
    qint64 m_acked = 0;
    bool m_running = false;
    bool m_ready = false;
    bool m_eofSent = false;
    bool m_writeFailed = false;
    QTimer m_timer;
};

} // namespace Qwq::Databases
