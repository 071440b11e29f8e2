#include "import/json_input.hpp"

#include <algorithm>

#include "import/event_builder.hpp"
#include "util/error.hpp"

namespace wmotoets {

namespace {

std::uint64_t line_of(const std::string& text, std::size_t byte) {
    return 1 + static_cast<std::uint64_t>(
                   std::count(text.begin(), text.begin() + std::ptrdiff_t(std::min(byte, text.size())), '\n'));
}

// The byte where the nesting first goes deeper than the limit (outside strings), or npos.
std::size_t too_deep_at(const std::string& text) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxJsonDepth) return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return std::string::npos;
}

}  // namespace

nlohmann::json parse_json_input(const std::string& path, const std::string& text, const std::string& suffix) {
    if (const std::size_t at = too_deep_at(text); at != std::string::npos)
        throw Error(path + ":" + std::to_string(line_of(text, at)) + ": JSON dieper genest dan " +
                    std::to_string(kMaxJsonDepth) + " niveaus" + suffix);
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw Error(json_syntax_message(path, text, e.byte, e.what()) + suffix);
    } catch (const nlohmann::json::out_of_range& e) {
        // "number overflow parsing '1e999'": the place of that number.
        std::string what = e.what();
        std::size_t line = 0;
        if (const auto q = what.find('\''); q != std::string::npos) {
            const std::string token = what.substr(q + 1, what.rfind('\'') - q - 1);
            if (const auto at = text.find(token); !token.empty() && at != std::string::npos) line = line_of(text, at);
            what = "getal buiten bereik: " + token;
        }
        throw Error(path + (line ? ":" + std::to_string(line) : std::string()) + ": geen geldige JSON (" + what + ")" +
                    suffix);
    }
}

}  // namespace wmotoets
