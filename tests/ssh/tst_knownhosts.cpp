// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <ssh/core/knownhosts.h>

#include <QFile>
#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qwq;
using namespace Qwq::Ssh;

namespace {
// Two fixed ed25519 key blobs (any bytes do for matching; fingerprints are checked apart).
const QByteArray KeyA = "AAAAC3NzaC1lZDI1NTE5AAAAIHnB3cPD5n3Q4WcH2kCqZ2yKj5o0r7Q0kq7m0fW9t1xA";
const QByteArray KeyB = "AAAAC3NzaC1lZDI1NTE5AAAAIBqN2pS1k8l7oP9xg0sR3aW5vYx2c9dJ7n3kq1M8u0pE";

void writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

QByteArray hashedName(const QString &name, const QByteArray &salt)
{
    const QByteArray mac = QMessageAuthenticationCode::hash(name.toUtf8(), salt,
                                                            QCryptographicHash::Sha1);
    return "|1|" + salt.toBase64() + '|' + mac.toBase64();
}
} // namespace

class tst_KnownHosts final : public QObject
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void unknownWhenNoFiles()
    {
        KnownHosts kh(m_dir.filePath(QStringLiteral("none")), m_dir.filePath(QStringLiteral("none2")));
        QCOMPARE(kh.check(QStringLiteral("h"), 22, QStringLiteral("ssh-ed25519"), KeyA),
                 KnownHosts::Match::Unknown);
    }

    void plainEntries()
    {
        const QString user = m_dir.filePath(QStringLiteral("user_plain"));
        writeFile(user, "# comment\n\nexample.org,10.0.0.1 ssh-ed25519 " + KeyA + " c\n"
                        "[example.org]:2222 ssh-ed25519 " + KeyB + "\n");
        KnownHosts kh(m_dir.filePath(QStringLiteral("qwq_plain")), user);
        const QString t = QStringLiteral("ssh-ed25519");
        QCOMPARE(kh.check(QStringLiteral("example.org"), 22, t, KeyA), KnownHosts::Match::Known);
        QCOMPARE(kh.check(QStringLiteral("EXAMPLE.org"), 22, t, KeyA), KnownHosts::Match::Known);
        QCOMPARE(kh.check(QStringLiteral("10.0.0.1"), 22, t, KeyA), KnownHosts::Match::Known);
        // Port 2222 has its own entry, and port 22's entry does not cover it.
        QCOMPARE(kh.check(QStringLiteral("example.org"), 2222, t, KeyB), KnownHosts::Match::Known);
        QString fp;
        QCOMPARE(kh.check(QStringLiteral("example.org"), 2222, t, KeyA, &fp), KnownHosts::Match::Changed);
        QCOMPARE(fp, KnownHosts::sha256Fingerprint(QByteArray::fromBase64(KeyB)));
        QCOMPARE(kh.check(QStringLiteral("example.org"), 2200, t, KeyA), KnownHosts::Match::Unknown);
        // Only another key type known: unknown, as OpenSSH treats it.
        QCOMPARE(kh.check(QStringLiteral("example.org"), 22, QStringLiteral("ssh-rsa"), KeyB),
                 KnownHosts::Match::Unknown);
    }

    void wildcardsNegationAndMarkers()
    {
        const QString user = m_dir.filePath(QStringLiteral("user_wild"));
        writeFile(user, "*.corp,!bad.corp ssh-ed25519 " + KeyA + "\n"
                        "@cert-authority *.corp ssh-ed25519 " + KeyB + "\n"
                        "@revoked * ssh-ed25519 " + KeyB + "\n");
        KnownHosts kh(QString(), user);
        const QString t = QStringLiteral("ssh-ed25519");
        QCOMPARE(kh.check(QStringLiteral("a.corp"), 22, t, KeyA), KnownHosts::Match::Known);
        QCOMPARE(kh.check(QStringLiteral("bad.corp"), 22, t, KeyA), KnownHosts::Match::Unknown);
        QCOMPARE(kh.check(QStringLiteral("x.corp"), 22, t, KeyB), KnownHosts::Match::Changed);
    }

    void hashedEntries()
    {
        const QString user = m_dir.filePath(QStringLiteral("user_hashed"));
        writeFile(user, hashedName(QStringLiteral("h.example"), "0123456789abcdefghij") + " ssh-ed25519 " + KeyA + "\n"
                        + hashedName(QStringLiteral("[h.example]:2022"), "jihgfedcba9876543210") + " ssh-ed25519 " + KeyB + "\n");
        KnownHosts kh(m_dir.filePath(QStringLiteral("qwq_hashed")), user);
        const QString t = QStringLiteral("ssh-ed25519");
        QCOMPARE(kh.check(QStringLiteral("h.example"), 22, t, KeyA), KnownHosts::Match::Known);
        QCOMPARE(kh.check(QStringLiteral("h.example"), 22, t, KeyB), KnownHosts::Match::Changed);
        QCOMPARE(kh.check(QStringLiteral("h.example"), 2022, t, KeyB), KnownHosts::Match::Known);
        QCOMPARE(kh.check(QStringLiteral("other"), 22, t, KeyA), KnownHosts::Match::Unknown);
    }

    void hashedByOpenSsh()
    {
        // ssh-keygen -H writes the hashed form qwq must read.
        const QString f = m_dir.filePath(QStringLiteral("openssh_hashed"));
        writeFile(f, "[srv.example]:2200 ssh-ed25519 " + KeyA + "\n");
        QProcess p;
        p.start(QStringLiteral("ssh-keygen"), {QStringLiteral("-H"), QStringLiteral("-f"), f});
        if (!p.waitForFinished(10000) || p.exitCode() != 0)
            QSKIP("ssh-keygen -H not available");
        QFile in(f);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QVERIFY(in.readAll().startsWith("|1|"));
        KnownHosts kh(QString(), f);
        QCOMPARE(kh.check(QStringLiteral("srv.example"), 2200, QStringLiteral("ssh-ed25519"), KeyA),
                 KnownHosts::Match::Known);
    }

    void acceptWritesAndReplaces()
    {
        const QString qwq = m_dir.filePath(QStringLiteral("sub/dir/known_hosts"));
        KnownHosts kh(qwq, m_dir.filePath(QStringLiteral("none")));
        HostKeyInfo k;
        k.host = QStringLiteral("srv");
        k.port = 2222;
        k.type = QStringLiteral("ssh-ed25519");
        k.publicKeyBase64 = KeyA;
        QVERIFY(kh.accept(k).ok());
        struct stat st = {};
        QCOMPARE(::stat(QFile::encodeName(qwq).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        QCOMPARE(kh.check(QStringLiteral("srv"), 2222, k.type, KeyA), KnownHosts::Match::Known);
        QCOMPARE(kh.check(QStringLiteral("srv"), 22, k.type, KeyA), KnownHosts::Match::Unknown);

        // Another host stays; the same host+port+type is replaced, not duplicated.
        HostKeyInfo other = k;
        other.host = QStringLiteral("other");
        QVERIFY(kh.accept(other).ok());
        k.publicKeyBase64 = KeyB;
        QVERIFY(kh.accept(k).ok());
        QCOMPARE(kh.check(QStringLiteral("srv"), 2222, k.type, KeyB), KnownHosts::Match::Known);
        QCOMPARE(kh.check(QStringLiteral("srv"), 2222, k.type, KeyA), KnownHosts::Match::Changed);
        QCOMPARE(kh.check(QStringLiteral("other"), 2222, k.type, KeyA), KnownHosts::Match::Known);
        QFile f(qwq);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QCOMPARE(text.count("[srv]:2222"), 1);
        QCOMPARE(text.count('\n'), 2);
    }

    void acceptRejectsIncompleteKey()
    {
        KnownHosts kh(m_dir.filePath(QStringLiteral("kh_incomplete")), QString());
        const Result<void> r = kh.accept(HostKeyInfo{});
        QVERIFY(!r.ok());
        QVERIFY(!r.error().message.isEmpty());
    }

    void fingerprintMatchesSshKeygen()
    {
        const QString key = m_dir.filePath(QStringLiteral("fpkey"));
        QProcess gen;
        gen.start(QStringLiteral("ssh-keygen"), {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                                                 QStringLiteral("-N"), QString(), QStringLiteral("-f"), key});
        if (!gen.waitForFinished(10000) || gen.exitCode() != 0)
            QSKIP("ssh-keygen not available");
        QProcess lf;
        lf.start(QStringLiteral("ssh-keygen"), {QStringLiteral("-lf"), key + QStringLiteral(".pub")});
        QVERIFY(lf.waitForFinished(10000));
        const QByteArray expected = lf.readAllStandardOutput().split(' ').value(1);
        QFile pub(key + QStringLiteral(".pub"));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        const QByteArray blob = QByteArray::fromBase64(pub.readAll().split(' ').value(1));
        QCOMPARE(KnownHosts::sha256Fingerprint(blob), QString::fromLatin1(expected));
    }

private:
    QTemporaryDir m_dir;
};

int runKnownHostsTests(int argc, char **argv)
{
    tst_KnownHosts t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_knownhosts.moc"
