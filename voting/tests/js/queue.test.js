// What a queued vote keeps, and how the queue drains (sync.js) against a fake store and server.
import assert from "node:assert/strict";
import { test } from "node:test";

import { castMinute, nextBatch, queuedVote, stillUnsynced, wireItem } from "../../static/voting/tablet/queue.js";
import { SyncLoop, syncRound } from "../../static/voting/tablet/sync.js";
import { fakeStores, HttpError } from "./fakes.js";

const SEALED = { v: 1, epk: "e", iv: "i", ct: "c" };

function vote(n, { token = "T1", station = 1 } = {}) {
    return queuedVote({
        clientId: `id-${n}`, token, station, code: `CODE${n}`, offline: true, ageBand: 2,
        castAt: new Date(Date.UTC(2026, 4, 20, 9, 41, 17, 345)), sealed: SEALED,
        answers: [{ question: 1, option: 5 }],
    });
}

/* A server that accepts every vote once, remembering which token sent which vote. */
function server({ revoked = new Set() } = {}) {
    const received = [];
    const send = async (token, votes) => {
        if (revoked.has(token)) throw new HttpError(401, { error: "not_paired" });
        received.push(...votes.map((item) => ({ token, item })));
        return { results: votes.map((item) => ({ client_id: item.client_id, result: "counted" })) };
    };
    return { received, send };
}

async function drain(stores, send, pairing = { token: "T1", station: 1 }, deadTokens = new Set()) {
    for (let round = 0; round < 50; round += 1) {
        const outcome = await syncRound({ ...stores, send, pairing, deadTokens, size: 3 });
        if (!outcome.more) return;
    }
    assert.fail("the queue never drained");
}

test("a queued vote keeps the sealed answers only, and its time to the minute", () => {
    const item = vote(1);
    assert.equal(item.cast_at, "2026-05-20T09:41:00.000Z");
    assert.deepEqual(item.sealed, SEALED);
    assert.equal("answers" in item, false);
    assert.equal(JSON.stringify(item).includes('"option"'), false);
    assert.equal(castMinute(new Date("2026-05-20T23:59:59.999Z")), "2026-05-20T23:59:00.000Z");
});

test("without a ballot box the plain answers are queued, as before sealing", () => {
    const item = queuedVote({ clientId: "x", token: "T", station: 1, code: "C", offline: false, ageBand: 1, castAt: new Date(), sealed: null, answers: [{ question: 1, option: null }] });
    assert.deepEqual(item.answers, [{ question: 1, option: null }]);
    assert.equal("sealed" in item, false);
});

test("the server receives the wire format, without the local token and station", () => {
    assert.deepEqual(Object.keys(wireItem(vote(1))).sort(), ["age_band", "cast_at", "client_id", "code", "offline", "sealed"]);
});

test("a batch holds votes of one token only, and skips refused tokens", () => {
    const waiting = [vote(1, { token: "A" }), vote(2, { token: "B" }), vote(3, { token: "A" })];
    assert.deepEqual(nextBatch(waiting, { size: 10 }).items.map((v) => v.client_id), ["id-1", "id-3"]);
    assert.equal(nextBatch(waiting, { size: 10, skip: new Set(["A"]) }).token, "B");
    assert.equal(nextBatch(waiting, { size: 10, skip: new Set(["A", "B"]) }), null);
    assert.equal(nextBatch(waiting, { size: 1 }).items.length, 1);
});

test("once the server answers, nothing about the votes remains in the queue", async () => {
    const stores = fakeStores();
    for (let n = 0; n < 7; n += 1) await stores.queue.add(vote(n));
    const { received, send } = server();
    await drain(stores, send);
    assert.equal(await stores.queue.count(), 0);
    assert.equal(received.length, 7);
    assert.deepEqual(new Set(received.map((r) => r.item.client_id)).size, 7);
});

test("votes of a station the tablet left drain with their own token", async () => {
    const stores = fakeStores();
    await stores.queue.add(vote(1, { token: "OLD", station: 1 }));
    await stores.queue.add(vote(2, { token: "NEW", station: 2 }));
    const { received, send } = server();
    await drain(stores, send, { token: "NEW", station: 2 });
    assert.deepEqual(received.map((r) => [r.token, r.item.client_id]).sort(), [["NEW", "id-2"], ["OLD", "id-1"]]);
});

test("after a revoked tablet is paired again with its station, its waiting votes go with the new token", async () => {
    const stores = fakeStores();
    await stores.queue.add(vote(1, { token: "REVOKED", station: 1 }));
    const { received, send } = server({ revoked: new Set(["REVOKED"]) });
    const deadTokens = new Set();
    // Not paired yet: the vote waits, and is not lost.
    await drain(stores, send, { token: null, station: null }, deadTokens);
    assert.equal(await stores.queue.count(), 1);
    assert.ok(deadTokens.has("REVOKED"));
    // Paired again (pair() clears the refused tokens).
    deadTokens.clear();
    await drain(stores, send, { token: "FRESH", station: 1 }, deadTokens);
    assert.equal(await stores.queue.count(), 0);
    assert.deepEqual(received.map((r) => r.token), ["FRESH"]);
});

test("a revoked token of another station keeps its votes waiting without blocking the rest", async () => {
    const stores = fakeStores();
    await stores.queue.add(vote(1, { token: "REVOKED", station: 9 }));
    await stores.queue.add(vote(2, { token: "T1", station: 1 }));
    const { received, send } = server({ revoked: new Set(["REVOKED"]) });
    await drain(stores, send);
    assert.deepEqual(received.map((r) => r.item.client_id), ["id-2"]);
    assert.deepEqual((await stores.queue.all()).map((v) => v.client_id), ["id-1"]);
});

test("a vote the server can never accept is set aside and counted as refused", async () => {
    const stores = fakeStores();
    await stores.queue.add(vote(1));
    await stores.queue.add(vote(2));
    let calls = 0;
    const send = async (token, votes) => {
        calls += 1;
        if (votes.some((item) => item.client_id === "id-1")) throw new HttpError(400, { error: "invalid", client_id: "id-1" });
        return { results: votes.map((item) => ({ client_id: item.client_id, result: "refused" })) };
    };
    await drain(stores, send);
    assert.equal(await stores.queue.count(), 0);
    assert.equal(await stores.meta.get("refused"), 2);
    assert.equal(calls, 2);
});

test("a network failure keeps every vote for the next round", async () => {
    const stores = fakeStores();
    await stores.queue.add(vote(1));
    const send = async () => { throw new TypeError("Failed to fetch"); };
    await assert.rejects(syncRound({ ...stores, send, pairing: { token: "T1", station: 1 }, deadTokens: new Set() }));
    assert.equal(await stores.queue.count(), 1);
});

test("cards are forgotten once a fresh bundle no longer lists them as unused", () => {
    const bundle = { offline_check: { digests: ["aa", "bb"] } };
    assert.deepEqual(stillUnsynced(["aa", "cc"], bundle), ["aa"]);
});

test("the sync loop backs off while the network fails and starts again at once when reset", async () => {
    const delays = [];
    const timers = { setTimeout: (_run, delay) => { delays.push(delay); return delays.length; }, clearTimeout: () => {} };
    let fail = true;
    const loop = new SyncLoop(async () => { if (fail) throw new TypeError("offline"); return { more: false }; }, { interval: 100, firstBackoff: 10, maxBackoff: 40, timers });
    for (let n = 0; n < 4; n += 1) await loop.run();
    assert.deepEqual(delays, [10, 20, 40, 40]);
    loop.reset();
    assert.equal(delays.at(-1), 0);
    fail = false;
    await loop.run();
    assert.equal(delays.at(-1), 100);
    assert.equal(loop.backoff, 10);
});

test("when the current pairing itself is refused, its votes wait for the next pairing", async () => {
    const stores = fakeStores();
    await stores.queue.add(vote(1, { token: "T1", station: 1 }));
    const { received, send } = server({ revoked: new Set(["T1"]) });
    const deadTokens = new Set();
    await drain(stores, send, { token: "T1", station: 1 }, deadTokens);
    assert.deepEqual([...deadTokens], ["T1"]);
    assert.deepEqual((await stores.queue.all()).map((v) => v.token), ["T1"]);
    assert.equal(received.length, 0);
});
