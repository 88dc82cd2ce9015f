// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "knownhosts.h"

#include "sshtr.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QSaveFile>

namespace Qwq::Ssh {

namespace {

struct Entry
{
    QByteArray marker; // "", "@revoked", "@cert-authority"
    QByteArray hosts;
    QByteArray type;
    QByteArray key;
};

bool parseLine(const QByteArray &rawLine, Entry *e)
{
    const QByteArray line = rawLine.trimmed();
    if (line.isEmpty() || line.startsWith('#'))
        return false;
    QList<QByteArray> parts = line.simplified().split(' ');
    if (parts.first().startsWith('@')) {
        e->marker = parts.takeFirst();
    }
    if (parts.size() < 3)
        return false;
    e->hosts = parts.at(0);
    e->type = parts.at(1);
    e->key = parts.at(2);
    return true;
}

// OpenSSH's pattern syntax: '*' any run, '?' one character; case-insensitive for names.
bool wildcardMatch(const QString &pattern, const QString &name)
{
    if (!pattern.contains(QLatin1Char('*')) && !pattern.contains(QLatin1Char('?')))
        return pattern.compare(name, Qt::CaseInsensitive) == 0;
    const QRegularExpression re(
        QRegularExpression::wildcardToRegularExpression(pattern,
                                                        QRegularExpression::UnanchoredWildcardConversion),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(name);
    return m.hasMatch() && m.capturedStart() == 0 && m.capturedLength() == name.size();
}

bool hashedMatch(const QByteArray &field, const QString &name)
{
    // |1|base64(salt)|base64(HMAC-SHA1(salt, name))
    const QList<QByteArray> p = field.split('|');
    if (p.size() != 4 || p.at(1) != "1")
        return false;
    const QByteArray salt = QByteArray::fromBase64(p.at(2));
    const QByteArray mac = QMessageAuthenticationCode::hash(name.toUtf8(), salt,
                                                            QCryptographicHash::Sha1);
    return mac == QByteArray::fromBase64(p.at(3));
}

bool hostsMatch(const QByteArray &hosts, const QString &name)
{
    if (hosts.startsWith("|1|"))
        return hashedMatch(hosts, name);
    bool matched = false;
    for (const QByteArray &raw : hosts.split(',')) {
        const bool negated = raw.startsWith('!');
        const QString pattern = QString::fromUtf8(negated ? raw.mid(1) : raw);
        if (wildcardMatch(pattern, name)) {
            if (negated)
                return false;
            matched = true;
        }
    }
    return matched;
}

QList<QByteArray> readLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().split('\n');
}

} // namespace

KnownHosts::KnownHosts(QString qwqFile, QString userFile)
    : m_qwqFile(std::move(qwqFile)), m_userFile(std::move(userFile))
{
    if (m_userFile.isEmpty())
        m_userFile = QDir::homePath() + QStringLiteral("/.ssh/known_hosts");
}

QString KnownHosts::hostEntryName(const QString &host, quint16 port)
{
    if (port == 22)
        return host;
    return QStringLiteral("[%1]:%2").arg(host).arg(port);
}

QString KnownHosts::sha256Fingerprint(const QByteArray &keyBlob)
{
    const QByteArray digest = QCryptographicHash::hash(keyBlob, QCryptographicHash::Sha256);
    return QStringLiteral("SHA256:")
           + QString::fromLatin1(digest.toBase64(QByteArray::OmitTrailingEquals));
}

KnownHosts::Match KnownHosts::check(const QString &host, quint16 port, const QString &type,
                                    const QByteArray &keyBase64, QString *knownSha256) const
{
    const QString name = hostEntryName(host, port);
    const QByteArray typeBytes = type.toUtf8();
    const QByteArray blob = QByteArray::fromBase64(keyBase64);
    bool known = false;
    QString changedFp;
    for (const QString &file : {m_qwqFile, m_userFile}) {
        if (file.isEmpty())
            continue;
        for (const QByteArray &line : readLines(file)) {
            Entry e;
            if (!parseLine(line, &e) || e.marker == "@cert-authority")
                continue;
            if (!hostsMatch(e.hosts, name))
                continue;
            const bool sameKey = QByteArray::fromBase64(e.key) == blob;
            if (e.marker == "@revoked") {
                if (sameKey) {
                    if (knownSha256)
                        *knownSha256 = sha256Fingerprint(blob);
                    return Match::Changed;
                }
                continue;
            }
            if (!e.marker.isEmpty() || e.type != typeBytes)
                continue;
            if (sameKey)
                known = true;
            else if (changedFp.isEmpty())
                changedFp = sha256Fingerprint(QByteArray::fromBase64(e.key));
        }
    }
    if (known)
        return Match::Known;
    if (!changedFp.isEmpty()) {
        if (knownSha256)
            *knownSha256 = changedFp;
        return Match::Changed;
    }
    return Match::Unknown;
}

Result<void> KnownHosts::accept(const HostKeyInfo &key)
{
    const QString name = hostEntryName(key.host, key.port);
    const QByteArray typeBytes = key.type.toUtf8();
    const auto fail = [&](const QString &detail) {
        return Error(ErrorCode::FileError,
                     Tr::tr("Could not save the host key of %1 to %2.").arg(name, m_qwqFile),
                     detail);
    };
    if (m_qwqFile.isEmpty() || key.type.isEmpty() || key.publicKeyBase64.isEmpty())
        return Error(ErrorCode::InvalidParam, Tr::tr("The host key to save is incomplete."));

    const QFileInfo info(m_qwqFile);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(QStringLiteral("cannot create directory %1").arg(info.absolutePath()));

    QByteArray out;
    for (const QByteArray &line : readLines(m_qwqFile)) {
        Entry e;
        if (parseLine(line, &e) && e.marker.isEmpty() && e.type == typeBytes
            && hostsMatch(e.hosts, name)) {
            if (e.hosts.startsWith("|1|"))
                continue;
            // Keep the other names of a "a,b,c" line; drop only ours.
            QList<QByteArray> rest;
            for (const QByteArray &h : e.hosts.split(','))
                if (QString::fromUtf8(h).compare(name, Qt::CaseInsensitive) != 0)
                    rest.append(h);
            if (rest.isEmpty())
                continue;
            if (rest.size() != e.hosts.split(',').size()) {
                out += rest.join(',') + ' ' + e.type + ' ' + e.key + '\n';
                continue;
            }
            // Matched only through a wildcard: keep it; our exact entry takes precedence.
        }
        if (!line.trimmed().isEmpty())
            out += line + '\n';
    }
    out += name.toUtf8() + ' ' + typeBytes + ' ' + key.publicKeyBase64 + '\n';

    QSaveFile f(m_qwqFile);
    if (!f.open(QIODevice::WriteOnly))
        return fail(f.errorString());
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (f.write(out) != out.size())
        return fail(f.errorString());
    if (!f.commit())
        return fail(f.errorString());
    QFile::setPermissions(m_qwqFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

} // namespace Qwq::Ssh
