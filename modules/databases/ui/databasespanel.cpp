// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "databasespanel.h"

#include "connectiondialog.h"
#include "discoverdialog.h"
#include "querytab.h"
#include "redisbrowser.h"

#include <databases/core/databasestr.h>
#include <databases/core/dbsession.h>
#include <databases/core/dbtransfer.h>
#include <helper/core/helperclient.h>
#include <databases/core/dbtunnel.h>
#include <databases/core/redissession.h>
#include <databases/core/safemode.h>
#include "schemabrowser.h"
#include <editor/ui/codeeditor.h>
#include <profiles/core/secretstore.h>
#include <workbench/core/servercontext.h>
#include <workbench/ui/messagebar.h>
#include <workbench/ui/statepage.h>

#include <QEvent>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonObject>
#include <QMenu>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Qwq::Databases {

namespace {
constexpr int IdRole = Qt::UserRole + 1;
}

DatabasesPanel::DatabasesPanel(Workbench::ServerContext *server, QWidget *parent)
    : QWidget(parent), m_server(server), m_bar(new Workbench::MessageBar(this)), m_stack(new QStackedWidget(this)),
      m_empty(new Workbench::StatePage(m_stack)), m_main(new QWidget(m_stack)), m_list(new QListWidget(m_main)),
      m_tabs(new QTabWidget(m_main)), m_open(new QPushButton(m_main)),
      m_edit(new QPushButton(m_main)), m_delete(new QPushButton(m_main)), m_add(new QPushButton(m_main)), m_discover(new QPushButton(m_main)),
      m_title(new QLabel(m_main))
{
    m_list->setObjectName(QStringLiteral("connectionList"));
    m_tabs->setObjectName(QStringLiteral("queryTabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setDocumentMode(true);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int i) {
        QWidget *w = m_tabs->widget(i);
        m_tabs->removeTab(i);
        w->deleteLater();
    });
    QPushButton *add = m_add;
    connect(add, &QPushButton::clicked, this, &DatabasesPanel::newConnection);
    connect(m_open, &QPushButton::clicked, this, [this] { openConnection(selectedId()); });
    connect(m_edit, &QPushButton::clicked, this, &DatabasesPanel::editSelected);
    connect(m_delete, &QPushButton::clicked, this, &DatabasesPanel::deleteSelected);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        openConnection(item->data(IdRole).toString());
    });
    connect(m_list, &QListWidget::currentRowChanged, this, &DatabasesPanel::updateState);
    connect(m_discover, &QPushButton::clicked, this, &DatabasesPanel::discover);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, &DatabasesPanel::showMenu);

    auto *left = new QWidget(m_main);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_title);
    leftLayout->addWidget(m_list, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_open);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_delete);
    leftLayout->addLayout(buttons);
    leftLayout->addWidget(m_discover);
    auto *split = new QSplitter(Qt::Horizontal, m_main);
    split->addWidget(left);
    split->addWidget(m_tabs);
    split->setStretchFactor(1, 1);
    split->setSizes({200, 1000});
    auto *mainLayout = new QVBoxLayout(m_main);
    mainLayout->setContentsMargins(0, 0, 0, 0);
    mainLayout->addWidget(split);

    connect(m_empty->button(), &QPushButton::clicked, this, &DatabasesPanel::newConnection);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_main);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);
    layout->addWidget(m_stack, 1);
    retranslate();
    reload();
}

DatabasesPanel::~DatabasesPanel() = default;

void DatabasesPanel::retranslate()
{
    m_open->setText(Tr::tr("Open"));
    m_edit->setText(Tr::tr("Edit…"));
    m_delete->setText(Tr::tr("Delete"));
    m_add->setText(Tr::tr("New…"));
    m_discover->setText(Tr::tr("Find Databases on the Server…"));
    m_discover->setToolTip(Tr::tr("Services and containers running PostgreSQL, MariaDB/MySQL or Redis"));
    m_title->setText(Tr::tr("Connections"));
    m_empty->button()->setText(Tr::tr("Add a Connection…"));
    updateState();
}

void DatabasesPanel::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

QueryTab *DatabasesPanel::currentQueryTab() const
{
    return qobject_cast<QueryTab *>(m_tabs->currentWidget());
}

void DatabasesPanel::reload()
{
    if (Result<void> r = m_store.load(); !r)
        m_bar->showError(r.error());
    const QString keep = selectedId();
    m_list->clear();
    for (const ConnectionSpec &s : m_store.connections(m_server->serverId())) {
        auto *item = new QListWidgetItem(QStringLiteral("%1\n%2 · %3:%4%5")
                                             .arg(s.name, engineName(s.engine), s.host)
                                             .arg(s.port)
                                             .arg(s.database.isEmpty() ? QString() : QStringLiteral(" · ") + s.database),
                                         m_list);
        item->setData(IdRole, s.id);
        if (s.id == keep)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->count())
        m_list->setCurrentRow(0);
    updateState();
}

void DatabasesPanel::updateState()
{
    const bool any = m_list->count() > 0 || m_tabs->count() > 0;
    m_empty->label()->setText(Tr::tr("No database connections for %1 yet.\nAdd one: PostgreSQL, MariaDB/MySQL or Redis, "
                                     "reached through this server's SSH session.").arg(m_server->serverName()));
    m_stack->setCurrentWidget(any ? m_main : static_cast<QWidget *>(m_empty));
    const bool sel = !selectedId().isEmpty();
    m_open->setEnabled(sel);
    m_edit->setEnabled(sel);
    m_delete->setEnabled(sel);
}

QString DatabasesPanel::selectedId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(IdRole).toString() : QString();
}

ConnectionDialog *DatabasesPanel::newConnection()
{
    ConnectionSpec spec;
    spec.name = QStringLiteral("PostgreSQL");
    spec.user = QStringLiteral("postgres");
    spec.viaSsh = !m_server->profile().isLocal();
    auto *dialog = new ConnectionDialog(spec, m_server->serverName(), m_server->profile().isLocal(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { saveFromDialog(dialog); });
    dialog->open();
    return dialog;
}

ConnectionDialog *DatabasesPanel::editSelected()
{
    const auto spec = m_store.find(m_server->serverId(), selectedId());
    if (!spec)
        return nullptr;
    auto *dialog = new ConnectionDialog(*spec, m_server->serverName(), m_server->profile().isLocal(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { saveFromDialog(dialog); });
    dialog->open();
    return dialog;
}

void DatabasesPanel::saveFromDialog(ConnectionDialog *dialog)
{
    const ConnectionSpec saved = m_store.upsert(m_server->serverId(), dialog->spec());
    if (Result<void> r = m_store.save(); !r) {
        m_bar->showError(r.error());
        return;
    }
    const QString password = dialog->password();
    if (dialog->rememberPassword() && !password.isEmpty() && m_server->secretStore()) {
        QPointer<DatabasesPanel> self(this);
        m_server->secretStore()->write(ConnectionSpec::passwordKey(m_server->serverId(), saved.id), password)
            .then(this, [self](const Result<void> &r) {
                if (self && !r)
                    self->m_bar->showError(r.error());
            });
    }
    reload();
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(IdRole).toString() == saved.id)
            m_list->setCurrentRow(i);
    }
}

void DatabasesPanel::deleteSelected()
{
    const auto spec = m_store.find(m_server->serverId(), selectedId());
    if (!spec)
        return;
    if (QMessageBox::question(this, Tr::tr("Delete Connection"),
                              Tr::tr("Delete the saved connection \"%1\"? The database itself is not touched.").arg(spec->name))
        != QMessageBox::Yes)
        return;
    m_store.remove(m_server->serverId(), spec->id);
    if (Result<void> r = m_store.save(); !r)
        m_bar->showError(r.error());
    if (m_server->secretStore())
        (void)m_server->secretStore()->remove(ConnectionSpec::passwordKey(m_server->serverId(), spec->id));
    reload();
}

void DatabasesPanel::openConnection(const QString &connectionId, const QString &password)
{
    const auto spec = m_store.find(m_server->serverId(), connectionId);
    if (!spec)
        return;
    if (!m_server->profile().isLocal() && spec->viaSsh && !m_server->isReady()) {
        m_bar->showError(Error(ErrorCode::ConnectionFailed,
                               Tr::tr("%1 is not connected: connect to the server first.").arg(m_server->serverName())));
        return;
    }
    if (!password.isEmpty() || !m_server->secretStore()) {
        openWithPassword(*spec, password);
        return;
    }
    QPointer<DatabasesPanel> self(this);
    const ConnectionSpec s = *spec;
    m_server->secretStore()->read(ConnectionSpec::passwordKey(m_server->serverId(), s.id))
        .then(this, [self, s](const Result<QString> &r) {
            if (!self)
                return;
            QString pw = r ? *r : QString();
            if (pw.isEmpty() && s.engine != Engine::Redis) {
                bool ok = false;
                pw = QInputDialog::getText(self, Tr::tr("Password"),
                                           Tr::tr("Password of %1 for %2:").arg(s.user, s.name),
                                           QLineEdit::Password, {}, &ok);
                if (!ok)
                    return;
            }
            self->openWithPassword(s, pw);
        });
}

void DatabasesPanel::openWithPassword(const ConnectionSpec &spec, const QString &password)
{
    if (spec.engine == Engine::Redis) {
        // A Redis browser tab; the session and its bridge are the tab's children. A refused or
        // missing password asks for one and tries again.
        m_bar->showInfo(Tr::tr("Connecting to %1…").arg(spec.name));
        ConnectionSpec effective = spec;
        effective.safeMode = effectiveSafeMode(spec.safeMode, m_server->profile().mode);
        auto *tunnel = new DbTunnel(m_server->connection(), spec, this);
        QPointer<DatabasesPanel> self(this);
        tunnel->open().then(this, [self, tunnel, spec, effective, password](const Result<Endpoint> &ep) {
            if (!self)
                return;
            if (!ep) {
                self->m_bar->showError(ep.error());
                tunnel->deleteLater();
                return;
            }
            auto *session = new RedisSession(effective, self);
            session->open(*ep, password).then(self.data(), [self, session, tunnel, spec, effective](const Result<QString> &r) {
                if (!r) {
                    session->deleteLater();
                    tunnel->deleteLater();
                    if (r.error().field == QLatin1String("password")) {
                        bool ok = false;
                        const QString pw = QInputDialog::getText(self, Tr::tr("Password"),
                                                                 Tr::tr("%1\nPassword for %2:").arg(r.error().message, spec.name),
                                                                 QLineEdit::Password, {}, &ok);
                        if (ok) {
                            self->openWithPassword(spec, pw);
                            return;
                        }
                    }
                    self->m_bar->showError(r.error());
                    return;
                }
                auto *tab = new RedisBrowser(session, *r, self->m_tabs);
                session->setParent(tab); // the session and its bridge close with the tab
                tunnel->setParent(tab);
                const int i = self->m_tabs->addTab(tab, spec.name);
                self->m_tabs->setTabToolTip(i, QStringLiteral("Redis %1 · %2:%3").arg(*r, effective.host).arg(effective.port));
                self->m_tabs->setCurrentIndex(i);
                self->m_bar->clear();
                self->updateState();
                tab->patternEdit()->setFocus();
            });
        });
        return;
    }
    m_bar->showInfo(Tr::tr("Connecting to %1…").arg(spec.name));
    auto *tunnel = new DbTunnel(m_server->connection(), spec, this);
    QPointer<DatabasesPanel> self(this);
    tunnel->open().then(this, [self, tunnel, spec, password](const Result<Endpoint> &ep) {
        if (!self) {
            return;
        }
        if (!ep) {
            self->m_bar->showError(ep.error());
            tunnel->deleteLater();
            return;
        }
        auto *session = new DbSession(spec, self);
        QObject::connect(session, &DbSession::openFailed, self, [self, session, tunnel](const Error &e) {
            self->m_bar->showError(e);
            session->deleteLater();
            tunnel->deleteLater();
        });
        QObject::connect(session, &DbSession::opened, self, [self, session, tunnel, spec](const QString &version) {
            const SafeMode mode = effectiveSafeMode(spec.safeMode, self->m_server->profile().mode);
            auto *tab = new QueryTab(session, mode, self->m_tabs);
            session->setParent(tab); // the session and its bridge close with the tab
            tunnel->setParent(tab);
            tab->setLibrary(&self->m_library, spec.id);
            QObject::connect(tab, &QueryTab::askAiRequested, self,
                             [self](const QString &q, const QString &title, const QString &attachment) {
                                 self->m_server->askAi(q, title, attachment);
                             });
            // the schema through a connection of its own: results in the editor stay undisturbed
            DbSession *meta = session->openTwin(tab);
            QObject::connect(meta, &DbSession::opened, tab, [tab, meta] { tab->setMetadataSession(meta); });
            QObject::connect(meta, &DbSession::openFailed, tab, [tab](const Error &e) {
                tab->schemaBrowser()->setFailed(e.message);
            });
            const int i = self->m_tabs->addTab(tab, spec.name);
            self->m_tabs->setTabToolTip(i, QStringLiteral("%1 · %2").arg(version, spec.host));
            self->m_tabs->setCurrentIndex(i);
            self->m_bar->clear();
            self->updateState();
            tab->editor()->setFocus();
            emit self->queryTabOpened(tab);
        });
        session->open(*ep, password);
    });
}

} // namespace Qwq::Databases

namespace Qwq::Databases {

void DatabasesPanel::showMenu(const QPoint &pos)
{
    QListWidgetItem *item = m_list->itemAt(pos);
    if (!item)
        return;
    m_list->setCurrentItem(item);
    const auto spec = m_store.find(m_server->serverId(), selectedId());
    if (!spec)
        return;
    QMenu menu(this);
    menu.addAction(Tr::tr("Open"), this, [this] { openConnection(selectedId()); });
    menu.addAction(Tr::tr("Edit…"), this, &DatabasesPanel::editSelected);
    if (spec->engine != Engine::Redis) {
        menu.addSeparator();
        menu.addAction(Tr::tr("Dump to a File…"), this, [this, s = *spec] {
            const QString file = QFileDialog::getSaveFileName(this, Tr::tr("Dump %1").arg(s.database),
                                                              s.database + QStringLiteral(".sql"),
                                                              Tr::tr("SQL (*.sql);;All files (*)"));
            if (!file.isEmpty())
                dumpSelected(file);
        });
        menu.addAction(Tr::tr("Restore from a File…"), this, [this, s = *spec] {
            const QString file = QFileDialog::getOpenFileName(this, Tr::tr("Restore into %1").arg(s.database), {},
                                                              Tr::tr("SQL (*.sql);;All files (*)"));
            if (!file.isEmpty())
                restoreSelected(file, false);
        });
    }
    menu.addSeparator();
    menu.addAction(Tr::tr("Delete"), this, &DatabasesPanel::deleteSelected);
    menu.exec(m_list->viewport()->mapToGlobal(pos));
}

DiscoverDialog *DatabasesPanel::discover()
{
    auto *dialog = new DiscoverDialog(m_server->serverName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setLoading();
    connect(dialog, &DiscoverDialog::addRequested, this, [this](const ConnectionSpec &found) {
        ConnectionSpec spec = found;
        spec.viaSsh = !m_server->profile().isLocal();
        auto *d = new ConnectionDialog(spec, m_server->serverName(), m_server->profile().isLocal(), this);
        d->setAttribute(Qt::WA_DeleteOnClose);
        connect(d, &QDialog::accepted, this, [this, d] { saveFromDialog(d); });
        d->open();
    });
    dialog->open();
    Helper::HelperClient *helper = m_server->helper();
    if (!helper) {
        dialog->setFailed(Tr::tr("%1 is not connected: connect to the server first.").arg(m_server->serverName()));
        return dialog;
    }
    QPointer<DiscoverDialog> d(dialog);
    helper->call(QStringLiteral("databases.discover")).then(this, [d](const Result<QJsonValue> &r) {
        if (!d)
            return;
        if (!r)
            d->setFailed(r.error().message);
        else
            d->setInstances(r->toObject().value(QLatin1String("instances")).toArray());
    });
    return dialog;
}

DbTransfer *DatabasesPanel::dumpSelected(const QString &file, const QString &format, const QString &password)
{
    return transfer(true, file, format, false, password);
}

DbTransfer *DatabasesPanel::restoreSelected(const QString &file, bool create, const QString &password)
{
    return transfer(false, file, QString(), create, password);
}

DbTransfer *DatabasesPanel::transfer(bool dump, const QString &file, const QString &format, bool create,
                                     const QString &password)
{
    const auto spec = m_store.find(m_server->serverId(), selectedId());
    Helper::HelperClient *helper = m_server->helper();
    if (!spec || !helper) {
        m_bar->showError(Error(ErrorCode::ConnectionFailed,
                               Tr::tr("%1 is not connected: connect to the server first.").arg(m_server->serverName())));
        return nullptr;
    }
    auto *t = new DbTransfer(helper, this);
    const QString name = spec->name;
    connect(t, &DbTransfer::progress, this, [this, dump, name](qint64 bytes, qint64 total) {
        const QLocale loc;
        m_bar->showInfo(dump ? Tr::tr("Dumping %1: %2").arg(name, loc.formattedDataSize(bytes))
                             : Tr::tr("Restoring %1: %2 of %3").arg(name, loc.formattedDataSize(bytes), loc.formattedDataSize(total)));
    });
    connect(t, &DbTransfer::finished, this, [this, t, dump, name, file](const Result<QJsonObject> &r) {
        t->deleteLater();
        if (!r) {
            m_bar->showError(r.error());
            return;
        }
        const QLocale loc;
        m_bar->showInfo(dump ? Tr::tr("%1 dumped to %2 (%3, SHA-256 checked).")
                                   .arg(name, file, loc.formattedDataSize(qint64(r->value(QLatin1String("bytes")).toDouble())))
                             : Tr::tr("%1 restored from %2.").arg(name, file));
    });
    const ConnectionSpec s = *spec;
    const auto begin = [this, t, dump, s, file, format, create](const QString &pw) {
        QJsonObject params = DbTransfer::params(s, pw, format);
        if (!dump && create)
            params.insert(QStringLiteral("create"), true);
        const Result<void> r = dump ? t->dump(params, file) : t->restore(params, file);
        if (!r) {
            m_bar->showError(r.error());
            t->deleteLater();
        }
    };
    if (!password.isEmpty() || !m_server->secretStore()) {
        begin(password);
        return t;
    }
    QPointer<DbTransfer> guard(t);
    m_server->secretStore()->read(ConnectionSpec::passwordKey(m_server->serverId(), s.id))
        .then(this, [guard, begin](const Result<QString> &r) {
            if (guard)
                begin(r ? *r : QString());
        });
    return t;
}

} // namespace Qwq::Databases
