#pragma once
// JSON input (ZGW exports, zelftest answer files), parsed with bounds: nesting deeper than
// kMaxJsonDepth, a syntax error or a number out of range is an Error naming FILE:LINE, never an
// internal error or unbounded memory.
#include <nlohmann/json.hpp>

#include <string>

namespace wmotoets {

inline constexpr int kMaxJsonDepth = 64;

// `suffix` is added to every message (e.g. "; niets uit dit bestand is ingelezen").
nlohmann::json parse_json_input(const std::string& path, const std::string& text, const std::string& suffix = {});

}  // namespace wmotoets
