// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "imagetransferdialogs.h"

#include "objectdialogs.h"

#include <containers/core/containersservice.h>
#include <containers/core/containerstr.h>
#include <containers/core/containertypes.h>
#include <containers/core/imageupload.h>

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace Qwq::Containers {

// --- ImageExportDialog ----------------------------------------------------------------------

ImageExportDialog::ImageExportDialog(ContainersService *service, const QStringList &images, const QString &file,
                                     QWidget *parent)
    : QDialog(parent), m_service(service), m_images(images), m_target(file)
{
    setObjectName(QStringLiteral("imageExportDialog"));
    setWindowTitle(Tr::tr("Export Images"));
    auto *what = new QLabel(Tr::tr("Exporting %1 to %2").arg(images.join(QStringLiteral(", ")), file), this);
    what->setTextFormat(Qt::PlainText);
    what->setWordWrap(true);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("exportStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(this);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("exportCancel"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(this, &QDialog::finished, this, [this] {
        if (m_running)
            discard();
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(480, 160);
}

ImageExportDialog::~ImageExportDialog()
{
    if (m_running)
        discard();
}

QString ImageExportDialog::statusText() const
{
    return m_status->text();
}

void ImageExportDialog::start()
{
    m_part.setFileName(m_target + QStringLiteral(".part"));
    if (!m_part.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return m_status->setText(Tr::tr("Cannot write %1: %2").arg(m_part.fileName(), m_part.errorString()));
    m_running = true;
    m_written = 0;
    m_status->setText(Tr::tr("Waiting for the server…"));
    QPointer<ImageExportDialog> self(this);
    m_future = m_service->saveImages(m_images, [self](qint64 offset, const QByteArray &bytes) {
        if (self && self->m_running)
            self->onChunk(offset, bytes);
    });
    m_future.then(this, [this](const Result<QJsonValue> &answer) {
        if (!m_running)
            return;
        if (!answer)
            return fail(fieldErrorText(answer.error(), {}));
        const QJsonObject r = answer->toObject();
        if (!m_writeError.isEmpty())
            return fail(m_writeError);
        m_part.close();
        const qint64 bytes = r.value(QLatin1String("bytes")).toInteger();
        const QString sha = r.value(QLatin1String("sha256")).toString();
        const QString mine = QString::fromLatin1(m_sha.result().toHex());
        if (bytes != m_written || sha != mine)
            return fail(Tr::tr("The file does not match what the server sent (%1 bytes, sha256 %2; "
                               "received %3 bytes, sha256 %4); it was deleted.")
                            .arg(bytes).arg(sha).arg(m_written).arg(mine));
        QFile::remove(m_target);   // the file dialog asked before replacing it
        if (!m_part.rename(m_target))
            return fail(Tr::tr("Cannot rename %1 to %2: %3").arg(m_part.fileName(), m_target, m_part.errorString()));
        m_running = false;
        m_ok = true;
        m_status->setText(Tr::tr("Exported %1 (sha256 %2)").arg(formatBytes(m_written), sha));
        m_cancel->setText(Tr::tr("Close"));
        emit exported(m_target);
    });
}

void ImageExportDialog::onChunk(qint64 offset, const QByteArray &bytes)
{
    if (!m_writeError.isEmpty())
        return;
    if (offset != m_written) {
        m_writeError = Tr::tr("A part of the tar is missing (expected offset %1, got %2)").arg(m_written).arg(offset);
        return;
    }
    if (m_part.write(bytes) != bytes.size()) {
        m_writeError = Tr::tr("Cannot write %1: %2").arg(m_part.fileName(), m_part.errorString());
        m_future.cancel();   // no point in receiving the rest
        return fail(m_writeError);
    }
    m_sha.addData(bytes);
    m_written += bytes.size();
    m_status->setText(Tr::tr("Received %1").arg(formatBytes(m_written)));
}

void ImageExportDialog::fail(const QString &text)
{
    discard();
    m_status->setText(text);
    m_cancel->setText(Tr::tr("Close"));
}

void ImageExportDialog::discard()
{
    m_running = false;
    if (!m_future.isFinished())
        m_future.cancel();
    m_part.close();
    m_part.remove();
}

// --- ImageUploadDialog ----------------------------------------------------------------------

ImageUploadDialog::ImageUploadDialog(ContainersService *service, Mode mode, QWidget *parent)
    : QDialog(parent), m_service(service), m_mode(mode), m_upload(new ImageUpload(service, this))
{
    const bool import = mode == Mode::Import;
    setObjectName(import ? QStringLiteral("imageImportDialog") : QStringLiteral("imageLoadDialog"));
    setWindowTitle(import ? Tr::tr("Import Image from a Root Filesystem") : Tr::tr("Load Images"));
    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("uploadFile"));
    m_file->setPlaceholderText(import ? Tr::tr("A tar of a root filesystem on this computer")
                                      : Tr::tr("A tar made by “docker save” or Export… on this computer"));
    auto *browse = new QPushButton(Tr::tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &ImageUploadDialog::browse);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(Tr::tr("File:"), fileRow);
    if (import) {
        m_repository = new QLineEdit(this);
        m_repository->setObjectName(QStringLiteral("importRepository"));
        m_repository->setPlaceholderText(Tr::tr("e.g. team/app (without a tag)"));
        m_tag = new QLineEdit(QStringLiteral("latest"), this);
        m_tag->setObjectName(QStringLiteral("importTag"));
        form->addRow(Tr::tr("Repository:"), m_repository);
        form->addRow(Tr::tr("Tag:"), m_tag);
    }
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("uploadProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_messages = new QPlainTextEdit(this);
    m_messages->setObjectName(QStringLiteral("uploadMessages"));
    m_messages->setReadOnly(true);
    m_messages->setPlaceholderText(Tr::tr("Docker's messages appear here."));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("uploadStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(this);
    m_start = buttons->addButton(import ? Tr::tr("Import") : Tr::tr("Load"), QDialogButtonBox::AcceptRole);
    m_start->setObjectName(QStringLiteral("uploadStart"));
    m_cancel = buttons->addButton(QDialogButtonBox::Close);
    m_cancel->setObjectName(QStringLiteral("uploadCancel"));
    connect(m_start, &QPushButton::clicked, this, &ImageUploadDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (isRunning())
            cancel();
        else
            reject();
    });
    connect(this, &QDialog::finished, this, [this] { cancel(); });
    connect(m_upload, &ImageUpload::progress, this, [this](qint64 sent, qint64 total) {
        m_progress->setValue(total > 0 ? int(1000.0 * double(sent) / double(total)) : 0);
        m_progress->setFormat(Tr::tr("%1 of %2").arg(formatBytes(sent), formatBytes(total)));
    });
    connect(m_upload, &ImageUpload::messages, this, [this](const QStringList &lines) {
        for (const QString &l : lines)
            m_messages->appendPlainText(l);
    });
    connect(m_upload, &ImageUpload::finished, this, &ImageUploadDialog::onFinished);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_messages, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(560, 380);
}

bool ImageUploadDialog::isRunning() const
{
    return m_upload->isRunning();
}

void ImageUploadDialog::browse()
{
    const QString file = QFileDialog::getOpenFileName(this, windowTitle(), m_file->text(),
                                                      Tr::tr("Tar files (*.tar *.tar.gz *.tgz *.tar.xz *.tar.bz2);;"
                                                             "All files (*)"));
    if (!file.isEmpty())
        m_file->setText(file);
}

void ImageUploadDialog::start()
{
    if (isRunning())
        return;
    const QString file = m_file->text().trimmed();
    QJsonObject params;
    QString method = QStringLiteral("images.load");
    if (m_mode == Mode::Import) {
        method = QStringLiteral("images.import");
        const QString repo = m_repository->text().trimmed();
        const QString tag = m_tag->text().trimmed().isEmpty() ? QStringLiteral("latest") : m_tag->text().trimmed();
        if (!isValidImageRef(repo) || repo.contains(QLatin1Char('@'))
            || repo.section(QLatin1Char('/'), -1).contains(QLatin1Char(':')))
            return m_status->setText(Tr::tr("Repository: “%1” is not an image name without a tag").arg(repo));
        if (!isValidImageRef(QStringLiteral("x:") + tag))
            return m_status->setText(Tr::tr("Tag: “%1” is not a valid tag").arg(tag));
        params = {{QStringLiteral("repository"), repo}, {QStringLiteral("tag"), tag}};
    }
    if (file.isEmpty())
        return m_status->setText(Tr::tr("Choose a tar file first"));
    m_messages->clear();
    m_images.clear();
    m_progress->setValue(0);
    m_progress->resetFormat();
    const Result<void> started = m_upload->start(file, method, params);
    if (!started)
        return m_status->setText(fieldErrorText(started.error(), {}));
    m_start->setEnabled(false);
    m_cancel->setText(Tr::tr("Cancel"));
    m_status->setText(Tr::tr("Sending %1…").arg(file));
}

void ImageUploadDialog::cancel()
{
    if (isRunning())
        m_upload->cancel();
}

void ImageUploadDialog::onFinished(const Result<QJsonObject> &r)
{
    m_start->setEnabled(true);
    m_cancel->setText(Tr::tr("Close"));
    if (!r) {
        const QHash<QString, QString> labels{{QStringLiteral("repository"), Tr::tr("Repository")},
                                             {QStringLiteral("tag"), Tr::tr("Tag")},
                                             {QStringLiteral("upload"), Tr::tr("File")}};
        return m_status->setText(fieldErrorText(r.error(), labels));
    }
    if (m_mode == Mode::Import) {
        m_images = {r->value(QLatin1String("image")).toString()};
        m_status->setText(Tr::tr("Imported %1").arg(m_images.constFirst()));
    } else {
        for (const QJsonValue &v : r->value(QLatin1String("images")).toArray())
            m_images << v.toString();
        m_status->setText(m_images.isEmpty() ? Tr::tr("Docker loaded no image from this file")
                                             : Tr::tr("Loaded %1").arg(m_images.join(QStringLiteral(", "))));
    }
    m_progress->setValue(1000);
    emit uploaded(m_images);
}

} // namespace Qwq::Containers
