#pragma once
// Keyed pseudonyms (HMAC-SHA-256) for dossier ids and actors: the same key gives the same
// pseudonym in every export, so months stay linkable, while nothing identifying is stored.
#include <string>
#include <string_view>

namespace wmotoets {

class PseudonymKey {
public:
    // Reads the key file: at least 32 characters of secret (e.g. the 64 hex digits that
    // `wmotoets sleutel` writes); surrounding white space ignored. Throws Error naming the file.
    static PseudonymKey from_file(const std::string& path);
    // A new random key as 64 hex digits (OpenSSL's random generator).
    static std::string generate();
    // Writes a new key to `path`, readable by its owner only; never overwrites (an Error when the
    // file exists).
    static void write_new_key_file(const std::string& path);

    // "ps-" and 20 hex digits of HMAC-SHA-256(key, kind + ":" + value): starts with letters, so it
    // can never look like (or pass the elfproef of) a BSN. `kind` keeps dossier and actor
    // pseudonyms apart ("dossier", "medewerker").
    std::string pseudonym(std::string_view kind, std::string_view value) const;

private:
    explicit PseudonymKey(std::string key) : key_(std::move(key)) {}
    std::string key_;
};

}  // namespace wmotoets
