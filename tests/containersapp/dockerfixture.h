// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// A private dockerd for the app-side containers tests (tests/fixtures/dockerd.sh): started
// once per test executable, stopped by PID at the end. Every helper started afterwards finds
// it through DOCKER_HOST.
#pragma once

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace ContainersAppTest {

class DockerFixture
{
public:
    /// Empty on success, else why the tests must skip ("SKIP: …") or fail.
    QString start()
    {
        if (!m_dir.isValid())
            return QStringLiteral("no temporary directory");
        QProcess fixture;
        fixture.setProcessChannelMode(QProcess::MergedChannels);
        fixture.start(QStringLiteral("bash"), {QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/dockerd.sh"),
                                               QStringLiteral("start"), m_dir.path()});
        if (!fixture.waitForFinished(180000))
            return QStringLiteral("the dockerd fixture did not finish");
        const QByteArray output = fixture.readAll();
        if (fixture.exitCode() == 77) {
            m_skip = true;
            return QStringLiteral("SKIP: ") + QString::fromUtf8(output.trimmed());
        }
        if (fixture.exitCode() != 0)
            return QString::fromUtf8(output);
        QFile env(m_dir.filePath(QStringLiteral("env")));
        if (!env.open(QIODevice::ReadOnly))
            return QStringLiteral("the fixture wrote no env file");
        for (const QByteArray &line : env.readAll().split('\n')) {
            if (line.startsWith("DOCKER_SOCK="))
                m_socket = QString::fromUtf8(line.mid(12));
            else if (line.startsWith("TEST_IMAGE="))
                m_image = QString::fromUtf8(line.mid(11));
        }
        if (m_socket.isEmpty() || m_image.isEmpty())
            return QStringLiteral("the fixture's env file is incomplete");
        qputenv("DOCKER_HOST", ("unix://" + m_socket).toUtf8());
        return {};
    }

    void stop()
    {
        if (m_socket.isEmpty())
            return;
        QProcess fixture;
        fixture.start(QStringLiteral("bash"), {QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/dockerd.sh"),
                                               QStringLiteral("stop"), m_dir.path()});
        fixture.waitForFinished(60000);
        m_socket.clear();
    }

    /// `docker -H unix://SOCKET ARGS…`, stdout trimmed; "<failed>" (and a warning) on failure.
    QByteArray docker(const QStringList &args, int timeoutMs = 60000) const
    {
        QProcess p;
        const QString cli = QFile::exists(QStringLiteral("/usr/bin/docker")) ? QStringLiteral("/usr/bin/docker")
                                                                             : QStringLiteral("docker");
        p.start(cli, QStringList{QStringLiteral("-H"), QStringLiteral("unix://") + m_socket} + args);
        if (!p.waitForFinished(timeoutMs) || p.exitCode() != 0) {
            qWarning() << "docker" << args << "failed:" << p.readAllStandardError();
            return QByteArray("<failed>");
        }
        return p.readAllStandardOutput().trimmed();
    }

    /// A container running `sh -c script` (init, so stop is quick); returns its id.
    QString run(const QString &name, const QString &script, const QStringList &extra = {}) const
    {
        return QString::fromUtf8(docker(QStringList{QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--init"),
                                                    QStringLiteral("--name"), name}
                                        + extra + QStringList{m_image, QStringLiteral("sh"), QStringLiteral("-c"), script}));
    }

    QString socket() const { return m_socket; }
    QString image() const { return m_image; }
    bool skipped() const { return m_skip; }

private:
    QTemporaryDir m_dir{QStringLiteral("/tmp/qwq-dockapp-XXXXXX")};
    QString m_socket;
    QString m_image;
    bool m_skip = false;
};

} // namespace ContainersAppTest
