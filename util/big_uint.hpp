#pragma once
// A non-negative whole number of any size, for deciding exactly where doubles cannot (the lead-time
// quantiles of docs/spec/doorlooptijden.md): multiplied by small numbers, added, subtracted and
// compared. Little endian 32-bit limbs, no leading zero limbs.
#include <algorithm>
#include <compare>
#include <cstdint>
#include <vector>

namespace wmotoets {

class BigUint {
public:
    BigUint() = default;
    explicit BigUint(std::uint64_t v) {
        while (v) {
            limbs_.push_back(static_cast<std::uint32_t>(v));
            v >>= 32;
        }
    }
    bool is_zero() const { return limbs_.empty(); }

    // *this × m, for m below 2³².
    BigUint times(std::uint64_t m) const {
        BigUint r;
        if (m == 0 || is_zero()) return r;
        std::uint64_t carry = 0;
        r.limbs_.reserve(limbs_.size() + 2);
        for (const std::uint32_t l : limbs_) {
            // l × m + carry fits in 64 bits when m < 2³² (at most (2³² − 1)² + 2³² − 1 < 2⁶⁴).
            const std::uint64_t p = std::uint64_t(l) * m + carry;
            r.limbs_.push_back(static_cast<std::uint32_t>(p));
            carry = p >> 32;
        }
        while (carry) {
            r.limbs_.push_back(static_cast<std::uint32_t>(carry));
            carry >>= 32;
        }
        return r;
    }
    BigUint operator+(const BigUint& o) const {
        BigUint r;
        const std::size_t n = std::max(limbs_.size(), o.limbs_.size());
        r.limbs_.reserve(n + 1);
        std::uint64_t carry = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint64_t s =
                carry + (i < limbs_.size() ? limbs_[i] : 0) + (i < o.limbs_.size() ? o.limbs_[i] : 0);
            r.limbs_.push_back(static_cast<std::uint32_t>(s));
            carry = s >> 32;
        }
        if (carry) r.limbs_.push_back(static_cast<std::uint32_t>(carry));
        return r;
    }
    // *this − o; o must not be larger.
    BigUint operator-(const BigUint& o) const {
        BigUint r = *this;
        std::int64_t borrow = 0;
        for (std::size_t i = 0; i < r.limbs_.size(); ++i) {
            std::int64_t d = std::int64_t(r.limbs_[i]) - borrow - (i < o.limbs_.size() ? std::int64_t(o.limbs_[i]) : 0);
            borrow = d < 0;
            if (d < 0) d += std::int64_t(1) << 32;
            r.limbs_[i] = static_cast<std::uint32_t>(d);
        }
        while (!r.limbs_.empty() && r.limbs_.back() == 0) r.limbs_.pop_back();
        return r;
    }
    std::strong_ordering operator<=>(const BigUint& o) const {
        if (limbs_.size() != o.limbs_.size()) return limbs_.size() <=> o.limbs_.size();
        for (std::size_t i = limbs_.size(); i-- > 0;)
            if (limbs_[i] != o.limbs_[i]) return limbs_[i] <=> o.limbs_[i];
        return std::strong_ordering::equal;
    }
    bool operator==(const BigUint& o) const { return limbs_ == o.limbs_; }

private:
    std::vector<std::uint32_t> limbs_;
};

}  // namespace wmotoets
