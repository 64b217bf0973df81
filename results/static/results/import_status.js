// A precinct import's page: ask for its state every few seconds until it has finished. The
// new state replaces the contents of the live region (announced politely) and nothing else,
// so the keyboard focus and the scroll position stay where the organiser left them.
(function () {
    var region = document.querySelector("[data-status-url]");
    if (!region) { return; }
    var url = region.getAttribute("data-status-url");
    var seconds = parseInt(region.getAttribute("data-refresh-seconds"), 10) || 2;

    function finished() {
        var state = region.querySelector("[data-import-finished]");
        return !state || state.getAttribute("data-import-finished") === "true";
    }

    function refresh() {
        fetch(url, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
            .then(function (response) {
                if (!response.ok) { throw new Error(String(response.status)); }
                return response.text();
            })
            .then(function (html) {
                var next = document.createElement("div");
                next.innerHTML = html;
                if (next.textContent.trim() !== region.textContent.trim()) {
                    region.innerHTML = html;
                }
            })
            .catch(function () { /* a missed answer: the next one will do */ })
            .then(function () {
                if (!finished()) { window.setTimeout(refresh, seconds * 1000); }
            });
    }

    if (!finished()) { window.setTimeout(refresh, seconds * 1000); }
})();
