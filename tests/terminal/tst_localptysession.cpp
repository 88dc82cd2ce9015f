// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A real shell behind a local PTY: type `echo hi`, read it back on the screen; resize,
// exit status, signals, a program that cannot run, and the default shell.
#include "termtestutil.h"

#include <terminal/core/localptysession.h>

#include <QFileInfo>
#include <QSignalSpy>

#include <csignal>

using namespace Qwq::Terminal;
using namespace TermTest;

class tst_LocalPtySession final : public QObject
{
    Q_OBJECT

private slots:
    void echoHi();
    void userShellEchoHi();
    void resizeReachesProgram();
    void exitStatus();
    void killedBySignal();
    void floodArrivesWholeAndInOrder();
    void notExecutable();
    void defaultShell();
    void destroyWhileRunning();
};

namespace {
// A terminal wired to a session the way the view wires them.
struct Wired
{
    explicit Wired(LocalPtySession::Options o, int rows = 24, int cols = 80)
        : screen(rows, cols), session(std::move(o))
    {
        QObject::connect(&session, &ITerminalSession::dataReceived, &screen,
                         [this](const QByteArray &b) { screen.feed(b); });
        screen.setWriter([this](QByteArrayView b) { session.write(b); });
    }
    bool waitForPrompt()
    {
        return QTest::qWaitFor([this] { return screen.lineText(screen.scrollbackLines() + screen.cursorRow()) == QLatin1String("$"); }, 5000);
    }
    bool screenHasLine(const QString &text) const
    {
        for (int i = 0; i < screen.totalLines(); ++i) {
            if (screen.lineText(i) == text)
                return true;
        }
        return false;
    }
    TerminalScreen screen;
    LocalPtySession session;
};

LocalPtySession::Options sh(QStringList args = {})
{
    LocalPtySession::Options o;
    o.program = QStringLiteral("/bin/sh");
    o.arguments = std::move(args);
    o.environment = {QStringLiteral("PS1=$ "), QStringLiteral("ENV=")};
    return o;
}
} // namespace

void tst_LocalPtySession::echoHi()
{
    Wired w(sh());
    QVERIFY(w.session.start(24, 80).ok());
    QVERIFY(w.session.isRunning());
    QVERIFY(w.waitForPrompt());
    // Typed as keys, the way the view sends them.
    for (QChar c : QStringLiteral("echo hi"))
        w.screen.sendKey(c.unicode() >= 'a' && c.unicode() <= 'z' ? Qt::Key_A + (c.unicode() - 'a') : c.unicode(),
                         Qt::NoModifier, QString(c));
    w.screen.sendKey(Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r"));
    QTRY_VERIFY_WITH_TIMEOUT(w.screenHasLine(QStringLiteral("hi")), 5000);
    QVERIFY(w.screenHasLine(QStringLiteral("$ echo hi")));
    QSignalSpy finished(&w.session, &ITerminalSession::finished);
    w.session.write("exit\r");
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QCOMPARE(finished.at(0).at(0).toInt(), 0);
    QVERIFY(!w.session.isRunning());
}

void tst_LocalPtySession::userShellEchoHi()
{
    // The user's own shell (bash here, with its rc files): only the echo is checked.
    LocalPtySession::Options o;
    Wired w(o);
    QVERIFY(w.session.start(24, 80).ok());
    w.session.write("echo h''i\r");
    QTRY_VERIFY_WITH_TIMEOUT(w.screenHasLine(QStringLiteral("hi")), 10000);
    QSignalSpy finished(&w.session, &ITerminalSession::finished);
    w.session.write("exit\r");
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
}

void tst_LocalPtySession::resizeReachesProgram()
{
    Wired w(sh());
    QVERIFY(w.session.start(24, 80).ok());
    QVERIFY(w.waitForPrompt());
    w.session.write("stty size\r");
    QTRY_VERIFY2_WITH_TIMEOUT(w.screenHasLine(QStringLiteral("24 80")), qPrintable(dump(w.screen)), 5000);
    w.screen.resize(30, 100);
    w.session.resize(30, 100);
    w.session.write("stty size; echo $TERM\r");
    QTRY_VERIFY_WITH_TIMEOUT(w.screenHasLine(QStringLiteral("30 100")), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(w.screenHasLine(QStringLiteral("xterm-256color")), 5000);
}

void tst_LocalPtySession::exitStatus()
{
    Wired w(sh({QStringLiteral("-c"), QStringLiteral("printf 'bye\\n'; exit 3")}));
    QSignalSpy finished(&w.session, &ITerminalSession::finished);
    QVERIFY(w.session.start(24, 80).ok());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QCOMPARE(finished.at(0).at(0).toInt(), 3);
    QVERIFY(!finished.at(0).at(1).toString().isEmpty());
    QVERIFY(w.screenHasLine(QStringLiteral("bye")));   // output before exit is not lost
    w.session.write("ignored");   // after the end: dropped, no crash
}

void tst_LocalPtySession::killedBySignal()
{
    Wired w(sh({QStringLiteral("-c"), QStringLiteral("echo $$; exec sleep 30")}));
    QSignalSpy finished(&w.session, &ITerminalSession::finished);
    QVERIFY(w.session.start(24, 80).ok());
    QTRY_VERIFY_WITH_TIMEOUT(w.screenHasLine(QString::number(w.session.pid())), 5000);
    w.session.terminate();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QCOMPARE(finished.at(0).at(0).toInt(), -1);
    QVERIFY(finished.at(0).at(1).toString().contains(QString::number(SIGHUP)));
}

void tst_LocalPtySession::floodArrivesWholeAndInOrder()
{
    // 2.9 MB: more than the reader buffers before it pauses, so pausing and resuming run too.
    Wired w(sh({QStringLiteral("-c"), QStringLiteral("seq 1 400000")}));
    QSignalSpy finished(&w.session, &ITerminalSession::finished);
    QVERIFY(w.session.start(24, 80).ok());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(finished.at(0).at(0).toInt(), 0);
    const int total = w.screen.totalLines();
    int last = -1;
    for (int i = total - 1; i >= 0 && last < 0; --i) {
        if (!w.screen.lineText(i).isEmpty())
            last = i;
    }
    QVERIFY(last > 0);
    QCOMPARE(w.screen.lineText(last), QStringLiteral("400000"));
    // Every line of the kept history is the previous one plus one.
    QCOMPARE(w.screen.scrollbackLines(), TerminalScreen::kDefaultScrollback);
    for (int i = last; i > last - 99000; --i)
        QCOMPARE(w.screen.lineText(i - 1).toInt() + 1, w.screen.lineText(i).toInt());
}

void tst_LocalPtySession::notExecutable()
{
    LocalPtySession::Options o;
    o.program = QStringLiteral("/nonexistent/shell");
    LocalPtySession s(o);
    const auto r = s.start(24, 80);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, Qwq::ErrorCode::NotFound);
    QVERIFY(!r.error().message.isEmpty());
    QVERIFY(!s.isRunning());
}

void tst_LocalPtySession::defaultShell()
{
    const QString shell = LocalPtySession::defaultShell();
    QVERIFY(shell.startsWith(QLatin1Char('/')));
    QVERIFY(QFileInfo(shell).isExecutable());
    QCOMPARE(LocalPtySession().displayName(), QFileInfo(shell).fileName());
}

void tst_LocalPtySession::destroyWhileRunning()
{
    qint64 pid = 0;
    {
        Wired w(sh({QStringLiteral("-c"), QStringLiteral("sleep 30")}));
        QVERIFY(w.session.start(24, 80).ok());
        pid = w.session.pid();
        QVERIFY(::kill(pid_t(pid), 0) == 0);
    }
    // Hung up and reaped without blocking: gone (not even a zombie) shortly after.
    QTRY_VERIFY_WITH_TIMEOUT(::kill(pid_t(pid), 0) != 0, 5000);
}

int runLocalPtySessionTests(int argc, char **argv)
{
    tst_LocalPtySession t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_localptysession.moc"
