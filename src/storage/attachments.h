// What may be attached to a case as evidence (5.12), checked the same way when
// a photo is taken and when an export bundle is imported: an accepted type, a
// size within the limit, and bytes that really are that type.
#pragma once
#include "core/base/file_size.h"  // describe_size, for callers that report a file
#include "core/base/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace doorstep {

struct AttachmentLimits {
    int64_t max_bytes = 25 * 1024 * 1024;  // one file; tablet photos are 2-8 MB
};

struct AttachmentType {
    const char* mime;   // "image/jpeg"
    const char* label;  // "JPEG photo"
};

// Every accepted type, in the order they are offered ("image/jpeg", "image/png", ...).
const std::vector<AttachmentType>& accepted_attachment_types();

// The accept attribute for a file chooser: "image/jpeg,image/png,...".
std::string attachment_accept_list();

// "image/JPG; charset=x" -> "image/jpeg": lowercase, no parameters, common aliases.
std::string normalise_mime(std::string_view mime);

// The type the bytes say they are, from their first bytes; "" when unknown.
std::string sniff_mime(std::string_view bytes);

// Checks one file; the Error's where is the file name, its message says what to do.
Status check_attachment(std::string_view bytes, std::string_view mime, const std::string& filename,
                        const AttachmentLimits& limits = {});

}  // namespace doorstep
