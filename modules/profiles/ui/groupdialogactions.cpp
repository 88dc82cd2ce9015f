// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// GroupDialog: deleting groups, errors and leaving with unsaved changes.
#include "groupdialog.h"

#include "formfields.h"

#include <profiles/core/profilestore.h>
#include <profiles/core/profilestr.h>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>

#include <algorithm>

namespace Qwq::Profiles {

void GroupDialog::deleteCurrent()
{
    if (m_draft) {
        m_loaded = formState();   // nothing to keep
        const QStringList paths = m_store->groupPaths();
        if (!paths.isEmpty())
            selectGroup(paths.first());
        return;
    }
    if (m_current.isEmpty())
        return;
    m_busy = true;
    const bool removed = removeGroupAsking(m_store, m_current, this);
    m_busy = false;
    if (!removed)
        return;
    // Show the parent (where the servers went), else any group, else a new draft.
    const QString parent = Group::parentPath(m_current);
    const QStringList paths = m_store->groupPaths();
    if (paths.contains(parent))
        loadForm(parent, false);
    else if (!paths.isEmpty())
        loadForm(paths.first(), false);
    else
        loadForm(QString(), true);
    rebuildTree();
}

bool GroupDialog::removeGroupAsking(ProfileStore *store, const QString &path, QWidget *parent)
{
    const QString target = Group::parentPath(path);
    const int servers = store->serversWithin(path);
    const QStringList paths = store->groupPaths();
    const int subgroups = int(std::count_if(paths.cbegin(), paths.cend(), [&](const QString &p) {
        return p != path && Group::isWithin(p, path);
    }));
    QMessageBox box(QMessageBox::Question, Tr::tr("Delete Group"), QString(), QMessageBox::NoButton, parent);
    box.setObjectName(QStringLiteral("deleteGroupQuestion"));
    box.setTextFormat(Qt::PlainText);
    QPushButton *accept;
    if (servers == 0 && subgroups == 0) {
        box.setText(Tr::tr("Delete the empty group “%1”?").arg(path));
        accept = box.addButton(Tr::tr("Delete"), QMessageBox::AcceptRole);
    } else {
        box.setText(Tr::tr("The group “%1” is not empty. Servers in it and its subgroups: %2. "
                           "Subgroups: %3.").arg(path).arg(servers).arg(subgroups));
        box.setInformativeText(
            target.isEmpty()
                ? Tr::tr("They move to the top level when the group is deleted. No server is "
                         "deleted; servers that inherited settings from this group take them from "
                         "the defaults instead.")
                : Tr::tr("They move to the group “%1” when this group is deleted. No server is "
                         "deleted; servers that inherited settings from this group take them from "
                         "“%1” instead.").arg(target));
        accept = box.addButton(target.isEmpty() ? Tr::tr("Move to Top Level and Delete")
                                                : Tr::tr("Move to Parent and Delete"),
                               QMessageBox::AcceptRole);
    }
    accept->setObjectName(QStringLiteral("confirmDeleteGroupButton"));
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != accept)
        return false;
    if (auto r = store->removeGroup(path, target); !r) {
        QMessageBox::warning(parent, Tr::tr("Delete Group"), r.error().message);
        return false;
    }
    return true;
}

void GroupDialog::showError(const Error &e)
{
    QString key = e.field;
    if (key == QLatin1String("group"))
        key = QStringLiteral("group.path");
    m_error->setText(showFieldError(m_form, m_fields.values(), m_fields.value(key), e));
    m_error->show();
}

void GroupDialog::clearError()
{
    for (QWidget *w : std::as_const(m_fields))
        w->setStyleSheet(QString());
    m_error->clear();
    m_error->hide();
}

bool GroupDialog::confirmLeave()
{
    if (!isModified())
        return true;
    const auto answer = QMessageBox::question(
        this, Tr::tr("Unsaved Changes"),
        m_draft ? Tr::tr("Save the new group?")
                : Tr::tr("Save the changes to the group “%1”?").arg(m_current),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        return save();
    return true;
}

void GroupDialog::done(int r)
{
    if (!confirmLeave())
        return;
    QDialog::done(r);
}

void GroupDialog::updateButtons()
{
    m_newSubButton->setEnabled(!m_draft && !m_current.isEmpty());
    m_deleteButton->setEnabled(m_draft || !m_current.isEmpty());
}

} // namespace Qwq::Profiles
