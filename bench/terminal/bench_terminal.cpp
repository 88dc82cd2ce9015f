// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// bench_terminal: the terminal's speed and footprint.
//   bench_terminal generate FILE [MB]   write the mixed test file (ASCII, CJK, SGR colours)
//   bench_terminal run [PROGRAM ARGS…]   a real TerminalView (80x24 cells) running PROGRAM in a
//                                        local PTY; exits when it ends, after the last frame
//                                        is painted. Timed from outside like st and
//                                        xfce4-terminal; prints one JSON line on stderr.
//   bench_terminal interrupt FILE        the view running `cat FILE`; 400 ms in, Ctrl+C is typed:
//                                        how long until the screen stops changing
//   bench_terminal feed FILE             TerminalScreen alone (no widget, no PTY): parse speed
//   bench_terminal scrollback [LINES]    memory of LINES (100,000) lines of 80-column text
#include <terminal/core/localptysession.h>
#include <terminal/core/terminalscreen.h>
#include <terminal/ui/terminalview.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QScrollBar>
#include <QTimer>

#include <cstdio>
#include <random>

using namespace Qwq::Terminal;

namespace {

long rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return 0;
}

// About 60 % plain ASCII log lines, 20 % CJK, 20 % lines with 16-, 256- and truecolour SGR.
int generate(const QString &path, qint64 megabytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return 2;
    }
    std::mt19937 rng(4);
    auto pick = [&](int n) { return int(rng() % unsigned(n)); };
    const QList<QByteArray> words = {"server", "nginx", "docker", "compose", "restart", "error",
                                     "warning", "info", "listen", "upstream", "proxy_pass",
                                     "127.0.0.1:8080", "GET", "/api/v1/items", "200", "OK"};
    const QStringList cjk = {QStringLiteral("服务器连接成功"), QStringLiteral("配置文件已更新"),
                             QStringLiteral("容器正在运行"), QStringLiteral("数据库备份完成"),
                             QStringLiteral("证书即将过期"), QStringLiteral("网络错误请稍后重试")};
    const qint64 target = megabytes * 1024 * 1024;
    QByteArray buf;
    qint64 written = 0;
    while (written < target) {
        QByteArray line;
        const int kind = pick(10);
        if (kind < 6) {
            for (int i = 0, n = 3 + pick(10); i < n; ++i)
                line += (i ? " " : "") + words[pick(words.size())];
        } else if (kind < 8) {
            for (int i = 0, n = 1 + pick(5); i < n; ++i)
                line += cjk[pick(cjk.size())].toUtf8() + (pick(3) ? "" : "，");
        } else {
            for (int i = 0, n = 2 + pick(6); i < n; ++i) {
                const int c = pick(10);
                if (c < 4)
                    line += "\x1b[" + QByteArray::number(31 + pick(7)) + "m";
                else if (c < 7)
                    line += "\x1b[38;5;" + QByteArray::number(pick(256)) + "m";
                else
                    line += "\x1b[38;2;" + QByteArray::number(pick(256)) + ";" + QByteArray::number(pick(256))
                            + ";" + QByteArray::number(pick(256)) + "m";
                line += words[pick(words.size())] + " " + (pick(2) ? cjk[pick(cjk.size())].toUtf8() : QByteArray());
            }
            line += "\x1b[0m";
        }
        line += "\n";   // the PTY turns it into CR LF, as for any file
        buf += line;
        written += line.size();
        if (buf.size() > (1 << 20)) {
            f.write(buf);
            buf.clear();
        }
    }
    f.write(buf);
    return 0;
}

int feed(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return 2;
    QByteArray all = f.readAll();
    all.replace("\n", "\r\n");   // what the PTY would have made of it
    TerminalScreen s(24, 80);
    QElapsedTimer t;
    t.start();
    constexpr qsizetype chunk = 64 * 1024;
    for (qsizetype i = 0; i < all.size(); i += chunk)
        s.feed(QByteArrayView(all).sliced(i, std::min(chunk, all.size() - i)));
    std::printf("{\"bytes\": %lld, \"feed_ms\": %lld, \"mb_per_s\": %.1f}\n", qlonglong(all.size()),
                qlonglong(t.elapsed()), all.size() / 1048576.0 / (t.elapsed() / 1000.0));
    return 0;
}

int scrollback(int lines)
{
    const long before = rssKb();
    TerminalScreen s(24, 80);
    s.setScrollbackLimit(lines);
    QByteArray chunk;
    for (int i = 0; i < lines + 24; ++i) {
        QByteArray l = "line " + QByteArray::number(i).rightJustified(7, '0') + " ";
        while (l.size() < 80)
            l += "lorem ipsum dolor sit amet ";
        chunk += l.left(80) + "\r\n";
        if (chunk.size() > (1 << 20)) {
            s.feed(chunk);
            chunk.clear();
        }
    }
    s.feed(chunk);
    const long after = rssKb();
    std::printf("{\"lines\": %d, \"scrollback_bytes\": %lld, \"rss_delta_kb\": %ld}\n",
                s.scrollbackLines(), qlonglong(s.scrollbackMemory()), after - before);
    return 0;
}

int run(int argc, char **argv, int first)
{
    QApplication app(argc, argv);
    TerminalView view;
    view.setPasteConfirmation([](const QString &) { return true; });
    const QSizeF cell = view.cellSize();
    view.resize(int(80 * cell.width() + 4 + view.verticalScrollBar()->sizeHint().width() + 1),
                int(24 * cell.height() + 4));
    LocalPtySession::Options o;
    o.program = QString::fromLocal8Bit(argv[first]);
    for (int i = first + 1; i < argc; ++i)
        o.arguments << QString::fromLocal8Bit(argv[i]);
    if (!o.program.startsWith(QLatin1Char('/')))
        o.program = QStringLiteral("/usr/bin/") + o.program;
    LocalPtySession session(o);
    view.setSession(&session);
    qint64 chunks = 0;
    QObject::connect(&session, &ITerminalSession::dataReceived, &app, [&](const QByteArray &) { ++chunks; });
    view.show();
    QElapsedTimer t;
    int exitCode = 0;
    QObject::connect(&session, &ITerminalSession::finished, &app, [&](int code, const QString &) {
        exitCode = code;
        // Let the last frame be painted before leaving.
        QTimer::singleShot(20, &app, [&] {
            view.repaint();
            std::fprintf(stderr, "{\"rows\": %d, \"cols\": %d, \"run_ms\": %lld, \"paints\": %d, "
                                 "\"reads\": %lld, \"scrollback\": %d}\n",
                         view.screen()->rows(), view.screen()->columns(), qlonglong(t.elapsed()),
                         view.paintCount(), chunks, view.screen()->scrollbackLines());
            app.quit();
        });
    });
    QTimer::singleShot(0, &app, [&] {
        t.start();
        if (const auto r = session.start(view.screen()->rows(), view.screen()->columns()); !r) {
            std::fprintf(stderr, "%s\n", qPrintable(r.error().message));
            app.exit(2);
        }
    });
    const int rc = app.exec();
    return rc ? rc : (exitCode == 0 ? 0 : 1);
}

int interrupt(int argc, char **argv, const QString &file)
{
    QApplication app(argc, argv);
    TerminalView view;
    const QSizeF cell = view.cellSize();
    view.resize(int(80 * cell.width() + 4 + view.verticalScrollBar()->sizeHint().width() + 1),
                int(24 * cell.height() + 4));
    LocalPtySession::Options o;
    o.program = QStringLiteral("/bin/cat");
    o.arguments = {file};
    LocalPtySession session(o);
    view.setSession(&session);
    view.show();
    QElapsedTimer sinceCtrlC;
    qint64 lastChange = -1;
    QObject::connect(view.screen(), &TerminalScreen::contentsChanged, &app, [&] {
        if (sinceCtrlC.isValid())
            lastChange = sinceCtrlC.elapsed();
    });
    QObject::connect(&session, &ITerminalSession::finished, &app, [&](int code, const QString &) {
        QTimer::singleShot(50, &app, [&, code] {
            // The last change reaches the screen with the next frame (at most 16 ms later).
            std::printf("{\"ctrl_c_to_last_change_ms\": %lld, \"ctrl_c_to_screen_ms\": %lld, "
                        "\"exit_code\": %d}\n",
                        qlonglong(lastChange), qlonglong(lastChange + 16), code);
            app.quit();
        });
    });
    QTimer::singleShot(0, &app, [&] {
        if (!session.start(view.screen()->rows(), view.screen()->columns()))
            app.exit(2);
    });
    QTimer::singleShot(400, &app, [&] {
        sinceCtrlC.start();
        view.screen()->sendKey(Qt::Key_C, Qt::ControlModifier, QStringLiteral("\x03"));
    });
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    const QByteArray mode = argc > 1 ? QByteArray(argv[1]) : QByteArray();
    if (mode == "generate" && argc >= 3)
        return generate(QString::fromLocal8Bit(argv[2]), argc > 3 ? QByteArray(argv[3]).toLongLong() : 50);
    if (mode == "feed" && argc >= 3)
        return feed(QString::fromLocal8Bit(argv[2]));
    if (mode == "scrollback")
        return scrollback(argc > 2 ? QByteArray(argv[2]).toInt() : 100000);
    if (mode == "run" && argc >= 3)
        return run(argc, argv, 2);
    if (mode == "interrupt" && argc >= 3)
        return interrupt(argc, argv, QString::fromLocal8Bit(argv[2]));
    std::fprintf(stderr, "usage: bench_terminal generate FILE [MB] | run PROGRAM [ARGS…] | "
                         "interrupt FILE | feed FILE | scrollback [LINES]\n");
    return 2;
}
