// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "acme/client.h"
#include "nginx/install.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace qwqhelper {
class CancelToken;
}

/// Where qwq keeps certificates and ACME accounts, and how a certificate gets into a managed
/// site. Certificates: <cert dir>/<name>/{fullchain.pem (0644), privkey.pem (0600), qwq.json}
/// with the cert dir $QWQ_CERT_DIR (helper environment) or /etc/ssl/qwq, which must be under the
/// allowed certificate roots. Accounts: <data root>/acme/accounts/<hash of directory URL>/
/// {key.pem (0600), account.json}. No private key is ever written anywhere else.
namespace qwqhelper::acme {

std::string certDir();                               // throws 1001 "certDir" when not allowed
std::vector<std::string> certRoots();                // the allowed roots for certificate files
// "example.com" / "*.example.com" → directory name (wildcards as "_wildcard.example.com").
std::string storeName(const std::string &domain);

// The account key for a CA directory URL (created on first use, 0600).
Key accountKey(const std::string &directoryUrl, nlohmann::json &account);
void saveAccount(const std::string &directoryUrl, const nlohmann::json &account);

struct Stored
{
    std::string dir, certPath, keyPath;
};
// Writes the certificate (and chain) and its key; returns the previous files' content so a
// failed install can put them back (restore()).
struct Previous
{
    std::optional<std::string> cert, key, meta;
    bool dirExisted = false;
};
Stored storePaths(const std::string &name);
Previous writeCertificate(const Stored &s, const std::string &chainPem, const std::string &keyPem,
                          const nlohmann::json &meta);
void restore(const Stored &s, const Previous &p) noexcept;
nlohmann::json readMeta(const Stored &s);
void writeMeta(const Stored &s, const nlohmann::json &meta);

// Every qwq certificate directory name in the cert dir.
std::vector<std::string> storedNames();

// Sets sslCertificate/sslCertificateKey (and sslPort, httpsRedirect when given) in the managed
// site's spec and applies it through the staged pipeline. Throws 5002/5003/5000/5006.
nlohmann::json installIntoSite(const nginx::Install &in, const std::string &domain, const Stored &s,
                               std::optional<int64_t> sslPort, std::optional<bool> httpsRedirect,
                               CancelToken *cancel);

/// HTTP-01 through the managed site: the token file in the challenge directory.
class HttpSolver final : public IChallengeSolver
{
public:
    std::string type() const override { return "http-01"; }
    void present(const std::string &domain, const std::string &token, const std::string &value) override;
    void cleanup(const std::string &domain, const std::string &token) noexcept override;
};

struct RequestOptions
{
    std::string domain;    // a managed site
    std::string directory; // CA directory URL
    std::string email;
    std::string challenge = "http-01";
    nlohmann::json dns;    // dns-01 provider settings
    std::optional<int64_t> sslPort;
    std::optional<bool> httpsRedirect;
};
// Orders a certificate for the site's names, stores it and installs it into the site.
nlohmann::json requestCertificate(const nginx::Install &in, const RequestOptions &o,
                                  const Client::Progress &progress, CancelToken *cancel);

// DNS-01 settings of a stored certificate, secret included, for its renewal:
// <data root>/acme/dns/<name>.json (0600); null when there are none.
nlohmann::json dnsSettings(const std::string &name);

// The managed site's names (domain first, then aliases), from its spec; throws 5002/5003.
std::vector<std::string> siteNames(const nginx::Install &in, const std::string &domain);

// A DNS-01 solver for the settings in `dns` ({"provider": "rfc2136", …}); throws 1001 naming
// the field. Defined with the providers (dnsupdate.cpp).
std::unique_ptr<IChallengeSolver> dnsSolver(const nlohmann::json &dns, CancelToken *cancel);

} // namespace qwqhelper::acme
