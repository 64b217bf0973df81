/* The children's station tablet, wired together: pairing, the volunteer menu, the voting
   loop and the offline queue. Every vote is queued in IndexedDB with a random client id (and,
   with a ballot box, sealed) and synced when the network allows; the server counts each
   client id once, so a retry never counts twice. Strings come from Django's JavaScript
   catalogue (i18n.js). */

import { answerFeedback, confirmVote, goToVoting, showQuestion, startBallot } from "./ballot.js";
import { gettext } from "./i18n.js";
import { startCamera } from "./scanner.js";
import { notice, show } from "./screens.js";
import { settings, state } from "./state.js";
import { hooks, loadBundle, pair, refreshCounter, showPairing, syncLoop, updateSyncStatus } from "./station.js";
import { askToClose, downloadCertificate, showHelp, showMenu, unlock, volunteerAction } from "./volunteer.js";

function on(action, handler) {
    document.querySelectorAll(`[data-action="${action}"]`).forEach((button) => {
        button.addEventListener("click", handler);
    });
}

function onSubmit(formId, handler) {
    document.getElementById(formId).addEventListener("submit", (event) => {
        event.preventDefault();
        handler(event.target);
    });
}

hooks.afterSync = async () => {
    if (state.screen === "paused") {
        // Another tablet of the station may have resumed voting meanwhile.
        const counter = await refreshCounter().catch(() => state.counter);
        if (counter && !counter.paused) goToVoting();
    }
};

onSubmit("pair-form", (form) => pair(form.code.value, form.label.value));
on("scan-pairing", () => startCamera("pair", (raw) => {
    const code = raw.includes("pair=") ? new URL(raw, location.href).searchParams.get("pair") : raw;
    document.getElementById("pair-code").value = code;
}));
onSubmit("pin-form", (form) => {
    const pin = form.pin.value;
    form.pin.value = "";
    unlock(pin);
});
on("back-to-voting", goToVoting);
on("volunteer", () => show("pin"));
on("lock", goToVoting);
on("start-voting", goToVoting);
on("open-station", () => volunteerAction("open/"));
on("pause", () => volunteerAction("pause/", { paused: true }));
on("resume", () => volunteerAction("pause/", { paused: false }));
on("pair-again", showPairing);
on("cancel-pairing", showMenu);
on("sync-now", async () => { await syncLoop.run(); await showMenu(); });
on("certificate", downloadCertificate);
on("help", showHelp);
on("back-to-menu", showMenu);
on("close-station", askToClose);
on("cancel-close", () => { document.getElementById("confirm-close").hidden = true; });
on("confirm-close", () => volunteerAction("close/"));
on("show-spoil", () => {
    const form = document.getElementById("spoil-form");
    form.hidden = false;
    form.code.focus();
});
on("hide-spoil", () => { document.getElementById("spoil-form").hidden = true; });
onSubmit("spoil-form", async (form) => {
    if (await volunteerAction("spoil/", { code: form.code.value, reason: form.reason.value })) {
        form.reset();
        notice(gettext("The ballot is marked as spoiled."));
    }
});
onSubmit("code-form", (form) => startBallot(form.code.value));

// A handheld scanner types the card's QR text and Enter like a keyboard: on the scan
// screen keys go into the code field even when nothing has focus (no on-screen keyboard).
document.addEventListener("keydown", (event) => {
    if (state.screen !== "scan" || event.target.closest("input, button, a")) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const field = document.getElementById("ballot-code");
    if (event.key === "Enter") {
        event.preventDefault();
        startBallot(field.value);
    } else if (event.key.length === 1) {
        event.preventDefault();
        field.value += event.key;
    }
});
on("next-question", () => {
    state.ballot.index += 1;
    state.questionShown = null;
    showQuestion();
});
on("confirm-vote", confirmVote);
on("skip-feedback", () => answerFeedback(null));
document.querySelectorAll("[data-face]").forEach((button) => {
    button.addEventListener("click", () => answerFeedback(button.dataset.face));
});

window.addEventListener("online", () => { syncLoop.reset(); updateSyncStatus(); });
window.addEventListener("offline", updateSyncStatus);

async function start() {
    if ("serviceWorker" in navigator) {
        navigator.serviceWorker.register(settings.serviceWorker, { scope: settings.scope }).catch(() => {});
    }
    await updateSyncStatus();
    // The loop runs whether or not the tablet is paired: votes of an earlier pairing still go.
    syncLoop.soon(0);
    if (!state.token) {
        showPairing();
        // The pairing QR code opens this page with its code (…/iecirknis/?pair=…).
        const pairingCode = new URLSearchParams(location.search).get("pair");
        if (pairingCode) document.getElementById("pair-code").value = pairingCode;
        return;
    }
    try {
        if (!(await loadBundle())) return showPairing();
    } catch {
        if (state.screen !== "pair") showPairing();  // Revoked: the pairing screen says why.
        return;
    }
    // A reload (or a restart without network) goes straight back to the children's
    // loop when the station is open; everything else needs a volunteer first.
    const counter = await refreshCounter();
    if (counter.status === "open") return goToVoting();
    show("pin");
}

start();
