// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "acme/crypto.h"

#include "base64.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <ctime>

namespace qwqhelper::acme {

using nlohmann::json;

void KeyDeleter::operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
void CertDeleter::operator()(X509 *c) const { X509_free(c); }

namespace {

struct BioDeleter { void operator()(BIO *b) const { BIO_free(b); } };
using Bio = std::unique_ptr<BIO, BioDeleter>;

std::string bioText(BIO *bio)
{
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return n > 0 ? std::string(data, static_cast<std::size_t>(n)) : std::string();
}

std::string opensslError()
{
    const unsigned long e = ERR_get_error();
    ERR_clear_error();
    if (e == 0)
        return "unknown error";
    char buf[256];
    ERR_error_string_n(e, buf, sizeof buf);
    return buf;
}

std::string nameText(const X509_NAME *name)
{
    Bio bio(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    return bioText(bio.get());
}

int64_t timeOf(const ASN1_TIME *t)
{
    std::tm tm{};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1)
        return 0;
    return static_cast<int64_t>(timegm(&tm));
}

std::string coordinate(EVP_PKEY *key, const char *param)
{
    BIGNUM *bn = nullptr;
    if (!EVP_PKEY_get_bn_param(key, param, &bn))
        return {};
    std::string out(32, '\0');
    BN_bn2binpad(bn, reinterpret_cast<unsigned char *>(out.data()), 32);
    BN_free(bn);
    return out;
}

} // namespace

std::string base64url(const std::string &bytes)
{
    std::string s = base64::encode(bytes, true);
    while (!s.empty() && s.back() == '=')
        s.pop_back();
    return s;
}

std::string sha256(const std::string &bytes)
{
    unsigned char md[32];
    unsigned int len = 0;
    EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha256(), nullptr);
    return std::string(reinterpret_cast<char *>(md), len);
}

Key generateEcKey()
{
    return Key(EVP_EC_gen("P-256"));
}

std::string keyToPem(EVP_PKEY *key)
{
    Bio bio(BIO_new(BIO_s_mem()));
    if (!PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr))
        return {};
    return bioText(bio.get());
}

Key keyFromPem(const std::string &pem)
{
    Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    // an empty passphrase callback: an encrypted key fails instead of prompting on a terminal
    auto noPassword = [](char *, int, int, void *) -> int { return -1; };
    Key key(PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassword, nullptr));
    ERR_clear_error();
    return key;
}

json jwk(EVP_PKEY *key)
{
    // RFC 7638: the members crv, kty, x, y in lexicographic order, no blanks (json sorts keys)
    return {{"crv", "P-256"}, {"kty", "EC"},
            {"x", base64url(coordinate(key, OSSL_PKEY_PARAM_EC_PUB_X))},
            {"y", base64url(coordinate(key, OSSL_PKEY_PARAM_EC_PUB_Y))}};
}

std::string thumbprint(EVP_PKEY *key)
{
    return base64url(sha256(jwk(key).dump()));
}

std::string signJws(EVP_PKEY *key, const json &protectedHeader, const std::string &payload)
{
    const std::string prot = base64url(protectedHeader.dump());
    const std::string pay = payload.empty() ? std::string() : base64url(payload);
    const std::string input = prot + "." + pay;
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    std::string der;
    std::size_t len = 0;
    if (EVP_DigestSignInit(md, nullptr, EVP_sha256(), nullptr, key) == 1
        && EVP_DigestSign(md, nullptr, &len, reinterpret_cast<const unsigned char *>(input.data()),
                          input.size()) == 1) {
        der.resize(len);
        if (EVP_DigestSign(md, reinterpret_cast<unsigned char *>(der.data()), &len,
                           reinterpret_cast<const unsigned char *>(input.data()), input.size()) == 1)
            der.resize(len);
        else
            der.clear();
    }
    EVP_MD_CTX_free(md);
    // JWS wants r || s, 32 bytes each, not OpenSSL's DER sequence
    const unsigned char *p = reinterpret_cast<const unsigned char *>(der.data());
    ECDSA_SIG *sig = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size()));
    std::string raw(64, '\0');
    if (sig) {
        BN_bn2binpad(ECDSA_SIG_get0_r(sig), reinterpret_cast<unsigned char *>(raw.data()), 32);
        BN_bn2binpad(ECDSA_SIG_get0_s(sig), reinterpret_cast<unsigned char *>(raw.data()) + 32, 32);
        ECDSA_SIG_free(sig);
    }
    return json{{"protected", prot}, {"payload", pay}, {"signature", base64url(raw)}}.dump();
}

std::string makeCsr(EVP_PKEY *key, const std::vector<std::string> &names)
{
    X509_REQ *req = X509_REQ_new();
    X509_REQ_set_version(req, 0);
    X509_NAME *subject = X509_REQ_get_subject_name(req);
    X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>(names.front().c_str()), -1, -1, 0);
    GENERAL_NAMES *sans = sk_GENERAL_NAME_new_null();
    for (const auto &n : names) {
        ASN1_IA5STRING *ia5 = ASN1_IA5STRING_new();
        ASN1_STRING_set(ia5, n.data(), static_cast<int>(n.size()));
        GENERAL_NAME *gn = GENERAL_NAME_new();
        GENERAL_NAME_set0_value(gn, GEN_DNS, ia5);
        sk_GENERAL_NAME_push(sans, gn);
    }
    STACK_OF(X509_EXTENSION) *exts = sk_X509_EXTENSION_new_null();
    sk_X509_EXTENSION_push(exts, X509V3_EXT_i2d(NID_subject_alt_name, 0, sans));
    X509_REQ_add_extensions(req, exts);
    sk_X509_EXTENSION_pop_free(exts, X509_EXTENSION_free);
    GENERAL_NAMES_free(sans);
    X509_REQ_set_pubkey(req, key);
    std::string der;
    if (X509_REQ_sign(req, key, EVP_sha256()) > 0) {
        const int n = i2d_X509_REQ(req, nullptr);
        der.resize(static_cast<std::size_t>(n));
        unsigned char *p = reinterpret_cast<unsigned char *>(der.data());
        i2d_X509_REQ(req, &p);
    }
    X509_REQ_free(req);
    return der;
}

std::vector<Cert> certsFromPem(const std::string &pem, std::string *error)
{
    std::vector<Cert> certs;
    Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    while (X509 *c = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr))
        certs.emplace_back(c);
    // the loop ends with "no start line" at the end of the text; anything else is malformed
    const unsigned long e = ERR_peek_last_error();
    if (e && !(ERR_GET_LIB(e) == ERR_LIB_PEM && ERR_GET_REASON(e) == PEM_R_NO_START_LINE)) {
        if (error)
            *error = opensslError();
        certs.clear();
    } else if (certs.empty() && error) {
        *error = "no PEM certificate in the text";
    }
    ERR_clear_error();
    return certs;
}

CertInfo certInfo(X509 *cert)
{
    CertInfo info;
    info.subject = nameText(X509_get_subject_name(cert));
    info.issuer = nameText(X509_get_issuer_name(cert));
    info.notBefore = timeOf(X509_get0_notBefore(cert));
    info.notAfter = timeOf(X509_get0_notAfter(cert));
    info.selfSigned = X509_check_issued(cert, cert) == X509_V_OK;
    auto *sans = static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
    for (int i = 0; sans && i < sk_GENERAL_NAME_num(sans); ++i) {
        const GENERAL_NAME *gn = sk_GENERAL_NAME_value(sans, i);
        if (gn->type == GEN_DNS) {
            const ASN1_STRING *s = gn->d.dNSName;
            info.names.emplace_back(reinterpret_cast<const char *>(ASN1_STRING_get0_data(s)),
                                    static_cast<std::size_t>(ASN1_STRING_length(s)));
        }
    }
    GENERAL_NAMES_free(sans);
    if (const ASN1_INTEGER *serial = X509_get0_serialNumber(cert)) {
        BIGNUM *bn = ASN1_INTEGER_to_BN(serial, nullptr);
        char *hex = BN_bn2hex(bn);
        info.serial = hex;
        OPENSSL_free(hex);
        BN_free(bn);
    }
    unsigned char md[32];
    unsigned int len = 0;
    X509_digest(cert, EVP_sha256(), md, &len);
    static const char digits[] = "0123456789abcdef";
    for (unsigned i = 0; i < len; ++i) {
        info.sha256 += digits[md[i] >> 4];
        info.sha256 += digits[md[i] & 15];
    }
    ERR_clear_error();
    return info;
}

json certInfoJson(const CertInfo &info, int64_t now)
{
    const int64_t left = info.notAfter - now;
    return {{"subject", info.subject}, {"issuer", info.issuer}, {"names", info.names},
            {"notBefore", info.notBefore}, {"notAfter", info.notAfter},
            // whole days, rounded down; negative once expired
            {"daysLeft", left >= 0 ? left / 86400 : -((-left + 86399) / 86400)},
            {"expired", left < 0}, {"serial", info.serial}, {"sha256", info.sha256},
            {"selfSigned", info.selfSigned}};
}

bool keyMatches(X509 *cert, EVP_PKEY *key)
{
    const bool ok = X509_check_private_key(cert, key) == 1;
    ERR_clear_error();
    return ok;
}

std::string verifyChain(const std::vector<X509 *> &chain)
{
    for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
        const std::string which = "certificate " + std::to_string(i + 1) + " is not issued by certificate "
                                  + std::to_string(i + 2);
        if (X509_check_issued(chain[i + 1], chain[i]) != X509_V_OK)
            return which;
        EVP_PKEY *issuerKey = X509_get0_pubkey(chain[i + 1]);
        if (!issuerKey || X509_verify(chain[i], issuerKey) != 1) {
            ERR_clear_error();
            return which + " (bad signature)";
        }
    }
    return {};
}

} // namespace qwqhelper::acme
