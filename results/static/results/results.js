// Print view: a print button where JavaScript runs, and every breakdown opened for paper.
(function () {
    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () { window.print(); });
    });
    window.addEventListener("beforeprint", function () {
        document.querySelectorAll("details").forEach(function (details) { details.open = true; });
    });
})();
