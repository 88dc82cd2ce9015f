// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sortmenu.h"

#include "profilesortmodel.h"

#include <core/core/settings.h>
#include <profiles/core/profilestr.h>

#include <QActionGroup>
#include <QEvent>

namespace Qwq::Profiles {

namespace {
const QString kSettingsKey = QStringLiteral("sidebar/sort");
}

SortMenu::SortMenu(ProfileSortModel *model, QWidget *parent)
    : QMenu(parent), m_model(model), m_group(new QActionGroup(this))
{
    setObjectName(QStringLiteral("sortMenu"));
    model->setOrder(ProfileSortModel::orderFromName(Settings::value(kSettingsKey).toString()));
    for (SortOrder order : {SortOrder::Name, SortOrder::LastUsed, SortOrder::Host}) {
        const QString name = ProfileSortModel::orderName(order);
        QAction *a = addAction(QString());
        a->setObjectName(QStringLiteral("sortBy") + name.at(0).toUpper() + name.mid(1));
        a->setCheckable(true);
        a->setChecked(model->order() == order);
        a->setData(name);
        m_group->addAction(a);
        connect(a, &QAction::triggered, this, [this, order, name] {
            m_model->setOrder(order);
            Settings::setValue(kSettingsKey, name);
            emit orderChanged();
        });
    }
    retranslate();
}

void SortMenu::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QMenu::changeEvent(e);
}

void SortMenu::retranslate()
{
    setTitle(Tr::tr("Sort Servers"));
    for (QAction *a : m_group->actions()) {
        switch (ProfileSortModel::orderFromName(a->data().toString())) {
        case SortOrder::LastUsed: a->setText(Tr::tr("By Last Used")); break;
        case SortOrder::Host: a->setText(Tr::tr("By Host")); break;
        default: a->setText(Tr::tr("By Name")); break;
        }
    }
}

} // namespace Qwq::Profiles
