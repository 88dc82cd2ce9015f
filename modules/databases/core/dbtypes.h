// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>
#include <vector>

namespace Qwq::Databases {

enum class Engine { PostgreSql, MariaDb, Redis };

QString engineId(Engine e);                     // "postgresql", "mariadb", "redis"
std::optional<Engine> engineFromId(const QString &id); // "mysql" reads as MariaDb
QString engineName(Engine e);                   // "PostgreSQL", "MariaDB / MySQL", "Redis"
quint16 defaultPort(Engine e);

/// How carefully a connection treats writes (issue 7's safe mode).
enum class SafeMode {
    Off,          ///< statements run as written (UPDATE/DELETE without WHERE still warn)
    ConfirmWrites, ///< every statement that may write is shown and confirmed first
    ReadOnly,     ///< every statement runs in a read-only transaction: the server refuses writes
};
QString safeModeId(SafeMode m);
SafeMode safeModeFromId(const QString &id);

/// A saved connection of one server profile. host/port are as seen from the server (the
/// helper's discover reports them so); the password lives in the keychain under
/// passwordKey(), never here.
struct ConnectionSpec
{
    QString id;        // stable UUID
    QString name;      // shown in the list
    Engine engine = Engine::PostgreSql;
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 5432;
    QString user;
    QString database;  // PostgreSQL/MariaDB: the database; Redis: the db number ("0")
    bool viaSsh = true; // through the server's SSH session (direct-tcpip); false: straight from here
    SafeMode safeMode = SafeMode::ConfirmWrites;

    QJsonObject toJson() const;
    static ConnectionSpec fromJson(const QJsonObject &o);
    /// The keychain key of the password: "<profileId>/db/<id>".
    static QString passwordKey(const QString &profileId, const QString &connectionId);
};

/// Where a driver connects: a TCP host:port, or a unix socket (the bridge into the SSH session).
struct Endpoint
{
    QString host;
    quint16 port = 0;
    QString socketPath; // when set, host/port are ignored (PostgreSQL: its directory + port)
};

struct Column
{
    QString name;
    QString type;     // the server's type name (int4, varchar, …)
    bool numeric = false;
};

/// Rows as the server sent them, as text, packed: every cell is a slice of one byte array.
/// A million rows of one integer column take ~11 MB instead of a QVariant per cell.
class RowBatch
{
public:
    explicit RowBatch(int columns = 0) : m_columns(columns) { m_ends.reserve(1024); }
    int columnCount() const { return m_columns; }
    int rowCount() const { return m_columns ? int(m_ends.size() / size_t(m_columns)) : 0; }
    bool isEmpty() const { return m_ends.empty(); }

    void appendCell(const char *data, int size, bool isNull)
    {
        if (!isNull)
            m_data.append(data, size);
        m_ends.push_back(quint32(m_data.size()));
        m_nulls.push_back(isNull);
    }
    bool isNull(int row, int column) const { return m_nulls[index(row, column)]; }
    QByteArrayView cell(int row, int column) const
    {
        const size_t i = index(row, column);
        const quint32 begin = i ? m_ends[i - 1] : 0;
        return QByteArrayView(m_data.constData() + begin, qsizetype(m_ends[i] - begin));
    }
    QString text(int row, int column) const { return QString::fromUtf8(cell(row, column)); }
    qsizetype byteSize() const
    {
        return m_data.capacity() + qsizetype(m_ends.capacity() * sizeof(quint32) + m_nulls.capacity() / 8);
    }
    void squeeze()
    {
        m_data.squeeze();
        m_ends.shrink_to_fit();
        m_nulls.shrink_to_fit();
    }

private:
    size_t index(int row, int column) const { return size_t(row) * size_t(m_columns) + size_t(column); }
    int m_columns = 0;
    QByteArray m_data;
    std::vector<quint32> m_ends;
    std::vector<bool> m_nulls;
};

/// How a statement ended.
struct StatementOutcome
{
    QString commandTag;   // "SELECT 1000", "UPDATE 3", …
    qint64 rowsAffected = -1;
    qint64 rowsFetched = 0;
    qint64 elapsedMs = 0;
    QStringList notices;  // server notices and warnings, as plain text
};

} // namespace Qwq::Databases

Q_DECLARE_METATYPE(Qwq::Databases::Endpoint)
