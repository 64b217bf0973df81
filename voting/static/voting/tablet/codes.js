/* Ballot card codes as the tablet reads them: the same rules as ballots/codes.py (twelve
   Crockford base32 characters and a Damm check character over GF(2^5), letters and digits
   only; the reasoning is in codes.py's docstring). ballots/check_vectors.json holds codes both
   implementations are tested against, so the two can never drift apart. */

export const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const DATA_LENGTH = 12;
const FIELD_MODULUS = 0b100101; // x^5 + x^2 + 1
const QR_PAYLOAD = /\/b\/(\d+)\/([^/?#]+)\/?(?:[?#].*)?$/;
const SEPARATORS = /[\s\-_.·]+/g;

/* The state multiplied by the field element x in GF(2^5). */
function timesX(state) {
    const doubled = state << 1;
    return doubled & 0b100000 ? doubled ^ FIELD_MODULUS : doubled;
}

/* Damm's interim state after folding in each base32 digit: s <- x*s + d (+ is XOR). */
export function dammState(text) {
    let state = 0;
    for (const character of text) state = timesX(state) ^ CODE_ALPHABET.indexOf(character);
    return state;
}

/* The check character (one of the 32 base32 digits) that brings Damm's state back to 0. */
export function checkCharacter(data) {
    return CODE_ALPHABET[timesX(dammState(data))];
}

/* The canonical 13-character code from a scanned QR payload or typed text, or null. */
export function canonicalCode(raw) {
    let candidate = (raw || "").trim();
    const match = candidate.match(QR_PAYLOAD);
    if (match) candidate = decodeURIComponent(match[2]);
    const compact = candidate.replace(SEPARATORS, "").toUpperCase();
    if (compact.length !== DATA_LENGTH + 1) return null;
    // Crockford's aliases: letters people confuse with digits read as those digits.
    const aliases = (part) => part.replace(/O/g, "0").replace(/[IL]/g, "1");
    const data = aliases(compact.slice(0, DATA_LENGTH));
    const check = aliases(compact.slice(DATA_LENGTH));
    const code = data + check;
    if ([...code].some((c) => !CODE_ALPHABET.includes(c))) return null;
    return dammState(code) === 0 ? code : null;
}

/* The digest the bundle's offline list holds for a card (ballots.selectors.offline_check_list):
   sha256(salt + CODE), first `digestBytes` bytes, hex. */
export async function offlineDigest(salt, code, digestBytes = 8, subtle = globalThis.crypto.subtle) {
    const hash = new Uint8Array(await subtle.digest("SHA-256", new TextEncoder().encode(salt + code)));
    return Array.from(hash.slice(0, digestBytes), (b) => b.toString(16).padStart(2, "0")).join("");
}
