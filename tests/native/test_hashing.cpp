#include <doctest/doctest.h>

#include "core/hashing.h"

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
