#pragma once
// SHA-256 for the provenance of every input file (OpenSSL; uses the CPU's SHA extensions).
#include <memory>
#include <string>
#include <string_view>

namespace wmotoets {

class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(std::string_view data);
    std::string hex();  // finishes the digest

private:
    struct Ctx;
    std::unique_ptr<Ctx> ctx_;
};

// The SHA-256 of a whole file, read in 1 MiB pieces (hex).
std::string file_sha256(const std::string& path);

}  // namespace wmotoets
