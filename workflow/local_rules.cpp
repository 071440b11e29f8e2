#include "workflow/local_rules.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace wmotoets {

namespace {

// A template parameter: a canonical activity by its name, or a kept label exactly as in the input.
struct Matcher {
    std::string text;
    Activity canonical = Activity::onbekend;

    explicit Matcher(std::string t) : text(std::move(t)) {
        const auto a = activity_from_folded(text);
        if (a && *a != Activity::onbekend && activity_name(*a) == text) canonical = *a;
    }
    // The label's string id in this log (0: no kept event can match).
    StrId label_id(const EventLog& log) const { return canonical == Activity::onbekend ? log.strings.find(text) : 0; }
    bool matches(const EventLog& log, const Event& e, StrId label) const {
        if (canonical != Activity::onbekend) return e.activity == canonical;
        return label != 0 && e.activity == Activity::onbekend && log.label_id(e) == label;
    }
};

class LocalRule final : public Rule {
public:
    explicit LocalRule(const LocalRuleSpec& s) : spec_(s), a_(s.a), b_(s.b) {
        what_ = describe();
        why_ = s.explanation.empty()
                   ? "Lokale werkinstructie van de gemeente (" + s.basis + "), vastgelegd in " + s.source + "."
                   : s.explanation;
        example_ = example();
        question_ = "Is in dit dossier voldaan aan lokale regel " + spec_.id + "?";
        info_ = RuleInfo{spec_.id,
                         spec_.title,
                         spec_.severity,
                         spec_.basis,
                         Scope::dossier,
                         what_,
                         why_,
                         example_,
                         spec_.template_kind == LocalTemplate::gevolgd_door && spec_.within_days.has_value(),
                         question_};
    }
    const RuleInfo& info() const override { return info_; }

    RuleResult check(const DossierFacts& f, const RuleContext& ctx) const override {
        Judge j{f, ctx, a_, a_.label_id(*f.log), b_, b_.label_id(*f.log), {}};
        switch (spec_.template_kind) {
        case LocalTemplate::voorafgaand: return voorafgaand(j);
        case LocalTemplate::gevolgd_door: return gevolgd_door(j, ctx);
        case LocalTemplate::vier_ogen: return vier_ogen(j);
        case LocalTemplate::verplicht: return verplicht(j);
        case LocalTemplate::verboden: return verboden(j);
        }
        return j.r;
    }

private:
    // One dossier being judged: the template's parameters matched against its events.
    struct Judge {
        const DossierFacts& f;
        const RuleContext& ctx;
        const Matcher& a;
        StrId la;
        const Matcher& b;
        StrId lb;
        RuleResult r;
        bool is_a(Pos p) const { return a.matches(*f.log, f.event(p), la); }
        bool is_b(Pos p) const { return b.matches(*f.log, f.event(p), lb); }
        // A finding at `at`, its message made by `words` (when words are wanted: RuleContext::words).
        template <class Words>
        Finding& finding(Pos at, std::vector<Pos> events, Words&& words) {
            Finding& fi = r.findings.emplace_back();
            fi.cycle = f.cycle_of[at] + 1;
            fi.date = f.date(at);
            fi.events = std::move(events);
            fi.message = ctx.say(words);
            return fi;
        }
    };

    RuleResult voorafgaand(Judge& j) const {
        const Pos n = Pos(j.f.size());
        std::optional<Pos> first_b;
        for (Pos p = 0; p < n && !first_b; ++p)
            if (j.is_b(p)) first_b = p;
        if (!first_b) return j.r;
        bool before = false;
        for (Pos p = 0; p < *first_b; ++p) before = before || j.is_a(p);
        j.r.outcome = before ? Outcome::voldaan : Outcome::overtreden;
        if (!before)
            j.finding(*first_b, {*first_b}, [&] {
                return "'" + spec_.b + "' op " + j.f.date(*first_b).dutch_long() + " zonder voorafgaande '" + spec_.a +
                       "'";
            });
        return j.r;
    }

    RuleResult gevolgd_door(Judge& j, const RuleContext& ctx) const {
        const Pos n = Pos(j.f.size());
        // The first b after each position, in one backward sweep (linear, however many a's).
        std::vector<std::optional<Pos>> next_b(n);
        for (Pos p = n; p-- > 1;) next_b[p - 1] = j.is_b(p) ? std::optional<Pos>(p) : next_b[p];
        for (Pos p = 0; p < n; ++p) {
            if (!j.is_a(p)) continue;
            if (j.r.outcome == Outcome::niet_van_toepassing) j.r.outcome = Outcome::voldaan;
            const std::optional<Date> last =
                spec_.within_days ? std::optional<Date>(j.f.date(p) + *spec_.within_days) : std::nullopt;
            const std::optional<Pos> next = next_b[p];
            if (next && (!last || j.f.date(*next) <= *last)) continue;
            if (!next && last && ctx.peildatum <= *last) {  // the term still runs
                j.r.outcome = std::max(j.r.outcome, Outcome::onbekend);
                continue;
            }
            j.r.outcome = Outcome::overtreden;
            j.finding(p, next ? std::vector<Pos>{p, *next} : std::vector<Pos>{p}, [&] {
                std::string msg = "'" + spec_.a + "' op " + j.f.date(p).dutch_long();
                if (next) msg += " werd pas op " + j.f.date(*next).dutch_long() + " gevolgd door '" + spec_.b + "'";
                else msg += " werd niet gevolgd door '" + spec_.b + "'";
                if (last)
                    msg += "; dat moest binnen " + std::to_string(*spec_.within_days) + " dagen, tot en met " +
                           last->dutch_long();
                return msg;
            });
            j.r.findings.back().deadline = last;
        }
        return j.r;
    }

    RuleResult vier_ogen(Judge& j) const {
        const Pos n = Pos(j.f.size());
        std::vector<std::pair<StrId, Pos>> as, bs;
        for (Pos p = 0; p < n; ++p) {
            const StrId actor = j.f.actor(p);
            if (actor == 0) continue;
            if (j.is_a(p)) as.emplace_back(actor, p);
            if (j.is_b(p)) bs.emplace_back(actor, p);
        }
        if (as.empty() || bs.empty()) return j.r;
        j.r.outcome = Outcome::voldaan;
        // Per person their first b, and whether they were reported (linear, however many events).
        std::unordered_map<StrId, Pos> first_b;
        for (const auto& [actor, pb] : bs) first_b.emplace(actor, pb);
        std::unordered_set<StrId> reported;
        for (const auto& [actor_a, pos_a] : as) {
            // Named copies: a lambda may not capture a structured binding (clang before 16).
            const StrId actor = actor_a;
            const Pos pa = pos_a;
            const auto hit = first_b.find(actor);
            if (hit == first_b.end() || !reported.insert(actor).second) continue;
            const Pos pb = hit->second;
            j.r.outcome = Outcome::overtreden;
            const Pos later = std::max(pa, pb);
            j.finding(later, {std::min(pa, pb), later}, [&] {
                return "Medewerker " + std::string(j.f.log->str(actor)) + " deed zowel '" + spec_.a + "' (" +
                       j.f.date(pa).dutch_long() + ") als '" + spec_.b + "' (" + j.f.date(pb).dutch_long() + ")";
            });
        }
        return j.r;
    }

    RuleResult verplicht(Judge& j) const {
        const Pos n = Pos(j.f.size());
        if (n == 0) return j.r;
        for (Pos p = 0; p < n; ++p)
            if (j.is_a(p)) {
                j.r.outcome = Outcome::voldaan;
                return j.r;
            }
        j.r.outcome = Outcome::overtreden;
        j.finding(n - 1, {n - 1}, [&] { return "Geen '" + spec_.a + "' in dit dossier"; });
        return j.r;
    }

    RuleResult verboden(Judge& j) const {
        const Pos n = Pos(j.f.size());
        if (n == 0) return j.r;
        j.r.outcome = Outcome::voldaan;
        for (Pos p = 0; p < n; ++p)
            if (j.is_a(p)) {
                j.r.outcome = Outcome::overtreden;
                j.finding(p, {p}, [&] {
                    return "'" + spec_.a + "' op " + j.f.date(p).dutch_long() + " komt niet voor in een goed dossier";
                });
                break;
            }
        return j.r;
    }

    std::string describe() const {
        const std::string a = "'" + spec_.a + "'", b = "'" + spec_.b + "'";
        switch (spec_.template_kind) {
        case LocalTemplate::voorafgaand:
            return "Sjabloon voorafgaand: van toepassing op dossiers met " + b + "; overtreden als vóór de eerste " +
                   b + " geen " + a + " komt.";
        case LocalTemplate::gevolgd_door:
            return "Sjabloon gevolgd_door: van toepassing op dossiers met " + a + "; overtreden als een " + a +
                   " niet gevolgd wordt door " + b +
                   (spec_.within_days ? " binnen " + std::to_string(*spec_.within_days) +
                                            " dagen (onbekend zolang die termijn op de peildatum loopt)"
                                      : std::string()) +
                   ".";
        case LocalTemplate::vier_ogen:
            return "Sjabloon vier_ogen: van toepassing op dossiers waarin " + a + " en " + b +
                   " allebei voorkomen met een bekende medewerker; overtreden als één medewerker beide deed.";
        case LocalTemplate::verplicht: return "Sjabloon verplicht: elk dossier moet " + a + " bevatten.";
        case LocalTemplate::verboden: return "Sjabloon verboden: " + a + " mag in geen dossier voorkomen.";
        }
        return {};
    }
    std::string example() const {
        switch (spec_.template_kind) {
        case LocalTemplate::voorafgaand:
            return "Een dossier met '" + spec_.b + "' maar zonder '" + spec_.a + "' ervoor: overtreden.";
        case LocalTemplate::gevolgd_door:
            return "Een dossier met '" + spec_.a + "' waarop geen '" + spec_.b + "' volgt: overtreden.";
        case LocalTemplate::vier_ogen:
            return "Medewerker M1 doet '" + spec_.a + "' en ook '" + spec_.b + "': overtreden.";
        case LocalTemplate::verplicht: return "Een dossier zonder '" + spec_.a + "': overtreden.";
        case LocalTemplate::verboden: return "Een dossier met '" + spec_.a + "': overtreden.";
        }
        return {};
    }

    LocalRuleSpec spec_;
    Matcher a_, b_;
    std::string what_, why_, example_, question_;
    RuleInfo info_{};
};

}  // namespace

LocalRules::LocalRules(const std::vector<LocalRuleSpec>& specs) {
    for (const LocalRuleSpec& s : specs) {
        owned_.push_back(std::make_unique<LocalRule>(s));
        view_.push_back(owned_.back().get());
    }
}
LocalRules::LocalRules(LocalRules&&) noexcept = default;
LocalRules& LocalRules::operator=(LocalRules&&) noexcept = default;
LocalRules::~LocalRules() = default;

std::vector<const Rule*> rules_with(const LocalRules& local) {
    std::vector<const Rule*> out = all_rules();
    out.insert(out.end(), local.rules().begin(), local.rules().end());
    return out;
}

}  // namespace wmotoets
