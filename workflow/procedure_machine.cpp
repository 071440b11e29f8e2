// The only translation unit that includes Boost.MSM (it is heavy to compile).
// Transition tables over 20 rows need these before any Boost include.
#define BOOST_MPL_CFG_NO_PREPROCESSED_HEADERS
#define BOOST_MPL_LIMIT_VECTOR_SIZE 50

#include <array>
#include <boost/msm/back/state_machine.hpp>
#include <boost/msm/front/functor_row.hpp>
#include <boost/msm/front/state_machine_def.hpp>

#include "workflow/procedure.hpp"

namespace wmotoets {

namespace {

namespace msm = boost::msm;
namespace mpl = boost::mpl;
using msm::front::Internal;
using msm::front::none;
using msm::front::Row;

// ---- events (region 0: procedure, region 1: cliëntondersteuning) ----
struct EvVraagverheldering {
    static constexpr Region region = Region::procedure;
};
struct EvOpening {
    static constexpr Region region = Region::procedure;
};  // melding, herbeoordeling
struct EvMeldingInfo {
    static constexpr Region region = Region::procedure;
};  // informatie_persoonlijk_plan, persoonlijk_plan
struct EvOntvangst {
    static constexpr Region region = Region::procedure;
};  // ontvangstbevestiging: of the melding, the aanvraag or the bezwaarschrift
struct EvGesprek {
    static constexpr Region region = Region::procedure;
};
struct EvVerslag {
    static constexpr Region region = Region::procedure;
};
struct EvVerslagReactie {
    static constexpr Region region = Region::procedure;
};
struct EvAanvraag {
    static constexpr Region region = Region::procedure;
    bool term_passed = false;
};
struct EvTermijn {
    static constexpr Region region = Region::procedure;
};  // opschorting_start/_einde, verdaging
struct EvOnderzoekInfo {
    static constexpr Region region = Region::procedure;
};  // informatie_pgb (Wmo 2.3.2 lid 6), informatie_bijdrage (lid 4 onder g)
struct EvIngebrekestelling {
    static constexpr Region region = Region::procedure;
};  // Awb 4:17
struct EvBesluit {
    static constexpr Region region = Region::procedure;
};  // a beschikking on the aanvraag
struct EvBesluitZonderAanvraag {
    static constexpr Region region = Region::procedure;
};  // after a herbeoordeling (Wmo 2.3.9/2.3.10) or a premature aanvraag
struct EvTijdelijkBesluit {
    static constexpr Region region = Region::procedure;
};  // tijdelijk=ja in an urgent case (Wmo 2.3.3): the onderzoek and the aanvraag go on
struct EvLevering {
    static constexpr Region region = Region::procedure;
};  // levering_gestart after a besluit
struct EvLeveringNaTijdelijk {
    static constexpr Region region = Region::procedure;
};  // levering_gestart after a temporary decision
struct EvBezwaar {
    static constexpr Region region = Region::procedure;
};
struct EvHoorzitting {
    static constexpr Region region = Region::procedure;
};
struct EvBesluitOpBezwaar {
    static constexpr Region region = Region::procedure;
};
struct EvBeroep {
    static constexpr Region region = Region::procedure;
};
struct EvUitspraak {
    static constexpr Region region = Region::procedure;
};
struct EvEinde {
    static constexpr Region region = Region::procedure;
    bool afsluiting = false;
};  // intrekking, afsluiting
struct EvInformatie {
    static constexpr Region region = Region::ondersteuning;
};
struct EvGevraagd {
    static constexpr Region region = Region::ondersteuning;
};
struct EvToegewezen {
    static constexpr Region region = Region::ondersteuning;
};
struct EvAfgezien {
    static constexpr Region region = Region::ondersteuning;
};
struct EvWisselVerzocht {
    static constexpr Region region = Region::ondersteuning;
};
struct EvWisselGeweigerd {
    static constexpr Region region = Region::ondersteuning;
};

// Said after "Aanvraag van <datum> terwijl het onderzoek nog liep" (PRO-01).
constexpr const char* kAanvraagTooEarly = "binnen zes weken na de melding (art. 2.3.2 lid 9)";

// ---- guards and actions ----
struct MarkOpened {
    template <class Evt, class Fsm, class Src, class Tgt>
    void operator()(const Evt&, Fsm& fsm, Src&, Tgt&) const {
        fsm.opened = true;
    }
};
struct AanvraagTermPassed {
    template <class Evt, class Fsm, class Src, class Tgt>
    bool operator()(const Evt& e, Fsm& fsm, Src&, Tgt&) const {
        if (!e.term_passed) fsm.deviations.push_back({Region::procedure, Src::name, kAanvraagTooEarly});
        return e.term_passed;
    }
};
// An intrekking is only possible while something is pending; an afsluiting always.
struct IsAfsluiting {
    template <class Evt, class Fsm, class Src, class Tgt>
    bool operator()(const Evt& e, Fsm& fsm, Src&, Tgt&) const {
        if (!e.afsluiting) fsm.deviations.push_back({Region::procedure, Src::name, {}});
        return e.afsluiting;
    }
};

template <class Derived, Region kRegion>
struct Named : msm::front::state<> {
    template <class Evt, class Fsm>
    void on_entry(const Evt&, Fsm& fsm) {
        fsm.state_name[region_index(kRegion)] = Derived::name;
    }
};
#define WMO_STATE(NAME, REGION)                    \
    struct NAME : Named<NAME, REGION> {            \
        static constexpr const char* name = #NAME; \
    }

// ---- region 0: procedure ----
WMO_STATE(Start, Region::procedure);
struct Vraagverheldering : Named<Vraagverheldering, Region::procedure> {
    static constexpr const char* name = "Vraagverheldering";
    struct internal_transition_table : mpl::vector<Internal<EvVraagverheldering, none, none>> {};
};
// Before the decision: a temporary decision and the delivery it starts leave the state as it is.
using Tijdelijk = Internal<EvTijdelijkBesluit, none, none>;
using LeveringNaTijdelijk = Internal<EvLeveringNaTijdelijk, none, none>;
// After the decision: the delivery of what was granted.
using Levering = Internal<EvLevering, none, none>;
struct Gemeld : Named<Gemeld, Region::procedure> {
    static constexpr const char* name = "Gemeld";
    struct internal_transition_table
        : mpl::vector<Internal<EvVraagverheldering, none, none>, Internal<EvMeldingInfo, none, none>,
                      Internal<EvOntvangst, none, none>, Internal<EvOnderzoekInfo, none, none>, Tijdelijk,
                      LeveringNaTijdelijk> {};
};
struct InOnderzoek : Named<InOnderzoek, Region::procedure> {
    static constexpr const char* name = "InOnderzoek";
    struct internal_transition_table
        : mpl::vector<Internal<EvVraagverheldering, none, none>, Internal<EvMeldingInfo, none, none>,
                      Internal<EvOntvangst, none, none>, Internal<EvGesprek, none, none>,
                      Internal<EvOnderzoekInfo, none, none>, Tijdelijk, LeveringNaTijdelijk> {};
};
struct Onderzocht : Named<Onderzocht, Region::procedure> {
    static constexpr const char* name = "Onderzocht";
    struct internal_transition_table
        : mpl::vector<Internal<EvGesprek, none, none>, Internal<EvVerslagReactie, none, none>,
                      Internal<EvOnderzoekInfo, none, none>, Tijdelijk, LeveringNaTijdelijk> {};
};
struct Aangevraagd : Named<Aangevraagd, Region::procedure> {
    static constexpr const char* name = "Aangevraagd";
    struct internal_transition_table
        : mpl::vector<Internal<EvVerslagReactie, none, none>, Internal<EvTermijn, none, none>,
                      Internal<EvIngebrekestelling, none, none>, Internal<EvOntvangst, none, none>, Tijdelijk,
                      LeveringNaTijdelijk> {};
};
struct Besloten : Named<Besloten, Region::procedure> {
    static constexpr const char* name = "Besloten";
    struct internal_transition_table : mpl::vector<Levering, LeveringNaTijdelijk> {};
};
struct InBezwaar : Named<InBezwaar, Region::procedure> {
    static constexpr const char* name = "InBezwaar";
    struct internal_transition_table : mpl::vector<Internal<EvTermijn, none, none>, Internal<EvHoorzitting, none, none>,
                                                   Internal<EvIngebrekestelling, none, none>,
                                                   Internal<EvOntvangst, none, none>, Levering, LeveringNaTijdelijk> {};
};
struct BezwaarBesloten : Named<BezwaarBesloten, Region::procedure> {
    static constexpr const char* name = "BezwaarBesloten";
    struct internal_transition_table : mpl::vector<Levering, LeveringNaTijdelijk> {};
};
struct InBeroep : Named<InBeroep, Region::procedure> {
    static constexpr const char* name = "InBeroep";
    struct internal_transition_table : mpl::vector<Levering, LeveringNaTijdelijk> {};
};
struct Uitgesproken : Named<Uitgesproken, Region::procedure> {
    static constexpr const char* name = "Uitgesproken";
    struct internal_transition_table : mpl::vector<Levering, LeveringNaTijdelijk> {};
};
struct Afgesloten : Named<Afgesloten, Region::procedure> {
    static constexpr const char* name = "Afgesloten";
    struct internal_transition_table
        : mpl::vector<Internal<EvEinde, none, IsAfsluiting>, Levering, LeveringNaTijdelijk> {};
};

// ---- region 1: cliëntondersteuning ----
struct NietGeinformeerd : Named<NietGeinformeerd, Region::ondersteuning> {
    static constexpr const char* name = "NietGeinformeerd";
};
struct Geinformeerd : Named<Geinformeerd, Region::ondersteuning> {
    static constexpr const char* name = "Geinformeerd";
    struct internal_transition_table : mpl::vector<Internal<EvInformatie, none, none>> {};
};
struct Gevraagd : Named<Gevraagd, Region::ondersteuning> {
    static constexpr const char* name = "Gevraagd";
    struct internal_transition_table : mpl::vector<Internal<EvInformatie, none, none>> {};
};
struct Ondersteund : Named<Ondersteund, Region::ondersteuning> {
    static constexpr const char* name = "Ondersteund";
    struct internal_transition_table
        : mpl::vector<Internal<EvInformatie, none, none>, Internal<EvToegewezen, none, none>> {};
};
struct WisselGevraagd : Named<WisselGevraagd, Region::ondersteuning> {
    static constexpr const char* name = "WisselGevraagd";
    struct internal_transition_table : mpl::vector<Internal<EvInformatie, none, none>> {};
};
struct Afgezien : Named<Afgezien, Region::ondersteuning> {
    static constexpr const char* name = "Afgezien";
    struct internal_transition_table
        : mpl::vector<Internal<EvInformatie, none, none>, Internal<EvAfgezien, none, none>> {};
};

struct Machine_ : msm::front::state_machine_def<Machine_> {
    using initial_state = mpl::vector<Start, NietGeinformeerd>;

    // clang-format off
    struct transition_table : mpl::vector<
        //   source             event               target             action      guard
        Row<Start,             EvVraagverheldering, Vraagverheldering, none,       none>,
        Row<Start,             EvOpening,          Gemeld,             MarkOpened, none>,
        Row<Vraagverheldering, EvOpening,          Gemeld,             MarkOpened, none>,
        Row<Besloten,          EvOpening,          Gemeld,             MarkOpened, none>,
        Row<BezwaarBesloten,   EvOpening,          Gemeld,             MarkOpened, none>,
        Row<Uitgesproken,      EvOpening,          Gemeld,             MarkOpened, none>,
        Row<Afgesloten,        EvOpening,          Gemeld,             MarkOpened, none>,
        Row<Gemeld,            EvGesprek,          InOnderzoek,        none,       none>,
        Row<Gemeld,            EvVerslag,          Onderzocht,         none,       none>,
        Row<InOnderzoek,       EvVerslag,          Onderzocht,         none,       none>,
        Row<Onderzocht,        EvAanvraag,         Aangevraagd,        none,       none>,
        Row<Gemeld,            EvAanvraag,         Aangevraagd,        none,       AanvraagTermPassed>,
        Row<InOnderzoek,       EvAanvraag,         Aangevraagd,        none,       AanvraagTermPassed>,
        Row<Aangevraagd,       EvBesluit,          Besloten,           none,       none>,
        Row<Gemeld,            EvBesluitZonderAanvraag, Besloten,      none,       none>,
        Row<InOnderzoek,       EvBesluitZonderAanvraag, Besloten,      none,       none>,
        Row<Onderzocht,        EvBesluitZonderAanvraag, Besloten,      none,       none>,
        Row<Aangevraagd,       EvBesluitZonderAanvraag, Besloten,      none,       none>,
        Row<Besloten,          EvBezwaar,          InBezwaar,          none,       none>,
        Row<InBezwaar,         EvBesluitOpBezwaar, BezwaarBesloten,    none,       none>,
        Row<BezwaarBesloten,   EvBeroep,           InBeroep,           none,       none>,
        Row<InBeroep,          EvUitspraak,        Uitgesproken,       none,       none>,
        // intrekking and afsluiting: both from a pending state, only afsluiting from the others
        Row<Gemeld,            EvEinde,            Afgesloten,         none,       none>,
        Row<InOnderzoek,       EvEinde,            Afgesloten,         none,       none>,
        Row<Onderzocht,        EvEinde,            Afgesloten,         none,       none>,
        Row<Aangevraagd,       EvEinde,            Afgesloten,         none,       none>,
        Row<InBezwaar,         EvEinde,            Afgesloten,         none,       none>,
        Row<InBeroep,          EvEinde,            Afgesloten,         none,       none>,
        Row<Start,             EvEinde,            Afgesloten,         none,       IsAfsluiting>,
        Row<Vraagverheldering, EvEinde,            Afgesloten,         none,       IsAfsluiting>,
        Row<Besloten,          EvEinde,            Afgesloten,         none,       IsAfsluiting>,
        Row<BezwaarBesloten,   EvEinde,            Afgesloten,         none,       IsAfsluiting>,
        Row<Uitgesproken,      EvEinde,            Afgesloten,         none,       IsAfsluiting>,
        // region 1
        Row<NietGeinformeerd,  EvInformatie,       Geinformeerd,       none,       none>,
        Row<NietGeinformeerd,  EvGevraagd,         Gevraagd,           none,       none>,
        Row<Geinformeerd,      EvGevraagd,         Gevraagd,           none,       none>,
        Row<Afgezien,          EvGevraagd,         Gevraagd,           none,       none>,
        Row<NietGeinformeerd,  EvToegewezen,       Ondersteund,        none,       none>,
        Row<Geinformeerd,      EvToegewezen,       Ondersteund,        none,       none>,
        Row<Gevraagd,          EvToegewezen,       Ondersteund,        none,       none>,
        Row<WisselGevraagd,    EvToegewezen,       Ondersteund,        none,       none>,
        Row<Afgezien,          EvToegewezen,       Ondersteund,        none,       none>,
        Row<Ondersteund,       EvWisselVerzocht,   WisselGevraagd,     none,       none>,
        Row<WisselGevraagd,    EvWisselGeweigerd,  Ondersteund,        none,       none>,
        Row<NietGeinformeerd,  EvAfgezien,         Afgezien,           none,       none>,
        Row<Geinformeerd,      EvAfgezien,         Afgezien,           none,       none>,
        Row<Gevraagd,          EvAfgezien,         Afgezien,           none,       none>,
        Row<Ondersteund,       EvAfgezien,         Afgezien,           none,       none>,
        Row<WisselGevraagd,    EvAfgezien,         Afgezien,           none,       none>
    > {};
    // clang-format on

    // Replaces the default (which asserts). Called once per region that has no row for the
    // event in its current state, and not when a guard rejected (the guards record that).
    template <class Fsm, class Evt>
    void no_transition(const Evt&, Fsm& fsm, int state) {
        const Region region = fsm.current_state()[0] == state ? Region::procedure : Region::ondersteuning;
        if (region == Evt::region) deviations.push_back({region, state_name[region_index(region)], {}});
    }

    std::array<const char*, 2> state_name{"Start", "NietGeinformeerd"};
    std::vector<MachineDeviation> deviations;
    bool opened = false;
};

using Machine = msm::back::state_machine<Machine_>;

}  // namespace

struct Procedure::Impl {
    Machine machine;
    template <class Evt>
    void fire(const Evt& e) {
        machine.process_event(e);
    }
};

Procedure::Procedure() : impl_(std::make_unique<Impl>()) { impl_->machine.start(); }
Procedure::~Procedure() = default;

void Procedure::reset() {
    impl_->machine.stop();
    impl_->machine = Machine{};  // back to the initial states, in place
    impl_->machine.start();
}

std::string_view Procedure::state(Region region) const { return impl_->machine.state_name[region_index(region)]; }

Procedure::Step Procedure::step(Activity a) { return step(a, Context{}); }

Procedure::Step Procedure::step(Activity a, Context ctx) {
    Machine& m = impl_->machine;
    m.opened = false;
    m.deviations.clear();
    switch (a) {
    case Activity::vraagverheldering: impl_->fire(EvVraagverheldering{}); break;
    case Activity::melding:
    case Activity::herbeoordeling: impl_->fire(EvOpening{}); break;
    case Activity::ontvangstbevestiging: impl_->fire(EvOntvangst{}); break;
    case Activity::informatie_persoonlijk_plan:
    case Activity::persoonlijk_plan: impl_->fire(EvMeldingInfo{}); break;
    case Activity::gesprek: impl_->fire(EvGesprek{}); break;
    case Activity::verslag: impl_->fire(EvVerslag{}); break;
    case Activity::verslag_reactie: impl_->fire(EvVerslagReactie{}); break;
    case Activity::aanvraag: impl_->fire(EvAanvraag{ctx.aanvraag_term_passed}); break;
    case Activity::opschorting_start:
    case Activity::opschorting_einde:
    case Activity::verdaging: impl_->fire(EvTermijn{}); break;
    case Activity::informatie_pgb:
    case Activity::informatie_bijdrage: impl_->fire(EvOnderzoekInfo{}); break;
    case Activity::ingebrekestelling: impl_->fire(EvIngebrekestelling{}); break;
    case Activity::besluit:
        switch (ctx.besluit) {
        case BesluitKind::op_aanvraag: impl_->fire(EvBesluit{}); break;
        case BesluitKind::zonder_aanvraag: impl_->fire(EvBesluitZonderAanvraag{}); break;
        case BesluitKind::tijdelijk_bij_spoed: impl_->fire(EvTijdelijkBesluit{}); break;
        }
        break;
    case Activity::levering_gestart:
        if (ctx.after_tijdelijk) impl_->fire(EvLeveringNaTijdelijk{});
        else impl_->fire(EvLevering{});
        break;
    case Activity::bezwaar: impl_->fire(EvBezwaar{}); break;
    case Activity::hoorzitting: impl_->fire(EvHoorzitting{}); break;
    case Activity::besluit_op_bezwaar: impl_->fire(EvBesluitOpBezwaar{}); break;
    case Activity::beroep: impl_->fire(EvBeroep{}); break;
    case Activity::uitspraak: impl_->fire(EvUitspraak{}); break;
    case Activity::intrekking: impl_->fire(EvEinde{false}); break;
    case Activity::afsluiting: impl_->fire(EvEinde{true}); break;
    case Activity::informatie_clientondersteuning: impl_->fire(EvInformatie{}); break;
    case Activity::clientondersteuning_gevraagd: impl_->fire(EvGevraagd{}); break;
    case Activity::ondersteuner_toegewezen: impl_->fire(EvToegewezen{}); break;
    case Activity::clientondersteuning_afgezien: impl_->fire(EvAfgezien{}); break;
    case Activity::andere_ondersteuner_verzocht: impl_->fire(EvWisselVerzocht{}); break;
    case Activity::andere_ondersteuner_geweigerd: impl_->fire(EvWisselGeweigerd{}); break;
    case Activity::eigen_bijdrage:
    case Activity::wlz_indicatie:
    case Activity::onbekend: break;  // accepted in any state, only recorded
    }
    return Step{m.opened, std::move(m.deviations)};
}

std::optional<Region> Procedure::region_of(Activity a) {
    switch (a) {
    case Activity::informatie_clientondersteuning:
    case Activity::clientondersteuning_gevraagd:
    case Activity::ondersteuner_toegewezen:
    case Activity::clientondersteuning_afgezien:
    case Activity::andere_ondersteuner_verzocht:
    case Activity::andere_ondersteuner_geweigerd: return Region::ondersteuning;
    case Activity::eigen_bijdrage:
    case Activity::wlz_indicatie:
    case Activity::onbekend: return std::nullopt;
    default: return Region::procedure;
    }
}

std::vector<std::string> Procedure::state_names(Region region) {
    if (region == Region::procedure)
        return {Start::name,           Vraagverheldering::name, Gemeld::name,       InOnderzoek::name,
                Onderzocht::name,      Aangevraagd::name,       Besloten::name,     InBezwaar::name,
                BezwaarBesloten::name, InBeroep::name,          Uitgesproken::name, Afgesloten::name};
    return {NietGeinformeerd::name, Geinformeerd::name,   Gevraagd::name,
            Ondersteund::name,      WisselGevraagd::name, Afgezien::name};
}

}  // namespace wmotoets
