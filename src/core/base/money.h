// Money as whole pence: never floating point.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace doorstep {

struct Money {
    int64_t pence = 0;
    static constexpr Money from_pounds(int64_t pounds) { return Money{pounds * 100}; }
    friend constexpr Money operator+(Money a, Money b) { return Money{a.pence + b.pence}; }
    friend constexpr Money operator-(Money a, Money b) { return Money{a.pence - b.pence}; }
    friend constexpr Money operator*(Money a, int64_t k) { return Money{a.pence * k}; }
    Money& operator+=(Money b) { pence += b.pence; return *this; }
    friend constexpr bool operator==(Money a, Money b) { return a.pence == b.pence; }
    friend constexpr bool operator!=(Money a, Money b) { return a.pence != b.pence; }
    friend constexpr bool operator<(Money a, Money b) { return a.pence < b.pence; }
    friend constexpr bool operator<=(Money a, Money b) { return a.pence <= b.pence; }
    friend constexpr bool operator>(Money a, Money b) { return a.pence > b.pence; }
};

std::string format_money(Money m);                       // "£1,234.56", "-£5.00", "£0.00"
std::optional<Money> parse_money(std::string_view text);  // "1234.56", "£1,234.56", "15" -> pence; nullopt if malformed

}  // namespace doorstep
