// Evidence on the record (5.12): photos taken on a visit and documents
// received, kept on the case as attachments. The files themselves are stored
// by content hash first (storage/case_store.h); these rules change the case
// with the workflow contract (workflow.h): check first, an Error naming the
// case and field, the case untouched on error, one audit entry on success.
#pragma once
#include "core/base/result.h"
#include "core/model/audit.h"
#include "core/model/case.h"
#include "core/model/settings.h"

#include <optional>
#include <string>

namespace doorstep {

struct Evidence {
    Attachment file;     // already stored: sha256, filename, mime, size, added; hazard_id when it evidences one
    bool photo = false;  // taken through the photo pipeline (smaller, no location data)
};

// What add_evidence would refuse: no stored file or name, the same file already
// on the case (5.12 keeps one copy), or a hazard that is not on the case.
std::optional<Error> evidence_problem(const Case& c, const Evidence& e);

// 5.12: keeps the file on the case's record.
Status add_evidence(Case& c, Evidence e, const Settings& settings, const Actor& actor);

// Sets (or with blank text removes) the caption read out in place of the photo.
// Returns false, changing nothing, when the trimmed caption is the one it has.
Result<bool> set_evidence_caption(Case& c, const std::string& sha256, std::string caption, const Actor& actor);

// The device could not keep the file with this hash (its storage is full): the
// attachment it held leaves the case, or a thumbnail only is forgotten (the photo
// is then shown small). Returns the lost attachment's file name, "" for a thumbnail.
Result<std::string> remove_lost_evidence(Case& c, const std::string& sha256, const Actor& actor);

}  // namespace doorstep
