// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "containerexecsession.h"

#include "containerstr.h"
#include "containertypes.h"

#include <core/core/errormessages.h>

#include <QJsonArray>
#include <QJsonObject>

namespace Qwq::Containers {

namespace {
// What one $/input carries at most: the helper takes up to 1 MiB decoded per notification.
constexpr qsizetype kMaxInputChunk = 256 * 1024;
} // namespace

ContainerExecSession::ContainerExecSession(Helper::HelperClient *helper, QString container,
                                           QString displayName, QStringList command, QObject *parent)
    : ITerminalSession(parent), m_helper(helper), m_container(std::move(container)),
      m_name(std::move(displayName)), m_command(std::move(command))
{
    if (m_command.isEmpty())
        m_command = {QStringLiteral("/bin/sh")};
}

ContainerExecSession::~ContainerExecSession()
{
    if (m_running && !m_future.isFinished())
        m_future.cancel();
}

Result<void> ContainerExecSession::start(int rows, int cols)
{
    if (m_running || m_ended)
        return Error(ErrorCode::InvalidParam, Tr::tr("This shell has already been started"));
    if (!m_helper || !m_helper->isOpen())
        return Error(ErrorCode::ConnectionFailed, Tr::tr("Not connected"));
    if (!isValidContainerRef(m_container))
        return Error(ErrorCode::InvalidParam,
                     Tr::tr("“%1” is not a container name or id").arg(m_container), {}, {},
                     QStringLiteral("id"));
    const QJsonObject params{{QStringLiteral("id"), m_container},
                             {QStringLiteral("cmd"), QJsonArray::fromStringList(m_command)},
                             {QStringLiteral("tty"), true},
                             {QStringLiteral("rows"), qBound(1, rows, 1000)},
                             {QStringLiteral("cols"), qBound(1, cols, 1000)}};
    QPointer<ContainerExecSession> self(this);
    const auto started = m_helper->start(QStringLiteral("containers.exec"), params,
                                         [self](const QJsonObject &p) {
                                             if (self)
                                                 self->onStream(p);
                                         });
    m_requestId = started.id;
    m_future = started.future;
    m_running = true;
    m_future.then(this, [this](const Result<QJsonValue> &r) {
        if (!r) {
            const Error &e = r.error();
            if (e.code == ErrorCode::Cancelled)
                return end(-1, Tr::tr("The shell was closed"));
            return end(-1, e.detail.isEmpty() ? e.message : Tr::tr("%1: %2").arg(e.message, e.detail));
        }
        const QJsonValue code = r->toObject().value(QLatin1String("exitCode"));
        if (code.isDouble())
            return end(code.toInt(), Tr::tr("The shell exited with status %1").arg(code.toInt()));
        end(-1, Tr::tr("The shell ended"));
    });
    return {};
}

void ContainerExecSession::onStream(const QJsonObject &params)
{
    const QJsonObject data = params.value(QLatin1String("data")).toObject();
    const QString b64 = data.value(QLatin1String("b64")).toString();
    if (!b64.isEmpty())
        emit dataReceived(QByteArray::fromBase64(b64.toLatin1()));
}

void ContainerExecSession::write(QByteArrayView bytes)
{
    if (!m_running || !m_helper || bytes.isEmpty())
        return;
    for (qsizetype at = 0; at < bytes.size(); at += kMaxInputChunk) {
        const QByteArrayView chunk = bytes.sliced(at, qMin(kMaxInputChunk, bytes.size() - at));
        m_helper->notifyRequest(m_requestId, QStringLiteral("$/input"),
                                {{QStringLiteral("b64"), QString::fromLatin1(chunk.toByteArray().toBase64())}});
    }
}

void ContainerExecSession::resize(int rows, int cols)
{
    if (!m_running || !m_helper)
        return;
    m_helper->notifyRequest(m_requestId, QStringLiteral("$/resize"),
                            {{QStringLiteral("rows"), qBound(1, rows, 1000)},
                             {QStringLiteral("cols"), qBound(1, cols, 1000)}});
}

void ContainerExecSession::terminate()
{
    if (!m_running)
        return;
    // A cancelled future runs no continuation: say it ended here. The helper hangs up the
    // process when $/cancel arrives.
    if (!m_future.isFinished())
        m_future.cancel();
    end(-1, Tr::tr("The shell was closed"));
}

void ContainerExecSession::end(int exitCode, const QString &description)
{
    if (m_ended)
        return;
    m_ended = true;
    m_running = false;
    emit finished(exitCode, description);
}

} // namespace Qwq::Containers
