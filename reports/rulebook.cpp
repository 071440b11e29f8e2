#include "reports/rulebook.hpp"

#include <fmt/format.h>

#include "util/text.hpp"

namespace wmotoets {

namespace {

std::string_view family_title(std::string_view id) {
    const std::string_view f = id.substr(0, 3);
    if (f == "INF") return "Informatieplicht";
    if (f == "ONA") return "Onafhankelijkheid";
    if (f == "TOE") return "Toegankelijkheid";
    if (f == "TRM") return "Termijnen";
    if (f == "PRO") return "Procedure";
    return "Lokale regels";
}

// The outcomes a rule can give, worded by its severity (docs/spec/rules.md "Words for people").
std::string outcomes_text(const RuleInfo& i) {
    std::string s = "niet van toepassing, voldaan, ";
    if (i.can_be_unknown) s += "onbekend, ";
    return s + std::string(deviation_words(i.severity));
}

}  // namespace

void write_rulebook_list(std::ostream& out, const std::vector<const Rule*>& rules) {
    out << fmt::format("{:<8} {:<13} {:<8} {}\n", "regel", "ernst", "bereik", "titel — grondslag");
    for (const Rule* r : rules) {
        const RuleInfo& i = r->info();
        out << fmt::format("{:<8} {:<13} {:<8} {} — {}\n", i.id, severity_name(i.severity), scope_name(i.scope),
                           i.title, i.basis);
    }
}

void write_rule_explanation(std::ostream& out, const Rule& rule) {
    const RuleInfo& i = rule.info();
    out << i.id << " — " << i.title << "\n\n"
        << "Ernst:      " << severity_name(i.severity) << "\n"
        << "Grondslag:  " << i.basis << "\n"
        << "Bereik:     per " << scope_name(i.scope) << "\n"
        << "Uitkomsten: " << outcomes_text(i) << "\n\n"
        << "Wat wordt gecontroleerd\n  " << i.what << "\n\n"
        << "Waarom dat ertoe doet\n  " << i.why << "\n\n"
        << "Voorbeeld\n  " << i.example << "\n";
}

void write_rulebook_markdown(std::ostream& out, const std::vector<const Rule*>& rules) {
    out << "# Het regelboek van Wmo-toets\n\n"
        << "<!-- Gegenereerd met `wmotoets regels --markdown > docs/regels.md` uit de regelbestanden in\n"
        << "     workflow/rules/. Niet met de hand bewerken: een test faalt als dit bestand verouderd is. -->\n\n"
        << "Elke regel geeft per dossier één uitkomst: niet van toepassing, voldaan, onbekend (het logboek kan "
           "het niet beslissen, of een termijn loopt nog op de peildatum), of — als de regel niet wordt nageleefd — "
           "*overtreden* bij een overtreding (de wet is niet nageleefd), *niet voldaan* bij een aandachtspunt (goede "
           "praktijk of onafhankelijkheid in gevaar) en *gesignaleerd* bij een signaal (goed om te weten). Bij een "
           "regel per cyclus is de uitkomst van het dossier de slechtste over de cycli. Termijnen volgen de "
           "Algemene termijnenwet; zie `wmotoets regels ID` voor de uitleg van één regel.\n\n"
        << "| regel | ernst | bereik | titel | grondslag |\n| --- | --- | --- | --- | --- |\n";
    for (const Rule* r : rules) {
        const RuleInfo& i = r->info();
        out << "| [" << i.id << "](#" << ascii_lower(i.id) << ") | " << severity_name(i.severity) << " | "
            << scope_name(i.scope) << " | " << i.title << " | " << i.basis << " |\n";
    }
    std::string_view family;
    for (const Rule* r : rules) {
        const RuleInfo& i = r->info();
        if (family_title(i.id) != family) {
            family = family_title(i.id);
            out << "\n## " << family << "\n";
        }
        out << "\n### " << i.id << "\n\n**" << i.title << "**\n\n"
            << "- Ernst: " << severity_name(i.severity) << "\n"
            << "- Grondslag: " << i.basis << "\n"
            << "- Bereik: per " << scope_name(i.scope) << "\n"
            << "- Mogelijke uitkomsten: " << outcomes_text(i) << "\n\n"
            << "**Wat wordt gecontroleerd.** " << i.what << "\n\n"
            << "**Waarom dat ertoe doet.** " << i.why << "\n\n"
            << "**Voorbeeld.** " << i.example << "\n";
    }
}

}  // namespace wmotoets
