#include "import/pseudonym.hpp"

#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <sstream>

#include "util/error.hpp"
#include "util/text.hpp"

namespace wmotoets {

namespace {
constexpr char kHex[] = "0123456789abcdef";
}

PseudonymKey PseudonymKey::from_file(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
        throw Error(path + ": is geen gewoon bestand; geef het sleutelbestand van 'wmotoets sleutel'");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(path +
                    ": sleutelbestand bestaat niet of is niet leesbaar (maak er een met 'wmotoets sleutel --uit " +
                    shell_quoted(path) + "')");
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::string key(trim(ss.str()));
    if (key.size() < 32)
        throw Error(path + ": sleutel te kort (" + std::to_string(key.size()) +
                    " tekens; ten minste 32, bijvoorbeeld de 64 hexadecimale tekens van 'wmotoets sleutel')");
    return PseudonymKey(key);
}

std::string PseudonymKey::generate() {
    unsigned char bytes[32];
    if (RAND_bytes(bytes, sizeof bytes) != 1) throw Error("geen willekeurige sleutel beschikbaar (OpenSSL RAND_bytes)");
    std::string out;
    for (unsigned char b : bytes) {
        out += kHex[b >> 4];
        out += kHex[b & 0xF];
    }
    return out;
}

void PseudonymKey::write_new_key_file(const std::string& path) {
    // O_EXCL: an existing file (or a link planted in its place) is never written through.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST)
            throw Error(path + ": bestaat al; een sleutel wordt nooit overschreven (kies een andere naam)");
        throw Error(path + ": kan sleutelbestand niet schrijven");
    }
    const std::string text = generate() + "\n";
    const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    if (::close(fd) != 0 || !written) throw Error(path + ": schrijven mislukt");
}

std::string PseudonymKey::pseudonym(std::string_view kind, std::string_view value) const {
    std::string message(kind);
    message += ':';
    message += value;
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!HMAC(EVP_sha256(), key_.data(), static_cast<int>(key_.size()),
              reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac, &len))
        throw Error("HMAC-SHA-256 niet beschikbaar");
    std::string out = "ps-";
    for (unsigned int i = 0; i < 10 && i < len; ++i) {
        out += kHex[mac[i] >> 4];
        out += kHex[mac[i] & 0xF];
    }
    return out;
}

}  // namespace wmotoets
