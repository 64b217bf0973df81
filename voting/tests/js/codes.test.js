// The tablet's card codes against the vectors ballots/codes.py made (ballots/check_vectors.json).
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { CHECK_ALPHABET, CODE_ALPHABET, canonicalCode, checkCharacter, offlineDigest } from "../../static/voting/tablet/codes.js";

const vectors = JSON.parse(readFileSync(new URL("../../../ballots/check_vectors.json", import.meta.url), "utf-8"));

test("the alphabets are the ones ballots/codes.py uses", () => {
    assert.equal(CODE_ALPHABET, vectors.alphabet);
    assert.equal(CHECK_ALPHABET, vectors.check_alphabet);
});

test("each code's check character is the one Python computed", () => {
    assert.equal(vectors.codes.length, 37);
    for (const code of vectors.codes) {
        assert.equal(checkCharacter(code.slice(0, 12)), code[12], code);
        assert.equal(canonicalCode(code), code);
    }
});

test("typed, grouped, aliased and scanned forms give the canonical code", () => {
    for (const { typed, code } of vectors.typed) assert.equal(canonicalCode(typed), code, typed);
});

test("every single-character error and adjacent swap is refused", () => {
    assert.ok(vectors.rejected.length > 100);
    for (const { typed } of vectors.rejected) assert.equal(canonicalCode(typed), null, typed);
});

test("text that is not a code is refused", () => {
    for (const typed of ["", "   ", "ABC", vectors.codes[0] + "0", "UUUUUUUUUUUU0", null]) {
        assert.equal(canonicalCode(typed), null, String(typed));
    }
});

test("the offline digest is sha256(salt + code), cut to its bytes, in hex", async () => {
    const code = vectors.codes[3];
    const expected = createHash("sha256").update("salt-" + code).digest("hex").slice(0, 16);
    assert.equal(await offlineDigest("salt-", code, 8), expected);
});
