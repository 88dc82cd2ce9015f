// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// backups.* through the real qwq-helper over a pipe: round trips compared byte for byte,
// excludes, encryption (keys made with the openssl command), damage, retention, full and
// read-only destinations (tmpfs mounts, as root), a restore whose helper is killed, cancel,
// and a forged snapshot whose entries try to leave the target.
#include "helperprocess.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zstd.h>

using namespace ProtocolTest;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

void writeFile(const QString &path, const QByteArray &content, int mode = 0644)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    f.write(content);
    f.close();
    ::chmod(QFile::encodeName(path).constData(), mode);
}

QByteArray randomBytes(qsizetype size)
{
    QByteArray b(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(b.data()), size / 4);
    return b;
}

void writeRandomFile(const QString &path, qint64 size)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    for (qint64 done = 0; done < size; done += 1 << 20)
        f.write(randomBytes(std::min<qint64>(1 << 20, size - done)));
}

bool run(const QString &program, const QStringList &args, QByteArray *out = nullptr)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000))
        return false;
    if (out)
        *out = p.readAllStandardOutput();
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// Every entry below `root`: relative path -> "type mode size mtime sha256|target".
QMap<QString, QString> describeTree(const QString &root)
{
    QMap<QString, QString> tree;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        struct stat st{};
        if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
            continue;
        QString d = QString::number(st.st_mode & 07777, 8) + QLatin1Char(' ');
        if (S_ISLNK(st.st_mode)) {
            char buf[4096];
            const ssize_t n = ::readlink(QFile::encodeName(path).constData(), buf, sizeof buf);
            d = QStringLiteral("link ") + QString::fromUtf8(buf, int(n));
        } else if (S_ISDIR(st.st_mode)) {
            d += QStringLiteral("dir ") + QString::number(st.st_mtim.tv_sec);
        } else {
            QFile f(path);
            f.open(QIODevice::ReadOnly);
            QCryptographicHash h(QCryptographicHash::Sha256);
            h.addData(&f);
            d += QStringLiteral("file %1 %2 %3").arg(st.st_size).arg(st.st_mtim.tv_sec).arg(
                QString::fromLatin1(h.result().toHex()));
        }
        tree.insert(path.mid(root.size()), d);
    }
    return tree;
}

struct KeyPair
{
    QString publicKey;  // base64 raw
    QString privateKey; // base64 raw
};

KeyPair makeKeyPair(const QString &dir)
{
    const QString pem = dir + QStringLiteral("/key.pem");
    QByteArray priv, pub;
    if (!run(QStringLiteral("openssl"), {QStringLiteral("genpkey"), QStringLiteral("-algorithm"),
                                         QStringLiteral("X25519"), QStringLiteral("-out"), pem})
        || !run(QStringLiteral("openssl"), {QStringLiteral("pkey"), QStringLiteral("-in"), pem,
                                            QStringLiteral("-outform"), QStringLiteral("DER")}, &priv)
        || !run(QStringLiteral("openssl"), {QStringLiteral("pkey"), QStringLiteral("-in"), pem,
                                            QStringLiteral("-pubout"), QStringLiteral("-outform"),
                                            QStringLiteral("DER")}, &pub))
        return {};
    QFile::remove(pem);
    // PKCS#8 and SubjectPublicKeyInfo DER both end with the 32 raw bytes.
    return {QString::fromLatin1(pub.right(32).toBase64()), QString::fromLatin1(priv.right(32).toBase64())};
}

class Session
{
public:
    Session() { m_helper.initialize(); }
    Helper &helper() { return m_helper; }

    QJsonObject call(const QString &method, const QJsonObject &params, int timeoutMs = 120000)
    {
        const int id = ++m_id;
        QJsonObject request{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                            {QStringLiteral("id"), id},
                            {QStringLiteral("method"), method},
                            {QStringLiteral("params"), params}};
        m_helper.send(QJsonDocument(request).toJson(QJsonDocument::Compact));
        return m_helper.response(id, timeoutMs);
    }
    int send(const QString &method, const QJsonObject &params)
    {
        const int id = ++m_id;
        QJsonObject request{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                            {QStringLiteral("id"), id},
                            {QStringLiteral("method"), method},
                            {QStringLiteral("params"), params}};
        m_helper.send(QJsonDocument(request).toJson(QJsonDocument::Compact));
        return id;
    }
    // Waits for a progress notification of request `id` in `phase`.
    bool waitProgress(int id, const QString &phase, int timeoutMs = 60000)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            for (const auto &n : m_helper.notifications) {
                const QJsonObject p = n.value(QLatin1String("params")).toObject();
                if (p.value(QLatin1String("id")).toInt() == id
                    && p.value(QLatin1String("data")).toObject().value(QLatin1String("progress"))
                               .toObject().value(QLatin1String("phase")).toString() == phase)
                    return true;
            }
            const QJsonObject m = m_helper.next(200);
            if (!m.isEmpty() && !m.contains(QLatin1String("id")))
                m_helper.notifications.append(m);
            else if (!m.isEmpty())
                m_helper.others.append(m);
        }
        return false;
    }

private:
    Helper m_helper;
    int m_id = 0;
};

QJsonObject dest(const QString &dir)
{
    return {{QStringLiteral("dir"), dir}};
}

QJsonArray sourceList(const QString &path, const QStringList &excludes = {})
{
    return {QJsonObject{{QStringLiteral("path"), path},
                        {QStringLiteral("excludes"), QJsonArray::fromStringList(excludes)}}};
}

QStringList dirEntries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

bool isRoot()
{
    return ::geteuid() == 0;
}

} // namespace

class tst_HelperBackups : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip();
    void restoreSelectedPaths();
    void encryptedRoundTrip();
    void flippedByte();
    void retention();
    void readOnlyDestination();
    void fullDestination();
    void killedRestore();
    void cancelCreate();
    void invalidParams();
    void forgedSnapshot();
    void cleanupTestCase();

private:
    QString m_root;
    QString m_src;
    QTemporaryDir m_tmp{QDir::tempPath() + QStringLiteral("/qwq-tst-backups-XXXXXX")};
    QStringList m_mounts;
};

void tst_HelperBackups::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_root = m_tmp.path();
    m_src = m_root + QStringLiteral("/src");
    writeFile(m_src + QStringLiteral("/a.txt"), QByteArray("hello backups\n").repeated(1000));
    writeFile(m_src + QStringLiteral("/empty"), QByteArray());
    writeFile(m_src + QStringLiteral("/private.key"), "secret", 0600);
    writeFile(m_src + QStringLiteral("/script.sh"), "#!/bin/sh\necho hi\n", 0755);
    writeFile(m_src + QStringLiteral("/readonly"), "ro", 0444);
    writeFile(m_src + s("/dir/sub/ünïcødé 中文.txt"), "unicode name\n");
    writeFile(m_src + QStringLiteral("/dir/.hidden"), "hidden\n");
    writeFile(m_src + QStringLiteral("/skip.log"), "excluded by name\n");
    writeFile(m_src + QStringLiteral("/cache/tmp/x"), "excluded by path\n");
    writeFile(m_src + QStringLiteral("/cache/keep"), "kept\n");
    writeRandomFile(m_src + QStringLiteral("/random.bin"), 3 << 20);
    ::chmod(QFile::encodeName(m_src + QStringLiteral("/dir/sub")).constData(), 0750);
    QVERIFY(QFile::link(QStringLiteral("a.txt"), m_src + QStringLiteral("/link-rel")));
    QVERIFY(QFile::link(QStringLiteral("/etc/hostname"), m_src + QStringLiteral("/link-abs")));
    QVERIFY(QFile::link(QStringLiteral("dir/sub"), m_src + QStringLiteral("/link-dir")));
    // A name that is not UTF-8 (names are bytes on Linux).
    QDir().mkpath(m_src + QStringLiteral("/raw"));
    const QByteArray rawName = QFile::encodeName(m_src) + "/raw/bad\xff\xfename";
    const int rawFd = ::open(rawName.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0640);
    QVERIFY(rawFd >= 0);
    QCOMPARE(::write(rawFd, "raw\n", 4), ssize_t(4));
    ::close(rawFd);
    // > 100 MB: mostly a hole with random data at both ends.
    {
        QFile big(m_src + QStringLiteral("/big.sparse"));
        QVERIFY(big.open(QIODevice::WriteOnly));
        big.write(randomBytes(1 << 20));
        big.seek(110LL << 20);
        big.write(randomBytes(1 << 20));
    }
    const timespec times[2] = {{1700000000, 0}, {1700000000, 123456789}};
    ::utimensat(AT_FDCWD, QFile::encodeName(m_src + QStringLiteral("/a.txt")).constData(), times, 0);
}

void tst_HelperBackups::roundTrip()
{
    Session session;
    const QString d = m_root + QStringLiteral("/dest-plain");
    const QJsonObject created = session.call(QStringLiteral("backups.create"),
        {{QStringLiteral("sources"), sourceList(m_src, {QStringLiteral("*.log"), QStringLiteral("cache/tmp")})},
         {QStringLiteral("destination"), dest(d)},
         {QStringLiteral("policy"), QStringLiteral("plain")}});
    QVERIFY2(created.contains(QLatin1String("result")), QJsonDocument(created).toJson());
    const QJsonObject r = result(created);
    const QString id = r.value(QLatin1String("snapshot")).toString();
    QVERIFY(id.startsWith(QLatin1String("plain-")));
    QVERIFY(r.value(QLatin1String("bytes")).toDouble() > 110 * 1048576.0);
    QVERIFY(r.value(QLatin1String("size")).toDouble() < 12 * 1048576.0); // the hole compresses
    QCOMPARE(dirEntries(d), QStringList{id + QStringLiteral(".qwqbackup")});
    bool sawProgress = false;
    for (const auto &n : session.helper().notifications)
        sawProgress = sawProgress || n.value(QLatin1String("params")).toObject().value(QLatin1String("data"))
                                         .toObject().contains(QLatin1String("progress"));
    QVERIFY(sawProgress);

    const QJsonObject list = result(session.call(QStringLiteral("backups.list"), {{QStringLiteral("destination"), dest(d)}}));
    const QJsonArray snaps = list.value(QLatin1String("snapshots")).toArray();
    QCOMPARE(snaps.size(), 1);
    QCOMPARE(snaps[0].toObject().value(QLatin1String("encrypted")).toBool(), false);
    QCOMPARE(snaps[0].toObject().value(QLatin1String("policy")).toString(), QStringLiteral("plain"));

    const QJsonObject verified = session.call(QStringLiteral("backups.verify"),
        {{QStringLiteral("destination"), dest(d)}, {QStringLiteral("snapshot"), id}});
    QVERIFY2(result(verified).value(QLatin1String("contentChecked")).toBool(), QJsonDocument(verified).toJson());

    const QString target = m_root + QStringLiteral("/restored");
    const QJsonObject restored = session.call(QStringLiteral("backups.restore"),
        {{QStringLiteral("destination"), dest(d)}, {QStringLiteral("snapshot"), id},
         {QStringLiteral("target"), target}});
    QVERIFY2(restored.contains(QLatin1String("result")), QJsonDocument(restored).toJson());
    auto expected = describeTree(m_src);
    expected.remove(QStringLiteral("/skip.log"));
    expected.remove(QStringLiteral("/cache/tmp"));
    expected.remove(QStringLiteral("/cache/tmp/x"));
    auto got = describeTree(target + m_src);
    // The excluded directory's parent changed mtime when cache/tmp was made; compare the rest.
    expected.remove(QStringLiteral("/cache"));
    got.remove(QStringLiteral("/cache"));
    QCOMPARE(got, expected);
    QVERIFY(!QFileInfo::exists(target + m_src + QStringLiteral("/skip.log")));
    struct stat raw{};
    QCOMPARE(::lstat(QByteArray(QFile::encodeName(target + m_src) + "/raw/bad\xff\xfename").constData(), &raw), 0);
    QCOMPARE(raw.st_size, off_t(4));
    QCOMPARE(raw.st_mode & 07777, mode_t(0640));
    // Sparse on the way back: the 110 MB file takes about 2 MB on disk.
    struct stat st{};
    QCOMPARE(::stat(QFile::encodeName(target + m_src + QStringLiteral("/big.sparse")).constData(), &st), 0);
    QVERIFY(st.st_blocks * 512 < 16LL << 20);
    QCOMPARE(dirEntries(QFileInfo(target + m_src).path()), QStringList{QStringLiteral("src")});
}

void tst_HelperBackups::restoreSelectedPaths()
{
    Session session;
    const QString d = m_root + QStringLiteral("/dest-sel");
    const QJsonObject created = session.call(QStringLiteral("backups.create"),
        {{QStringLiteral("sources"), sourceList(m_src, {QStringLiteral("big.sparse")})},
         {QStringLiteral("destination"), dest(d)}, {QStringLiteral("policy"), QStringLiteral("sel")}});
    const QString id = result(created).value(QLatin1String("snapshot")).toString();
    QVERIFY(!id.isEmpty());
    // Over existing data: only the selected paths are replaced, the rest stays as it is.
    const QString target = m_root + QStringLiteral("/seltarget");
    writeFile(target + m_src + QStringLiteral("/a.txt"), "changed since");
    writeFile(target + m_src + QStringLiteral("/local-only"), "not in the snapshot");
    const QJsonObject restored = session.call(QStringLiteral("backups.restore"),
        {{QStringLiteral("destination"), dest(d)}, {QStringLiteral("snapshot"), id},
         {QStringLiteral("target"), target},
         {QStringLiteral("paths"), QJsonArray{QString(m_src + QStringLiteral("/a.txt")), QString(m_src + QStringLiteral("/dir"))}},
         {QStringLiteral("keepSafetyCopy"), true}});
    QVERIFY2(restored.contains(QLatin1String("result")), QJsonDocument(restored).toJson());
    QFile a(target + m_src + QStringLiteral("/a.txt"));
    QVERIFY(a.open(QIODevice::ReadOnly));
    QCOMPARE(a.readAll(), QByteArray("hello backups\n").repeated(1000));
    QVERIFY(QFileInfo::exists(target + m_src + QStringLiteral("/local-only")));
    QVERIFY(QFileInfo::exists(target + m_src + s("/dir/sub/ünïcødé 中文.txt")));
    QVERIFY(!QFileInfo::exists(target + m_src + QStringLiteral("/random.bin")));
    const QJsonArray units = result(restored).value(QLatin1String("restored")).toArray();
    QCOMPARE(units.size(), 2);
    const QString safety = units[0].toObject().value(QLatin1String("safetyCopy")).toString();
    QVERIFY2(!safety.isEmpty(), QJsonDocument(restored).toJson());
    QFile old(safety);
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArray("changed since"));
    // A path the snapshot does not hold.
    const QJsonObject missing = session.call(QStringLiteral("backups.restore"),
        {{QStringLiteral("destination"), dest(d)}, {QStringLiteral("snapshot"), id},
         {QStringLiteral("target"), target}, {QStringLiteral("paths"), QJsonArray{QString(m_src + QStringLiteral("/nope"))}}});
    QWQ_VERIFY_ERROR(missing, 7000);
    QCOMPARE(errorField(missing), QStringLiteral("paths"));
}

void tst_HelperBackups::encryptedRoundTrip()
{
    const KeyPair key = makeKeyPair(m_root);
    const KeyPair other = makeKeyPair(m_root);
    QVERIFY(!key.publicKey.isEmpty() && !other.privateKey.isEmpty());
    Session session;
    const QString d = m_root + QStringLiteral("/dest-enc");
    const QString src = m_root + QStringLiteral("/encsrc");
    QVERIFY(run(QStringLiteral("cp"), {QStringLiteral("-a"), m_src + QStringLiteral("/dir"), src}));
    writeRandomFile(src + QStringLiteral("/r.bin"), 5 << 20);
    const QJsonObject created = session.call(QStringLiteral("backups.create"),
        {{QStringLiteral("sources"), sourceList(src)}, {QStringLiteral("destination"), dest(d)},
         {QStringLiteral("policy"), QStringLiteral("enc")}, {QStringLiteral("recipientPublicKey"), key.publicKey}});
    const QString id = result(created).value(QLatin1String("snapshot")).toString();
    QVERIFY2(result(created).value(QLatin1String("encrypted")).toBool(), QJsonDocument(created).toJson());
    // The plain text is nowhere in the file.
    QFile f(d + QLatin1Char('/') + id + QStringLiteral(".qwqbackup"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray stored = f.readAll();
    QVERIFY(!stored.contains("unicode name"));
    QVERIFY(!stored.contains(QFile::encodeName(src)));

    const QJsonObject params{{QStringLiteral("destination"), dest(d)}, {QStringLiteral("snapshot"), id}};
    QJsonObject noKeyVerify = result(session.call(QStringLiteral("backups.verify"), params));
    QCOMPARE(noKeyVerify.value(QLatin1String("ok")).toBool(), true);
    QCOMPARE(noKeyVerify.value(QLatin1String("contentChecked")).toBool(), false);

    const QString target = m_root + QStringLiteral("/enc-restored");
    QJsonObject p = params;
    p.insert(QStringLiteral("target"), target);
    const QJsonObject noKey = session.call(QStringLiteral("backups.restore"), p);
    QWQ_VERIFY_ERROR(noKey, 7004);
    QCOMPARE(errorField(noKey), QStringLiteral("privateKey"));
    p.insert(QStringLiteral("privateKey"), other.privateKey);
    const QJsonObject wrong = session.call(QStringLiteral("backups.restore"), p);
    QWQ_VERIFY_ERROR(wrong, 7004);
    QVERIFY(!QFileInfo::exists(target));
    QJsonObject wrongVerify = params;
    wrongVerify.insert(QStringLiteral("privateKey"), other.privateKey);
    QWQ_VERIFY_ERROR(session.call(QStringLiteral("backups.verify"), wrongVerify), 7004);

    QJsonObject withKey = params;
    withKey.insert(QStringLiteral("privateKey"), key.privateKey);
    QVERIFY(result(session.call(QStringLiteral("backups.verify"), withKey)).value(QLatin1String("contentChecked")).toBool());
    p.insert(QStringLiteral("privateKey"), key.privateKey);
    const QJsonObject restored = session.call(QStringLiteral("backups.restore"), p);
    QVERIFY2(restored.contains(QLatin1String("result")), QJsonDocument(restored).toJson());
    QCOMPARE(describeTree(target + src), describeTree(src));

    // One flipped byte in the ciphertext: the chunk fails authentication and its hash.
    const QString copy = d + QLatin1Char('/') + id.left(id.size() - 1) + QStringLiteral("x.qwqbackup");
    QByteArray damaged = stored;
    damaged[damaged.size() / 2] = char(damaged[damaged.size() / 2] ^ 0x01);
    writeFile(copy, damaged);
    QJsonObject damagedParams = withKey;
    damagedParams.insert(QStringLiteral("snapshot"), QString(id.left(id.size() - 1) + QStringLiteral("x")));
    const QJsonObject bad = session.call(QStringLiteral("backups.verify"), damagedParams);
    QWQ_VERIFY_ERROR(bad, 7003);
    QVERIFY(bad.value(QLatin1String("error")).toObject().value(QLatin1String("data")).toObject().contains(QLatin1String("chunk")));
    QFile::remove(copy);
}

void tst_HelperBackups::flippedByte()
{
    Session session;
    const QString d = m_root + QStringLiteral("/dest-flip");
    const QString src = m_root + QStringLiteral("/flipsrc");
    writeFile(src + QStringLiteral("/one.txt"), QByteArray("first file\n").repeated(50000));
    writeRandomFile(src + QStringLiteral("/two.bin"), 4 << 20);
    const QJsonObject created = session.call(QStringLiteral("backups.create"),
        {{QStringLiteral("sources"), sourceList(src)}, {QStringLiteral("destination"), dest(d)},
         {QStringLiteral("policy"), QStringLiteral("flip")}});
    const QString id = result(created).value(QLatin1String("snapshot")).toString();
    QVERIFY(!id.isEmpty());
    QFile f(d + QLatin1Char('/') + id + QStringLiteral(".qwqbackup"));
    QVERIFY(f.open(QIODevice::ReadWrite));
    f.seek(f.size() / 2); // inside the random file's compressed bytes
    char c = 0;
    f.getChar(&c);
    f.seek(f.size() / 2);
    f.putChar(char(c ^ 0x20));
    f.close();

    const QJsonObject verify = session.call(QStringLiteral("backups.verify"),
        {{QStringLiteral("destination"), dest(d)}, {QStringLiteral("snapshot"), id}});
    QWQ_VERIFY_ERROR(verify, 7003);
    QVERIFY(verify.value(QLatin1String("error")).toObject().value(QLatin1String("data")).toObject().contains(QLatin1String("chunk")));

    // Restore in place over changed data: refused, and the data is left exactly as it was.
    writeFile(src + QStringLiteral("/one.txt"), "local change\n");
    writeFile(src + QStringLiteral("/new.txt"), "new\n");
    const auto before = describeTree(src);
    const QJsonObject restore = session.call(QStringLiteral("backups.restore"),
        {{QStringLiteral("destination"), dest(d)}, {QStringLiteral("snapshot"), id}});
    QWQ_VERIFY_ERROR(restore, 7003);
    QCOMPARE(describeTree(src), before);
    QCOMPARE(dirEntries(m_root).filter(QStringLiteral(".qwq-restore")), QStringList());
}

void tst_HelperBackups::retention()
{
    Session session;
    const QString d = m_root + QStringLiteral("/dest-prune");
    const QString src = m_root + QStringLiteral("/prunesrc");
    writeFile(src + QStringLiteral("/f"), "x");
    // 2026-01-01 .. : two a day for 10 days (00:00 and 12:00 UTC), then one in a later month.
    const qint64 day0 = 1767225600;
    QList<qint64> times;
    for (int dayIndex = 0; dayIndex < 10; ++dayIndex)
        times << day0 + dayIndex * 86400 << day0 + dayIndex * 86400 + 43200;
    times << day0 + 40 * 86400;
    QMap<qint64, QString> ids;
    for (qint64 t : times) {
        const QJsonObject c = session.call(QStringLiteral("backups.create"),
            {{QStringLiteral("sources"), sourceList(src)}, {QStringLiteral("destination"), dest(d)},
             {QStringLiteral("policy"), QStringLiteral("daily")}, {QStringLiteral("time"), t}});
        ids.insert(t, result(c).value(QLatin1String("snapshot")).toString());
        QVERIFY2(!ids.value(t).isEmpty(), QJsonDocument(c).toJson());
    }
    // Another policy in the same place is never touched.
    QVERIFY(!result(session.call(QStringLiteral("backups.create"),
        {{QStringLiteral("sources"), sourceList(src)}, {QStringLiteral("destination"), dest(d)},
         {QStringLiteral("policy"), QStringLiteral("other")}, {QStringLiteral("time"), day0}}))
                 .value(QLatin1String("snapshot")).toString().isEmpty());

    const QJsonObject prune{{QStringLiteral("destination"), dest(d)}, {QStringLiteral("policy"), QStringLiteral("daily")},
                            {QStringLiteral("keepLast"), 2}, {QStringLiteral("keepDaily"), 4},
                            {QStringLiteral("keepMonthly"), 2}};
    QJsonObject dry = prune;
    dry.insert(QStringLiteral("dryRun"), true);
    const QJsonObject plan = result(session.call(QStringLiteral("backups.prune"), dry));
    // Expected: last 2 = day+40 and day9 12:00; daily 4 = day+40, day9 12:00, day8 12:00, day7 12:00;
    // monthly 2 = day+40 (February), day9 12:00 (January's newest).
    QSet<QString> expectedKeep{ids.value(day0 + 40 * 86400), ids.value(day0 + 9 * 86400 + 43200),
                               ids.value(day0 + 8 * 86400 + 43200), ids.value(day0 + 7 * 86400 + 43200)};
    QSet<QString> keep, remove;
    for (const auto &k : plan.value(QLatin1String("keep")).toArray())
        keep.insert(k.toObject().value(QLatin1String("snapshot")).toString());
    for (const auto &k : plan.value(QLatin1String("remove")).toArray())
        remove.insert(k.toObject().value(QLatin1String("snapshot")).toString());
    QCOMPARE(keep, expectedKeep);
    QCOMPARE(remove.size(), times.size() - expectedKeep.size());
    QVERIFY(plan.value(QLatin1String("removed")).toArray().isEmpty());
    QCOMPARE(dirEntries(d).size(), times.size() + 1); // a dry run deletes nothing

    const QJsonObject done = result(session.call(QStringLiteral("backups.prune"), prune));
    QCOMPARE(done.value(QLatin1String("removed")).toArray().size(), remove.size());
    QSet<QString> left;
    for (const auto &sn : result(session.call(QStringLiteral("backups.list"), {{QStringLiteral("destination"), dest(d)},
                                                                          {QStringLiteral("policy"), QStringLiteral("daily")}}))
                              .value(QLatin1String("snapshots")).toArray())
        left.insert(sn.toObject().value(QLatin1String("snapshot")).toString());
    QCOMPARE(left, expectedKeep);
    QCOMPARE(dirEntries(d).size(), expectedKeep.size() + 1);
    QWQ_VERIFY_ERROR(session.call(QStringLiteral("backups.prune"),
        {{QStringLiteral("destination"), dest(d)}, {QStringLiteral("policy"), QStringLiteral("daily")}}), 1001);
}

void tst_HelperBackups::readOnlyDestination()
{
    if (!isRoot())
        QSKIP("needs root (mounts a read-only tmpfs)");
    const QString mnt = m_root + QStringLiteral("/ro");
    QDir().mkpath(mnt);
    QVERIFY(run(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                          QStringLiteral("ro,size=4m"), QStringLiteral("tmpfs"), mnt}));
    m_mounts << mnt;
    Session session;
    const QJsonObject r = session.call(QStringLiteral("backups.create"),
        {{QStringLiteral("sources"), sourceList(m_src + QStringLiteral("/dir"))},
         {QStringLiteral("destination"), dest(mnt)}, {QStringLiteral("policy"), QStringLiteral("ro")}});
    QWQ_VERIFY_ERROR(r, 7002);
    QCOMPARE(errorField(r), QStringLiteral("destination"));
    QCOMPARE(dirEntries(mnt), QStringList());
    const QJsonObject sub = session.call(QStringLiteral("backups.create"),
        {{QStringLiteral("sources"), sourceList(m_src + QStringLiteral("/dir"))},
         {QStringLiteral("destination"), dest(mnt + QStringLiteral("/sub"))}, {QStringLiteral("policy"), QStringLiteral("ro")}});
    QWQ_VERIFY_ERROR(sub, 7002);
}

void tst_HelperBackups::fullDestination()
{
    if (!isRoot())
        QSKIP("needs root (mounts a small tmpfs)");
    const QString mnt = m_root + QStringLiteral("/full");
    QDir().mkpath(mnt);
    QVERIFY(run(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                          QStringLiteral("size=4m"), QStringLiteral("tmpfs"), mnt}));
    m_mounts << mnt;
    Session session;
    // Too large by the estimate: refused before anything is written.
    const QString big = m_root + QStringLiteral("/fullsrc-big");
    writeRandomFile(big + QStringLiteral("/r.bin"), 5 << 20);
    const QJsonObject before = session.call(QStringLiteral("backups.create"),
        {{QStringLiteral("sources"), sourceList(big)}, {QStringLiteral("destination"), dest(mnt)},
         {QStringLiteral("policy"), QStringLiteral("full")}});
    QWQ_VERIFY_ERROR(before, 7001);
    QCOMPARE(errorField(before), QStringLiteral("destination"));
    QVERIFY(before.value(QLatin1String("error")).toObject().value(QLatin1String("data")).toObject().contains(QLatin1String("needed")));
    QCOMPARE(dirEntries(mnt), QStringList());

    // A well-compressed first snapshot makes the next estimate small, so the next one (random
    // data) runs out of space while writing: ENOSPC, reported, and no partial file.
    const QString zeros = m_root + QStringLiteral("/fullsrc-zeros");
    writeFile(zeros + QStringLiteral("/z"), QByteArray(2 << 20, '\0'));
    const QJsonObject first = session.call(QStringLiteral("backups.create"),
        {{QStringLiteral("sources"), sourceList(zeros)}, {QStringLiteral("destination"), dest(mnt)},
         {QStringLiteral("policy"), QStringLiteral("full")}});
    const QString firstId = result(first).value(QLatin1String("snapshot")).toString();
    QVERIFY2(!firstId.isEmpty(), QJsonDocument(first).toJson());
    writeRandomFile(zeros + QStringLiteral("/r.bin"), 5 << 20);
    const QJsonObject during = session.call(QStringLiteral("backups.create"),
        {{QStringLiteral("sources"), sourceList(zeros)}, {QStringLiteral("destination"), dest(mnt)},
         {QStringLiteral("policy"), QStringLiteral("full")}});
    QWQ_VERIFY_ERROR(during, 7001);
    QCOMPARE(errorField(during), QStringLiteral("destination"));
    QVERIFY2(during.value(QLatin1String("error")).toObject().value(QLatin1String("data")).toObject().contains(QLatin1String("errno")),
             QJsonDocument(during).toJson());
    QCOMPARE(dirEntries(mnt), QStringList{firstId + QStringLiteral(".qwqbackup")});
    QVERIFY(result(session.call(QStringLiteral("backups.verify"),
        {{QStringLiteral("destination"), dest(mnt)}, {QStringLiteral("snapshot"), firstId}})).value(QLatin1String("ok")).toBool());

    // Restoring into a place without room for it: 7001 naming the target.
    writeFile(mnt + QStringLiteral("/filler"), QByteArray(2 << 20, 'f'));
    const QJsonObject restore = session.call(QStringLiteral("backups.restore"),
        {{QStringLiteral("destination"), dest(mnt)}, {QStringLiteral("snapshot"), firstId},
         {QStringLiteral("target"), QString(mnt + QStringLiteral("/restore"))}});
    QWQ_VERIFY_ERROR(restore, 7001);
    QCOMPARE(errorField(restore), QStringLiteral("target"));
}

void tst_HelperBackups::killedRestore()
{
    const QString d = m_root + QStringLiteral("/dest-kill");
    const QString src = m_root + QStringLiteral("/killsrc");
    for (int i = 0; i < 6; ++i)
        writeRandomFile(src + QStringLiteral("/r%1.bin").arg(i), 64 << 20);
    QString id;
    {
        Session session;
        const QJsonObject c = session.call(QStringLiteral("backups.create"),
            {{QStringLiteral("sources"), sourceList(src)}, {QStringLiteral("destination"), dest(d)},
             {QStringLiteral("policy"), QStringLiteral("kill")}, {QStringLiteral("level"), 1}});
        id = result(c).value(QLatin1String("snapshot")).toString();
        QVERIFY2(!id.isEmpty(), QJsonDocument(c).toJson());
    }
    const auto snapshotTree = describeTree(src);
    writeFile(src + QStringLiteral("/local.txt"), "made after the snapshot\n");
    const auto before = describeTree(src);
    {
        Session session;
        const int rid = session.send(QStringLiteral("backups.restore"),
            {{QStringLiteral("destination"), dest(d)}, {QStringLiteral("snapshot"), id}});
        QVERIFY(session.waitProgress(rid, QStringLiteral("restore")));
        session.helper().process().kill(); // the connection drops mid-restore
        session.helper().process().waitForFinished(5000);
    }
    QCOMPARE(describeTree(src), before);
    QVERIFY(!dirEntries(m_root).filter(QStringLiteral(".qwq-restore-")).isEmpty()); // the stage stays...
    Session session;
    const QJsonObject again = session.call(QStringLiteral("backups.restore"),
        {{QStringLiteral("destination"), dest(d)}, {QStringLiteral("snapshot"), id}});
    QVERIFY2(again.contains(QLatin1String("result")), QJsonDocument(again).toJson());
    QCOMPARE(dirEntries(m_root).filter(QStringLiteral(".qwq-restore-")), QStringList()); // ...until the next restore
    QCOMPARE(describeTree(src), snapshotTree);
}

void tst_HelperBackups::cancelCreate()
{
    const QString d = m_root + QStringLiteral("/dest-cancel");
    const QString src = m_root + QStringLiteral("/killsrc"); // 384 MB of random data
    Session session;
    const int id = session.send(QStringLiteral("backups.create"),
        {{QStringLiteral("sources"), sourceList(src)}, {QStringLiteral("destination"), dest(d)},
         {QStringLiteral("policy"), QStringLiteral("cancel")}, {QStringLiteral("level"), 6}});
    QVERIFY(session.waitProgress(id, QStringLiteral("write")));
    session.helper().send(QJsonDocument(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                                    {QStringLiteral("method"), QStringLiteral("$/cancel")},
                                                    {QStringLiteral("params"), QJsonObject{{QStringLiteral("id"), id}}}})
                              .toJson(QJsonDocument::Compact));
    const QJsonObject r = session.helper().response(id, 60000);
    QWQ_VERIFY_ERROR(r, -32800);
    QCOMPARE(dirEntries(d), QStringList());
}

void tst_HelperBackups::invalidParams()
{
    Session session;
    const QString d = m_root + QStringLiteral("/dest-invalid");
    const struct
    {
        QJsonObject params;
        QString field;
    } cases[] = {
        {{{QStringLiteral("sources"), sourceList(QStringLiteral("relative/path"))}, {QStringLiteral("destination"), dest(d)},
          {QStringLiteral("policy"), QStringLiteral("p")}}, QStringLiteral("sources")},
        {{{QStringLiteral("sources"), sourceList(m_src + QStringLiteral("/../etc"))}, {QStringLiteral("destination"), dest(d)},
          {QStringLiteral("policy"), QStringLiteral("p")}}, QStringLiteral("sources")},
        {{{QStringLiteral("sources"), sourceList(QStringLiteral("/"))}, {QStringLiteral("destination"), dest(d)},
          {QStringLiteral("policy"), QStringLiteral("p")}}, QStringLiteral("sources")},
        {{{QStringLiteral("sources"), sourceList(m_src)}, {QStringLiteral("destination"), dest(QStringLiteral("/tmp/a\nb"))},
          {QStringLiteral("policy"), QStringLiteral("p")}}, QStringLiteral("destination")},
        {{{QStringLiteral("sources"), sourceList(m_src)}, {QStringLiteral("destination"), dest(d + QStringLiteral("/./x"))},
          {QStringLiteral("policy"), QStringLiteral("p")}}, QStringLiteral("destination")},
        {{{QStringLiteral("sources"), sourceList(m_src)}, {QStringLiteral("destination"), dest(d)},
          {QStringLiteral("policy"), QStringLiteral("../p")}}, QStringLiteral("policy")},
        {{{QStringLiteral("sources"), sourceList(m_src)}, {QStringLiteral("destination"), dest(d)},
          {QStringLiteral("policy"), QStringLiteral("p")}, {QStringLiteral("level"), 42}}, QStringLiteral("level")},
        {{{QStringLiteral("sources"), sourceList(m_src)}, {QStringLiteral("destination"), dest(d)},
          {QStringLiteral("policy"), QStringLiteral("p")}, {QStringLiteral("recipientPublicKey"), QStringLiteral("AAAA")}},
         QStringLiteral("recipientPublicKey")},
        {{{QStringLiteral("sources"), QJsonArray{QJsonObject{{QStringLiteral("path"), m_src}},
                                                 QJsonObject{{QStringLiteral("path"), QString(m_src + QStringLiteral("/dir"))}}}},
          {QStringLiteral("destination"), dest(d)}, {QStringLiteral("policy"), QStringLiteral("p")}}, QStringLiteral("sources")},
        {{{QStringLiteral("sources"), sourceList(m_src)}, {QStringLiteral("destination"), dest(m_root)},
          {QStringLiteral("policy"), QStringLiteral("p")}}, QStringLiteral("destination")},
    };
    for (const auto &c : cases) {
        const QJsonObject r = session.call(QStringLiteral("backups.create"), c.params);
        QWQ_VERIFY_ERROR(r, 1001);
        QCOMPARE(errorField(r), c.field);
    }
    QVERIFY(!QFileInfo::exists(d));
    QString nul = m_src;
    nul.append(QChar(0));
    const QJsonObject withNul = session.call(QStringLiteral("backups.create"),
        {{QStringLiteral("sources"), sourceList(nul)}, {QStringLiteral("destination"), dest(d)}, {QStringLiteral("policy"), QStringLiteral("p")}});
    QWQ_VERIFY_ERROR(withNul, 1001);
    const QJsonObject missingSource = session.call(QStringLiteral("backups.create"),
        {{QStringLiteral("sources"), sourceList(m_root + QStringLiteral("/does-not-exist"))},
         {QStringLiteral("destination"), dest(d)}, {QStringLiteral("policy"), QStringLiteral("p")}});
    QWQ_VERIFY_ERROR(missingSource, 7006);
    QCOMPARE(errorField(missingSource), QStringLiteral("sources"));
    const QJsonObject noSnap = session.call(QStringLiteral("backups.verify"),
        {{QStringLiteral("destination"), dest(d)}, {QStringLiteral("snapshot"), QStringLiteral("p-20260101T000000Z-000000")}});
    QWQ_VERIFY_ERROR(noSnap, 7000);
    QWQ_VERIFY_ERROR(session.call(QStringLiteral("backups.verify"),
        {{QStringLiteral("destination"), dest(d)}, {QStringLiteral("snapshot"), QStringLiteral("../../etc/passwd")}}), 1001);
    QWQ_VERIFY_ERROR(session.call(QStringLiteral("backups.restore"),
        {{QStringLiteral("destination"), dest(d)}, {QStringLiteral("snapshot"), QStringLiteral("p-20260101T000000Z-000000")},
         {QStringLiteral("target"), QStringLiteral("rel")}}), 1001);
}

namespace {

// A plain snapshot written by hand in the documented format, for entries create never makes.
QByteArray forgeSnapshot(const QStringList &sources, const QList<QJsonObject> &entries, const QByteArray &data)
{
    auto u32 = [](quint32 v) {
        QByteArray b(4, '\0');
        for (int i = 0; i < 4; ++i)
            b[i] = char(v >> (8 * i));
        return b;
    };
    auto compress = [](const QByteArray &in) {
        QByteArray out(int(ZSTD_compressBound(size_t(in.size()))), '\0');
        out.resize(int(ZSTD_compress(out.data(), size_t(out.size()), in.constData(), size_t(in.size()), 3)));
        return out;
    };
    const QByteArray header = QJsonDocument(QJsonObject{{QStringLiteral("format"), 1}, {QStringLiteral("policy"), QStringLiteral("forged")},
                                                        {QStringLiteral("time"), 1767225600}, {QStringLiteral("compression"), QStringLiteral("zstd")},
                                                        {QStringLiteral("encrypted"), false}}).toJson(QJsonDocument::Compact);
    QByteArray file = QByteArray("QWQBKP01") + u32(quint32(header.size())) + header;
    const QByteArray headerSha = QCryptographicHash::hash(file, QCryptographicHash::Sha256).toHex();
    QJsonArray hashes;
    auto record = [&](quint8 flags, const QByteArray &payload) {
        QByteArray r = u32(quint32(payload.size()));
        r.append(char(flags));
        r.append(payload);
        hashes.append(QString::fromLatin1(QCryptographicHash::hash(r, QCryptographicHash::Sha256).toHex()));
        file.append(r);
    };
    record(1, compress(data));
    const qint64 manifestOffset = file.size();
    QByteArray manifest = QJsonDocument(QJsonObject{{QStringLiteral("format"), 1},
                                                    {QStringLiteral("sources"), QJsonArray::fromStringList(sources)}})
                              .toJson(QJsonDocument::Compact) + '\n';
    for (const auto &e : entries)
        manifest += QJsonDocument(e).toJson(QJsonDocument::Compact) + '\n';
    record(3, compress(manifest));
    const QByteArray trailer = QJsonDocument(QJsonObject{
        {QStringLiteral("entries"), entries.size()}, {QStringLiteral("files"), entries.size()},
        {QStringLiteral("bytes"), data.size()}, {QStringLiteral("dataChunks"), 1},
        {QStringLiteral("manifestOffset"), manifestOffset}, {QStringLiteral("headerSha256"), QString::fromLatin1(headerSha)},
        {QStringLiteral("chunks"), hashes}}).toJson(QJsonDocument::Compact);
    return file + trailer + u32(quint32(trailer.size())) + QByteArray("QWQBEND1");
}

QJsonObject forgedEntry(const QString &path, const QString &type, const QByteArray &content = {},
                        const QString &target = {})
{
    QJsonObject e{{QStringLiteral("path"), path}, {QStringLiteral("type"), type}, {QStringLiteral("mode"), 0644},
                  {QStringLiteral("mtime"), 1767225600}};
    if (type == QLatin1String("file")) {
        e.insert(QStringLiteral("size"), content.size());
        e.insert(QStringLiteral("sha256"), QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex()));
    } else if (type == QLatin1String("symlink")) {
        e.insert(QStringLiteral("target"), target);
    }
    return e;
}

} // namespace

void tst_HelperBackups::forgedSnapshot()
{
    Session session;
    const QString d = m_root + QStringLiteral("/dest-forged");
    QDir().mkpath(d);
    const QString outside = m_root + QStringLiteral("/outside");
    QDir().mkpath(outside);
    const QString target = m_root + QStringLiteral("/forged-target");
    const QByteArray evil("pwned\n");
    const struct
    {
        QString name;
        QStringList sources;
        QList<QJsonObject> entries;
    } cases[] = {
        {QStringLiteral("dotdot"), {QStringLiteral("/srv/app")},
         {forgedEntry(QStringLiteral("/srv/app"), QStringLiteral("dir")),
          forgedEntry(QStringLiteral("/srv/app/../../outside/x"), QStringLiteral("file"), evil)}},
        {QStringLiteral("relative"), {QStringLiteral("/srv/app")},
         {forgedEntry(QStringLiteral("/srv/app"), QStringLiteral("dir")),
          forgedEntry(QStringLiteral("srv/app/x"), QStringLiteral("file"), evil)}},
        {QStringLiteral("notinsource"), {QStringLiteral("/srv/app")},
         {forgedEntry(QStringLiteral("/srv/app"), QStringLiteral("dir")),
          forgedEntry(QStringLiteral("/etc/cron.d/x"), QStringLiteral("file"), evil)}},
        // A link to the outside, then a file "inside" the link.
        {QStringLiteral("throughlink"), {QStringLiteral("/srv/app")},
         {forgedEntry(QStringLiteral("/srv/app"), QStringLiteral("dir")),
          forgedEntry(QStringLiteral("/srv/app/esc"), QStringLiteral("symlink"), {}, outside),
          forgedEntry(QStringLiteral("/srv/app/esc/x"), QStringLiteral("file"), evil)}},
    };
    for (const auto &c : cases) {
        const QString id = QStringLiteral("forged-20260101T000000Z-") + c.name;
        QByteArray data;
        for (const auto &e : c.entries)
            if (e.value(QLatin1String("type")).toString() == QLatin1String("file"))
                data += evil;
        writeFile(d + QLatin1Char('/') + id + QStringLiteral(".qwqbackup"), forgeSnapshot(c.sources, c.entries, data));
        const QJsonObject r = session.call(QStringLiteral("backups.restore"),
            {{QStringLiteral("destination"), dest(d)}, {QStringLiteral("snapshot"), id}, {QStringLiteral("target"), target}});
        QWQ_VERIFY_ERROR(r, 7005);
        QVERIFY2(dirEntries(outside).isEmpty(), qPrintable(c.name));
        QVERIFY2(!QFileInfo::exists(target + QStringLiteral("/srv/app")), qPrintable(c.name));
        QCOMPARE(dirEntries(target + QStringLiteral("/srv")).filter(QStringLiteral(".qwq-restore")), QStringList());
    }
    // The forger's format is the helper's: a harmless forged snapshot restores.
    const QString id = QStringLiteral("forged-20260101T000000Z-fine");
    writeFile(d + QLatin1Char('/') + id + QStringLiteral(".qwqbackup"),
              forgeSnapshot({QStringLiteral("/srv/app")},
                            {forgedEntry(QStringLiteral("/srv/app"), QStringLiteral("dir")),
                             forgedEntry(QStringLiteral("/srv/app/x"), QStringLiteral("file"), evil)}, evil));
    const QJsonObject ok = session.call(QStringLiteral("backups.restore"),
        {{QStringLiteral("destination"), dest(d)}, {QStringLiteral("snapshot"), id}, {QStringLiteral("target"), target}});
    QVERIFY2(ok.contains(QLatin1String("result")), QJsonDocument(ok).toJson());
    QFile x(target + QStringLiteral("/srv/app/x"));
    QVERIFY(x.open(QIODevice::ReadOnly));
    QCOMPARE(x.readAll(), evil);
}

void tst_HelperBackups::cleanupTestCase()
{
    for (const auto &m : m_mounts)
        run(QStringLiteral("umount"), {m});
}

QTEST_GUILESS_MAIN(tst_HelperBackups)
#include "tst_helper_backups.moc"
