#include "core/rules/evidence.h"

#include "core/base/date.h"
#include "core/base/file_size.h"
#include "core/rules/hazards.h"

#include <algorithm>

namespace doorstep {

namespace {

// "12 March 2026": the long date without its weekday.
std::string day_text(Date d) {
    const std::string l = long_date(d);
    const size_t sp = l.find(' ');
    return sp == std::string::npos ? l : l.substr(sp + 1);
}

int attachment_index(const Case& c, const std::string& sha256) {
    for (size_t i = 0; i < c.attachments.size(); ++i)
        if (c.attachments[i].sha256 == sha256) return int(i);
    return -1;
}

std::string trimmed(std::string s) {
    const auto space = [](unsigned char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; };
    while (!s.empty() && space(static_cast<unsigned char>(s.back()))) s.pop_back();
    size_t first = 0;
    while (first < s.size() && space(static_cast<unsigned char>(s[first]))) ++first;
    return s.substr(first);
}

}  // namespace

std::optional<Error> evidence_problem(const Case& c, const Evidence& e) {
    const Attachment& a = e.file;
    if (a.sha256.empty()) return case_error(c, "attachments.sha256", "the file was not stored on this device: add it again");
    if (is_blank(a.filename)) return case_error(c, "attachments.filename", "the file needs a name");
    const int same = attachment_index(c, a.sha256);
    if (same >= 0) {
        const Attachment& kept = c.attachments[size_t(same)];
        return case_error(c, "attachments", a.filename + " is already on case " + c.reference + " (added " +
                                                day_text(kept.added) + " as " + kept.filename + ")");
    }
    if (!a.hazard_id.empty() && hazard_index(c, a.hazard_id) < 0)
        return case_error(c, "attachments.hazard_id", "the hazard this evidences is no longer on the case");
    return std::nullopt;
}

Status add_evidence(Case& c, Evidence e, const Settings& settings, const Actor& actor) {
    if (auto problem = evidence_problem(c, e)) return *problem;
    std::string what = std::string(e.photo ? "Photo" : "Document") + " added as evidence: " + e.file.filename + " (" +
                       describe_size(e.file.size) + ")";
    if (!e.file.hazard_id.empty())
        what += " for hazard " + describe_hazard(c.hazards[size_t(hazard_index(c, e.file.hazard_id))], settings);
    c.attachments.push_back(std::move(e.file));
    append_audit(c, actor, std::move(what));
    return {};
}

Result<bool> set_evidence_caption(Case& c, const std::string& sha256, std::string caption, const Actor& actor) {
    const int i = attachment_index(c, sha256);
    if (i < 0) return case_error(c, "attachments", "this photo is no longer on the case");
    caption = trimmed(std::move(caption));
    Attachment& a = c.attachments[size_t(i)];
    if (caption == a.caption) return false;
    a.caption = caption;
    append_audit(c, actor, caption.empty() ? "Caption removed from " + a.filename : "Caption of " + a.filename + ": " + caption);
    return true;
}

Result<std::string> remove_lost_evidence(Case& c, const std::string& sha256, const Actor& actor) {
    const auto holds = [&](const Attachment& a) { return a.sha256 == sha256 || a.thumbnail_sha256 == sha256; };
    if (std::none_of(c.attachments.begin(), c.attachments.end(), holds))
        return case_error(c, "attachments", "no evidence on the case uses that file");
    std::string lost, thumbnail_of;
    for (auto it = c.attachments.begin(); it != c.attachments.end();) {
        if (it->thumbnail_sha256 == sha256) {
            it->thumbnail_sha256.clear();
            thumbnail_of = it->filename;
        }
        if (it->sha256 == sha256) {
            lost = it->filename;
            it = c.attachments.erase(it);
        } else {
            ++it;
        }
    }
    if (!lost.empty())
        append_audit(c, actor, "Evidence " + lost + " could not be kept on this device: the browser's storage is full");
    else
        append_audit(c, actor, "The thumbnail of " + thumbnail_of +
                                   " could not be kept on this device: the browser's storage is full, the photo is shown instead");
    return lost;
}

}  // namespace doorstep
