#pragma once
// The TOML files a user writes: the settings file (--instellingen) and the local rules file
// (--regels). Every error is a wmotoets::Error naming FILE:LINE.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/calendar.hpp"
#include "model/local_rule.hpp"
#include "model/mapping.hpp"
#include "model/settings.hpp"

namespace wmotoets {

// Reads a settings file into `settings` and adds its equated days (and those of the day lists
// it names, relative to the settings file) to `calendar`.
//   [termijnen]  andere_ondersteuner_dagen = 14, wachttijd_ondersteuner_dagen = 14
//   [kalender]   gelijkgestelde_dagen = ["2029-05-11"], feestdagen = ["extra.txt"]
void read_settings_file(const std::string& path, Settings& settings, Calendar& calendar);

// Reads a list of equated days (data/kalender/gelijkgestelde-dagen.txt format) into `calendar`.
void read_equated_days_file(const std::string& path, Calendar& calendar);

// Reads a local rules file: [[regel]] tables with id, titel, ernst, grondslag, sjabloon, a, b,
// binnen_dagen (and optionally uitleg). Refuses unknown templates or keys, missing parameters,
// duplicate ids and ids without LOK-.
std::vector<LocalRuleSpec> read_local_rules_file(const std::string& path);

// Reads a mapping file (model/mapping.hpp). Refuses unknown sections or keys, an activity that is
// not canonical, a role that is not canonical, values that are not strings, and TOML errors.
Mapping read_mapping_file(const std::string& path);

// A TOML file as JSON text of the same structure (strings, numbers, booleans, tables, arrays);
// `lines` receives the TOML line of every JSON path ("antwoorden.ZT-BEL-1.antwoord").
std::string zelftest_toml_as_json(const std::string& path, std::map<std::string, std::uint64_t>& lines);

}  // namespace wmotoets
