// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "acme/crypto.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace qwqhelper {
class CancelToken;
}

/// An ACME (RFC 8555) client: account, order, authorizations, challenges, finalisation and
/// download. Every request is a JWS signed with the account key (ES256) carrying a fresh nonce;
/// a badNonce answer is retried with the nonce it brought. Failures throw RpcError 5008 (the
/// CA's problem document in data) or 5009 (a challenge the CA found invalid).
namespace qwqhelper::acme {

inline constexpr int kAcmeFailed = 5008;
inline constexpr int kChallengeFailed = 5009;
inline constexpr int kDnsMismatch = 5010;
inline constexpr int kCertInvalid = 5011;
inline constexpr int kDnsUpdateFailed = 5012;

/// Makes one challenge answerable and removes it again. HTTP-01 writes the token file the
/// managed site serves; DNS-01 providers publish a TXT record (RFC 2136 today; an API provider
/// is another implementation of this interface).
class IChallengeSolver
{
public:
    virtual ~IChallengeSolver() = default;
    virtual std::string type() const = 0; // "http-01" | "dns-01"
    // `value` is the key authorization (HTTP-01) or its base64url SHA-256 (DNS-01).
    virtual void present(const std::string &domain, const std::string &token, const std::string &value) = 0;
    virtual void cleanup(const std::string &domain, const std::string &token) noexcept = 0;
};

class Client final
{
public:
    Client(std::string directoryUrl, EVP_PKEY *accountKey, CancelToken *cancel);

    // Registers (or finds, for a key the CA knows) the account; returns its URL (the kid).
    std::string account(const std::string &email);

    using Progress = std::function<void(const std::string &stage, const nlohmann::json &detail)>;
    // Orders a certificate for `names`, answers each authorization through `solver`, finalises
    // with a CSR made from `certKey` and returns the PEM chain (leaf first).
    std::string issue(const std::vector<std::string> &names, EVP_PKEY *certKey, IChallengeSolver &solver,
                      const Progress &progress);

private:
    struct Reply
    {
        int status = 0;
        std::string location;
        std::string body;
        nlohmann::json json;
    };
    void loadDirectory();
    std::string nonce();
    Reply post(const std::string &url, const std::string &payload, bool useKid);
    nlohmann::json pollUntil(const std::string &url, const std::vector<std::string> &done,
                             int timeoutSeconds);
    [[noreturn]] void fail(const std::string &what, int status, const nlohmann::json &problem) const;

    std::string m_directoryUrl;
    EVP_PKEY *m_key;
    CancelToken *m_cancel;
    nlohmann::json m_directory;
    std::string m_nonce;
    std::string m_kid;
};

} // namespace qwqhelper::acme
