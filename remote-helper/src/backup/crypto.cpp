// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "backup/crypto.h"

#include <openssl/evp.h>
#include <openssl/kdf.h>

#include <cstring>
#include <stdexcept>

namespace qwqhelper::backup {

namespace {

const EVP_MD *sha256Md()
{
    // Fetched once: EVP_sha256() would look the provider up on every init (per file).
    static EVP_MD *md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return md;
}

const EVP_CIPHER *aesGcm()
{
    static EVP_CIPHER *cipher = EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr);
    return cipher;
}

struct PkeyDeleter { void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); } };
struct PctxDeleter { void operator()(EVP_PKEY_CTX *c) const { EVP_PKEY_CTX_free(c); } };
using Pkey = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using Pctx = std::unique_ptr<EVP_PKEY_CTX, PctxDeleter>;

std::string rawPublic(EVP_PKEY *key)
{
    unsigned char buf[32];
    std::size_t len = sizeof buf;
    if (EVP_PKEY_get_raw_public_key(key, buf, &len) != 1 || len != 32)
        throw std::runtime_error("cannot read an X25519 public key");
    return std::string(reinterpret_cast<char *>(buf), len);
}

std::string agree(EVP_PKEY *own, EVP_PKEY *peer)
{
    Pctx ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, own, nullptr));
    unsigned char secret[32];
    std::size_t len = sizeof secret;
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 || EVP_PKEY_derive_set_peer(ctx.get(), peer) != 1
        || EVP_PKEY_derive(ctx.get(), secret, &len) != 1 || len != 32)
        throw std::invalid_argument("X25519 key agreement failed");
    std::string s(reinterpret_cast<char *>(secret), len);
    OPENSSL_cleanse(secret, sizeof secret);
    return s;
}

std::string hkdf(const std::string &secret, const std::string &salt, const char *info,
                 std::size_t size)
{
    Pctx ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nullptr));
    std::string out(size, '\0');
    std::size_t len = size;
    const auto *s = reinterpret_cast<const unsigned char *>(secret.data());
    const auto *salty = reinterpret_cast<const unsigned char *>(salt.data());
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1
        || EVP_PKEY_CTX_set_hkdf_md(ctx.get(), EVP_sha256()) != 1
        || EVP_PKEY_CTX_set1_hkdf_salt(ctx.get(), salty, static_cast<int>(salt.size())) != 1
        || EVP_PKEY_CTX_set1_hkdf_key(ctx.get(), s, static_cast<int>(secret.size())) != 1
        || EVP_PKEY_CTX_add1_hkdf_info(ctx.get(), reinterpret_cast<const unsigned char *>(info),
                                       static_cast<int>(std::strlen(info))) != 1
        || EVP_PKEY_derive(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &len) != 1
        || len != size)
        throw std::runtime_error("HKDF failed");
    return out;
}

void nonceFor(uint64_t index, uint8_t flags, unsigned char nonce[12], unsigned char aad[9])
{
    for (int i = 0; i < 8; ++i)
        nonce[i] = aad[i] = static_cast<unsigned char>(index >> (8 * i));
    nonce[8] = nonce[9] = nonce[10] = nonce[11] = 0;
    aad[8] = flags;
}

} // namespace

struct Sha256::Impl
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
};

Sha256::Sha256() : d(std::make_unique<Impl>())
{
    reset();
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(d->ctx);
}

void Sha256::reset()
{
    EVP_DigestInit_ex(d->ctx, sha256Md(), nullptr);
}

void Sha256::update(const void *data, std::size_t size)
{
    EVP_DigestUpdate(d->ctx, data, size);
}

std::string Sha256::hexDigest()
{
    unsigned char md[32];
    unsigned int len = 0;
    EVP_DigestFinal_ex(d->ctx, md, &len);
    return toHex(md, len);
}

std::string sha256Hex(std::string_view data)
{
    Sha256 h;
    h.update(data);
    return h.hexDigest();
}

std::string toHex(const unsigned char *bytes, std::size_t size)
{
    static const char digits[] = "0123456789abcdef";
    std::string out(size * 2, '\0');
    for (std::size_t i = 0; i < size; ++i) {
        out[2 * i] = digits[bytes[i] >> 4];
        out[2 * i + 1] = digits[bytes[i] & 15];
    }
    return out;
}

struct ChunkCipher::Impl
{
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    unsigned char key[32] = {};
};

ChunkCipher::ChunkCipher() : d(std::make_unique<Impl>()) {}

ChunkCipher::~ChunkCipher()
{
    OPENSSL_cleanse(d->key, sizeof d->key);
    EVP_CIPHER_CTX_free(d->ctx);
}

namespace {
constexpr const char *kKeyInfo = "qwq-backup/1 data key";
constexpr const char *kCheckInfo = "qwq-backup/1 key check";
} // namespace

std::unique_ptr<ChunkCipher> ChunkCipher::forRecipient(const std::string &recipientPublicKey,
                                                       Envelope &envelope)
{
    if (recipientPublicKey.size() != 32)
        throw std::invalid_argument("an X25519 public key is 32 bytes");
    Pkey recipient(EVP_PKEY_new_raw_public_key(
        EVP_PKEY_X25519, nullptr, reinterpret_cast<const unsigned char *>(recipientPublicKey.data()),
        32));
    if (!recipient)
        throw std::invalid_argument("not an X25519 public key");
    Pkey ephemeral(EVP_PKEY_Q_keygen(nullptr, nullptr, "X25519"));
    if (!ephemeral)
        throw std::runtime_error("cannot generate an X25519 key");
    envelope.ephemeralPublicKey = rawPublic(ephemeral.get());
    envelope.recipientPublicKey = recipientPublicKey;
    std::string secret = agree(ephemeral.get(), recipient.get());
    const std::string salt = envelope.ephemeralPublicKey + envelope.recipientPublicKey;
    std::unique_ptr<ChunkCipher> c(new ChunkCipher);
    const std::string key = hkdf(secret, salt, kKeyInfo, 32);
    std::memcpy(c->d->key, key.data(), 32);
    envelope.keyCheck = hkdf(secret, salt, kCheckInfo, 16);
    OPENSSL_cleanse(secret.data(), secret.size());
    return c;
}

std::unique_ptr<ChunkCipher> ChunkCipher::forPrivateKey(const std::string &privateKey,
                                                        const Envelope &envelope)
{
    if (privateKey.size() != 32)
        throw std::invalid_argument("an X25519 private key is 32 bytes");
    Pkey own(EVP_PKEY_new_raw_private_key(
        EVP_PKEY_X25519, nullptr, reinterpret_cast<const unsigned char *>(privateKey.data()), 32));
    if (!own)
        throw std::invalid_argument("not an X25519 private key");
    if (rawPublic(own.get()) != envelope.recipientPublicKey)
        return nullptr;
    Pkey ephemeral(EVP_PKEY_new_raw_public_key(
        EVP_PKEY_X25519, nullptr,
        reinterpret_cast<const unsigned char *>(envelope.ephemeralPublicKey.data()),
        envelope.ephemeralPublicKey.size()));
    if (!ephemeral)
        return nullptr;
    std::string secret = agree(own.get(), ephemeral.get());
    const std::string salt = envelope.ephemeralPublicKey + envelope.recipientPublicKey;
    const bool matches = hkdf(secret, salt, kCheckInfo, 16) == envelope.keyCheck;
    std::unique_ptr<ChunkCipher> c;
    if (matches) {
        c.reset(new ChunkCipher);
        const std::string key = hkdf(secret, salt, kKeyInfo, 32);
        std::memcpy(c->d->key, key.data(), 32);
    }
    OPENSSL_cleanse(secret.data(), secret.size());
    return c;
}

void ChunkCipher::seal(uint64_t index, uint8_t flags, unsigned char *data, std::size_t size,
                       unsigned char tag[kTagSize])
{
    unsigned char nonce[12], aad[9];
    nonceFor(index, flags, nonce, aad);
    int len = 0;
    if (EVP_EncryptInit_ex(d->ctx, aesGcm(), nullptr, d->key, nonce) != 1
        || EVP_EncryptUpdate(d->ctx, nullptr, &len, aad, sizeof aad) != 1
        || EVP_EncryptUpdate(d->ctx, data, &len, data, static_cast<int>(size)) != 1
        || EVP_EncryptFinal_ex(d->ctx, data + len, &len) != 1
        || EVP_CIPHER_CTX_ctrl(d->ctx, EVP_CTRL_GCM_GET_TAG, kTagSize, tag) != 1)
        throw std::runtime_error("AES-GCM encryption failed");
}

bool ChunkCipher::open(uint64_t index, uint8_t flags, unsigned char *data, std::size_t size,
                       const unsigned char tag[kTagSize])
{
    unsigned char nonce[12], aad[9];
    nonceFor(index, flags, nonce, aad);
    int len = 0;
    unsigned char t[kTagSize];
    std::memcpy(t, tag, kTagSize);
    if (EVP_DecryptInit_ex(d->ctx, aesGcm(), nullptr, d->key, nonce) != 1
        || EVP_DecryptUpdate(d->ctx, nullptr, &len, aad, sizeof aad) != 1
        || EVP_DecryptUpdate(d->ctx, data, &len, data, static_cast<int>(size)) != 1
        || EVP_CIPHER_CTX_ctrl(d->ctx, EVP_CTRL_GCM_SET_TAG, kTagSize, t) != 1)
        return false;
    return EVP_DecryptFinal_ex(d->ctx, data + len, &len) == 1;
}

} // namespace qwqhelper::backup
