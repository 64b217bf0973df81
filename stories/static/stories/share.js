// A story's share buttons. The plain links to the networks work without this script; it adds
// the device's own share sheet where the browser has one (Web Share API) and copying the link,
// by the Clipboard API or, where that is missing or refused, by selecting the link and the
// browser's copy command. What happened is said in the status line screen readers announce.
(function () {
    "use strict";
    var box = document.querySelector("[data-share]");
    if (!box) { return; }
    var status = box.querySelector("[data-share-status]");
    var field = box.querySelector("[data-share-link]");
    var copyButton = box.querySelector("[data-share-copy]");
    var shareButton = box.querySelector("[data-share-native]");

    function say(message) { status.textContent = message; }

    function copyBySelection() {
        field.focus();
        field.select();
        try {
            return document.execCommand("copy");
        } catch {
            return false;
        }
    }

    function copyLink() {
        var copied = function () { say(copyButton.getAttribute("data-share-copied")); };
        var fallBack = function () {
            if (copyBySelection()) {
                copied();
            } else {
                // The link stays selected for the reader to copy themselves.
                say(copyButton.getAttribute("data-share-select"));
            }
        };
        if (navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
            navigator.clipboard.writeText(field.value).then(copied, fallBack);
        } else {
            fallBack();
        }
    }

    copyButton.hidden = false;
    copyButton.addEventListener("click", copyLink);

    if (typeof navigator.share === "function") {
        shareButton.hidden = false;
        shareButton.addEventListener("click", function () {
            navigator.share({
                title: shareButton.getAttribute("data-share-title"),
                text: shareButton.getAttribute("data-share-text"),
                url: field.value,
            }).catch(function (error) {
                // Closing the share sheet is the reader's choice, not a failure.
                if (error && error.name === "AbortError") { return; }
                say(shareButton.getAttribute("data-share-failed"));
            });
        });
    }
})();
