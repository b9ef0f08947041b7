// Code breaches in a case's history. Import keeps a record whose data are
// possible but whose handling broke the Code (a landlord migrating from its old
// system must be able to load its past); these functions list each breach, one
// per line with the case and the field, for `doorstep validate`, and count them
// for status. Impossible data are import's errors (import.h), not findings.
//
//   extension over the limit without a good reason (6.4, 6.15);
//   stage 2 asked for after the escalation window without a discretion decision;
//   stage 2 handled or signed by the stage 1 investigator or signatory (6.13);
//   a refusal on the 12-month ground without discretion considered (2.3);
//   a representative other than a councillor or MP without consent (3.6);
//   a stage opened before the previous stage's response (6.10);
//   a complaint closed as resolved or not escalated with no response (6.9, 6.19);
//   a 2022-Code case received on or after 1 April 2024 (the 2024 Code applies).
#pragma once
#include "core/model/case.h"
#include "core/model/dataset.h"
#include "core/model/settings.h"

#include <string>
#include <vector>

namespace doorstep {

enum class FindingKind {
    ExtensionBeyondLimit,        // 6.4, 6.15
    EscalationOutsideWindow,     // landlord's escalation window, discretion not recorded
    SameHandlerAtStage2,         // 6.13
    RefusalWithoutDiscretion,    // 2.3
    RepresentativeWithoutConsent,// 3.6
    StageBeforePreviousResponse, // 6.10
    ClosedWithoutResponse,       // 6.9, 6.19
    OldCodeAfterCommencement,    // 2022 Code after 1 April 2024
};

struct Finding {
    FindingKind kind = FindingKind::ExtensionBeyondLimit;
    std::string provision;   // "6.4"; "landlord policy" for the escalation window
    std::string case_id;
    std::string reference;   // the case's reference (its id when it has none)
    std::string field;       // "stages[0].extensions[1].good_reason"
    std::string message;     // plain words, ending with the provision
    // "DS-2026-000001: stages[0].extensions[1].good_reason: extensions total ... (6.4)"
    std::string text() const;
};

// The date 2024 Code took effect (statutory from 1 April 2024).
Date code_2024_commencement();

// Every breach on one case, in field order. Only the current version is judged
// (conflict versions are a person's to choose between).
std::vector<Finding> case_findings(const Case& c, const Settings& settings);
// The same count without building any text (for status, every case every frame).
int count_case_findings(const Case& c, const Settings& settings);
// Every case's findings, in file order.
std::vector<Finding> dataset_findings(const Dataset& d);

}  // namespace doorstep
