// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Terminal panel's ops features offscreen: splits and focus, reconnect in place, snippets
// with variables, broadcast input, session logs, "Send Selection to AI", settings applied
// live; and in the view: blinking text, OSC 8 links and URLs across wrapped rows.
#include "fakesession.h"

#include <core/core/settings.h>
#include <helper/core/serverconnection.h>
#include <terminal/core/localptysession.h>
#include <terminal/core/terminalscreen.h>
#include <terminal/ui/snippetdialogs.h>
#include <terminal/ui/terminalpanel.h>
#include <terminal/ui/terminalsettings.h>
#include <terminal/ui/terminalsettingspage.h>
#include <terminal/ui/terminaltab.h>
#include <terminal/ui/terminalview.h>
#include <workbench/core/servercontext.h>

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QPainter>
#include <QLibraryInfo>
#include <QScreen>
#include <QTranslator>
#include <QToolButton>
#include <QLabel>
#include <QRegularExpression>

using namespace Qwq;
using namespace Qwq::Terminal;
using TermTest::FakeSession;

namespace {

struct PanelFixture
{
    explicit PanelFixture(Workbench::ServerContext *ctx = nullptr) : panel(ctx)
    {
        panel.setSessionFactory([this](QObject *parent) {
            auto *s = new FakeSession(parent);
            made << s;
            return s;
        });
        panel.resize(900, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
    }
    FakeSession *sessionOf(TerminalView *v) const { return static_cast<FakeSession *>(v->session()); }
    TerminalPanel panel;
    QList<FakeSession *> made;
};

QAction *findAction(QMenu *menu, const QString &name)
{
    for (QAction *a : menu->actions()) {
        if (a->objectName() == name)
            return a;
        if (a->menu())
            if (QAction *inner = findAction(a->menu(), name))
                return inner;
    }
    return nullptr;
}

QRect rectIn(QWidget *w, QWidget *ancestor)
{
    return QRect(w->mapTo(ancestor, QPoint(0, 0)), w->size());
}

QPoint cellCenter(TerminalView *v, int row, int col)
{
    const QSizeF c = v->cellSize();
    return QPoint(int(2 + (col + 0.5) * c.width()), int(2 + (row + 0.5) * c.height()));
}

} // namespace

class tst_TerminalPanel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void splitsAndFocus();
    void reconnectInPlace();
    void snippetsWithVariables();
    void manageSnippets();
    void broadcastToChosenViews();
    void sessionLog();
    void sendSelectionToAi();
    void settingsApplyLive();
    void settingsPage();
    void blinkTimerOnlyWhileVisible();
    void hyperlinksOpenOnlyOnCtrlClick();
    void urlAcrossWrappedRows();
    void screenshots();

private:
    QTemporaryDir m_home;
};

void tst_TerminalPanel::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("QWQ_HOME", m_home.path().toUtf8());   // settings and snippets stay in the test
}

void tst_TerminalPanel::init()
{
    TerminalSettings defaults;
    defaults.font = TerminalSettings::defaultFont();
    defaults.save();
}

void tst_TerminalPanel::splitsAndFocus()
{
    PanelFixture f;
    QCOMPARE(f.panel.tabCount(), 1);
    TerminalView *first = f.panel.currentView();
    QVERIFY(first);
    TerminalView *right = f.panel.splitCurrent(Qt::Horizontal);
    QVERIFY(right);
    QCOMPARE(f.panel.tabCount(), 1);
    QCOMPARE(f.panel.tab(0)->views(), (QList<TerminalView *>{first, right}));
    QCOMPARE(f.panel.currentView(), right);
    QTRY_VERIFY(right->hasFocus());
    QTRY_VERIFY(right->width() > 350 && first->width() > 350);   // the space is shared
    QVERIFY(rectIn(right, &f.panel).left() > rectIn(first, &f.panel).right());
    QCOMPARE(f.made.size(), 2);
    QVERIFY(f.made[1]->running);
    // Each split is its own terminal, of its own size.
    QTRY_COMPARE(f.made[1]->cols, right->screen()->columns());
    QVERIFY(right->screen()->columns() < 100);

    TerminalView *below = f.panel.splitCurrent(Qt::Vertical);
    QVERIFY(below);
    QCOMPARE(f.panel.tab(0)->views(), (QList<TerminalView *>{first, right, below}));
    QTRY_VERIFY(below->height() > 150 && right->height() > 150);
    QVERIFY(rectIn(below, &f.panel).top() > rectIn(right, &f.panel).bottom());
    QCOMPARE(rectIn(below, &f.panel).left(), rectIn(right, &f.panel).left());

    // Focus moves between splits with Ctrl+Shift+arrows.
    QVERIFY(f.panel.focusNeighbour(Qt::UpArrow));
    QCOMPARE(f.panel.currentView(), right);
    QTest::keyClick(right, Qt::Key_Left, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(f.panel.currentView(), first);
    QTRY_VERIFY(first->hasFocus());
    QVERIFY(!f.panel.focusNeighbour(Qt::LeftArrow));
    QVERIFY(f.sessionOf(first)->take().isEmpty());   // the shortcut did not reach the program

    // Ctrl+Shift+O splits the focused one; Ctrl+Shift+W closes it and the neighbour takes over.
    QTest::keyClick(first, Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(f.panel.tab(0)->views().size(), 4);
    TerminalView *fourth = f.panel.currentView();
    QVERIFY(fourth != first);
    QPointer<FakeSession> fourthSession = f.sessionOf(fourth);
    QTest::keyClick(fourth, Qt::Key_W, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(!fourthSession);   // closed with its view
    QCOMPARE(f.panel.tab(0)->views(), (QList<TerminalView *>{first, right, below}));
    QCOMPARE(f.panel.currentView(), first);
    QTRY_VERIFY(first->hasFocus());
    // The splitter left with one view collapsed: first is again directly beside the others.
    f.panel.closeView(right);
    QCOMPARE(f.panel.tab(0)->views(), (QList<TerminalView *>{first, below}));
    QCOMPARE(f.panel.currentView(), first);
    f.panel.closeView(first);
    QCOMPARE(f.panel.currentView(), below);
    QTRY_VERIFY(below->hasFocus());
    f.panel.closeView(below);
    QCOMPARE(f.panel.tabCount(), 0);
}

void tst_TerminalPanel::reconnectInPlace()
{
    PanelFixture f;
    TerminalView *v = f.panel.currentView();
    FakeSession *s = f.made[0];
    for (int i = 0; i < 60; ++i)
        s->output(QStringLiteral("line %1\r\n").arg(i).toUtf8());
    const int scrollback = v->screen()->scrollbackLines();
    QVERIFY(scrollback > 0);
    auto *tabs = f.panel.findChild<QTabWidget *>();
    QVERIFY(!v->endedBanner()->isVisible());
    s->end(QStringLiteral("the server closed the terminal"));
    QVERIFY(v->endedBanner()->isVisible());
    QVERIFY(v->endedBanner()->text().contains(QStringLiteral("reconnect")));
    QVERIFY(v->endedBanner()->text().contains(QStringLiteral("the server closed the terminal")));
    QVERIFY(tabs->tabText(0).contains(QStringLiteral("disconnected")));
    // A click on the banner starts a session of the same kind in the same view.
    QTest::mouseClick(v->endedBanner(), Qt::LeftButton);
    QCOMPARE(f.made.size(), 2);
    QCOMPARE(v->session(), f.made[1]);
    QVERIFY(f.made[1]->running);
    QCOMPARE(f.made[1]->cols, v->screen()->columns());
    QVERIFY(!v->endedBanner()->isVisible());
    QVERIFY(!tabs->tabText(0).contains(QStringLiteral("disconnected")));
    QVERIFY(v->screen()->scrollbackLines() >= scrollback);   // the old output is still there
    QCOMPARE(v->screen()->lineText(0), QStringLiteral("line 0"));
    // Keys go to the new session; the old one is gone.
    QTest::keyClicks(v, QStringLiteral("ls"));
    QCOMPARE(f.made[1]->take(), QByteArray("ls"));
    // Enter reconnects as well; a factory that cannot make a session leaves the banner up.
    f.made[1]->end(QStringLiteral("bye"));
    f.panel.setSessionFactory([](QObject *) { return nullptr; });
    QTest::keyClick(v, Qt::Key_Return);
    QVERIFY(v->endedBanner()->isVisible());
    QVERIFY(v->endedBanner()->text().contains(QStringLiteral("try again")));
}

void tst_TerminalPanel::snippetsWithVariables()
{
    PanelFixture f;
    TerminalView *v = f.panel.currentView();
    FakeSession *s = f.made[0];
    const Snippet tail{QStringLiteral("Tail a log"), QStringLiteral("tail -n {{lines:100}} {{file}}"), false};
    const Snippet disk{QStringLiteral("Disk"), QStringLiteral("df -h {{mount:/}}"), true};
    QVERIFY(f.panel.snippetStore().save(f.panel.profileId(), {tail, disk}).ok());
    QCOMPARE(f.panel.snippetStore().filePath(), m_home.path() + QStringLiteral("/data/terminal-snippets.json"));

    // The Snippets button lists this server's snippets.
    auto *button = f.panel.findChild<QToolButton *>(QStringLiteral("terminalSnippets"));
    QVERIFY(button && button->menu());
    emit button->menu()->aboutToShow();
    QStringList labels;
    for (QAction *a : button->menu()->actions())
        labels << a->text();
    QVERIFY(labels.contains(QStringLiteral("Tail a log")));
    QVERIFY(labels.contains(QStringLiteral("Disk")));

    // Variables are asked, the preview follows, and the result is pasted, not run.
    QString preview;
    QTimer::singleShot(0, [&] {
        auto *d = qobject_cast<SnippetVariablesDialog *>(QApplication::activeModalWidget());
        QVERIFY(d);
        QCOMPARE(d->field(QStringLiteral("lines"))->text(), QStringLiteral("100"));
        d->field(QStringLiteral("lines"))->setText(QStringLiteral("20"));
        d->field(QStringLiteral("file"))->setText(QStringLiteral("/var/log/syslog"));
        preview = d->findChild<QLabel *>(QStringLiteral("snippetPreview"))->text();
        d->accept();
    });
    f.panel.insertSnippet(tail);
    QCOMPARE(preview, QStringLiteral("tail -n 20 /var/log/syslog"));
    QCOMPARE(s->take(), QByteArray("tail -n 20 /var/log/syslog"));
    // With bracketed paste on, the text is bracketed; a "run" snippet ends with Enter.
    s->output("\x1b[?2004h");
    QTimer::singleShot(0, [] {
        auto *d = qobject_cast<SnippetVariablesDialog *>(QApplication::activeModalWidget());
        QVERIFY(d);
        d->accept();
    });
    f.panel.insertSnippet(disk);
    QCOMPARE(s->take(), QByteArray("\x1b[200~df -h /\x1b[201~\r"));
    // Cancelled: nothing is sent.
    QTimer::singleShot(0, [] { QApplication::activeModalWidget()->close(); });
    f.panel.insertSnippet(tail);
    QVERIFY(s->take().isEmpty());
    // No variables: no dialog.
    f.panel.insertSnippet({QString(), QStringLiteral("uptime"), true});
    QCOMPARE(s->take(), QByteArray("\x1b[200~uptime\x1b[201~\r"));
    QCOMPARE(f.panel.currentView(), v);
}

void tst_TerminalPanel::manageSnippets()
{
    PanelFixture f;
    QVERIFY(f.panel.snippetStore().save(f.panel.profileId(), {}).ok());
    QTimer::singleShot(0, [] {
        auto *d = qobject_cast<SnippetEditorDialog *>(QApplication::activeModalWidget());
        QVERIFY(d);
        QCOMPARE(d->list()->count(), 1);   // an empty one to start with
        d->nameEdit()->setText(QStringLiteral("Restart nginx"));
        d->textEdit()->setPlainText(QStringLiteral("sudo systemctl restart {{unit:nginx}}"));
        d->runCheck()->setChecked(true);
        d->addSnippet();   // left empty: dropped on save
        QCOMPARE(d->list()->count(), 2);
        QCOMPARE(d->list()->item(0)->text(), QStringLiteral("Restart nginx"));
        d->accept();
    });
    f.panel.manageSnippets();
    const auto saved = f.panel.snippetStore().load(f.panel.profileId());
    QVERIFY(saved.ok());
    QCOMPARE(saved->size(), 1);
    QCOMPARE(saved->at(0), (Snippet{QStringLiteral("Restart nginx"),
                                    QStringLiteral("sudo systemctl restart {{unit:nginx}}"), true}));
    // Another server's list is separate.
    QVERIFY(SnippetStore().load(QStringLiteral("other-server"))->isEmpty());
}

void tst_TerminalPanel::broadcastToChosenViews()
{
    PanelFixture f;
    TerminalView *a = f.panel.currentView();
    TerminalView *b = f.panel.splitCurrent(Qt::Horizontal);
    TerminalView *c = f.panel.openTab();
    QVERIFY(a && b && c);
    f.sessionOf(b)->output("\x1b[?1h");   // b's program wants application cursor keys
    a->setBroadcasting(true);
    b->setBroadcasting(true);
    auto *button = f.panel.findChild<QToolButton *>(QStringLiteral("terminalBroadcast"));
    QVERIFY(button->isChecked());
    auto *tabs = f.panel.findChild<QTabWidget *>();
    QVERIFY(!tabs->tabIcon(0).isNull());   // the tab is marked
    QVERIFY(tabs->tabIcon(1).isNull());
    // Keys typed in a go to a and b, each encoded for its own program; c gets nothing.
    QTest::keyClicks(a, QStringLiteral("ok"));
    QTest::keyClick(a, Qt::Key_Up);
    QCOMPARE(f.sessionOf(a)->take(), QByteArray("ok\x1b[A"));
    QCOMPARE(f.sessionOf(b)->take(), QByteArray("ok\x1bOA"));
    QVERIFY(f.sessionOf(c)->take().isEmpty());
    a->pasteText(QStringLiteral("uptime"));
    QCOMPARE(f.sessionOf(a)->take(), QByteArray("uptime"));
    QCOMPARE(f.sessionOf(b)->take(), QByteArray("uptime"));
    // Typing in c (not broadcasting) stays in c.
    QTest::keyClicks(c, QStringLiteral("x"));
    QCOMPARE(f.sessionOf(c)->take(), QByteArray("x"));
    QVERIFY(f.sessionOf(a)->take().isEmpty());
    // The frame is painted in the broadcasting views only.
    const QImage img = a->viewport()->grab().toImage();
    const QColor edge = img.pixelColor(1, img.height() / 2);
    QVERIFY2(edge.red() > 180 && edge.blue() < 80, qPrintable(edge.name()));
    // The menu lists every view; "Stop Broadcasting" ends it everywhere.
    emit button->menu()->aboutToShow();
    QStringList labels;
    for (QAction *act : button->menu()->actions())
        labels << act->text();
    QCOMPARE(labels.filter(QStringLiteral("split")).size(), 2);
    f.panel.setBroadcastAll(false);
    QVERIFY(!a->isBroadcasting() && !b->isBroadcasting());
    QVERIFY(!button->isChecked());
    QTest::keyClicks(a, QStringLiteral("z"));
    QVERIFY(f.sessionOf(b)->take().isEmpty());
    // The view's own context menu toggles it.
    auto menu = c->createContextMenu();
    QAction *toggle = findAction(menu.get(), QStringLiteral("broadcastInput"));
    QVERIFY(toggle && toggle->isCheckable());
    toggle->trigger();
    QVERIFY(c->isBroadcasting());
}

void tst_TerminalPanel::sessionLog()
{
    PanelFixture f;
    TerminalView *v = f.panel.currentView();
    const QString path = m_home.filePath(QStringLiteral("term.log"));
    auto menu = v->createContextMenu();
    QVERIFY(findAction(menu.get(), QStringLiteral("startLogging")));   // off by default
    QVERIFY(!v->isLogging());
    QVERIFY(v->startLogging(path).ok());
    QVERIFY(v->isLogging());
    menu = v->createContextMenu();
    QVERIFY(findAction(menu.get(), QStringLiteral("stopLogging")));
    f.made[0]->output("\x1b[32mok\x1b[0m: deployed\r\n$ ");
    f.made[0]->output("exit\r\n");
    v->stopLogging();
    f.made[0]->output("not logged\r\n");
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    static const QRegularExpression stamp(QStringLiteral(R"(^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}  )"));
    QVERIFY(lines[0].contains(stamp));
    QVERIFY(lines[0].endsWith(QStringLiteral("  ok: deployed")));
    QVERIFY(lines[1].endsWith(QStringLiteral("  $ exit")));
    // The log follows the view across a reconnect.
    QVERIFY(v->startLogging(path).ok());
    f.made[0]->end(QStringLiteral("gone"));
    QTest::keyClick(v, Qt::Key_Return);
    f.made[1]->output("again\r\n");
    v->stopLogging();
    file.seek(0);
    QVERIFY(QString::fromUtf8(file.readAll()).contains(QStringLiteral("  again\n")));
    const auto bad = v->startLogging(QStringLiteral("/nonexistent-dir/t.log"));
    QVERIFY(!bad);
    QVERIFY(!bad.error().message.isEmpty());
    QVERIFY(!v->isLogging());
}

void tst_TerminalPanel::sendSelectionToAi()
{
    Helper::ServerConnection connection(Profiles::Profile::local(), nullptr, nullptr);
    Workbench::ServerContext ctx(&connection);
    QSignalSpy asked(&ctx, &Workbench::ServerContext::askAiRequested);
    PanelFixture f(&ctx);
    TerminalView *v = f.panel.currentView();
    f.made[0]->output("nginx: [emerg] unknown directive \"proxy_passs\"\r\n$ ");
    auto menu = v->createContextMenu();
    QAction *ai = findAction(menu.get(), QStringLiteral("sendSelectionToAi"));
    QVERIFY(ai);
    QVERIFY(!ai->isEnabled());   // nothing selected
    const int line = v->screen()->scrollbackLines();
    v->setSelection({{line, 0}, {line, v->screen()->columns()}});
    menu = v->createContextMenu();
    ai = findAction(menu.get(), QStringLiteral("sendSelectionToAi"));
    QVERIFY(ai->isEnabled());
    ai->trigger();
    QCOMPARE(asked.size(), 1);
    QVERIFY(!asked[0][0].toString().isEmpty());   // a question, for the user to edit
    QVERIFY(!asked[0][1].toString().isEmpty());   // the attachment's title
    QCOMPARE(asked[0][2].toString(), QStringLiteral("nginx: [emerg] unknown directive \"proxy_passs\""));
    QVERIFY(f.made[0]->take().isEmpty());   // nothing went to the program
}

void tst_TerminalPanel::settingsApplyLive()
{
    PanelFixture f;
    TerminalView *a = f.panel.currentView();
    TerminalView *b = f.panel.openTab();
    const QSizeF cell = a->cellSize();
    QVERIFY(!a->screen()->allowClipboardWrite());
    TerminalSettings s = TerminalSettings::load();
    QCOMPARE(s.allowClipboardWrite, false);   // the defaults
    QCOMPARE(s.confirmMultiLinePaste, true);
    QCOMPARE(s.scrollbackLines, 100000);
    s.theme = QStringLiteral("light");
    s.font.setPointSizeF(s.font.pointSizeF() + 6);
    s.allowClipboardWrite = true;
    s.scrollbackLines = 1000;
    s.confirmMultiLinePaste = false;
    s.save();
    for (TerminalView *v : {a, b}) {
        QCOMPARE(v->theme().kind, TerminalTheme::Kind::Light);
        QCOMPARE(v->themeChoice(), QStringLiteral("light"));
        QVERIFY(v->cellSize().height() > cell.height());
        QVERIFY(v->screen()->allowClipboardWrite());
    }
    QCOMPARE(Settings::value(QStringLiteral("terminal/allowOsc52")).toBool(), true);
    // OSC 52 now reaches the clipboard; the scrollback holds 1,000 lines; no paste question.
    f.sessionOf(a)->output("\x1b]52;c;" + QByteArray("copied").toBase64() + "\x07");
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("copied"));
    for (int i = 0; i < 1500; ++i)
        f.sessionOf(a)->output("x\r\n");
    QCOMPARE(a->screen()->scrollbackLines(), 1000);
    a->setPasteConfirmation([](const QString &) { return false; });
    a->pasteText(QStringLiteral("one\ntwo"));
    QCOMPARE(f.sessionOf(a)->take(), QByteArray("one\rtwo"));
    // Zoom survives an unrelated change.
    a->zoomIn();
    const QSizeF zoomed = a->cellSize();
    s.copyOnSelect = true;
    s.save();
    QCOMPARE(a->cellSize(), zoomed);
}

void tst_TerminalPanel::settingsPage()
{
    PanelFixture f;
    TerminalView *v = f.panel.currentView();
    TerminalSettingsPage page;
    QCOMPARE(page.allowClipboardWrite()->isChecked(), false);
    QCOMPARE(page.confirmMultiLinePaste()->isChecked(), true);
    page.theme()->setCurrentIndex(page.theme()->findData(QStringLiteral("dark")));
    QCOMPARE(v->themeChoice(), QStringLiteral("dark"));
    QCOMPARE(TerminalSettings::load().theme, QStringLiteral("dark"));
    const qreal height = v->cellSize().height();
    page.fontSize()->setValue(page.fontSize()->value() + 4);
    QVERIFY(v->cellSize().height() > height);
    page.allowClipboardWrite()->setChecked(true);
    QVERIFY(v->screen()->allowClipboardWrite());
    page.scrollbackLines()->setValue(5000);
    QCOMPARE(TerminalSettings::load().scrollbackLines, 5000);
    page.copyOnSelect()->setChecked(true);
    QVERIFY(TerminalSettings::load().copyOnSelect);
    // A change made elsewhere (a terminal's context menu) shows on the page.
    TerminalSettings s = TerminalSettings::load();
    s.theme = QStringLiteral("light");
    s.save();
    QCOMPARE(page.theme()->currentData().toString(), QStringLiteral("light"));
}

void tst_TerminalPanel::blinkTimerOnlyWhileVisible()
{
    PanelFixture f;
    TerminalView *v = f.panel.currentView();
    f.made[0]->output("plain text");
    QTest::qWait(60);
    QVERIFY(!v->isBlinkTimerActive());
    f.made[0]->output("\r\n\x1b[5mBLINK\x1b[25m steady");
    QTRY_VERIFY(v->isBlinkTimerActive());
    // The blinking cells change between the two phases; the steady ones do not.
    const QRect blink(cellCenter(v, 1, 0) - QPoint(3, 6), cellCenter(v, 1, 4) + QPoint(3, 6));
    const QRect steady(cellCenter(v, 1, 6) - QPoint(3, 6), cellCenter(v, 1, 11) + QPoint(3, 6));
    const QImage one = v->viewport()->grab().toImage();
    QTest::qWait(560);
    const QImage two = v->viewport()->grab().toImage();
    QVERIFY(one.copy(blink) != two.copy(blink));
    QCOMPARE(one.copy(steady), two.copy(steady));
    // Scrolled away or cleared: the timer stops.
    f.made[0]->output("\x1b[2J\x1b[H");
    QTRY_VERIFY_WITH_TIMEOUT(!v->isBlinkTimerActive(), 1500);
    f.made[0]->output("\x1b[5mX");
    QTRY_VERIFY(v->isBlinkTimerActive());
    f.panel.hide();
    QVERIFY(!v->isBlinkTimerActive());
}

void tst_TerminalPanel::hyperlinksOpenOnlyOnCtrlClick()
{
    PanelFixture f;
    TerminalView *v = f.panel.currentView();
    QSignalSpy opened(v, &TerminalView::urlActivated);
    f.made[0]->output("read \x1b]8;;https://example.org/manual\x1b\\the manual\x1b]8;;\x1b\\ or "
                      "\x1b]8;;file:///etc/shadow\x1b\\this\x1b]8;;\x1b\\");
    QTest::qWait(40);
    QTest::mouseClick(v->viewport(), Qt::LeftButton, {}, cellCenter(v, 0, 7));
    QCOMPARE(opened.size(), 0);   // a plain click selects, it does not open
    QTest::qWait(QApplication::doubleClickInterval() + 50);
    QTest::mouseMove(v->viewport(), cellCenter(v, 0, 8));
    QTest::mouseClick(v->viewport(), Qt::LeftButton, Qt::ControlModifier, cellCenter(v, 0, 8));
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened[0][0].toUrl(), QUrl(QStringLiteral("https://example.org/manual")));
    QTest::qWait(QApplication::doubleClickInterval() + 50);
    QTest::mouseClick(v->viewport(), Qt::LeftButton, Qt::ControlModifier, cellCenter(v, 0, 22));
    QCOMPARE(opened.size(), 1);   // file: links from the output are never opened
    // Link cells are drawn underlined (dotted) even without hovering.
    QTest::mouseMove(v->viewport(), cellCenter(v, 5, 5));   // no hover
    QTest::qWait(40);
    const QImage img = v->viewport()->grab().toImage();
    auto marked = [&](int y, int fromCol, int toCol) {
        int n = 0;
        for (int x = cellCenter(v, 0, fromCol).x(); x < cellCenter(v, 0, toCol).x(); ++x)
            n += img.pixelColor(x, y) != v->theme().background;
        return n;
    };
    bool underlined = false;   // some pixel row under "the manual" is marked, not under "read"
    for (int y = 2 + int(v->cellSize().height() / 2); y < 2 + int(v->cellSize().height()); ++y)
        underlined = underlined || (marked(y, 6, 14) > 12 && marked(y, 0, 3) == 0);
    QVERIFY(underlined);
}

void tst_TerminalPanel::urlAcrossWrappedRows()
{
    PanelFixture f;
    TerminalView *v = f.panel.currentView();
    const int cols = v->screen()->columns();
    const QString url = QStringLiteral("https://example.org/") + QString(cols, QLatin1Char('a')) + QStringLiteral("/end");
    QSignalSpy opened(v, &TerminalView::urlActivated);
    f.made[0]->output(("$ curl " + url + " ok").toUtf8());
    QTest::qWait(40);
    QVERIFY(v->screen()->isWrapped(v->screen()->scrollbackLines()));
    // Ctrl+click on the second row finds the whole URL.
    QTest::mouseClick(v->viewport(), Qt::LeftButton, Qt::ControlModifier, cellCenter(v, 1, 10));
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened[0][0].toUrl().toString(), url);
    // And search finds text across the wrap.
    QVERIFY(v->find(QStringLiteral("aaaa/end"), false));
    QVERIFY(v->selectedText() == QStringLiteral("aaaa/end"));
}

void tst_TerminalPanel::screenshots()
{
    // QWQ_TERMINAL_SHOTS=DIR [QWQ_TERMINAL_SHOTS_LANG=zh_CN], best under xvfb-run: the panel
    // with a split and the snippet dialog, for people to look at. Not a check.
    const QString dir = qEnvironmentVariable("QWQ_TERMINAL_SHOTS");
    if (dir.isEmpty())
        QSKIP("set QWQ_TERMINAL_SHOTS to a folder to take screenshots");
    const QString lang = qEnvironmentVariable("QWQ_TERMINAL_SHOTS_LANG", QStringLiteral("en"));
    QTranslator qwq;
    QTranslator qt;
    if (lang != QLatin1String("en")) {
        QVERIFY(qwq.load(QStringLiteral(":/i18n/qwq_") + lang));
        QCoreApplication::installTranslator(&qwq);
        if (qt.load(QLocale(lang), QStringLiteral("qtbase"), QStringLiteral("_"),
                    QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&qt);
    }
    TerminalSettings settings = TerminalSettings::load();
    settings.theme = QStringLiteral("dark");
    settings.save();
    TerminalPanel panel(nullptr);
    panel.setSessionFactory([](QObject *parent) {
        LocalPtySession::Options o;
        o.program = QStringLiteral("/bin/bash");
        o.arguments = {QStringLiteral("--norc"), QStringLiteral("--noprofile")};
        o.environment = {QStringLiteral("PS1=\\[\\e[1;32m\\]ops@web-01\\[\\e[0m\\]:\\[\\e[1;34m\\]~\\[\\e[0m\\]$ "),
                         QStringLiteral("LANG=C.UTF-8"), QStringLiteral("HOME=/tmp")};
        return new LocalPtySession(o, parent);
    });
    QVERIFY(panel.snippetStore()
                .save(panel.profileId(),
                      {{QStringLiteral("Tail a log"), QStringLiteral("tail -n {{lines:100}} {{file}}"), false},
                       {QStringLiteral("Disk usage"), QStringLiteral("df -h {{mount:/}}"), true}})
                .ok());
    panel.resize(1100, 620);
    panel.move(20, 20);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    TerminalView *left = panel.currentView();
    TerminalView *right = panel.splitCurrent(Qt::Horizontal);
    QVERIFY(right);
    QTest::qWait(500);   // both shells started at their final size
    left->sendSnippet(QStringLiteral("ls --color=always -l /usr/share | head -n 12; echo 'docs: https://example.org/guide'"), true);
    right->sendSnippet(QStringLiteral("printf '\\e[1;31mred \\e[32mgreen \\e[33myellow \\e[34mblue\\e[0m 中文 ok\\n'; seq 1 5"), true);
    right->setBroadcasting(true);
    QTest::qWait(800);
    const QList<Snippet> snippets = *panel.snippetStore().load(panel.profileId());
    SnippetVariablesDialog dialog(snippets.first(), &panel);
    dialog.field(QStringLiteral("file"))->setText(QStringLiteral("/var/log/nginx/error.log"));
    dialog.show();
    dialog.move(panel.geometry().center() - QPoint(dialog.width() / 2, dialog.height() / 2));
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::qWait(300);
    QPixmap shot = QGuiApplication::primaryScreen()->grabWindow(0, 0, 0, 1140, 660);
    if (QGuiApplication::platformName() == QLatin1String("offscreen")) {
        shot = panel.grab();
        QPainter p(&shot);
        p.drawPixmap(dialog.geometry().topLeft() - panel.geometry().topLeft(), dialog.grab());
    }
    QVERIFY(shot.save(dir + QStringLiteral("/terminal-split-snippet-%1.png").arg(lang)));
    SnippetEditorDialog editor(QStringLiteral("web-01"), snippets, &panel);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QTest::qWait(200);
    QVERIFY(editor.grab().save(dir + QStringLiteral("/terminal-snippet-editor-%1.png").arg(lang)));
    TerminalSettingsPage page;
    page.resize(560, 320);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(page.grab().save(dir + QStringLiteral("/terminal-settings-%1.png").arg(lang)));
    QCoreApplication::removeTranslator(&qwq);
    QCoreApplication::removeTranslator(&qt);
}

QTEST_MAIN(tst_TerminalPanel)

#include "tst_terminalpanel.moc"
