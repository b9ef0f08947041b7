#include "storage/file_store.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace doorstep {

std::string describe_io_error(int err) {
    switch (err) {
        case ENOSPC:
#ifdef EDQUOT
        case EDQUOT:
#endif
            return "the device storage is full";
        case EACCES:
        case EPERM:
            return "the app is not allowed to write to its storage";
        case EROFS:
            return "the storage is read-only";
        case ENOENT:
            return "the file does not exist";
        case EIO:
            return "the storage reported a read or write error";
        default:
            return std::string("the storage refused the change (") + std::strerror(err) + ")";
    }
}

bool is_safe_store_path(std::string_view path) {
    if (path.empty() || path.front() == '/' || path.back() == '/') return false;
    size_t start = 0;
    while (start <= path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        const std::string_view part = path.substr(start, end - start);
        if (part.empty() || part == "." || part == "..") return false;
        if (part.find('\0') != std::string_view::npos || part.find('\\') != std::string_view::npos) return false;
        start = end + 1;
    }
    return true;
}

DirectoryStore::DirectoryStore(std::string root) : root_(std::move(root)) {
    while (root_.size() > 1 && root_.back() == '/') root_.pop_back();
}

std::string DirectoryStore::full_path(const std::string& path) const {
    return path.empty() ? root_ : root_ + "/" + path;
}

namespace {

Error io_error(const std::string& path, int err) { return Error{path, describe_io_error(err)}; }

Error unsafe_path(const std::string& path) {
    return Error{path, "not a valid storage path (it must be relative, without \"..\" parts)"};
}

// write(2) until done; false with errno set on failure.
bool write_all(int fd, const char* p, size_t n) {
    while (n > 0) {
        const ssize_t k = ::write(fd, p, n);
        if (k < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += k;
        n -= size_t(k);
    }
    return true;
}

void sync_folder(const std::string& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

std::string parent_of(const std::string& path) {
    const size_t slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

}  // namespace

bool DirectoryStore::fault_fires(const std::string& path) {
    if (fault.kind == FaultPlan::Kind::None) return false;
    if (!fault.path_prefix.empty() && path.compare(0, fault.path_prefix.size(), fault.path_prefix) != 0) return false;
    if (fault.after_ok_writes > 0) {
        --fault.after_ok_writes;
        return false;
    }
    return true;
}

Status DirectoryStore::make_parents(const std::string& path) {
    const std::string folder = parent_of(path);
    if (folder.empty()) return Status::ok();
    size_t pos = 0;
    while (pos != std::string::npos) {
        pos = folder.find('/', pos + 1);
        const std::string part = folder.substr(0, pos);
        const std::string full = full_path(part);
        struct stat st;
        if (::stat(full.c_str(), &st) == 0) {
            if (!S_ISDIR(st.st_mode)) return Error{part, "a file is in the way of this folder"};
            continue;
        }
        if (::mkdir(full.c_str(), 0777) != 0 && errno != EEXIST) return io_error(part, errno);
        changed(part);  // IndexedDB needs the folder's own entry before its files
    }
    return Status::ok();
}

Result<std::string> DirectoryStore::read(const std::string& path) {
    if (!is_safe_store_path(path)) return unsafe_path(path);
    const std::string full = full_path(path);
    const int fd = ::open(full.c_str(), O_RDONLY);
    if (fd < 0) return io_error(path, errno);
    std::string out;
    struct stat st;
    if (::fstat(fd, &st) == 0 && st.st_size > 0) out.reserve(size_t(st.st_size));
    char buffer[64 * 1024];
    for (;;) {
        const ssize_t k = ::read(fd, buffer, sizeof buffer);
        if (k < 0) {
            if (errno == EINTR) continue;
            const int err = errno;
            ::close(fd);
            return io_error(path, err);
        }
        if (k == 0) break;
        out.append(buffer, size_t(k));
    }
    ::close(fd);
    return out;
}

Status DirectoryStore::write(const std::string& path, std::string_view bytes) {
    if (!is_safe_store_path(path)) return unsafe_path(path);
    if (!read_only_reason.empty()) return Error{path, read_only_reason};
    if (Status s = make_parents(path); !s) return s;

    const std::string full = full_path(path);
    const std::string temp = full + ".tmp";
    const bool fire = fault_fires(path);

    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (fd < 0) return io_error(path, errno);

    bool ok;
    int err = 0;
    if (fire && fault.kind == FaultPlan::Kind::DiskFull) {
        // A full device: some bytes land, then the write fails.
        (void)write_all(fd, bytes.data(), bytes.size() / 2);
        ok = false;
        err = ENOSPC;
    } else {
        ok = write_all(fd, bytes.data(), bytes.size());
        if (!ok) err = errno;
        if (ok && sync_to_disk && ::fsync(fd) != 0 && errno != EINVAL) {
            ok = false;
            err = errno;
        }
    }
    if (::close(fd) != 0 && ok) {
        ok = false;
        err = errno;
    }
    if (!ok) {
        ::unlink(temp.c_str());  // the old file was never touched
        if (fire && fault.once) fault = FaultPlan{};
        return io_error(path, err);
    }
    if (fire && fault.kind == FaultPlan::Kind::CrashBeforeRename) {
        // The process "dies" here: the temp file stays behind, as it would.
        if (fault.once) fault = FaultPlan{};
        return Error{path, "simulated crash before the new version was put in place"};
    }
    if (fire && fault.kind == FaultPlan::Kind::RenameFails) {
        ::unlink(temp.c_str());
        if (fault.once) fault = FaultPlan{};
        return io_error(path, EIO);
    }
    if (::rename(temp.c_str(), full.c_str()) != 0) {
        err = errno;
        ::unlink(temp.c_str());
        return io_error(path, err);
    }
    if (sync_to_disk) sync_folder(parent_of(full));
    ++writes_done;
    changed(path);
    return Status::ok();
}

Status DirectoryStore::remove(const std::string& path) {
    if (!is_safe_store_path(path)) return unsafe_path(path);
    if (!read_only_reason.empty()) return Error{path, read_only_reason};
    if (::unlink(full_path(path).c_str()) != 0) {
        if (errno == ENOENT) return Status::ok();
        return io_error(path, errno);
    }
    changed(path);
    return Status::ok();
}

Status DirectoryStore::rename(const std::string& from, const std::string& to) {
    if (!is_safe_store_path(from)) return unsafe_path(from);
    if (!is_safe_store_path(to)) return unsafe_path(to);
    if (!read_only_reason.empty()) return Error{to, read_only_reason};
    if (Status s = make_parents(to); !s) return s;
    if (fault_fires(to) && fault.kind == FaultPlan::Kind::RenameFails) {
        if (fault.once) fault = FaultPlan{};
        return io_error(to, EIO);
    }
    if (::rename(full_path(from).c_str(), full_path(to).c_str()) != 0) return io_error(from, errno);
    if (sync_to_disk) sync_folder(parent_of(full_path(to)));
    ++writes_done;
    changed(to);    // the new name first: a crash between the two persists keeps both, never neither
    changed(from);
    return Status::ok();
}

Result<std::vector<std::string>> DirectoryStore::list(const std::string& folder) {
    if (!folder.empty() && !is_safe_store_path(folder)) return unsafe_path(folder);
    const std::string full = full_path(folder);
    std::vector<std::string> names;
    DIR* dir = ::opendir(full.c_str());
    if (!dir) {
        if (errno == ENOENT) return names;
        return io_error(folder, errno);
    }
    while (const dirent* e = ::readdir(dir)) {
        const std::string name = e->d_name;
        if (name == "." || name == "..") continue;
        struct stat st;
        if (::stat((full + "/" + name).c_str(), &st) == 0 && S_ISREG(st.st_mode)) names.push_back(name);
    }
    ::closedir(dir);
    std::sort(names.begin(), names.end());
    return names;
}

bool DirectoryStore::exists(const std::string& path) {
    if (!is_safe_store_path(path)) return false;
    struct stat st;
    return ::stat(full_path(path).c_str(), &st) == 0;
}

Result<int64_t> DirectoryStore::size(const std::string& path) {
    if (!is_safe_store_path(path)) return unsafe_path(path);
    struct stat st;
    if (::stat(full_path(path).c_str(), &st) != 0) return io_error(path, errno);
    return int64_t(st.st_size);
}

}  // namespace doorstep
