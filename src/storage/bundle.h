// Reading an export bundle (docs/storage.md "files"): the export document plus
// the attachment bytes, checked whole before anything uses them. One reader for
// every place a bundle arrives: CaseStore::import_bundle and the `doorstep`
// commands that read an export (a plain export is a bundle without files).
#pragma once
#include "core/model/dataset.h"
#include "core/data/import.h"
#include "core/base/result.h"
#include "storage/attachments.h"

#include <string>
#include <string_view>
#include <vector>

namespace doorstep {

struct BundleFile {
    std::string sha256;  // the key, equal to the hash of `bytes`
    std::string mime;    // normalised ("image/jpeg")
    std::string bytes;
};

struct Bundle {
    Dataset data;
    std::vector<BundleFile> files;  // empty for a plain export
    bool has_files = false;         // the document had a "files" object
};

// The dataset goes through parse_dataset; then every file is checked: the key is
// a SHA-256, the type accepted, the base64 whole, the size right, the contents of
// that type and within the limit, the hash equal to the key. Problems name each
// file by what refers to it ("files.<sha> damp.jpg (case DS-2025-000001)"); with
// `problems` given, every problem is listed there as well as summed up in the Error.
Result<Bundle> read_bundle(std::string_view text, const ImportLimits& limits = {},
                           const AttachmentLimits& attachment_limits = {}, Problems* problems = nullptr);

// True for 64 lowercase hex characters: how attachments are named in the store.
bool is_sha256_hex(std::string_view s);

}  // namespace doorstep
