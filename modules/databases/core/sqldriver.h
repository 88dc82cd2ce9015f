// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dbtypes.h"

#include <core/core/result.h>

#include <memory>

namespace Qwq::Databases {

/// One connection to an SQL server through its client library. Blocking: a DbSession calls it
/// from its own worker thread only, except cancel(), which any thread may call.
class SqlDriver
{
public:
    virtual ~SqlDriver() = default;

    virtual Result<void> open(const Endpoint &endpoint, const ConnectionSpec &spec,
                              const QString &password) = 0;
    virtual void close() = 0;
    virtual bool isOpen() const = 0;
    virtual QString serverVersion() const = 0;
    /// Whether an explicit transaction is open (BEGIN without COMMIT yet).
    virtual bool inTransaction() const = 0;

    /// Sends one statement (readOnly: inside a read-only transaction that is rolled back
    /// after it). On success the result's columns, empty for a command.
    virtual Result<QList<Column>> start(const QString &sql, bool readOnly) = 0;
    /// Appends at most maxRows rows to `into`; true while more may follow.
    virtual Result<bool> fetch(int maxRows, RowBatch &into) = 0;
    /// Ends the statement: the rest of its rows are cancelled and discarded when it was not
    /// read to the end. The outcome has no elapsed time (the session measures it).
    virtual Result<StatementOutcome> finish() = 0;
    /// Any thread: asks the server to stop the running statement (fetch/start then fail
    /// with the server's "cancelled" error).
    virtual void cancel() = 0;
};

std::unique_ptr<SqlDriver> makePgDriver();
std::unique_ptr<SqlDriver> makeMariaDbDriver();
std::unique_ptr<SqlDriver> makeDriver(Engine engine); // nullptr for Redis

} // namespace Qwq::Databases
