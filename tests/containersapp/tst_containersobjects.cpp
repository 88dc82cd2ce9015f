// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Images, Volumes and Networks tabs' create, connect, export, load and import, through
// their dialogs, over the real helper (a pipe) and the fixture's dockerd.
#include "tst_containersapp.h"

#include "awaitfuture.h"

#include <containers/core/containersservice.h>
#include <containers/ui/imagetransferdialogs.h>
#include <containers/ui/objectdialogs.h>
#include <containers/ui/objectpage.h>
#include <helper/core/helperclient.h>
#include <helper/core/helpertransport.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qwq;
using namespace Qwq::Containers;
using QwqTest::await;

namespace {
QString statusOf(QDialog *d, const char *name)
{
    auto *l = d->findChild<QLabel *>(QLatin1String(name));
    return l ? l->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
}

// The networks `container` is attached to, from the helper's containers.inspect.
QJsonObject networksOf(ContainersService *service, const QString &container)
{
    const auto r = await(service->inspect(container));
    if (!r)
        return {};
    return r->value(QLatin1String("NetworkSettings")).toObject().value(QLatin1String("Networks")).toObject();
}
} // namespace

void tst_ContainersObjects::initTestCase()
{
    if (m_docker->socket().isEmpty())
        QSKIP("no dockerd here (needs root, docker.io and busybox-static)");
    QVERIFY(m_dir.isValid());
    auto *transport = new Helper::LocalProcessTransport;
    transport->start(QStringLiteral(QWQ_HELPER_PATH), {QStringLiteral("serve")});
    m_client = new Helper::HelperClient(transport);
    const auto info = await(m_client->initialize());
    QVERIFY2(info.ok(), qPrintable(info.ok() ? QString() : info.error().toString()));
    m_service = std::make_unique<ContainersService>(m_client.data());
}

void tst_ContainersObjects::cleanupTestCase()
{
    // What these slots made, so the panel's class sees the fixture as it was.
    if (!m_docker->socket().isEmpty()) {
        m_docker->docker({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("obj-run")});
        m_docker->docker({QStringLiteral("rmi"), QStringLiteral("qwq-test/export:1"), QStringLiteral("qwq-test/imported:1")});
        m_docker->docker({QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("qwq-objvol")});
        m_docker->docker({QStringLiteral("network"), QStringLiteral("rm"), QStringLiteral("qwq-objnet")});
    }
    m_service.reset();
    delete m_client.data();
}

void tst_ContainersObjects::createVolumeThroughTheDialog()
{
    ObjectPage page(ObjectTableModel::Kind::Volumes, m_service.get());
    page.show();
    auto *dialog = qobject_cast<VolumeCreateDialog *>(page.openCreate());
    QVERIFY(dialog);
    dialog->findChild<QLineEdit *>(QStringLiteral("volumeName"))->setText(QStringLiteral("qwq-objvol"));
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("volumeDriver"))->text(), QStringLiteral("local"));
    dialog->findChild<QPlainTextEdit *>(QStringLiteral("volumeLabels"))
        ->setPlainText(QStringLiteral("team=qa\n\nbackup = daily\n"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("volumeCreate")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowOf(QStringLiteral("qwq-objvol")) >= 0, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(page.selectedKey(), QStringLiteral("qwq-objvol"), 5000);
    const QByteArray labels = m_docker->docker({QStringLiteral("volume"), QStringLiteral("inspect"),
                                                QStringLiteral("--format"), QStringLiteral("{{json .Labels}}"),
                                                QStringLiteral("qwq-objvol")});
    QVERIFY2(labels.contains("\"team\":\"qa\"") && labels.contains("\"backup\":\"daily\""), labels.constData());
}

void tst_ContainersObjects::badVolumeNameNamesTheField()
{
    ObjectPage page(ObjectTableModel::Kind::Volumes, m_service.get());
    page.show();
    auto *dialog = qobject_cast<VolumeCreateDialog *>(page.openCreate());
    QVERIFY(dialog);
    auto *create = dialog->findChild<QPushButton *>(QStringLiteral("volumeCreate"));
    dialog->findChild<QLineEdit *>(QStringLiteral("volumeName"))->setText(QStringLiteral("-bad;name"));
    QTest::mouseClick(create, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(statusOf(dialog, "volumeStatus").startsWith(QLatin1String("Name:")), 5000);
    QVERIFY(dialog->isVisible());

    // A label line without "=": the labels field is named, nothing is sent.
    dialog->findChild<QLineEdit *>(QStringLiteral("volumeName"))->setText(QStringLiteral("qwq-objvol2"));
    dialog->findChild<QPlainTextEdit *>(QStringLiteral("volumeLabels"))->setPlainText(QStringLiteral("novalue"));
    QTest::mouseClick(create, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(statusOf(dialog, "volumeStatus").startsWith(QLatin1String("Labels:")), 5000);

    // A key the helper refuses (1001, data.field "labels"): its error names the field too.
    dialog->findChild<QPlainTextEdit *>(QStringLiteral("volumeLabels"))->setPlainText(QStringLiteral("bad key!=x"));
    QTest::mouseClick(create, Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(statusOf(dialog, "volumeStatus").startsWith(QLatin1String("Labels: Invalid value")),
                              qPrintable(statusOf(dialog, "volumeStatus")), 10000);
    QTest::qWait(300);
    const QByteArray names = m_docker->docker({QStringLiteral("volume"), QStringLiteral("ls"), QStringLiteral("-q")});
    QVERIFY2(!names.contains("bad") && !names.contains("qwq-objvol2"), names.constData());
    dialog->reject();
}

void tst_ContainersObjects::createNetworkConnectAndDisconnect()
{
    ObjectPage page(ObjectTableModel::Kind::Networks, m_service.get());
    page.show();
    auto *dialog = qobject_cast<NetworkCreateDialog *>(page.openCreate());
    QVERIFY(dialog);
    auto *gateway = dialog->findChild<QLineEdit *>(QStringLiteral("networkGateway"));
    QVERIFY(!gateway->isEnabled());   // only with a subnet
    dialog->findChild<QLineEdit *>(QStringLiteral("networkName"))->setText(QStringLiteral("qwq-objnet"));
    dialog->findChild<QLineEdit *>(QStringLiteral("networkSubnet"))->setText(QStringLiteral("172.31.77.0/24"));
    QVERIFY(gateway->isEnabled());
    gateway->setText(QStringLiteral("10.9.9.1"));
    auto *create = dialog->findChild<QPushButton *>(QStringLiteral("networkCreate"));
    QTest::mouseClick(create, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(statusOf(dialog, "networkStatus").startsWith(QLatin1String("Gateway:")), 5000);

    const QByteArray dir = qgetenv("QWQ_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(QString::fromLocal8Bit(dir));
        QApplication::processEvents();
        QVERIFY(dialog->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/network-create-en.png")));
    }

    gateway->setText(QStringLiteral("172.31.77.1"));
    QTest::mouseClick(create, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowOf(QStringLiteral("qwq-objnet")) >= 0, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(page.selectedKey(), QStringLiteral("qwq-objnet"), 5000);
    const QByteArray ipam = m_docker->docker({QStringLiteral("network"), QStringLiteral("inspect"),
                                              QStringLiteral("--format"), QStringLiteral("{{json .IPAM.Config}}"),
                                              QStringLiteral("qwq-objnet")});
    QVERIFY2(ipam.contains("172.31.77.0/24") && ipam.contains("172.31.77.1"), ipam.constData());

    m_docker->run(QStringLiteral("obj-run"), QStringLiteral("sleep 1000"));
    auto *connect = qobject_cast<NetworkConnectDialog *>(page.openConnect(false));
    QVERIFY(connect);
    // The combo offers the server's containers.
    QTRY_VERIFY_WITH_TIMEOUT(connect->containerField()->findText(QStringLiteral("obj-run")) >= 0, 10000);
    connect->containerField()->setCurrentIndex(connect->containerField()->findText(QStringLiteral("obj-run")));
    connect->findChild<QLineEdit *>(QStringLiteral("networkAliases"))->setText(QStringLiteral("api, db"));
    QTest::mouseClick(connect->findChild<QPushButton *>(QStringLiteral("networkConnectGo")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(networksOf(m_service.get(), QStringLiteral("obj-run")).contains(QLatin1String("qwq-objnet")),
                             15000);
    const QJsonArray aliases = networksOf(m_service.get(), QStringLiteral("obj-run"))
                                   .value(QLatin1String("qwq-objnet")).toObject()
                                   .value(QLatin1String("Aliases")).toArray();
    QVERIFY2(aliases.contains(QStringLiteral("api")) && aliases.contains(QStringLiteral("db")),
             QJsonDocument(aliases).toJson().constData());

    page.selectKey(QStringLiteral("qwq-objnet"));
    auto *disconnect = qobject_cast<NetworkConnectDialog *>(page.openConnect(true));
    QVERIFY(disconnect);
    QTRY_VERIFY_WITH_TIMEOUT(disconnect->containerField()->findText(QStringLiteral("obj-run")) >= 0, 10000);
    disconnect->containerField()->setCurrentIndex(disconnect->containerField()->findText(QStringLiteral("obj-run")));
    disconnect->findChild<QCheckBox *>(QStringLiteral("networkForce"))->setChecked(true);
    QTest::mouseClick(disconnect->findChild<QPushButton *>(QStringLiteral("networkConnectGo")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!networksOf(m_service.get(), QStringLiteral("obj-run")).contains(QLatin1String("qwq-objnet")),
                             15000);
    m_docker->docker({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("obj-run")});
}

void tst_ContainersObjects::exportVerifiesAndLoadBringsItBack()
{
    // An image of its own (a commit has its own id), so the others keep theirs.
    const QString ref = QStringLiteral("qwq-test/export:1");
    m_docker->docker({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("obj-src"), m_docker->image(),
                      QStringLiteral("true")});
    QVERIFY(m_docker->docker({QStringLiteral("commit"), QStringLiteral("obj-src"), ref}).startsWith("sha256:"));
    m_docker->docker({QStringLiteral("rm"), QStringLiteral("obj-src")});
    ObjectPage page(ObjectTableModel::Kind::Images, m_service.get());
    page.show();
    page.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowOf(ref) >= 0, 10000);
    page.selectKey(ref);
    QCOMPARE(page.selectedKey(), ref);

    const QString file = m_dir.filePath(QStringLiteral("export.tar"));
    auto *exporter = qobject_cast<ImageExportDialog *>(page.exportSelected(file));
    QVERIFY(exporter);
    QTRY_VERIFY2_WITH_TIMEOUT(exporter->succeeded(), qPrintable(exporter->statusText()), 60000);
    QVERIFY(QFile::exists(file));
    QVERIFY(!QFile::exists(file + QStringLiteral(".part")));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
    f.close();
    QVERIFY2(exporter->statusText().contains(sha), qPrintable(exporter->statusText() + QLatin1Char(' ') + sha));
    QProcess tar;
    tar.start(QStringLiteral("tar"), {QStringLiteral("-tf"), file});
    QVERIFY(tar.waitForFinished(30000));
    QCOMPARE(tar.exitCode(), 0);
    QVERIFY(tar.readAllStandardOutput().contains("manifest.json"));
    exporter->close();

    m_docker->docker({QStringLiteral("rmi"), ref});
    page.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowOf(ref) < 0, 10000);

    auto *loader = qobject_cast<ImageUploadDialog *>(page.openUpload(false));
    QVERIFY(loader);
    loader->fileField()->setText(file);
    loader->start();
    QTRY_VERIFY2_WITH_TIMEOUT(!loader->images().isEmpty(), qPrintable(statusOf(loader, "uploadStatus")), 60000);
    QVERIFY2(loader->images().contains(ref), qPrintable(loader->images().join(QLatin1Char(','))));
    QVERIFY(loader->messagesView()->toPlainText().contains(QLatin1String("Loaded image")));
    QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowOf(ref) >= 0, 10000);
    if (const QByteArray dir = qgetenv("QWQ_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QDir().mkpath(QString::fromLocal8Bit(dir));
        QApplication::processEvents();
        QVERIFY(loader->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/image-load-en.png")));
    }
    loader->close();
}

void tst_ContainersObjects::exportCancelLeavesNoFile()
{
    ObjectPage page(ObjectTableModel::Kind::Images, m_service.get());
    page.show();
    page.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowOf(m_docker->image()) >= 0, 10000);
    page.selectKey(m_docker->image());
    const QString file = m_dir.filePath(QStringLiteral("cancelled.tar"));
    auto *exporter = qobject_cast<ImageExportDialog *>(page.exportSelected(file));
    QVERIFY(exporter);
    QVERIFY(exporter->isRunning());
    exporter->reject();
    QTest::qWait(1500);
    QVERIFY(!QFile::exists(file));
    QVERIFY(!QFile::exists(file + QStringLiteral(".part")));
}

void tst_ContainersObjects::importRootFilesystem()
{
    const QString root = m_dir.filePath(QStringLiteral("rootfs"));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/etc")));
    QFile hello(root + QStringLiteral("/etc/hello.txt"));
    QVERIFY(hello.open(QIODevice::WriteOnly));
    hello.write("hello from an imported rootfs\n");
    hello.close();
    const QString tarFile = m_dir.filePath(QStringLiteral("rootfs.tar"));
    QProcess tar;
    tar.start(QStringLiteral("tar"), {QStringLiteral("-cf"), tarFile, QStringLiteral("-C"), root, QStringLiteral(".")});
    QVERIFY(tar.waitForFinished(30000));
    QCOMPARE(tar.exitCode(), 0);

    ObjectPage page(ObjectTableModel::Kind::Images, m_service.get());
    page.show();
    auto *importer = qobject_cast<ImageUploadDialog *>(page.openUpload(true));
    QVERIFY(importer);
    importer->fileField()->setText(tarFile);
    importer->repositoryField()->setText(QStringLiteral("qwq-test/imported:1"));   // the tag goes apart
    importer->start();
    QVERIFY(statusOf(importer, "uploadStatus").startsWith(QLatin1String("Repository:")));
    QVERIFY(!importer->isRunning());
    importer->repositoryField()->setText(QStringLiteral("qwq-test/imported"));
    importer->tagField()->setText(QStringLiteral("1"));
    importer->start();
    QTRY_VERIFY2_WITH_TIMEOUT(!importer->images().isEmpty(), qPrintable(statusOf(importer, "uploadStatus")), 60000);
    QCOMPARE(importer->images(), QStringList{QStringLiteral("qwq-test/imported:1")});
    QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowOf(QStringLiteral("qwq-test/imported:1")) >= 0, 10000);
    QCOMPARE(page.selectedKey(), QStringLiteral("qwq-test/imported:1"));
    importer->close();
}
