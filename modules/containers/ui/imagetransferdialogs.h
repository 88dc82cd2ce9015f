// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QCryptographicHash>
#include <QDialog>
#include <QFile>
#include <QFuture>
#include <QJsonObject>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace Qwq::Containers {

class ContainersService;
class ImageUpload;

/// "Export…": `images.save` streamed into `<file>.part`, renamed to `file` only when the size
/// and sha256 the helper reports match what was written; otherwise (and on cancel or close)
/// the partial file is deleted. Starts when shown.
class ImageExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageExportDialog)
public:
    ImageExportDialog(ContainersService *service, const QStringList &images, const QString &file,
                      QWidget *parent = nullptr);
    ~ImageExportDialog() override;
    void start();
    bool isRunning() const { return m_running; }
    /// True once the file is complete and verified.
    bool succeeded() const { return m_ok; }
    QString statusText() const;

signals:
    void exported(const QString &file);

private:
    void onChunk(qint64 offset, const QByteArray &bytes);
    void fail(const QString &text);
    void discard();

    ContainersService *m_service;
    QStringList m_images;
    QString m_target;
    QFile m_part;
    QCryptographicHash m_sha{QCryptographicHash::Sha256};
    qint64 m_written = 0;
    QString m_writeError;
    QFuture<Result<QJsonValue>> m_future;
    bool m_running = false;
    bool m_ok = false;
    QLabel *m_status;
    QPushButton *m_cancel;
};

/// "Load…" (`images.load`) or "Import…" (`images.import`, a root filesystem with repository
/// and tag): a local tar sent with ImageUpload; Docker's messages are shown as they come.
class ImageUploadDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageUploadDialog)
public:
    enum class Mode { Load, Import };
    ImageUploadDialog(ContainersService *service, Mode mode, QWidget *parent = nullptr);

    QLineEdit *fileField() const { return m_file; }
    QLineEdit *repositoryField() const { return m_repository; }
    QLineEdit *tagField() const { return m_tag; }
    QPlainTextEdit *messagesView() const { return m_messages; }
    void start();
    void cancel();
    bool isRunning() const;
    /// What the last run made: the loaded names, or the imported reference.
    QStringList images() const { return m_images; }

signals:
    void uploaded(const QStringList &images);

private:
    void browse();
    void onFinished(const Result<QJsonObject> &r);

    ContainersService *m_service;
    Mode m_mode;
    ImageUpload *m_upload;
    QLineEdit *m_file;
    QLineEdit *m_repository = nullptr;
    QLineEdit *m_tag = nullptr;
    QProgressBar *m_progress;
    QPlainTextEdit *m_messages;
    QLabel *m_status;
    QPushButton *m_start;
    QPushButton *m_cancel;
    QStringList m_images;
};

} // namespace Qwq::Containers
