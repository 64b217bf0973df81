// Keeps the server-rendered countdowns current while the page stays open. The words come
// from the page (data-forms: the translated word per plural category) and the category from
// Intl.PluralRules in the page's language, so "21 diena 1 stunda" and "1 hour" stay right.
(function () {
  "use strict";
  var rules = new Intl.PluralRules(document.documentElement.lang || "lv");
  function word(label, count) {
    var forms;
    try {
      forms = JSON.parse(label.getAttribute("data-forms"));
    } catch {
      return null;
    }
    return forms[rules.select(count)] || forms.other || null;
  }
  function show(value, label, count) {
    value.textContent = String(count);
    var text = label && word(label, count);
    if (text) { label.textContent = text; }
  }
  var boxes = document.querySelectorAll("[data-countdown]");
  Array.prototype.forEach.call(boxes, function (box) {
    var target = new Date(box.getAttribute("data-countdown")).getTime();
    var days = box.querySelector("[data-countdown-days]");
    var hours = box.querySelector("[data-countdown-hours]");
    if (!days || !hours || isNaN(target)) { return; }
    var dayLabel = box.querySelector("[data-countdown-days-label]");
    var hourLabel = box.querySelector("[data-countdown-hours-label]");
    function update() {
      var left = Math.max(target - Date.now(), 0);
      show(days, dayLabel, Math.floor(left / 86400000));
      show(hours, hourLabel, Math.floor((left % 86400000) / 3600000));
    }
    update();
    window.setInterval(update, 60000);
  });
})();
