// Errors as values: every rule the engine enforces answers with an Error that
// names where the problem is and says what a person can do about it.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace doorstep {

struct Error {
    std::string where;    // e.g. "case DS-2025-000123, stage1.definition" or "" when general
    std::string message;  // plain words a person can act on
    std::string text() const { return where.empty() ? message : where + ": " + message; }
};

// A list of problems, for validators that report everything at once.
using Problems = std::vector<Error>;

// Status of an action that returns nothing: empty on success.
class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Error e) : error_(std::move(e)) {}
    static Status ok() { return {}; }
    bool is_ok() const { return !error_; }
    explicit operator bool() const { return is_ok(); }
    const Error& error() const { return *error_; }
private:
    std::optional<Error> error_;
};

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error e) : v_(std::move(e)) {}
    bool is_ok() const { return v_.index() == 0; }
    explicit operator bool() const { return is_ok(); }
    T& value() { return std::get<0>(v_); }
    const T& value() const { return std::get<0>(v_); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<1>(v_); }
private:
    std::variant<T, Error> v_;
};

}  // namespace doorstep
