// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <profiles/core/group.h>

#include <QDialog>
#include <QHash>
#include <QJsonObject>

class QComboBox;
class QGroupBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;
class QTreeWidgetItem;

namespace Qwq::Profiles {

class InheritField;
class ProfileStore;

/// Creates, renames, moves and deletes server groups ("prod/web" nests) and edits a group's
/// colour and the defaults its servers inherit (user, port, identity, jump hosts,
/// keep-alive). The tree on the left lists every group; the form on the right edits one and
/// is saved as a whole (a rename and new settings are one store write). Each default has an
/// "Inherit" box: ticked, the group sets nothing and the parent's value shows greyed.
/// Errors mark the field and name it; nothing is saved until the whole form is valid.
class GroupDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GroupDialog)
public:
    explicit GroupDialog(ProfileStore *store, QWidget *parent = nullptr);

    /// Shows `path` in the form (unsaved changes are asked about first).
    void selectGroup(const QString &path);
    /// The group in the form; empty while a new one is drafted.
    QString currentGroup() const { return m_current; }
    /// Drafts a new group under `parentPath` (empty: top level); Save creates it.
    void startNewGroup(const QString &parentPath = {});
    /// Saves the form: creates the drafted group, or updates (and renames, if its path was
    /// edited) the current one. False with the bad field marked and named in errorText().
    bool save();
    /// Asks (removeGroupAsking), then deletes the current group; a draft is just dropped.
    void deleteCurrent();
    bool isModified() const;

    /// Deletes `path` after asking: an empty group just goes; servers and subgroups in a
    /// non-empty one move to its parent group (or the top level) once the user agrees. No
    /// profile is ever deleted. False when cancelled or refused (the refusal is shown).
    static bool removeGroupAsking(ProfileStore *store, const QString &path, QWidget *parent);

    /// For tests: the form's editors by field ("path", "colour", "user", "port",
    /// "identityId", "jumpHosts", "keepAliveSeconds") and the inherit toggles.
    QWidget *field(const QString &name) const;
    InheritField *inheritField(const QString &name) const { return m_inheritFields.value(name); }
    QString errorText() const;
    QTreeWidget *tree() const { return m_tree; }

public slots:
    void done(int r) override;

private:
    void rebuildTree();
    void loadForm(const QString &path, bool draft);
    Result<Group> collect() const;
    QJsonObject formState() const;
    void refreshInherited();
    void showError(const Error &e);
    void clearError();
    bool confirmLeave();
    void onCurrentItemChanged(QTreeWidgetItem *current, QTreeWidgetItem *previous);
    void updateButtons();

    ProfileStore *m_store;
    QString m_current;
    bool m_draft = false;
    bool m_rebuilding = false;
    bool m_busy = false;
    QJsonObject m_loaded;
    QTreeWidget *m_tree;
    QPushButton *m_newButton;
    QPushButton *m_newSubButton;
    QPushButton *m_deleteButton;
    QFormLayout *m_form;
    QLineEdit *m_path;
    QLineEdit *m_colour;
    QLineEdit *m_user;
    QSpinBox *m_port;
    QComboBox *m_identity;
    QLineEdit *m_jumps;
    QSpinBox *m_keepAlive;
    QHash<QString, QWidget *> m_fields;
    QHash<QString, InheritField *> m_inheritFields;
    QLabel *m_members;
    QLabel *m_error;
    QPushButton *m_saveButton;
    QPushButton *m_revertButton;
    QGroupBox *m_formBox;
};

} // namespace Qwq::Profiles
