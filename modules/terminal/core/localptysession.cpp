// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "localptysession.h"

#include "ptyreader.h"
#include "terminaltr.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <pty.h>
#include <pwd.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace Qwq::Terminal {

namespace {

constexpr qsizetype kMaxChunk = 256 * 1024;   // per dataReceived (about 5 ms of parsing)
constexpr int kEofGraceMs = 300;   // after the child exits, how long its output may trail

bool isExecutable(const QByteArray &path)
{
    return path.startsWith('/') && ::access(path.constData(), X_OK) == 0;
}

// Reaps a child that outlived its session without blocking the GUI: SIGHUP was sent; after
// 2 s it gets SIGKILL.
void reapLater(pid_t pid, int attempt = 0)
{
    if (::waitpid(pid, nullptr, WNOHANG) != 0)
        return;   // reaped, or not ours any more
    if (attempt == 20)
        ::kill(pid, SIGKILL);
    QCoreApplication *app = QCoreApplication::instance();
    if (!app || attempt > 40) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
        return;
    }
    QTimer::singleShot(100, app, [pid, attempt] { reapLater(pid, attempt + 1); });
}

} // namespace

LocalPtySession::LocalPtySession(QObject *parent) : LocalPtySession(Options(), parent) {}

LocalPtySession::LocalPtySession(Options options, QObject *parent)
    : ITerminalSession(parent), m_options(std::move(options))
{
    m_program = m_options.program.isEmpty() ? defaultShell() : m_options.program;
}

LocalPtySession::~LocalPtySession()
{
    if (isRunning()) {
        const pid_t pid = pid_t(m_pid);
        closeMaster();
        ::kill(-pid, SIGHUP);
        ::kill(pid, SIGHUP);
        reapLater(pid);
    } else {
        closeMaster();
    }
    if (m_pidfd >= 0)
        ::close(m_pidfd);
}

QString LocalPtySession::defaultShell()
{
    struct passwd pw;
    struct passwd *result = nullptr;
    char buf[4096];
    if (::getpwuid_r(::getuid(), &pw, buf, sizeof buf, &result) == 0 && result && pw.pw_shell
        && isExecutable(QByteArray(pw.pw_shell))) {
        return QString::fromLocal8Bit(pw.pw_shell);
    }
    const QByteArray env = qgetenv("SHELL");
    if (isExecutable(env))
        return QString::fromLocal8Bit(env);
    return QStringLiteral("/bin/sh");
}

QString LocalPtySession::displayName() const
{
    return QFileInfo(m_program).fileName();
}

Result<void> LocalPtySession::start(int rows, int cols)
{
    if (m_pid > 0)
        return Error(ErrorCode::Internal, Tr::tr("The terminal session was already started."));
    const QByteArray path = QFile::encodeName(m_program);
    if (!isExecutable(path)) {
        return Error(ErrorCode::NotFound, Tr::tr("Cannot run %1: not an executable file.").arg(m_program),
                     {}, {}, QStringLiteral("program"));
    }

    // Everything the child needs is prepared before fork(): after it, only async-signal-safe
    // calls are allowed in a threaded process.
    std::vector<QByteArray> argStore{path};
    for (const QString &a : std::as_const(m_options.arguments))
        argStore.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &a : argStore)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"COLUMNS", "LINES", "TERMCAP"})
        env.remove(QLatin1String(name));
    env.insert(QStringLiteral("TERM"), QStringLiteral("xterm-256color"));
    env.insert(QStringLiteral("COLORTERM"), QStringLiteral("truecolor"));
    env.insert(QStringLiteral("TERM_PROGRAM"), QStringLiteral("qwq"));
    for (const QString &kv : std::as_const(m_options.environment)) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        if (eq > 0)
            env.insert(kv.left(eq), kv.mid(eq + 1));
    }
    std::vector<QByteArray> envStore;
    for (const QString &kv : env.toStringList())
        envStore.push_back(kv.toLocal8Bit());
    std::vector<char *> envp;
    for (QByteArray &e : envStore)
        envp.push_back(e.data());
    envp.push_back(nullptr);
    const QByteArray workDir = QFile::encodeName(
        m_options.workingDirectory.isEmpty() ? QDir::homePath() : m_options.workingDirectory);

    struct winsize ws = {};
    ws.ws_row = quint16(std::max(1, rows));
    ws.ws_col = quint16(std::max(1, cols));
    int master = -1;
    // Signals stay blocked across fork() so the child never runs one of the app's handlers
    // before it has reset them.
    sigset_t all;
    sigset_t saved;
    ::sigfillset(&all);
    ::pthread_sigmask(SIG_SETMASK, &all, &saved);
    const pid_t pid = ::forkpty(&master, nullptr, nullptr, &ws);
    if (pid != 0)
        ::pthread_sigmask(SIG_SETMASK, &saved, nullptr);
    if (pid < 0) {
        return Error(ErrorCode::Internal, Tr::tr("Cannot open a pseudo-terminal."),
                     QString::fromLocal8Bit(std::strerror(errno)));
    }
    if (pid == 0) {
        // Child: default signal dispositions and mask (the app may ignore SIGPIPE), no
        // inherited descriptors beyond the terminal, then the program itself.
        struct sigaction dfl = {};
        dfl.sa_handler = SIG_DFL;
        for (int s = 1; s < NSIG; ++s)
            ::sigaction(s, &dfl, nullptr);
        sigset_t none;
        ::sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        ::close_range(3, ~0U, 0);
        if (::chdir(workDir.constData()) != 0 && ::chdir("/") != 0)
            ::_exit(126);
        ::execve(argv[0], argv.data(), envp.data());
        static const char msg[] = "qwq: cannot execute the program\r\n";
        [[maybe_unused]] ssize_t n = ::write(2, msg, sizeof msg - 1);
        ::_exit(127);
    }

    m_master = master;
    m_pid = pid;
    ::fcntl(m_master, F_SETFL, ::fcntl(m_master, F_GETFL) | O_NONBLOCK);
    ::fcntl(m_master, F_SETFD, FD_CLOEXEC);
    m_reader = new PtyReader(m_master, this);
    connect(m_reader, &PtyReader::readyRead, this, &LocalPtySession::deliver);
    connect(m_reader, &PtyReader::finished, this, [this] {
        deliver();
        if (m_reaped)
            finish();   // the child had already gone: this was the last of its output
        else
            checkChild();
    });
    m_reader->start();
    m_writeNotifier = new QSocketNotifier(qintptr(m_master), QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &LocalPtySession::flushWrites);

#ifdef SYS_pidfd_open
    m_pidfd = int(::syscall(SYS_pidfd_open, pid, 0));
#endif
    if (m_pidfd >= 0) {
        ::fcntl(m_pidfd, F_SETFD, FD_CLOEXEC);
        m_exitNotifier = new QSocketNotifier(qintptr(m_pidfd), QSocketNotifier::Read, this);
        connect(m_exitNotifier, &QSocketNotifier::activated, this, &LocalPtySession::checkChild);
    } else {
        m_exitPoll = new QTimer(this);   // kernels before 5.3
        connect(m_exitPoll, &QTimer::timeout, this, &LocalPtySession::checkChild);
        m_exitPoll->start(200);
    }
    return {};
}

void LocalPtySession::deliver()
{
    m_deliverQueued = false;
    if (!m_reader)
        return;
    const QByteArray data = m_reader->take(kMaxChunk);
    if (!data.isEmpty())
        emit dataReceived(data);
    // More waiting: deliver it after the event loop had a turn — a zero timer, not a posted
    // event, so input, timers and repaints are not starved while a flood lasts.
    if (m_reader && m_reader->hasData() && !m_deliverQueued) {
        m_deliverQueued = true;
        QTimer::singleShot(0, this, &LocalPtySession::deliver);
    }
}

void LocalPtySession::write(QByteArrayView bytes)
{
    if (m_master < 0 || m_finished || bytes.isEmpty())
        return;
    m_pending.append(bytes.data(), bytes.size());
    flushWrites();
}

void LocalPtySession::flushWrites()
{
    while (!m_pending.isEmpty() && m_master >= 0) {
        const ssize_t n = ::write(m_master, m_pending.constData(), size_t(m_pending.size()));
        if (n > 0) {
            m_pending.remove(0, n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        m_pending.clear();   // the program is gone
    }
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(!m_pending.isEmpty() && m_master >= 0);
}

void LocalPtySession::resize(int rows, int cols)
{
    if (m_master < 0)
        return;
    struct winsize ws = {};
    ws.ws_row = quint16(std::max(1, rows));
    ws.ws_col = quint16(std::max(1, cols));
    ::ioctl(m_master, TIOCSWINSZ, &ws);
}

void LocalPtySession::terminate()
{
    if (!isRunning())
        return;
    ::kill(-pid_t(m_pid), SIGHUP);
    ::kill(pid_t(m_pid), SIGHUP);
}

void LocalPtySession::checkChild()
{
    if (m_reaped || m_pid <= 0)
        return;
    int status = 0;
    const pid_t r = ::waitpid(pid_t(m_pid), &status, WNOHANG);
    if (r == 0)
        return;
    m_reaped = true;
    m_status = r == pid_t(m_pid) ? status : 0;
    if (m_exitNotifier)
        m_exitNotifier->setEnabled(false);
    if (m_exitPoll)
        m_exitPoll->stop();
    // What the program wrote before it exited may still be on its way through the terminal:
    // wait for the end of its output, but not for a background process that keeps the
    // terminal open.
    if (m_reader && !m_reader->atEnd())
        QTimer::singleShot(kEofGraceMs, this, &LocalPtySession::finish);
    else
        finish();
}

void LocalPtySession::finish()
{
    if (m_finished)
        return;
    if (m_reader) {
        m_reader->stop();   // nothing more comes in; hand over what did
        while (m_reader && m_reader->hasData())
            emit dataReceived(m_reader->take(kMaxChunk));
    }
    m_finished = true;
    closeMaster();
    int code = -1;
    QString description;
    if (WIFEXITED(m_status)) {
        code = WEXITSTATUS(m_status);
        description = Tr::tr("%1 exited with code %2").arg(displayName()).arg(code);
    } else if (WIFSIGNALED(m_status)) {
        description = Tr::tr("%1 was ended by signal %2 (%3)")
                          .arg(displayName())
                          .arg(WTERMSIG(m_status))
                          .arg(QString::fromLocal8Bit(::strsignal(WTERMSIG(m_status))));
    } else {
        description = Tr::tr("%1 ended").arg(displayName());
    }
    emit finished(code, description);
}

void LocalPtySession::closeMaster()
{
    if (m_reader)
        m_reader->stop();   // before the fd it reads is closed
    delete m_reader;
    m_reader = nullptr;
    delete m_writeNotifier;
    m_writeNotifier = nullptr;
    if (m_master >= 0) {
        ::close(m_master);
        m_master = -1;
    }
    m_pending.clear();
}

} // namespace Qwq::Terminal
