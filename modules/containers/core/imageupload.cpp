// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "imageupload.h"

#include "containersservice.h"
#include "containerstr.h"

#include <QPointer>

#include <algorithm>

namespace Qwq::Containers {

ImageUpload::ImageUpload(ContainersService *service, QObject *parent) : QObject(parent), m_service(service)
{
    // At most window() bytes beyond the helper's last "received" are in flight, so its 16 MiB
    // input queue never overflows however slowly Docker reads; the timer only paces the sends
    // (and retries once an acknowledgement opens the window).
    m_timer.setInterval(4);
    connect(&m_timer, &QTimer::timeout, this, &ImageUpload::sendSome);
}

ImageUpload::~ImageUpload()
{
    if (m_running && !m_future.isFinished())
        m_future.cancel();
}

Result<void> ImageUpload::start(const QString &filePath, const QString &method, const QJsonObject &params)
{
    if (m_running)
        return Error(ErrorCode::InvalidParam, Tr::tr("An upload is already running"));
    m_file.setFileName(filePath);
    if (!m_file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::InvalidParam, Tr::tr("Cannot read %1").arg(filePath), m_file.errorString(), {},
                     QStringLiteral("file"));
    m_sent = 0;
    m_acked = 0;
    m_eofSent = false;
    QPointer<ImageUpload> self(this);
    const auto started = m_service->startUpload(
        method, params,
        [self](const QStringList &lines) {
            if (self)
                emit self->messages(lines);
        },
        [self](qint64 received) {
            if (self)
                self->m_acked = std::max(self->m_acked, received);
        });
    m_requestId = started.id;
    m_future = started.future;
    m_running = true;
    m_future.then(this, [this](const Result<QJsonValue> &r) {
        if (!r)
            return finish(r.error());
        finish(r->toObject());
    });
    if (m_requestId != 0)
        m_timer.start();
    return {};
}

void ImageUpload::sendSome()
{
    // Held back until the request itself has gone (it may wait for the user's confirmation).
    if (!m_running || m_eofSent || !m_service->isRequestSent(m_requestId)
        || m_sent - m_acked + chunkSize() > window())
        return;
    const QByteArray chunk = m_file.read(chunkSize());
    if (!chunk.isEmpty()) {
        if (!m_service->sendInput(m_requestId, chunk))
            return m_timer.stop();
        m_sent += chunk.size();
        emit progress(m_sent, m_file.size());
    }
    if (chunk.size() < chunkSize()) {
        m_eofSent = true;
        m_timer.stop();
        m_service->endInput(m_requestId);
    }
}

void ImageUpload::cancel()
{
    if (!m_running)
        return;
    // A cancelled future runs no continuation: report it here.
    if (!m_future.isFinished())
        m_future.cancel();
    finish(Error(ErrorCode::Cancelled, Tr::tr("Cancelled")));
}

void ImageUpload::finish(const Result<QJsonObject> &r)
{
    if (!m_running)
        return;
    m_running = false;
    m_timer.stop();
    m_file.close();
    emit finished(r);
}

} // namespace Qwq::Containers
