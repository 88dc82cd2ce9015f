// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "helpertoolexecutor.h"

#include "aitr.h"

#include <helper/core/helperclient.h>

#include <QFuture>
#include <QJsonArray>

#include <memory>

namespace Qwq::Ai {

namespace {
constexpr qsizetype kMaxLines = 5000;
}

HelperToolExecutor::HelperToolExecutor(Helper::HelperClient *client) : m_client(client) {}

Helper::MethodTable HelperToolExecutor::methods() const
{
    return m_client ? m_client->methods() : Helper::MethodTable();
}

QFuture<Result<QJsonValue>> HelperToolExecutor::execute(const QString &method,
                                                        const QJsonObject &params)
{
    if (!m_client || !m_client->isOpen())
        return QtFuture::makeReadyFuture(Result<QJsonValue>(
            Error(ErrorCode::ConnectionFailed, Tr::tr("The server is not connected"))));
    // Methods that stream (logs, command output) answer with counts only: the lines come as
    // $/stream notifications. Collect them (the last kMaxLines) into the result as "output".
    auto lines = std::make_shared<QStringList>();
    auto dropped = std::make_shared<qsizetype>(0);
    const auto collect = [lines, dropped](const QJsonObject &p) {
        const auto add = [&](const QString &line) {
            lines->append(line);
            if (lines->size() > kMaxLines) {
                lines->removeFirst();
                ++*dropped;
            }
        };
        const QJsonArray runs = p.value(QStringLiteral("data")).toObject()
                                    .value(QStringLiteral("runs")).toArray();
        for (const QJsonValue &run : runs) {
            const QJsonObject o = run.toObject();
            const bool err = o.value(QStringLiteral("stream")).toString() == QLatin1String("stderr");
            for (const QJsonValue &l : o.value(QStringLiteral("lines")).toArray())
                add(err ? QStringLiteral("[stderr] ") + l.toString() : l.toString());
        }
        if (p.contains(QStringLiteral("text"))) {
            const bool err = p.value(QStringLiteral("stream")).toString() == QLatin1String("stderr");
            QString text = p.value(QStringLiteral("text")).toString();
            if (text.endsWith(QLatin1Char('\n')))
                text.chop(1);
            for (const QString &l : text.split(QLatin1Char('\n')))
                add(err ? QStringLiteral("[stderr] ") + l : l);
        }
    };
    // AgentTurn has shown the literal call, had it approved (typed word for destructive ones)
    // and writes the audit entry with who approved it: no second dialog, no second entry.
    QFuture<Result<QJsonValue>> call =
        m_client->call(method, params, collect, {.confirmed = true, .audited = true});
    return call.then([lines, dropped](const Result<QJsonValue> &r) -> Result<QJsonValue> {
        if (!r || lines->isEmpty())
            return r;
        QJsonObject o = r->isObject() ? r->toObject()
                                      : QJsonObject{{QStringLiteral("result"), *r}};
        if (*dropped > 0)
            o.insert(QStringLiteral("outputLinesLeftOut"), double(*dropped));
        o.insert(QStringLiteral("output"), QJsonArray::fromStringList(*lines));
        return Result<QJsonValue>(QJsonValue(o));
    });
}

} // namespace Qwq::Ai
