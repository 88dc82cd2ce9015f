// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace ProtocolTest {

// One helper process and the lines it writes. Notifications that arrive while waiting for a
// response are kept in `notifications`.
class Helper
{
public:
    explicit Helper(const QStringList &args = {QStringLiteral("serve")})
    {
        m_process.setProgram(QStringLiteral(QWQ_HELPER_PATH));
        m_process.setArguments(args);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start();
        m_process.waitForStarted(5000);
    }
    ~Helper()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }

    QProcess &process() { return m_process; }

    void send(const QByteArray &line)
    {
        m_process.write(line + '\n');
        while (m_process.bytesToWrite() > 0 && m_process.state() == QProcess::Running)
            m_process.waitForBytesWritten(5000);
    }

    // The next line as a JSON object; an empty object on timeout or a non-object line.
    QJsonObject next(int timeoutMs = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        while (!m_process.canReadLine()) {
            const int left = timeoutMs - int(timer.elapsed());
            if (left <= 0 || !m_process.waitForReadyRead(left))
                return {};
        }
        const QByteArray line = m_process.readLine().trimmed();
        return QJsonDocument::fromJson(line).object();
    }

    QJsonObject response(const QJsonValue &id, int timeoutMs = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            const QJsonObject message = next(timeoutMs - int(timer.elapsed()));
            if (message.isEmpty())
                return {};
            if (!message.contains(QLatin1String("id"))) {
                notifications.append(message);
                continue;
            }
            if (message.value(QLatin1String("id")) == id)
                return message;
            others.append(message);
        }
        return {};
    }

    QJsonObject call(const QJsonValue &id, const QString &method,
                     const QJsonObject &params = {})
    {
        QJsonObject request{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                            {QStringLiteral("id"), id},
                            {QStringLiteral("method"), method}};
        if (!params.isEmpty())
            request.insert(QStringLiteral("params"), params);
        send(QJsonDocument(request).toJson(QJsonDocument::Compact));
        return response(id);
    }

    QJsonObject initialize()
    {
        return call(0, QStringLiteral("initialize"),
                    {{QStringLiteral("client"), QStringLiteral("tst_protocol")},
                     {QStringLiteral("protocol"), 1}});
    }

    QList<QJsonObject> notifications;
    QList<QJsonObject> others;

private:
    QProcess m_process;
};

inline int errorCode(const QJsonObject &response)
{
    return response.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toInt();
}

inline QString errorMessage(const QJsonObject &response)
{
    return response.value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString();
}

inline QString errorField(const QJsonObject &response)
{
    return response.value(QLatin1String("error"))
        .toObject()
        .value(QLatin1String("data"))
        .toObject()
        .value(QLatin1String("field"))
        .toString();
}

// Evaluates `response` once: it is often a call that consumes a line.
#define QWQ_VERIFY_ERROR(response, code)                                    \
    do {                                                                    \
        const QJsonObject qwqResponse_ = (response);                         \
        QCOMPARE(errorCode(qwqResponse_), code);                            \
        QVERIFY2(!errorMessage(qwqResponse_).isEmpty(), "empty error message"); \
    } while (false)

inline QJsonObject result(const QJsonObject &response)
{
    return response.value(QLatin1String("result")).toObject();
}

} // namespace ProtocolTest
