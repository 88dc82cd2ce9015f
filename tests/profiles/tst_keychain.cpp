// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Runs inside a private D-Bus session with an unlocked gnome-keyring (fixtures/with-keyring.sh).
#include <profiles/core/secretstore.h>

#include <QFuture>
#include <QtTest>

using namespace Qwq;
using namespace Qwq::Profiles;

namespace {
template<typename T>
T await(QFuture<T> f, int timeoutMs = 20000)
{
    QElapsedTimer t;
    t.start();
    while (!f.isFinished() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    if (!f.isFinished())
        qFatal("keychain job did not finish in %d ms", timeoutMs);
    return f.result();
}
} // namespace

class tst_Keychain : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QFAIL("no D-Bus session: run through tests/fixtures/with-keyring.sh");
    }

    void writeReadRemove()
    {
        SecretStore store(QStringLiteral("qwq-test"));
        const QString key = SecretStore::passwordKey(QStringLiteral("p1"));
        QVERIFY(await(store.write(key, QStringLiteral("s3cret-密码"))).ok());
        const auto r = await(store.read(key));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(*r, QStringLiteral("s3cret-密码"));
        QVERIFY(await(store.write(key, QStringLiteral("changed"))).ok());
        QCOMPARE(*await(store.read(key)), QStringLiteral("changed"));
        QVERIFY(await(store.remove(key)).ok());
        const auto gone = await(store.read(key));
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().code, ErrorCode::NotFound);
        QVERIFY(!gone.error().message.isEmpty());
        // Removing what is not there is not an error.
        QVERIFY(await(store.remove(key)).ok());
    }

    void secretsAreSeparatedPerProfileAndKind()
    {
        SecretStore store(QStringLiteral("qwq-test"));
        QVERIFY(await(store.write(SecretStore::passwordKey(QStringLiteral("a")), QStringLiteral("pa"))).ok());
        QVERIFY(await(store.write(SecretStore::sudoKey(QStringLiteral("a")), QStringLiteral("sa"))).ok());
        QVERIFY(await(store.write(SecretStore::passwordKey(QStringLiteral("b")), QStringLiteral("pb"))).ok());
        QCOMPARE(*await(store.read(SecretStore::passwordKey(QStringLiteral("a")))), QStringLiteral("pa"));
        QCOMPARE(*await(store.read(SecretStore::sudoKey(QStringLiteral("a")))), QStringLiteral("sa"));
        QCOMPARE(*await(store.read(SecretStore::passwordKey(QStringLiteral("b")))), QStringLiteral("pb"));
        QVERIFY(!await(store.read(SecretStore::passphraseKey(QStringLiteral("a")))).ok());

        // Several at once (the profile and identity dialogs): all written, one answer.
        QVERIFY(await(store.writeAll({{SecretStore::passwordKey(QStringLiteral("c")), QStringLiteral("pc")},
                                      {SecretStore::passphraseKey(QStringLiteral("c")), QStringLiteral("kc")}}))
                    .ok());
        QCOMPARE(*await(store.read(SecretStore::passwordKey(QStringLiteral("c")))), QStringLiteral("pc"));
        QCOMPARE(*await(store.read(SecretStore::passphraseKey(QStringLiteral("c")))), QStringLiteral("kc"));
        QVERIFY(await(store.writeAll({})).ok());
    }

    void nothingIsWrittenToDisk()
    {
        // The secret must not appear in any file under HOME (no plain-text fallback).
        SecretStore store(QStringLiteral("qwq-test"));
        QVERIFY(await(store.write(QStringLiteral("disk/check"), QStringLiteral("needle-7c1e"))).ok());
        QDirIterator it(QDir::homePath() + QStringLiteral("/.config"), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly))
                QVERIFY2(!f.readAll().contains("needle-7c1e"), qPrintable(f.fileName()));
        }
    }
};

QTEST_GUILESS_MAIN(tst_Keychain)
#include "tst_keychain.moc"
