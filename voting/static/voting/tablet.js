/* The children's station tablet: pairing, the volunteer menu, the voting loop and the
   offline queue. Every vote is queued in IndexedDB with a random client id first and synced
   when the network allows; the server counts each client id once, so a retry never counts
   twice. Strings come from Django's JavaScript catalogue (gettext). */
(function () {
    "use strict";

    const app = document.getElementById("tablet-app");
    const API = app.dataset.api;
    const LANGUAGE = app.dataset.language === "en" ? "en" : "lv";
    const TOKEN_KEY = "tavabalss.tablet.token";
    const THANKS_SECONDS = 5;
    const SYNC_BATCH = 100;
    const SYNC_INTERVAL_MS = 15000;
    const MAX_BACKOFF_MS = 60000;
    // The printed code: 12 Crockford base32 characters and a mod-37 check character.
    const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    const CHECK_ALPHABET = CODE_ALPHABET + "*~$=U";
    const QR_PAYLOAD = /\/b\/(\d+)\/([^/?#]+)\/?(?:[?#].*)?$/;

    const state = {
        token: localStorage.getItem(TOKEN_KEY),
        bundle: null,
        counter: null,
        pin: null,
        queued: 0,
        refused: 0,
        ballot: null,
        backoff: 2000,
        syncTimer: null,
        syncing: false,
        camera: null,
    };

    // ---------------------------------------------------------------- IndexedDB

    const db = new Promise((resolve, reject) => {
        const request = indexedDB.open("tavabalss-tablet", 1);
        request.onupgradeneeded = () => {
            request.result.createObjectStore("queue", { keyPath: "client_id" });
            request.result.createObjectStore("meta");
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
    });

    function store(name, mode, work) {
        return db.then((database) => new Promise((resolve, reject) => {
            const transaction = database.transaction(name, mode);
            const result = work(transaction.objectStore(name));
            transaction.oncomplete = () => resolve(result && "result" in result ? result.result : result);
            transaction.onerror = () => reject(transaction.error);
        }));
    }
    const meta = {
        get: (key) => store("meta", "readonly", (s) => s.get(key)),
        set: (key, value) => store("meta", "readwrite", (s) => s.put(value, key)),
        clear: () => store("meta", "readwrite", (s) => s.clear()),
    };
    const queue = {
        add: (vote) => store("queue", "readwrite", (s) => s.add(vote)),
        all: () => store("queue", "readonly", (s) => s.getAll()),
        count: () => store("queue", "readonly", (s) => s.count()),
        remove: (ids) => store("queue", "readwrite", (s) => ids.forEach((id) => s.delete(id))),
    };

    // ---------------------------------------------------------------- network

    class Refusal extends Error {
        constructor(status, body) {
            super(body.message || gettext("Something went wrong."));
            this.status = status;
            this.code = body.error;
            this.body = body;
        }
    }

    async function api(path, { method = "GET", body, pin } = {}) {
        const headers = { "Accept-Language": LANGUAGE };
        if (state.token) headers.Authorization = "Bearer " + state.token;
        if (pin) headers["X-Station-Pin"] = pin;
        if (body !== undefined) headers["Content-Type"] = "application/json";
        const response = await fetch(API + path, {
            method, headers, body: body === undefined ? undefined : JSON.stringify(body),
            cache: "no-store", credentials: "omit",
        });
        if (response.status === 401 && path !== "pair/") {
            forgetTablet();
            throw new Refusal(401, await response.json());
        }
        if (!response.ok) {
            let data = {};
            try { data = await response.json(); } catch (error) { data = {}; }
            throw new Refusal(response.status, data);
        }
        const type = response.headers.get("Content-Type") || "";
        return type.includes("json") ? response.json() : response.blob();
    }

    function isNetworkFailure(error) {
        return !(error instanceof Refusal) || error.status >= 500;
    }

    // ---------------------------------------------------------------- screens

    function show(name) {
        document.querySelectorAll("[data-screen]").forEach((screen) => {
            screen.hidden = screen.dataset.screen !== name;
        });
        if (name !== "scan") stopCamera();
        const screen = document.querySelector(`[data-screen="${name}"]`);
        screen.querySelectorAll("[data-error]").forEach((node) => { node.textContent = ""; });
        const heading = screen.querySelector("h1");
        if (heading) {
            heading.tabIndex = -1;
            heading.focus({ preventScroll: true });
        }
        state.screen = name;
    }

    function showError(text) {
        const node = document.querySelector(`[data-screen="${state.screen}"] [data-error]`);
        if (node) node.textContent = text;
    }

    function notice(text) {
        const node = document.querySelector("[data-notice]");
        if (node) node.textContent = text;
    }

    function text(value) {
        return (value && (value[LANGUAGE] || value.lv)) || "";
    }

    function applyTheme() {
        const theme = state.bundle.station.theme;
        document.documentElement.style.setProperty("--station-primary", theme.primary || "#0b4f8a");
        document.documentElement.style.setProperty("--station-accent", theme.accent || "#f2b705");
        document.getElementById("station-name").textContent = state.bundle.station.name;
    }

    async function updateSyncStatus() {
        state.queued = await queue.count();
        state.refused = (await meta.get("refused")) || 0;
        const line = state.queued
            ? interpolate(ngettext("%s vote is waiting to sync", "%s votes are waiting to sync", state.queued), [state.queued])
            : gettext("All votes are synced");
        document.getElementById("sync-status").textContent = line + (navigator.onLine ? "" : " · " + gettext("offline"));
        document.getElementById("counter-waiting").textContent = line;
        const refused = document.getElementById("counter-refused");
        refused.hidden = !state.refused;
        refused.textContent = interpolate(gettext("Votes the server did not count: %s"), [state.refused]);
    }

    // ---------------------------------------------------------------- codes

    function checkCharacter(data) {
        let value = 0n;
        for (const character of data) value = value * 32n + BigInt(CODE_ALPHABET.indexOf(character));
        return CHECK_ALPHABET[Number(value % 37n)];
    }

    /* The canonical code from a scanned QR payload or typed text, or null. */
    function canonicalCode(raw) {
        let candidate = (raw || "").trim();
        const match = candidate.match(QR_PAYLOAD);
        if (match) candidate = decodeURIComponent(match[2]);
        const compact = candidate.replace(/[\s\-_.·]+/g, "").toUpperCase();
        if (compact.length !== 13) return null;
        const aliases = (part) => part.replace(/O/g, "0").replace(/[IL]/g, "1");
        const data = aliases(compact.slice(0, 12));
        const check = aliases(compact.slice(12));
        if ([...data].some((c) => !CODE_ALPHABET.includes(c))) return null;
        return checkCharacter(data) === check ? data + check : null;
    }

    async function offlineDigest(code) {
        const list = state.bundle.offline_check;
        const bytes = new TextEncoder().encode(list.salt + code);
        const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
        return Array.from(hash.slice(0, list.digest_bytes || 8), (b) => b.toString(16).padStart(2, "0")).join("");
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
        const digest = await offlineDigest(code);
        const used = (await meta.get("used")) || [];
        if (used.includes(digest)) {
            throw new Refusal(409, { error: "already_used", message: gettext("This card has already been used to vote.") });
        }
        if (!state.bundle.offline_check.digests.includes(digest)) {
            throw new Refusal(409, { error: "unknown", message: gettext("No ballot card of this station has this code.") });
        }
        return { code, offline: true };
    }

    // ---------------------------------------------------------------- camera

    async function startCamera(kind, onCode) {
        stopCamera();
        const box = document.querySelector(`[data-camera="${kind}"]`);
        if (!box || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
        let stream;
        try {
            stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
        } catch (error) {
            return;  // No camera or no permission: the code field still works.
        }
        const video = box.querySelector("video");
        video.srcObject = stream;
        box.hidden = false;
        await video.play().catch(() => {});
        let detector = null;
        if ("BarcodeDetector" in window) {
            try {
                const formats = await window.BarcodeDetector.getSupportedFormats();
                if (formats.includes("qr_code")) detector = new window.BarcodeDetector({ formats: ["qr_code"] });
            } catch (error) { detector = null; }
        }
        const canvas = document.createElement("canvas");
        const context = canvas.getContext("2d", { willReadFrequently: true });
        const camera = { stream, box, timer: null, busy: false };
        state.camera = camera;
        camera.timer = setInterval(async () => {
            if (camera.busy || !video.videoWidth) return;
            camera.busy = true;
            try {
                let found = null;
                if (detector) {
                    const codes = await detector.detect(video);
                    found = codes.length ? codes[0].rawValue : null;
                } else if (window.jsQR) {
                    canvas.width = video.videoWidth;
                    canvas.height = video.videoHeight;
                    context.drawImage(video, 0, 0);
                    const image = context.getImageData(0, 0, canvas.width, canvas.height);
                    const result = window.jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
                    found = result ? result.data : null;
                }
                if (found && state.camera === camera) {
                    stopCamera();
                    onCode(found);
                }
            } finally {
                camera.busy = false;
            }
        }, 250);
    }

    function stopCamera() {
        const camera = state.camera;
        if (!camera) return;
        state.camera = null;
        clearInterval(camera.timer);
        camera.stream.getTracks().forEach((track) => track.stop());
        camera.box.hidden = true;
    }

    // ---------------------------------------------------------------- pairing

    function forgetTablet() {
        state.token = null;
        state.bundle = null;
        localStorage.removeItem(TOKEN_KEY);
        show("pair");
    }

    async function pair(code, label) {
        try {
            const data = await api("pair/", { method: "POST", body: { code, label } });
            state.token = data.token;
            localStorage.setItem(TOKEN_KEY, data.token);
            await loadBundle();
            show("pin");
        } catch (error) {
            showError(isNetworkFailure(error) ? gettext("No connection to the server. Try again when the network is back.") : error.message);
        }
    }

    async function loadBundle() {
        try {
            state.bundle = await api("bundle/");
            await meta.set("bundle", state.bundle);
        } catch (error) {
            if (!isNetworkFailure(error)) throw error;
            state.bundle = await meta.get("bundle");
        }
        if (state.bundle) applyTheme();
        return state.bundle;
    }

    // ---------------------------------------------------------------- volunteers

    async function refreshCounter() {
        try {
            state.counter = await api("status/?queued=" + state.queued);
            await meta.set("counter", state.counter);
        } catch (error) {
            if (!isNetworkFailure(error)) throw error;
            state.counter = state.counter || (await meta.get("counter")) || { status: state.bundle.station.status, paused: false, total: 0, by_age_band: [] };
        }
        return state.counter;
    }

    async function showMenu() {
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
        document.querySelectorAll("[data-when-status]").forEach((button) => {
            button.hidden = button.dataset.whenStatus !== counter.status;
        });
        document.querySelector('[data-action="pause"]').hidden ||= counter.paused;
        document.querySelector('[data-action="resume"]').hidden ||= !counter.paused;
        document.querySelector('[data-action="start-voting"]').hidden ||= counter.paused;
        document.getElementById("confirm-close").hidden = true;
        document.getElementById("spoil-form").hidden = true;
        if (state.screen !== "menu") show("menu");
    }

    async function volunteerAction(path, body) {
        try {
            state.counter = await api(path, { method: "POST", body: body || {}, pin: state.pin });
            notice("");
            await showMenu();
            return true;
        } catch (error) {
            showError(isNetworkFailure(error) ? gettext("This needs the network. Try again when it is back.") : error.message);
            return false;
        }
    }

    async function downloadCertificate() {
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
            showError(isNetworkFailure(error) ? gettext("This needs the network. Try again when it is back.") : error.message);
        }
    }

    // ---------------------------------------------------------------- the voting loop

    async function goToVoting() {
        state.pin = null;
        state.ballot = null;
        const counter = state.counter || (await refreshCounter());
        if (counter.status === "closed") return show("closed");
        if (counter.paused) return show("paused");
        show("scan");
        document.getElementById("ballot-code").value = "";
        startCamera("ballot", (raw) => startBallot(raw));
    }

    async function startBallot(raw) {
        if (!raw || !raw.trim()) {
            showError(gettext("Enter the code printed on the card."));
            return;
        }
        try {
            const card = await checkCard(raw);
            state.ballot = { code: card.code, offline: card.offline, ageBand: null, questions: [], answers: {}, index: 0 };
            showAgeBands();
        } catch (error) {
            showError(error.message);
            document.getElementById("ballot-code").select();
            startCamera("ballot", (again) => startBallot(again));
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
        label.textContent = option ? text(option.label) : gettext("I don't know / I don't want to answer");
        button.append(label);
        button.addEventListener("click", () => {
            state.ballot.answers[question.id] = value;
            showQuestion();
        });
        return button;
    }

    function showQuestion() {
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
            answer.textContent = chosen ? text(chosen.label) : gettext("I don't know / I don't want to answer");
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

    async function confirmVote() {
        const ballot = state.ballot;
        if (!ballot) return;
        state.ballot = null;  // No way back into a finished ballot.
        const vote = {
            client_id: crypto.randomUUID(),
            code: ballot.code,
            age_band: ballot.ageBand.id,
            answers: ballot.questions.map((question) => ({ question: question.id, option: ballot.answers[question.id] })),
            cast_at: new Date().toISOString(),
            offline: ballot.offline,
        };
        await queue.add(vote);
        const code = canonicalCode(ballot.code);
        if (code) {
            const used = (await meta.get("used")) || [];
            used.push(await offlineDigest(code));
            await meta.set("used", used);
        }
        show("thanks");
        await updateSyncStatus();
        syncSoon(0);
        setTimeout(() => { if (state.screen === "thanks") goToVoting(); }, THANKS_SECONDS * 1000);
    }

    // ---------------------------------------------------------------- sync

    function syncSoon(delay) {
        clearTimeout(state.syncTimer);
        state.syncTimer = setTimeout(syncQueue, delay);
    }

    async function syncQueue() {
        if (state.syncing || !state.token) return;
        state.syncing = true;
        let next = SYNC_INTERVAL_MS;
        try {
            const waiting = await queue.all();
            if (waiting.length) {
                const batch = waiting.slice(0, SYNC_BATCH);
                try {
                    const data = await api("sync/", { method: "POST", body: { votes: batch, queued: waiting.length } });
                    const refused = data.results.filter((result) => result.result === "refused").length;
                    if (refused) await meta.set("refused", ((await meta.get("refused")) || 0) + refused);
                    await queue.remove(data.results.map((result) => result.client_id));
                    state.backoff = 2000;
                    next = waiting.length > batch.length ? 0 : SYNC_INTERVAL_MS;
                } catch (error) {
                    if (error instanceof Refusal && error.status === 400 && error.body.client_id) {
                        // A vote the server can never accept (e.g. its question was removed):
                        // set it aside so the rest of the queue still goes through.
                        await meta.set("refused", ((await meta.get("refused")) || 0) + 1);
                        await queue.remove([error.body.client_id]);
                        next = 0;
                    } else {
                        next = state.backoff;
                        state.backoff = Math.min(state.backoff * 2, MAX_BACKOFF_MS);
                    }
                }
            }
        } finally {
            state.syncing = false;
            await updateSyncStatus();
            syncSoon(next);
        }
    }

    // ---------------------------------------------------------------- wiring

    function on(action, handler) {
        document.querySelectorAll(`[data-action="${action}"]`).forEach((button) => {
            button.addEventListener("click", handler);
        });
    }

    document.getElementById("pair-form").addEventListener("submit", (event) => {
        event.preventDefault();
        const form = event.target;
        pair(form.code.value, form.label.value);
    });
    on("scan-pairing", () => startCamera("pair", (raw) => {
        const code = raw.includes("pair=") ? new URL(raw, location.href).searchParams.get("pair") : raw;
        document.getElementById("pair-code").value = code;
    }));

    document.getElementById("pin-form").addEventListener("submit", async (event) => {
        event.preventDefault();
        const pin = event.target.pin.value;
        event.target.pin.value = "";
        try {
            await api("pin/", { method: "POST", body: {}, pin });
            state.pin = pin;
            await showMenu();
        } catch (error) {
            showError(isNetworkFailure(error) ? gettext("No connection to the server. Try again when the network is back.") : error.message);
        }
    });
    on("back-to-voting", goToVoting);
    on("volunteer", () => show("pin"));
    on("lock", goToVoting);
    on("start-voting", goToVoting);
    on("open-station", () => volunteerAction("open/"));
    on("pause", () => volunteerAction("pause/", { paused: true }));
    on("resume", () => volunteerAction("pause/", { paused: false }));
    on("sync-now", async () => { await syncQueue(); await showMenu(); });
    on("certificate", downloadCertificate);
    on("close-station", async () => {
        await updateSyncStatus();
        document.getElementById("close-warning").textContent = state.queued
            ? interpolate(ngettext(
                "%s vote is still waiting to sync! Connect to the network and wait before closing.",
                "%s votes are still waiting to sync! Connect to the network and wait before closing.",
                state.queued), [state.queued])
            : gettext("After closing, no child can vote at this station. Close now?");
        document.getElementById("confirm-close").hidden = false;
    });
    on("cancel-close", () => { document.getElementById("confirm-close").hidden = true; });
    on("confirm-close", () => volunteerAction("close/"));
    on("show-spoil", () => {
        const form = document.getElementById("spoil-form");
        form.hidden = false;
        form.code.focus();
    });
    on("hide-spoil", () => { document.getElementById("spoil-form").hidden = true; });
    document.getElementById("spoil-form").addEventListener("submit", async (event) => {
        event.preventDefault();
        const form = event.target;
        if (await volunteerAction("spoil/", { code: form.code.value, reason: form.reason.value })) {
            form.reset();
            notice(gettext("The ballot is marked as spoiled."));
        }
    });

    document.getElementById("code-form").addEventListener("submit", (event) => {
        event.preventDefault();
        startBallot(event.target.code.value);
    });
    on("next-question", () => {
        state.ballot.index += 1;
        state.questionShown = null;
        showQuestion();
    });
    on("confirm-vote", confirmVote);

    window.addEventListener("online", () => { state.backoff = 2000; syncSoon(0); updateSyncStatus(); });
    window.addEventListener("offline", updateSyncStatus);

    async function start() {
        if ("serviceWorker" in navigator) {
            navigator.serviceWorker.register(app.dataset.serviceWorker, { scope: app.dataset.scope }).catch(() => {});
        }
        await updateSyncStatus();
        if (!state.token) return show("pair");
        try {
            if (!(await loadBundle())) return show("pair");
        } catch (error) {
            return show("pair");
        }
        syncSoon(0);
        show("pin");
    }

    start();
})();
