#pragma once
// SHA-256 (FIPS 180-4) for the provenance of every input file.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace wmotoets {

class Sha256 {
public:
    Sha256();
    void update(std::string_view data);
    std::string hex();  // finishes the digest

private:
    void block(const unsigned char* p);
    std::array<std::uint32_t, 8> h_;
    std::array<unsigned char, 64> buf_{};
    std::size_t buf_len_ = 0;
    std::uint64_t total_ = 0;
};

}  // namespace wmotoets
