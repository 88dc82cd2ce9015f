// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "discoverdialog.h"

#include <databases/core/databasestr.h>

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Qwq::Databases {

DiscoverDialog::DiscoverDialog(const QString &serverName, QWidget *parent)
    : QDialog(parent), m_state(new QLabel(this)), m_list(new QTreeWidget(this)),
      m_add(new QPushButton(Tr::tr("Add Connection…"), this))
{
    setWindowTitle(Tr::tr("Databases on %1").arg(serverName));
    m_state->setTextFormat(Qt::PlainText);
    m_state->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("discoveredList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({Tr::tr("Engine"), Tr::tr("Where"), Tr::tr("Address"), Tr::tr("Version")});
    m_list->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_add->setEnabled(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_add, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] { m_add->setEnabled(selectedSpec().has_value()); });
    const auto add = [this] {
        if (const auto s = selectedSpec())
            emit addRequested(*s);
    };
    connect(m_add, &QPushButton::clicked, this, add);
    connect(m_list, &QTreeWidget::itemActivated, this, add);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(680, 360);
}

void DiscoverDialog::setLoading()
{
    m_state->setText(Tr::tr("Looking for database servers and containers…"));
}

void DiscoverDialog::setFailed(const QString &message)
{
    m_state->setText(Tr::tr("Could not look: %1").arg(message));
}

void DiscoverDialog::setInstances(const QJsonArray &instances)
{
    m_instances = instances;
    m_list->clear();
    for (int i = 0; i < instances.size(); ++i) {
        const QJsonObject o = instances.at(i).toObject();
        const QString engine = o.value(QLatin1String("engine")).toString();
        const auto e = engineFromId(engine);
        const QJsonObject c = o.value(QLatin1String("container")).toObject();
        const QString where = c.isEmpty()
            ? Tr::tr("service%1").arg(o.value(QLatin1String("pid")).isDouble()
                                          ? QStringLiteral(" (pid %1)").arg(o.value(QLatin1String("pid")).toInt()) : QString())
            : Tr::tr("container %1 (%2)").arg(c.value(QLatin1String("name")).toString(), c.value(QLatin1String("image")).toString());
        const QString host = o.value(QLatin1String("host")).toString();
        const QString address = host.isEmpty() ? o.value(QLatin1String("unixSocket")).toString()
                                               : QStringLiteral("%1:%2").arg(host).arg(o.value(QLatin1String("port")).toInt());
        auto *item = new QTreeWidgetItem(m_list, {e ? engineName(*e) : engine, where, address,
                                                  o.value(QLatin1String("version")).toString()});
        item->setData(0, Qt::UserRole, i);
    }
    m_state->setText(instances.isEmpty() ? Tr::tr("No PostgreSQL, MariaDB/MySQL or Redis was found on this server.")
                                         : Tr::tr("Choose one to add it as a connection."));
    if (m_list->topLevelItemCount())
        m_list->setCurrentItem(m_list->topLevelItem(0));
}

std::optional<ConnectionSpec> DiscoverDialog::selectedSpec() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return std::nullopt;
    const QJsonObject o = m_instances.at(item->data(0, Qt::UserRole).toInt()).toObject();
    const auto e = engineFromId(o.value(QLatin1String("engine")).toString());
    if (!e || o.value(QLatin1String("host")).toString().isEmpty())
        return std::nullopt; // a unix socket only: not reachable through direct-tcpip
    ConnectionSpec s;
    s.engine = *e;
    s.host = o.value(QLatin1String("host")).toString();
    s.port = quint16(o.value(QLatin1String("port")).toInt(defaultPort(*e)));
    const QJsonObject c = o.value(QLatin1String("container")).toObject();
    s.name = c.isEmpty() ? QStringLiteral("%1 :%2").arg(engineName(*e)).arg(s.port) : c.value(QLatin1String("name")).toString();
    s.user = *e == Engine::PostgreSql ? QStringLiteral("postgres") : *e == Engine::MariaDb ? QStringLiteral("root") : QString();
    return s;
}

} // namespace Qwq::Databases
