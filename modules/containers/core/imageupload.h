// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QFile>
#include <QFuture>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

namespace Qwq::Containers {

class ContainersService;

/// Sends a local tar file to `images.load` or `images.import` with `"upload": true`: the
/// bytes go as `$/input` notifications of `chunkSize()` (256 KiB) once the request has gone
/// to the helper (after its confirmation), then eof. The helper acknowledges nothing and
/// queues at most 16 MiB per request, so chunks are paced (one per `intervalMs()`) rather
/// than all sent at once. The result arrives on `finished`; `cancel()` sends $/cancel.
class ImageUpload final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageUpload)
public:
    explicit ImageUpload(ContainersService *service, QObject *parent = nullptr);
    ~ImageUpload() override;

    /// `method` is images.load or images.import (with its `params`). Fails at once when the
    /// file cannot be read.
    Result<void> start(const QString &filePath, const QString &method, const QJsonObject &params = {});
    void cancel();
    bool isRunning() const { return m_running; }
    qint64 sent() const { return m_sent; }
    qint64 total() const { return m_file.size(); }
    static constexpr qint64 chunkSize() { return 256 * 1024; }
    /// Bytes sent beyond what the helper has acknowledged (its input queue holds 16 MiB).
    static constexpr qint64 window() { return 8 * 1024 * 1024; }
    qint64 acknowledged() const { return m_acked; }
    int intervalMs() const { return m_timer.interval(); }
    void setIntervalMs(int ms) { m_timer.setInterval(ms); }

signals:
    void progress(qint64 sent, qint64 total);
    void messages(const QStringList &lines);
    /// The helper's result (`images`/`bytes` for load, `image`/`id` for import) or the error;
    /// Cancelled after cancel().
    void finished(const Qwq::Result<QJsonObject> &result);

private:
    void sendSome();
    void finish(const Result<QJsonObject> &r);

    ContainersService *m_service;
    QFile m_file;
    QTimer m_timer;
    qint64 m_requestId = 0;
    QFuture<Result<QJsonValue>> m_future;
    qint64 m_sent = 0;
    qint64 m_acked = 0;
    bool m_running = false;
    bool m_eofSent = false;
};

} // namespace Qwq::Containers
