/* Reader enhancements. Everything works without this file; it only adds to it. */
(function () {
  "use strict";

  /* Quick exit (after GOV.UK's "Exit this page"): the link works on its own. Here we blank the
     page at once, replace this page in the history where the browser allows, and add Shift×3. */
  var exitLink = document.querySelector("[data-quick-exit-link]");
  function leave(event) {
    if (event) event.preventDefault();
    document.documentElement.classList.add("lr-leaving");
    var target = exitLink ? exitLink.href : "https://www.buienradar.nl/";
    try { window.location.replace(target); } catch (e) { window.location.href = target; }
  }
  if (exitLink) {
    exitLink.addEventListener("click", leave);
    var shiftTimes = [];
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Shift" || event.repeat) return;
      var now = Date.now();
      shiftTimes = shiftTimes.filter(function (time) { return now - time < 1000; });
      shiftTimes.push(now);
      if (shiftTimes.length >= 3) leave();
    });
  }

  /* Sharing: copy the link, or the device's own share sheet. No third-party script. */
  var shareLink = document.querySelector("[data-share-link]");
  if (shareLink) {
    var status = document.querySelector("[data-share-status]");
    var copy = document.querySelector("[data-share-copy]");
    var native = document.querySelector("[data-share-native]");
    if (copy && navigator.clipboard) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(shareLink.href).then(function () {
          if (status) status.textContent = copy.getAttribute("data-done") || "✓";
        });
      });
    }
    if (native && navigator.share) {
      native.hidden = false;
      native.addEventListener("click", function () {
        navigator.share({ title: document.title, url: shareLink.href }).catch(function () {});
      });
    }
  }
})();
