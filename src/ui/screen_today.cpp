// Today: what needs doing — overdue, due today, due this week — and forms not
// finished. One tap opens the case. The Menu screen (narrow layouts) is here too.
#include "ui/screens.h"
#include "ui/semantics.h"
#include "ui/theme.h"
#include "ui/widgets.h"
#include "ui/wording.h"

#include "storage/case_store.h"

#include "imgui.h"

#include <algorithm>

namespace doorstep::ui {

namespace {

void build_today(App& app) {
    AppState& s = *app.state;
    const Dataset& d = data(app);
    TodayLists& t = s.today_lists;
    t.overdue.clear();
    t.due_today.clear();
    t.due_this_week.clear();
    Date week_end = s.today.plus_days(7);
    for (size_t i = 0; i < d.cases.size(); ++i) {
        const CaseStatus& st = s.statuses[i];
        // Informational steps (the escalation window still open) are not work to do today.
        if (!st.open || !st.due || st.urgency == Urgency::None) continue;
        if (st.urgency == Urgency::Overdue) t.overdue.push_back(int(i));
        else if (*st.due <= s.today) t.due_today.push_back(int(i));
        else if (*st.due <= week_end) t.due_this_week.push_back(int(i));
    }
    auto by_due = [&](int a, int b) { return s.statuses[size_t(a)].due->serial() < s.statuses[size_t(b)].due->serial(); };
    std::stable_sort(t.overdue.begin(), t.overdue.end(), by_due);
    std::stable_sort(t.due_today.begin(), t.due_today.end(), by_due);
    std::stable_sort(t.due_this_week.begin(), t.due_this_week.end(), by_due);
    // Housing Ombudsman orders, open or closed case alike: overdue or due within a week.
    t.orders.clear();
    for (size_t i = 0; i < d.cases.size(); ++i) {
        if (!d.cases[i].ombudsman) continue;
        const auto& orders = d.cases[i].ombudsman->orders;
        for (size_t k = 0; k < orders.size(); ++k)
            if (!orders[k].completed && orders[k].due <= week_end) t.orders.push_back({int(i), int(k)});
    }
    auto order_due = [&](const TodayLists::Order& o) { return d.cases[size_t(o.case_index)].ombudsman->orders[size_t(o.order)].due; };
    std::stable_sort(t.orders.begin(), t.orders.end(), [&](const auto& a, const auto& b) { return order_due(a) < order_due(b); });
    t.generation = s.generation;
    t.day = s.today.serial();
}

void section(App& app, const char* title, const std::vector<int>& rows, const char* empty_text) {
    std::string h = std::string(title) + " (" + std::to_string(rows.size()) + ")";
    heading(h, 2);
    if (rows.empty()) {
        paragraph(empty_text, true);
        return;
    }
    case_rows(app, rows, title);
}

// Ombudsman orders overdue and due soon: one button per order opens its case.
void orders_section(App& app) {
    AppState& s = *app.state;
    const Dataset& d = data(app);
    const auto& rows = s.today_lists.orders;
    if (rows.empty()) return;
    heading("Housing Ombudsman orders (" + std::to_string(rows.size()) + ")", 2);
    sem_push(Role::List, "Housing Ombudsman orders", int(rows.size()));
    for (const TodayLists::Order& row : rows) {
        const Case& c = d.cases[size_t(row.case_index)];
        const OmbudsmanOrder& o = c.ombudsman->orders[size_t(row.order)];
        const Urgency u = o.due < s.today ? Urgency::Overdue : urgency_of(o.due, s.today, d.settings, s.calendar);
        const std::string left = days_left_text(s.calendar.working_days_between(s.today, o.due), u);
        ButtonOptions b;
        b.width = -1;
        b.id = "order-" + c.id + "-" + std::to_string(row.order);
        b.description = left + ". Opens the case";
        if (u == Urgency::Overdue) b.style = ButtonStyle::Danger;
        const std::string name = "Ombudsman order: " + o.description + " — " + resident_text(c) + ", " + c.reference + " (" + left + ")";
        sem_push(Role::ListItem, name);
        if (button(name, b)) open_case(app, c.id);
        sem_pop();
    }
    sem_pop();
}

}  // namespace

void draw_today(App& app) {
    AppState& s = *app.state;
    const Dataset& d = data(app);
    sem_title("Today — Doorstep");
    heading("Today", 1);
    std::string who = d.settings.officer_name.empty() ? std::string() : d.settings.officer_name + ", ";
    paragraph(who + long_date(s.today), true);

    if (s.today_lists.generation != s.generation || s.today_lists.day != s.today.serial()) build_today(app);
    setup_invitation(app);  // a device not set up says so first

    if (d.cases.empty()) {
        notice("Log a resident's complaint or service request with New contact. To try Doorstep first, load sample "
               "data in Settings.",
               theme().info_banner, Role::Status, "No cases yet");
        if (button("New contact", ButtonStyle::Primary)) go(app, Screen::NewContact);
    }

    // Forms started and not finished: nothing typed is lost.
    if (!s.drafts.empty() && s.store) {
        heading("Not finished (" + std::to_string(s.drafts.size()) + ")", 2);
        for (const DraftInfo& info : s.store->list_drafts()) {
            std::string label = (info.title.empty() ? std::string("New contact") : info.title);
            if (auto t = parse_iso_local(info.saved_at)) label += ", saved " + short_date(t->date);
            ButtonOptions o;
            o.width = -1;
            o.id = "draft-" + info.key;
            o.description = "Continues the unfinished form";
            if (button(label, o)) {
                go(app, Screen::NewContact);
                s.load_draft_key = info.key;  // the New contact screen loads it on its next frame
            }
        }
    }

    orders_section(app);
    section(app, "Overdue", s.today_lists.overdue, "Nothing is overdue.");
    section(app, "Due today", s.today_lists.due_today, "Nothing is due today.");
    section(app, "Due this week", s.today_lists.due_this_week, "Nothing else is due in the next 7 days.");
}

void draw_menu(App& app) {
    sem_title("Menu — Doorstep");
    heading("Menu", 1);
    struct Item {
        Screen screen;
        const char* label;
        const char* what;
    };
    const Item items[] = {
        {Screen::Today, "Today", "What is overdue and due soon"},
        {Screen::Cases, "Cases", "Search and filter every case"},
        {Screen::NewContact, "New contact", "Log a complaint or service request"},
        {Screen::Letters, "Letters", "Draft, check and send the Code's letters"},
        {Screen::Reports, "Reports", "Tenant Satisfaction Measures and tables"},
        {Screen::SelfAssessment, "Self-assessment", "The Code's 72 provisions"},
        {Screen::Assurance, "Assurance", "Quality checks, case studies, non-compliance (8.5)"},
        {Screen::Settings, "Settings", "Landlord, policy, look, export and import"},
        {Screen::Accessibility, "Accessibility statement", "What works and how to report a problem"},
    };
    for (const Item& it : items) {
        ButtonOptions o;
        o.width = -1;
        o.description = it.what;
        o.id = std::string("menu-") + it.label;
        if (button(it.label, o)) go(app, it.screen);
    }
}

}  // namespace doorstep::ui
