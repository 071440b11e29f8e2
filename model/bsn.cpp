#include "model/bsn.hpp"

#include "model/text.hpp"

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
    if (sep != 0 && groups != "333" && groups != "423") return false;
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

}  // namespace wmotoets
