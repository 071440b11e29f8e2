// The coordinator's werkvoorraad (issue 29): running terms with their last day and working days left,
// steps still due, independence at risk; what changed since an earlier stored run; the exit code.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "generator/generator.hpp"
#include "helpers.hpp"
#include "reports/figures.hpp"
#include "reports/run_record.hpp"
#include "reports/separation.hpp"
#include "reports/worklist.hpp"
#include "workflow/terms.hpp"
#include "xlsx_read.hpp"

namespace wmotoets {
namespace {

using test::cli;

// Peildatum Tuesday 7 May 2024. A1: 40 days after its melding, no verslag (Hemelvaartsdag 9 May and the
// equated 10 May lie before its last day). A2: an aanvraag with a suspension still open. A3: its
// ondersteuner O1 decided in A4 (closed). A5: a term passed. A6: closed.
constexpr const char* kLog = R"(case_id,timestamp,activity,actor,role,team,aan
A1,2024-03-28T09:00,melding,C1,consulent,Noord,
A1,2024-03-29T09:00,informatie_clientondersteuning,C1,consulent,Noord,client
A1,2024-04-05T09:00,gesprek,C1,consulent,Noord,
A2,2024-04-01T09:00,melding,C2,consulent,Zuid,
A2,2024-04-02T09:00,informatie_clientondersteuning,C2,consulent,Zuid,client
A2,2024-04-03T09:00,gesprek,C2,consulent,Zuid,
A2,2024-04-15T09:00,verslag,C2,consulent,Zuid,
A2,2024-04-22T09:00,aanvraag,A9,administratie,Zuid,
A2,2024-04-24T09:00,opschorting_start,C2,consulent,Zuid,
A3,2024-04-15T09:00,melding,C1,consulent,Noord,
A3,2024-04-16T09:00,ondersteuner_toegewezen,O1,ondersteuner,Noord,
A4,2024-01-08T09:00,melding,C1,consulent,Noord,
A4,2024-01-09T09:00,informatie_clientondersteuning,C1,consulent,Noord,client
A4,2024-01-10T09:00,gesprek,C1,consulent,Noord,
A4,2024-01-15T09:00,verslag,C1,consulent,Noord,
A4,2024-01-16T09:00,aanvraag,A9,administratie,Noord,
A4,2024-01-25T09:00,besluit,O1,beslisser,Noord,
A4,2024-01-26T09:00,afsluiting,A9,administratie,Noord,
A5,2024-02-01T09:00,melding,C1,consulent,Noord,
A5,2024-02-02T09:00,informatie_clientondersteuning,C1,consulent,Noord,client
A5,2024-02-05T09:00,gesprek,C1,consulent,Noord,
A6,2024-02-01T09:00,melding,C1,consulent,Noord,
A6,2024-02-10T09:00,afsluiting,A9,administratie,Noord,
)";

RunRecord checked(const EventLog& log, Date peildatum) {
    const Settings settings;
    CheckResult result = run_check(log, select_rules({}, {}), Calendar{}, peildatum, {}, settings);
    RunCollector c;
    emit_check(log, result, compute_figures(result), settings, c);
    return std::move(c.record);
}

const RunRecord::Open* item(const RunRecord& run, const std::string& dossier, const std::string& rule) {
    const auto it = std::find_if(run.open.begin(), run.open.end(),
                                 [&](const RunRecord::Open& o) { return o.case_id == dossier && o.rule == rule; });
    return it == run.open.end() ? nullptr : &*it;
}

TEST(Worklist, SixWeeksOfTheOnderzoekWithAHolidayInBetween) {
    const EventLog log = test::load(kLog);
    const RunRecord run = checked(log, Date::from_ymd(2024, 5, 7));
    const RunRecord::Open* o = item(run, "A1", "TRM-01");
    ASSERT_NE(o, nullptr);
    EXPECT_EQ(o->kind, OpenKind::termijn);
    EXPECT_EQ(o->deadline, "2024-05-13");  // 9 May Hemelvaartsdag, 10 May equated, then the weekend
    EXPECT_EQ(o->werkdagen_over, 3);       // 7, 8 and 13 May
    EXPECT_NE(o->detail.find("loopt tot en met 13 mei 2024"), std::string::npos) << o->detail;
    EXPECT_EQ(o->detail.find("overtreden"), std::string::npos);
}

// The run's table of working days gives the same counts as counting day by day, also across a century.
TEST(Worklist, WorkingDaysLeftFromTheTableEqualCountingDayByDay) {
    const Calendar cal;
    const WorkingDayCount table(cal);
    const Date peildatum = Date::from_ymd(2024, 5, 7);
    for (int offset = -400; offset <= 400; offset += 7)
        for (int shift = 0; shift < 7; ++shift) {
            const Date last = peildatum + offset + shift;
            EXPECT_EQ(working_days_left(cal, peildatum, last, &table), working_days_left(cal, peildatum, last))
                << last.iso();
        }
    EXPECT_EQ(working_days_left(cal, peildatum, Date::from_ymd(2024, 5, 13), &table), 3);
    const Date early = Date::from_ymd(1900, 1, 2), late = Date::from_ymd(2199, 12, 30);
    EXPECT_EQ(working_days_left(cal, late, early, &table), working_days_left(cal, late, early));
    EXPECT_EQ(working_days_left(cal, early, late, &table), working_days_left(cal, early, late));
}

TEST(Worklist, AnOpenSuspensionExtendsTheLastDay) {
    const EventLog log = test::load(kLog);
    const RunRecord run = checked(log, Date::from_ymd(2024, 5, 7));
    const RunRecord::Open* o = item(run, "A2", "TRM-02");
    ASSERT_NE(o, nullptr);
    // Two weeks after 22 April is 6 May; suspended since 24 April, ending on the peildatum at the
    // earliest: 12 days (25 April – 6 May), so 18 May, a Saturday; 20 May is Tweede Pinksterdag.
    EXPECT_EQ(o->deadline, "2024-05-21");
    EXPECT_NE(o->detail.find("opgeschort sinds 24 april 2024"), std::string::npos) << o->detail;
    EXPECT_NE(o->detail.find("loopt ten minste"), std::string::npos) << o->detail;
}

TEST(Worklist, AnOndersteunerWhoDecidedElsewhereIsAnIndependenceRisk) {
    const EventLog log = test::load(kLog);
    const RunRecord run = checked(log, Date::from_ymd(2024, 5, 7));
    const RunRecord::Open* o = item(run, "A3", "ONA-01");
    ASSERT_NE(o, nullptr);
    EXPECT_EQ(o->kind, OpenKind::onafhankelijkheid);
    EXPECT_NE(o->todo.find("O1"), std::string::npos) << o->todo;
    EXPECT_NE(o->detail.find("A4"), std::string::npos) << o->detail;
    EXPECT_NE(o->detail.find("25 januari 2024"), std::string::npos) << o->detail;
    // Not in the dossier where O1 decided, nor before the first decision anywhere.
    EXPECT_EQ(item(run, "A4", "ONA-01"), nullptr);
    EXPECT_EQ(item(run, "A1", "ONA-01"), nullptr);
}

TEST(Worklist, APassedTermComesFirstAndClosedDossiersNeverAppear) {
    const EventLog log = test::load(kLog);
    const RunRecord run = checked(log, Date::from_ymd(2024, 5, 7));
    const Worklist w = build_worklist(log, run, nullptr, 7, "");
    ASSERT_FALSE(w.items.empty());
    EXPECT_EQ(w.items.front().open.case_id, "A5");
    EXPECT_EQ(w.items.front().urgency, Urgency::verstreken);
    EXPECT_EQ(w.past, 1u);
    for (const WorkItem& i : w.items) {
        EXPECT_NE(i.open.case_id, "A4");
        EXPECT_NE(i.open.case_id, "A6");
    }
    // Team Noord only.
    const Worklist noord = build_worklist(log, run, nullptr, 7, "noord");
    for (const WorkItem& i : noord.items) EXPECT_EQ(i.team, "Noord");
    EXPECT_LT(noord.items.size(), w.items.size());
}

TEST(Worklist, CommandWritesThreeFilesAndExitsOneOnAPassedTerm) {
    const std::string log = test::write_file("werkvoorraad.csv", kLog);
    const auto dir = test::temp_dir() / "wv";
    std::filesystem::remove_all(dir);
    EXPECT_EQ(cli({"-q", "werkvoorraad", log, "--peildatum", "2024-05-07", "--uit", dir.string()}), 1);
    for (const char* f : {"werkvoorraad.html", "werkvoorraad.xlsx", "werkvoorraad.csv"})
        EXPECT_TRUE(std::filesystem::exists(dir / f)) << f;
    const std::string html = test::read_file((dir / "werkvoorraad.html").string());
    EXPECT_LT(html.find("A5"), html.find("A1"));  // team Noord: the passed term first
    EXPECT_EQ(html.find("overtreden"), std::string::npos);
    EXPECT_NE(html.find("tot en met 13 mei 2024 (nog 3 werkdagen)"), std::string::npos);
    // Without A5 nothing has passed: exit 0.
    std::string rest;
    for (std::size_t at = 0, next; at < std::string(kLog).size(); at = next + 1) {
        next = std::string(kLog).find('\n', at);
        const std::string line = std::string(kLog).substr(at, next - at);
        if (!line.starts_with("A5")) rest += line + "\n";
    }
    const std::string fine = test::write_file("werkvoorraad-zonder-a5.csv", rest);
    EXPECT_EQ(cli({"-q", "werkvoorraad", fine, "--peildatum", "2024-05-07", "--uit", dir.string()}), 0);
}

TEST(Worklist, OutcomesOfRunningTermsCarryTheirLastDay) {
    const std::string log = test::write_file("werkvoorraad-json.csv", kLog);
    const std::string out = (test::temp_dir() / "wv.json").string();
    ASSERT_EQ(cli({"-q", "controleer", log, "--peildatum", "2024-05-07", "--format", "json", "--uitkomsten", "--uit",
                   out, "--altijd-nul"}),
              0);
    const auto doc = nlohmann::json::parse(test::read_file(out));
    bool seen = false;
    for (const auto& o : doc.at("outcomes"))
        if (o.at("case_id") == "A1" && o.at("rule") == "TRM-01") {
            seen = true;
            EXPECT_EQ(o.at("outcome"), "onbekend");
            EXPECT_EQ(o.at("deadline"), "2024-05-13");
            EXPECT_EQ(o.at("werkdagen_over"), 3);
        }
    EXPECT_TRUE(seen);
    // Every open item of the werkvoorraad key with a last day equals the deadline the check computes: a
    // running term's in its onbekend outcome, a passed one's in the finding.
    std::size_t terms = 0;
    for (const auto& w : doc.at("werkvoorraad")) {
        if (w.at("deadline").is_null()) continue;
        ++terms;
        const bool past = w.at("werkdagen_over") < 0;
        bool matched = false;
        for (const auto& o : doc.at(past ? "findings" : "outcomes"))
            if (o.at("case_id") == w.at("case_id") && o.at("rule") == w.at("rule") && o.contains("deadline"))
                matched = matched || o.at("deadline") == w.at("deadline");
        EXPECT_TRUE(matched) << w.dump();
    }
    EXPECT_GE(terms, 4u);
}

// Two exports a week apart, the second with some dossiers further along: new, still open, resolved.
TEST(Worklist, SinceTheRunOfTheWeekBefore) {
    const std::string head = "case_id,timestamp,activity,actor,role,team,aan\n";
    const std::string b2 =
        "B2,2024-04-02T09:00,melding,C1,consulent,Noord,\n"
        "B2,2024-04-02T10:00,informatie_clientondersteuning,C1,consulent,Noord,client\n"
        "B2,2024-04-03T09:00,gesprek,C1,consulent,Noord,\n";
    const std::string week1 = head + "B1,2024-04-01T09:00,melding,C1,consulent,Noord,\n" + b2 +
                              "B3,2024-04-03T09:00,melding,C1,consulent,Noord,\n";
    const std::string week2 = head +
                              "B1,2024-04-01T09:00,melding,C1,consulent,Noord,\n"
                              "B1,2024-04-08T09:00,informatie_clientondersteuning,C1,consulent,Noord,client\n"
                              "B1,2024-04-09T09:00,gesprek,C1,consulent,Noord,\n"
                              "B1,2024-04-10T09:00,verslag,C1,consulent,Noord,\n" +
                              b2 +
                              "B3,2024-04-03T09:00,melding,C1,consulent,Noord,\n"
                              "B3,2024-04-09T09:00,gesprek,C1,consulent,Noord,\n"
                              "B4,2024-04-11T09:00,melding,C1,consulent,Noord,\n";
    const std::string db = test::fresh_db("werkvoorraad.db");
    const auto dir = test::temp_dir() / "wv-sinds";
    std::filesystem::remove_all(dir);
    ASSERT_EQ(cli({"-q", "importeer", test::write_file("week1.csv", week1), "--db", db}), 0);
    ASSERT_EQ(cli({"-q", "controleer", "--db", db, "--peildatum", "2024-04-05", "--altijd-nul", "--uit",
                   (test::temp_dir() / "week1.txt").string()}),
              0);
    ASSERT_EQ(cli({"-q", "importeer", test::write_file("week2.csv", week2), "--db", db}), 0);
    ASSERT_EQ(cli({"-q", "werkvoorraad", "--db", db, "--peildatum", "2024-04-12", "--uit", dir.string()}), 0);
    const std::string html = test::read_file((dir / "werkvoorraad.html").string());
    // Week 1 (11 items): B1 and B3, a melding only: TRM-01's six weeks, and before the gesprek the notices of
    // cliëntondersteuning (INF-01) and persoonlijk plan (INF-05) and the receipt (PRO-06); B2, in onderzoek:
    // TRM-01, pgb (INF-07) and eigen bijdrage (INF-08) before the verslag.
    // Week 2: B1 has its gesprek and verslag: its four are resolved (INF-05 and PRO-06 as findings now; no
    // aanvraag, so no besluit to wait for). B2 unchanged: 3 still open. B3 had its gesprek: TRM-01 still
    // open, INF-01/05 and PRO-06 resolved (findings now), INF-07/08 new. B4: 4 new.
    EXPECT_NE(html.find("6 nieuw, 4 nog open, 7 opgelost sinds de controle met peildatum 5 april 2024"),
              std::string::npos)
        << html.substr(html.find("id=\"sinds\""), 300);
    // Findings only accrue when dossiers progress: none is gone. B3's gesprek without the notice is new.
    EXPECT_NE(html.find("al eerder gevonden, 0 niet meer gevonden."), std::string::npos);
    const auto listed = html.find("Nieuwe bevindingen sinds de vorige keer");
    ASSERT_NE(listed, std::string::npos);
    EXPECT_NE(html.find("<li>B3: Cliënt niet vóór het onderzoek gewezen op gratis cliëntondersteuning", listed),
              std::string::npos);
    const std::string csv = test::read_file((dir / "werkvoorraad.csv").string());
    EXPECT_NE(csv.find("\"B4\";\"stap nog te doen\""), std::string::npos) << csv;
}

// One dossier gives at most kMaxOpenItems items per rule, the last saying how many more: here 30 people who
// were each ondersteuner and consulent in one dossier without a decision (ONA-02, an item per person).
TEST(Worklist, ManyItemsOfOneDossierAreCountedNotListed) {
    std::string csv =
        "case_id,timestamp,activity,actor,role,team\nV1,2024-01-02T09:00,melding,A1,administratie,Noord\n";
    for (int i = 0; i < 30; ++i) {
        std::string who = "P";  // built in steps: GCC 12 warns wrongly (-Wrestrict) on "P" + to_string(i)
        who += std::to_string(i);
        const std::string day = (Date::from_ymd(2024, 1, 3) + i).iso();
        csv += "V1," + day + "T09:00,ondersteuner_toegewezen," + who + ",ondersteuner,Noord\n";
        csv += "V1," + day + "T10:00,gesprek," + who + ",consulent,Noord\n";
    }
    const EventLog log = test::load(csv);
    const RunRecord run = checked(log, Date::from_ymd(2024, 2, 1));
    std::vector<const RunRecord::Open*> ona;
    for (const RunRecord::Open& o : run.open)
        if (o.rule == "ONA-02") ona.push_back(&o);
    ASSERT_EQ(ona.size(), kMaxOpenItems);
    EXPECT_NE(ona.back()->detail.find("(en nog 10 zulke punten in dit dossier)"), std::string::npos)
        << ona.back()->detail;
}

// Issue 29 point 4: an ONA-01 that arises in bezwaar counts in the month of the beslissing op bezwaar.
TEST(Worklist, AnOna01InBezwaarCountsInTheMonthOfTheBeslissingOpBezwaar) {
    const EventLog log = test::load(R"(case_id,timestamp,activity,actor,role,team
E1,2024-01-08T09:00,melding,C1,consulent,Noord
E1,2024-01-09T09:00,ondersteuner_toegewezen,O1,ondersteuner,Zuid
E1,2024-01-10T09:00,gesprek,C1,consulent,Noord
E1,2024-01-15T09:00,verslag,C1,consulent,Noord
E1,2024-01-16T09:00,aanvraag,A9,administratie,Noord
E1,2024-02-01T09:00,besluit,B1,beslisser,Noord
E1,2024-03-01T09:00,bezwaar,A9,administratie,Noord
E1,2024-05-02T09:00,besluit_op_bezwaar,O1,beslisser,Zuid
)");
    const RunRecord run = checked(log, Date::from_ymd(2024, 6, 1));
    const SeparationView v = separation_view(log, run);
    ASSERT_EQ(v.months, (std::vector<std::string>{"2024-02", "2024-03", "2024-04", "2024-05"}));
    EXPECT_EQ(v.per_month[0].both, 1u);
    EXPECT_EQ(v.per_month[0].deviating[0], 0u);
    EXPECT_EQ(v.per_month[3].both, 1u);
    EXPECT_EQ(v.per_month[3].deviating[0], 1u);
    EXPECT_EQ(v.total.both, 1u);
    EXPECT_EQ(v.total.deviating[0], 1u);
    // The medewerker's first and last such finding.
    const auto o1 =
        std::find_if(v.persons.begin(), v.persons.end(), [](const SeparationView::Person& p) { return p.id == "O1"; });
    ASSERT_NE(o1, v.persons.end());
    EXPECT_EQ(o1->first, "2024-05-02");
    EXPECT_EQ(o1->last, "2024-05-02");
}

// Acceptance (issue 29): on a generated log of 100,000 dossiers (10,000 under the sanitizers), exported
// as on a day inside it (nothing after that day), every last day of the werkvoorraad equals the deadline
// the check computes for that rule: a term still running is checked again half a year later, when it has
// passed without the act, and its rule's finding must carry the same last day; a passed term's finding
// already does.
TEST(Worklist, EveryLastDayEqualsTheDeadlineOfTheCheckOnALargeLog) {
    GeneratorOptions g;
    g.dossiers = WMOTOETS_LARGE_LOG;
    g.seed = 3;
    std::ostringstream generated;
    generate_log(generated, g);
    const std::string all = generated.str();
    // The export of 3 March 2025: the rows up to and including that day.
    const Date day = Date::from_ymd(2025, 3, 3);
    std::string cut;
    cut.reserve(all.size());
    for (std::size_t at = 0, next; at < all.size(); at = next + 1) {
        next = all.find('\n', at);
        if (next == std::string::npos) next = all.size();
        const std::string_view line(all.data() + at, next - at);
        const auto comma = line.find(',');
        if (at == 0 || (comma != std::string_view::npos && line.substr(comma + 1, 10) <= day.iso()))
            cut.append(line).push_back('\n');
    }
    const EventLog log = test::load(cut, nullptr, {}, "groot.csv");
    const RunRecord now = checked(log, day), later = checked(log, day + 183);
    std::map<std::string, std::string> found_now, found_later;  // case, rule, cycle → deadline
    const auto key = [](const std::string& c, const std::string& r, int cycle) {
        return c + '\n' + r + '\n' + std::to_string(cycle);
    };
    for (const auto& f : now.findings) found_now.emplace(key(f.case_id, f.rule, f.cycle), f.deadline);
    for (const auto& f : later.findings) found_later.emplace(key(f.case_id, f.rule, f.cycle), f.deadline);
    std::size_t running = 0, past = 0, compared = 0;
    std::set<std::string> rules;
    for (const RunRecord::Open& o : now.open) {
        if (o.deadline.empty()) continue;
        SCOPED_TRACE(o.case_id + " " + o.rule + ": " + o.detail);
        const std::string k = key(o.case_id, o.rule, o.cycle);
        if (o.werkdagen_over < 0) {
            ++past;
            const auto f = found_now.find(k);
            if (f == found_now.end()) continue;  // a premature aanvraag: onbekend, no finding
            EXPECT_EQ(f->second, o.deadline);
            ++compared;
            continue;
        }
        ++running;
        rules.insert(o.rule);
        EXPECT_GE(o.deadline, day.iso());
        // An open suspension moves the last day on every day; a premature aanvraag or a closure with a
        // reason stays onbekend: those give no finding to compare with.
        if (o.detail.find("ten minste") != std::string::npos) continue;
        const auto f = found_later.find(k);
        if (f == found_later.end()) continue;
        EXPECT_EQ(f->second, o.deadline);
        ++compared;
    }
    // Most are compared; every kind of term occurs.
    EXPECT_GT(running, 50u);
    EXPECT_GT(past, 10u);
    EXPECT_GT(compared * 10, (running + past) * 9);
    for (const char* r : {"TRM-01", "TRM-02", "TRM-03", "TOE-03"}) EXPECT_TRUE(rules.count(r)) << r;
}

}  // namespace
}  // namespace wmotoets
