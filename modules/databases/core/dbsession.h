// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dbtypes.h"

#include <core/core/result.h>

#include <QElapsedTimer>
#include <QObject>
#include <QThread>

#include <memory>

namespace Qwq::Databases {

class SqlDriver;

/// One open SQL connection. The driver runs blocking in a thread of its own; every call here
/// returns at once and answers through signals (queued to this object's thread).
///
/// Rows never all come at once: execute() delivers the first `firstRows` rows, then the
/// statement waits — the server held back by TCP — until fetchMore() asks for more (the result
/// grid asks as the user scrolls). A new execute() ends the previous statement first (its rest
/// is cancelled and discarded, and it finishes). After the connection is lost, the next
/// execute() reconnects first and says so in the outcome's notices; nothing is re-run.
class DbSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DbSession)

public:
    explicit DbSession(const ConnectionSpec &spec, QObject *parent = nullptr);
    ~DbSession() override; ///< cancels what runs and closes; does not wait for a slow server

    const ConnectionSpec &spec() const { return m_spec; }
    bool isOpen() const { return m_open; }
    QString serverVersion() const { return m_version; }
    bool inTransaction() const { return m_inTransaction; }

    /// Connects (endpoint: see DbTunnel); opened() or openFailed() follows.
    void open(const Endpoint &endpoint, const QString &password);
    /// A second session to the same server with the same credentials, opening now (its
    /// opened()/openFailed() follow): the schema browser's connection.
    DbSession *openTwin(QObject *parent) const;
    /// Runs one statement; returns its run id. started(), rowsArrived()… and finished() follow.
    int execute(const QString &sql, bool readOnly, int firstRows = 1000);
    void fetchMore(int runId, int rows);
    /// Reads the rest of the statement's rows (export, "fetch all").
    void fetchAll(int runId) { fetchMore(runId, -1); }
    /// Asks the server to stop the running statement; finished() reports it.
    void cancel();
    int currentRun() const { return m_currentRun; }
    bool isRunning() const { return m_running; }

signals:
    void opened(const QString &serverVersion);
    void openFailed(const Qwq::Error &error);
    void started(int runId, const QList<Qwq::Databases::Column> &columns);
    /// `more`: whether rows remain on the server for fetchMore().
    void rowsArrived(int runId, std::shared_ptr<Qwq::Databases::RowBatch> rows, bool more);
    /// The statement is over: its outcome, or its error (ok false).
    void finished(int runId, bool ok, const Qwq::Databases::StatementOutcome &outcome,
                  const Qwq::Error &error);
    void transactionChanged(bool inTransaction);

private:
    struct Worker;
    void post(std::function<void(Worker &)> job);
    void deliverFinished(int runId, bool ok, StatementOutcome outcome, const Error &error, bool tx, bool open);

    ConnectionSpec m_spec;
    QThread m_thread;
    QObject *m_context = nullptr;      // lives in m_thread: jobs run in its event loop
    std::shared_ptr<Worker> m_worker;  // shared with the jobs (and a cancel in flight)
    Endpoint m_endpoint;
    QString m_password;
    QString m_version;
    int m_nextRun = 1;
    int m_currentRun = 0;
    bool m_open = false;
    bool m_running = false;
    bool m_inTransaction = false;
};

} // namespace Qwq::Databases
