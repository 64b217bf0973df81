// Sealing a ballot with Node's WebCrypto, opened again with the box's (test) private key, and
// the fixed vector voting/tests/test_sealing_vector.py makes and opens with Python.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { boxKey, CURVE, fromBase64url, sealBallot, toBase64url } from "../../static/voting/tablet/seal.js";

const { subtle } = globalThis.crypto;
const vector = JSON.parse(readFileSync(new URL("./sealing_vector.json", import.meta.url), "utf-8"));
const BALLOT = { age_band: 3, answers: [{ question: 7, option: 70 }, { question: 8, option: null }] };

/* What the server's counting does: open a sealed ballot with the box's private key. */
async function openBallot(privateKey, sealed) {
    const ephemeral = await subtle.importKey("raw", fromBase64url(sealed.epk), CURVE, false, []);
    const key = await boxKey(privateKey, ephemeral, "decrypt");
    const plaintext = await subtle.decrypt({ name: "AES-GCM", iv: fromBase64url(sealed.iv) }, key, fromBase64url(sealed.ct));
    return JSON.parse(new TextDecoder().decode(plaintext));
}

async function newBox() {
    const pair = await subtle.generateKey(CURVE, true, ["deriveBits"]);
    const box = { v: 1, public_key: toBase64url(await subtle.exportKey("raw", pair.publicKey)) };
    return { box, privateKey: pair.privateKey };
}

const importJwk = (jwk, usages) => subtle.importKey("jwk", jwk, CURVE, true, usages);

test("a sealed ballot opens with the box's private key and holds nothing else in clear", async () => {
    const { box, privateKey } = await newBox();
    const sealed = await sealBallot(box, BALLOT);
    assert.deepEqual(Object.keys(sealed).sort(), ["ct", "epk", "iv", "v"]);
    assert.equal(sealed.v, 1);
    assert.equal(fromBase64url(sealed.epk).length, 65);
    assert.equal(fromBase64url(sealed.epk)[0], 4);  // uncompressed point
    assert.equal(fromBase64url(sealed.iv).length, 12);
    const plaintext = JSON.stringify(BALLOT);
    assert.equal(fromBase64url(sealed.ct).length, new TextEncoder().encode(plaintext).length + 16);
    assert.doesNotMatch(JSON.stringify(sealed), /question|option|=/);
    assert.deepEqual(await openBallot(privateKey, sealed), BALLOT);
});

test("two seals of the same ballot share no key, IV or ciphertext", async () => {
    const { box } = await newBox();
    const [first, second] = await Promise.all([sealBallot(box, BALLOT), sealBallot(box, BALLOT)]);
    assert.notEqual(first.epk, second.epk);
    assert.notEqual(first.iv, second.iv);
    assert.notEqual(first.ct, second.ct);
});

test("another box's key cannot open it, and a changed byte is refused", async () => {
    const { box, privateKey } = await newBox();
    const other = await newBox();
    const sealed = await sealBallot(box, BALLOT);
    await assert.rejects(openBallot(other.privateKey, sealed));
    const bytes = fromBase64url(sealed.ct);
    bytes[0] ^= 1;
    await assert.rejects(openBallot(privateKey, { ...sealed, ct: toBase64url(bytes) }));
});

test("an unknown box version is not sealed to", async () => {
    const { box } = await newBox();
    await assert.rejects(sealBallot({ ...box, v: 2 }, BALLOT));
    await assert.rejects(sealBallot(null, BALLOT));
});

test("with the vector's fixed ephemeral key and IV the tablet makes Python's ciphertext exactly", async () => {
    const ephemeral = {
        privateKey: await importJwk(vector.ephemeral_private_jwk, ["deriveBits"]),
        publicKey: await importJwk({ ...vector.ephemeral_private_jwk, d: undefined }, []),
    };
    const sealed = await sealBallot(vector.box, vector.ballot, { ephemeral, iv: fromBase64url(vector.sealed.iv) });
    assert.deepEqual(sealed, vector.sealed);
});

test("the vector made with Python opens with the box's private key in WebCrypto", async () => {
    const privateKey = await importJwk(vector.box_private_jwk, ["deriveBits"]);
    assert.deepEqual(await openBallot(privateKey, vector.sealed), vector.ballot);
});

test("base64url has no padding and round-trips every byte", () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = toBase64url(bytes);
    assert.match(text, /^[A-Za-z0-9_-]+$/);
    assert.deepEqual(fromBase64url(text), bytes);
});
