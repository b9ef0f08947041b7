// What a refused form shows: each problem at the field it is about, in a plain
// sentence; all of them in a summary at the form's button; the first one (in the
// form's order) scrolled to and focused; the lot announced to assistive
// technology. The engine's Error keeps its `where` ("case DS-..., own_words") for
// logs and tests (lastMessage()); people read a sentence about the form.
#pragma once
#include "core/base/result.h"

#include <string>
#include <utility>
#include <vector>

namespace doorstep::ui {

struct FormProblem {
    std::string field;    // the visible label of the field it is about; "" = the form as a whole
    std::string message;  // a sentence a person can act on
};

// Engine field paths to the labels of a form's fields, e.g. {"own_words", "In their own words"}.
// A key matches the end of the path with indices and the stage left out ("stages[0].remedies[2].amount"
// matches "amount" and "remedies.amount"); "{n}" in a label is the last index + 1 ("Point {n}").
using FieldLabels = std::vector<std::pair<std::string, std::string>>;

struct FormProblems {
    std::vector<FormProblem> list;
    std::string engine_text;  // the engine's words, `where` included
    bool empty() const { return list.empty(); }
};

// "give the date" -> "Give the date."
std::string plain_sentence(const std::string& message);
// The engine's field path without the case: "case DS-2026-000001, own_words" -> "own_words".
std::string error_field_path(const Error& e);
FormProblem problem_from(const Error& e, const FieldLabels& labels);

// The form was refused: shows `problems`, moves focus to the first of them on the
// next frame and announces them (assertive). engine_text goes to lastMessage().
void refuse_form(FormProblems& into, std::vector<FormProblem> problems, const std::string& engine_text);
void refuse_form(FormProblems& into, const Error& e, const FieldLabels& labels);
void refuse_form(FormProblems& into, const std::string& field, const std::string& sentence);
std::string problems_announcement(const FormProblems& p);

// While a form draws, its fields look their problems up here (widgets.cpp does).
void form_problems_begin(FormProblems* problems);  // null: this form has none
void form_problems_end();
void form_problems_begin_frame();  // widgets_begin_frame calls it
const FormProblem* field_problem(const std::string& label);
// The field with this label was drawn with id: true once, for the first field with a
// problem after a refusal (it takes the focus and is scrolled into view).
bool field_takes_problem_focus(const std::string& label, unsigned id);
void field_problem_fixed(const std::string& label);  // the person changed the field: its problem goes
bool problem_focus_pending();

// The summary at the button: "There is a problem" / "There are 3 problems" and one
// link per problem that goes to its field. Takes the focus itself when no field did.
void problem_summary(const FormProblems& p);

}  // namespace doorstep::ui
