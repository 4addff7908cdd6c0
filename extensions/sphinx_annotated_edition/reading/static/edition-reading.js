/* The reader's controls of an article, and copying a citation.
 *
 * The controls (hidden without JavaScript, when everything is shown) switch between the
 * plain reading text and the full apparatus, and show or hide the notes of each kind.
 * The choice is remembered in localStorage and applied to every article; the default is
 * the full apparatus. "Cite this" gets a copy button per citation and, when the address
 * names a paragraph (#p12), that paragraph's citation.
 */
(function () {
  "use strict";
  var KEY = "edition-reading";
  var root = document.documentElement;

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(KEY) || "{}");
      return {plain: saved.plain === true,
              hidden: Array.isArray(saved.hidden) ? saved.hidden : []};
    } catch (error) {
      return {plain: false, hidden: []};
    }
  }

  function save(state) {
    try { window.localStorage.setItem(KEY, JSON.stringify(state)); } catch (error) { /* private mode */ }
  }

  function apply(state) {
    root.classList.toggle("reading-plain", state.plain);
    ["context", "framing", "sic", "cross-reference"].forEach(function (kind) {
      root.classList.toggle("hide-note-" + kind, state.hidden.indexOf(kind) >= 0);
    });
    // glossary links in the plain text are words, not tab stops
    document.querySelectorAll("article a[data-glossary]").forEach(function (link) {
      if (state.plain) link.setAttribute("tabindex", "-1");
      else link.removeAttribute("tabindex");
    });
  }

  var state = load();
  apply(state);

  var controls = document.querySelector(".reader-controls");
  if (controls) {
    controls.hidden = false;
    var whole = controls.querySelector('input[name="apparatus"]');
    var kinds = controls.querySelectorAll('input[name="kind"]');
    function show() {
      whole.checked = !state.plain;
      Array.prototype.forEach.call(kinds, function (box) {
        box.checked = state.hidden.indexOf(box.value) < 0;
        box.disabled = state.plain;
      });
    }
    show();
    whole.addEventListener("change", function () {
      state.plain = !whole.checked;
      save(state); apply(state); show();
    });
    Array.prototype.forEach.call(kinds, function (box) {
      box.addEventListener("change", function () {
        state.hidden = state.hidden.filter(function (kind) { return kind !== box.value; });
        if (!box.checked) state.hidden.push(box.value);
        save(state); apply(state); show();
      });
    });
  }

  // The buttons' words, in the page's language (data attributes the build writes).
  var tools = document.querySelector(".reading-tools");
  var COPY = (tools && tools.getAttribute("data-copy")) || "Copy";
  var COPIED = (tools && tools.getAttribute("data-copied")) || "Copied";

  function copyButton(source) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cite-copy";
    button.textContent = COPY;
    button.addEventListener("click", function () {
      var text = source.textContent;
      var done = function () {
        button.textContent = COPIED;
        window.setTimeout(function () { button.textContent = COPY; }, 1500);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, function () { select(source); });
      } else {
        select(source);
      }
    });
    source.insertAdjacentElement("afterend", button);
  }

  function select(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  var plain = document.querySelector(".cite-plain");
  var paragraph = document.querySelector(".cite-paragraph");
  document.querySelectorAll(".cite-plain, .cite-paragraph, .cite-bibtex").forEach(copyButton);

  function citeParagraph() {
    if (!plain || !paragraph) return;
    var match = /^#p(\d+)$/.exec(window.location.hash);
    var button = paragraph.nextElementSibling;
    paragraph.hidden = !match;
    if (button) button.hidden = !match;
    if (match) {
      paragraph.textContent = plain.getAttribute("data-paragraph-template")
        .split("NUMBER").join(match[1]);
    }
  }
  citeParagraph();
  window.addEventListener("hashchange", citeParagraph);
})();
