// What each case form holds while it is open: one plain struct per form, named
// for what the officer types or picks (DialogState::fields holds the open one).
// `on` is the form's own date, today when the form opens; forms whose date must
// be chosen (a due date, an offer not yet made) have no `on`.
#pragma once
#include "core/base/date.h"

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace doorstep::ui {

struct PointForm {
    std::string text;
    int decision = 0;      // Decision
    std::string reasons;
};

struct AspectForm {
    std::string text;
    bool in_scope = true;
    std::string reason_excluded;
};

// --- stage: acknowledging, extending, updating, responding, escalating, ending (form_stage.cpp)
struct AcknowledgeForm {
    std::optional<Date> on;
    std::string definition, outcome_sought, handler, approver;
    std::vector<PointForm> points;
    std::vector<AspectForm> aspects;
    bool confirmed = false;         // the definition was confirmed with the resident
    bool complex = false;           // an extension set now
    int extra_days = 0;
    std::string extension_reason;
};
struct ExtendForm {
    std::optional<Date> on;         // decided
    int extra_days = 0;
    std::string reason, good_reason;
    bool told = false;
    std::optional<Date> told_on;
    std::string told_how;
    int agreed = 0;                 // 0 agreed, 1 objected, 2 not asked
    bool ombudsman_details = false;
};
struct ExtensionNoticeForm {
    std::optional<Date> on;         // told
    std::string how;
    int agreed = 0;                 // 0 agreed, 1 objected, 2 not asked
    bool ombudsman_details = false;
};
struct UpdateIntervalForm {
    std::optional<Date> on;         // agreed
    int every_working_days = 0;
};
struct RespondForm {
    std::optional<Date> on;
    std::vector<PointForm> points;
    std::string summary, signed_by, contractor;
};
struct EscalateForm {
    std::optional<Date> on;         // the resident asked
    std::string still_unhappy, discretion_decision;
};
struct RelatedIssueForm {
    std::optional<Date> on;         // raised
    std::string description;
    bool related = true;
    bool would_delay = false;
    std::string delay_reason;
};
struct CloseForm {
    std::optional<Date> on;
    int reason = 0;                 // ClosureReason
    std::string notes;
};
struct WithdrawForm {
    std::optional<Date> on;
    std::string withdrawn_by, notes;
};

// --- refusal (form_refusal.cpp)
struct RefuseForm {
    std::optional<Date> on;         // decided
    int ground = -1;                // index into Settings::refusal_grounds; -1 not chosen
    std::string reasons, circumstances;
    bool discretion_considered = false;
    std::string discretion_decision, approved_by;
};
struct RefusalExplainedForm {
    std::optional<Date> on;
};

// --- remedy and actions (form_remedy.cpp)
struct RemedyForm {
    int type = 0;                   // RemedyType
    std::string description, working, approved_by;
    int64_t pence = 0;
    int64_t part_pence[4] = {};     // a financial award's parts (AwardParts order)
    std::optional<Date> due, offered_on;
};
struct ActionForm {
    std::string description, owner;
    std::optional<Date> due;
};
// A step on a remedy already on the case: offered, answered, paid or done.
struct RemedyStepForm {
    std::optional<Date> on;
    int remedy = 0;                 // index in its stage
    int answer = 0;                 // 0 accepted, 1 declined
};

// --- the record: adjustments, restrictions, notes, contacts, conflicts (form_record.cpp)
struct AdjustmentForm {
    std::optional<Date> on;         // agreed
    std::string description, disability;
    std::optional<Date> review_by;
    int shorter_by_days = 0;
};
struct RestrictionForm {
    std::optional<Date> on;         // decided
    std::string description, evidence, equality_act_regard;
    std::optional<Date> review_by;
};
struct EraseForm {                  // 21.8: a manager erases a closed case (form_record.cpp)
    std::string reason;
};
struct NoteForm {
    std::optional<Date> on;
    std::string text;
};
struct LogContactForm {
    std::optional<Date> on;
    int method = 0, outcome = 0, purpose = 0;  // ContactMethod, ContactOutcome, ContactPurpose
    bool definition_confirmed = false;
    std::string summary;
};
struct ConflictForm {
    int keep = 0;                   // 0 the version shown, else 1 + index in Case::conflicts
};

// --- hazards (form_hazard.cpp)
struct HazardReportForm {
    std::optional<Date> on;         // we were told
    int type = 0;                   // index into Settings::hazard_types
    bool emergency = false;
    std::string location, observed, reported_by, time_told, vulnerable;
};
// The steps of Awaab's Law in the Regulations' order (hazards.h next_hazard_record names them).
enum class HazardStep : uint8_t { MakeSafe, Investigate, Summary, SafetyWork, FurtherWorkStart, FurtherWorkDone, Close };
std::optional<HazardStep> hazard_step_named(const std::string& name);  // "make-safe", ..., "close"
struct HazardStepForm {
    std::optional<Date> on;
    std::string hazard_id;
    HazardStep step = HazardStep::Close;
    std::string time_made_safe, by, text, works_needed;
    bool significant = false, emergency_confirmed = false;
};

// --- the Housing Ombudsman and surveys (screen_case_oversight.cpp)
struct ReferralForm {
    std::optional<Date> on;
    std::string reference;
};
struct DeterminationForm {
    std::optional<Date> on;
    int determination = -1;         // index into the determinations offered
};
struct OrderForm {
    std::string description;
    std::optional<Date> due;
};
struct OrderCompliedForm {
    std::optional<Date> on;
    int order = 0;                  // index in OmbudsmanCase::orders
    std::string evidence;
};
struct SurveyOfferForm {
    std::optional<Date> on;
};
struct SurveyAnswerForm {
    std::optional<Date> on;
    int answer = 0;                 // 0 answered, 1 declined
    int handling = 0, outcome = 0, listened = 0;  // 1..5, 0 not answered
};

// --- settings (screen_settings.cpp)
struct ImportForm {
    std::string file_name, text;    // the file picked (once opened, when it was protected)
    int mode = 0;                   // 0 merge, 1 replace
    std::string passphrase;         // a protected export's (21.6)
    bool opening = false;           // its passphrase is being checked
};

using FormFields =
    std::variant<std::monostate, AcknowledgeForm, ExtendForm, ExtensionNoticeForm, UpdateIntervalForm, RespondForm,
                 EscalateForm, RelatedIssueForm, CloseForm, WithdrawForm, RefuseForm, RefusalExplainedForm, RemedyForm,
                 ActionForm, RemedyStepForm, AdjustmentForm, RestrictionForm, NoteForm, LogContactForm, ConflictForm,
                 HazardReportForm, HazardStepForm, ReferralForm, DeterminationForm, OrderForm, OrderCompliedForm,
                 SurveyOfferForm, SurveyAnswerForm, ImportForm, EraseForm>;

template <class F, class = void>
struct has_own_date : std::false_type {};
template <class F>
struct has_own_date<F, std::void_t<decltype(std::declval<F&>().on)>> : std::true_type {};

// The form's fields, made when it first asks (its own date today).
template <class F>
F& fields_of(FormFields& held, Date today) {
    if (!std::holds_alternative<F>(held)) {
        F f{};
        if constexpr (has_own_date<F>::value) f.on = today;
        held = std::move(f);
    }
    return std::get<F>(held);
}

}  // namespace doorstep::ui
