// An invented dataset for demonstrations, training and tests: realistic in
// shape, obviously fictional in content ("14 Example Row, Sampletown",
// "Alex Sample", 01632 960xxx numbers, ZZ99 postcodes), deterministic for a
// seed. Cases are built through the workflow functions (workflow.h) wherever
// one exists, so they obey the Code's rules exactly as real records would;
// every case is marked demo = true and saved once (a revision) on `device`.
//
// What it covers, given enough cases (about 60 or more; fewer cases cover less):
// every kind, category and channel; refusals on every ground, and a refusal to
// escalate; acknowledgements and responses on time and late; extensions agreed,
// objected to, beyond the limit with a good reason, and set at acknowledgement;
// agreed update intervals with missed updates; escalations in the window and
// late (accepted on discretion or refused); remedies in every state and outstanding
// actions; reasonable adjustments, contact restrictions, representatives (with
// consent, councillors and MPs), conflicts of interest, related issues (6.8)
// joined and logged separately, service requests and enquiries turned into
// complaints (1.5); withdrawals; 2022-Code legacy records, one with a stage 3;
// Awaab's Law hazards of every phase-1 type, emergency and significant; Ombudsman
// referrals with every determination and orders; surveys; letters sent; learning
// items; monthly quality checks; a non-compliance event; and two years of signed
// self-assessment, the later copied forward from the earlier.
// Hazards carry placeholder photos (demo_photos.h: drawn PNGs with a "SAMPLE
// PHOTO" banner and a thumbnail) as attachments; some hazards have none. A
// handful of distinct pictures serve every case, so the bytes stay small at
// 10,000 cases. make_demo hands back those bytes with the dataset.
#pragma once
#include "core/model/dataset.h"
#include "core/base/date.h"
#include "core/base/result.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace doorstep {

struct DemoOptions {
    int cases = 500;                             // exactly this many records (1 .. 100000)
    uint64_t seed = 1;
    Date on = Date::from_serial(20178);          // "today" (2025-03-31): cases spread over the year before
    std::string device = "demo-device";
};

struct DemoFile {
    std::string mime;   // "image/png"
    std::string bytes;
};

struct Demo {
    Dataset dataset;
    std::map<std::string, DemoFile> files;  // sha256 -> bytes of every attachment and thumbnail the cases name
};

// Fails only if a workflow rule refuses a step (a bug in the generator or in
// the rules), naming the case and the step.
Result<Demo> make_demo(const DemoOptions& options);

// The demo as an export bundle (docs/storage.md "files"): the export document
// stamped `exported_at`, plus "files": {sha256: {"mime", "size", "base64"}},
// the shape CaseStore::export_bundle writes and import_bundle reads.
std::string demo_bundle_text(const Demo& demo, std::string_view exported_at);

// The same dataset without the attachment records (there are no bytes to go
// with them), for callers that want the records only: a JSON-only export,
// benchmarks. Everything else is identical to make_demo's for the same options.
Result<Dataset> make_demo_dataset(const DemoOptions& options);

}  // namespace doorstep
