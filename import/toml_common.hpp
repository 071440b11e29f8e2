#pragma once
// What the TOML readers share (private to import/): reading and parsing a file with its errors as
// FILE:LINE, the place of a node, refusing unknown keys, a section that must be a table. The
// toml_*.cpp files and toml_common.cpp are the only ones that include toml++.
#include <toml++/toml.h>

#include <initializer_list>
#include <string>
#include <string_view>

namespace wmotoets::toml_files {

std::string read_text(const std::string& path);
toml::table parse(const std::string& path);
// Parses text read elsewhere; `path` names it in messages. Nesting is bounded (kMaxTomlDepth).
toml::table parse_text(std::string_view text, const std::string& path);
// "FILE:LINE" of a node.
std::string where(const std::string& path, const toml::node& n);
// Refuses keys that are not in `known` (a typo must not silently do nothing).
void only_known_keys(const std::string& path, const toml::table& t, std::initializer_list<std::string_view> known,
                     std::string_view what);
// A whole number of days (0 to 3650), else an Error naming the key.
int days_value(const std::string& path, const toml::node& n, std::string_view key);
// The table `name` of `parent`, nullptr when absent; an Error when it is not a table (`shown` is
// its name in the message, e.g. "[zgw.roltypen]").
const toml::table* section(const std::string& path, const toml::table& parent, std::string_view name,
                           const std::string& shown);

}  // namespace wmotoets::toml_files
