// The accessibility statement inside the app (the full text is
// docs/accessibility.md): what works, what does not yet, how to report a problem.
#include "ui/screens.h"
#include "ui/semantics.h"
#include "ui/widgets.h"

namespace doorstep::ui {

void draw_accessibility(App& app) {
    sem_title("Accessibility statement — Doorstep");
    heading("Accessibility statement", 1);
    paragraph("Doorstep is meant for everyone who handles complaints, including disabled officers and officers working "
              "with disabled residents. We aim to meet WCAG 2.2 at level AA.");
    heading("What works", 2);
    paragraph("Every control is described to assistive technology through a layer of real page elements kept over the "
              "drawing, so screen readers can find buttons, fields, headings, lists and tables by name.");
    paragraph("You can use Doorstep with a keyboard alone: Tab and the arrow keys move between controls, Enter or Space "
              "presses, Escape leaves a text field (keeping what you typed) and closes a form. The focused control has a visible outline.");
    paragraph("Text can be made up to twice as large in Settings; the layout reflows down to 320 pixels wide.");
    paragraph("Light, dark and high-contrast colours all meet the WCAG contrast minimums; until you choose, Doorstep follows "
              "your device's setting (dark, or high contrast with forced colours). Urgency is never shown by colour "
              "alone: the words say \"3 working days overdue\".");
    paragraph("Press / or Ctrl+F to search the cases. A form that cannot be saved takes you to its first problem and says "
              "what to do beside each field.");
    paragraph("Every control is at least 44 by 44 pixels.");
    heading("What does not work yet", 2);
    paragraph("While you type in a long text box, lines do not wrap; they wrap again as soon as you leave the box.");
    paragraph("The charts on the Reports screen are pictures with a short description; the same figures are in the tables.");
    paragraph("Screen reader support has been tested with automated checks and Chromium's accessibility tree, not yet "
              "with every screen reader and browser pair.");
    heading("Reporting a problem", 2);
    paragraph("Tell your complaints team or the person who runs Doorstep for your landlord what you were doing and what went "
              "wrong. If you are not happy with the answer, contact the Equality Advisory and Support Service.");
    ButtonOptions o;
    o.id = "back-settings";
    if (button("Back to Settings", o)) go(app, Screen::Settings);
}

}  // namespace doorstep::ui
