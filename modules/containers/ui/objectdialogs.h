// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace Qwq::Containers {

class ContainersService;

/// "Create Volume…": name (optional), driver, labels as key=value lines. An error the helper
/// or the local check pins on a field is shown naming that field, which gets the focus.
class VolumeCreateDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VolumeCreateDialog)
public:
    explicit VolumeCreateDialog(ContainersService *service, QWidget *parent = nullptr);
    void create();

signals:
    void created(const QString &name);

private:
    ContainersService *m_service;
    QLineEdit *m_name;
    QLineEdit *m_driver;
    QPlainTextEdit *m_labels;
    QLabel *m_status;
    QPushButton *m_create;
    QHash<QString, QWidget *> m_fields;
};

/// "Create Network…": name, driver (bridge, overlay, macvlan, ipvlan or typed), internal,
/// attachable, subnet and gateway (the gateway only with a subnet, checked here and by the helper).
class NetworkCreateDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkCreateDialog)
public:
    explicit NetworkCreateDialog(ContainersService *service, QWidget *parent = nullptr);
    void create();

signals:
    void created(const QString &name);

private:
    ContainersService *m_service;
    QLineEdit *m_name;
    QComboBox *m_driver;
    QCheckBox *m_internal;
    QCheckBox *m_attachable;
    QLineEdit *m_subnet;
    QLineEdit *m_gateway;
    QLabel *m_status;
    QPushButton *m_create;
    QHash<QString, QWidget *> m_fields;
};

/// "Connect Container…" / "Disconnect Container…" on one network: a container from the
/// server's list (for disconnect the attached ones first, when the daemon lists them), aliases
/// for connect, force for disconnect.
class NetworkConnectDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkConnectDialog)
public:
    NetworkConnectDialog(ContainersService *service, const QString &network, bool disconnect,
                         const QStringList &attached, QWidget *parent = nullptr);
    QComboBox *containerField() const { return m_container; }
    void apply();

signals:
    void changed();

private:
    ContainersService *m_service;
    QString m_network;
    bool m_disconnect;
    QComboBox *m_container;
    QLineEdit *m_aliases = nullptr;
    QCheckBox *m_force = nullptr;
    QLabel *m_status;
    QPushButton *m_go;
};

/// "Name: Invalid value for “name” (detail)": an error as a dialog shows it, naming the
/// field by its label when the error has one.
QString fieldErrorText(const Error &e, const QHash<QString, QString> &labels);

} // namespace Qwq::Containers
