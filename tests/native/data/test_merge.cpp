// Revisions and merge: descendants win, identical revisions are one, true
// conflicts keep every version with a deterministic winner, resolutions travel
// and are never undone by an older file.
#include "core/data/case_json.h"
#include "core/base/hashing.h"
#include "core/data/import.h"
#include "core/data/merge.h"
#include "core/data/revisions.h"

#include "case_fixtures.h"

#include <doctest/doctest.h>

using namespace doorstep;
using namespace doorstep::fixtures;

namespace {

const Actor kActor{"Kim Manager", "2025-04-01T09:00"};

// Merge carries attachments too.
Case saved_with_attachments(const std::string& id, const std::string& ref, const std::string& device) {
    return fixtures::saved_case(id, ref, device, true);
}

const char* kId1 = "0b4e28ba-2fa1-4d2e-883f-0016d3cca427";
const char* kId2 = "1b4e28ba-2fa1-4d2e-883f-0016d3cca427";

}  // namespace

TEST_CASE("revisions: N-hash from the canonical JSON and the previous rev, newest first") {
    Case c = full_case();
    c.rev.clear();
    c.rev_ids.clear();
    c.raised_from_case.clear();
    c.linked_cases.clear();
    const std::string expected1 = sha256_hex(case_canonical_json(c)).substr(0, 32);
    bump_revision(c, "tablet-1");
    CHECK(c.rev == "1-" + expected1);
    CHECK(c.rev_ids == std::vector<std::string>{expected1});
    CHECK(c.device == "tablet-1");

    c.own_words = "changed";
    const std::string expected2 = sha256_hex(case_canonical_json(c) + "1-" + expected1).substr(0, 32);
    bump_revision(c, "tablet-2");
    CHECK(c.rev == "2-" + expected2);
    CHECK(c.rev_ids == std::vector<std::string>{expected2, expected1});
    CHECK(has_in_history(c, "1-" + expected1));
    CHECK(has_in_history(c, c.rev));
    CHECK_FALSE(has_in_history(c, "1-" + expected2));
    CHECK_FALSE(has_in_history(c, "3-" + expected2));

    // A save with no change still makes a new revision (the previous rev is in the hash).
    const std::string before = c.rev;
    bump_revision(c, "tablet-2");
    CHECK(c.rev != before);
    CHECK(c.rev.rfind("3-", 0) == 0);
    CHECK(parse_dataset(export_dataset(with_cases({c}), "2025-04-01T09:00")).is_ok());
}

TEST_CASE("revisions: the same edit from the same revision gives the same rev on any device") {
    const Case base = saved_with_attachments(kId1, "DS-2025-000001", "tablet-1");
    const Case a = edited(base, "same words", "tablet-1");
    const Case b = edited(base, "same words", "tablet-2");
    CHECK(a.rev == b.rev);
    bool conflict = true;
    const Case m = merge_case(a, b, &conflict);
    CHECK_FALSE(conflict);
    CHECK(m.conflicts.empty());
}

TEST_CASE("revisions: the history is capped at 1000") {
    Case c = saved_with_attachments(kId1, "DS-2025-000001", "tablet-1");
    for (int i = 0; i < 1005; ++i) bump_revision(c, "tablet-1");
    CHECK(c.rev.rfind("1006-", 0) == 0);
    CHECK(c.rev_ids.size() == kMaxRevisionHistory);
    CHECK(parse_dataset(export_dataset(with_cases({c}), "2025-04-01T09:00")).is_ok());
}

TEST_CASE("revisions: rev parsing and CouchDB's winner order") {
    CHECK(parse_rev("12-0123456789abcdef0123456789abcdef")->number == 12);
    CHECK_FALSE(parse_rev("0-0123456789abcdef0123456789abcdef"));
    CHECK_FALSE(parse_rev("01-0123456789abcdef0123456789abcdef"));
    CHECK_FALSE(parse_rev("1-0123456789ABCDEF0123456789abcdef"));
    CHECK_FALSE(parse_rev("1-0123"));
    CHECK_FALSE(parse_rev(""));
    CHECK(compare_revs("10-00000000000000000000000000000000", "9-ffffffffffffffffffffffffffffffff") > 0);
    CHECK(compare_revs("3-a0000000000000000000000000000000", "3-b0000000000000000000000000000000") < 0);
    CHECK(compare_revs("3-a0000000000000000000000000000000", "3-a0000000000000000000000000000000") == 0);
}

TEST_CASE("merge: union by id, identical revisions are one") {
    const Case one = saved_with_attachments(kId1, "DS-2025-000001", "tablet-1");
    const Case two = saved_with_attachments(kId2, "DS-2025-000002", "tablet-2");
    MergeReport report;
    const Dataset m = merge_datasets({with_cases({one}), with_cases({one, two}), with_cases({two})}, report);
    REQUIRE(m.cases.size() == 2);
    CHECK(report.merged == 2);
    CHECK(report.added == 1);
    CHECK(report.unchanged == 2);
    CHECK(report.updated == 0);
    CHECK(report.conflicts == 0);
    CHECK(report.messages.empty());
}

TEST_CASE("merge: the descendant wins, whichever file comes first") {
    const Case base = saved_with_attachments(kId1, "DS-2025-000001", "tablet-1");
    const Case later = edited(edited(base, "first edit", "tablet-2"), "second edit", "tablet-2");
    for (int order = 0; order < 2; ++order) {
        MergeReport report;
        const Dataset m = order == 0 ? merge_datasets({with_cases({base}), with_cases({later})}, report)
                                     : merge_datasets({with_cases({later}), with_cases({base})}, report);
        REQUIRE(m.cases.size() == 1);
        CHECK(m.cases[0].rev == later.rev);
        CHECK(m.cases[0].own_words == "second edit");
        CHECK(m.cases[0].conflicts.empty());
        CHECK(report.conflicts == 0);
        CHECK(report.updated == (order == 0 ? 1 : 0));
        CHECK(report.unchanged == (order == 0 ? 0 : 1));
    }
}

TEST_CASE("merge: a true conflict keeps both, with CouchDB's deterministic winner") {
    const Case base = saved_with_attachments(kId1, "DS-2025-000001", "tablet-1");
    const Case a = edited(base, "edit on tablet 1", "tablet-1");
    const Case b = edited(base, "edit on tablet 2", "tablet-2");
    REQUIRE(a.rev != b.rev);
    const Case& expected_winner = compare_revs(a.rev, b.rev) > 0 ? a : b;
    const Case& expected_loser = compare_revs(a.rev, b.rev) > 0 ? b : a;

    MergeReport ab, ba;
    const Dataset m1 = merge_datasets({with_cases({a}), with_cases({b})}, ab);
    const Dataset m2 = merge_datasets({with_cases({b}), with_cases({a})}, ba);
    REQUIRE(m1.cases.size() == 1);
    CHECK(m1.cases[0].rev == expected_winner.rev);
    REQUIRE(m1.cases[0].conflicts.size() == 1);
    CHECK(m1.cases[0].conflicts[0].rev == expected_loser.rev);
    CHECK(m1.cases[0].conflicts[0].own_words == expected_loser.own_words);
    CHECK(ab.conflicts == 1);
    CHECK(ab.updated == 1);
    REQUIRE(ab.messages.size() == 1);
    CHECK(ab.messages[0].find("DS-2025-000001: changed on more than one device") == 0);
    CHECK(ab.messages[0].find("tablet-2") != std::string::npos);
    // Order of files does not matter.
    CHECK(export_dataset(m1, "2025-04-01T09:00") == export_dataset(m2, "2025-04-01T09:00"));
    // The conflicted case is a valid export and reads back with its versions.
    const Result<Dataset> back = parse_dataset(export_dataset(m1, "2025-04-01T09:00"));
    REQUIRE(back.is_ok());
    CHECK(back->cases[0].conflicts.size() == 1);
    // Merging the result again changes nothing.
    MergeReport again;
    const Dataset m3 = merge_datasets({m1, with_cases({a}), with_cases({b})}, again);
    CHECK(export_dataset(m3, "2025-04-01T09:00") == export_dataset(m1, "2025-04-01T09:00"));
    CHECK(again.unchanged == 2);
    CHECK(again.messages.empty());
}

TEST_CASE("merge: three devices in conflict keep three versions") {
    const Case base = saved_with_attachments(kId1, "DS-2025-000001", "tablet-1");
    const Case a = edited(base, "one", "tablet-1");
    const Case b = edited(base, "two", "tablet-2");
    const Case c = edited(edited(base, "three", "tablet-3"), "three again", "tablet-3");
    MergeReport report;
    const Dataset m = merge_datasets({with_cases({a}), with_cases({b}), with_cases({c})}, report);
    REQUIRE(m.cases.size() == 1);
    CHECK(m.cases[0].rev == c.rev);  // rev 3 beats rev 2
    CHECK(m.cases[0].conflicts.size() == 2);
    CHECK(report.conflicts == 1);
}

TEST_CASE("merge: a conflict is not lost when a later edit never saw it") {
    const Case base = saved_with_attachments(kId1, "DS-2025-000001", "tablet-1");
    const Case a = edited(base, "A", "tablet-1");
    const Case b = edited(base, "B", "tablet-2");
    const Case conflicted = merge_case(a, b);
    REQUIRE(conflicted.conflicts.size() == 1);
    const Case& winner = conflicted;
    // A device that has only the winner keeps editing it.
    Case plain_winner = winner;
    plain_winner.conflicts.clear();
    const Case newer = edited(plain_winner, "newer", "tablet-3");
    const Case m = merge_case(conflicted, newer);
    CHECK(m.rev == newer.rev);
    REQUIRE(m.conflicts.size() == 1);
    CHECK(m.conflicts[0].rev == conflicted.conflicts[0].rev);
}

TEST_CASE("merge: resolving a conflict travels and is not undone by older files") {
    const Case base = saved_with_attachments(kId1, "DS-2025-000001", "tablet-1");
    const Case a = edited(base, "A", "tablet-1");
    const Case b = edited(base, "B", "tablet-2");
    Case c = merge_case(a, b);
    REQUIRE(c.conflicts.size() == 1);
    const std::string loser_rev = c.conflicts[0].rev;
    const std::string loser_words = c.conflicts[0].own_words;
    const std::string winner_rev = c.rev;

    SUBCASE("keep the losing version") {
        REQUIRE(resolve_conflict(c, 1, kActor, "office-pc").is_ok());
        CHECK(c.conflicts.empty());
        CHECK(c.own_words == loser_words);
        CHECK(has_in_history(c, loser_rev));
        CHECK(c.discarded_revs == std::vector<std::string>{winner_rev});
        CHECK(c.audit.back().what.find("Conflict resolved") == 0);
        CHECK(c.audit.back().who == "Kim Manager");
        // Old files with either version, or with the conflict, do not bring it back.
        for (const Case& old : {a, b, merge_case(a, b)}) {
            const Case m1 = merge_case(c, old);
            const Case m2 = merge_case(old, c);
            CHECK(m1.rev == c.rev);
            CHECK(m1.conflicts.empty());
            CHECK(m2.rev == c.rev);
            CHECK(m2.conflicts.empty());
        }
        CHECK(parse_dataset(export_dataset(with_cases({c}), "2025-04-01T09:00")).is_ok());
    }
    SUBCASE("keep the current version") {
        REQUIRE(resolve_conflict(c, 0, kActor, "office-pc").is_ok());
        CHECK(c.conflicts.empty());
        CHECK(has_in_history(c, winner_rev));
        CHECK(c.discarded_revs == std::vector<std::string>{loser_rev});
        CHECK(merge_case(c, b).conflicts.empty());
    }
    SUBCASE("a version that does not exist, or no conflict at all") {
        const Status bad = resolve_conflict(c, 2, kActor, "office-pc");
        REQUIRE_FALSE(bad.is_ok());
        CHECK(bad.error().text() == "case DS-2025-000001, conflicts: there is no version 2: choose 0 (the current version) to 1");
        CHECK(c.conflicts.size() == 1);  // unchanged
        Case plain = a;
        CHECK_FALSE(resolve_conflict(plain, 0, kActor, "office-pc").is_ok());
    }
}

TEST_CASE("merge: learning items and assessments by id — the fuller one wins and it is reported") {
    Dataset one = full_dataset();
    Dataset two = full_dataset();
    two.learning[0].done.reset();      // less filled in
    two.learning.push_back(LearningItem{"l2", "Communication", "", "", "", std::nullopt, std::nullopt, {}});
    one.assessments[1].answers.clear();  // the other file has more answers
    for (Dataset* d : {&one, &two})
        for (Case& c : d->cases) bump_revision(c, "tablet-1");
    for (int order = 0; order < 2; ++order) {
        MergeReport report;
        const Dataset m = order == 0 ? merge_datasets({one, two}, report) : merge_datasets({two, one}, report);
        REQUIRE(m.learning.size() == 2);
        const LearningItem& l1 = m.learning[0].id == "l1" ? m.learning[0] : m.learning[1];
        CHECK(l1.done.has_value());
        REQUIRE(m.assessments.size() == 2);
        const SelfAssessment& sa = m.assessments[0].id == "sa-2025" ? m.assessments[0] : m.assessments[1];
        CHECK(sa.answers.size() == 1);
        CHECK(report.messages.size() == 2);
        CHECK(report.messages[0].find("' differed between files: kept the fuller version") != std::string::npos);
    }
}

TEST_CASE("merge: two copies of one revision with different content are a conflict kept for a person") {
    const Case base = saved_with_attachments(kId1, "DS-2025-000001", "tablet-1");
    Case a = base;
    Case b = base;
    b.own_words = "changed on tablet 2 without a new revision";
    REQUIRE(a.rev == b.rev);

    MergeReport ab, ba;
    const Dataset m1 = merge_datasets({with_cases({a}), with_cases({b})}, ab);
    const Dataset m2 = merge_datasets({with_cases({b}), with_cases({a})}, ba);
    REQUIRE(m1.cases.size() == 1);
    CHECK(ab.unchanged == 0);
    CHECK(ab.updated == 1);
    CHECK(ab.conflicts == 1);
    REQUIRE(m1.cases[0].conflicts.size() == 1);
    // Both contents are kept, whichever file came first.
    const std::string w = m1.cases[0].own_words, l = m1.cases[0].conflicts[0].own_words;
    CHECK(((w == a.own_words && l == b.own_words) || (w == b.own_words && l == a.own_words)));
    CHECK(m1.cases[0].rev != m1.cases[0].conflicts[0].rev);
    REQUIRE(ab.messages.size() == 1);
    CHECK(ab.messages[0].find("DS-2025-000001: changed on more than one device") == 0);
    CHECK(export_dataset(m1, "2025-04-01T09:00") == export_dataset(m2, "2025-04-01T09:00"));
    // A valid export, and merging the same copies again adds nothing.
    REQUIRE(parse_dataset(export_dataset(m1, "2025-04-01T09:00")).is_ok());
    MergeReport again;
    const Dataset m3 = merge_datasets({m1, with_cases({a}), with_cases({b})}, again);
    CHECK(export_dataset(m3, "2025-04-01T09:00") == export_dataset(m1, "2025-04-01T09:00"));
    CHECK(again.unchanged == 2);
}
