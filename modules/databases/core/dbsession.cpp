// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dbsession.h"

#include "databasestr.h"
#include "sqldriver.h"

#include <QMetaObject>
#include <QPointer>

#include <thread>

namespace Qwq::Databases {

namespace {
constexpr int PostEvery = 4000; // rows per delivered batch while draining: the grid grows smoothly
}

struct DbSession::Worker
{
    std::shared_ptr<SqlDriver> driver;
    int run = 0;          // the statement whose rows remain, 0 when none
    bool more = false;
    QElapsedTimer clock;
    qint64 fetched = 0;
    int columns = 0;

    /// The statement `runId` is over: its outcome stamped with time and rows, and the
    /// connection's state, handed to the session's thread.
    void postFinished(const QPointer<DbSession> &self, int runId, bool ok, StatementOutcome o, const Error &e) const
    {
        o.elapsedMs = clock.elapsed();
        o.rowsFetched = fetched;
        const bool tx = driver && driver->inTransaction();
        const bool open = driver && driver->isOpen();
        QMetaObject::invokeMethod(self, [self, runId, ok, o, e, tx, open] {
            if (self)
                self->deliverFinished(runId, ok, o, e, tx, open);
        });
    }
};

DbSession::DbSession(const ConnectionSpec &spec, QObject *parent)
    : QObject(parent), m_spec(spec), m_worker(std::make_shared<Worker>())
{
    m_worker->driver = std::shared_ptr<SqlDriver>(makeDriver(spec.engine).release());
    m_thread.setObjectName(QStringLiteral("qwq-db"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

DbSession::~DbSession()
{
    cancel();
    post([](Worker &w) {
        if (w.driver)
            w.driver->close();
    });
    m_thread.quit();
    // A statement stuck on a dead link would block here; the cancel above normally ends it.
    if (!m_thread.wait(3000)) {
        qWarning("qwq-db: the database thread did not stop in time");
        m_thread.terminate();
        m_thread.wait();
    }
}

void DbSession::post(std::function<void(Worker &)> job)
{
    std::shared_ptr<Worker> w = m_worker;
    QMetaObject::invokeMethod(m_context, [w, job = std::move(job)] { job(*w); }, Qt::QueuedConnection);
}

void DbSession::open(const Endpoint &endpoint, const QString &password)
{
    m_endpoint = endpoint;
    m_password = password;
    const ConnectionSpec spec = m_spec;
    QPointer<DbSession> self(this);
    post([self, endpoint, spec, password](Worker &w) {
        if (!w.driver) {
            const Error e(ErrorCode::InvalidParam, Tr::tr("%1 is not an SQL database.").arg(engineName(spec.engine)),
                          {}, {}, QStringLiteral("engine"));
            QMetaObject::invokeMethod(self, [self, e] { if (self) emit self->openFailed(e); });
            return;
        }
        const Result<void> r = w.driver->open(endpoint, spec, password);
        const QString version = r ? w.driver->serverVersion() : QString();
        QMetaObject::invokeMethod(self, [self, r, version] {
            if (!self)
                return;
            self->m_open = r.ok();
            self->m_version = version;
            if (r)
                emit self->opened(version);
            else
                emit self->openFailed(r.error());
        });
    });
}

DbSession *DbSession::openTwin(QObject *parent) const
{
    auto *twin = new DbSession(m_spec, parent);
    twin->open(m_endpoint, m_password);
    return twin;
}

int DbSession::execute(const QString &sql, bool readOnly, int firstRows)
{
    const int runId = m_nextRun++;
    m_currentRun = runId;
    m_running = true;
    QPointer<DbSession> self(this);
    const Endpoint endpoint = m_endpoint;
    const ConnectionSpec spec = m_spec;
    const QString password = m_password;
    post([self, runId, sql, readOnly, firstRows, endpoint, spec, password](Worker &w) {
        const auto finish = [&](bool ok, const StatementOutcome &o, const Error &e) {
            w.postFinished(self, runId, ok, o, e);
        };
        if (w.run) { // the previous statement's rest: cancelled and discarded
            const int old = w.run;
            w.run = 0;
            const Result<StatementOutcome> r = w.driver->finish();
            const Error e = r ? Error(ErrorCode::Cancelled, Tr::tr("The rest of the rows was not fetched: the next statement ended this one."))
                              : r.error();
            w.postFinished(self, old, false, r ? *r : StatementOutcome {}, e);
        }
        w.clock.start();
        w.fetched = 0;
        if (!w.driver) {
            finish(false, {}, Error(ErrorCode::InvalidParam, Tr::tr("Not an SQL connection.")));
            return;
        }
        QStringList notes;
        if (!w.driver->isOpen()) {
            const Result<void> r = w.driver->open(endpoint, spec, password);
            if (!r) {
                finish(false, {}, r.error());
                return;
            }
            notes.append(Tr::tr("The connection had been lost and was opened again; nothing was re-run."));
        }
        const Result<QList<Column>> cols = w.driver->start(sql, readOnly);
        if (!cols) {
            const Result<StatementOutcome> r = w.driver->finish();
            Q_UNUSED(r)
            finish(false, {}, cols.error());
            return;
        }
        const QList<Column> columns = *cols;
        QMetaObject::invokeMethod(self, [self, runId, columns] {
            if (self)
                emit self->started(runId, columns);
        });
        w.run = runId;
        w.columns = int(columns.size());
        w.more = !columns.isEmpty();
        if (w.more) {
            auto batch = std::make_shared<RowBatch>(int(columns.size()));
            const Result<bool> more = w.driver->fetch(firstRows, *batch);
            batch->squeeze();
            w.fetched += batch->rowCount();
            const bool hasMore = more.ok() && *more;
            QMetaObject::invokeMethod(self, [self, runId, batch, hasMore] {
                if (self)
                    emit self->rowsArrived(runId, batch, hasMore);
            });
            if (!more) {
                w.run = 0;
                (void)w.driver->finish();
                finish(false, {}, more.error());
                return;
            }
            w.more = hasMore;
        }
        if (!w.more) {
            w.run = 0;
            Result<StatementOutcome> r = w.driver->finish();
            if (r) {
                StatementOutcome o = *r;
                o.notices = notes + o.notices;
                finish(true, o, {});
            } else {
                finish(false, {}, r.error());
            }
        }
    });
    return runId;
}

void DbSession::fetchMore(int runId, int rows)
{
    QPointer<DbSession> self(this);
    post([self, runId, rows](Worker &w) {
        if (w.run != runId || !w.more)
            return;
        qint64 left = rows < 0 ? std::numeric_limits<qint64>::max() : rows;
        Result<bool> more = true;
        while (left > 0 && more && *more) {
            const int n = int(qMin<qint64>(left, PostEvery));
            auto batch = std::make_shared<RowBatch>(w.columns);
            more = w.driver->fetch(n, *batch);
            batch->squeeze();
            w.fetched += batch->rowCount();
            left -= batch->rowCount();
            const bool hasMore = more.ok() && *more;
            if (!batch->isEmpty() || !hasMore) {
                QMetaObject::invokeMethod(self, [self, runId, batch, hasMore] {
                    if (self)
                        emit self->rowsArrived(runId, batch, hasMore);
                });
            }
        }
        if (more && *more)
            return;
        w.run = 0;
        w.more = false;
        const Result<StatementOutcome> r = w.driver->finish();
        const Error e = !more.ok() ? more.error() : (r ? Error() : r.error());
        w.postFinished(self, runId, more.ok() && r.ok(), r ? *r : StatementOutcome {}, e);
    });
}

void DbSession::cancel()
{
    if (!m_running)
        return;
    // PQcancel and KILL QUERY open a connection of their own: not on this thread, and not on
    // the worker's, which is the one blocked in the statement.
    std::shared_ptr<SqlDriver> driver = m_worker->driver;
    if (driver)
        std::thread([driver] { driver->cancel(); }).detach();
    // rows left on the server (a paused statement): the worker ends them with this job
    QPointer<DbSession> self(this);
    const int runId = m_currentRun;
    post([self, runId](Worker &w) {
        if (w.run != runId)
            return;
        w.run = 0;
        w.more = false;
        const Result<StatementOutcome> r = w.driver->finish();
        const Error e = r ? Error(ErrorCode::Cancelled, Tr::tr("Cancelled; the rows already shown are kept."))
                          : r.error();
        w.postFinished(self, runId, false, r ? *r : StatementOutcome {}, e);
    });
}

void DbSession::deliverFinished(int runId, bool ok, StatementOutcome outcome, const Error &error, bool tx, bool open)
{
    if (runId == m_currentRun)
        m_running = false;
    m_open = open;
    if (tx != m_inTransaction) {
        m_inTransaction = tx;
        emit transactionChanged(tx);
    }
    emit finished(runId, ok, outcome, error);
}

} // namespace Qwq::Databases
