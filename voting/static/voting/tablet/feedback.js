/* The smiley question after the thank-you screen ("How did you like voting?"). Answers are
   only counted: the tablet keeps counts per pairing token, never a list of answers, and sends
   them on their own endpoint in batches of at least FEEDBACK_BATCH answers (all that remain
   once the station is closed), so no batch says what one child chose or when. Each batch gets
   a random id before it is sent and keeps it until the server answers, so a retry after a
   lost answer counts once. Pure apart from the `meta` store and `send` passed in (tested with
   Node's test runner). */

export const FACES = ["happy", "okay", "sad"];
export const FEEDBACK_BATCH = 5;
const KEY = "feedback";

const total = (counts) => Object.values(counts).reduce((sum, count) => sum + count, 0);

/* The waiting counts with one more answer for `face` under `token`. */
export function addAnswer(pending, token, face) {
    if (!FACES.includes(face)) return pending;
    const counts = { ...(pending[token] || {}) };
    counts[face] = (counts[face] || 0) + 1;
    return { ...pending, [token]: counts };
}

/* The next batch to send, or null: counts of one token once they reach FEEDBACK_BATCH, or
   of a token the tablet no longer runs under (nothing more will join them), or any when
   `force` (the station is closed). */
export function takeBatch(pending, { token, force = false, newId }) {
    const ready = Object.keys(pending).find(
        (key) => force || key !== token || total(pending[key]) >= FEEDBACK_BATCH,
    );
    if (ready === undefined) return null;
    const rest = { ...pending };
    delete rest[ready];
    return { outgoing: { batch: newId(), token: ready, counts: pending[ready] }, pending: rest };
}

// Adding an answer and a send round both read and write the same record: one at a time.
let chain = Promise.resolve();
function serially(work) {
    const run = chain.then(work);
    chain = run.catch(() => {});
    return run;
}

async function load(meta) {
    return (await meta.get(KEY)) || { pending: {}, outgoing: null };
}

export function recordAnswer(meta, token, face) {
    return serially(async () => {
        const record = await load(meta);
        await meta.set(KEY, { ...record, pending: addAnswer(record.pending, token, face) });
    });
}

/* Send one batch if one is due. A refusal (4xx) drops it (the survey is optional); a network
   failure keeps it, with its id, for the next round. Resolves to true when a batch went. */
export function feedbackRound({ meta, send, token, force = false, newId = () => crypto.randomUUID() }) {
    return serially(async () => {
        const record = await load(meta);
        if (!record.outgoing) {
            const taken = takeBatch(record.pending, { token, force, newId });
            if (!taken) return false;
            Object.assign(record, taken);
            // Stored with its id before it goes: a retry sends the same id.
            await meta.set(KEY, record);
        }
        const { batch, counts } = record.outgoing;
        try {
            await send(record.outgoing.token, { batch, counts });
        } catch (error) {
            if (!error.status || error.status >= 500) throw error;
        }
        await meta.set(KEY, { ...record, outgoing: null });
        return true;
    });
}
