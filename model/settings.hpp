#pragma once
// Settings that change how rules judge (a settings file, TOML: --instellingen). Defaults are
// those of docs/spec/rules.md.
#include <string>

namespace wmotoets {

struct Settings {
    // ONA-04: days within which a request for another ondersteuner must be honoured.
    int andere_ondersteuner_dagen = 14;
    // TOE-03: days within which a requested ondersteuner must be assigned.
    int wachttijd_ondersteuner_dagen = 14;
    // rapport --publicatie (statistical disclosure control): counts below `publicatie_drempel`
    // are suppressed, other counts rounded to a multiple of `publicatie_afronding`.
    int publicatie_drempel = 10;
    int publicatie_afronding = 5;
    // zelftest rapport: an answer 'ja' meets a violation rate above this percentage → gesprekspunt.
    double zelftest_drempel_procent = 5.0;
    // rapport (issue 28): the report's title, the municipality or organisation, and its author ([rapport]
    // titel, organisatie, auteur; --titel, --organisatie, --auteur); empty = not given.
    std::string rapport_titel, rapport_organisatie, rapport_auteur;
};

}  // namespace wmotoets
