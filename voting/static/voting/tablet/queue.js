/* What a queued vote holds, and which votes go out together. Pure functions: no storage, no
   network (tested with Node's test runner).

   A queued vote keeps the pairing token and station it was cast under, so a tablet that is
   paired with another station while votes still wait sends each vote with its own station's
   token. Its cast time is kept to the minute: the server only needs the hour, and a finer
   time would order the votes. Once the server has answered for a vote, it is deleted. */

/* The cast time to the minute (ISO 8601, UTC). */
export function castMinute(date) {
    const minute = new Date(date.getTime());
    minute.setUTCSeconds(0, 0);
    return minute.toISOString();
}

/* The record to queue for one confirmed ballot. With a ballot box it holds only the sealed
   answers; without one (an election from before sealing) the plain answers, as before. */
export function queuedVote({ clientId, token, station, code, offline, ageBand, castAt, sealed, answers }) {
    const vote = { client_id: clientId, token, station, code, cast_at: castMinute(castAt), offline, age_band: ageBand };
    if (sealed) vote.sealed = sealed;
    else vote.answers = answers;
    return vote;
}

/* The sync item the server receives: the queued record without the local bookkeeping. */
export function wireItem(vote) {
    const item = { ...vote };
    delete item.token;
    delete item.station;
    return item;
}

/* The next votes to send: up to `size` votes cast under one token, the token of the first
   waiting vote whose token is not in `skip` (tokens the server no longer accepts). */
export function nextBatch(waiting, { size, skip = new Set() }) {
    const first = waiting.find((vote) => !skip.has(vote.token));
    if (!first) return null;
    const items = waiting.filter((vote) => vote.token === first.token).slice(0, size);
    return { token: first.token, items };
}

/* Cards this tablet used offline, to turn them away again until the server knows them: a
   card can be forgotten once a fresh bundle no longer lists it as unused. */
export function stillUnsynced(used, bundle) {
    const unused = new Set(bundle.offline_check.digests);
    return used.filter((digest) => unused.has(digest));
}
