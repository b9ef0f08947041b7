#include "core/letters/letter_samples.h"

namespace doorstep {
namespace {

Date on(int y, int m, int d) { return Date::from_ymd(y, m, d); }

// Reported at a home visit on Friday 7 March 2025.
Case complaint() {
    Case c;
    c.id = "5d2f7a10-3c4b-4e8a-9f61-2b7c9d0e1a11";
    c.reference = "DS-2025-000318";
    c.demo = true;
    c.kind = CaseKind::Complaint;
    c.channel = Channel::HomeVisit;
    c.received = on(2025, 3, 7);
    c.logged = c.received;
    c.resident = {"Ms Amina Okafor", "Flat 3, Orchard Court\n12 Mill Lane\nSampletown", "ZZ1 4AB", "01632 960123",
                  "amina.okafor@example.invalid", ContactMethod::Phone, false, ""};
    c.own_words = "The black mould is back in the children's bedroom, three weeks after your contractor painted over it. "
                  "I rang twice in February and nobody called me back.";
    c.outcome_wanted = "Find and fix the cause of the damp, and pay for the bedding the mould ruined";
    c.category_id = "damp-and-mould";
    c.subcategory = "Mould growth";
    c.contractor = "Example Repairs Ltd";

    Stage s;
    s.number = 1;
    s.opened = c.received;
    s.definition = "Mould has come back in the children's bedroom after a repair in February, and two calls you made "
                   "about it were not returned.";
    s.points = {{"The mould came back three weeks after the repair", Decision::Undecided, ""},
                {"Nobody returned the two calls you made in February", Decision::Undecided, ""}};
    s.aspects = {{"The February repair and the cause of the damp", true, ""},
                 {"How your two calls were handled", true, ""},
                 {"Paying for the ruined bedding", false,
                  "Claims for damaged belongings are handled by our insurer. We have passed your claim on and they will contact you."}};
    s.outcome_sought = c.outcome_wanted;
    s.definition_confirmed = true;
    s.investigator = "Jo Placeholder";
    s.acknowledged = on(2025, 3, 11);
    s.updates = UpdateInterval{5, on(2025, 3, 11)};
    c.stages.push_back(s);
    return c;
}

void extend1(Case& c) {
    Extension e;
    e.working_days = 5;
    e.reason = "We need a damp survey of the whole flat before we can answer, and the surveyor's first free day is 26 March.";
    e.decided_on = on(2025, 3, 20);
    e.resident_told = e.decided_on;
    e.told_how = "phone then letter";
    e.ombudsman_details_given = true;
    c.stages[0].extensions.push_back(e);
}

void respond1(Case& c) {
    extend1(c);
    Stage& s = c.stages[0];
    s.points[0].decision = Decision::Upheld;
    s.points[0].reasons = "The survey on 26 March found that the bedroom extractor fan had failed. The February repair "
                          "treated the mould but not its cause. Our damp and mould policy says we find and fix the cause first.";
    s.points[1].decision = Decision::PartlyUpheld;
    s.points[1].reasons = "Our phone records show one call was logged and passed to the repairs team but not returned. "
                          "We found no record of the other call. Our service standard is to call back within 2 working days.";
    Remedy apology;
    apology.type = RemedyType::Apology;
    apology.description = "An apology for the repair that did not last and for the call we did not return";
    apology.state = RemedyState::Offered;
    apology.due = on(2025, 4, 1);
    apology.completed = on(2025, 4, 1);
    Remedy pay;
    pay.type = RemedyType::Financial;
    pay.description = "Payment for your time and trouble and the distress caused";
    pay.amount = Money{15000};
    pay.state = RemedyState::Offered;
    pay.due = on(2025, 4, 15);
    s.remedies = {apology, pay};
    s.actions = {{"Fit a humidity-controlled extractor fan in the children's bedroom", "Repairs team", on(2025, 4, 8), std::nullopt},
                 {"Check the bedroom again for mould six weeks after the fan is fitted", "Damp and mould team", on(2025, 5, 20), std::nullopt}};
    s.responded = on(2025, 4, 1);
    s.response_summary = "We are sorry that the first repair did not last, and that you had to chase us.";
}

void escalate(Case& c) {
    respond1(c);
    Stage s;
    s.number = 2;
    s.opened = on(2025, 4, 14);
    s.escalation = Escalation{s.opened, "£150 does not reflect a whole winter of mould in my children's room.", false, ""};
    s.definition = "You are unhappy that the payment offered at stage 1 does not reflect the impact of months of mould "
                   "in your children's bedroom.";
    s.points = {{"The payment offered does not reflect the impact on your family", Decision::Undecided, ""}};
    s.outcome_sought = "A payment that reflects the months of mould and the harm to the children's sleep";
    s.definition_confirmed = true;
    s.investigator = "Pat Demo";
    s.acknowledged = on(2025, 4, 16);
    s.updates = UpdateInterval{5, on(2025, 4, 16)};
    c.stages.push_back(s);
}

void extend2(Case& c) {
    escalate(c);
    Extension e;
    e.working_days = 10;
    e.reason = "We are waiting for the report from the follow-up mould check, which we need to judge the impact fairly.";
    e.decided_on = on(2025, 5, 12);
    e.resident_told = e.decided_on;
    e.ombudsman_details_given = true;
    c.stages[1].extensions.push_back(e);
}

void respond2(Case& c) {
    extend2(c);
    Stage& s = c.stages[1];
    s.points[0].decision = Decision::Upheld;
    s.points[0].reasons = "Mould was present for about four months while two young children slept in the room. The "
                          "Ombudsman's remedies guidance puts an impact of this length in a higher band than the £150 we offered.";
    Remedy pay;
    pay.type = RemedyType::Financial;
    pay.description = "A further payment for the distress and inconvenience, on top of the £150 already paid";
    pay.amount = Money{35000};
    pay.state = RemedyState::Offered;
    pay.due = on(2025, 6, 13);
    pay.approved_by = "Robin Specimen";
    s.remedies = {pay};
    s.approver = "Robin Specimen";
    s.responded = on(2025, 5, 30);
}

Case refused() {
    Case c;
    c.id = "8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    c.reference = "DS-2025-000322";
    c.demo = true;
    c.kind = CaseKind::Complaint;
    c.channel = Channel::Letter;
    c.received = on(2025, 3, 10);
    c.resident = {"Mr Derek Hall", "41 Station Road\nSampletown", "ZZ3 2EF", "", "", ContactMethod::Letter, false, ""};
    c.own_words = "In 2023 water came through my kitchen ceiling for weeks before you fixed the flat above. I want "
                  "compensation for the damage and the stress.";
    c.outcome_wanted = "Compensation for the leak in 2023";
    c.category_id = "repairs";
    Stage s;
    s.number = 1;
    s.opened = c.received;
    c.stages.push_back(s);
    Refusal r;
    r.ground_id = "over-12-months";
    r.reasoning = "The leak was repaired on 14 June 2023. You first told us you were unhappy about it on 10 March 2025, "
                  "more than 12 months later.";
    r.circumstances_considered = "You told us you were in hospital for several weeks in 2024. We looked at what happened "
                                 "after you came home, and at whether the leak still affects your home. It does not.";
    r.discretion_considered = true;
    r.discretion_decision = "You contacted us about other repairs in May and September 2024, so we do not think your "
                            "illness stopped you raising this sooner. We have decided not to make an exception.";
    r.decided_on = on(2025, 3, 12);
    r.approved_by = "Pat Demo";
    c.refusal = r;
    return c;
}

Case refused_escalation() {
    Case c = complaint();
    respond1(c);
    Stage s;
    s.number = 2;
    s.opened = on(2025, 4, 14);
    s.escalation = Escalation{s.opened, "", false, ""};
    c.stages.push_back(s);
    Refusal r;
    r.ground_id = "legal-proceedings";
    r.reasoning = "On 9 April 2025 your solicitor filed a disrepair claim at the county court about the same mould. "
                  "Looking at it again through our complaints procedure could affect that claim.";
    r.circumstances_considered = "We checked whether any part of your request falls outside the court claim, such as the "
                                 "unreturned calls. Your solicitor's claim covers those too.";
    r.decided_on = on(2025, 4, 16);
    r.approved_by = "Pat Demo";
    r.at_escalation = true;
    c.refusal = r;
    return c;
}

Case service_request() {
    Case c;
    c.id = "2f9a1c3e-1111-4b2a-9d88-7e6f5a4b3c2d";
    c.reference = "DS-2025-000327";
    c.demo = true;
    c.kind = CaseKind::ServiceRequest;
    c.channel = Channel::Phone;
    c.received = on(2025, 3, 12);
    c.resident = {"Mr Tom Reyes", "22 Canal Street\nSampletown", "ZZ2 9CD", "01632 960456", "", ContactMethod::Letter, false, ""};
    c.own_words = "Repair the kitchen tap, which has been dripping for a week.";
    c.category_id = "repairs";
    c.subcategory = "Plumbing and leaks";
    return c;
}

Case hazard() {
    Case c = complaint();
    HazardRecord h;
    h.id = "hz-0318-1";
    h.type_id = "damp-and-mould";
    h.location = "Children's bedroom, outside wall behind the bunk beds";
    h.observed = "Black mould over about a square metre; the children sleep in the room";
    h.reported_by = "Sam Sample";
    h.aware = {on(2025, 3, 7), 10 * 60 + 30};
    h.vulnerable_occupants = "Two children aged 4 and 7";
    h.investigated = on(2025, 3, 14);
    h.investigated_by = "Chris Example";
    h.significant_found = true;
    h.findings = "Mould over 1.2 square metres of the outside wall, caused by condensation. The extractor fan has failed "
                 "and the wall is colder than it should be because the cavity insulation has slumped.";
    h.works_planned = "Treat the mould and redecorate with anti-mould paint, replace the extractor fan, and top up the "
                      "cavity wall insulation.";
    h.summary_sent = on(2025, 3, 18);
    c.hazards.push_back(h);
    return c;
}

}  // namespace

Case sample_case_for_letter(LetterKind kind) {
    Case c = complaint();
    switch (kind) {
        case LetterKind::Ack1: break;
        case LetterKind::Extension1: extend1(c); break;
        case LetterKind::Response1: respond1(c); break;
        case LetterKind::Ack2: escalate(c); break;
        case LetterKind::Extension2: extend2(c); break;
        case LetterKind::Response2: respond2(c); break;
        case LetterKind::Refusal: return refused();
        case LetterKind::RefuseEscalation: return refused_escalation();
        case LetterKind::ServiceRequest: return service_request();
        case LetterKind::HazardSummary: return hazard();
    }
    return c;
}

}  // namespace doorstep
