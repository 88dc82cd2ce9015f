// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dbtransfer.h"

#include "databasestr.h"

#include <helper/core/helperclient.h>

#include <QPointer>

namespace Qwq::Databases {

namespace {
constexpr qint64 Chunk = 256 * 1024;
}

DbTransfer::DbTransfer(Helper::HelperClient *helper, QObject *parent) : QObject(parent), m_helper(helper)
{
    m_timer.setInterval(4);
    connect(&m_timer, &QTimer::timeout, this, &DbTransfer::sendSome);
}

DbTransfer::~DbTransfer()
{
    if (m_running)
        m_future.cancel();
}

QJsonObject DbTransfer::params(const ConnectionSpec &spec, const QString &password, const QString &format)
{
    QJsonObject p {
        {QStringLiteral("engine"), spec.engine == Engine::PostgreSql ? QStringLiteral("postgresql") : QStringLiteral("mariadb")},
        {QStringLiteral("host"), spec.host},
        {QStringLiteral("port"), int(spec.port)},
        {QStringLiteral("user"), spec.user},
        {QStringLiteral("database"), spec.database},
        {QStringLiteral("format"), format.isEmpty() ? QStringLiteral("plain") : format},
    };
    if (!password.isEmpty())
        p.insert(QStringLiteral("password"), password);
    return p;
}

Result<void> DbTransfer::dump(const QJsonObject &params, const QString &filePath)
{
    if (m_running)
        return Error(ErrorCode::Internal, Tr::tr("A transfer is already running."));
    m_out = std::make_unique<QSaveFile>(filePath);
    if (!m_out->open(QIODevice::WriteOnly))
        return Error(ErrorCode::InvalidParam, Tr::tr("Could not write %1: %2").arg(filePath, m_out->errorString()), {}, {},
                     QStringLiteral("file"));
    m_hash.reset();
    m_bytes = 0;
    m_writeFailed = false;
    m_running = true;
    QPointer<DbTransfer> self(this);
    auto started = m_helper->start(QStringLiteral("databases.dump"), params, [self](const QJsonObject &stream) {
        if (!self || !self->m_out)
            return;
        const QJsonObject data = stream.value(QLatin1String("data")).toObject();
        const QString b64 = data.value(QLatin1String("b64")).toString(stream.value(QLatin1String("b64")).toString());
        if (b64.isEmpty())
            return;
        const QByteArray bytes = QByteArray::fromBase64(b64.toLatin1());
        self->m_hash.addData(bytes);
        if (self->m_out->write(bytes) != bytes.size() && !self->m_writeFailed) {
            self->m_writeFailed = true;
            self->cancel(); // the disk is full or gone: no half dump
        }
        self->m_bytes += bytes.size();
        emit self->progress(self->m_bytes, -1);
    });
    m_requestId = started.id;
    m_future = started.future;
    m_future.then(this, [self](const Result<QJsonValue> &r) {
        if (!self)
            return;
        if (!r) {
            self->finish(r.error());
            return;
        }
        const QJsonObject o = r->toObject();
        const qint64 size = qint64(o.value(QLatin1String("bytes")).toDouble(-1));
        const QString sha = o.value(QLatin1String("sha256")).toString();
        if (size != self->m_bytes || sha != QString::fromLatin1(self->m_hash.result().toHex())) {
            self->finish(Error(ErrorCode::DatabaseError,
                               Tr::tr("The dump arrived incomplete or damaged (%1 of %2 bytes); nothing was kept.")
                                   .arg(self->m_bytes).arg(size)));
            return;
        }
        self->finish(o);
    });
    return {};
}

Result<void> DbTransfer::restore(const QJsonObject &params, const QString &filePath)
{
    if (m_running)
        return Error(ErrorCode::Internal, Tr::tr("A transfer is already running."));
    m_in.setFileName(filePath);
    if (!m_in.open(QIODevice::ReadOnly))
        return Error(ErrorCode::InvalidParam, Tr::tr("Could not read %1: %2").arg(filePath, m_in.errorString()), {}, {},
                     QStringLiteral("file"));
    m_bytes = 0;
    m_acked = 0;
    m_ready = false;
    m_eofSent = false;
    m_running = true;
    QPointer<DbTransfer> self(this);
    auto started = m_helper->start(QStringLiteral("databases.restore"), params, [self](const QJsonObject &stream) {
        if (!self)
            return;
        const QJsonObject data = stream.value(QLatin1String("data")).toObject();
        if (data.value(QLatin1String("ready")).toBool())
            self->m_ready = true; // the helper reads its input from now on
        if (data.contains(QLatin1String("received")))
            self->m_acked = qint64(data.value(QLatin1String("received")).toDouble());
    });
    m_requestId = started.id;
    m_future = started.future;
    m_future.then(this, [self](const Result<QJsonValue> &r) {
        if (!self)
            return;
        if (!r)
            self->finish(r.error());
        else
            self->finish(r->toObject());
    });
    if (m_requestId)
        m_timer.start();
    return {};
}

void DbTransfer::sendSome()
{
    if (!m_running || m_eofSent || !m_ready || !m_helper->isRequestSent(m_requestId))
        return;
    while (m_bytes - m_acked < window()) {
        const QByteArray chunk = m_in.read(Chunk);
        if (chunk.isEmpty()) {
            m_helper->notifyRequest(m_requestId, QStringLiteral("$/input"), QJsonObject {{QStringLiteral("eof"), true}});
            m_eofSent = true;
            m_timer.stop();
            return;
        }
        m_helper->notifyRequest(m_requestId, QStringLiteral("$/input"),
                                QJsonObject {{QStringLiteral("b64"), QString::fromLatin1(chunk.toBase64())}});
        m_bytes += chunk.size();
        emit progress(m_bytes, m_in.size());
    }
}

void DbTransfer::cancel()
{
    if (m_running)
        m_future.cancel();
}

void DbTransfer::finish(const Result<QJsonObject> &r)
{
    if (!m_running)
        return;
    m_running = false;
    m_timer.stop();
    if (m_out) {
        if (r.ok() && !m_writeFailed) {
            if (!m_out->commit()) {
                const QString e = m_out->errorString();
                m_out.reset();
                emit finished(Result<QJsonObject>(Error(ErrorCode::Internal, Tr::tr("Could not keep the dump: %1").arg(e),
                                                        {}, {}, QStringLiteral("file"))));
                return;
            }
        } else {
            m_out->cancelWriting();
        }
        m_out.reset();
    }
    if (m_in.isOpen())
        m_in.close();
    if (m_writeFailed && r.ok())
        emit finished(Result<QJsonObject>(Error(ErrorCode::Internal, Tr::tr("Could not write the dump to this computer."),
                                                {}, {}, QStringLiteral("file"))));
    else
        emit finished(r);
}

} // namespace Qwq::Databases
