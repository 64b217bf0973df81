/* The children's loop: scan a card, choose an age band, answer each question, confirm. On
   confirming, the answers are sealed to the election's ballot box and only the sealed form
   is queued (queue.js); the plain answers live only in this page's memory until then. */

import { isNetworkFailure, Refusal } from "./api.js";
import { gettext, interpolate } from "./i18n.js";
import { canonicalCode, offlineDigest } from "./codes.js";
import { recordAnswer } from "./feedback.js";
import { queuedVote } from "./queue.js";
import { startCamera } from "./scanner.js";
import { show, showError, text } from "./screens.js";
import { sealBallot } from "./seal.js";
import { state } from "./state.js";
import { api, refreshCounter, stores, syncLoop, updateSyncStatus } from "./station.js";

const THANKS_SECONDS = 3;
// The smiley question waits this long for a child who walks away, then the next child's turn.
const FEEDBACK_SECONDS = 8;
// Refusals that mean the station itself stopped taking votes (paused or closed elsewhere).
const STATION_STATE_REFUSALS = ["paused", "after_closing", "station_not_open", "election_not_open"];

function digestOf(code) {
    const list = state.bundle.offline_check;
    return offlineDigest(list.salt, code, list.digest_bytes || 8);
}

/* Check a card before the child starts: with the server when online, else against the
   cached list of this station's unused cards and the codes this tablet already took. */
async function checkCard(raw) {
    const code = canonicalCode(raw);
    try {
        await api("check/", { method: "POST", body: { code: raw } });
        return { code: code || raw.trim(), offline: false };
    } catch (error) {
        if (!isNetworkFailure(error)) throw error;
    }
    if (!code) throw new Refusal(400, { error: "invalid", message: gettext("This is not a ballot card code. Check it against the card.") });
    const digest = await digestOf(code);
    const used = (await stores.meta.get("used")) || [];
    if (used.includes(digest)) {
        throw new Refusal(409, { error: "already_used", message: gettext("This card has already been used to vote.") });
    }
    if (!state.bundle.offline_check.digests.includes(digest)) {
        throw new Refusal(409, { error: "unknown", message: gettext("No ballot card of this station has this code.") });
    }
    return { code, offline: true };
}

export async function goToVoting() {
    state.pin = null;
    state.ballot = null;
    let counter;
    try {
        counter = await refreshCounter();
    } catch (error) {
        if (!state.token) return;  // Revoked meanwhile: the pairing screen says why.
        throw error;
    }
    if (counter.status === "not_opened") return show("pin");  // A volunteer opens it first.
    if (counter.status === "closed") return show("closed");
    if (counter.paused) return show("paused");
    show("scan");
    document.getElementById("ballot-code").value = "";
    watchForCards();
}

/* The camera keeps looking for cards; the card just voted with (or just refused) is
   still in front of it for a moment and is not checked again. */
function watchForCards() {
    startCamera("ballot", (raw) => {
        if (raw === state.lastScan) return watchForCards();
        state.lastScan = raw;
        startBallot(raw, true);
    });
}

export async function startBallot(raw, fromCamera = false) {
    if (!raw || !raw.trim()) {
        showError(gettext("Enter the code printed on the card."));
        return;
    }
    try {
        const card = await checkCard(raw);
        state.ballot = { code: card.code, offline: card.offline, ageBand: null, questions: [], answers: {}, index: 0 };
        showAgeBands();
    } catch (error) {
        if (STATION_STATE_REFUSALS.includes(error.code)) {
            await goToVoting();
            // The station may still read as open (its closing time passed, and nobody has
            // closed it yet): the scan screen then says why the card was turned away.
            if (state.screen === "scan") showError(error.message);
            return;
        }
        if (!state.token) return;
        showError(error.message);
        if (!fromCamera) document.getElementById("ballot-code").select();
        watchForCards();
    }
}

function showAgeBands() {
    const grid = document.getElementById("age-choices");
    grid.replaceChildren(...state.bundle.age_bands.map((band) => {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "choice choice--age";
        button.textContent = band.label;
        button.setAttribute("aria-label", interpolate(gettext("%s years"), [band.label]));
        button.addEventListener("click", () => chooseAgeBand(band));
        return button;
    }));
    show("age");
}

function chooseAgeBand(band) {
    const ballot = state.ballot;
    ballot.ageBand = band;
    ballot.questions = state.bundle.questions[String(band.id)] || [];
    ballot.index = 0;
    showQuestion();
}

const ABSTAIN = () => gettext("I don't know / I don't want to answer");

function optionCard(question, option) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "choice choice--card";
    const chosen = state.ballot.answers[question.id];
    const value = option ? option.id : null;
    button.setAttribute("aria-pressed", String(chosen !== undefined && chosen === value));
    if (option && option.picture) {
        const image = document.createElement("img");
        image.src = option.picture;
        image.alt = "";
        button.append(image);
    } else {
        const mark = document.createElement("span");
        mark.className = "choice__mark";
        mark.setAttribute("aria-hidden", "true");
        mark.textContent = option ? "★" : "?";
        button.append(mark);
    }
    const label = document.createElement("span");
    label.className = "choice__label";
    label.textContent = option ? text(option.label) : ABSTAIN();
    button.append(label);
    button.addEventListener("click", () => {
        state.ballot.answers[question.id] = value;
        showQuestion();
    });
    return button;
}

export function showQuestion() {
    const ballot = state.ballot;
    const question = ballot.questions[ballot.index];
    if (!question) return showConfirm();
    document.getElementById("question-progress").textContent = interpolate(
        gettext("Question %(number)s of %(count)s"), { number: ballot.index + 1, count: ballot.questions.length }, true,
    );
    document.getElementById("question-title").textContent = text(question.text);
    const cards = question.options.map((option) => optionCard(question, option));
    if (question.offers_abstain) cards.push(optionCard(question, null));
    document.getElementById("question-options").replaceChildren(...cards);
    const next = document.querySelector('[data-action="next-question"]');
    next.disabled = !(question.id in ballot.answers);
    const wasShown = state.screen === "question" && state.questionShown === question.id;
    state.questionShown = question.id;
    if (!wasShown) show("question");
}

function showConfirm() {
    const ballot = state.ballot;
    const summary = document.getElementById("confirm-summary");
    summary.replaceChildren(...ballot.questions.map((question, index) => {
        const item = document.createElement("li");
        const asked = document.createElement("p");
        asked.className = "summary__question";
        asked.textContent = text(question.text);
        const chosen = question.options.find((option) => option.id === ballot.answers[question.id]);
        const answer = document.createElement("p");
        answer.className = "summary__answer";
        answer.textContent = chosen ? text(chosen.label) : ABSTAIN();
        const change = document.createElement("button");
        change.type = "button";
        change.className = "big-button big-button--secondary";
        change.textContent = gettext("Change my answer");
        change.setAttribute("aria-label", gettext("Change my answer") + ": " + text(question.text));
        change.addEventListener("click", () => { ballot.index = index; state.questionShown = null; showQuestion(); });
        item.append(asked, answer, change);
        return item;
    }));
    show("confirm");
}

export async function confirmVote() {
    const ballot = state.ballot;
    if (!ballot) return;
    state.ballot = null;  // No way back into a finished ballot.
    const answers = ballot.questions.map((question) => ({ question: question.id, option: ballot.answers[question.id] }));
    const box = state.bundle.box;
    const sealed = box ? await sealBallot(box, { age_band: ballot.ageBand.id, answers }) : null;
    await stores.queue.add(queuedVote({
        clientId: crypto.randomUUID(),
        token: state.token,
        station: state.bundle.station.id,
        code: ballot.code,
        offline: ballot.offline,
        ageBand: ballot.ageBand.id,
        castAt: new Date(),
        sealed,
        answers,
    }));
    const code = canonicalCode(ballot.code);
    if (code) {
        const used = (await stores.meta.get("used")) || [];
        used.push(await digestOf(code));
        await stores.meta.set("used", used);
    }
    await updateSyncStatus();
    show("thanks");
    syncLoop.soon(0);
    setTimeout(askFeedback, THANKS_SECONDS * 1000);
}

function askFeedback() {
    if (state.screen !== "thanks") return;
    show("feedback");
    const asked = Symbol("feedback");
    state.feedbackAsked = asked;
    setTimeout(() => { if (state.feedbackAsked === asked) answerFeedback(null); }, FEEDBACK_SECONDS * 1000);
}

/* One answer (or none: skipped, or no tap in time), then the next child's turn. The answer
   is only added to the tablet's counters; it is never stored with the vote. */
export function answerFeedback(face) {
    if (state.screen !== "feedback" || !state.feedbackAsked) return;
    state.feedbackAsked = null;  // A second tap while the scan screen loads counts nothing.
    if (face) recordAnswer(stores.meta, state.token, face).catch(() => {});
    goToVoting();
}
