/*
 * bindref-languages.js: pick a language once and keep it.
 *
 * Material's linked content tabs sync by label text, only on one page at a time, and
 * give no URL for a language. This script gives every language tab a stable id, so
 * one choice selects that language in every tab set on the page and on later pages,
 * `?lang=python` in a URL selects it, the choice is kept in localStorage, and a page
 * without a tab for the chosen language says so in one line.
 *
 * Plain ES2017, no build step, no framework. It cooperates with Material: a tab it
 * switches is clicked like a reader would click it (so Material moves the tab
 * underline), marked the way Material marks its own synced tabs (`data-md-switching`)
 * so Material does not sync it again.
 */
(function () {
  "use strict";

  // Tab label (lower case) -> stable id. The labels mirror tooling/bindref/languages.py
  // (TAB_ORDER and the profiles' labels); a few spellings authors use by hand are aliases.
  var LABEL_IDS = {
    "c#": "csharp",
    "csharp": "csharp",
    "isolated worker model": "csharp-isolated",
    "isolated worker": "csharp-isolated",
    "in-process model": "csharp-inprocess",
    "in-process": "csharp-inprocess",
    "java": "java",
    "javascript": "javascript",
    "typescript": "typescript",
    "powershell": "powershell",
    "python": "python"
  };
  // Id -> how the notice names it.
  var NAMES = {
    "csharp": "C#",
    "csharp-isolated": "C# isolated worker model",
    "csharp-inprocess": "C# in-process model",
    "java": "Java",
    "javascript": "JavaScript",
    "typescript": "TypeScript",
    "powershell": "PowerShell",
    "python": "Python"
  };
  // A C# model lives in a tab set nested inside the C# tab: choosing it selects C# first.
  var PARENT = { "csharp-isolated": "csharp", "csharp-inprocess": "csharp" };
  var PARAM = "lang";
  var NOTICE_CLASS = "bindref-lang-notice";

  var applying = false; // true while this script clicks tabs, so it ignores its own changes
  var pendingInput = null; // the last tab a reader changed, handled once the event is over

  /* ---- the choice: URL, storage ------------------------------------------------------ */

  function normalize(value) {
    if (typeof value !== "string") return null;
    var id = value.trim().toLowerCase().replace(/_/g, "-");
    return Object.prototype.hasOwnProperty.call(NAMES, id) ? id : null;
  }

  // Scoped like Material's own storage (per site root), so two sites on one host do not mix.
  function storageKey() {
    var scope = typeof window.__md_scope !== "undefined" ? window.__md_scope.pathname : "/";
    return scope + ".bindref.lang";
  }

  function readStored() {
    try {
      return normalize(window.localStorage.getItem(storageKey()));
    } catch (error) {
      return null; // storage disabled (private mode, blocked cookies)
    }
  }

  function store(id) {
    try {
      window.localStorage.setItem(storageKey(), id);
    } catch (error) {
      // storage full or disabled: the choice lasts for this page only
    }
  }

  function readUrl() {
    try {
      return normalize(new URL(window.location.href).searchParams.get(PARAM));
    } catch (error) {
      return null;
    }
  }

  // Reflect the choice in the address bar, keeping other parameters and the hash.
  function writeUrl(id) {
    try {
      var url = new URL(window.location.href);
      if (url.searchParams.get(PARAM) === id) return;
      url.searchParams.set(PARAM, id);
      window.history.replaceState(window.history.state, "", url.href);
    } catch (error) {
      // a sandboxed frame may refuse history changes; the choice still applies
    }
  }

  /* ---- tabs ------------------------------------------------------------------------- */

  function labelFor(input) {
    var labels = input.parentElement.querySelectorAll(":scope > .tabbed-labels > label");
    for (var i = 0; i < labels.length; i++) {
      if (labels[i].htmlFor === input.id) return labels[i];
    }
    return null;
  }

  function idOf(input) {
    var label = labelFor(input);
    if (!label) return null;
    var text = label.textContent.trim().toLowerCase();
    return Object.prototype.hasOwnProperty.call(LABEL_IDS, text) ? LABEL_IDS[text] : null;
  }

  function isTabInput(node) {
    return (
      node instanceof HTMLInputElement &&
      node.type === "radio" &&
      node.parentElement !== null &&
      node.parentElement.classList.contains("tabbed-set")
    );
  }

  // Every tab set with at least one language tab, in document order (outer before nested).
  function languageSets() {
    var found = [];
    var sets = document.querySelectorAll(".tabbed-set");
    for (var i = 0; i < sets.length; i++) {
      var tabs = [];
      var inputs = sets[i].querySelectorAll(":scope > input");
      for (var j = 0; j < inputs.length; j++) {
        var id = idOf(inputs[j]);
        if (id) tabs.push({ input: inputs[j], id: id });
      }
      if (tabs.length) found.push(tabs);
    }
    return found;
  }

  // The tab a set should show for `id`: its own tab, else its parent's (C# for a C# model).
  function targetIn(tabs, id) {
    var wanted = [id, PARENT[id]];
    for (var w = 0; w < wanted.length; w++) {
      for (var i = 0; i < tabs.length; i++) {
        if (wanted[w] && tabs[i].id === wanted[w]) return tabs[i].input;
      }
    }
    return null;
  }

  // The C# model a C# tab's nested tab set shows, if a reader picked it (not the default).
  function modelShownIn(input) {
    var set = input.parentElement;
    var index = Array.prototype.indexOf.call(set.querySelectorAll(":scope > input"), input);
    var content = set.querySelector(":scope > .tabbed-content");
    var block = content ? content.children[index] : null;
    var nested = block ? block.querySelector(".tabbed-set") : null;
    var shown = nested ? nested.querySelector(":scope > input:checked") : null;
    if (!shown || shown.defaultChecked) return null;
    var id = idOf(shown);
    return PARENT[id] === "csharp" ? id : null;
  }

  // A C# tab without nested model tabs holds both models (as bindref's C# tab does), so
  // it counts for either; a model tab counts for C#.
  function pageHas(sets, id) {
    for (var s = 0; s < sets.length; s++) {
      for (var i = 0; i < sets[s].length; i++) {
        var tab = sets[s][i].id;
        if (tab === id || tab === PARENT[id] || PARENT[tab] === id) return true;
      }
    }
    return false;
  }

  function select(input) {
    if (input.checked) return;
    var label = labelFor(input);
    if (label) label.setAttribute("data-md-switching", "");
    input.click();
    // Material removes the mark when it handles the change; remove it if it did not.
    if (label) label.removeAttribute("data-md-switching");
  }

  /* ---- the notice --------------------------------------------------------------------- */

  function removeNotice() {
    var old = document.querySelectorAll("." + NOTICE_CLASS);
    for (var i = 0; i < old.length; i++) old[i].remove();
  }

  function showNotice(id) {
    removeNotice();
    var article = document.querySelector("article.md-content__inner") || document.querySelector("article");
    if (!article) return;
    var notice = document.createElement("p");
    notice.className = NOTICE_CLASS;
    notice.setAttribute("role", "status");
    notice.textContent = "This page has no " + NAMES[id] + " tab.";
    var heading = article.querySelector("h1");
    if (heading) heading.after(notice);
    else article.prepend(notice);
  }

  /* ---- applying a choice ---------------------------------------------------------------- */

  // Select `id` in every tab set that has it; returns false if the page has no language tabs.
  function apply(id) {
    var sets = languageSets();
    if (!sets.length) {
      removeNotice();
      return false;
    }
    applying = true;
    try {
      for (var s = 0; s < sets.length; s++) {
        var input = targetIn(sets[s], id);
        if (input) select(input);
      }
    } finally {
      applying = false;
    }
    if (pageHas(sets, id)) removeNotice();
    else showNotice(id);
    return true;
  }

  // A tab named in the hash (`#__tabbed_3_6`, Material's tab links) counts as a choice.
  function readHash() {
    var target = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
    return target && isTabInput(target) ? idOf(target) : null;
  }

  function onPage() {
    var fromUrl = readUrl() || readHash();
    var id = fromUrl || readStored();
    if (!id) return;
    if (fromUrl) store(id);
    if (apply(id)) writeUrl(id);
  }

  // A reader changed a tab: keep the choice and sync every other tab set to it, keeping the
  // changed tab set where it was on screen.
  function onReaderChange() {
    var input = pendingInput;
    pendingInput = null;
    if (!input || !input.isConnected) return;
    var id = idOf(input);
    if (!id) return;
    if (id === "csharp") {
      // Clicking C# keeps a C# model the reader chose before: the one its nested tabs show,
      // or the current choice when this C# tab has no nested tabs.
      var current = readUrl() || readStored();
      id = modelShownIn(input) || (current && PARENT[current] === "csharp" ? current : id);
    }
    var before = input.parentElement.getBoundingClientRect().top;
    store(id);
    apply(id);
    writeUrl(id);
    var shift = input.parentElement.getBoundingClientRect().top - before;
    if (shift) window.scrollBy(0, shift);
  }

  // Listen once on the document: it outlives Material's instant navigation. The work waits
  // for the event to finish, so Material's own label sync (clicks inside this event) ends
  // first and the tab the reader changed is the last one seen.
  document.addEventListener("change", function (event) {
    if (applying || !isTabInput(event.target)) return;
    pendingInput = event.target;
    window.setTimeout(onReaderChange, 0);
  });

  if (typeof window.document$ !== "undefined" && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage); // first load and every instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPage);
  } else {
    onPage();
  }
})();
