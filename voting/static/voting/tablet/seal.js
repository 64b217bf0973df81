/* Sealing a ballot to the election's box (issue 11): the moment a child confirms, the answers
   are encrypted to the box's public key and only the ciphertext is kept and sent. Nobody can
   open it without the box's private key, which only the server's counting holds.

   Format (voting/sealing.py opens the same): ECDH P-256 between a fresh ephemeral key and the
   box key, HKDF-SHA256 (empty salt, info "liepaja-ballot-box-v1") to an AES-256-GCM key, a
   random 12-byte IV, no additional data; the plaintext is UTF-8 JSON
   {"age_band", "answers": [{"question", "option"}]}. Keys and bytes travel as base64url
   without padding. */

const SEAL_VERSION = 1;
const SEAL_INFO = "liepaja-ballot-box-v1";
export const CURVE = { name: "ECDH", namedCurve: "P-256" };

export function toBase64url(bytes) {
    let binary = "";
    for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64url(text) {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

/* The AES-GCM key both sides reach from one private key and the other side's public key. */
export async function boxKey(privateKey, publicKey, usage, subtle = globalThis.crypto.subtle) {
    const secret = await subtle.deriveBits({ name: "ECDH", public: publicKey }, privateKey, 256);
    const material = await subtle.importKey("raw", secret, "HKDF", false, ["deriveKey"]);
    return subtle.deriveKey(
        { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: new TextEncoder().encode(SEAL_INFO) },
        material, { name: "AES-GCM", length: 256 }, false, [usage],
    );
}

/* The sealed form of one ballot. `ephemeral` and `iv` are only given by tests that need a
   fixed vector; every real ballot gets a fresh key pair and IV. */
export async function sealBallot(box, ballot, { subtle = globalThis.crypto.subtle, ephemeral, iv } = {}) {
    if (!box || box.v !== SEAL_VERSION) throw new Error("Unknown ballot box version.");
    const boxPublic = await subtle.importKey("raw", fromBase64url(box.public_key), CURVE, false, []);
    const pair = ephemeral || (await subtle.generateKey(CURVE, false, ["deriveBits"]));
    const nonce = iv || globalThis.crypto.getRandomValues(new Uint8Array(12));
    const key = await boxKey(pair.privateKey, boxPublic, "encrypt", subtle);
    const plaintext = new TextEncoder().encode(JSON.stringify({ age_band: ballot.age_band, answers: ballot.answers }));
    const ciphertext = await subtle.encrypt({ name: "AES-GCM", iv: nonce }, key, plaintext);
    return {
        v: SEAL_VERSION,
        epk: toBase64url(await subtle.exportKey("raw", pair.publicKey)),
        iv: toBase64url(nonce),
        ct: toBase64url(ciphertext),
    };
}
