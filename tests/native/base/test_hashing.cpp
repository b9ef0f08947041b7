#include <doctest/doctest.h>

#include "core/base/hashing.h"
#include "core/base/ids.h"

#include <set>
#include <string>

using namespace doorstep;

// NIST FIPS 180-2 / CAVP example vectors.
TEST_CASE("sha256: standard vectors") {
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu") ==
          "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256: padding edges and binary bytes") {
    // 55, 56 and 64 bytes straddle the one-block / two-block padding boundary.
    CHECK(sha256_hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    CHECK(sha256_hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    CHECK(sha256_hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
    const std::string zeros(3, '\0');
    CHECK(sha256_hex(zeros) == "709e80c88487a2411e1ee4dfb9f22a861492d20c4765150c0c794abd70f8147c");
}

TEST_CASE("sha256: pieces give the same hash as the whole") {
    std::string text;
    for (int i = 0; i < 1000; ++i) text += static_cast<char>((i * 37) & 0xff);
    const std::string whole = sha256_hex(text);
    for (size_t piece : {1u, 3u, 63u, 64u, 65u, 200u}) {
        Sha256 h;
        for (size_t at = 0; at < text.size(); at += piece) h.update(std::string_view(text).substr(at, piece));
        CHECK(h.finish_hex() == whole);
    }
    CHECK(sha256_hex("abd") != sha256_hex("abc"));
}

// ---- ids.h: the seedable generator and UUIDs ----

TEST_CASE("rng: same seed, same sequence, on every platform") {
    Rng zero(0);
    CHECK(zero.s[0] == 0xe220a8397b1dcdafULL);  // splitmix64's published first output for state 0
    // Values from an independent implementation of xoshiro256** seeded by splitmix64.
    Rng r(42);
    CHECK(r.next() == 0x15780b2e0c2ec716ULL);
    CHECK(r.next() == 0x6104d9866d113a7eULL);
    CHECK(r.next() == 0xae17533239e499a1ULL);
    Rng a(7), b(7), c(8);
    bool all_same = true, any_diff = false;
    for (int i = 0; i < 100; ++i) {
        const uint64_t x = a.next();
        all_same = all_same && x == b.next();
        any_diff = any_diff || x != c.next();
    }
    CHECK(all_same);
    CHECK(any_diff);
}

TEST_CASE("rng: ranges") {
    Rng r(1);
    int counts[6] = {};
    for (int i = 0; i < 60000; ++i) {
        const int v = r.between(1, 6);
        REQUIRE(v >= 1);
        REQUIRE(v <= 6);
        ++counts[v - 1];
    }
    for (int c : counts) CHECK((c > 9000 && c < 11000));  // fair die, roughly
    CHECK(r.below(0) == 0);
    CHECK(r.below(1) == 0);
    CHECK(r.between(5, 5) == 5);
    CHECK(r.between(9, 3) == 9);
    const int wide = r.between(-2000000000, 2000000000);
    CHECK((wide >= -2000000000 && wide <= 2000000000));
    int heads = 0;
    for (int i = 0; i < 10000; ++i) {
        const double u = r.unit();
        REQUIRE(u >= 0.0);
        REQUIRE(u < 1.0);
        heads += r.chance(0.25);
    }
    CHECK((heads > 2200 && heads < 2800));
    CHECK_FALSE(r.chance(0.0));
    CHECK(r.chance(1.0));
}

TEST_CASE("uuid: version 4, lowercase, unique") {
    Rng r(42);
    CHECK(new_uuid(r) == "15780b2e-0c2e-4716-a104-d9866d113a7e");  // same independent implementation
    std::set<std::string> seen;
    for (int i = 0; i < 10000; ++i) {
        const std::string u = new_uuid(r);
        REQUIRE(is_uuid(u));
        REQUIRE(u[14] == '4');
        REQUIRE(std::string("89ab").find(u[19]) != std::string::npos);
        seen.insert(u);
    }
    CHECK(seen.size() == 10000);
    Rng e1(entropy_seed()), e2(entropy_seed());
    CHECK(new_uuid(e1) != new_uuid(e2));
}

TEST_CASE("uuid: is_uuid") {
    CHECK(is_uuid("1b4e28ba-2fa1-4d2e-883f-0016d3cca427"));
    CHECK(is_uuid("00000000-0000-0000-0000-000000000000"));
    CHECK_FALSE(is_uuid("1B4E28BA-2FA1-4D2E-883F-0016D3CCA427"));
    CHECK_FALSE(is_uuid("1b4e28ba2fa14d2e883f0016d3cca427"));
    CHECK_FALSE(is_uuid("1b4e28ba-2fa1-4d2e-883f-0016d3cca42"));
    CHECK_FALSE(is_uuid("1b4e28ba-2fa1-4d2e-883f-0016d3cca4277"));
    CHECK_FALSE(is_uuid("1b4e28ba-2fa1-4d2e-883f_0016d3cca427"));
    CHECK_FALSE(is_uuid("{1b4e28ba-2fa1-4d2e-883f-0016d3cca42}"));
    CHECK_FALSE(is_uuid("1b4e28ba-2fa1-4d2e-883f-0016d3cca42g"));
    CHECK_FALSE(is_uuid(""));
}
