// Evidence on the record (5.12, issue 11): photos taken on the visit and
// documents received, shown on the case as thumbnails that open full size.
//
// A photo goes through the platform's pipeline first (Host::process_photo:
// at most 1600 px, JPEG under 400 KB, a thumbnail, no location data), then
// both files are stored by content hash (CaseStore::add_attachment) and the
// engine keeps the Attachment on the case (rules/evidence.h: checks, audit),
// saved through commit_case (revision).
// A document is checked (type, size, contents) and stored as it is. Whatever
// goes wrong is said in an alert naming the file, and the case is left as it
// was. The images are drawn from textures the platform makes
// (Host::image_texture); where it makes none, the tiles show the file's name.
#include "core/base/hashing.h"
#include "core/rules/evidence.h"
#include "core/rules/hazards.h"
#include "storage/attachments.h"
#include "storage/case_store.h"
#include "ui/screens.h"
#include "ui/semantics.h"
#include "ui/theme.h"
#include "ui/widgets.h"
#include "ui/wording.h"

#include "imgui.h"
#include "imgui_internal.h"

#include <algorithm>
#include <cctype>

namespace doorstep::ui {

namespace {

bool is_image(const std::string& mime) {
    const std::string m = normalise_mime(mime);
    return m.rfind("image/", 0) == 0 && m != "image/svg+xml";
}

// "12 March 2026": the long date without its weekday.
std::string day_text(Date d) {
    const std::string l = long_date(d);
    const size_t sp = l.find(' ');
    return sp == std::string::npos ? l : l.substr(sp + 1);
}

const char* kind_word(const Attachment& a) { return is_image(a.mime) ? "Photo" : "Document"; }

// What a screen reader says for a tile: "Photo: damp.jpg, added 12 March 2026".
std::string tile_name(const Attachment& a) {
    return std::string(kind_word(a)) + ": " + a.filename + ", added " + day_text(a.added);
}

// The image's text alternative: the caption, or what it is when there is none.
std::string alt_text(const Attachment& a) {
    return a.caption.empty() ? std::string(kind_word(a)) + " " + a.filename + ", no caption yet" : a.caption;
}

// The kept photo is a JPEG: "damp.heic" is kept as "damp.jpg".
std::string photo_filename(const std::string& original) {
    std::string base = original.empty() ? std::string("photo.jpg") : original;
    const size_t dot = base.rfind('.');
    std::string ext = dot == std::string::npos ? std::string() : base.substr(dot + 1);
    for (char& ch : ext) ch = char(std::tolower(static_cast<unsigned char>(ch)));
    if (ext == "jpg" || ext == "jpeg") return base;
    return (dot == std::string::npos ? base : base.substr(0, dot)) + ".jpg";
}

std::string thumbnail_filename(const std::string& photo) {
    const size_t dot = photo.rfind('.');
    return (dot == std::string::npos ? photo : photo.substr(0, dot)) + " (thumbnail).jpg";
}

const Attachment* find_attachment(const Case& c, const std::string& sha) {
    for (const Attachment& a : c.attachments)
        if (a.sha256 == sha) return &a;
    return nullptr;
}

std::string hazard_text(const App& app, const Case& c, const std::string& hazard_id) {
    const int i = hazard_index(c, hazard_id);
    return i < 0 ? std::string() : describe_hazard(c.hazards[size_t(i)], data(app).settings);
}

// Stores the file (and a photo's thumbnail) and saves the Attachment on the case.
// Nothing changes when any step before the case's own save fails.
void attach(App& app, const std::string& case_id, const std::string& hazard_id, const std::string& filename,
            const std::string& mime, const std::string& bytes, const std::string& thumbnail) {
    AppState& s = *app.state;
    const std::string nothing = "Nothing was added. ";
    if (!s.store || !s.store_ok) {
        say(app, nothing + filename + ": your cases are not open on this device, so it cannot be kept.", true);
        return;
    }
    const Case* current = s.store->find_case(case_id);
    if (!current) {
        say(app, nothing + filename + ": the case is no longer on this device.", true);
        return;
    }
    const bool photo = !thumbnail.empty();
    Evidence evidence;
    evidence.photo = photo;
    evidence.file.sha256 = sha256_hex(bytes);
    evidence.file.filename = filename;
    evidence.file.hazard_id = hazard_id;
    if (auto problem = evidence_problem(*current, evidence)) {  // checked before anything is stored
        say(app, nothing + problem->message + ".", true);
        return;
    }
    auto stored = s.store->add_attachment(bytes, mime, filename, s.today);
    if (!stored) {
        say(app, nothing + stored.error().text() + ". Case " + current->reference + " is as it was.", true);
        return;
    }
    evidence.file = *stored;
    evidence.file.hazard_id = hazard_id;
    if (photo) {
        // Without its thumbnail the photo is still kept: the tile then shows the photo itself, smaller.
        if (auto t = s.store->add_attachment(thumbnail, "image/jpeg", thumbnail_filename(filename), s.today))
            evidence.file.thumbnail_sha256 = t->sha256;
    }
    Case copy = *current;
    const std::string hazard = hazard_text(app, copy, hazard_id);
    const std::string name = evidence.file.filename;
    Status added = add_evidence(copy, std::move(evidence), data(app).settings, actor(app));
    if (!added) {
        say(app, nothing + added.error().message + ".", true);
        return;
    }
    (void)commit_case(app, copy,
                      std::string(photo ? "Photo " : "Document ") + name + " added to case " + copy.reference +
                          (hazard.empty() ? "." : " as evidence of " + hazard + "."));
}

// "Take a photo": the camera on a tablet, the file chooser elsewhere.
void take_photo(App& app, const std::string& case_id, const std::string& hazard_id) {
    if (!app.host.pick_file || !app.host.process_photo) {
        say(app, "Taking a photo is not available here.", true);
        return;
    }
    App* self = &app;
    app.host.pick_file("image/*", true, [self, case_id, hazard_id](const std::string& name, const std::string& given,
                                                                   std::string bytes) {
        App& app = *self;
        std::string mime = normalise_mime(given);
        if (mime.empty()) mime = sniff_mime(bytes);
        if (!is_image(mime)) {
            say(app, "Nothing was added. " + name + " is not a photo (" + (mime.empty() ? "unknown type" : mime) +
                         "). Choose a photo, or use \"Attach a document\" for letters and reports.",
                true);
            return;
        }
        EvidenceState& ev = app.state->evidence;
        ++ev.preparing;
        ev.preparing_name = name;
        sem_announce("Preparing " + name + "…");
        app.host.process_photo(bytes, mime, [self, case_id, hazard_id, name](PhotoOutcome r) {
            App& app = *self;
            EvidenceState& ev = app.state->evidence;
            ev.preparing = std::max(0, ev.preparing - 1);
            if (!r.ok) {
                say(app, "Nothing was added. " + name + ": " + r.message, true);
                return;
            }
            attach(app, case_id, hazard_id, photo_filename(name), "image/jpeg", r.jpeg, r.thumbnail);
        });
    });
}

void attach_document(App& app, const std::string& case_id) {
    if (!app.host.pick_file) {
        say(app, "Choosing a file is not available here.", true);
        return;
    }
    App* self = &app;
    app.host.pick_file(attachment_accept_list(), false,
                       [self, case_id](const std::string& name, const std::string& given, std::string bytes) {
                           std::string mime = normalise_mime(given);
                           if (mime.empty()) mime = sniff_mime(bytes);
                           attach(*self, case_id, "", name, mime, bytes, "");
                       });
}

Result<std::string> read_bytes(App& app, const std::string& sha) {
    if (!app.state->store) return Error{"", "your cases are not open on this device"};
    return app.state->store->read_attachment(sha);
}

void download(App& app, const Attachment& a) {
    auto bytes = read_bytes(app, a.sha256);
    if (!bytes) {
        say(app, a.filename + " cannot be opened: " + bytes.error().message + ".", true);
        return;
    }
    if (!app.host.download) {
        say(app, "Opening files is not available here.", true);
        return;
    }
    app.host.download(a.filename, a.mime, *bytes);
    say(app, "Downloading " + a.filename + " (" + describe_size(a.size) + ").");
}

ImageTexture texture(App& app, const std::string& sha) {
    if (!app.host.image_texture || sha.empty()) return {};
    return app.host.image_texture(sha, [&app, sha]() -> std::string {
        auto bytes = read_bytes(app, sha);
        return bytes ? *bytes : std::string();
    });
}

// The thumbnail, or the photo itself when the thumbnail cannot be shown.
ImageTexture tile_texture(App& app, const Attachment& a) {
    if (!is_image(a.mime)) return {};
    ImageTexture t = texture(app, a.thumbnail_sha256);
    if (t.state == ImageTexture::State::Ready || t.state == ImageTexture::State::Pending) return t;
    return texture(app, a.sha256);
}

// The largest rectangle of the image's shape inside `box`, centred.
ImRect fit(const ImRect& box, int width, int height) {
    const float bw = box.GetWidth(), bh = box.GetHeight();
    const float scale = std::min(bw / float(std::max(1, width)), bh / float(std::max(1, height)));
    const float w = float(width) * scale, h = float(height) * scale;
    const ImVec2 at(box.Min.x + (bw - w) / 2, box.Min.y + (bh - h) / 2);
    return ImRect(at, ImVec2(at.x + w, at.y + h));
}

void centred_text(ImDrawList* dl, const ImRect& box, const std::string& text, Colour colour) {
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str(), nullptr, false, box.GetWidth() - 8);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                ImVec2(box.Min.x + std::max(4.0f, (box.GetWidth() - ts.x) / 2), box.Min.y + (box.GetHeight() - ts.y) / 2),
                im_col(colour), text.c_str(), nullptr, box.GetWidth() - 8);
}

// One tile: the image (or the document's type) above its name and date; a
// button that opens the photo full size or the document. `group` keeps ids
// apart when the same file is shown twice (a hazard's photos and Evidence).
void tile(App& app, const Case& c, const Attachment& a, const char* group, bool first) {
    AppState& s = *app.state;
    const Palette& p = theme();
    const float line = ImGui::GetTextLineHeight();
    // As many tiles a row as fit at their smallest, sharing the row's width (two on a phone).
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float row = ImGui::GetContentRegionMax().x - ImGui::GetWindowContentRegionMin().x;
    const float least = std::max(160.0f, ImGui::GetFontSize() * 9.0f);
    const int per_row = std::max(1, int((row + spacing) / (least + spacing)));
    const float w = std::max(kTargetPx, std::min(least * 1.4f, (row - spacing * float(per_row - 1)) / float(per_row)));
    const float image_h = w * 0.75f;
    const ImVec2 size(w, image_h + 2 * line + 12);
    if (!first) {
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x + 0.5f < w) ImGui::NewLine();
    }
    ImGui::PushID(group);
    ImGui::PushID(a.sha256.c_str());
    const bool pressed = ImGui::InvisibleButton("##tile", size);
    const ImGuiID id = ImGui::GetItemID();
    const ImRect r(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const bool hovered = ImGui::IsItemHovered();
    dl->AddRectFilled(r.Min, r.Max, im_col(hovered ? p.secondary_hover.bg : p.surface), 6.0f);
    dl->AddRect(r.Min, r.Max, im_col(p.border), 6.0f, 0, 1.0f);
    const ImRect image_box(ImVec2(r.Min.x + 4, r.Min.y + 4), ImVec2(r.Max.x - 4, r.Min.y + image_h));
    if (is_image(a.mime)) {
        // Decoded only when on screen: a long case does not fill the GPU with photos no one sees.
        const ImageTexture t = ImGui::IsItemVisible() ? tile_texture(app, a) : ImageTexture{};
        if (t.state == ImageTexture::State::Ready) {
            const ImRect img = fit(image_box, t.width, t.height);
            dl->AddImage(reinterpret_cast<ImTextureID>(t.texture), img.Min, img.Max);
        } else {
            centred_text(dl, image_box,
                         t.state == ImageTexture::State::Failed ? "Photo cannot be shown"
                         : t.state == ImageTexture::State::Pending ? "Loading…"
                                                                   : "Photo",
                         p.text_muted);
        }
    } else {
        const size_t dot = a.filename.rfind('.');
        std::string ext = dot == std::string::npos ? std::string("File") : a.filename.substr(dot + 1);
        for (char& ch : ext) ch = char(std::toupper(static_cast<unsigned char>(ch)));
        ImGui::PushFont(fonts().h2);
        centred_text(dl, image_box, ext, p.text_muted);
        ImGui::PopFont();
    }
    const float tx = r.Min.x + 8, tw = r.GetWidth() - 16;
    ImGui::RenderTextEllipsis(dl, ImVec2(tx, r.Min.y + image_h + 4), ImVec2(tx + tw, r.Min.y + image_h + 4 + line),
                              tx + tw, tx + tw, a.filename.c_str(), nullptr, nullptr);
    const std::string when = short_date(a.added) + " · " + describe_size(a.size);
    ImGui::PushStyleColor(ImGuiCol_Text, im_vec(p.text_muted));
    ImGui::RenderTextEllipsis(dl, ImVec2(tx, r.Min.y + image_h + 4 + line),
                              ImVec2(tx + tw, r.Min.y + image_h + 4 + 2 * line), tx + tw, tx + tw, when.c_str(), nullptr,
                              nullptr);
    ImGui::PopStyleColor();
    ImGui::RenderNavHighlight(r, id);
    std::string description = is_image(a.mime) ? "Opens the photo full size" : "Opens or downloads the document";
    if (!a.caption.empty()) description = a.caption + ". " + description;
    const std::string hazard = hazard_text(app, c, a.hazard_id);
    if (!hazard.empty()) description += ". Evidence of " + hazard;
    sem_item(Role::Button, tile_name(a), {}, StateNone, description);
    if (s.evidence.focus_back == id) {  // the viewer it opened has closed: focus comes back here
        ImGui::SetFocusID(id, ImGui::GetCurrentWindow());
        ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleEdgeY);
        sem_focus_node(id);
        s.evidence.focus_back = 0;
    }
    ImGui::PopID();
    ImGui::PopID();
    if (!pressed) return;
    if (!is_image(a.mime)) {
        download(app, a);
        return;
    }
    EvidenceState& ev = s.evidence;
    ev.view_case = c.id;
    ev.view_sha = a.sha256;
    ev.caption = a.caption;
    ev.return_focus = id;
    ev.opened_this_frame = true;
    focus_first_control();
}

void tiles(App& app, const Case& c, const std::vector<const Attachment*>& shown, const std::string& name,
           const char* group) {
    if (shown.empty()) return;
    sem_push(Role::Group, name, int(shown.size()));
    bool first = true;
    for (const Attachment* a : shown) {
        tile(app, c, *a, group, first);
        first = false;
    }
    sem_pop();
}

void close_viewer(App& app) {
    EvidenceState& ev = app.state->evidence;
    if (case_index(app, ev.view_case) >= 0) ev.focus_back = ev.return_focus;
    ev.view_case.clear();
    ev.view_sha.clear();
    ev.caption.clear();
    ev.return_focus = 0;
    ev.opened_this_frame = false;
}

void save_caption(App& app, const Case& c, const Attachment& a, std::string caption) {
    Case copy = c;
    auto changed = set_evidence_caption(copy, a.sha256, std::move(caption), actor(app));
    if (!changed) {
        say(app, changed.error().message + ".", true);
        return;
    }
    if (!*changed) return;
    const Attachment* now = find_attachment(copy, a.sha256);
    (void)commit_case(app, copy, now && now->caption.empty() ? "Caption removed." : "Caption saved.");
}

}  // namespace

void draw_case_evidence(App& app, const Case& c) {
    AppState& s = *app.state;
    heading("Evidence", 2);
    paragraph("Photos of what you see and documents such as reports and letters received, kept on the record (5.12). "
              "Photos are made smaller and their location data is removed before they are kept.",
              true);
    std::vector<const Attachment*> shown;
    for (auto it = c.attachments.rbegin(); it != c.attachments.rend(); ++it) shown.push_back(&*it);  // newest first
    if (shown.empty()) paragraph("No photos or documents yet.", true);
    tiles(app, c, shown, "Evidence on this case", "evidence");
    if (s.evidence.preparing > 0) paragraph("Preparing " + s.evidence.preparing_name + "…", true, Role::Status);
    ButtonOptions photo;
    photo.style = ButtonStyle::Primary;
    photo.id = "take-photo";
    photo.description = "Opens the camera on a tablet, or lets you choose a photo";
    if (button("Take a photo", photo)) take_photo(app, c.id, "");
    ButtonOptions doc;
    doc.same_line = true;
    doc.id = "attach-document";
    doc.description = "PDF, Word, plain text or an image, up to " + describe_size(s.store ? s.store->attachment_limits.max_bytes
                                                                                             : AttachmentLimits{}.max_bytes);
    if (button("Attach a document", doc)) attach_document(app, c.id);
}

void draw_hazard_evidence(App& app, const Case& c, const HazardRecord& h) {
    std::vector<const Attachment*> shown;
    for (const Attachment& a : c.attachments)
        if (a.hazard_id == h.id) shown.push_back(&a);
    const std::string hazard = describe_hazard(h, data(app).settings);
    tiles(app, c, shown, "Photos of " + hazard, ("hazard-" + h.id).c_str());
    ButtonOptions o;
    o.id = "hazard-photo-" + h.id;
    o.description = "The photo is kept as evidence of " + hazard;
    if (button("Add a photo", o)) take_photo(app, c.id, h.id);
}

void handle_refused_evidence(App& app) {
    AppState& s = *app.state;
    std::vector<std::string> refused;
    refused.swap(app.host.refused_evidence);
    if (!s.store || !s.store_ok) return;
    for (const std::string& sha : refused) {
        // This session's copy goes too: the file would be gone after a reload, and
        // the same photo added again must be written (and offered to the browser) afresh.
        (void)s.files->remove("attachments/" + sha);
        (void)s.files->remove("attachments/" + sha + ".json");
        std::vector<std::string> ids;
        for (const Case& c : data(app).cases)
            for (const Attachment& a : c.attachments)
                if (a.sha256 == sha || a.thumbnail_sha256 == sha) ids.push_back(c.id);
        for (const std::string& id : ids) {
            const Case* current = s.store->find_case(id);
            if (!current) continue;
            Case copy = *current;
            auto lost = remove_lost_evidence(copy, sha, actor(app));
            if (!lost) continue;
            Status saved = commit_case(app, copy, "");
            if (lost->empty()) continue;  // a thumbnail only: the photo is shown small
            say(app, *lost + " could not be kept: this browser's storage for Doorstep is full. Case " + copy.reference +
                         (saved ? " is saved without it." : " could not be saved either: " + saved.error().text()) +
                         " Export your cases, free some space on this device, then add it again.",
                true);
        }
    }
}

bool evidence_viewer_open(const App& app) { return app.state && !app.state->evidence.view_sha.empty(); }

// The photo full size, with what is known about it and its caption. Escape or
// Close returns to the case, focus back on the thumbnail that opened it.
void draw_evidence_viewer(App& app) {
    AppState& s = *app.state;
    EvidenceState& ev = s.evidence;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float W = vp->Size.x, H = vp->Size.y;
    const int idx = case_index(app, ev.view_case);
    const Case* c = idx >= 0 ? &data(app).cases[size_t(idx)] : nullptr;
    const Attachment* found = c ? find_attachment(*c, ev.view_sha) : nullptr;
    const Attachment a = found ? *found : Attachment{};
    const Case owner = c ? *c : Case{};  // a copy: saving the caption may replace the store's vector

    ImGui::PushStyleColor(ImGuiCol_ChildBg, im_vec(theme().page));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(W < 500 ? 12.0f : 24.0f, 16));
    if (ev.opened_this_frame) ImGui::SetNextWindowScroll(ImVec2(0, 0));
    ImGui::BeginChild("##viewer", ImVec2(0, 0), ImGuiChildFlags_AlwaysUseWindowPadding, ImGuiWindowFlags_NavFlattened);
    ImGui::PopStyleVar();
    const std::string title = found ? tile_name(a) : std::string("Evidence");
    sem_push(Role::Dialog, title);
    sem_title(title + (c ? ", " + c->reference : std::string()) + " — Doorstep");

    bool close = false;
    ButtonOptions back;
    back.id = "viewer-close";
    back.description = "Returns to the case";
    if (button("Close", back)) close = true;
    if (found) {
        ButtonOptions dl;
        dl.id = "viewer-download";
        dl.same_line = true;
        dl.description = "Saves a copy of " + a.filename + " on this device";
        if (button("Download", dl)) download(app, a);
    }
    heading(found ? a.filename : "Evidence", 1);
    if (!found) {
        paragraph("This photo is no longer on the case.");
    } else {
        paragraph(resident_text(owner) + ", " + owner.reference, true);
        const float max_w = avail_width();
        const float max_h = std::max(200.0f, H - 320.0f);
        const ImageTexture t = texture(app, a.sha256);
        if (t.state == ImageTexture::State::Ready) {
            const float scale = std::min({1.0f, max_w / float(std::max(1, t.width)), max_h / float(std::max(1, t.height))});
            const ImVec2 size(float(t.width) * scale, float(t.height) * scale);
            ImGui::Image(reinterpret_cast<ImTextureID>(t.texture), size);
            sem_text(Role::Image, alt_text(a));
        } else {
            const char* why = t.state == ImageTexture::State::Pending  ? "Loading the photo…"
                              : t.state == ImageTexture::State::Failed ? "This photo cannot be shown here."
                                                                       : "Photos cannot be shown here.";
            paragraph(t.message.empty() ? why : std::string(why) + " (" + t.message + ")", true);
        }
        if (!a.caption.empty()) paragraph(a.caption);
        label_value("Added", long_date(a.added));
        std::string size = describe_size(a.size);
        if (t.state == ImageTexture::State::Ready) size += ", " + std::to_string(t.width) + " × " + std::to_string(t.height) + " pixels";
        label_value("Size", size);
        const std::string hazard = hazard_text(app, owner, a.hazard_id);
        if (!hazard.empty()) label_value("Evidence of", hazard);
        FieldOptions cap;
        cap.hint = "What the photo shows. It is read out to people who cannot see the photo.";
        cap.id = "caption";
        text_field("Caption", ev.caption, cap);
        ButtonOptions save;
        save.style = ButtonStyle::Primary;
        save.id = "save-caption";
        if (button("Save caption", save)) save_caption(app, owner, a, ev.caption);
    }
    // Escape closes (the ARIA dialog pattern); the first Escape in the caption field only leaves the field.
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !ImGui::GetIO().WantTextInput) close = true;
    if (!close) ev.opened_this_frame = false;
    sem_pop();
    ImGui::EndChild();
    ImGui::PopStyleColor();
    if (close) close_viewer(app);
}

}  // namespace doorstep::ui
