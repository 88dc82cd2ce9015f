// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ttyprompt.h"

#include "apptr.h"

#include <QPromise>
#include <QRegularExpression>

#include <cstdio>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace Qwq::App {

namespace {

// Server text goes to the terminal without control characters (no escape sequences).
QByteArray printable(const QString &s)
{
    QString t = s;
    t.remove(QRegularExpression(QStringLiteral("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f]")));
    return t.toUtf8();
}

std::optional<QString> readLine(int fd, bool echo)
{
    termios saved{};
    const bool isTty = tcgetattr(fd, &saved) == 0;
    if (isTty && !echo) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(fd, TCSANOW, &quiet);
    }
    QByteArray line;
    char c = 0;
    bool eof = true;
    while (::read(fd, &c, 1) == 1) {
        eof = false;
        if (c == '\n' || c == '\r')
            break;
        line.append(c);
    }
    if (isTty && !echo) {
        tcsetattr(fd, TCSANOW, &saved);
        [[maybe_unused]] auto n = ::write(fd, "\n", 1);
    }
    if (eof)
        return std::nullopt;
    return QString::fromUtf8(line);
}

} // namespace

bool haveTerminal()
{
    const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return false;
    ::close(fd);
    return true;
}

QFuture<std::optional<Helper::CredentialAnswer>> askOnTerminal(const Helper::CredentialRequest &request)
{
    QPromise<std::optional<Helper::CredentialAnswer>> promise;
    promise.start();
    std::optional<Helper::CredentialAnswer> result;
    const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (fd >= 0) {
        auto say = [fd](const QByteArray &text) {
            [[maybe_unused]] auto n = ::write(fd, text.constData(), size_t(text.size()));
        };
        QString heading;
        switch (request.kind) {
        case Helper::CredentialRequest::Kind::SudoPassword:
            heading = Tr::tr("sudo on %1 asks for the password of %2.").arg(request.serverName, request.account);
            break;
        default:
            heading = Tr::tr("%1 asks for the following to log in as %2.").arg(request.serverName, request.account);
            break;
        }
        say(printable(heading) + '\n');
        if (!request.instruction.trimmed().isEmpty())
            say(printable(request.instruction.trimmed()) + '\n');
        Helper::CredentialAnswer a;
        bool ok = true;
        for (const auto &f : request.fields) {
            const QByteArray text = printable(f.text.isEmpty() ? Tr::tr("Answer:") : f.text);
            say(text.endsWith(' ') ? text : text + ' ');
            const auto v = readLine(fd, f.echo);
            if (!v) {
                ok = false;
                break;
            }
            a.values.append(*v);
        }
        ::close(fd);
        if (ok)
            result = a;
    }
    promise.addResult(result);
    promise.finish();
    return promise.future();
}

} // namespace Qwq::App
