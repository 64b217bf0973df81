/* The app's settings (from the page) and the one mutable state every screen shares. */

const app = document.getElementById("tablet-app");

export const settings = {
    api: app.dataset.api,
    language: app.dataset.language === "en" ? "en" : "lv",
    serviceWorker: app.dataset.serviceWorker,
    scope: app.dataset.scope,
};

export const TOKEN_KEY = "tavabalss.tablet.token";

export const state = {
    token: localStorage.getItem(TOKEN_KEY),
    bundle: null,
    bundleLoadedAt: 0,
    counter: null,
    pin: null,
    queued: 0,
    refused: 0,
    ballot: null,
    camera: null,
    screen: null,
    lastScan: null,
    questionShown: null,
    feedbackAsked: null,
};
