// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aipanel.h"

#include "aiservices.h"
#include "aisettingspage.h"
#include "chatview.h"
#include "conversationlist.h"
#include "toolcallcard.h"

#include <ai/core/agentturn.h>
#include <ai/core/toolexecutor.h>
#include <ai/core/aitr.h>
#include <ai/core/conversationstore.h>
#include <ai/core/llmclient.h>
#include <ai/core/serverfacts.h>
#include <helper/core/helperclient.h>
#include <workbench/core/servercontext.h>

#include <QApplication>
#include <QDockWidget>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QSplitter>
#include <QToolButton>
#include <QTimer>
#include <QVBoxLayout>

#include <pwd.h>
#include <unistd.h>

namespace Qwq::Ai {

namespace {
QToolButton *toolButton(const QString &name, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setObjectName(name);
    b->setAutoRaise(true);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return b;
}
} // namespace

AiPanel::AiPanel(Workbench::ServerContext *server, AiServices *services, QWidget *parent)
    : QWidget(parent), m_server(server), m_services(services), m_llm(new LlmClient(nullptr, this))
{
    setObjectName(QStringLiteral("aiPanel"));

    // Header: which model answers, and the conversation actions.
    m_modelLabel = new QLabel(this);
    m_modelLabel->setObjectName(QStringLiteral("aiModelIndicator"));
    m_modelLabel->setTextFormat(Qt::PlainText);
    m_modelLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_settingsButton = toolButton(QStringLiteral("aiSettingsButton"), this);
    m_historyButton = toolButton(QStringLiteral("aiHistoryButton"), this);
    m_historyButton->setCheckable(true);
    m_newButton = toolButton(QStringLiteral("aiNewButton"), this);
    m_exportButton = toolButton(QStringLiteral("aiExportButton"), this);
    auto *header = new QHBoxLayout;
    header->setSpacing(2);
    header->addWidget(m_modelLabel, 1);
    header->addWidget(m_settingsButton);
    header->addWidget(m_historyButton);
    header->addWidget(m_newButton);
    header->addWidget(m_exportButton);

    m_conversations = new ConversationList(m_services->conversations(), m_server->serverId(), this);
    m_conversations->hide();
    m_chat = new ChatView(this);
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->addWidget(m_conversations);
    m_splitter->addWidget(m_chat);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("aiStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);

    // What an "ask AI" entry point attached, shown collapsed above the input.
    m_attachment = new QFrame(this);
    m_attachment->setObjectName(QStringLiteral("aiAttachment"));
    m_attachment->setFrameShape(QFrame::StyledPanel);
    m_attachToggle = new QToolButton(m_attachment);
    m_attachToggle->setObjectName(QStringLiteral("aiAttachmentToggle"));
    m_attachToggle->setCheckable(true);
    m_attachToggle->setAutoRaise(true);
    m_attachToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_attachToggle->setArrowType(Qt::RightArrow);
    m_attachRemove = new QToolButton(m_attachment);
    m_attachRemove->setAutoRaise(true);
    m_attachRemove->setText(QStringLiteral("×"));
    m_attachView = new QPlainTextEdit(m_attachment);
    m_attachView->setReadOnly(true);
    m_attachView->setMaximumHeight(120);
    m_attachView->hide();
    connect(m_attachToggle, &QToolButton::toggled, this, [this](bool on) {
        m_attachView->setVisible(on);
        m_attachToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });
    connect(m_attachRemove, &QToolButton::clicked, this, &AiPanel::clearAttachment);
    auto *atop = new QHBoxLayout;
    atop->addWidget(m_attachToggle);
    atop->addStretch(1);
    atop->addWidget(m_attachRemove);
    auto *al = new QVBoxLayout(m_attachment);
    al->setContentsMargins(2, 2, 2, 2);
    al->setSpacing(0);
    al->addLayout(atop);
    al->addWidget(m_attachView);
    m_attachment->hide();

    m_input = new QPlainTextEdit(this);
    m_input->setObjectName(QStringLiteral("aiInput"));
    m_input->setTabChangesFocus(true);
    // Three lines; longer questions scroll inside, the conversation keeps the room.
    m_input->setFixedHeight(fontMetrics().lineSpacing() * 3 + 14);
    m_input->installEventFilter(this);
    // A click on the conversation (not on a message) goes to the input, as in chat apps.
    m_chat->setFocusPolicy(Qt::ClickFocus);
    m_chat->setFocusProxy(m_input);
    m_send = new QPushButton(this);
    m_send->setObjectName(QStringLiteral("aiSend"));
    m_send->setDefault(true);
    m_stop = new QPushButton(this);
    m_stop->setObjectName(QStringLiteral("aiStop"));
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_send);
    buttons->addWidget(m_stop);
    buttons->addStretch();
    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(m_input, 1);
    inputRow->addLayout(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_attachment);
    layout->addLayout(inputRow);

    // From the other panels (only the visible server's pane answers it; a terminal with the
    // focus keeps its keys).
    auto *focusInput = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), this);
    focusInput->setContext(Qt::WindowShortcut);
    connect(focusInput, &QShortcut::activated, this, [this] {
        raisePanel();
        m_input->setFocus();
    });
    connect(m_send, &QPushButton::clicked, this, &AiPanel::send);
    connect(m_stop, &QPushButton::clicked, this, &AiPanel::stop);
    connect(m_newButton, &QToolButton::clicked, this, &AiPanel::newConversation);
    connect(m_settingsButton, &QToolButton::clicked, this, &AiPanel::openSettings);
    connect(m_historyButton, &QToolButton::toggled, this, [this](bool on) {
        m_conversations->setVisible(on);
        if (on)
            m_conversations->reload();
    });
    connect(m_exportButton, &QToolButton::clicked, this, [this] {
        const QString server = m_server->serverName().simplified().replace(QLatin1Char(' '),
                                                                           QLatin1Char('-'));
        const QString name = QStringLiteral("qwq-ai-%1.md").arg(server);
        const QString path = QFileDialog::getSaveFileName(this, Tr::tr("Export Conversation"), name,
                                                          Tr::tr("Markdown (*.md)"));
        if (path.isEmpty())
            return;
        if (auto r = exportConversation(path); !r)
            m_chat->addNotice(r.error().message, true, r.error().detail);
    });
    connect(m_conversations, &ConversationList::conversationActivated, this,
            [this](const QString &id) { openConversation(id); });
    connect(m_conversations, &ConversationList::conversationRemoved, this, [this](const QString &id) {
        if (id == m_conversationId && !isBusy())
            newConversation();
    });
    connect(m_conversations, &ConversationList::failed, this,
            [this](const Error &e) { m_server->reportError(QStringLiteral("ai.chat"), e); });
    connect(m_server, &Workbench::ServerContext::readyChanged, this, &AiPanel::onReadyChanged);
    connect(m_server, &Workbench::ServerContext::askAiRequested, this, &AiPanel::prefill);
    connect(qApp, &QApplication::focusChanged, this,
            [this](QWidget *, QWidget *now) { trackActivePanel(now); });

    retranslate();
    updateButtons();
    onReadyChanged(m_server->isReady());
    m_services->audit();   // open both files now, so a problem shows once, at start
    if (const auto e = m_services->takeOpenError())
        m_server->reportError(QStringLiteral("ai.chat"), *e);
}

AiPanel::~AiPanel()
{
    if (m_turn) {
        m_turn->disconnect();   // no chat updates while the widgets go away
        m_turn->cancel();
    }
}

QString AiPanel::approverName()
{
    QString user;
    if (const passwd *pw = getpwuid(getuid()))
        user = QString::fromLocal8Bit(pw->pw_name);
    if (user.isEmpty())
        user = qEnvironmentVariable("USER", QStringLiteral("unknown"));
    return user + QStringLiteral(" (qwq pane)");
}

bool AiPanel::isBusy() const
{
    return m_turn || m_starting;
}

void AiPanel::retranslate()
{
    m_settingsButton->setText(Tr::tr("Settings…"));
    m_settingsButton->setToolTip(Tr::tr("Choose the AI provider and model"));
    m_historyButton->setText(Tr::tr("History"));
    m_historyButton->setToolTip(Tr::tr("Saved conversations with this server, with search"));
    m_newButton->setText(Tr::tr("New"));
    m_newButton->setToolTip(Tr::tr("Start a new conversation"));
    m_exportButton->setText(Tr::tr("Export…"));
    m_exportButton->setToolTip(Tr::tr("Save this conversation as Markdown"));
    m_attachRemove->setToolTip(Tr::tr("Remove the attachment"));
    m_attachToggle->setText(Tr::tr("Attached: %1").arg(m_attachTitle));
    m_input->setPlaceholderText(Tr::tr("Ask about %1… (Enter sends, Shift+Enter for a new line)")
                                    .arg(m_server->serverName()));
    m_input->setToolTip(
        Tr::tr("Ctrl+Shift+A comes here from the other panels (a terminal keeps its keys)"));
    m_send->setText(Tr::tr("Send"));
    m_stop->setText(Tr::tr("Stop"));
    updateModelIndicator();
}

void AiPanel::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    else if (e->type() == QEvent::ActivationChange && isActiveWindow())
        updateModelIndicator();   // the settings may have changed meanwhile
    QWidget::changeEvent(e);
}

bool AiPanel::eventFilter(QObject *watched, QEvent *e)
{
    if (watched == m_input && e->type() == QEvent::KeyPress) {
        auto *k = static_cast<QKeyEvent *>(e);
        if ((k->key() == Qt::Key_Return || k->key() == Qt::Key_Enter)
            && !(k->modifiers() & Qt::ShiftModifier)) {
            send();
            return true;
        }
    }
    return QWidget::eventFilter(watched, e);
}

QString AiPanel::modelText() const
{
    return m_modelLabel->text();
}

void AiPanel::updateModelIndicator()
{
    if (!ProviderConfig::isConfigured()) {
        m_modelLabel->setText(Tr::tr("No AI model is set up"));
        m_modelLabel->setToolTip(Tr::tr("Choose a provider and a model in the AI settings. "
                                        "Everything else in qwq works without one."));
        return;
    }
    const ProviderConfig c = ProviderConfig::load();
    const ProviderPreset p = ProviderPreset::byId(c.providerId);
    const QString where = p.id == QLatin1String("custom") ? c.baseUrl.host() : p.displayName;
    if (AiOptions::load().localOnly && !c.isLocal())
        m_modelLabel->setText(Tr::tr("%1 on %2: blocked, only a model on this machine is allowed")
                                  .arg(c.model, where));
    else if (c.isLocal())
        m_modelLabel->setText(Tr::tr("%1 on %2 (this machine)").arg(c.model, where));
    else
        m_modelLabel->setText(Tr::tr("%1 on %2").arg(c.model, where));
    m_modelLabel->setToolTip(c.baseUrl.toDisplayString());
}

void AiPanel::updateButtons()
{
    const bool busy = isBusy();
    m_send->setEnabled(!busy);
    m_stop->setEnabled(busy);
    m_newButton->setEnabled(!busy);
    m_exportButton->setEnabled(!m_conversationId.isEmpty());
}

void AiPanel::onReadyChanged(bool ready)
{
    if (!ready)
        m_systemInfo = {};
    maybeAutoAsk();
}

void AiPanel::maybeAutoAsk()
{
    // For screenshots and demos: QWQ_AI_ASK="question" is asked once per run, in the first pane
    // whose server is ready, as if typed (mutating calls still wait for approval).
    static bool asked = false;
    const QString question = qEnvironmentVariable("QWQ_AI_ASK");
    if (asked || question.isEmpty() || !m_server->isReady())
        return;
    asked = true;
    QTimer::singleShot(500, this, [this, question] {
        prefill(question, {}, {});
        send();
    });
}

void AiPanel::fetchFacts(std::function<void()> then)
{
    Helper::HelperClient *helper = m_server->helper();
    if (!helper)
        return then();
    helper->call(QStringLiteral("system.info"))
        .then(this, [this, then](const Result<QJsonValue> &r) {
            if (r)
                m_systemInfo = r->toObject();
            then();   // without the numbers if the call failed: the model can still ask
        });
}

QString AiPanel::contextText() const
{
    Helper::HelperClient *helper = m_server->helper();
    if (!helper && !m_executorOverride)
        return QStringLiteral("The server \"%1\" is not connected now, so no tools are available: "
                              "answer from general knowledge and say that you could not look.")
            .arg(m_server->serverName());
    if (!helper)
        return QStringLiteral("The server: \"%1\".").arg(m_server->serverName());
    return ServerFacts::from(m_server->serverName(), helper->info(), m_systemInfo)
        .toContext(m_activePanel);
}

void AiPanel::trackActivePanel(QWidget *now)
{
    // The panel the user works in, among this server's docks (not this one).
    auto *ownDock = qobject_cast<QDockWidget *>(parentWidget());
    for (QWidget *w = now; w; w = w->parentWidget()) {
        auto *dock = qobject_cast<QDockWidget *>(w);
        if (!dock)
            continue;
        if (dock != ownDock && ownDock && dock->parentWidget() == ownDock->parentWidget())
            m_activePanel = dock->windowTitle();
        return;
    }
}

void AiPanel::raisePanel()
{
    for (QWidget *w = parentWidget(); w; w = w->parentWidget()) {
        if (auto *dock = qobject_cast<QDockWidget *>(w)) {
            dock->show();
            dock->raise();
            break;
        }
    }
}

void AiPanel::prefill(const QString &question, const QString &attachmentTitle,
                      const QString &attachment)
{
    raisePanel();
    m_input->setPlainText(question);
    m_attachTitle = attachment.isEmpty() ? QString() : attachmentTitle;
    m_attachText = attachment;
    m_attachView->setPlainText(attachment);
    m_attachToggle->setChecked(false);
    m_attachToggle->setText(Tr::tr("Attached: %1").arg(m_attachTitle));
    m_attachment->setVisible(!attachment.isEmpty());
    m_input->setFocus();
    m_input->moveCursor(QTextCursor::End);
}

void AiPanel::clearAttachment()
{
    m_attachTitle.clear();
    m_attachText.clear();
    m_attachView->clear();
    m_attachment->hide();
}

void AiPanel::openSettings()
{
    AiSettingsDialog dialog(this);
    dialog.exec();
    updateModelIndicator();
}

void AiPanel::newConversation()
{
    if (isBusy())
        return;
    m_chat->clear();
    m_history.clear();
    m_conversationId.clear();
    m_status->clear();
    updateButtons();
    m_input->setFocus();
}

Result<void> AiPanel::exportConversation(const QString &path)
{
    ConversationStore *store = m_services->conversations();
    if (!store || m_conversationId.isEmpty())
        return Error(ErrorCode::NotFound, Tr::tr("There is no saved conversation to export yet"));
    const auto md = store->exportMarkdown(m_conversationId);
    if (!md)
        return md.error();
    QSaveFile f(path);
    const QByteArray bytes = md->toUtf8();
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return Error(ErrorCode::FileError, Tr::tr("Cannot write %1").arg(path), f.errorString(), {},
                     QStringLiteral("path"));
    return {};
}

} // namespace Qwq::Ai
