/* Ballot card codes as the tablet reads them: the same rules as ballots/codes.py (twelve
   Crockford base32 characters and a mod-37 check character). ballots/check_vectors.json holds
   codes both implementations are tested against, so the two can never drift apart. */

export const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CHECK_ALPHABET = CODE_ALPHABET + "*~$=U";
const DATA_LENGTH = 12;
const QR_PAYLOAD = /\/b\/(\d+)\/([^/?#]+)\/?(?:[?#].*)?$/;
const SEPARATORS = /[\s\-_.·]+/g;

/* Crockford's mod-37 check symbol for a string of base32 digits (BigInt: 60 bits do not fit
   a double). */
export function checkCharacter(data) {
    let value = 0n;
    for (const character of data) value = value * 32n + BigInt(CODE_ALPHABET.indexOf(character));
    return CHECK_ALPHABET[Number(value % 37n)];
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
    if ([...data].some((c) => !CODE_ALPHABET.includes(c))) return null;
    return checkCharacter(data) === check ? data + check : null;
}

/* The digest the bundle's offline list holds for a card (ballots.selectors.offline_check_list):
   sha256(salt + CODE), first `digestBytes` bytes, hex. */
export async function offlineDigest(salt, code, digestBytes = 8, subtle = globalThis.crypto.subtle) {
    const hash = new Uint8Array(await subtle.digest("SHA-256", new TextEncoder().encode(salt + code)));
    return Array.from(hash.slice(0, digestBytes), (b) => b.toString(16).padStart(2, "0")).join("");
}
