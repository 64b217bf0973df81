// The tablet's card codes against the vectors ballots/codes.py made (ballots/check_vectors.json).
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { CODE_ALPHABET, canonicalCode, checkCharacter, offlineDigest } from "../../static/voting/tablet/codes.js";

const vectors = JSON.parse(readFileSync(new URL("../../../ballots/check_vectors.json", import.meta.url), "utf-8"));

test("the alphabet is the one ballots/codes.py uses, letters and digits only", () => {
    assert.equal(CODE_ALPHABET, vectors.alphabet);
    assert.match(CODE_ALPHABET, /^[0-9A-Z]{32}$/);
});

test("each code's check character is the one Python computed", () => {
    assert.deepEqual(new Set(vectors.codes.map((code) => code[12])), new Set(CODE_ALPHABET));
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
    for (const typed of ["", "   ", "ABC", vectors.codes[0] + "0", "UUUUUUUUUUUU0", vectors.codes[0].slice(0, 12) + "*", null]) {
        assert.equal(canonicalCode(typed), null, String(typed));
    }
});

test("the offline digest is sha256(salt + code), cut to its bytes, in hex", async () => {
    const code = vectors.codes[3];
    const expected = createHash("sha256").update("salt-" + code).digest("hex").slice(0, 16);
    assert.equal(await offlineDigest("salt-", code, 8), expected);
});

/* A small seeded generator (mulberry32): the same "random" cases on every run. */
function generator(seed) {
    let a = seed;
    return (n) => {
        a = (a + 0x6d2b79f5) | 0;
        let t = Math.imul(a ^ (a >>> 15), 1 | a);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) % n;
    };
}

test("over thousands of random codes, any one typing mistake or swap is caught", () => {
    const random = generator(2025);
    const pick = (alphabet) => alphabet[random(alphabet.length)];
    for (let round = 0; round < 3000; round += 1) {
        const data = Array.from({ length: 12 }, () => pick(CODE_ALPHABET)).join("");
        const code = data + checkCharacter(data);
        assert.equal(canonicalCode(code.toLowerCase().replace(/(.{4})/g, "$1-")), code);
        const position = random(13);
        const wrong = CODE_ALPHABET[(CODE_ALPHABET.indexOf(code[position]) + 1 + random(31)) % 32];
        assert.equal(canonicalCode(code.slice(0, position) + wrong + code.slice(position + 1)), null);
        const swap = random(12); // the check character swaps too
        if (code[swap] !== code[swap + 1]) {
            assert.equal(canonicalCode(code.slice(0, swap) + code[swap + 1] + code[swap] + code.slice(swap + 2)), null);
        }
    }
});

test("junk never passes unless it is a code with its own check character", () => {
    const random = generator(7);
    const characters = CODE_ALPHABET + "*~$=UoilOIL -_./:?#%abcxyz€ā";
    for (let round = 0; round < 5000; round += 1) {
        const typed = Array.from({ length: random(20) }, () => characters[random(characters.length)]).join("");
        const code = canonicalCode(typed);
        if (code !== null) {
            assert.equal(code.length, 13);
            assert.equal(checkCharacter(code.slice(0, 12)), code[12]);
        }
    }
});
