// Everything one device holds: settings, cases, the learning log, the
// landlord's assurance records and the record of erased cases (21.8). The unit
// of export, import and merge.
#pragma once
#include "core/model/assurance.h"
#include "core/model/case.h"
#include "core/model/erasure.h"
#include "core/model/settings.h"

#include <vector>

namespace doorstep {

struct Dataset {
    Settings settings;
    std::vector<Case> cases;
    std::vector<LearningItem> learning;
    std::vector<SelfAssessment> assessments;
    std::vector<QualityCheck> quality_checks;
    std::vector<NonComplianceEvent> non_compliance;
    std::vector<Erasure> erasures;  // cases erased for good: never brought back by an import or merge
};

}  // namespace doorstep
