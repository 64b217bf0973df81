// The election-day board reloads itself every 30 s while its box is ticked; an organiser who
// is reading or using a screen reader unticks it (WCAG 2.2.1: timing adjustable).
(function () {
    "use strict";
    const REFRESH_MS = 30000;
    const box = document.getElementById("election-day-board-refresh");
    if (!box) {
        return;
    }
    const remembered = window.sessionStorage.getItem("election-day-board-refresh");
    box.checked = remembered !== "off";
    let timer = null;
    function schedule() {
        window.clearTimeout(timer);
        if (box.checked) {
            timer = window.setTimeout(() => window.location.reload(), REFRESH_MS);
        }
    }
    box.addEventListener("change", () => {
        window.sessionStorage.setItem("election-day-board-refresh", box.checked ? "on" : "off");
        schedule();
    });
    schedule();
})();
