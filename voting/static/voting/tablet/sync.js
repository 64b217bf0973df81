/* Sending queued votes: one round at a time, and the loop that keeps rounds going. The server
   counts each client id once, so a round repeated after a lost answer never counts twice.
   Errors carry the HTTP `status` and JSON `body` (api.js); anything without a status is a
   network failure, and the loop backs off and tries again. */

import { nextBatch, wireItem } from "./queue.js";

const SYNC_BATCH = 100;

async function addRefused(meta, count) {
    if (count) await meta.set("refused", ((await meta.get("refused")) || 0) + count);
}

/* Send the next batch and apply the server's answer to the queue. `pairing` is the tablet's
   current {token, station} (token null while unpaired); `deadTokens` collects tokens the
   server refuses, so their votes do not block the others. Resolves to {sent, more}. */
export async function syncRound({ queue, meta, send, pairing, deadTokens, size = SYNC_BATCH }) {
    const waiting = await queue.all();
    const batch = nextBatch(waiting, { size, skip: deadTokens });
    if (!batch) return { sent: 0, more: false };
    const more = waiting.length > batch.items.length;
    try {
        const data = await send(batch.token, batch.items.map(wireItem), waiting.length);
        await addRefused(meta, data.results.filter((result) => result.result === "refused").length);
        // Deleted as soon as the server has answered: nothing about the vote stays here.
        await queue.remove(data.results.map((result) => result.client_id));
        return { sent: data.results.length, more };
    } catch (error) {
        if (error.status === 400 && error.body && error.body.client_id) {
            // A vote the server can never accept (e.g. its question was removed): set it
            // aside so the rest of the queue still goes through.
            await addRefused(meta, 1);
            await queue.remove([error.body.client_id]);
            return { sent: 0, more: true };
        }
        if (error.status === 401) {
            // That pairing was revoked. Votes of the station the tablet is paired with again
            // go with its new token; those of another station wait for their own.
            const pairedAnew = pairing.token && pairing.token !== batch.token;
            const mine = batch.items.filter((vote) => pairedAnew && vote.station === pairing.station);
            if (mine.length) await queue.put(mine.map((vote) => ({ ...vote, token: pairing.token })));
            else deadTokens.add(batch.token);
            return { sent: 0, more: true };
        }
        throw error;
    }
}

/* Runs `round` again and again: at once while more is waiting, every `interval` when idle,
   with a doubling back-off while the network fails. It never stops on its own, so votes go
   out after a re-pairing or a network outage without a reload. */
export class SyncLoop {
    constructor(round, { interval = 15000, firstBackoff = 2000, maxBackoff = 60000, timers = globalThis } = {}) {
        Object.assign(this, { round, interval, firstBackoff, maxBackoff, timers });
        this.backoff = firstBackoff;
        this.timer = null;
        this.running = false;
    }

    soon(delay = 0) {
        this.timers.clearTimeout(this.timer);
        this.timer = this.timers.setTimeout(() => this.run(), delay);
    }

    /* The network is back: try at once, with a fresh back-off. */
    reset() {
        this.backoff = this.firstBackoff;
        this.soon(0);
    }

    async run() {
        if (this.running) return;
        this.running = true;
        let next = this.interval;
        try {
            const outcome = await this.round();
            this.backoff = this.firstBackoff;
            if (outcome.more) next = 0;
        } catch {
            next = this.backoff;
            this.backoff = Math.min(this.backoff * 2, this.maxBackoff);
        } finally {
            this.running = false;
            this.soon(next);
        }
    }
}
