/* Reader enhancements. Every story reads completely without this file; it only adds to it.
   It keeps one thing for the length of a visit: the motion choice, if the reader makes one
   (session storage, gone when the tab closes: nothing stays on the device). */
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
  /* A page that answers a sent form (the teller's page: the code, then each step) becomes an
     ordinary entry of the history, with no form to send: Back (also after the quick exit) or a
     reload loads the address afresh, which asks for the code, and never sends the form again nor
     asks whether to ("Confirm form resubmission"). Nothing is stored. */
  if (root.hasAttribute("data-sent-form") && window.history.replaceState) {
    window.history.replaceState(null, "", window.location.href);
  }
  function leave(event) {
    if (event) event.preventDefault();
    root.classList.add("lr-leaving");
    /* A page may ask to be told as the reader leaves (a private page locks itself). */
    var send = document.querySelector("form[data-quick-exit-send]");
    if (send && navigator.sendBeacon) navigator.sendBeacon(send.action, new FormData(send));
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

  /* Motion toggle: off means no animation at all, as with prefers-reduced-motion. The page may
     offer it in more than one place (the phone's menu, the wide header). The choice is kept for
     this visit only (session storage: never sent anywhere, no cookie, gone with the tab, so a
     device checked by someone else shows no trace). */
  var toggles = Array.prototype.slice.call(document.querySelectorAll("[data-motion-toggle]"));
  if (toggles.length) {
    var stored = null;
    try { stored = window.sessionStorage.getItem("lr-motion"); } catch (error) { /* storage off */ }
    var setMotion = function (on) {
      root.setAttribute("data-motion", on ? "on" : "off");
      toggles.forEach(function (toggle) {
        toggle.setAttribute("aria-pressed", on ? "true" : "false");
      });
    };
    setMotion(stored ? stored === "on" : !(reducedMotion && reducedMotion.matches));
    toggles.forEach(function (toggle) {
      toggle.hidden = false;
      toggle.addEventListener("click", function () {
        var on = root.getAttribute("data-motion") === "off";
        setMotion(on);
        try { window.sessionStorage.setItem("lr-motion", on ? "on" : "off"); } catch (error) { /* off */ }
      });
    });
  }

  var observe = "IntersectionObserver" in window;
  var each = function (selector, action, scope) {
    Array.prototype.forEach.call((scope || document).querySelectorAll(selector), action);
  };

  /* Sticky bars: how much of the top they cover, so pinned pictures and chapter headings
     start below them (--lr-exit-h, --lr-bar-h; scroll-padding uses them). */
  var exitBar = document.querySelector("[data-quick-exit]");
  /* The quick exit sits in the site's top bar, which is the sticky one. */
  var topBar = exitBar && (exitBar.closest(".lr-bar") || exitBar);
  var chapterBar = document.querySelector("[data-chapter-bar]");
  var wideNav = topBar && topBar.querySelector(".lr-nav--wide");
  /* The top bar keeps to one row: when the wide menu would take a second row (long words in
     a language, many pages), it shows the pages that fit, in their order, and the Menu
     drop-down (every page) beside them; when not even two fit, the drop-down alone. Without
     this file it wraps. */
  function fitBar() {
    if (!wideNav) return;
    topBar.classList.remove("lr-bar--compact", "lr-bar--partial");
    var items = Array.prototype.slice.call(wideNav.querySelectorAll("li"));
    items.forEach(function (item) { item.hidden = false; });
    if (items.length < 2 || getComputedStyle(wideNav).display === "none") return;
    var header = topBar.querySelector(".lr-header");
    var fits = function () {
      var shown = items.filter(function (item) { return !item.hidden; });
      var first = shown[0].getBoundingClientRect(), last = shown[shown.length - 1].getBoundingClientRect();
      return Math.abs(last.top - first.top) <= 4 && !(header && header.scrollWidth > header.clientWidth + 1);
    };
    if (fits()) return;
    topBar.classList.add("lr-bar--partial");
    for (var last = items.length - 1; last >= 2 && !fits(); last--) items[last].hidden = true;
    if (fits()) return;
    items.forEach(function (item) { item.hidden = false; });
    topBar.classList.replace("lr-bar--partial", "lr-bar--compact");
  }
  function measureBars() {
    var sticky = function (element) {
      return element && /sticky|fixed/.test(getComputedStyle(element).position) ? element.offsetHeight : 0;
    };
    root.style.setProperty("--lr-exit-h", sticky(topBar) + "px");
    root.style.setProperty("--lr-bar-h", sticky(chapterBar) + "px");
  }
  /* The reading progress line runs along the chapter bar's bottom edge, and leaves with it. */
  var progressLine = document.querySelector(".lr-progress");
  if (progressLine && chapterBar) chapterBar.appendChild(progressLine);

  /* A link within the page (a chapter, "Skip to content") moves there without adding to the
     browser's history: Back after the quick exit must not bring this page back. */
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href^='#']");
    if (!link || link.hash.length < 2 || event.defaultPrevented || event.button !== 0 ||
        event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    window.location.replace(link.hash);
  });

  /* Drop-down menus (<details>): one open at a time; Escape or a tap elsewhere closes them. */
  var drops = Array.prototype.slice.call(document.querySelectorAll("details.lr-drop"));
  drops.forEach(function (drop) {
    drop.addEventListener("toggle", function () {
      if (!drop.open) return;
      drops.forEach(function (other) { if (other !== drop) other.open = false; });
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    drops.forEach(function (drop) {
      if (!drop.open) return;
      drop.open = false;
      var summary = drop.querySelector("summary");
      if (summary) summary.focus();
    });
  });
  document.addEventListener("click", function (event) {
    drops.forEach(function (drop) { if (drop.open && !drop.contains(event.target)) drop.open = false; });
  });
  /* The keyboard leaves an open menu: it closes, or it would cover what has the focus now. */
  drops.forEach(function (drop) {
    drop.addEventListener("focusout", function (event) {
      if (drop.open && event.relatedTarget && !drop.contains(event.relatedTarget)) drop.open = false;
    });
  });

  fitBar();
  measureBars();
  window.addEventListener("resize", function () { fitBar(); measureBars(); });

  /* Chapter bar: on phones a button opens the list as a full-screen panel. */
  var tocToggle = document.querySelector("[data-toc-toggle]");
  var tocCurrent = document.querySelector("[data-toc-current]");
  function openToc(open) {
    /* The panel starts under the bar wherever the bar is (stuck or not yet): never over its button. */
    if (open) chapterBar.style.setProperty("--lr-toc-top", Math.max(0, chapterBar.getBoundingClientRect().bottom) + "px");
    chapterBar.classList.toggle("lr-toc--open", open);
    root.classList.toggle("lr-locked", open);
    tocToggle.setAttribute("aria-expanded", open ? "true" : "false");
  }
  if (tocToggle && chapterBar) {
    tocToggle.addEventListener("click", function () {
      openToc(tocToggle.getAttribute("aria-expanded") !== "true");
    });
    chapterBar.addEventListener("click", function (event) {
      /* A chapter chosen, or a tap anywhere on the panel beside the chapters: it closes. */
      if (!event.target.closest("[data-toc-toggle]")) openToc(false);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && chapterBar.classList.contains("lr-toc--open")) {
        openToc(false);
        tocToggle.focus();
      }
    });
  }

  /* One observer, across the middle of the screen (as Pageflow and Scrollama do), drives the
     chapter bar, the scrolly steps and the backdrops. CSS does the pinning and the crossfade;
     this only says what is active. It reports the current state at once, so a page opened
     mid-story or after an anchor jump is right from the start. */
  /* Reach (stories.reach): once per page view, the furthest chapter reached and whether the end
     was reached, sent to this site only. No identifier; nothing kept on the device. */
  var reachRoot = document.querySelector("[data-reach]");
  var reach = { furthest: 0, end: false, sent: false };
  function sendReach() {
    if (!reachRoot || reach.sent || !navigator.sendBeacon || (!reach.furthest && !reach.end)) return;
    reach.sent = true;
    var data = new FormData();
    data.append("page", reachRoot.getAttribute("data-reach-page"));
    data.append("chapter", String(reach.furthest));
    if (reach.end) data.append("end", "1");
    navigator.sendBeacon(reachRoot.getAttribute("data-reach"), data);
  }
  if (reachRoot) {
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") sendReach();
    });
    window.addEventListener("pagehide", sendReach);
    /* The end (docs/reach.md): the mark after the page's content comes into view after it was
       below the screen, so the reader scrolled to it. On screen from the start (a short page):
       once the page was shown for half its reading time (200 words a minute) with it in view. */
    var endMark = document.querySelector("[data-reach-end]"), endQueued = false;
    var endBelow = false, shownFor = 0, endTimer;
    function endInView() {
      return endMark.getBoundingClientRect().top < window.innerHeight;
    }
    if (endMark && endInView()) {
      var wait = (reachRoot.textContent.match(/\S+/g) || []).length * 150;
      endTimer = setInterval(function () {
        if (document.visibilityState === "visible" && endInView()) shownFor += 1000;
        if (shownFor >= wait) reach.end = true;
        if (reach.end || reach.sent) clearInterval(endTimer);
      }, 1000);
    } else endBelow = true;
    window.addEventListener("scroll", function () {
      if (!endMark || reach.end || endQueued) return;
      endQueued = true;
      window.requestAnimationFrame(function () {
        endQueued = false;
        if (!endInView()) endBelow = true;
        else if (endBelow) reach.end = true;
      });
    }, { passive: true });
  }

  var tocLinks = document.querySelectorAll(".lr-toc a[href^='#']");
  var chapters = [];
  Array.prototype.forEach.call(tocLinks, function (link) {
    var heading = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (heading) chapters.push({ heading: heading, link: link });
  });
  /* The bar names the chapter whose heading has passed under it (a jump to a chapter leaves the
     heading just below the bar: that counts, within a line's height). Reach counts a chapter
     once its heading has come up to the middle of the screen. */
  function markChapter() {
    var current = null, reached = 0;
    var line = parseFloat(getComputedStyle(root).fontSize) || 16;
    var under = chapterBar ? Math.max(0, chapterBar.getBoundingClientRect().bottom) + line : 0;
    chapters.forEach(function (chapter, number) {
      chapter.link.removeAttribute("aria-current");
      var top = chapter.heading.getBoundingClientRect().top;
      if (top < under) current = chapter;
      if (top < window.innerHeight / 2) reached = number + 1;
    });
    if (current) current.link.setAttribute("aria-current", "true");
    reach.furthest = Math.max(reach.furthest, reached);
    /* The bar names a chapter once it is reached; in the story's introduction it says only
       "Chapters" (the label, which then stays for screen readers only). */
    if (tocCurrent) {
      var name = current ? current.link.textContent : "";
      if (tocCurrent.textContent !== name) tocCurrent.textContent = name;
      chapterBar.classList.toggle("lr-toc--in-chapter", !!current);
    }
  }
  var midline = observe && new IntersectionObserver(function (entries) {
    var chapterMoved = false;
    entries.forEach(function (entry) {
      var target = entry.target;
      if (target.hasAttribute("data-step")) {
        if (entry.isIntersecting) activateStep(target);
      } else if (target.lrBackdrop) {
        target.lrBackdrop.classList.toggle("is-active", entry.isIntersecting);
      } else {
        chapterMoved = true;
      }
    });
    if (chapterMoved) markChapter();
  }, { rootMargin: "-49% 0px -50% 0px" });

  function activateStep(step) {
    var section = step.closest("[data-steps]");
    each("[data-step]", function (other) { other.classList.remove("is-active"); }, section);
    step.classList.add("is-active");
    section.setAttribute("data-active-step", step.getAttribute("data-step"));
    if (step.lrFigure) showFigure(section, step.lrFigure);
  }
  function showFigure(section, figure) {
    each(".lr-step__figure", function (other) { other.classList.toggle("is-shown", other === figure); }, section);
  }

  if (chapters.length) {
    /* A jump (link, search, restored position) can pass a heading between two reports. */
    var queued = false;
    window.addEventListener("scroll", function () {
      if (queued) return;
      queued = true;
      window.requestAnimationFrame(function () { queued = false; markChapter(); });
    }, { passive: true });
    markChapter();
  }
  if (midline) {
    chapters.forEach(function (chapter) { midline.observe(chapter.heading); });
    /* Scrolly steps: the figures move into the pinned stage, each remembered by its step. */
    each("[data-steps]", function (section) {
      var stage = section.querySelector("[data-steps-stage]");
      if (!stage) return;
      section.classList.add("lr-steps--active");
      var first = null;
      each("[data-step]", function (step) {
        var figure = step.querySelector(".lr-step__figure");
        if (figure) {
          figure.setAttribute("data-for-step", step.getAttribute("data-step"));
          stage.appendChild(figure);
          step.lrFigure = figure;
          first = first || figure;
        }
        midline.observe(step);
      }, section);
      if (first) showFigure(section, first);
    });
    /* A backdrop is active from when its top comes into the lower part of the screen (its band
       starts 40% of a screen above it), so a fading picture is there as its section arrives,
       not half a screen later. */
    each("[data-backdrop]", function (backdrop) {
      var band = document.createElement("span");
      band.className = "lr-backdrop__band";
      band.setAttribute("aria-hidden", "true");
      band.lrBackdrop = backdrop;
      backdrop.appendChild(band);
      midline.observe(band);
    });
  }

  /* Key figures count up once, only when motion is allowed. The final text never changes. A
     figure under 10 stays still: counting "1 countries" on the way to 3 reads wrong. */
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
      if (parseInt(element.getAttribute("data-count-to"), 10) >= 10) figureObserver.observe(element);
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
      box.classList.add("lr-embed--loaded");  /* the frame fills the 16:9 box, edge to edge */
      frame.focus();  // keyboard users stay where they were, now on the video
    });
  });

  /* Audio: one large play button, a position slider and the time in place of the browser's
     player (which shows "0:00 / 0:00" until something loads). The length comes with the page. */
  each("[data-audio]", function (figure) {
    var audio = figure.querySelector("[data-audio-element]");
    var player = figure.querySelector("[data-audio-player]");
    if (!audio || !player) return;
    var toggle = player.querySelector("[data-audio-toggle]");
    var seek = player.querySelector("[data-audio-seek]");
    var current = player.querySelector("[data-audio-current]");
    var length = player.querySelector("[data-audio-length]");
    var clock = function (seconds) {
      seconds = Math.floor(seconds || 0);
      var rest = seconds % 60;
      return Math.floor(seconds / 60) + ":" + (rest < 10 ? "0" : "") + rest;
    };
    var show = function () {
      var playing = !audio.paused && !audio.ended;
      toggle.setAttribute("aria-label", toggle.getAttribute(playing ? "data-label-pause" : "data-label-play"));
      player.classList.toggle("lr-player--playing", playing);
      current.textContent = clock(audio.currentTime);
      seek.value = Math.floor(audio.currentTime);
      seek.setAttribute("aria-valuetext", clock(audio.currentTime) + (length ? " / " + length.textContent : ""));
    };
    audio.controls = false;
    audio.hidden = true;
    player.hidden = false;
    toggle.addEventListener("click", function () {
      if (audio.paused || audio.ended) audio.play(); else audio.pause();
    });
    seek.addEventListener("input", function () { audio.currentTime = Number(seek.value); show(); });
    audio.addEventListener("loadedmetadata", function () {
      if (isFinite(audio.duration)) {
        seek.max = Math.ceil(audio.duration);
        if (length) length.textContent = clock(audio.duration);
      }
    });
    ["play", "pause", "ended", "timeupdate"].forEach(function (name) { audio.addEventListener(name, show); });
    show();
  });

  /* Image comparison: the native range input (keyboard) and a drag on the picture move the
     divide; in right-to-left pages the divide runs from the right. */
  each("[data-compare]", function (figure) {
    var range = figure.querySelector("[data-compare-range]");
    var frame = figure.querySelector("[data-compare-frame]");
    if (!range || !frame) return;
    figure.classList.add("lr-compare--active");
    range.parentNode.hidden = false;
    /* The labels leave the halves, which the divide cuts, for the frame's corners. */
    each(".lr-compare__label", function (label) { frame.appendChild(label); }, figure);
    var update = function () { figure.style.setProperty("--lr-compare", range.value + "%"); };
    var dragging = false;
    var moveTo = function (event) {
      var box = frame.getBoundingClientRect();
      var share = (event.clientX - box.left) / box.width;
      if (getComputedStyle(figure).direction === "rtl") share = 1 - share;
      range.value = Math.round(Math.max(0, Math.min(1, share)) * 100);
      update();
    };
    /* A mouse would otherwise start dragging the picture itself and stop moving the divide. */
    frame.addEventListener("dragstart", function (event) { event.preventDefault(); });
    /* A mouse moves the divide at once. A finger moves it only once it goes sideways: a swipe
       up or down scrolls the page (the browser then cancels the pointer), and the divide goes
       back to where it was. */
    var start = null;
    frame.addEventListener("pointerdown", function (event) {
      if (event.pointerType === "mouse") event.preventDefault();
      dragging = true;
      start = { x: event.clientX, y: event.clientY, value: range.value, touch: event.pointerType !== "mouse" };
      if (!start.touch) {
        frame.setPointerCapture(event.pointerId);
        moveTo(event);
      }
    });
    frame.addEventListener("pointermove", function (event) {
      if (!dragging) return;
      if (start && start.touch && Math.abs(event.clientX - start.x) <= Math.abs(event.clientY - start.y)) return;
      moveTo(event);
    });
    frame.addEventListener("pointerup", function (event) {
      if (dragging && start && start.touch && Math.abs(event.clientX - start.x) < 3 && Math.abs(event.clientY - start.y) < 3) {
        moveTo(event);  /* a tap puts the divide there */
      }
      dragging = false;
    });
    frame.addEventListener("pointercancel", function () {
      if (start) { range.value = start.value; update(); }
      dragging = false;
    });
    range.addEventListener("input", update);
    /* An arrow key moves the divide by a twentieth (the range's own step is a hundredth, which a
       reader barely sees); Page Up/Down, Home and End stay the browser's. */
    range.addEventListener("keydown", function (event) {
      var rtl = getComputedStyle(figure).direction === "rtl";
      var step = { ArrowUp: 5, ArrowDown: -5, ArrowRight: rtl ? -5 : 5, ArrowLeft: rtl ? 5 : -5 }[event.key];
      if (!step) return;
      event.preventDefault();
      range.value = Math.max(0, Math.min(100, Number(range.value) + step));
      update();
    });
    update();
  });

  /* Gallery: previous/next and a counter beside the native swipe, and a full-screen viewer in
     a native <dialog> (Escape closes it, arrow keys and swipes step through it). */
  each("[data-gallery]", function (gallery) {
    var list = gallery.querySelector("[data-gallery-list]");
    var items = list ? list.children : [];
    var dialog = gallery.querySelector("[data-gallery-dialog]");
    if (!items.length) return;
    gallery.querySelector("[data-gallery-controls]").hidden = false;
    var index = 0;
    var rtl = getComputedStyle(gallery).direction === "rtl";
    var stage = dialog && dialog.querySelector("[data-viewer-stage]");
    var render = function () {
      each("[data-gallery-count]", function (count) {
        count.textContent = count.getAttribute("data-template")
          .replace("{n}", index + 1).replace("{total}", items.length);
      }, gallery);
      /* The first picture has no previous one, the last no next one: the step that leads
         nowhere says so (and stays where the keyboard is). */
      each("[data-gallery-step]", function (button) {
        var step = parseInt(button.getAttribute("data-gallery-step"), 10);
        var nowhere = step < 0 ? index === 0 : index === items.length - 1;
        if (nowhere) button.setAttribute("aria-disabled", "true");
        else button.removeAttribute("aria-disabled");
      }, gallery);
      if (stage && dialog.open) {
        var copy = items[index].querySelector("figure").cloneNode(true);
        /* The viewer draws the picture as large as the stage allows above its caption (the
           whole width of a phone for a landscape picture, the whole height for a portrait one):
           the sources and the picture say that width, so the browser fetches a rendition that
           large, now that the viewer is open. The picture waits (lazy and hidden) while the
           caption is measured. */
        var shown = copy.querySelector("img");
        var ratio = shown && shown.getAttribute("width") / shown.getAttribute("height") || 1.5;
        if (shown) shown.hidden = true;
        stage.replaceChildren(copy);
        var box = getComputedStyle(stage), caption = copy.querySelector("figcaption");
        var width = stage.clientWidth - parseFloat(box.paddingLeft) - parseFloat(box.paddingRight);
        var height = stage.clientHeight - parseFloat(box.paddingTop) - parseFloat(box.paddingBottom) -
          (caption ? caption.offsetHeight : 0);
        var drawn = Math.max(1, Math.floor(Math.min(width, height * ratio)));
        each("img, source", function (element) {
          element.removeAttribute("loading");
          element.setAttribute("sizes", drawn + "px");
        }, copy);
        if (shown) { shown.style.inlineSize = drawn + "px"; shown.hidden = false; }
      }
    };
    var heading = null;  /* the picture a step is still scrolling to */
    var go = function (next) {
      index = Math.max(0, Math.min(items.length - 1, next));
      if (!(dialog && dialog.open)) {
        heading = index;
        items[index].scrollIntoView({ block: "nearest", inline: "center", behavior: motionAllowed() ? "smooth" : "auto" });
      }
      render();
    };
    /* A finger, a wheel or a key on the list takes over from a step still on its way. */
    ["pointerdown", "wheel", "keydown"].forEach(function (name) {
      list.addEventListener(name, function () { heading = null; }, { passive: true });
    });
    /* After a swipe or a step has come to rest: the picture in the middle is the current one.
       Not while a step is still on its way (a step that cuts another short ends that scroll
       halfway), nor while the viewer is open (the list behind it only moves with the layout). */
    list.addEventListener("onscrollend" in window ? "scrollend" : "scroll", function () {
      if (dialog && dialog.open) return;
      var middle = list.getBoundingClientRect().left + list.clientWidth / 2, nearest = 0, distance = Infinity;
      Array.prototype.forEach.call(items, function (item, position) {
        var box = item.getBoundingClientRect(), away = Math.abs(box.left + box.width / 2 - middle);
        if (away < distance) { distance = away; nearest = position; }
      });
      if (heading !== null) {
        if (nearest === heading) heading = null;
        return;
      }
      if (nearest !== index) { index = nearest; render(); }
    }, { passive: true });
    each("[data-gallery-step]", function (button) {
      button.addEventListener("click", function () { go(index + parseInt(button.getAttribute("data-gallery-step"), 10)); });
    }, gallery);
    /* Home and End: the first and the last picture, in the gallery and in its viewer. */
    var endKey = function (event) {
      var to = { Home: 0, End: items.length - 1 }[event.key];
      if (to === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      go(to);
    };
    list.addEventListener("keydown", endKey);
    var open = function () {
      if (!dialog || !dialog.showModal) return;
      dialog.showModal();
      /* Focus starts on the least drastic control: closing the viewer, not the quick exit that
         comes first in it (Enter or Space would leave the site). */
      var close = dialog.querySelector("[data-gallery-close]");
      if (close) close.focus();
      render();
    };
    gallery.querySelector("[data-gallery-open]").addEventListener("click", open);
    list.addEventListener("click", function (event) {
      var item = event.target.closest("li");
      if (!item || !event.target.closest("img")) return;
      index = Array.prototype.indexOf.call(items, item);
      open();
    });
    if (dialog) {
      /* The page behind a modal dialog cannot be reached: the quick exit comes along, at the
         top of the viewer, and leaves as the page's own does. */
      var pageExit = document.querySelector(".lr-exit__link[data-quick-exit-link]");
      if (pageExit) {
        var viewerExit = pageExit.cloneNode(true);
        viewerExit.className = "lr-viewer__exit";
        viewerExit.addEventListener("click", leave);
        dialog.insertBefore(viewerExit, dialog.firstChild);
      }
      dialog.querySelector("[data-gallery-close]").addEventListener("click", function () { dialog.close(); });
      window.addEventListener("resize", function () { if (dialog.open) render(); });  /* a phone turned */
      dialog.addEventListener("close", function () { go(index); });
      dialog.addEventListener("keydown", function (event) {
        var step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
        if (step) go(index + (rtl ? -step : step));
        else endKey(event);
        /* Tab stays among the viewer's controls (the browser would leave the page for its own
           toolbar after the last one). */
        if (event.key !== "Tab") return;
        var controls = Array.prototype.filter.call(
          dialog.querySelectorAll("a[href], button:not([hidden])"),
          function (control) { return control.offsetParent !== null; });
        var first = controls[0], last = controls[controls.length - 1];
        if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
        else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
      });
      /* A sideways swipe steps (the stage leaves sideways moves to the page: touch-action in
         reader.css, or the browser would take the finger to pan and cancel the pointer). */
      var startX = null;
      dialog.addEventListener("pointerdown", function (event) { startX = event.clientX; });
      dialog.addEventListener("pointercancel", function () { startX = null; });
      dialog.addEventListener("pointerup", function (event) {
        if (startX === null) return;
        var moved = event.clientX - startX;
        startX = null;
        if (Math.abs(moved) > 40) go(index + ((moved < 0) !== rtl ? 1 : -1));
      });
    }
    render();
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
