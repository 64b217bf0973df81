/* The volunteer menu behind the station PIN: the station's counter, opening, pausing,
   spoiling a ballot, closing, the closing certificate and the "what to do if" help. */

import { isNetworkFailure } from "./api.js";
import { gettext, interpolate, ngettext } from "./i18n.js";
import { notice, show, showError } from "./screens.js";
import { state } from "./state.js";
import { api, refreshCounter, updateSyncStatus } from "./station.js";

const NEEDS_NETWORK = () => gettext("This needs the network. Try again when it is back.");

export async function showMenu() {
    await refreshCounter();
    await updateSyncStatus();
    const counter = state.counter;
    const statusNames = { not_opened: gettext("Not opened yet"), open: gettext("Open"), closed: gettext("Closed") };
    let status = statusNames[counter.status] || counter.status;
    if (counter.status === "open" && counter.paused) status += " · " + gettext("paused");
    document.getElementById("menu-status").textContent = interpolate(gettext("Station: %s"), [status]);
    document.getElementById("counter-total").textContent = interpolate(gettext("Total: %s"), [counter.total]);
    const list = document.getElementById("counter-bands");
    list.replaceChildren(...counter.by_age_band.map((band) => {
        const item = document.createElement("li");
        item.textContent = interpolate(gettext("Age %(band)s: %(votes)s"), { band: band.label, votes: band.votes }, true);
        return item;
    }));
    const hiddenWhenPausedIs = { pause: true, "start-voting": true, resume: false };
    document.querySelectorAll("[data-when-status]").forEach((button) => {
        const pausedRule = hiddenWhenPausedIs[button.dataset.action];
        const hiddenByPause = pausedRule === undefined ? false : pausedRule === counter.paused;
        button.hidden = button.dataset.whenStatus !== counter.status || hiddenByPause;
    });
    document.getElementById("confirm-close").hidden = true;
    document.getElementById("spoil-form").hidden = true;
    if (state.screen !== "menu") show("menu");
}

export async function unlock(pin) {
    try {
        await api("pin/", { method: "POST", body: {}, pin });
        state.pin = pin;
        await showMenu();
    } catch (error) {
        showError(isNetworkFailure(error) ? gettext("No connection to the server. Try again when the network is back.") : error.message);
    }
}

export async function volunteerAction(path, body) {
    // One action at a time: a double tap must not send it twice.
    const buttons = [...document.querySelectorAll('[data-screen="menu"] button')];
    buttons.forEach((button) => { button.disabled = true; });
    try {
        state.counter = await api(path, { method: "POST", body: body || {}, pin: state.pin });
        notice("");
        await showMenu();
        return true;
    } catch (error) {
        showError(isNetworkFailure(error) ? NEEDS_NETWORK() : error.message);
        return false;
    } finally {
        buttons.forEach((button) => { button.disabled = false; });
    }
}

export async function askToClose() {
    await updateSyncStatus();
    document.getElementById("close-warning").textContent = state.queued
        ? interpolate(ngettext(
            "%s vote is still waiting to sync! Connect to the network and wait before closing.",
            "%s votes are still waiting to sync! Connect to the network and wait before closing.",
            state.queued), [state.queued])
        : gettext("After closing, no child can vote at this station. Close now?");
    document.getElementById("confirm-close").hidden = false;
}

export async function downloadCertificate() {
    try {
        const blob = await api("certificate/", { method: "POST", body: {}, pin: state.pin });
        const link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = `iecirknis-${state.bundle.station.id}-akts.pdf`;
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    } catch (error) {
        showError(isNetworkFailure(error) ? NEEDS_NETWORK() : error.message);
    }
}

/* The help screen: the situations are in the page (voting/help.py, in the tablet's language);
   who to call comes from the station's bundle, as the organiser typed it in the admin. */
export function showHelp() {
    const help = (state.bundle && state.bundle.station.help) || {};
    const items = [];
    if (help.contact_name) {
        const item = document.createElement("li");
        item.textContent = interpolate(gettext("PIN holder: %s"), [help.contact_name]);
        items.push(item);
    }
    if (help.organiser_phone) {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = `tel:${help.organiser_phone.replace(/[^+0-9]/g, "")}`;
        link.textContent = help.organiser_phone;
        item.append(gettext("Organiser's phone:"), " ", link);
        items.push(item);
    }
    document.getElementById("help-contacts").replaceChildren(...items);
    show("help");
}
