/* One screen at a time: showing it, its error line, and texts in the tablet's language. */

import { stopCamera } from "./scanner.js";
import { settings, state } from "./state.js";

export function show(name) {
    document.querySelectorAll("[data-screen]").forEach((screen) => {
        screen.hidden = screen.dataset.screen !== name;
    });
    if (name !== "scan") stopCamera();
    const screen = document.querySelector(`[data-screen="${name}"]`);
    screen.querySelectorAll("[data-error]").forEach((node) => { node.textContent = ""; });
    const heading = screen.querySelector("h1");
    if (heading) {
        // Screen readers and keyboards start on the new screen's title.
        heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
    }
    state.screen = name;
}

export function showError(text) {
    const node = document.querySelector(`[data-screen="${state.screen}"] [data-error]`);
    if (node) node.textContent = text;
}

export function notice(text) {
    const node = document.querySelector("[data-notice]");
    if (node) node.textContent = text;
}

/* A bundle text ({"lv": …, "en": …}) in the tablet's language, Latvian when missing. */
export function text(value) {
    return (value && (value[settings.language] || value.lv)) || "";
}

export function applyTheme() {
    const theme = state.bundle.station.theme;
    document.documentElement.style.setProperty("--station-primary", theme.primary || "#0b4f8a");
    document.documentElement.style.setProperty("--station-accent", theme.accent || "#f2b705");
    document.getElementById("station-name").textContent = state.bundle.station.name;
}
