// The smiley counters (feedback.js): counted, batched, sent once however often a round retries.
import assert from "node:assert/strict";
import { test } from "node:test";

import { addAnswer, FEEDBACK_BATCH, feedbackRound, recordAnswer, takeBatch } from "../../static/voting/tablet/feedback.js";
import { fakeStores, HttpError } from "./fakes.js";

function ids() {
    let n = 0;
    return () => `batch-${++n}`;
}

/* A server that adds each batch id once, like record_feedback. */
function server() {
    const seen = new Set();
    const totals = { happy: 0, okay: 0, sad: 0 };
    const sent = [];
    const send = async (token, body) => {
        sent.push({ token, body });
        if (seen.has(body.batch)) return { result: "duplicate" };
        seen.add(body.batch);
        for (const [face, count] of Object.entries(body.counts)) totals[face] += count;
        return { result: "recorded" };
    };
    return { send, sent, totals };
}

test("answers are counted per token and face, unknown faces ignored", () => {
    let pending = {};
    pending = addAnswer(pending, "T", "happy");
    pending = addAnswer(pending, "T", "happy");
    pending = addAnswer(pending, "T", "sad");
    pending = addAnswer(pending, "T", "angry");
    assert.deepEqual(pending, { T: { happy: 2, sad: 1 } });
});

test("a batch goes only once it holds enough answers, unless forced or the pairing changed", () => {
    let pending = {};
    for (let n = 1; n < FEEDBACK_BATCH; n += 1) pending = addAnswer(pending, "T", "okay");
    assert.equal(takeBatch(pending, { token: "T", newId: ids() }), null);
    assert.deepEqual(takeBatch(pending, { token: "T", force: true, newId: ids() }).outgoing,
        { batch: "batch-1", token: "T", counts: { okay: FEEDBACK_BATCH - 1 } });
    assert.equal(takeBatch(pending, { token: "NEW", newId: ids() }).outgoing.token, "T");
    const taken = takeBatch(addAnswer(pending, "T", "sad"), { token: "T", newId: ids() });
    assert.deepEqual(taken.outgoing.counts, { okay: FEEDBACK_BATCH - 1, sad: 1 });
    assert.deepEqual(taken.pending, {});
});

test("the record holds counts only: nothing per child, no time, no card", async () => {
    const { meta } = fakeStores();
    await recordAnswer(meta, "T", "happy");
    await recordAnswer(meta, "T", "sad");
    assert.deepEqual(await meta.get("feedback"), { pending: { T: { happy: 1, sad: 1 } }, outgoing: null });
});

test("a lost answer is retried with the same batch id and counts once", async () => {
    const stores = fakeStores();
    const remote = server();
    const newId = ids();
    let failNext = true;
    const flaky = async (token, body) => {
        await remote.send(token, body);
        if (failNext) { failNext = false; throw new TypeError("network"); }  // Sent, answer lost.
    };
    for (let n = 0; n < FEEDBACK_BATCH; n += 1) await recordAnswer(stores.meta, "T", n % 2 ? "happy" : "okay");
    await assert.rejects(feedbackRound({ meta: stores.meta, send: flaky, token: "T", newId }));
    await recordAnswer(stores.meta, "T", "sad");  // A child answers meanwhile.
    assert.equal(await feedbackRound({ meta: stores.meta, send: flaky, token: "T", newId }), true);
    assert.deepEqual(remote.sent.map((item) => item.body.batch), ["batch-1", "batch-1"]);
    assert.deepEqual(remote.totals, { happy: 2, okay: 3, sad: 0 });
    // The answer given meanwhile waits for its own batch; at closing it goes too.
    assert.equal(await feedbackRound({ meta: stores.meta, send: flaky, token: "T", newId }), false);
    assert.equal(await feedbackRound({ meta: stores.meta, send: flaky, token: "T", force: true, newId }), true);
    assert.deepEqual(remote.totals, { happy: 2, okay: 3, sad: 1 });
    assert.deepEqual(await stores.meta.get("feedback"), { pending: {}, outgoing: null });
});

test("a refused batch is dropped, so it never blocks the next", async () => {
    const stores = fakeStores();
    for (let n = 0; n < FEEDBACK_BATCH; n += 1) await recordAnswer(stores.meta, "OLD", "happy");
    const refuse = async () => { throw new HttpError(401, { error: "not_paired" }); };
    assert.equal(await feedbackRound({ meta: stores.meta, send: refuse, token: "T", newId: ids() }), true);
    assert.deepEqual(await stores.meta.get("feedback"), { pending: {}, outgoing: null });
});

test("answers recorded while a batch is on its way are not lost", async () => {
    const stores = fakeStores();
    const remote = server();
    for (let n = 0; n < FEEDBACK_BATCH; n += 1) await recordAnswer(stores.meta, "T", "okay");
    let release;
    const slow = (token, body) => new Promise((resolve) => { release = () => resolve(remote.send(token, body)); });
    const round = feedbackRound({ meta: stores.meta, send: slow, token: "T", newId: ids() });
    const answer = recordAnswer(stores.meta, "T", "happy");
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    await Promise.all([round, answer]);
    assert.deepEqual((await stores.meta.get("feedback")).pending, { T: { happy: 1 } });
    assert.deepEqual(remote.totals, { happy: 0, okay: FEEDBACK_BATCH, sad: 0 });
});
