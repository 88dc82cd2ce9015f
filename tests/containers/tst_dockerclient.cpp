// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The helper's hand-written Docker client pieces, compiled in from remote-helper/src: the HTTP
// reader against a scripted peer on a real unix socket (responses cut at every awkward place),
// the stream demuxer and line batcher fed byte by byte, the grammars, the stats formulas.
#include "dispatch.h"
#include "docker/convert.h"
#include "docker/http.h"
#include "docker/logstream.h"
#include "docker/validate.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/socket.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>

using namespace qwqhelper;
using namespace qwqhelper::docker;
using nlohmann::json;

namespace {

// A one-connection server: reads the request head, then writes `pieces` one by one with a
// pause between them, so the client sees each as a separate read.
class ScriptedPeer
{
public:
    ScriptedPeer(const QString &path, QList<QByteArray> pieces, int holdMs = 0)
        : m_path(path.toStdString())
    {
        m_listen = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        std::strncpy(addr.sun_path, m_path.c_str(), sizeof addr.sun_path - 1);
        ::unlink(m_path.c_str());
        if (::bind(m_listen, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 || ::listen(m_listen, 1) != 0)
            qFatal("cannot listen on %s", m_path.c_str());
        m_thread = std::thread([this, pieces, holdMs] {
            const int fd = ::accept(m_listen, nullptr, nullptr);
            if (fd < 0)
                return;
            std::string head;
            char c;
            while (head.find("\r\n\r\n") == std::string::npos && ::read(fd, &c, 1) == 1)
                head += c;
            m_request = head;
            for (const QByteArray &p : pieces) {
                if (::write(fd, p.constData(), size_t(p.size())) < 0)
                    break;
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
            if (holdMs > 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(holdMs));
            ::close(fd);
        });
    }
    ~ScriptedPeer()
    {
        ::shutdown(m_listen, SHUT_RDWR);
        m_thread.join();
        ::close(m_listen);
        ::unlink(m_path.c_str());
    }
    std::string request() const { return m_request; }

private:
    std::string m_path;
    int m_listen = -1;
    std::thread m_thread;
    std::string m_request;
};

// Splits `text` into pieces of `size` bytes.
QList<QByteArray> cut(const QByteArray &text, int size)
{
    QList<QByteArray> out;
    for (int i = 0; i < text.size(); i += size)
        out.append(text.mid(i, size));
    return out;
}

QByteArray frame(int stream, const QByteArray &payload)
{
    QByteArray h(8, '\0');
    h[0] = char(stream);
    const quint32 n = quint32(payload.size());
    h[4] = char(n >> 24);
    h[5] = char(n >> 16);
    h[6] = char(n >> 8);
    h[7] = char(n);
    return h + payload;
}

} // namespace

class tst_DockerClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { std::signal(SIGPIPE, SIG_IGN); } // the peer writes to closed clients
    void init() { QVERIFY(m_dir.isValid()); }

    void chunkedBodyCutEverywhere()
    {
        const QByteArray response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nApi-Version: 1.41\r\n\r\n"
                                    "5\r\nhello\r\n1;ext=1\r\n \r\n10\r\n0123456789abcdef\r\n0\r\nX-Trailer: 1\r\n\r\n";
        for (int size : {1, 2, 3, 7, 1000}) {
            ScriptedPeer peer(sock(), cut(response, size));
            UnixHttp http(sock().toStdString(), nullptr, 5000);
            http.request("GET", "/v1.41/containers/x%3B/json");
            QCOMPARE(http.status(), 200);
            QCOMPARE(http.header("api-version"), std::string("1.41"));
            QCOMPARE(http.readAll(1024), std::string("hello 0123456789abcdef"));
            QVERIFY(peer.request().rfind("GET /v1.41/containers/x%3B/json HTTP/1.1\r\n", 0) == 0);
        }
    }

    void contentLengthAndCaps()
    {
        {
            ScriptedPeer peer(sock(), {"HTTP/1.1 404 Not Found\r\nContent-Length: 27\r\n\r\n",
                                       "{\"message\":\"No such thing\"}"});
            UnixHttp http(sock().toStdString(), nullptr, 5000);
            http.request("DELETE", "/x");
            QCOMPARE(http.status(), 404);
            QCOMPARE(http.readAll(1024), std::string("{\"message\":\"No such thing\"}"));
        }
        {
            ScriptedPeer peer(sock(), {"HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n", QByteArray(5000, 'x')});
            UnixHttp http(sock().toStdString(), nullptr, 5000);
            http.request("GET", "/x");
            QVERIFY_THROWS_EXCEPTION(HttpError, http.readAll(4096)); // the body cap
        }
        {
            ScriptedPeer peer(sock(), {QByteArray("HTTP/1.1 200 OK\r\nX-Big: ") + QByteArray(70000, 'a') + QByteArray("\r\n\r\n")});
            UnixHttp http(sock().toStdString(), nullptr, 5000);
            QVERIFY_THROWS_EXCEPTION(HttpError, http.request("GET", "/x")); // the header cap
        }
        for (const QByteArray &bad : QList<QByteArray>{QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"),
                                      QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcXX"),
                                      QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n") + QByteArray(2000, '1'),
                                      QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort")}) {
            ScriptedPeer peer(sock(), {bad});
            UnixHttp http(sock().toStdString(), nullptr, 5000);
            http.request("GET", "/x");
            QVERIFY_THROWS_EXCEPTION(HttpError, http.readAll(1 << 20));
        }
        {
            ScriptedPeer peer(sock(), {"SSH-2.0-OpenSSH\r\n\r\n"});
            UnixHttp http(sock().toStdString(), nullptr, 5000);
            QVERIFY_THROWS_EXCEPTION(HttpError, http.request("GET", "/x"));
        }
        QVERIFY_THROWS_EXCEPTION(HttpError, UnixHttp(m_dir.filePath(QStringLiteral("none.sock")).toStdString(), nullptr, 1000));
    }

    void idleTimeoutAndCancel()
    {
        {
            ScriptedPeer peer(sock(), {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"}, 1500);
            UnixHttp http(sock().toStdString(), nullptr, 200);
            http.request("GET", "/x");
            std::string out;
            QCOMPARE(http.readSome(out, 50), UnixHttp::Read::Timeout); // a caller's own wait
            QElapsedTimer t;
            t.start();
            QVERIFY_THROWS_EXCEPTION(HttpError, http.readSome(out)); // the idle timeout
            QVERIFY(t.elapsed() < 1000);
        }
        {
            ScriptedPeer peer(sock(), {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"}, 1500);
            CancelToken token;
            UnixHttp http(sock().toStdString(), &token, -1); // would wait forever
            http.request("GET", "/x");
            std::thread canceller([&token] {
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
                token.cancel();
            });
            QElapsedTimer t;
            t.start();
            int code = 0;
            try {
                std::string out;
                http.readSome(out);
            } catch (const RpcError &e) {
                code = e.code;
            }
            canceller.join();
            QCOMPARE(code, Code::Cancelled);
            QVERIFY(t.elapsed() < 1000);
        }
    }

    void demuxAndBatchByteByByte()
    {
        const QByteArray stream = frame(1, "line one\nline ") + frame(2, "err A\r\n") + frame(1, "two\n")
                                  + frame(2, "err B\n") + frame(1, "") + frame(1, "unterminated");
        std::vector<json> batches;
        LogBatcher batcher([&](json d) { batches.push_back(std::move(d)); }, 1000);
        Demuxer demuxer(false);
        for (char c : stream)
            demuxer.feed(std::string_view(&c, 1), [&](StdStream s, std::string_view b) { batcher.add(s, b); });
        QVERIFY(!demuxer.midFrame());
        batcher.finish();
        QCOMPARE(batches.size(), size_t(1));
        const json expected = json::parse(R"({"runs":[
            {"stream":"stdout","lines":["line one"]},
            {"stream":"stderr","lines":["err A"]},
            {"stream":"stdout","lines":["line two"]},
            {"stream":"stderr","lines":["err B"]},
            {"stream":"stdout","lines":["unterminated"]}]})");
        QCOMPARE(QString::fromStdString(batches[0].dump()), QString::fromStdString(expected.dump()));
        QCOMPARE(batcher.linesSent(), uint64_t(5));

        Demuxer bad(false);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, bad.feed(std::string_view("\x07\0\0\0\0\0\0\1x", 9), [](StdStream, std::string_view) {}));
    }

    void batchLimitsAndLongLines()
    {
        std::vector<json> batches;
        LogBatcher batcher([&](json d) { batches.push_back(std::move(d)); }, 3, 1 << 20, 10);
        Demuxer raw(true); // a TTY container: everything is stdout
        raw.feed("a\nb\nc\nd\n0123456789ABCDEFGHIJ\n", [&](StdStream s, std::string_view b) { batcher.add(s, b); });
        batcher.finish();
        QCOMPARE(batches.size(), size_t(2));
        QCOMPARE(batches[0]["runs"][0]["lines"].size(), size_t(3));
        QCOMPARE(QString::fromStdString(batches[1]["runs"][0]["lines"].dump()),
                 QStringLiteral("[\"d\",\"0123456789\",\"ABCDEFGHIJ\"]"));
    }

    void imageReferences_data()
    {
        QTest::addColumn<QString>("ref");
        QTest::addColumn<bool>("ok");
        for (const char *good : {"busybox", "busybox:1", "library/busybox:1.36", "qwq-test/busybox:1",
                                 "docker.io/library/nginx:1.25-alpine", "localhost/app", "localhost:5000/a/b:c",
                                 "127.0.0.1:5000/x", "registry.example.com/team/app_x__y.z-w:V1.0_rc",
                                 "nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                                 "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                                 "0123456789ab"})
            QTest::newRow(good) << QString::fromLatin1(good) << true;
        for (const char *bad : {"", "Busybox", "busybox:", ":1", "/busybox", "busybox/", "a//b", "-busybox",
                                "busybox:-1", "busybox:.1", "a b", "a;b", "a$(id)", "a\nb", "busybox@sha256:xyz",
                                "busybox@md5:0123", "reg:0/x", "reg:65536/x", "-reg.io/x", "reg-.io/x",
                                "a..b", "a._b", "a_-b", "x/y:tag:tag"})
            QTest::newRow(QByteArray(bad).replace('\n', "\\n").constData()) << QString::fromLatin1(bad) << false;
        QTest::newRow("long") << QString(256, QLatin1Char('a')) << false;
    }

    void imageReferences()
    {
        QFETCH(QString, ref);
        QFETCH(bool, ok);
        QCOMPARE(validate::isImageReference(ref.toStdString()), ok);
    }

    void statsLikeDockerStats()
    {
        // cgroup v1: 2 CPUs, the container used 0.5 s of 2 s host time → 50 %; cache excluded.
        const json v1 = json::parse(R"({"read":"t",
            "cpu_stats":{"cpu_usage":{"total_usage":1500000000,"percpu_usage":[1,2]},"system_cpu_usage":12000000000},
            "precpu_stats":{"cpu_usage":{"total_usage":1000000000},"system_cpu_usage":10000000000},
            "memory_stats":{"usage":1000,"limit":4000,"stats":{"total_inactive_file":200}},
            "networks":{"eth0":{"rx_bytes":10,"tx_bytes":20},"eth1":{"rx_bytes":1,"tx_bytes":2}},
            "blkio_stats":{"io_service_bytes_recursive":[{"op":"Read","value":7},{"op":"Write","value":9},{"op":"Total","value":16},{"op":"read","value":1}]},
            "pids_stats":{"current":4}})");
        const json s = convert::stats(v1);
        QCOMPARE(s["cpuPercent"].get<double>(), 50.0);
        QCOMPARE(s["memory"]["usage"].get<int64_t>(), 800);
        QCOMPARE(s["memory"]["percent"].get<double>(), 20.0);
        QCOMPARE(s["net"]["rxBytes"].get<int64_t>(), 11);
        QCOMPARE(s["net"]["txBytes"].get<int64_t>(), 22);
        QCOMPARE(s["block"]["readBytes"].get<int64_t>(), 8);
        QCOMPARE(s["block"]["writeBytes"].get<int64_t>(), 9);
        QCOMPARE(s["pids"].get<int64_t>(), 4);
        // cgroup v2 with online_cpus; a first sample (no precpu) is 0 %.
        const json v2 = json::parse(R"({"cpu_stats":{"cpu_usage":{"total_usage":100},"system_cpu_usage":1000,"online_cpus":4},
            "precpu_stats":{}, "memory_stats":{"usage":1000,"limit":0,"stats":{"inactive_file":100}}})");
        const json t = convert::stats(v2);
        QCOMPARE(t["cpuPercent"].get<double>(), 0.0);
        QCOMPARE(t["memory"]["usage"].get<int64_t>(), 900);
        QCOMPARE(t["memory"]["percent"].get<double>(), 0.0);
    }

private:
    QString sock() const { return m_dir.filePath(QStringLiteral("d.sock")); }
    QTemporaryDir m_dir{QStringLiteral("/tmp/qwq-dockhttp-XXXXXX")};
};

QTEST_GUILESS_MAIN(tst_DockerClient)
#include "tst_dockerclient.moc"
