// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QVariant>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Qwq::Profiles {

class ProfileStore;

/// One inheritable setting in a form: its editor and an "Inherit" check box. While inherited
/// the editor is disabled and shows the inherited value (greyed); the own value is kept aside
/// and comes back when the box is cleared. A field that had no own value starts from the
/// inherited one, so the user edits from what applied before.
class InheritField final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InheritField)
public:
    using Getter = std::function<QVariant()>;
    using Setter = std::function<void(const QVariant &)>;

    InheritField(QWidget *editor, Getter get, Setter set, QWidget *parent = nullptr);
    static InheritField *forLineEdit(QLineEdit *editor, QWidget *parent = nullptr);
    static InheritField *forSpinBox(QSpinBox *editor, QWidget *parent = nullptr);
    /// The value is the current item's data.
    static InheritField *forComboBox(QComboBox *editor, QWidget *parent = nullptr);

    QWidget *editor() const { return m_editor; }
    QCheckBox *toggle() const { return m_toggle; }
    bool isInherited() const;
    void setInherited(bool inherited);
    /// What is shown while inherited.
    void setInheritedValue(const QVariant &value);
    QVariant inheritedValue() const { return m_inherited; }
    /// The own value: the editor's while not inherited, the one kept aside otherwise.
    QVariant ownValue() const;
    /// The value that applies: ownValue() or inheritedValue().
    QVariant value() const { return isInherited() ? m_inherited : ownValue(); }
    /// An invalid value means "none": clearing the box then starts from the inherited value.
    void setOwnValue(const QVariant &value);
    bool hasOwnValue() const { return !isInherited() || m_hasOwn; }

signals:
    void inheritedChanged(bool inherited);

private:
    void apply(bool inherited);

    QWidget *m_editor;
    QCheckBox *m_toggle;
    Getter m_get;
    Setter m_set;
    QVariant m_own;
    QVariant m_inherited;
    bool m_hasOwn = true;
};

/// "bastion, hop2": jump host ids as profile names (an unknown id is shown as it is).
QString jumpHostNames(const ProfileStore *store, const QStringList &ids);
/// Profile ids for comma-separated names (or ids), nearest first. Errors name `field`.
Result<QStringList> jumpHostIds(const ProfileStore *store, const QString &text,
                                const QString &field);
/// Completes profile names (This computer and `exceptId` left out) in a jump host field.
void addJumpHostCompleter(QLineEdit *edit, const ProfileStore *store, const QString &exceptId = {});
/// Fills an identity picker: `noneText` (data "") first, then the identities by name.
void fillIdentities(QComboBox *combo, const ProfileStore *store, const QString &noneText);
/// A colour field "#rrggbb" with a swatch button that opens a colour picker.
QWidget *colourRow(QLineEdit *edit, QWidget *parent = nullptr);
/// "prod / web " → "prod/web": every "/"-separated part trimmed (empty parts kept, so the
/// path check still names them).
QString normaliseGroupPath(const QString &path);

/// Marks the bad field (red border, focus) and returns the message with the field's form
/// label in front ("Port: …"), so every error names the field it is about.
QString showFieldError(const QFormLayout *form, const QList<QWidget *> &fields, QWidget *bad,
                       const Error &e);
/// The error label used under every profiles form (red, plain text, wrapped, hidden).
QLabel *makeErrorLabel(const QString &objectName);

} // namespace Qwq::Profiles
