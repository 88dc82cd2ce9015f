// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

typedef struct evp_pkey_st EVP_PKEY;
typedef struct x509_st X509;

/// OpenSSL for certificates: keys (ECDSA P-256 by default), JWS signatures for ACME (RFC 7515,
/// ES256), CSRs, and reading and checking PEM certificates, keys and chains. Failures are
/// reported as std::nullopt or an error string; nothing here throws across the caller.
namespace qwqhelper::acme {

struct KeyDeleter { void operator()(EVP_PKEY *k) const; };
struct CertDeleter { void operator()(X509 *c) const; };
using Key = std::unique_ptr<EVP_PKEY, KeyDeleter>;
using Cert = std::unique_ptr<X509, CertDeleter>;

std::string base64url(const std::string &bytes);
std::string sha256(const std::string &bytes); // raw digest

Key generateEcKey();                        // P-256
std::string keyToPem(EVP_PKEY *key);        // PKCS#8, unencrypted
Key keyFromPem(const std::string &pem);     // null when it does not parse (or is encrypted)

// The account key's JWK (RFC 7517) with members in the order RFC 7638 hashes them, and its
// thumbprint (base64url of SHA-256).
nlohmann::json jwk(EVP_PKEY *key);
std::string thumbprint(EVP_PKEY *key);
// A flattened JWS: {"protected", "payload", "signature"}; payload "" gives POST-as-GET.
std::string signJws(EVP_PKEY *key, const nlohmann::json &protectedHeader, const std::string &payload);

// A DER CSR for `names` (the first also as the subject's CN), signed by `key`.
std::string makeCsr(EVP_PKEY *key, const std::vector<std::string> &names);

// Every certificate in a PEM text, in order; empty when none parses. `error` says why.
std::vector<Cert> certsFromPem(const std::string &pem, std::string *error = nullptr);

struct CertInfo
{
    std::string subject;
    std::string issuer;
    std::vector<std::string> names; // subjectAltName DNS entries (and IPs)
    int64_t notBefore = 0;
    int64_t notAfter = 0;
    std::string serial;
    std::string sha256; // fingerprint of the DER, hex
    bool selfSigned = false;
};
CertInfo certInfo(X509 *cert);
nlohmann::json certInfoJson(const CertInfo &info, int64_t now);

bool keyMatches(X509 *cert, EVP_PKEY *key);
// Each certificate is signed by the next one; "" when it is so, else which link fails.
std::string verifyChain(const std::vector<X509 *> &chain);

} // namespace qwqhelper::acme
