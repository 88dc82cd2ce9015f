// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "formfields.h"

#include <profiles/core/profilestore.h>
#include <profiles/core/profilestr.h>

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>

namespace Qwq::Profiles {

namespace {
constexpr char kErrorStyle[] = "border:1px solid #d93f3f;";

bool layoutItemHolds(QLayoutItem *item, const QWidget *w)
{
    if (!item)
        return false;
    if (QWidget *iw = item->widget())
        return iw == w || iw->isAncestorOf(w);
    if (QLayout *l = item->layout()) {
        for (int i = 0; i < l->count(); ++i) {
            if (layoutItemHolds(l->itemAt(i), w))
                return true;
        }
    }
    return false;
}

QString labelFor(const QFormLayout *form, const QWidget *w)
{
    if (!form || !w)
        return {};
    for (int row = 0; row < form->rowCount(); ++row) {
        if (!layoutItemHolds(form->itemAt(row, QFormLayout::FieldRole), w))
            continue;
        const QLayoutItem *label = form->itemAt(row, QFormLayout::LabelRole);
        const auto *l = label ? qobject_cast<const QLabel *>(label->widget()) : nullptr;
        if (!l)
            return {};
        QString text = l->text().trimmed();
        text.remove(QLatin1Char('&'));
        while (text.endsWith(QLatin1Char(':')) || text.endsWith(QChar(0xFF1A)))   // "：" too
            text.chop(1);
        return text;
    }
    return {};
}
} // namespace

InheritField::InheritField(QWidget *editor, Getter get, Setter set, QWidget *parent)
    : QWidget(parent), m_editor(editor), m_get(std::move(get)), m_set(std::move(set))
{
    m_toggle = new QCheckBox(Tr::tr("Inherit"));
    m_toggle->setObjectName(editor->objectName().isEmpty() ? QString()
                                                           : editor->objectName() + QStringLiteral("Inherit"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(editor, 1);
    row->addWidget(m_toggle);
    connect(m_toggle, &QCheckBox::toggled, this, [this](bool on) {
        apply(on);
        emit inheritedChanged(on);
    });
}

InheritField *InheritField::forLineEdit(QLineEdit *e, QWidget *parent)
{
    return new InheritField(
        e, [e] { return QVariant(e->text()); }, [e](const QVariant &v) { e->setText(v.toString()); },
        parent);
}

InheritField *InheritField::forSpinBox(QSpinBox *e, QWidget *parent)
{
    return new InheritField(
        e, [e] { return QVariant(e->value()); }, [e](const QVariant &v) { e->setValue(v.toInt()); },
        parent);
}

InheritField *InheritField::forComboBox(QComboBox *e, QWidget *parent)
{
    return new InheritField(
        e, [e] { return e->currentData(); },
        [e](const QVariant &v) {
            const int i = e->findData(v);
            e->setCurrentIndex(i >= 0 ? i : 0);
        },
        parent);
}

bool InheritField::isInherited() const
{
    return m_toggle->isChecked();
}

void InheritField::setInherited(bool inherited)
{
    m_toggle->setChecked(inherited);   // toggled → apply() when it changes
    if (inherited == m_editor->isEnabled())
        apply(inherited);               // first call: the editor may not match yet
}

void InheritField::apply(bool inherited)
{
    if (inherited) {
        if (m_editor->isEnabled()) {
            m_own = m_get();
            m_hasOwn = true;
        }
        m_editor->setEnabled(false);
        m_set(m_inherited);
    } else if (!m_editor->isEnabled()) {
        m_editor->setEnabled(true);
        const bool emptyText = m_own.typeId() == QMetaType::QString && m_own.toString().isEmpty();
        m_set(m_hasOwn && m_own.isValid() && !emptyText ? m_own : m_inherited);
    }
}

void InheritField::setInheritedValue(const QVariant &value)
{
    m_inherited = value;
    if (isInherited())
        m_set(value);
}

QVariant InheritField::ownValue() const
{
    return isInherited() ? m_own : m_get();
}

void InheritField::setOwnValue(const QVariant &value)
{
    m_own = value;
    m_hasOwn = value.isValid();
    if (!isInherited())
        m_set(value);
}

QString jumpHostNames(const ProfileStore *store, const QStringList &ids)
{
    QStringList names;
    for (const QString &id : ids) {
        const auto hop = store->find(id);
        names << (hop ? hop->name : id);
    }
    return names.join(QStringLiteral(", "));
}

Result<QStringList> jumpHostIds(const ProfileStore *store, const QString &text, const QString &field)
{
    QStringList ids;
    for (const QString &raw : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString name = raw.trimmed();
        if (name.isEmpty())
            continue;
        const auto hop = store->find(name);
        if (!hop || hop->isLocal())
            return Error(ErrorCode::InvalidParam,
                         Tr::tr("No profile “%1” to use as a jump host").arg(name), {}, {}, field);
        ids << hop->id;
    }
    return ids;
}

void addJumpHostCompleter(QLineEdit *edit, const ProfileStore *store, const QString &exceptId)
{
    QStringList names;
    for (const Profile &other : store->profiles()) {
        if (!other.isLocal() && other.id != exceptId)
            names << other.name;
    }
    auto *completer = new QCompleter(names, edit);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    edit->setCompleter(completer);
}

void fillIdentities(QComboBox *combo, const ProfileStore *store, const QString &noneText)
{
    const QVariant keep = combo->currentData();
    combo->clear();
    combo->addItem(noneText, QString());
    QList<Identity> list = store->identities();
    std::sort(list.begin(), list.end(), [](const Identity &a, const Identity &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    for (const Identity &i : std::as_const(list))
        combo->addItem(i.name, i.id);
    const int at = combo->findData(keep);
    combo->setCurrentIndex(at >= 0 ? at : 0);
}

QWidget *colourRow(QLineEdit *edit, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    edit->setMaxLength(7);
    edit->setPlaceholderText(QStringLiteral("#3d9a5b"));
    auto *pick = new QToolButton;
    pick->setObjectName(edit->objectName() + QStringLiteral("Pick"));
    pick->setText(Tr::tr("Pick…"));
    pick->setToolTip(Tr::tr("Choose a colour"));
    pick->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto updateSwatch = [pick, edit] {
        const QColor c(edit->text().trimmed());
        QPixmap swatch(12, 12);
        swatch.fill(c.isValid() && edit->text().trimmed().size() == 7 ? c : Qt::transparent);
        pick->setIcon(QIcon(swatch));
    };
    QObject::connect(edit, &QLineEdit::textChanged, pick, updateSwatch);
    QObject::connect(pick, &QToolButton::clicked, pick, [edit, row] {
        const QColor start(edit->text().trimmed());
        const QColor c = QColorDialog::getColor(start.isValid() ? start : QColor(0x3d, 0x9a, 0x5b),
                                                row->window(), Tr::tr("Colour"));
        if (c.isValid())
            edit->setText(c.name());
    });
    updateSwatch();
    layout->addWidget(edit, 1);
    layout->addWidget(pick);
    return row;
}

QString normaliseGroupPath(const QString &path)
{
    if (path.trimmed().isEmpty())
        return {};
    QStringList parts = path.split(QLatin1Char('/'));
    for (QString &p : parts)
        p = p.trimmed();
    return parts.join(QLatin1Char('/'));
}

QString showFieldError(const QFormLayout *form, const QList<QWidget *> &fields, QWidget *bad,
                       const Error &e)
{
    for (QWidget *w : fields)
        w->setStyleSheet(QString());
    QString message = e.message;
    if (bad) {
        bad->setStyleSheet(QLatin1String(kErrorStyle));
        bad->setFocus();
        const QString label = labelFor(form, bad);
        if (!label.isEmpty())
            message = Tr::tr("%1: %2", "field label: error message").arg(label, message);
    }
    if (!e.detail.isEmpty())
        message = Tr::tr("%1 (%2)", "error message (detail)").arg(message, e.detail);
    return message;
}

QLabel *makeErrorLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color:#a11d25;"));
    label->hide();
    return label;
}

} // namespace Qwq::Profiles
