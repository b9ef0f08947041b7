// The demo dataset generator (see demo.h). Each record is planned first (what
// will happen to it and how old it is), the plans sorted by date received so
// references run in order, then each plan is played through the workflow up to
// the demo's "today": anything dated later has not happened yet, which leaves
// recent cases open at every step.
//
// Index of this file (each a "// ---" section below; search for its heading):
//   - Invented words (names, places, topics, adjustments, refusal reasoning)
//   - Plans (what will happen to a record, and how old it is)
//   - Small helpers (of the Generator, which holds the rest)
//   - Planning: random plans, then the features every demo should show
//   - Playing a plan through the workflow (requests, complaints, stages, remedies, stage 3, Ombudsman, hazards, photos)
//   - Records beside the cases (learning, quality checks, non-compliance, self-assessments)
//   - then make_demo, demo_bundle_text and make_demo_dataset at the end
#include "core/demo/demo.h"

#include "core/base/base64.h"
#include "core/data/case_json.h"
#include "core/rules/deadlines.h"
#include "core/demo/demo_photos.h"
#include "core/base/hashing.h"
#include "core/rules/hazard_clock.h"
#include "core/base/ids.h"
#include "core/data/revisions.h"
#include "core/reports/self_assessment.h"
#include "core/model/settings.h"
#include "core/data/settings_defaults.h"
#include "core/rules/workflow.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <functional>
#include <map>

#include <nlohmann/json.hpp>

namespace doorstep {

namespace {

// ---------------------------------------------------------------------------
// Invented words. Names and places are plainly fictional; sentences are our own.

constexpr std::array<const char*, 32> kFirstNames = {
    "Alex", "Sam", "Priya", "Jordan", "Morgan", "Casey", "Robin", "Taylor", "Jamie", "Avery", "Charlie",
    "Dana", "Eden", "Frankie", "Harper", "Indy", "Jules", "Kai", "Logan", "Mica", "Noor", "Oakley",
    "Parker", "Quinn", "Reese", "Sasha", "Teagan", "Umar", "Vic", "Wren", "Yusuf", "Zara"};
constexpr std::array<const char*, 16> kSurnames = {
    "Sample", "Example", "Specimen", "Placeholder", "Testwell", "Mockford", "Demo", "Fictional",
    "Madeup", "Pretend", "Notreal", "Dummy", "Trialson", "Exemplar", "Prototype", "Sketchley"};
constexpr std::array<const char*, 8> kStreets = {"Example Row", "Sample Street", "Placeholder Close", "Specimen Avenue",
                                                  "Demo Court", "Mock Lane", "Fiction Road", "Pretend Gardens"};
constexpr std::array<const char*, 4> kTowns = {"Sampletown", "Exampleford", "Testbury", "Demoville"};

constexpr std::array<const char*, 4> kInvestigators = {"Jo Placeholder", "Chris Example", "Jo Placeholder", "Chris Example"};
constexpr const char* kReceiver = "Sam Sample";          // officer on the doorstep
constexpr const char* kManager = "Pat Demo";             // complaints manager: signs stage 1, approves refusals
constexpr const char* kSenior = "Robin Specimen";        // senior manager: signs stage 2
constexpr const char* kContractorLead = "Lee Contractor";

struct Topic {
    const char* category;   // Settings::categories id (defaults)
    const char* subcategory;
    const char* words;      // what the resident said
    const char* definition;
    const char* point_a;
    const char* point_b;
    const char* outcome;
    const char* learning;
};

constexpr std::array<Topic, 13> kTopics = {{
    {"repairs", "Heating and hot water", "The boiler has failed three times since the autumn and every time I wait days for an engineer.",
     "The resident is unhappy that repeated boiler failures were not put right promptly.",
     "Delays in attending the boiler breakdowns", "No permanent fix after repeated visits",
     "A working boiler and payment for the days without heating", "Repeat heating faults now trigger a survey after the second visit."},
    {"repairs", "Missed appointment", "Nobody came for the repair appointment and I had taken the day off work.",
     "The resident says a repair appointment was missed without notice.",
     "The missed appointment", "No call to rebook the repair",
     "The repair done and the lost day recognised", "Contractors must call ahead when running late."},
    {"damp-and-mould", "Mould growth", "There is black mould on the bedroom walls and my child keeps coughing.",
     "The resident reports mould in the bedrooms that has returned after treatment.",
     "The mould was treated but the cause was not found", "The family's health was not considered",
     "The cause found and fixed, and the rooms redecorated", "Mould reports now get a cause survey, not only a wash."},
    {"damp-and-mould", "Leak damage", "Water from the flat above has been coming through my ceiling for weeks.",
     "The resident is unhappy with how a leak from the flat above has been handled.",
     "Slow response to the leak", "Damage to decoration not put right",
     "The leak stopped and the ceiling repaired", "Leaks between flats are tracked as one job across both homes."},
    {"anti-social-behaviour", "Handling of a report", "I reported the noise next door months ago and nobody has come back to me.",
     "The resident feels their reports of noise nuisance were not followed up.",
     "No contact after the reports were made", "No action plan agreed",
     "Regular contact and a clear plan", "Case officers agree contact dates at the first call."},
    {"staff-conduct", "Attitude", "The officer who visited was rude to me and would not listen.",
     "The resident is unhappy with how an officer spoke to them at a visit.",
     "The officer's manner at the visit", "The resident's concerns were not recorded",
     "An apology and a different officer", "Visit notes are read back to residents before the officer leaves."},
    {"communication", "Not kept informed", "I keep ringing for an update and get a different answer each time.",
     "The resident says they were not kept informed and were given conflicting information.",
     "No updates given", "Conflicting information from different staff",
     "One contact person and regular updates", "Each case now has one named contact."},
    {"building-safety", "Fire safety", "The fire door on our landing does not close and I have reported it twice.",
     "The resident reports a communal fire door that does not close properly.",
     "The fire door was not repaired after two reports", "No explanation of the risk or the timescale",
     "The door repaired and the block checked", "Fire door faults are now a priority job with a same-week target."},
    {"contractor", "Quality of work", "The contractor left the kitchen in a mess and the new cupboard door is already hanging off.",
     "The resident is unhappy with the quality of work and the mess left by the contractor.",
     "Poor quality of the kitchen repair", "Mess left after the work",
     "The work redone properly and the mess cleared", "Contractor jobs are sampled for quality each month."},
    {"lettings", "Condition at letting", "When I moved in the flat had no working lights in two rooms.",
     "The resident says the home was let in poor condition.",
     "Electrical faults at the start of the tenancy", "Slow response after moving in",
     "The faults fixed and recognition of the first weeks", "Empty homes are checked against the lettings standard before keys are issued."},
    {"rent-and-charges", "Service charges", "My service charge went up and nobody can tell me what it is for.",
     "The resident questions an increase in service charges and the explanation given.",
     "The increase was not explained", "Requests for a breakdown were not answered",
     "A clear breakdown and any overcharge refunded", "Service charge letters now include a breakdown."},
    {"estate-services", "Grounds maintenance", "The grass on the estate has not been cut all summer.",
     "The resident is unhappy with grounds maintenance on the estate.",
     "Grass cutting was missed", "Reports were not acted on",
     "The schedule kept and published", "The grounds schedule is now published on the estate noticeboards."},
    {"other", "", "I was charged for a parking permit I never asked for and nobody will cancel it.",
     "The resident disputes a charge for a permit they say they never requested.",
     "The permit charge", "No reply to the request to cancel it",
     "The charge cancelled", "Permit requests now need the resident's signed agreement."},
}};

constexpr std::array<const char*, 9> kAdjustments = {"Large print letters", "Letters in Braille", "Easy read letters",
                                                     "BSL interpreter at visits", "Interpreter for calls (Polish)",
                                                     "Contact through a named representative", "More time to reply",
                                                     "Meet in person rather than by phone", "Shorter timescales"};

constexpr std::array<const char*, 6> kRefusalReasoning = {
    "The resident first raised the boiler issue over a year before this complaint; no reason for the delay was given.",
    "A claim about the same disrepair has been filed at the county court.",
    "The same issues were answered at stage 2 last year and nothing new has been raised.",
    "The resident is claiming for damaged furniture: this is an insurance matter.",
    "The resident disagrees with a banding decision under the allocations scheme: a statutory review applies.",
    "The resident has raised the same point many times after a final response, as set out under the behaviour policy."};

// ---------------------------------------------------------------------------
// Plans

enum class Ext { None, Agreed, Objected, BeyondLimit, AtAcknowledgement };
enum class Escalate { No, InWindow, LateAccepted, LateRefused };

struct Plan {
    CaseKind kind = CaseKind::Complaint;
    bool legacy = false;
    bool legacy_stage3 = false;
    int age = 0;                 // days before `on`
    Date received;
    int topic = 0;
    Channel channel = Channel::HomeVisit;
    int representative = 0;      // 0 none, 1 family, 2 advocate, 3 solicitor, 4 councillor, 5 MP
    int refusal_ground = -1;     // refused at receipt on this ground
    bool refusal_explained_late = false;
    bool withdraw = false;
    bool ack_late = false;
    Ext ext1 = Ext::None;
    Ext ext2 = Ext::None;
    bool missed_update = false;
    bool late1 = false;
    bool late2 = false;
    Escalate escalate = Escalate::No;
    int determination = -1;      // Ombudsman referral with this determination
    int hazard_type = -1;        // index into the phase-1 hazard types
    bool hazard_emergency = false;
    int remedy_state = -1;       // RemedyState of the first remedy; -1: none forced
    bool adjustment = false;
    bool restriction = false;
    bool conflict_of_interest = false;
    int related = 0;             // 1 joins stage 1, 2 logged as a new linked complaint (two records)
    bool convert = false;        // service request or enquiry that becomes a complaint (two records)
    int complexity = 1;
    int slots() const { return (convert || related == 2) ? 2 : 1; }
};

// FNV-1a: a stable 64-bit number from an id, to seed a hazard's own photo choices.
uint64_t fnv1a(const std::string& text) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char ch : text) h = (h ^ ch) * 0x100000001b3ULL;
    return h;
}

// A plain complaint plan, for a feature to set one thing on.
void fresh_complaint(Plan& p) {
    p = Plan{};
    p.kind = CaseKind::Complaint;
    p.complexity = 2;
}

class Generator {
public:
    // Photos come from a random sequence of their own per hazard, so the records
    // are the same with or without them.
    Generator(const DemoOptions& o, bool with_photos)
        : opt_(o), rng_(o.seed ^ 0x5eed0fd00757e9ULL), with_photos_(with_photos) {}

    std::map<std::string, DemoFile> take_files() { return std::move(files_); }

    Result<Dataset> run() {
        if (opt_.cases < 1 || opt_.cases > 100000)
            return Error{"demo", "ask for between 1 and 100000 cases, not " + std::to_string(opt_.cases)};
        ds_.settings = default_settings();
        Settings& st = ds_.settings;
        add_sample_organisation(st);  // the invented landlord and staff the sample cases name
        st.officer_name = kReceiver;
        st.device_id = opt_.device;
        if (st.homes_owned == 0) st.homes_owned = 8400;  // CH01 needs a stock figure
        cal_ = st.calendar();
        for (size_t i = 0; i < st.hazard_types.size(); ++i)
            if (st.hazard_types[i].phase == 1) phase1_.push_back(static_cast<int>(i));

        std::vector<Plan> plans = make_plans();
        std::stable_sort(plans.begin(), plans.end(), [](const Plan& a, const Plan& b) { return a.received < b.received; });
        for (const Plan& p : plans) {
            play(p);
            if (failure_) return *failure_;
        }
        // A two-record plan whose second record had not happened by `on` left a slot free.
        while (static_cast<int>(ds_.cases.size()) < opt_.cases) {
            Plan p = random_plan();
            p.convert = false;
            p.related = 0;
            date_plan(p);
            play(p);
            if (failure_) return *failure_;
        }
        for (Case& c : ds_.cases) {
            apply_automatic_closures(c, opt_.on, st, actor(kManager, opt_.on));
            if (c.closure && c.kind == CaseKind::Complaint && c.learning.empty() && rng_.chance(0.3))
                c.learning = kTopics[topic_of(c)].learning;
            c.demo = true;
            bump_revision(c, opt_.device);
        }
        add_learning();
        add_quality_checks();
        add_non_compliance();
        add_assessments();
        if (failure_) return *failure_;
        return std::move(ds_);
    }

private:
    const DemoOptions& opt_;
    Rng rng_;
    bool with_photos_;
    std::map<std::string, DemoFile> files_;            // sha256 -> bytes
    std::map<std::pair<int, int>, Attachment> photos_;  // (scene, variant) -> its stored form
    Dataset ds_;
    Calendar cal_;
    std::vector<int> phase1_;
    uint32_t counter_ = 0;
    std::optional<Error> failure_;
    std::map<std::string, int> topic_by_id_;
    std::vector<std::string> deferred_;  // complaints raised during another's stage 1 (6.8)

    // -----------------------------------------------------------------------
    // Small helpers

    template <class T, size_t N> const T& pick(const std::array<T, N>& list) { return list[rng_.below(N)]; }
    Date wd(Date d, int n) const { return cal_.add_working_days(d, n); }
    bool happened(Date d) const { return d <= opt_.on; }
    Actor actor(const std::string& name, Date d) {
        LocalDateTime t{d, 8 * 60 + 30 + static_cast<int>(rng_.below(9 * 60))};
        return Actor{name, to_iso(t)};
    }
    // Records the first failure, naming the case and step; true when the step worked.
    bool ok(const Status& s, const Case& c, const char* step) {
        if (s.is_ok()) return true;
        if (!failure_) failure_ = Error{"demo: " + c.reference + ", " + step, s.error().text()};
        return false;
    }
    template <class T> bool ok(const Result<T>& r, const char* ref, const char* step) {
        if (r.is_ok()) return true;
        if (!failure_) failure_ = Error{std::string("demo: ") + ref + ", " + step, r.error().text()};
        return false;
    }
    int topic_of(const Case& c) const {
        const auto it = topic_by_id_.find(c.id);
        return it == topic_by_id_.end() ? 0 : it->second;
    }

    Resident make_resident() {
        Resident r;
        r.name = std::string(pick(kFirstNames)) + " " + pick(kSurnames);
        const int number = 1 + static_cast<int>(rng_.below(120));
        const char* street = pick(kStreets);
        r.address = std::to_string(number) + " " + street + ", " + pick(kTowns);
        r.postcode = "ZZ99 " + std::to_string(1 + rng_.below(9)) + std::string(1, static_cast<char>('A' + rng_.below(26))) +
                     std::string(1, static_cast<char>('A' + rng_.below(26)));
        char phone[16];
        std::snprintf(phone, sizeof phone, "01632 960%03u", static_cast<unsigned>(rng_.below(1000)));
        r.phone = phone;
        if (rng_.chance(0.6)) {
            std::string user = r.name;
            std::replace(user.begin(), user.end(), ' ', '.');
            std::transform(user.begin(), user.end(), user.begin(), [](char ch) { return static_cast<char>(std::tolower(static_cast<unsigned char>(ch))); });
            r.email = user + "@example.com";
            r.preferred_contact = rng_.chance(0.5) ? ContactMethod::Email : ContactMethod::Phone;
        } else {
            r.preferred_contact = rng_.chance(0.7) ? ContactMethod::Phone : ContactMethod::Letter;
        }
        if (rng_.chance(0.02)) {
            r.group_of_residents = true;
            r.group_description = std::string("Residents of ") + street + ", numbers 1 to 24";
        }
        return r;
    }

    // -----------------------------------------------------------------------
    // Planning: random plans, then the features every demo should show forced
    // onto plans spread through the list.

    Plan random_plan() {
        Plan p;
        const double k = rng_.unit();
        p.kind = k < 0.72 ? CaseKind::Complaint
                 : k < 0.84 ? CaseKind::ServiceRequest
                 : k < 0.89 ? CaseKind::MemberEnquiry
                 : k < 0.95 ? CaseKind::Compliment
                            : CaseKind::SurveyFeedback;
        p.age = static_cast<int>(rng_.below(365));
        p.topic = static_cast<int>(rng_.below(kTopics.size()));
        p.channel = static_cast<Channel>(rng_.below(9));
        p.complexity = 1 + static_cast<int>(rng_.below(3));
        if (p.kind == CaseKind::MemberEnquiry) {
            p.representative = rng_.chance(0.6) ? 4 : 5;
            p.convert = rng_.chance(0.3);
            return p;
        }
        if (p.kind == CaseKind::ServiceRequest) {
            p.convert = rng_.chance(0.15);
            return p;
        }
        if (p.kind != CaseKind::Complaint) return p;
        p.legacy = rng_.chance(0.03);
        p.legacy_stage3 = p.legacy && rng_.chance(0.3);
        p.representative = rng_.chance(0.12) ? 1 + static_cast<int>(rng_.below(3)) : 0;
        if (rng_.chance(0.06)) p.refusal_ground = static_cast<int>(rng_.below(6));
        p.refusal_explained_late = rng_.chance(0.15);
        p.withdraw = rng_.chance(0.04);
        p.ack_late = rng_.chance(0.08);
        const double e = rng_.unit();
        p.ext1 = e < 0.08 ? Ext::Agreed : e < 0.12 ? Ext::Objected : e < 0.14 ? Ext::BeyondLimit
                 : (e < 0.18 && p.complexity == 3) ? Ext::AtAcknowledgement : Ext::None;
        p.missed_update = p.ext1 != Ext::None && rng_.chance(0.4);
        p.late1 = rng_.chance(0.12);
        const double s = rng_.unit();
        p.escalate = s < 0.18 ? Escalate::InWindow : s < 0.21 ? Escalate::LateAccepted : s < 0.22 ? Escalate::LateRefused
                                                                                             : Escalate::No;
        p.ext2 = rng_.chance(0.15) ? (rng_.chance(0.7) ? Ext::Agreed : Ext::Objected) : Ext::None;
        p.late2 = rng_.chance(0.15);
        if (p.escalate == Escalate::InWindow && rng_.chance(0.25)) p.determination = static_cast<int>(rng_.below(8));
        const char* cat = kTopics[p.topic].category;
        if (std::string(cat) == "damp-and-mould" && rng_.chance(0.5) && !phase1_.empty()) {
            p.hazard_type = static_cast<int>(rng_.below(static_cast<uint32_t>(phase1_.size())));
            p.hazard_emergency = rng_.chance(0.3);
        }
        p.adjustment = rng_.chance(0.1);
        p.restriction = rng_.chance(0.02);
        p.conflict_of_interest = rng_.chance(0.01);
        p.related = rng_.chance(0.03) ? (rng_.chance(0.5) ? 1 : 2) : 0;
        return p;
    }

    std::vector<Plan> make_plans() {
        std::vector<Plan> plans;
        int slots = 0;
        while (slots < opt_.cases) {
            Plan p = random_plan();
            if (slots + p.slots() > opt_.cases) {
                p.convert = false;
                p.related = 0;
            }
            slots += p.slots();
            plans.push_back(p);
        }
        force_features(plans);
        for (Plan& p : plans) date_plan(p);
        return plans;
    }

    // The features a demo must show, each put on its own plan. Plans are taken
    // at a stride so they are spread over the year once sorted by date.
    void force_features(std::vector<Plan>& plans) {
        std::vector<std::function<void(Plan&)>> features;
        // Every category and channel.
        for (size_t t = 0; t < kTopics.size(); ++t)
            features.push_back([=](Plan& p) { fresh_complaint(p); p.topic = static_cast<int>(t); p.age = 40 + static_cast<int>(t) * 20; });
        for (int ch = 0; ch < 9; ++ch)
            features.push_back([=](Plan& p) { fresh_complaint(p); p.channel = static_cast<Channel>(ch); p.age = 5 + ch * 30; });
        // Every refusal ground, one explained late, one refusal to escalate.
        for (int g = 0; g < 6; ++g)
            features.push_back([=](Plan& p) { fresh_complaint(p); p.refusal_ground = g; p.refusal_explained_late = g == 2; p.age = 30 + g * 40; });
        features.push_back([](Plan& p) { fresh_complaint(p); p.escalate = Escalate::LateRefused; p.age = 200; });
        features.push_back([](Plan& p) { fresh_complaint(p); p.escalate = Escalate::LateAccepted; p.age = 220; });
        features.push_back([](Plan& p) { fresh_complaint(p); p.escalate = Escalate::InWindow; p.late2 = true; p.age = 180; });
        // Extensions and updates.
        features.push_back([](Plan& p) { fresh_complaint(p); p.ext1 = Ext::Agreed; p.missed_update = true; p.age = 90; });
        features.push_back([](Plan& p) { fresh_complaint(p); p.ext1 = Ext::Objected; p.age = 120; });
        features.push_back([](Plan& p) { fresh_complaint(p); p.ext1 = Ext::BeyondLimit; p.age = 150; });
        features.push_back([](Plan& p) { fresh_complaint(p); p.ext1 = Ext::AtAcknowledgement; p.complexity = 3; p.age = 100; });
        features.push_back([](Plan& p) { fresh_complaint(p); p.escalate = Escalate::InWindow; p.ext2 = Ext::Objected; p.age = 240; });
        features.push_back([](Plan& p) { fresh_complaint(p); p.ack_late = true; p.late1 = true; p.age = 60; });
        // Ombudsman determinations, all eight.
        for (int d = 0; d < 8; ++d)
            features.push_back([=](Plan& p) { fresh_complaint(p); p.escalate = Escalate::InWindow; p.determination = d; p.age = 270 + d * 11; });
        // Awaab's Law: each phase-1 hazard type, emergency and significant.
        for (size_t h = 0; h < phase1_.size(); ++h)
            for (int em = 0; em < 2; ++em)
                features.push_back([=](Plan& p) {
                    fresh_complaint(p);
                    p.topic = 2;
                    p.hazard_type = static_cast<int>(h);
                    p.hazard_emergency = em == 1;
                    p.age = 20 + static_cast<int>(h) * 60 + em * 25;
                });
        // Remedies in every state.
        for (int s = 0; s < 5; ++s)
            features.push_back([=](Plan& p) { fresh_complaint(p); p.remedy_state = s; p.age = 45 + s * 7; });
        // Other kinds and routes.
        features.push_back([](Plan& p) { p = Plan{}; p.kind = CaseKind::ServiceRequest; p.age = 70; });
        features.push_back([](Plan& p) { p = Plan{}; p.kind = CaseKind::ServiceRequest; p.convert = true; p.age = 130; });
        features.push_back([](Plan& p) { p = Plan{}; p.kind = CaseKind::Compliment; p.age = 50; });
        features.push_back([](Plan& p) { p = Plan{}; p.kind = CaseKind::SurveyFeedback; p.age = 80; });
        features.push_back([](Plan& p) { p = Plan{}; p.kind = CaseKind::MemberEnquiry; p.representative = 4; p.age = 110; });
        features.push_back([](Plan& p) { p = Plan{}; p.kind = CaseKind::MemberEnquiry; p.representative = 5; p.convert = true; p.age = 160; });
        features.push_back([](Plan& p) { fresh_complaint(p); p.withdraw = true; p.age = 75; });
        features.push_back([](Plan& p) { fresh_complaint(p); p.legacy = true; p.legacy_stage3 = true; });
        features.push_back([](Plan& p) { fresh_complaint(p); p.legacy = true; });
        // Per-resident duties and handling.
        features.push_back([](Plan& p) { fresh_complaint(p); p.adjustment = true; p.age = 35; });
        features.push_back([](Plan& p) { fresh_complaint(p); p.restriction = true; p.age = 140; });
        features.push_back([](Plan& p) { fresh_complaint(p); p.representative = 1; p.age = 25; });
        features.push_back([](Plan& p) { fresh_complaint(p); p.representative = 2; p.age = 85; });
        features.push_back([](Plan& p) { fresh_complaint(p); p.conflict_of_interest = true; p.age = 95; });
        features.push_back([](Plan& p) { fresh_complaint(p); p.related = 1; p.age = 55; });
        features.push_back([](Plan& p) { fresh_complaint(p); p.related = 2; p.age = 65; });
        // Open cases at the early steps.
        features.push_back([](Plan& p) { fresh_complaint(p); p.age = 1; });
        features.push_back([](Plan& p) { fresh_complaint(p); p.age = 8; });

        // Count slots so the total stays exactly opt_.cases.
        int total = 0;
        for (const Plan& p : plans) total += p.slots();
        const size_t stride = std::max<size_t>(1, plans.size() / std::max<size_t>(1, features.size()));
        size_t at = 0;
        for (const auto& feature : features) {
            if (at >= plans.size()) break;
            Plan forced = plans[at];
            feature(forced);
            const int change = forced.slots() - plans[at].slots();
            if (total + change <= opt_.cases) {
                plans[at] = forced;
                total += change;
            }
            at += stride;
        }
        // A feature that took a slot back (a two-record plan replaced) leaves room: fill it.
        while (total < opt_.cases) {
            Plan p = random_plan();
            p.convert = false;
            p.related = 0;
            plans.push_back(p);
            ++total;
        }
    }

    void date_plan(Plan& p) {
        if (p.legacy) {
            // Handled under the 2022 Code: received before 1 April 2024.
            const Date start = Date::from_ymd(2023, 4, 3);
            p.received = start.plus_days(static_cast<int>(rng_.below(300)));
            if (p.received > opt_.on) p.received = opt_.on.plus_days(-p.age);
        } else {
            p.received = opt_.on.plus_days(-p.age);
        }
        const bool digital = p.channel == Channel::Email || p.channel == Channel::WebForm ||
                             p.channel == Channel::App || p.channel == Channel::SocialMedia;
        while (!digital && p.received.is_weekend()) p.received = p.received.plus_days(-1);
    }

    // -----------------------------------------------------------------------
    // Playing a plan through the workflow

    NewCase details(const Plan& p, CaseKind kind, Date received) {
        const Topic& t = kTopics[p.topic];
        NewCase d;
        d.id = new_uuid(rng_);
        d.counter = ++counter_;
        d.kind = kind;
        d.channel = p.channel;
        d.received = received;
        if (rng_.chance(0.1)) d.logged = wd(received, 1);
        d.resident = make_resident();
        d.property = "PROP-" + std::to_string(10000 + rng_.below(90000));
        d.complexity = p.complexity;
        switch (p.representative) {
            case 1: d.representative = {RepresentativeKind::FamilyOrFriend, std::string(pick(kFirstNames)) + " " + pick(kSurnames), "01632 960999", true, received}; break;
            case 2: d.representative = {RepresentativeKind::Advocate, "Example Advocacy Service", "advocacy@example.org", true, received}; break;
            case 3: d.representative = {RepresentativeKind::Solicitor, "Sample & Co Solicitors", "enquiries@example.net", true, received}; break;
            case 4: d.representative = {RepresentativeKind::Councillor, "Cllr " + std::string(pick(kFirstNames)) + " Example", "cllr@example.gov.invalid", false, std::nullopt}; break;
            case 5: d.representative = {RepresentativeKind::MP, std::string(pick(kFirstNames)) + " Sample MP", "mp@example.parliament.invalid", false, std::nullopt}; break;
            default: break;
        }
        if (p.representative >= 1 && p.representative <= 3 && d.channel == Channel::HomeVisit) d.channel = Channel::ThirdParty;
        switch (kind) {
            case CaseKind::Complaint:
                d.own_words = t.words;
                d.outcome_wanted = t.outcome;
                d.category_id = t.category;
                d.subcategory = t.subcategory;
                break;
            case CaseKind::ServiceRequest:
                d.own_words = "Please can someone look at the repair: it has got worse this week.";
                d.category_id = "repairs";
                d.subcategory = "Plumbing and leaks";
                break;
            case CaseKind::MemberEnquiry:
                d.own_words = "Enquiry on behalf of a constituent about the state of repair of their home.";
                d.category_id = t.category;
                break;
            case CaseKind::Compliment:
                d.own_words = "The repairs team were brilliant: on time, tidy and friendly. Please thank them.";
                break;
            case CaseKind::SurveyFeedback:
                d.own_words = "Survey comment: the new door is fine but it took a long time to get here.";
                break;
        }
        if (std::string(d.category_id) == "contractor" || d.subcategory == "Missed appointment") d.contractor = "Example Repairs Ltd";
        if (std::string(d.category_id) == "building-safety" && rng_.chance(0.5)) d.high_rise_building_safety = true;
        if (rng_.chance(0.08)) d.vulnerability = rng_.chance(0.5) ? "Lives alone; limited mobility" : "Young children in the home";
        if (rng_.chance(0.04)) d.staff_safety_warning = "Dog at the property: call ahead";
        return d;
    }

    Case* add_case(const Plan& p, CaseKind kind, Date received) {
        NewCase d = details(p, kind, received);
        Result<Case> made = new_case(d, ds_.settings, actor(kReceiver, received));
        const std::string ref = case_reference(received.year(), d.counter);
        if (!ok(made, ref.c_str(), "new_case")) return nullptr;
        topic_by_id_[made->id] = p.topic;
        ds_.cases.push_back(std::move(*made));
        return &ds_.cases.back();
    }

    void play(const Plan& p) {
        Case* c = add_case(p, p.kind, p.received);
        if (!c) return;
        const std::string id = c->id;  // a copy: ds_.cases grows while the case is played
        switch (p.kind) {
            case CaseKind::Complaint:
                if (p.legacy) c->code = CodeVersion::Code2022;
                hazard(*c, p);
                complaint(id, p);
                // New complaints logged separately under 6.8 run their own course.
                while (!deferred_.empty()) {
                    const std::string next = deferred_.back();
                    deferred_.pop_back();
                    Plan follow;
                    follow.topic = p.topic;
                    follow.complexity = p.complexity;
                    complaint(next, follow);
                }
                break;
            case CaseKind::ServiceRequest:
            case CaseKind::MemberEnquiry:
                request_or_enquiry(id, p);
                break;
            case CaseKind::Compliment:
            case CaseKind::SurveyFeedback: {
                const Date closed = wd(p.received, 1 + static_cast<int>(rng_.below(4)));
                if (happened(closed)) {
                    const std::string note = p.kind == CaseKind::Compliment ? "Thanks passed to the repairs team"
                                                                            : "Resident told how to make a complaint (1.6)";
                    ok(close(*c, closed, ClosureReason::NoFurtherAction, note, ds_.settings, actor(kReceiver, closed)), *c, "close");
                }
                break;
            }
        }
    }

    // ds_.cases grows while a case is played (related issues, conversions): find by id, never keep a pointer.
    Case& by_id(const std::string& id) {
        for (auto it = ds_.cases.rbegin(); it != ds_.cases.rend(); ++it)
            if (it->id == id) return *it;
        return ds_.cases.back();
    }

    void request_or_enquiry(const std::string& id, const Plan& p) {
        Case& c = by_id(id);
        const Date received = c.received;
        if (p.kind == CaseKind::MemberEnquiry)
            ok(add_note(c, received, "Confirmed with the member that this is an enquiry, not yet a complaint", actor(kManager, received)), c, "add_note");
        if (p.convert) {
            const Date on = wd(received, 2 + static_cast<int>(rng_.below(8)));
            if (happened(on)) {
                NewCase d = details(p, CaseKind::Complaint, on);
                d.resident = c.resident;
                d.own_words = p.kind == CaseKind::MemberEnquiry
                                  ? "With the resident's agreement, the enquiry is now a complaint about the delay in repairs."
                                  : "I am unhappy with how my repair request has been handled: three visits and still not fixed.";
                d.outcome_wanted = "The repair finished and an explanation of the delay";
                d.category_id = "repairs";
                d.subcategory = "Quality of work";
                Result<Case> made = convert_service_request_to_complaint(c, d, ds_.settings, actor(kReceiver, on));
                if (!ok(made, c.reference.c_str(), "convert_service_request_to_complaint")) return;
                Plan follow;
                follow.topic = 0;
                follow.complexity = 2;
                topic_by_id_[made->id] = 0;
                const std::string new_id = made->id;
                ds_.cases.push_back(std::move(*made));
                complaint(new_id, follow);
            }
        }
        Case& again = by_id(id);
        const Date done = wd(received, 3 + static_cast<int>(rng_.below(25)));
        if (!happened(done)) return;
        if (again.kind == CaseKind::ServiceRequest)
            ok(close(again, done, ClosureReason::ServiceRequestDone, "Repair completed", ds_.settings, actor(kReceiver, done)), again, "close");
        else
            ok(close(again, done, ClosureReason::NoFurtherAction, "Reply sent to the member", ds_.settings, actor(kManager, done)), again, "close");
    }

    // The stage 1 and stage 2 story of a complaint, up to the demo's today.
    void complaint(const std::string& id, const Plan& p) {
        const Settings& st = ds_.settings;
        Case& c0 = by_id(id);
        const Date r = c0.received;
        const std::string inv1 = kInvestigators[rng_.below(kInvestigators.size())];

        if (p.adjustment || rng_.chance(0.05)) {
            ReasonableAdjustment a;
            a.description = pick(kAdjustments);
            a.disclosed_disability = a.description.find("Braille") != std::string::npos ? "Sight loss"
                                     : a.description.find("BSL") != std::string::npos   ? "Deaf; uses BSL"
                                                                                         : "";
            a.agreed_on = r;
            a.review_due = r.plus_days(rng_.chance(0.3) ? 90 : 180);
            if (a.description == "Shorter timescales") a.shorter_timescale_days = 2;
            if (!ok(add_adjustment(c0, a, actor(kReceiver, r)), c0, "add_adjustment")) return;
        }
        if (p.restriction) {
            ContactRestriction x;
            x.description = "Contact by email and with one named officer only";
            x.evidence = "Abusive phone calls to three staff, logged with dates and call notes";
            x.equality_act_regard = "Considered the resident's anxiety; email contact keeps the service accessible";
            x.decided_on = wd(r, 2);
            x.review_due = x.decided_on.plus_days(90);
            if (happened(x.decided_on) && !ok(add_restriction(c0, x, actor(kManager, x.decided_on)), c0, "add_restriction")) return;
        }

        // Refused at receipt (section 2).
        if (p.refusal_ground >= 0 && p.refusal_ground < static_cast<int>(st.refusal_grounds.size())) {
            const RefusalGround& g = st.refusal_grounds[static_cast<size_t>(p.refusal_ground)];
            RefusalDecision d;
            d.ground_id = g.id;
            d.reasoning = kRefusalReasoning[static_cast<size_t>(p.refusal_ground) % kRefusalReasoning.size()];
            d.circumstances_considered = "The resident's health and household circumstances";
            if (g.needs_discretion) {
                d.discretion_considered = true;
                d.discretion_decision = "Discretion not applied: no health, safeguarding or safety reason for the delay";
            }
            d.approved_by = kManager;
            d.decided_on = wd(r, 1 + static_cast<int>(rng_.below(3)));
            if (!happened(d.decided_on)) return;
            Case& c = by_id(id);
            if (!ok(refuse(c, d, st, actor(inv1, d.decided_on)), c, "refuse")) return;
            const Date told = wd(d.decided_on, p.refusal_explained_late ? 7 : 1 + static_cast<int>(rng_.below(4)));
            if (!happened(told)) return;
            ok(record_letter_sent(c, told, "refusal", "Refusal letter to " + c.resident.name +
                                                       ": reasons and the right to take the decision to the " +
                                                       (g.body == ReviewBody::LocalGovernmentOmbudsman ? "Local Government and Social Care Ombudsman"
                                                                                                       : "Housing Ombudsman") + ". (Demo copy.)",
                                  actor(inv1, told)), c, "record_letter_sent");
            ok(record_refusal_explained(c, told, actor(inv1, told)), c, "record_refusal_explained");
            return;
        }

        // Stage 1.
        if (!run_stage(id, p, 1, r, inv1, kManager)) return;
        Case& c1 = by_id(id);
        const Stage* s1 = &c1.stages.front();
        if (!s1->responded || c1.closure) return;
        const Date responded1 = *s1->responded;
        if (p.withdraw) return;

        // Escalation.
        if (p.escalate == Escalate::No) return;
        const Date window = escalation_window_end(responded1, st);
        const bool late = p.escalate == Escalate::LateAccepted || p.escalate == Escalate::LateRefused;
        const Date asked = late ? window.plus_days(3 + static_cast<int>(rng_.below(20)))
                                : responded1.plus_days(1 + static_cast<int>(rng_.below(static_cast<uint32_t>(std::max(1, window - responded1)))));
        if (!happened(asked)) return;
        EscalationRequest req;
        req.on = asked;
        req.resident_reason = rng_.chance(0.6) ? "The problem is still not fixed" : "";  // no reason needed (6.12)
        if (p.escalate == Escalate::LateAccepted) req.discretion_decision = "Accepted: the resident was in hospital during the window";
        if (p.escalate == Escalate::LateRefused) req.discretion_decision = "Not accepted: no health, safeguarding or safety reason for the delay";
        if (!ok(request_escalation(c1, req, st, actor(kManager, asked)), c1, "request_escalation")) return;
        if (p.escalate == Escalate::LateRefused) {
            RefusalDecision d;
            d.ground_id = "already-considered";
            d.reasoning = "Asked well after the escalation window with no reason to use discretion; stage 1 answered every point";
            d.circumstances_considered = "The resident's reasons for the late request";
            d.approved_by = kManager;
            d.decided_on = wd(asked, 2);
            if (!happened(d.decided_on)) return;
            Case& c = by_id(id);
            if (!ok(refuse_escalation(c, d, st, actor(kManager, d.decided_on)), c, "refuse_escalation")) return;
            const Date told = wd(d.decided_on, 2);
            if (happened(told)) ok(record_refusal_explained(c, told, actor(kManager, told)), c, "record_refusal_explained");
            return;
        }

        // Stage 2: someone who did not handle or sign stage 1, and a senior signatory (6.13).
        std::string inv2 = kSenior;
        for (const char* name : {"Chris Example", "Jo Placeholder"})
            if (!handler_problem(by_id(id), 2, name, false)) {
                inv2 = name;
                break;
            }
        if (!run_stage(id, p, 2, asked, inv2, kSenior)) return;
        Case& c2 = by_id(id);
        const Stage& s2 = c2.stages.back();
        if (!s2.responded) return;
        const Date responded2 = *s2.responded;

        if (p.legacy_stage3 && c2.code == CodeVersion::Code2022) legacy_stage3(c2, responded2);
        if (p.determination >= 0) ombudsman(c2, responded2, p.determination);
        close_if_done(c2, c2.stages.back().responded.value_or(responded2));
    }

    // One stage from acknowledgement to response; false when a step failed.
    bool run_stage(const std::string& id, const Plan& p, int no, Date opened, const std::string& investigator,
                   const std::string& approver) {
        const Settings& st = ds_.settings;
        const Topic& t = kTopics[p.topic];
        const Ext ext = no == 1 ? p.ext1 : p.ext2;
        const bool late = no == 1 ? p.late1 : p.late2;

        const Date ack = wd(opened, p.ack_late && no == 1 ? 6 + static_cast<int>(rng_.below(3)) : 1 + static_cast<int>(rng_.below(5)));
        if (!happened(ack)) return true;
        Case& c = by_id(id);
        AcknowledgementDetails a;
        a.definition = no == 1 ? t.definition : std::string("At stage 2 the resident remains unhappy that: ") + t.point_b;
        a.points = {{t.point_a, Decision::Undecided, ""}};
        if (rng_.chance(0.7)) a.points.push_back({t.point_b, Decision::Undecided, ""});
        if (rng_.chance(0.15)) a.aspects.push_back({"A claim for damaged belongings", false, "An insurance matter: details of the claims route given"});
        a.aspects.push_back({t.point_a, true, ""});
        a.outcome_sought = t.outcome;
        a.investigator = (no == 1 && p.kind == CaseKind::Complaint && std::string(t.category) == "contractor" && rng_.chance(0.3))
                             ? kContractorLead : investigator;
        a.approver = approver;
        a.definition_confirmed = false;
        if (ext == Ext::AtAcknowledgement) {
            Extension x;
            x.working_days = no == 1 ? 10 : 15;
            x.reason = "A specialist survey is needed before the complaint can be answered";
            a.extension = x;
        }
        if (!ok(acknowledge(c, no, ack, a, st, actor(investigator, ack)), c, "acknowledge")) return false;
        if (a.extension &&  // told with the acknowledgement, with the Ombudsman's details (6.5)
            !ok(record_extension_notice(c, no, 0, ack, "in the acknowledgement letter", true, rng_.chance(0.8), actor(investigator, ack)), c, "record_extension_notice"))
            return false;
        ok(record_letter_sent(c, ack, no == 1 ? "ack1" : "ack2",
                              "Stage " + std::to_string(no) + " acknowledgement to " + c.resident.name +
                                  ": the complaint definition, what will be investigated, the response date and the Housing Ombudsman's contact details. (Demo copy.)",
                              actor(investigator, ack)), c, "record_letter_sent");

        // Clarification call (5.6): confirmed, or no answer and investigated on what is held.
        ContactAttempt call;
        call.on = ack;
        call.method = ContactMethod::Phone;
        call.purpose = ContactPurpose::Clarification;
        call.by = investigator;
        if (rng_.chance(0.75)) {
            call.outcome = ContactOutcome::Reached;
            call.summary = "Definition read back and confirmed";
            call.definition_confirmed = true;
        } else {
            call.outcome = ContactOutcome::NoAnswer;
            call.summary = "No answer; investigating on the information held";
        }
        if (!ok(log_contact_attempt(c, call, actor(investigator, ack)), c, "log_contact_attempt")) return false;

        const int si = stage_index(c, no);
        if (no == 1 && p.conflict_of_interest) {
            const Date on = wd(ack, 1);
            if (!happened(on)) return true;
            if (!ok(declare_conflict_of_interest(c, ConflictOfInterest{c.stages[si].investigator, "Is a neighbour of the resident", on}, actor(kManager, on)), c, "declare_conflict_of_interest")) return false;
            const std::string other = c.stages[si].investigator == "Jo Placeholder" ? "Chris Example" : "Jo Placeholder";
            if (!ok(assign_handler(c, 1, other, actor(kManager, on)), c, "assign_handler")) return false;
        }
        if (no == 1 && p.related) {
            const Date on = wd(ack, 2);
            if (!happened(on)) return true;
            RelatedIssue issue;
            issue.on = on;
            issue.description = p.related == 1 ? "The resident adds that the bathroom extractor fan does not work"
                                               : "The resident also raises a dispute about a rechargeable repair";
            issue.related = p.related == 1;
            issue.new_id = new_uuid(rng_);
            issue.new_counter = ++counter_;
            Result<std::optional<Case>> raised = raise_related_issue(c, issue, st, actor(investigator, on));
            if (!ok(raised, c.reference.c_str(), "raise_related_issue")) return false;
            if (raised->has_value()) {
                topic_by_id_[(*raised)->id] = p.topic;
                Case extra = std::move(**raised);
                deferred_.push_back(extra.id);
                ds_.cases.push_back(std::move(extra));
            }
        }

        Case& w = by_id(id);
        const Stage& s = w.stages[si];
        const std::string who = s.investigator;
        Date due = response_due(w, s, st, cal_);

        // Extension after acknowledgement: told by phone then letter, agreed or objected to.
        if (ext == Ext::Agreed || ext == Ext::Objected || ext == Ext::BeyondLimit) {
            Extension x;
            const int limit = no == 1                          ? st.policy.stage1_max_extension_days
                              : w.code == CodeVersion::Code2022 ? st.policy.legacy_stage2_max_extension_days
                                                                : st.policy.stage2_max_extension_days;
            x.working_days = ext == Ext::BeyondLimit ? limit + 5 : std::max(1, limit / 2 + static_cast<int>(rng_.below(static_cast<uint32_t>(limit / 2 + 1))));
            x.reason = "Waiting for a contractor's report on the cause";
            if (ext == Ext::BeyondLimit) x.good_reason = "Access to the flat above has been refused; an injunction is being sought";
            x.decided_on = std::max(*s.acknowledged, wd(due, -3));
            if (!happened(x.decided_on)) return true;
            if (!ok(extend(w, no, x, st, actor(who, x.decided_on)), w, "extend")) return false;
            const int index = static_cast<int>(w.stages[si].extensions.size()) - 1;
            const Date told = wd(x.decided_on, 0);
            if (!ok(record_extension_notice(w, no, index, told, "phone then letter", true, ext != Ext::Objected, actor(who, told)), w, "record_extension_notice")) return false;
            ok(record_letter_sent(w, told, no == 1 ? "extension1" : "extension2",
                                  "Extension letter: the reason, the new response date and the Housing Ombudsman's contact details. (Demo copy.)",
                                  actor(who, told)), w, "record_letter_sent");
            if (!ok(agree_update_interval(w, no, told, st.policy.default_update_interval_days, actor(who, told)), w, "agree_update_interval")) return false;
            due = response_due(w, w.stages[si], st, cal_);
        }

        // The response: on time (somewhere before the due date) or late.
        const Date ackd = *w.stages[si].acknowledged;
        const int room = std::max(1, cal_.working_days_between(ackd, due));
        const Date respond = late ? wd(due, 1 + static_cast<int>(rng_.below(8))) : wd(ackd, std::max(1, room - static_cast<int>(rng_.below(static_cast<uint32_t>(std::min(room, 6))))));

        // 5.9: updates every agreed interval until the response, one missed when planned.
        if (w.stages[si].updates) {
            const UpdateInterval u = *w.stages[si].updates;
            int slot = 0;
            for (Date d = wd(u.agreed_on, u.every_working_days); d < respond && happened(d); d = wd(d, u.every_working_days), ++slot) {
                if (p.missed_update && slot == 1) continue;
                ContactAttempt up;
                up.on = d;
                up.method = rng_.chance(0.7) ? ContactMethod::Phone : ContactMethod::Email;
                up.outcome = up.method == ContactMethod::Email ? ContactOutcome::Written : (rng_.chance(0.8) ? ContactOutcome::Reached : ContactOutcome::MessageLeft);
                up.purpose = ContactPurpose::Update;
                up.summary = "Progress update: waiting for the contractor's report";
                up.by = who;
                if (!ok(log_contact_attempt(w, up, actor(who, d)), w, "log_contact_attempt")) return false;
            }
        }
        if (no == 1 && p.withdraw) {
            const Date on = wd(ackd, 2);
            if (happened(on)) ok(withdraw(w, on, "Resident", "The repair was done and the resident is satisfied", actor(who, on)), w, "withdraw");
            return true;
        }
        if (!happened(respond)) return true;

        // Decide every point (6.7, 6.18), then remedies and actions, then the response.
        const std::array<Decision, 3> decisions = {Decision::Upheld, Decision::PartlyUpheld, Decision::NotUpheld};
        for (int k = 0; k < static_cast<int>(w.stages[si].points.size()); ++k) {
            const Decision d = decisions[rng_.below(3)];
            const char* reasons = d == Decision::NotUpheld ? "Records show the work was done within the repairs policy timescale"
                                  : d == Decision::Upheld ? "Below the standard in the repairs policy; the delay is not explained by the records"
                                                          : "Part of the delay was caused by access; the rest fell below the repairs policy";
            if (!ok(decide_point(w, no, k, d, reasons, actor(who, respond)), w, "decide_point")) return false;
        }
        const bool any_upheld = std::any_of(w.stages[si].points.begin(), w.stages[si].points.end(),
                                            [](const DefinitionPoint& pt) { return pt.decision != Decision::NotUpheld; });
        if ((any_upheld && rng_.chance(0.7)) || (no == 1 && p.remedy_state >= 0)) {
            if (!remedies(w, no, respond, who, p.remedy_state, p.topic)) return false;
        }
        if (any_upheld && rng_.chance(0.4)) {
            OutstandingAction act{"Complete the follow-on repair and check it with the resident", "Repairs team", wd(respond, 15), std::nullopt};
            if (!ok(add_action(w, no, act, actor(who, respond)), w, "add_action")) return false;
            const Date done = wd(respond, 5 + static_cast<int>(rng_.below(20)));
            if (happened(done)) ok(complete_action(w, no, static_cast<int>(w.stages[si].actions.size()) - 1, done, actor(who, done)), w, "complete_action");
        }
        ResponseDetails rd;
        rd.summary = any_upheld ? "Complaint upheld in part; remedy offered" : "Complaint not upheld; reasons explained";
        rd.approver = approver;
        if (no == 1 && w.stages[si].investigator == kContractorLead) rd.contractor_author = "Example Repairs Ltd";
        if (!ok(record_response(w, no, respond, rd, st, actor(who, respond)), w, "record_response")) return false;
        ok(record_letter_sent(w, respond, no == 1 ? "response1" : "response2",
                              "Stage " + std::to_string(no) + " response to " + w.resident.name +
                                  ": the definition, the decision on each point with reasons, the remedy, outstanding actions and how to " +
                                  (no == 1 ? "ask for stage 2" : "go to the Housing Ombudsman") + ". (Demo copy.)",
                              actor(who, respond)), w, "record_letter_sent");

        // Satisfaction survey after this stage's response (a phone survey, answered or
        // declined on the call): about half after stage 1, all after stage 2.
        if (no == 2 || rng_.chance(0.5)) {
            Survey sv;
            sv.stage = no;
            sv.offered = true;
            sv.on = wd(respond, 3);
            if (happened(*sv.on)) {
                if (rng_.chance(0.6)) {
                    sv.answered = true;
                    sv.answered_on = sv.on;
                    sv.satisfied_handling = 1 + static_cast<int>(rng_.below(5));
                    sv.satisfied_outcome = any_upheld ? 2 + static_cast<int>(rng_.below(4)) : 1 + static_cast<int>(rng_.below(3));
                    sv.felt_listened = 1 + static_cast<int>(rng_.below(5));
                } else if (respond.day() % 3 == 0) {  // every third or so of the rest said no
                    sv.declined = true;
                    sv.answered_on = sv.on;
                }
                w.surveys.push_back(sv);
            }
        }
        return true;
    }

    bool remedies(Case& w, int no, Date respond, const std::string& who, int forced_state, int topic) {
        const Settings& st = ds_.settings;
        const int si = stage_index(w, no);
        std::vector<Remedy> list;
        Remedy apology;
        apology.type = RemedyType::Apology;
        apology.description = "A written apology for the delay";
        apology.due = respond;
        list.push_back(apology);
        if (rng_.chance(0.6) || forced_state >= 0) {
            Remedy money;
            money.type = RemedyType::Financial;
            // From the compensation table where it fits the complaint, else time and trouble.
            const CompensationRate* rate = nullptr;
            for (const CompensationRate& cr : st.compensation)
                if ((topic == 0 && cr.per == RatePer::Day) || (topic == 1 && cr.per == RatePer::Occurrence)) {
                    rate = &cr;
                    break;
                }
            if (rate) {
                const int units = rate->per == RatePer::Occurrence ? 1 + static_cast<int>(rng_.below(2)) : 3 + static_cast<int>(rng_.below(10));
                money.suggested = rate->amount * units;
                money.amount = money.suggested;
                money.working = std::to_string(units) + " x " + format_money(rate->amount) + " (" + rate->label + ")";
                money.parts.statutory = Money{};
                money.parts.quantifiable_losses = money.amount;
            } else {
                money.amount = Money::from_pounds(50 + 25 * static_cast<int64_t>(rng_.below(8)));
                money.working = "Time and trouble, from the discretionary bands";
                money.parts.time_and_trouble = money.amount;
            }
            money.description = "Payment of " + format_money(money.amount) + " to the resident's rent account or by bank transfer";
            money.due = wd(respond, 10);
            const StaffMember* me = find_staff(st, who);
            if (!me || money.amount > me->award_limit) money.approved_by = no == 1 ? kManager : kSenior;
            if (money.approved_by == who) money.approved_by = kSenior;
            list.push_back(money);
        }
        if (rng_.chance(0.2)) {
            Remedy change;
            change.type = rng_.chance(0.5) ? RemedyType::ChangePolicy : RemedyType::AmendRecord;
            change.description = change.type == RemedyType::ChangePolicy ? "Change the repairs procedure so repeat faults get a survey"
                                                                         : "Correct the repairs history on the resident's record";
            change.due = wd(respond, 30);
            list.push_back(change);
        }
        const int base = static_cast<int>(w.stages[si].remedies.size());
        for (size_t k = 0; k < list.size(); ++k) {
            if (!ok(add_remedy(w, no, list[k], st, actor(who, respond)), w, "add_remedy")) return false;
            const int index = base + static_cast<int>(k);
            // The state it reaches: forced on the first remedy, else offered, accepted and usually completed.
            RemedyState target = RemedyState::Completed;
            if (k == 0 && forced_state >= 0) target = static_cast<RemedyState>(forced_state);
            else if (rng_.chance(0.1)) target = RemedyState::Declined;
            if (target == RemedyState::Proposed) continue;
            if (!ok(set_remedy_state(w, no, index, RemedyState::Offered, actor(who, respond)), w, "set_remedy_state")) return false;
            if (target == RemedyState::Offered) continue;
            if (target == RemedyState::Declined) {
                if (!ok(set_remedy_state(w, no, index, RemedyState::Declined, actor(who, respond)), w, "set_remedy_state")) return false;
                continue;
            }
            if (!ok(set_remedy_state(w, no, index, RemedyState::Accepted, actor(who, respond)), w, "set_remedy_state")) return false;
            if (target == RemedyState::Accepted) continue;
            const Date done = wd(respond, 1 + static_cast<int>(rng_.below(15)));
            if (happened(done) && !ok(complete_remedy(w, no, index, done, actor(who, done)), w, "complete_remedy")) return false;
        }
        return true;
    }

    // 2022 Code: an optional third stage, heard by a panel. No workflow function
    // creates one (the 2024 Code has two stages), so the imported shape is written here.
    void legacy_stage3(Case& c, Date responded2) {
        const Date asked = responded2.plus_days(5 + static_cast<int>(rng_.below(10)));
        if (!happened(asked)) return;
        Stage s3;
        s3.number = 3;
        s3.opened = asked;
        s3.escalation = Escalation{asked, "Wants the panel to review the decision", false, ""};
        s3.definition = "Panel review of the stage 2 decision (2022 Code, stage 3)";
        s3.points = {{"Whether the stage 2 decision was fair", Decision::NotUpheld, "The panel found the stage 2 review thorough and fair"}};
        s3.outcome_sought = "A different decision";
        s3.definition_confirmed = true;
        s3.investigator = "Tenant and member panel";
        s3.approver = "Cllr Mo Testcase";
        s3.acknowledged = wd(asked, 3);
        const Date answered = wd(asked, 18);
        if (happened(answered)) {
            s3.responded = answered;
            s3.response_summary = "Panel upheld the stage 2 decision";
        }
        c.stages.push_back(std::move(s3));
        c.audit.push_back(AuditEntry{to_iso(LocalDateTime{asked, 10 * 60}), kManager,
                                     "Imported 2022-Code record: stage 3 panel review requested " + short_date(asked)});
    }

    void ombudsman(Case& c, Date responded2, int determination) {
        const Date referred = responded2.plus_days(20 + static_cast<int>(rng_.below(40)));
        if (!happened(referred)) return;
        OmbudsmanCase o;
        o.referred = referred;
        o.reference = std::to_string(202400000 + rng_.below(99999));
        const Date decided = referred.plus_days(60 + static_cast<int>(rng_.below(60)));
        const Determination d = static_cast<Determination>(determination);
        if (d != Determination::Pending && happened(decided)) {
            o.determination = d;
            o.determined = decided;
            if (d == Determination::SevereMaladministration || d == Determination::Maladministration ||
                d == Determination::ServiceFailure) {
                OmbudsmanOrder apology{"Apologise to the resident in writing", decided.plus_days(28), std::nullopt, ""};
                OmbudsmanOrder pay{"Pay the resident the compensation ordered", decided.plus_days(28), std::nullopt, ""};
                OmbudsmanOrder review{"Review how repeat repairs are handled and report the findings", decided.plus_days(84), std::nullopt, ""};
                for (OmbudsmanOrder* order : {&apology, &pay, &review}) {
                    const Date done = order->due.plus_days(-static_cast<int>(rng_.below(20)));
                    if (happened(done) && rng_.chance(0.8)) {
                        order->completed = done;
                        order->evidence = "Evidence of compliance sent to the Ombudsman";
                    }
                    o.orders.push_back(*order);
                }
            }
        }
        c.ombudsman = o;
        c.audit.push_back(AuditEntry{to_iso(LocalDateTime{referred, 11 * 60}), kManager,
                                     "Housing Ombudsman referral recorded (" + o.reference + ")"});
    }

    void close_if_done(Case& c, Date last_response) {
        if (c.closure) return;
        Date latest = last_response;
        for (const Stage& s : c.stages) {
            for (const Remedy& r : s.remedies) {
                if (r.state == RemedyState::Declined) continue;
                if (!r.completed) return;
                latest = std::max(latest, *r.completed);
            }
            for (const OutstandingAction& a : s.actions) {
                if (!a.completed) return;
                latest = std::max(latest, *a.completed);
            }
        }
        const Date on = wd(latest, 1);
        if (happened(on)) ok(close(c, on, ClosureReason::Resolved, "Final response given; remedies and actions complete", ds_.settings, actor(kManager, on)), c, "close");
    }

    // Hazards are recorded beside the complaint (their clocks are hazard_clock.h's).
    void hazard(Case& c, const Plan& p) {
        if (p.hazard_type < 0 || p.hazard_type >= static_cast<int>(phase1_.size())) return;
        const HazardType& type = ds_.settings.hazard_types[static_cast<size_t>(phase1_[static_cast<size_t>(p.hazard_type)])];
        HazardRecord h;
        h.id = new_uuid(rng_);
        h.type_id = type.id;
        h.emergency = p.hazard_emergency;
        rng_.chance(0.5);  // once chose the location; kept so every later draw is unchanged
        Rng photo_rng(opt_.seed ^ fnv1a(h.id));
        const std::vector<PhotoScene> scenes = scenes_for_hazard_type(type.id);
        const PhotoScene scene = scenes[photo_rng.below(static_cast<uint32_t>(scenes.size()))];
        h.location = scene_words(scene).location;
        h.observed = scene_words(scene).observed;
        h.reported_by = kReceiver;
        h.aware = LocalDateTime{c.received, 9 * 60 + static_cast<int>(rng_.below(8 * 60))};
        if (rng_.chance(0.3)) h.vulnerable_occupants = "Child under five; resident with asthma";
        const HazardKind kind = h.emergency ? HazardKind::Emergency : HazardKind::Significant;
        const std::vector<HazardStep> steps = hazard_steps(h.aware, kind, ds_.settings.hazard_timescales, cal_);
        const bool late = rng_.chance(0.2);
        for (const HazardStep& step : steps) {
            if (step.name == "make-safe" && step.due_at) {
                const LocalDateTime made = add_clock_hours(h.aware, late ? 30 : 2 + static_cast<int>(rng_.below(18)));
                if (!happened(made.date)) break;
                h.made_safe = made;
                h.made_safe_by = "Example Repairs Ltd (out of hours)";
            }
        }
        // An emergency is investigated within its 24 hours, when it is made safe.
        const Date investigated = h.emergency ? (h.made_safe ? h.made_safe->date : add_clock_hours(h.aware, late ? 30 : 20).date)
                                  : late      ? wd(c.received, 12)
                                              : wd(c.received, 2 + static_cast<int>(rng_.below(7)));
        if (happened(investigated)) {
            h.investigated = investigated;
            h.investigated_by = "Chris Example";
            h.emergency_found = h.emergency;
            h.significant_found = h.emergency || rng_.chance(0.7);
            h.findings = h.significant_found ? "Failed extractor fan and a leaking roof valley: a significant hazard"
                                             : "Condensation only; advice given and a fan fitted";
            const Date summary = wd(investigated, late ? 5 : 1 + static_cast<int>(rng_.below(3)));
            if (happened(summary)) h.summary_sent = summary;
            if (h.significant_found) {
                const Date safety = wd(investigated, 2 + static_cast<int>(rng_.below(4)));
                if (happened(safety)) h.safety_work_done = safety;
                const Date start = wd(investigated, 3 + static_cast<int>(rng_.below(3)));
                if (happened(start)) {
                    h.further_work_started = start;
                    h.works_planned = "Roof valley relined and mechanical ventilation fitted";
                }
                const Date done = start.plus_days(20 + static_cast<int>(rng_.below(40)));
                if (happened(done) && h.further_work_started) h.further_work_done = done;
                static constexpr HazardRecord::Accommodation kStays[] = {
                    HazardRecord::Accommodation::NotNeeded, HazardRecord::Accommodation::Offered,
                    HazardRecord::Accommodation::Accepted, HazardRecord::Accommodation::Declined};
                h.accommodation = kStays[rng_.below(4)];
                if (h.further_work_done && h.summary_sent) h.closed = h.further_work_done;
            } else if (h.summary_sent) {
                h.closed = h.summary_sent;
            }
        }
        const bool emergency = h.emergency;
        const LocalDateTime aware = h.aware;
        // Photos taken at the visit (5.12); about one hazard in four has none.
        if (with_photos_ && photo_rng.chance(0.75)) {
            c.attachments.push_back(photo(photo_rng, scene, h.id, aware.date));
            const PhotoScene second = scenes[photo_rng.below(static_cast<uint32_t>(scenes.size()))];
            if (second != scene && photo_rng.chance(0.4)) c.attachments.push_back(photo(photo_rng, second, h.id, aware.date));
        }
        c.hazards.push_back(std::move(h));
        c.audit.push_back(AuditEntry{to_iso(aware), kReceiver,
                                     std::string(emergency ? "Emergency" : "Potential significant") + " hazard recorded: " + type.label});
    }

    // A placeholder photo of the scene as an attachment: two variants of each
    // scene per dataset, drawn once and shared by every case that shows it.
    Attachment photo(Rng& photo_rng, PhotoScene scene, const std::string& hazard_id, Date added) {
        const int variant = static_cast<int>(photo_rng.below(2));
        auto found = photos_.find({static_cast<int>(scene), variant});
        if (found == photos_.end()) {
            const DemoPhoto drawn = make_demo_photo(scene, opt_.seed * 2 + static_cast<uint64_t>(variant));
            Attachment a;
            a.sha256 = sha256_hex(drawn.png);
            a.filename = scene_words(scene).filename;
            a.mime = "image/png";
            a.size = static_cast<int64_t>(drawn.png.size());
            a.thumbnail_sha256 = sha256_hex(drawn.thumbnail);
            a.caption = scene_words(scene).caption;
            files_[a.sha256] = DemoFile{"image/png", drawn.png};
            files_[a.thumbnail_sha256] = DemoFile{"image/png", drawn.thumbnail};
            found = photos_.emplace(std::make_pair(static_cast<int>(scene), variant), std::move(a)).first;
        }
        Attachment a = found->second;
        a.added = added;
        a.hazard_id = hazard_id;
        return a;
    }

    // -----------------------------------------------------------------------
    // Records beside the cases

    void add_learning() {
        std::map<std::string, std::vector<const Case*>> by_category;
        for (const Case& c : ds_.cases)
            if (!c.learning.empty() && c.closure) by_category[c.category_id].push_back(&c);
        for (const auto& [category, cases] : by_category) {
            const Case& first = *cases.front();
            LearningItem item;
            item.id = new_uuid(rng_);
            for (const Category& k : ds_.settings.categories)
                if (k.id == category) item.theme = k.label;
            item.lesson = first.learning;
            item.action = "Brief the teams and update the procedure note";
            item.owner = rng_.chance(0.5) ? "Head of Repairs" : "Complaints Manager";
            item.due = first.closure->closed_on.plus_days(60);
            if (happened(first.closure->closed_on.plus_days(30)) && rng_.chance(0.6)) item.done = first.closure->closed_on.plus_days(30);
            for (size_t i = 0; i < cases.size() && i < 5; ++i) item.case_ids.push_back(cases[i]->id);
            ds_.learning.push_back(std::move(item));
        }
    }

    void add_quality_checks() {
        const int per_month = std::max(1, std::min(3, ds_.settings.quality_sample_size));
        for (int m = 12; m >= 1; --m) {
            const Date month_start = add_months_clamped(Date::from_ymd(opt_.on.year(), opt_.on.month(), 1), -m);
            const Date month_end = add_months_clamped(month_start, 1).plus_days(-1);
            std::vector<const Case*> closed;
            for (const Case& c : ds_.cases)
                if (c.kind == CaseKind::Complaint && c.closure && c.closure->closed_on >= month_start && c.closure->closed_on <= month_end)
                    closed.push_back(&c);
            char month[8];
            std::snprintf(month, sizeof month, "%04d-%02d", month_start.year(), month_start.month());
            for (int k = 0; k < per_month && !closed.empty(); ++k) {
                QualityCheck q;
                q.id = new_uuid(rng_);
                q.month = month;
                q.seed = rng_.next();
                const Case& c = *closed[static_cast<size_t>(q.seed % closed.size())];
                q.case_id = c.id;
                q.checker = kManager;
                const Date checked = wd(month_end, 3);
                if (happened(checked)) q.checked_on = checked;
                for (const char* check : {"Acknowledged and defined within the timescale", "Definition confirmed with the resident",
                                          "Every point answered with reasons", "Letter gave the Ombudsman's contact details",
                                          "Remedies followed through"}) {
                    SpotCheckItem item;
                    item.check = check;
                    if (q.checked_on) {
                        item.passed = rng_.chance(0.85);
                        if (!*item.passed) item.note = "Not evidenced on the record";
                    }
                    q.items.push_back(std::move(item));
                }
                if (c.complexity == 3) q.deep_dive_notes = "Complex case reviewed in full: handling sound, letters clear";
                ds_.quality_checks.push_back(std::move(q));
            }
        }
    }

    void add_non_compliance() {
        NonComplianceEvent e;
        e.id = new_uuid(rng_);
        e.description = "Case system outage for three working days: acknowledgements sent late";
        e.started = wd(opt_.on.plus_days(-120), 0);
        e.residents_told = wd(e.started, 2);
        e.ombudsman_told = wd(e.started, 3);
        e.compliance_returns = wd(e.started, 8);
        ds_.non_compliance.push_back(std::move(e));
    }

    void add_assessments() {
        Result<std::vector<Provision>> loaded = load_code_provisions();
        if (!loaded) {
            failure_ = Error{"demo: self-assessment", loaded.error().text()};
            return;
        }
        const std::vector<Provision>& provisions = *loaded;
        const int this_year = opt_.on.month() >= 4 ? opt_.on.year() : opt_.on.year() - 1;
        SelfAssessment last = new_self_assessment(provisions, this_year - 1, new_uuid(rng_));
        answer_all(last, this_year - 1);
        sign(last, Date::from_ymd(this_year, 5, 20));
        if (failure_) return;
        SelfAssessment now = copy_forward(last, provisions, this_year, new_uuid(rng_));
        // Some actions from last year are finished; one gap remains.
        for (ProvisionAnswer& a : now.answers)
            if (a.comply == Compliance::Partly && rng_.chance(0.5)) {
                if (!ok_sa(answer(now, a.provision, Compliance::Yes, a.evidence + "; action completed", "Gap closed this year"), a.provision, "answer")) return;
            }
        const Date signed_on = std::min(opt_.on, Date::from_ymd(this_year + 1, 3, 20));
        sign(now, signed_on);
        ds_.assessments.push_back(std::move(last));
        ds_.assessments.push_back(std::move(now));
    }

    bool ok_sa(const Status& s, const std::string& what, const char* step) {
        if (s.is_ok()) return true;
        if (!failure_) failure_ = Error{"demo: self-assessment " + what + ", " + step, s.error().text()};
        return false;
    }

    void answer_all(SelfAssessment& a, int year) {
        for (const ProvisionAnswer& pa : std::vector<ProvisionAnswer>(a.answers)) {
            const double roll = rng_.unit();
            const Compliance comply = roll < 0.85 ? Compliance::Yes : roll < 0.95 ? Compliance::Partly : Compliance::No;
            const std::string evidence = "Complaints policy section " + pa.provision + "; case records sampled in the quality checks";
            if (!ok_sa(answer(a, pa.provision, comply, evidence, comply == Compliance::Yes ? "Met" : "Work under way"), pa.provision, "answer")) return;
            if (comply != Compliance::Yes) {
                AssessmentAction act;
                act.description = "Update the procedure and train the team on provision " + pa.provision;
                act.owner = "Complaints Manager";
                act.status = ActionStatus::InProgress;
                act.due = Date::from_ymd(year + 1, 3, 31);
                act.updates = {{Date::from_ymd(year, 10, 1), "Draft procedure written"}};
                if (!ok_sa(add_assessment_action(a, pa.provision, act), pa.provision, "add_assessment_action")) return;
            }
        }
    }

    void sign(SelfAssessment& a, Date on) {
        SignOff lead{"Pat Demo", "Lead officer", on, "Reviewed against the records and the quality checks"};
        SignOff member{"Cllr Mo Testcase", "Member Responsible for Complaints", on, "Presented to the board"};
        if (!ok_sa(sign_off(a, Signatory::LeadOfficer, lead), a.id, "sign_off")) return;
        ok_sa(sign_off(a, Signatory::MemberResponsible, member), a.id, "sign_off");
    }
};

}  // namespace

Result<Demo> make_demo(const DemoOptions& options) {
    Generator g(options, true);
    Result<Dataset> d = g.run();
    if (!d) return d.error();
    return Demo{std::move(*d), g.take_files()};
}

std::string demo_bundle_text(const Demo& demo, std::string_view exported_at) {
    nlohmann::ordered_json doc = to_json(demo.dataset, exported_at);
    nlohmann::ordered_json files = nlohmann::ordered_json::object();
    for (const auto& [sha, file] : demo.files) {
        nlohmann::ordered_json f = nlohmann::ordered_json::object();
        f["mime"] = file.mime;
        f["size"] = static_cast<int64_t>(file.bytes.size());
        f["base64"] = base64_encode(file.bytes);
        files[sha] = std::move(f);
    }
    doc["files"] = std::move(files);
    return doc.dump(2) + "\n";
}

Result<Dataset> make_demo_dataset(const DemoOptions& options) {
    Generator g(options, false);
    return g.run();
}

}  // namespace doorstep
