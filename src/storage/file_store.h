// FileStore: the one door every byte Doorstep keeps goes through.
//
// Paths are relative to the store's root and use '/' ("cases/<id>.json").
// A write never changes a file in place: the bytes go to "<path>.tmp" first and
// are renamed over the old file only once they are all written, so a crash or a
// full disk at any moment leaves either the old version or the new one, never
// half of each. Encryption at rest will wrap this interface later.
//
// on_changed(path) is called after each successful write, rename (for both
// names) and remove, and for each directory a write had to create (before its
// file). The browser uses it to persist exactly that path to IndexedDB
// (store_web.h); the native CLI leaves it empty.
#pragma once
#include "core/base/result.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace doorstep {

class FileStore {
public:
    virtual ~FileStore() = default;

    virtual Result<std::string> read(const std::string& path) = 0;
    // Replaces the whole file (temp file + rename); creates missing folders.
    virtual Status write(const std::string& path, std::string_view bytes) = 0;
    // Removing a file that does not exist succeeds: the caller wanted it gone.
    virtual Status remove(const std::string& path) = 0;
    // Atomic move; replaces `to` if it exists; creates `to`'s folders.
    virtual Status rename(const std::string& from, const std::string& to) = 0;
    // File names (not folders) directly inside `folder`, sorted; a missing folder is empty.
    virtual Result<std::vector<std::string>> list(const std::string& folder) = 0;
    virtual bool exists(const std::string& path) = 0;
    virtual Result<int64_t> size(const std::string& path) = 0;

    std::function<void(const std::string& path)> on_changed;

    // Non-empty: every change is refused with this message (the browser sets it
    // while another tab is the editor).
    std::string read_only_reason;

protected:
    void changed(const std::string& path) { if (on_changed) on_changed(path); }
};

// Simulated failures for tests: what a crash or a full device would do.
struct FaultPlan {
    enum class Kind {
        None,
        DiskFull,           // the temp file's write fails part-way with "no space left"
        CrashBeforeRename,  // the temp file is written, then the "process dies" before the rename
        RenameFails,        // the rename itself is refused
    };
    Kind kind = Kind::None;
    int after_ok_writes = 0;   // let this many writes (or renames) succeed first
    std::string path_prefix;   // only paths starting with this are affected ("" = all)
    bool once = true;          // clear the plan after it fires
};

// A plain POSIX directory: natively for the CLI and tests, and in the browser on
// the IDBFS mount (/data), since Emscripten's file system is POSIX-like.
class DirectoryStore : public FileStore {
public:
    explicit DirectoryStore(std::string root);

    const std::string& root() const { return root_; }
    std::string full_path(const std::string& path) const;

    Result<std::string> read(const std::string& path) override;
    Status write(const std::string& path, std::string_view bytes) override;
    Status remove(const std::string& path) override;
    Status rename(const std::string& from, const std::string& to) override;
    Result<std::vector<std::string>> list(const std::string& folder) override;
    bool exists(const std::string& path) override;
    Result<int64_t> size(const std::string& path) override;

    // fsync the file and its folder before and after the rename (native
    // durability); off for tests that write thousands of files.
    bool sync_to_disk = true;

    FaultPlan fault;
    int writes_done = 0;  // successful writes and renames, for FaultPlan and tests

private:
    Status make_parents(const std::string& path);
    bool fault_fires(const std::string& path);
    std::string root_;
};

// The reason a system error gives, in words a person can act on
// (ENOSPC -> "the device storage is full").
std::string describe_io_error(int err);

// A path is safe when it is relative, uses '/', and has no "", "." or ".." parts.
bool is_safe_store_path(std::string_view path);

}  // namespace doorstep
