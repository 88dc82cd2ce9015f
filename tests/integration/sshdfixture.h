// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the integration tests: runs tests/fixtures/sshd.sh and small shell helpers.

#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

namespace QwqTest {

struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool ok() const { return exitCode == 0; }
};

/// Runs a program to completion (never longer than timeoutMs; killed then).
inline ProcessResult runProcess(const QString &program, const QStringList &args,
                                int timeoutMs = 30000, const QProcessEnvironment &env = {},
                                const QByteArray &stdinData = {})
{
    QProcess p;
    if (!env.isEmpty())
        p.setProcessEnvironment(env);
    p.start(program, args);
    ProcessResult r;
    if (!p.waitForStarted(5000)) {
        r.err = p.errorString().toUtf8();
        return r;
    }
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(2000);
        r.err = "timed out: " + p.readAllStandardError();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

inline ProcessResult sh(const QString &script, int timeoutMs = 30000)
{
    return runProcess(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script}, timeoutMs);
}

inline QByteArray fileSha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

inline QByteArray readAll(const QString &path, qint64 from = 0)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    f.seek(from);
    return f.readAll();
}

/// A private sshd on loopback (tests/fixtures/sshd.sh) in its own temporary directory.
class SshdFixture
{
public:
    static constexpr char kPassword[] = "qwq-test-pw";
    static constexpr char kPassphrase[] = "secret-pass";

    /// Starts the server; returns an empty string or what went wrong.
    QString start()
    {
        if (!m_dir.isValid())
            return QStringLiteral("no temporary directory");
        const ProcessResult r = script(QStringLiteral("start"));
        if (!r.ok())
            return QString::fromUtf8(r.err);
        const QList<QByteArray> lines = readAll(path(QStringLiteral("env"))).split('\n');
        for (const QByteArray &l : lines) {
            const qsizetype eq = l.indexOf('=');
            if (eq > 0)
                m_env.insert(QString::fromUtf8(l.left(eq)), QString::fromUtf8(l.mid(eq + 1)));
        }
        port = quint16(m_env.value(QStringLiteral("SSHD_PORT")).toUInt());
        return port ? QString() : QStringLiteral("sshd.sh wrote no port");
    }
    ProcessResult stop() { return script(QStringLiteral("stop")); }
    ProcessResult rekey() { return script(QStringLiteral("rekey")); }

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString dir() const { return m_dir.path(); }
    QString key() const { return path(QStringLiteral("id_ed25519")); }
    QString keyWithPassphrase() const { return path(QStringLiteral("id_ed25519_pw")); }
    QString otherKey() const { return path(QStringLiteral("id_other")); }
    QString logFile() const { return path(QStringLiteral("sshd.log")); }
    qint64 masterPid() const { return readAll(path(QStringLiteral("sshd.pid"))).trimmed().toLongLong(); }

    /// "SHA256:…" of the current host key, as ssh-keygen prints it.
    QString hostKeyFingerprint() const
    {
        const ProcessResult r = runProcess(QStringLiteral("ssh-keygen"),
                                           {QStringLiteral("-lf"),
                                            path(QStringLiteral("ssh_host_ed25519_key.pub"))});
        return QString::fromUtf8(r.out).split(QLatin1Char(' ')).value(1);
    }

    /// Kills every per-connection process of this server (not the listener, not other servers).
    void killSessions() const
    {
        // The [priv] monitor and its unprivileged child both hold the socket: collect the
        // whole tree first, then kill it, so the client sees the TCP connection go.
        sh(QStringLiteral("all=; next=%1; while [ -n \"$next\" ]; do kids=; "
                          "for p in $next; do kids=\"$kids $(ps -o pid= --ppid $p)\"; done; "
                          "all=\"$all $kids\"; next=$(echo $kids); done; "
                          "[ -z \"$(echo $all)\" ] || kill -KILL $all")
               .arg(masterPid()));
    }

    quint16 port = 0;

private:
    ProcessResult script(const QString &cmd)
    {
        return runProcess(QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/sshd.sh"),
                          {cmd, m_dir.path()}, 60000);
    }

    QTemporaryDir m_dir{QStringLiteral("/tmp/qwq-sshd-XXXXXX")};
    QHash<QString, QString> m_env;
};

} // namespace QwqTest
