// Live participation: reload the report every few seconds, unless the organiser is typing.
(function () {
    var holder = document.querySelector("[data-refresh-seconds]");
    if (!holder) { return; }
    var seconds = parseInt(holder.getAttribute("data-refresh-seconds"), 10) || 30;
    window.setInterval(function () {
        var active = document.activeElement;
        if (active && (active.tagName === "INPUT" || active.tagName === "SELECT")) { return; }
        window.location.reload();
    }, seconds * 1000);
})();
