#include "app/cli.hpp"

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <iostream>
#include <regex>
#include <sstream>

#include "app/commands.hpp"
#include "util/edit_distance.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace wmotoets {

namespace {

// The subcommands, in the order --help lists them.
constexpr Command (*kCommands[])(CLI::App&) = {add_controleer, add_importeer,    add_sleutel,  add_steekproef,
                                               add_rapport,    add_werkvoorraad, add_zelftest, add_regels,
                                               add_genereer,   add_mapping};

// Dutch for CLI11's own words. Subcommands inherit the formatter and the help flag; the
// "Options" heading is a group name, relabelled on every (sub)command once all options exist.
void dutch_help(CLI::App& app) {
    auto formatter = app.get_formatter();
    for (const auto& [en, nl] : {std::pair<const char*, const char*>{"Usage", "Gebruik"},
                                 {"OPTIONS", "OPTIES"},
                                 {"Positionals", "Invoer"},
                                 {"SUBCOMMAND", "OPDRACHT"},
                                 {"Subcommands", "Opdrachten"},
                                 {"REQUIRED", "VERPLICHT"},
                                 {"TEXT", "TEKST"},
                                 {"UINT", "GETAL"},
                                 {"INT", "GETAL"},
                                 {"FLOAT", "GETAL"},
                                 {"Excludes", "Niet samen met"},
                                 {"Needs", "Alleen samen met"},
                                 {"[Option Group: ", "[Optiegroep: "}})
        formatter->label(en, nl);
}

// A number as people here write it: "99,9", "100000000".
std::string dutch_number(std::string n) {
    if (const auto dot = n.find('.'); dot != std::string::npos) {
        while (!n.empty() && n.back() == '0') n.pop_back();
        if (!n.empty() && n.back() == '.') n.pop_back();
    }
    std::replace(n.begin(), n.end(), '.', ',');
    return n;
}

// What an option's value is, in Dutch: CLI11's kinds of value as TEKST and GETAL (files,
// directories and dates are declared as such: file_option, dir_option, date_option) and its
// validators' descriptions ("van 50 tot en met 99,9", "groter dan 0").
void dutch_types(CLI::App& app) {
    static const std::regex range(R"(^[A-Z]+ in \[(\S+) - (\S+)\]$)");
    for (CLI::Option* opt : app.get_options()) {
        const std::string full = opt->get_type_name();
        if (full.empty()) continue;  // a flag
        const std::string base = full.substr(0, full.find(':'));
        // BESTAND, MAP, DATUM: set where the option is declared (file_option … in commands.hpp).
        if (base == "TEXT") opt->type_name("TEKST");
        else if (base == "INT" || base == "UINT" || base == "FLOAT") opt->type_name("GETAL");
        else opt->type_name(base);
        for (int i = 0;; ++i) {
            CLI::Validator* v = nullptr;
            try {
                v = opt->get_validator(i);
            } catch (const CLI::OptionNotFound&) {
                break;
            }
            const std::string d = v->get_description();
            std::smatch m;
            if (d == "POSITIVE") v->description("groter dan 0");
            else if (d == "NONNEGATIVE") v->description("0 of meer");
            else if (std::regex_match(d, m, range))
                v->description("van " + dutch_number(m[1]) + " tot en met " + dutch_number(m[2]));
        }
    }
    for (CLI::App* sub : app.get_subcommands({})) dutch_types(*sub);
}

void relabel_groups(CLI::App& app) {
    for (CLI::Option* opt : app.get_options())
        if (opt->get_group() == "Options") opt->group("Opties");
    for (CLI::App* sub : app.get_subcommands({})) {
        if (sub->get_group() == "Subcommands") sub->group("Opdrachten");
        relabel_groups(*sub);
    }
}

// The deepest subcommand that was given (the one whose words apply).
const CLI::App* deepest(const CLI::App& app) {
    for (const CLI::App* sub : app.get_subcommands())
        if (sub->parsed()) return deepest(*sub);
    return &app;
}

// The name among the subcommands and options of `at` (and its parents' options) nearest to `word`,
// when it is near enough to be a typing error.
std::string suggestion(const CLI::App& at, const std::string& word) {
    std::vector<std::string> names;
    for (const CLI::App* a = &at; a; a = a->get_parent()) {
        for (const CLI::App* sub : a->get_subcommands({})) names.push_back(sub->get_name());
        for (const CLI::Option* o : a->get_options())
            for (const std::string& l : o->get_lnames()) names.push_back("--" + l);
    }
    std::string best;
    std::size_t best_d = 3;
    for (const std::string& n : names) {
        const std::size_t d = edit_distance(word, n);
        if (d < best_d) {  // the first of equals: a Dutch name comes before its English alias
            best_d = d;
            best = n;
        }
    }
    return best_d <= std::max<std::size_t>(1, std::min<std::size_t>(2, word.size() / 3)) ? best : std::string();
}

// "wmotoets steekproef trek": the command as typed.
std::string command_path(const CLI::App& at) {
    std::string path;
    for (const CLI::App* a = &at; a; a = a->get_parent()) path = a->get_name() + (path.empty() ? "" : " " + path);
    return path;
}

// CLI11's error, in Dutch: what is wrong, and where it can be seen what is right.
std::string dutch_error(const CLI::ParseError& e, const CLI::App& app) {
    const std::string what = e.what(), kind = e.get_name();
    const CLI::App* at = deepest(app);
    const std::string where = command_path(*at);
    std::smatch m;
    if (kind == "RequiredError") {
        if (what.rfind("A subcommand", 0) == 0 || what.rfind("Requires at least", 0) == 0) {
            // A word that is no subcommand ends up here too: name it, and what it was meant to be.
            for (const std::string& word : at->remaining())
                if (!word.empty() && word[0] != '-') {
                    const std::string s = suggestion(*at, word);
                    return "'" + echoed(word) + "' is geen opdracht van '" + where + "'" +
                           (s.empty() ? std::string() : "; bedoelde u '" + s + "'?");
                }
            std::string list;
            for (const CLI::App* sub : at->get_subcommands({})) list += (list.empty() ? "" : ", ") + sub->get_name();
            return "kies een opdracht van '" + where + "': " + list;
        }
        if (std::regex_match(what, m, std::regex(R"((.*) is required)")))
            return std::string(m[1]) + " is verplicht bij '" + where + "'";
        return "er ontbreekt een verplichte optie bij '" + where + "'";
    }
    if (what.find(" not expected: ") != std::string::npos) {  // ExtrasError (its name is the subcommand's)
        // CLI11 lists them last first.
        std::vector<std::string> words;
        std::istringstream in(what.substr(what.find(" not expected: ") + 15));
        for (std::string w; in >> w;) words.insert(words.begin(), w);
        std::string args;
        for (const std::string& w : words) args += (args.empty() ? "" : " ") + w;
        std::string out = "onverwacht: " + echoed(args);
        const std::string first = words.empty() ? std::string() : words.front();
        if (const std::string s = suggestion(*at, first); !s.empty()) out += "; bedoelde u '" + s + "'?";
        return out;
    }
    if (kind == "ConversionError") {
        if (std::regex_match(what, m, std::regex(R"(Could not convert: (\S+) = (.*))")))
            return echoed(std::string(m[1])) + ": '" + echoed(std::string(m[2])) +
                   "' is geen geldige waarde (verwacht: " +
                   (what.find("--") != std::string::npos ? "een getal of datum, zie '" + where + " --help'"
                                                         : "zie --help") +
                   ")";
        if (std::regex_match(what, m, std::regex(R"(The value (.*) is not an allowed value for (.*))")))
            return std::string(m[2]) + ": '" + echoed(std::string(m[1])) + "' is geen toegestane waarde";
        return "een waarde is niet te lezen; zie '" + where + " --help'";
    }
    if (kind == "ValidationError") {
        const std::string option = what.substr(0, what.find(": "));
        const std::string rest = what.find(": ") == std::string::npos ? what : what.substr(what.find(": ") + 2);
        if (std::regex_match(rest, m, std::regex(R"(Value (\S+) not in range (\S+) to (\S+))"))) {
            const std::string value = m[1];
            if (!std::regex_match(value, std::regex(R"([-+]?[0-9]*[.,]?[0-9]+([eE][-+]?[0-9]+)?)")))
                return option + ": '" + echoed(value) + "' is geen getal";
            if (std::string(m[3]).size() > 30)  // PositiveNumber: (smallest positive double) to (largest)
                return option + ": " + echoed(value) + " moet groter zijn dan 0";
            return option + ": " + echoed(dutch_number(value)) + " ligt niet tussen " + dutch_number(m[2]) + " en " +
                   dutch_number(m[3]);
        }
        if (std::regex_match(rest, m, std::regex(R"((.*) not in \{(.*)\})")))
            return option + ": '" + echoed(std::string(m[1])) + "' kan niet; kies uit " +
                   std::regex_replace(std::string(m[2]), std::regex(","), ", ");
        return option + ": deze waarde kan niet; zie '" + where + " --help'";
    }
    if (kind == "ArgumentMismatch") {
        if (std::regex_match(what, m, std::regex(R"((\S+): \d+ required .* missing)")))
            return std::string(m[1]) + " heeft een waarde nodig";
        return "een optie heeft niet het juiste aantal waarden; zie '" + where + " --help'";
    }
    if (kind == "ExcludesError" && std::regex_match(what, m, std::regex(R"((\S+) excludes (\S+))")))
        return std::string(m[1]) + " en " + std::string(m[2]) + " gaan niet samen";
    if (kind == "RequiresError" && std::regex_match(what, m, std::regex(R"((\S+) requires (\S+))")))
        return std::string(m[1]) + " werkt alleen samen met " + std::string(m[2]);
    return "deze opdracht is niet te begrijpen";
}

// --lang en (docs/spec/output.md): CLI11's own words and errors stay English, for a colleague who reads no
// Dutch. Looked for before anything else, so that it holds for the help too.
bool english_requested(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--lang=en" || (a == "--lang" && i + 1 < argc && std::string_view(argv[i + 1]) == "en")) return true;
    }
    return false;
}

}  // namespace

namespace {

void setup_logger() {
    auto logger = spdlog::get("wmotoets");  // one logger, also when run_cli is called more than once
    if (!logger) logger = spdlog::stderr_logger_st("wmotoets");
    logger->set_pattern("%v");
    spdlog::set_default_logger(logger);
}

int run_parsed(const std::vector<Command>& commands) {
    try {
        for (const Command& c : commands)
            if (c.app->parsed()) return c.run();
    } catch (const Error& e) {
        // A message of several lines (a list of problems) keeps its lines; each is shown safely, and
        // cut at 2,000 characters should some input be echoed in it whole (the pieces are cut at 200).
        std::string message;
        std::string_view rest = e.what();
        for (;;) {
            const auto nl = rest.find('\n');
            message += echoed(rest.substr(0, nl), 2000);
            if (nl == std::string_view::npos) break;
            message += '\n';
            rest.remove_prefix(nl + 1);
        }
        spdlog::error("wmotoets: fout: {}", message);
        return 2;
    } catch (const std::exception& e) {
        spdlog::error("wmotoets: interne fout: {}", shown_text(e.what()));
        return 2;
    }
    return 2;
}

}  // namespace

int run_cli(int argc, char** argv) {
    setup_logger();
    CLI::App app{
        "wmotoets — toetst Wmo-dossiers aan de Wmo 2015-procedure, met de nadruk op onafhankelijke "
        "cliëntondersteuning (art. 2.3.2 lid 3: vóór het onderzoek wijzen op gratis cliëntondersteuning; "
        "de ondersteuner beslist nooit zelf).",
        "wmotoets"};
    app.footer(
        "\nBegin met: wmotoets controleer data/voorbeeld/dossiers.csv\n"
        "Elke opdracht heeft eigen hulp: wmotoets controleer --help\n");
    const bool english = english_requested(argc, argv);
    if (!english) dutch_help(app);
    app.set_help_flag("-h,--help", "Toon deze hulp");
    app.require_subcommand(1);
    app.fallthrough();  // --stil also works after the subcommand
    app.set_help_all_flag("--help-all", "Hulp bij alle opdrachten");
    bool quiet = false, verbose = false;
    app.add_flag("-q,--stil", quiet,
                 "Geen voortgangs- en samenvattingsregels op stderr (fouten en afgekeurde rijen wel)");
    app.add_flag("-v,--uitgebreid", verbose, "Meer op stderr, zoals de duur van elke fase");
    std::string lang = "nl";
    app.add_option("--lang", lang, "Taal van de hulp- en foutteksten van de opdrachtregel: nl (standaard) of en")
        ->check(CLI::IsMember({"nl", "en"}));
    std::vector<Command> commands;
    for (const auto add : kCommands) commands.push_back(add(app));
    if (!english) {
        relabel_groups(app);
        dutch_types(app);
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);  // --help
        const std::string help = command_path(*deepest(app)) + " --help";
        if (english) std::cerr << "wmotoets: " << e.what() << "\n(see '" << help << "')\n";
        else std::cerr << "wmotoets: " << shown_text(dutch_error(e, app)) << "\n(zie '" << help << "')\n";
        return 2;
    }
    if (quiet) spdlog::set_level(spdlog::level::warn);
    if (verbose) spdlog::set_level(spdlog::level::debug);
    return run_parsed(commands);
}

}  // namespace wmotoets
