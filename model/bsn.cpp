#include "model/bsn.hpp"

#include "util/text.hpp"

namespace wmotoets {

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

bool looks_like_bsn(std::string_view value) {
    value = trim(value);
    if (value.size() < 8 || value.size() > 11) return false;
    std::string digits;
    std::string groups;  // lengths of digit groups, e.g. "333" or "423"
    char sep = 0;
    int run = 0;
    for (char c : value) {
        if (is_digit(c)) {
            digits += c;
            ++run;
        } else if (c == '.' || c == ' ' || c == '-') {
            if (run == 0 || (sep != 0 && c != sep)) return false;
            sep = c;
            groups += char('0' + run);
            run = 0;
        } else {
            return false;
        }
    }
    if (run == 0) return false;
    groups += char('0' + run);
    if (sep != 0 && groups != "333" && groups != "423" && groups != "324") return false;
    if (digits.size() == 8 && sep == 0) digits.insert(digits.begin(), '0');
    if (digits.size() != 9) return false;
    if (digits == "000000000") return false;
    int sum = 0;
    for (int i = 0; i < 8; ++i) sum += (9 - i) * (digits[std::size_t(i)] - '0');
    sum -= digits[8] - '0';
    return sum % 11 == 0;
}

bool bsn_column_name(std::string_view column) {
    const std::string c = fold_label(column);
    return c.find("bsn") != std::string::npos || c.find("burgerservicenummer") != std::string::npos ||
           c.find("sofinummer") != std::string::npos;
}

std::string mask_number(std::string_view value) {
    value = trim(value);
    std::string out;
    std::size_t digits_seen = 0, total = 0;
    for (char c : value) total += is_digit(c);
    for (char c : value) {
        if (is_digit(c)) {
            ++digits_seen;
            out += digits_seen + 2 > total ? c : '*';
        } else {
            out += c;
        }
    }
    return out;
}

std::vector<std::pair<std::size_t, std::size_t>> bsn_groups(std::string_view s) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    if (!may_hold_bsn(s)) return out;
    auto run_end = [&](std::size_t a) {
        while (a < s.size() && is_digit(s[a])) ++a;
        return a;
    };
    auto is_sep = [](char c) { return c == '.' || c == ' ' || c == '-'; };
    std::size_t i = 0;
    while (i < s.size()) {
        if (!is_digit(s[i])) {
            ++i;
            continue;
        }
        const std::size_t e1 = run_end(i), len1 = e1 - i;
        std::size_t match = 0;
        if ((len1 == 3 || len1 == 4) && e1 < s.size() && is_sep(s[e1])) {
            const char sep = s[e1];
            const std::size_t e2 = run_end(e1 + 1), len2 = e2 - e1 - 1;
            // 3-3-3, 4-2-3 and (2026-12-06) 3-2-4: the third group has 9 - len1 - len2 digits.
            if (((len1 == 3 && (len2 == 3 || len2 == 2)) || (len1 == 4 && len2 == 2)) && e2 < s.size() &&
                s[e2] == sep) {
                const std::size_t e3 = run_end(e2 + 1);
                if (e3 - e2 - 1 == 9 - len1 - len2 && looks_like_bsn(s.substr(i, e3 - i))) match = e3;
            }
        }
        if (!match && (len1 == 8 || len1 == 9) && looks_like_bsn(s.substr(i, len1))) match = e1;
        if (match) out.emplace_back(i, match);
        i = match ? match : e1;
    }
    return out;
}

namespace {
template <class Write>
std::string rewrite_groups(std::string_view value, Write write) {
    const auto groups = bsn_groups(value);
    if (groups.empty()) return std::string(value);
    std::string out;
    std::size_t at = 0;
    for (const auto& [b, e] : groups) {
        out.append(value.substr(at, b - at));
        write(out, value.substr(b, e - b));
        at = e;
    }
    out.append(value.substr(at));
    return out;
}
}  // namespace

std::string replace_bsn_groups(std::string_view value) {
    return rewrite_groups(value, [](std::string& out, std::string_view) { out.append(kBsnReplacement); });
}

std::string mask_bsn_groups(std::string_view value) {
    return rewrite_groups(value, [](std::string& out, std::string_view group) {
        int digits = 0;
        for (const char c : group) out += is_digit(c) && ++digits > 4 ? '*' : c;
    });
}

}  // namespace wmotoets
