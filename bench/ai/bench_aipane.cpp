// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The AI pane's speed targets (issue 9), both in one process:
//   1. tokens appear in the pane within 30 ms of their bytes arriving: an in-process SSE server
//      writes one token every --interval-ms to the real AiPanel (real LlmClient, AgentTurn and
//      ChatView); an event filter sees each paint of the streaming message and, for every token
//      that became visible, takes paint time minus the time the server wrote its bytes (so the
//      loopback hop is counted too). p50/p99/max over all tokens.
//   2. the SSE parser handles >= 50 MB/s: a recorded-shape stream of --sse-mb MB fed in 16 KiB
//      pieces, best of 3.
// Prints one JSON object: {"rows": [[name, peer, peer value, qwq value, unit, ratio, target,
// pass], …], "latency": {…}, "sse": {…}}.
#include <ai/core/sseparser.h>
#include <ai/ui/aimodule.h>
#include <ai/ui/aipanel.h>
#include <ai/ui/aiservices.h>
#include <ai/ui/chatview.h>
#include <ai/ui/markdownview.h>
#include <core/core/auditlog.h>
#include <core/core/settings.h>
#include <helper/core/serverconnection.h>
#include <profiles/core/profile.h>
#include <profiles/core/secretstore.h>
#include <workbench/core/servercontext.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cstdio>

using namespace Qwq;

namespace {

QElapsedTimer g_clock;
double nowMs() { return double(g_clock.nsecsElapsed()) / 1e6; }

QByteArray tokenEvent(const QString &text)
{
    const QJsonObject chunk{{"id", "b"}, {"object", "chat.completion.chunk"}, {"model", "bench"},
                            {"choices", QJsonArray{QJsonObject{{"index", 0},
                                                               {"delta", QJsonObject{{"content", text}}},
                                                               {"finish_reason", QJsonValue()}}}}};
    return "data: " + QJsonDocument(chunk).toJson(QJsonDocument::Compact) + "\n\n";
}

/// Answers one chat request with `tokens` tokens, one every `intervalMs`, and records when
/// each token's bytes were written.
class TokenServer final : public QObject
{
public:
    TokenServer(int tokens, int intervalMs) : m_tokens(tokens), m_interval(intervalMs)
    {
        m_written.resize(tokens, -1);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *s = m_server.nextPendingConnection();
            auto *buffer = new QByteArray;
            QObject::connect(s, &QTcpSocket::readyRead, this, [this, s, buffer] {
                buffer->append(s->readAll());
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                static const QRegularExpression cl(QStringLiteral("(?i)content-length:\\s*(\\d+)"));
                const auto m = cl.match(QString::fromLatin1(buffer->left(end)));
                if (m.hasMatch() && buffer->size() - end - 4 < m.captured(1).toLongLong())
                    return;
                delete buffer;
                QObject::disconnect(s, &QTcpSocket::readyRead, this, nullptr);
                stream(s);
            });
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }
    const QList<double> &written() const { return m_written; }

private:
    void stream(QTcpSocket *s)
    {
        s->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                 "Connection: close\r\n\r\n");
        s->write(tokenEvent(QString()));
        auto *timer = new QTimer(s);
        timer->setTimerType(Qt::PreciseTimer);
        timer->setInterval(m_interval);
        auto next = std::make_shared<int>(0);
        QObject::connect(timer, &QTimer::timeout, s, [this, s, timer, next] {
            if (*next >= m_tokens) {
                timer->stop();
                const QJsonObject fin{{"id", "b"}, {"object", "chat.completion.chunk"},
                                      {"choices", QJsonArray{QJsonObject{{"index", 0}, {"delta", QJsonObject()},
                                                                         {"finish_reason", "stop"}}}}};
                s->write("data: " + QJsonDocument(fin).toJson(QJsonDocument::Compact) + "\n\ndata: [DONE]\n\n");
                s->disconnectFromHost();
                return;
            }
            const int i = (*next)++;
            // A few words per token, like a real stream; a paragraph now and then.
            QString text = QStringLiteral(" t%1 word").arg(i, 5, 10, QLatin1Char('0'));
            if (i % 40 == 39)
                text += QStringLiteral("\n\n");
            s->write(tokenEvent(text));
            s->flush();
            m_written[i] = nowMs();
        });
        timer->start();
    }

    QTcpServer m_server;
    int m_tokens;
    int m_interval;
    QList<double> m_written;
};

/// Sees each paint of the streaming message and records, per token, when it first showed.
class PaintProbe final : public QObject
{
public:
    explicit PaintProbe(int tokens) { m_shown.resize(tokens, -1); }
    const QList<double> &shown() const { return m_shown; }
    int paints() const { return m_paints; }

protected:
    bool eventFilter(QObject *watched, QEvent *e) override
    {
        if (e->type() != QEvent::Paint)
            return false;
        auto *view = qobject_cast<Ai::MarkdownView *>(watched->parent());
        if (!view || view->objectName() != QLatin1String("assistantText"))
            return false;
        const double t = nowMs();
        ++m_paints;
        // Tokens only ever append: the newest is in the last non-empty block.
        QTextBlock b = view->document()->lastBlock();
        while (b.isValid() && b.text().trimmed().isEmpty())
            b = b.previous();
        static const QRegularExpression tok(QStringLiteral("t(\\d{5})"));
        int last = -1;
        for (auto it = tok.globalMatch(b.text()); it.hasNext();)
            last = it.next().captured(1).toInt();
        for (int i = m_upTo + 1; i <= last && i < m_shown.size(); ++i)
            m_shown[i] = t;
        m_upTo = qMax(m_upTo, last);
        return false;
    }

private:
    QList<double> m_shown;
    int m_upTo = -1;
    int m_paints = 0;
};

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return -1;
    std::sort(v.begin(), v.end());
    const qsizetype i = qMin(v.size() - 1, qsizetype(p / 100.0 * double(v.size() - 1) + 0.5));
    return v.at(i);
}

QJsonObject sseThroughput(int megabytes)
{
    // The shape providers send: one JSON chunk per small delta, LF line ends, keep-alives.
    QByteArray one;
    for (int i = 0; i < 64; ++i)
        one += tokenEvent(QStringLiteral(" token%1 ünïcödé").arg(i));
    one += ": keep-alive\n\n";
    QByteArray data;
    data.reserve(qsizetype(megabytes) * 1048576 + one.size());
    while (data.size() < qsizetype(megabytes) * 1048576)
        data += one;
    double best = 0;
    qint64 events = 0;
    for (int run = 0; run < 3; ++run) {
        Ai::SseParser parser;
        qint64 n = 0;
        QElapsedTimer t;
        t.start();
        for (qsizetype off = 0; off < data.size(); off += 16384)
            n += parser.feed(QByteArrayView(data.constData() + off, qMin<qsizetype>(16384, data.size() - off))).size();
        parser.finish();
        const double secs = double(t.nsecsElapsed()) / 1e9;
        best = qMax(best, double(data.size()) / 1e6 / secs);
        events = n;
    }
    return {{"bytes", double(data.size())}, {"events", double(events)}, {"best_mb_per_s", best}};
}

} // namespace

int main(int argc, char **argv)
{
    QTemporaryDir home;
    qputenv("QWQ_HOME", home.path().toUtf8());
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    QApplication app(argc, argv);
    g_clock.start();
    int tokens = 1500, intervalMs = 4, sseMb = 64;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--tokens"))
            tokens = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--interval-ms"))
            intervalMs = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--sse-mb"))
            sseMb = args[i + 1].toInt();
    }

    TokenServer server(tokens, intervalMs);
    if (!server.listen())
        return 2;
    Settings::setValue(QStringLiteral("ai/provider"), QStringLiteral("custom"));
    Settings::setValue(QStringLiteral("ai/baseUrl"), QStringLiteral("http://127.0.0.1:%1/v1").arg(server.port()));
    Settings::setValue(QStringLiteral("ai/model"), QStringLiteral("bench"));

    // This computer, not connected: no tools, the pane streams the answer only.
    Profiles::SecretStore secrets;
    AuditLog audit(home.filePath(QStringLiteral("audit.sqlite")));
    Helper::ServerConnection connection(Profiles::Profile::local(), &secrets, &audit);
    Workbench::ServerContext context(&connection);
    Ai::AiModule module;
    QWidget window;
    window.resize(520, 820);
    auto *layout = new QVBoxLayout(&window);
    auto *panel = new Ai::AiPanel(&context, module.services(), &window);
    layout->addWidget(panel);
    window.show();

    PaintProbe probe(tokens);
    app.installEventFilter(&probe);
    bool ok = false;
    QObject::connect(panel, &Ai::AiPanel::turnFinished, &app, [&](bool success) {
        ok = success;
        QTimer::singleShot(200, &app, &QCoreApplication::quit);   // the last paints
    });
    QTimer::singleShot(100, panel, [panel] {
        panel->input()->setPlainText(QStringLiteral("Stream, please."));
        panel->send();
    });
    QTimer::singleShot(120000, &app, &QCoreApplication::quit);
    app.exec();
    app.removeEventFilter(&probe);

    QList<double> latencies;
    int unseen = 0, over = 0;
    QJsonArray worst;   // the tokens over budget: which, and how late
    for (int i = 0; i < tokens; ++i) {
        if (server.written().at(i) < 0 || probe.shown().at(i) < 0) {
            ++unseen;
            continue;
        }
        const double ms = probe.shown().at(i) - server.written().at(i);
        latencies << ms;
        if (ms > 30.0) {
            ++over;
            if (worst.size() < 20)
                worst.append(QJsonArray{i, ms});
        }
    }
    const double p50 = percentile(latencies, 50), p99 = percentile(latencies, 99),
                 max = latencies.isEmpty() ? -1 : *std::max_element(latencies.cbegin(), latencies.cend());
    const QJsonObject sse = sseThroughput(sseMb);
    const double mbps = sse.value("best_mb_per_s").toDouble();
    const QJsonObject result{
        {"rows", QJsonArray{
                     QJsonArray{"AI pane: token to paint p99", "budget 30 ms", 30.0, p99, "ms", p99 / 30.0,
                                "<= 1.0x", ok && unseen == 0 && p99 >= 0 && p99 <= 30.0},
                     QJsonArray{"SSE parser throughput", "budget 50 MB/s", 50.0, mbps, "MB/s", mbps / 50.0,
                                ">= 1.0x", mbps >= 50.0}}},
        {"latency", QJsonObject{{"tokens", tokens}, {"interval_ms", intervalMs}, {"answered", ok},
                                {"tokens_not_seen", unseen}, {"paints", probe.paints()},
                                {"p50_ms", p50}, {"p99_ms", p99}, {"max_ms", max},
                                {"tokens_over_30ms", over}, {"over_30ms", worst},
                                {"platform", QGuiApplication::platformName()}}},
        {"sse", sse}};
    std::fputs(QJsonDocument(result).toJson(QJsonDocument::Indented).constData(), stdout);
    return ok && unseen == 0 ? 0 : 1;
}
