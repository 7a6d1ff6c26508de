// wagtail-localize's editor writes its heading in English whatever the admin's language
// ("Nederlands to Engels translation"), and the screen-reader text of its footer's menu ("More
// actions": written into its script, past its own catalogue). The page carries each text as
// wagtail-localize writes it and in the admin's language
// (site/templates/wagtail_localize/admin/edit_translation.html); this swaps the one for the
// other wherever and whenever the editor draws it, never inside a segment's text.
// It writes its dates with English month names too ("Handmatig vertaald op 7 December 2026",
// Python's strftime): they are written again in the admin's language (the page's lang).
const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];
const ENGLISH_DATE = new RegExp(`\\b(\\d{1,2}) (${MONTHS.join("|")}) (\\d{4})\\b`);
const SEGMENT_TEXT = ".js-translation-editor li > div > p, textarea";
const localDates = (text) => {
  const language = document.documentElement.lang || "en";
  if (language.startsWith("en")) return text;
  const format = new Intl.DateTimeFormat(language, { day: "numeric", month: "long", year: "numeric" });
  return text.replace(new RegExp(ENGLISH_DATE.source, "g"), (_whole, day, month, year) =>
    format.format(new Date(Number(year), MONTHS.indexOf(month), Number(day))),
  );
};
const swapTranslationHeading = () => {
  const markers = document.querySelectorAll("[data-translation-heading], [data-translation-text]");
  if (!markers.length) return;
  const texts = new Map();
  for (const { dataset } of markers) {
    if (dataset.from !== dataset.to) texts.set(dataset.from, dataset.to);
  }
  const swap = () => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // Not inside a segment's own text (source or translation), which is the page's content.
      // Only a real change is written: writing a text, even the same one, is a mutation, and
      // this runs on every mutation.
      if (node.parentElement.closest(SEGMENT_TEXT)) continue;
      const to = texts.get(node.nodeValue.trim());
      if (to !== undefined) node.nodeValue = to;
      else if (ENGLISH_DATE.test(node.nodeValue)) {
        const local = localDates(node.nodeValue);
        if (local !== node.nodeValue) node.nodeValue = local;
      }
    }
  };
  new MutationObserver(swap).observe(document.body, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  swap();
};
// The admin loads this script in the page's head: the page is read first.
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", swapTranslationHeading);
} else {
  swapTranslationHeading();
}

// The way to the page's PO/XLIFF file page (sitewide.translation.file_views) joins the editor's
// own PO download and upload, on a line under them, once the editor has drawn them (left where
// the template puts it, it sat above the editor's header); a translator's "Ready for review"
// (sitewide.translation.handoff) follows it.
const placeTranslationFilesLink = () => {
  const link = document.querySelector("[data-translation-files-link]");
  if (!link) return;
  const handover = document.querySelector("[data-translation-handover]");
  const place = () => {
    const download = document.querySelector(".js-translation-editor a[href*='/pofile/download/']");
    const panel = download && download.closest(".w-tabs__panel");
    if (!panel || panel.parentElement.nextElementSibling === link) return;
    panel.parentElement.after(link);
    link.hidden = false;
    if (handover) {
      link.after(handover);
      handover.hidden = false;
    }
  };
  new MutationObserver(place).observe(document.body, { childList: true, subtree: true });
  place();
};
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", placeTranslationFilesLink);
} else {
  placeTranslationFilesLink();
}
