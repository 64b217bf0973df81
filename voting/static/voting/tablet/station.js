/* The tablet's bond with its station: pairing and revocation, the cached bundle and counter,
   the queue's storage, and the sync loop that drains it. */

import { apiClient, isNetworkFailure } from "./api.js";
import { feedbackRound } from "./feedback.js";
import { gettext, interpolate, ngettext } from "./i18n.js";
import { stillUnsynced } from "./queue.js";
import { applyTheme, show, showError } from "./screens.js";
import { settings, state, TOKEN_KEY } from "./state.js";
import { openStores } from "./store.js";
import { SyncLoop, syncRound } from "./sync.js";

const BUNDLE_REFRESH_MS = 5 * 60000;

export const stores = openStores();
export const api = apiClient({
    base: settings.api,
    language: settings.language,
    currentToken: () => state.token,
    onRevoked: forgetTablet,
});
// Tokens the server refused this session; their votes wait (see sync.js).
const deadTokens = new Set();
// What the rest of the app does after each sync round (main.js sets it).
export const hooks = { afterSync: async () => {} };

/* The pairing screen with an empty code field; while the tablet is still paired (a volunteer
   moves it to another station) it can go back to the menu. */
export function showPairing() {
    show("pair");
    document.getElementById("pair-code").value = "";
    document.querySelector('[data-action="cancel-pairing"]').hidden = !state.token;
}

/* The server no longer knows this tablet's pairing: say why, and ask for a new code. */
function forgetTablet(body = {}) {
    state.token = null;
    state.bundle = null;
    localStorage.removeItem(TOKEN_KEY);
    showPairing();
    showError(body.message || gettext("This tablet is not paired with a station, or was revoked."));
}

export async function pair(code, label) {
    try {
        // A tablet moved to another station keeps its waiting votes: each one keeps the token
        // of the station it was cast at (queue.js) and drains with it.
        const data = await api("pair/", { method: "POST", body: { code, label } });
        state.token = data.token;
        localStorage.setItem(TOKEN_KEY, data.token);
        await loadBundle();
        show("pin");
        // Votes waiting from before (a revoked or earlier pairing) get another chance now.
        deadTokens.clear();
        syncLoop.reset();
    } catch (error) {
        showError(isNetworkFailure(error) ? gettext("No connection to the server. Try again when the network is back.") : error.message);
    }
}

/* The station's bundle, fresh when the network allows, else the cached copy. */
export async function loadBundle() {
    try {
        state.bundle = await api("bundle/");
        state.bundleLoadedAt = Date.now();
        await stores.meta.set("bundle", state.bundle);
        const used = (await stores.meta.get("used")) || [];
        await stores.meta.set("used", stillUnsynced(used, state.bundle));
    } catch (error) {
        if (!isNetworkFailure(error)) throw error;
        state.bundle = await stores.meta.get("bundle");
    }
    if (state.bundle) applyTheme();
    return state.bundle;
}

export async function refreshCounter() {
    try {
        state.counter = await api("status/?queued=" + state.queued);
        await stores.meta.set("counter", state.counter);
    } catch (error) {
        if (!isNetworkFailure(error)) throw error;
        state.counter = state.counter || (await stores.meta.get("counter"))
            || { status: state.bundle.station.status, paused: false, total: 0, by_age_band: [] };
    }
    return state.counter;
}

/* The header line (and the volunteer menu's) saying how many votes wait to sync. */
export async function updateSyncStatus() {
    state.queued = await stores.queue.count();
    state.refused = (await stores.meta.get("refused")) || 0;
    const line = state.queued
        ? interpolate(ngettext("%s vote is waiting to sync", "%s votes are waiting to sync", state.queued), [state.queued])
        : gettext("All votes are synced");
    document.getElementById("sync-status").textContent = line + (navigator.onLine ? "" : " · " + gettext("offline"));
    document.getElementById("counter-waiting").textContent = line;
    const refused = document.getElementById("counter-refused");
    refused.hidden = !state.refused;
    refused.textContent = interpolate(gettext("Votes the server did not count: %s"), [state.refused]);
}

async function syncAndRefresh() {
    const outcome = await syncRound({
        queue: stores.queue,
        meta: stores.meta,
        send: (token, votes, queued) => api("sync/", { method: "POST", body: { votes, queued }, token }),
        pairing: { token: state.token, station: state.bundle && state.bundle.station.id },
        deadTokens,
    });
    // Smiley counts go on their own, after the votes; once the station is closed, all of them.
    await feedbackRound({
        meta: stores.meta,
        send: (token, body) => api("feedback/", { method: "POST", body, token }),
        token: state.token,
        force: Boolean(state.counter && state.counter.status === "closed"),
    }).catch(() => false);  // The survey never holds up the votes; the batch waits with its id.
    const drained = outcome.sent && !outcome.more;
    if (state.token && (drained || Date.now() - state.bundleLoadedAt > BUNDLE_REFRESH_MS)) {
        // Fresh ballot definitions and list of unused cards for the next offline spell; it
        // also lets the tablet forget the cards whose votes the server now has (before the
        // header says all votes are synced).
        await loadBundle().catch(() => null);
    }
    await updateSyncStatus();
    await hooks.afterSync();
    return outcome;
}

export const syncLoop = new SyncLoop(syncAndRefresh);
