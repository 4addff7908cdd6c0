/* Editorial notes readable in place: a popover by the note marker.
 *
 * Without JavaScript a marker is a plain link to its footnote. With it, hovering or
 * focusing a marker (or tapping it on a touch screen) shows the note next to it; Esc,
 * a tap elsewhere or leaving closes it. The note is copied from its footnote on the same
 * page, so the two never differ. Nothing is loaded from elsewhere.
 */
(function () {
  "use strict";
  var refs = document.querySelectorAll("a.edition-note-ref");
  if (!refs.length) return;
  var current = null; // {ref: Element, pop: Element}
  var timer = null;
  var tapOpensOnly = false; // the pointer down on a marker was a tap while its note was shut

  function isTap(event) {
    return event.pointerType === "touch" || event.pointerType === "pen";
  }

  function footnoteOf(ref) {
    var id = decodeURIComponent((ref.getAttribute("href") || "").replace(/^#/, ""));
    return id ? document.getElementById(id) : null;
  }

  // The words shown, in the page's language: the build writes them, translated, into
  // <script type="application/json" id="edition-notes-labels">; English without it.
  var WORDS = {note: "Note {number}", jump: "Go to note {number}", kinds: {}};
  var given = document.getElementById("edition-notes-labels");
  if (given) {
    try {
      var parsed = JSON.parse(given.textContent);
      for (var key in parsed) WORDS[key] = parsed[key];
    } catch (error) { /* keep the English words */ }
  }
  function say(template, number) { return template.split("{number}").join(number); }

  // The kind of a note, from its marker's class; its sign and word as the legend gives them.
  var KINDS = {"context": "○", "framing": "◆", "sic": "!", "cross-reference": "→"};
  function kindOf(ref) {
    for (var name in KINDS) {
      if (ref.classList.contains("note-kind-" + name)) {
        return {sign: KINDS[name], label: WORDS.kinds[name] || name};
      }
    }
    return null;
  }

  // On a wide screen the note stands in the margin beside its marker: no popover then,
  // unless the margin shows it cut short (a long note), when the popover gives it whole.
  function marginOf(ref) {
    var margin = ref.nextElementSibling;
    return margin && margin.classList.contains("margin-note") && margin.offsetParent ?
      margin : null;
  }
  function isCut(margin) { return margin.scrollHeight > margin.clientHeight + 1; }
  function inMargin(ref) {
    var margin = marginOf(ref);
    return !!margin && !isCut(margin);
  }
  function markCut() {
    document.querySelectorAll("small.margin-note").forEach(function (margin) {
      margin.classList.toggle("is-cut", !!margin.offsetParent && isCut(margin));
    });
  }
  // A float whose marker ends a line starts on the next line: raise it to the marker's
  // line when the note above leaves room (a small gap always stays between notes).
  function alignMargins() {
    var above = -Infinity;
    document.querySelectorAll("small.margin-note").forEach(function (margin) {
      margin.style.marginTop = "";
      if (!margin.offsetParent) return;
      var ref = margin.previousElementSibling;
      var top = margin.getBoundingClientRect().top;
      var wanted = Math.max(ref.getBoundingClientRect().top + 2, above + 8);
      if (wanted < top - 1) {
        var current = parseFloat(getComputedStyle(margin).marginTop) || 0;
        margin.style.marginTop = (current - (top - wanted)) + "px";
      }
      above = margin.getBoundingClientRect().bottom;
    });
  }
  function layout() { alignMargins(); markCut(); }
  layout();
  window.addEventListener("resize", layout);
  window.addEventListener("load", layout);  // fonts may change the lines

  function build(ref) {
    var note = footnoteOf(ref);
    if (!note) return null;
    var pop = document.createElement("div");
    pop.className = "edition-note-popover apparatus";
    pop.id = "popover-" + note.id;
    pop.setAttribute("role", "note");
    var number = ref.textContent.replace(/[\[\]\s]/g, "");
    var kind = kindOf(ref);
    pop.setAttribute("aria-label", say(WORDS.note, number) +
      (kind ? " (" + kind.label + ")" : ""));
    var head = document.createElement("p");
    head.className = "edition-note-head";
    head.innerHTML = '<span class="edition-note-kind"></span>';
    head.firstChild.textContent = (kind ? kind.sign + " " : "") + say(WORDS.note, number) +
      (kind ? " · " + kind.label : "");
    pop.appendChild(head);
    Array.prototype.forEach.call(note.children, function (child) {
      if (child.classList.contains("label") || child.classList.contains("backrefs")) return;
      pop.appendChild(child.cloneNode(true));
    });
    var jump = document.createElement("a");
    jump.href = "#" + note.id;
    jump.className = "edition-note-jump";
    jump.textContent = say(WORDS.jump, number);
    pop.appendChild(jump);
    pop.addEventListener("mouseenter", cancel);
    pop.addEventListener("mouseleave", later);
    pop.addEventListener("focusout", function (event) {
      if (!pop.contains(event.relatedTarget) && event.relatedTarget !== ref) later();
    });
    return pop;
  }

  function place(ref, pop) {
    var box = ref.getBoundingClientRect();
    var width = Math.min(pop.offsetWidth, document.documentElement.clientWidth - 16);
    var left = Math.max(8, Math.min(box.left + window.scrollX - width / 2,
      window.scrollX + document.documentElement.clientWidth - width - 8));
    // Below the marker, or above it when only there the whole note can be seen; a note
    // that fits neither (a long note, a short screen) scrolls within the larger room.
    var below = window.innerHeight - box.bottom - 14;
    var above = box.top - 14;
    pop.style.maxHeight = "";
    var up = pop.offsetHeight > below && above > below;
    var room = Math.max(up ? above : below, 0);
    if (pop.offsetHeight > room) pop.style.maxHeight = room + "px";
    var top = up ? box.top - 6 - pop.offsetHeight : box.bottom + 6;
    pop.style.left = left + "px";
    pop.style.top = (top + window.scrollY) + "px";
  }

  function show(ref) {
    if (inMargin(ref)) return;
    cancel();
    if (current && current.ref === ref) return;
    hide();
    var pop = build(ref);
    if (!pop) return;
    document.body.appendChild(pop);
    place(ref, pop);
    ref.setAttribute("aria-describedby", pop.id);
    ref.setAttribute("aria-expanded", "true");
    current = {ref: ref, pop: pop};
  }

  function hide() {
    cancel();
    if (!current) return;
    current.ref.removeAttribute("aria-describedby");
    current.ref.setAttribute("aria-expanded", "false");
    current.pop.remove();
    current = null;
  }

  function cancel() {
    if (timer) window.clearTimeout(timer);
    timer = null;
  }

  function later() {
    cancel();
    timer = window.setTimeout(hide, 250);
  }

  Array.prototype.forEach.call(refs, function (ref) {
    ref.setAttribute("aria-expanded", "false");
    ref.addEventListener("mouseenter", function () { show(ref); });
    ref.addEventListener("mouseleave", later);
    ref.addEventListener("focus", function () { show(ref); });
    ref.addEventListener("blur", function (event) {
      if (!(current && current.pop.contains(event.relatedTarget))) later();
    });
    // A tap fires mouseenter and focus (which open the note) before its click, so whether
    // the note was open already is read at pointerdown, before those.
    ref.addEventListener("pointerdown", function (event) {
      tapOpensOnly = isTap(event) && !(current && current.ref === ref);
    });
    ref.addEventListener("click", function (event) {
      var margin = marginOf(ref);
      if (margin) {  // the list the marker links to is hidden: the note in the margin
        event.preventDefault();
        hide();
        margin.focus({preventScroll: true});  // a note cut short opens in full
        margin.classList.add("is-called");
        window.setTimeout(function () { margin.classList.remove("is-called"); }, 1500);
        return;
      }
      // a tap shows the note (a second tap jumps); mouse and keyboard jump at once
      if (isTap(event) && tapOpensOnly) {
        event.preventDefault();
        show(ref);
      }
      tapOpensOnly = false;
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current) {
      var ref = current.ref;
      var inside = current.pop.contains(document.activeElement);
      hide();
      if (inside) ref.focus({preventScroll: true});
    }
  });
  document.addEventListener("click", function (event) {
    if (current && !current.pop.contains(event.target) && event.target.closest &&
        !event.target.closest("a.edition-note-ref")) hide();
  });
  window.addEventListener("resize", function () { if (current) place(current.ref, current.pop); });
})();
