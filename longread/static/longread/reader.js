/* Reader enhancements. Every story reads completely without this file; it only adds to it.
   Nothing here stores anything on the reader's device. */
(function () {
  "use strict";
  var root = document.documentElement;
  var reducedMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)");
  root.classList.add("lr-js");

  function motionAllowed() {
    return root.getAttribute("data-motion") !== "off" && !(reducedMotion && reducedMotion.matches);
  }

  /* Quick exit (after GOV.UK's "Exit this page"): the links work on their own. Here we blank
     the page at once, replace this page in the history where the browser allows, and add
     Shift pressed three times. */
  var exitLinks = document.querySelectorAll("[data-quick-exit-link]");
  function leave(event) {
    if (event) event.preventDefault();
    root.classList.add("lr-leaving");
    var target = exitLinks.length ? exitLinks[0].href : "https://www.buienradar.nl/";
    window.location.replace(target);
  }
  Array.prototype.forEach.call(exitLinks, function (link) {
    link.addEventListener("click", leave);
  });
  if (exitLinks.length) {
    /* Count a Shift press only when it is released with no other key pressed meanwhile, so
       typing a capital letter never leaves the site. */
    var shiftTimes = [], shiftAlone = false;
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Shift") { shiftAlone = false; }
      else if (!event.repeat) { shiftAlone = true; }
    });
    document.addEventListener("keyup", function (event) {
      if (event.key !== "Shift" || !shiftAlone) { shiftAlone = false; return; }
      shiftAlone = false;
      var now = Date.now();
      shiftTimes = shiftTimes.filter(function (time) { return now - time < 1000; });
      shiftTimes.push(now);
      if (shiftTimes.length >= 3) leave();
    });
  }

  /* Motion toggle: off means no animation at all, as with prefers-reduced-motion. */
  /* The page may offer it in more than one place (the phone's menu, the wide header). */
  var toggles = Array.prototype.slice.call(document.querySelectorAll("[data-motion-toggle]"));
  if (toggles.length) {
    var setMotion = function (on) {
      root.setAttribute("data-motion", on ? "on" : "off");
      toggles.forEach(function (toggle) {
        toggle.setAttribute("aria-pressed", on ? "true" : "false");
      });
    };
    setMotion(!(reducedMotion && reducedMotion.matches));
    toggles.forEach(function (toggle) {
      toggle.hidden = false;
      toggle.addEventListener("click", function () {
        setMotion(root.getAttribute("data-motion") === "off");
      });
    });
  }

  var observe = "IntersectionObserver" in window;

  /* Chapter navigation: the chapter being read is marked with aria-current. */
  var tocLinks = document.querySelectorAll(".lr-toc a[href^='#']");
  if (observe && tocLinks.length) {
    var byId = {};
    Array.prototype.forEach.call(tocLinks, function (link) { byId[link.hash.slice(1)] = link; });
    var chapterObserver = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting || !byId[entry.target.id]) return;
        Array.prototype.forEach.call(tocLinks, function (link) { link.removeAttribute("aria-current"); });
        byId[entry.target.id].setAttribute("aria-current", "true");
      });
    }, { rootMargin: "0px 0px -70% 0px" });
    Object.keys(byId).forEach(function (id) {
      var chapter = document.getElementById(id);
      if (chapter) chapterObserver.observe(chapter);
    });
  }

  /* Scrolly steps: the step in the middle of the screen is active; its figure shows in the
     sticky frame. Works when the page opens mid-story or after an anchor jump, since the
     observer reports the current state at once. */
  Array.prototype.forEach.call(document.querySelectorAll("[data-steps]"), function (section) {
    if (!observe) return;
    section.classList.add("lr-steps--active");
    var steps = section.querySelectorAll("[data-step]");
    var stepObserver = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        Array.prototype.forEach.call(steps, function (step) { step.classList.remove("is-active"); });
        entry.target.classList.add("is-active");
        section.setAttribute("data-active-step", entry.target.getAttribute("data-step"));
      });
    }, { rootMargin: "-45% 0px -45% 0px" });
    Array.prototype.forEach.call(steps, function (step) { stepObserver.observe(step); });
  });

  /* Key figures count up once, only when motion is allowed. The final text never changes. */
  if (observe) {
    var figureObserver = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        figureObserver.unobserve(entry.target);
        if (!motionAllowed()) return;
        var element = entry.target, target = parseInt(element.getAttribute("data-count-to"), 10);
        var text = element.textContent, start = null;
        element.setAttribute("aria-hidden", "true");
        function step(time) {
          if (start === null) start = time;
          var progress = Math.min(1, (time - start) / 1200);
          element.textContent = Math.round(target * progress).toLocaleString(root.lang);
          if (progress < 1) { window.requestAnimationFrame(step); }
          else { element.textContent = text; element.removeAttribute("aria-hidden"); }
        }
        window.requestAnimationFrame(step);
      });
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-count-to]"), function (element) {
      figureObserver.observe(element);
    });
  }

  /* External video: the frame is created only when the reader asks for it. */
  Array.prototype.forEach.call(document.querySelectorAll("[data-embed-load]"), function (button) {
    button.addEventListener("click", function (event) {
      event.preventDefault();
      var box = button.closest("[data-embed-src]");
      var frame = document.createElement("iframe");
      frame.src = box.getAttribute("data-embed-src");
      frame.title = box.getAttribute("data-embed-title") || "";
      frame.setAttribute("allow", "fullscreen; picture-in-picture");
      frame.setAttribute("referrerpolicy", "no-referrer");
      frame.setAttribute("loading", "lazy");
      box.replaceChildren(frame);
      frame.focus();  // keyboard users stay where they were, now on the video
    });
  });

  /* Image comparison: a native range input reveals the "after" image. */
  Array.prototype.forEach.call(document.querySelectorAll("[data-compare]"), function (figure) {
    var range = figure.querySelector("[data-compare-range]");
    if (!range) return;
    figure.classList.add("lr-compare--active");
    range.parentNode.hidden = false;
    var update = function () { figure.style.setProperty("--lr-compare", range.value + "%"); };
    range.addEventListener("input", update);
    update();
  });

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
