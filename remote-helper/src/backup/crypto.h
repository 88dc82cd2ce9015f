// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

// The snapshot's cryptography, on OpenSSL 3: SHA-256 (SHA-NI where the CPU has it) and the
// public-key envelope — an ephemeral X25519 key agreed with the policy's public key, HKDF-SHA256
// to a data key, AES-256-GCM per chunk with the chunk's index and flags authenticated.
namespace qwqhelper::backup {

class Sha256 final
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void reset();
    void update(const void *data, std::size_t size);
    void update(std::string_view data) { update(data.data(), data.size()); }
    std::string hexDigest(); // finishes; reset() before the next use

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

std::string sha256Hex(std::string_view data);
std::string toHex(const unsigned char *bytes, std::size_t size);

/// The envelope's public part, stored in the snapshot header (raw bytes).
struct Envelope
{
    std::string ephemeralPublicKey; // 32 bytes
    std::string recipientPublicKey; // 32 bytes
    std::string keyCheck;           // 16 bytes of HKDF output: tells a wrong key from damage
};

constexpr std::size_t kTagSize = 16;

class ChunkCipher final
{
public:
    ~ChunkCipher();
    ChunkCipher(const ChunkCipher &) = delete;
    ChunkCipher &operator=(const ChunkCipher &) = delete;

    // Encrypting to `recipientPublicKey` (32 raw bytes); fills `envelope`. Throws
    // std::invalid_argument for a key that is not an X25519 public key.
    static std::unique_ptr<ChunkCipher> forRecipient(const std::string &recipientPublicKey,
                                                     Envelope &envelope);
    // Decrypting with `privateKey` (32 raw bytes). Returns null when the key is not the one the
    // envelope was made for; throws std::invalid_argument when it is not an X25519 key.
    static std::unique_ptr<ChunkCipher> forPrivateKey(const std::string &privateKey,
                                                      const Envelope &envelope);

    // Encrypts data[0..size) in place and writes the tag to `tag`.
    void seal(uint64_t index, uint8_t flags, unsigned char *data, std::size_t size,
              unsigned char tag[kTagSize]);
    // Decrypts in place; false when the tag does not match.
    bool open(uint64_t index, uint8_t flags, unsigned char *data, std::size_t size,
              const unsigned char tag[kTagSize]);

private:
    ChunkCipher();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace qwqhelper::backup
