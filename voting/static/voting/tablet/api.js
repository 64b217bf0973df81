/* The tablet API (/api/tablet/): JSON in and out, the pairing token as a Bearer header and
   the volunteer PIN in X-Station-Pin. A refusal becomes a Refusal carrying the server's
   reason code and message; a failed fetch stays a network error. */

import { gettext } from "./i18n.js";

export class Refusal extends Error {
    constructor(status, body) {
        super(body.message || gettext("Something went wrong."));
        this.status = status;
        this.code = body.error;
        this.body = body;
    }
}

export function isNetworkFailure(error) {
    return !(error instanceof Refusal) || error.status >= 500;
}

/* A client bound to the app's settings. `currentToken()` gives the token of the current
   pairing; `onRevoked(body)` runs when the server no longer knows that token. */
export function apiClient({ base, language, currentToken, onRevoked }) {
    return async function api(path, { method = "GET", body, pin, token = currentToken() } = {}) {
        const headers = { "Accept-Language": language };
        if (token) headers.Authorization = "Bearer " + token;
        if (pin) headers["X-Station-Pin"] = pin;
        if (body !== undefined) headers["Content-Type"] = "application/json";
        const response = await fetch(base + path, {
            method, headers, body: body === undefined ? undefined : JSON.stringify(body),
            cache: "no-store", credentials: "omit",
        });
        if (!response.ok) {
            const data = await response.json().catch(() => ({}));
            // Only the current pairing's refusal means this tablet was revoked: a queued
            // vote's older token may be refused while the tablet is paired anew.
            if (response.status === 401 && path !== "pair/" && token && token === currentToken()) onRevoked(data);
            throw new Refusal(response.status, data);
        }
        const type = response.headers.get("Content-Type") || "";
        return type.includes("json") ? response.json() : response.blob();
    };
}
