/* Glossary popovers of the edition: no framework, no network, definitions from the page.
 *
 * Each linked term is an <a data-glossary aria-describedby="glossary-def-ID">; the
 * definition is a hidden <span id="glossary-def-ID"> the build embedded in the page.
 * Hover or focus shows it beside the link, Esc or leaving closes it; on a touch screen the
 * first tap shows it and a second tap follows the link. Without this script the link is a
 * plain link to the glossary.
 */
(function () {
  "use strict";
  var popover = null;
  var owner = null;
  var hideTimer = null;

  function definitionOf(link) {
    var id = link.getAttribute("aria-describedby");
    return id ? document.getElementById(id) : null;
  }

  function hide() {
    if (popover) {
      popover.remove();
    }
    popover = null;
    owner = null;
  }

  function show(link) {
    var source = definitionOf(link);
    if (!source) {
      return;
    }
    if (owner === link) {
      return;
    }
    hide();
    popover = document.createElement("div");
    popover.className = "glossary-popover apparatus";
    popover.setAttribute("role", "tooltip");
    popover.innerHTML = source.innerHTML;
    popover.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    popover.addEventListener("mouseleave", scheduleHide);
    document.body.appendChild(popover);
    var box = link.getBoundingClientRect();
    var width = popover.offsetWidth;
    var left = Math.max(8, Math.min(window.scrollX + box.left,
                                    window.scrollX + document.documentElement.clientWidth - width - 8));
    popover.style.left = left + "px";
    /* Below the link, or above it when only there the whole definition can be seen; one
     * that fits neither (a short screen) scrolls within the larger room. */
    var below = window.innerHeight - box.bottom - 14;
    var above = box.top - 14;
    var up = popover.offsetHeight > below && above > below;
    var room = Math.max(up ? above : below, 0);
    if (popover.offsetHeight > room) {
      popover.style.maxHeight = room + "px";
    }
    var top = up ? box.top - 6 - popover.offsetHeight : box.bottom + 6;
    popover.style.top = (window.scrollY + top) + "px";
    owner = link;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 200);
  }

  function linkOf(event) {
    return event.target.closest ? event.target.closest("a[data-glossary]") : null;
  }

  document.addEventListener("mouseover", function (event) {
    var link = linkOf(event);
    if (link) {
      clearTimeout(hideTimer);
      show(link);
    }
  });
  document.addEventListener("mouseout", function (event) {
    if (linkOf(event)) {
      scheduleHide();
    }
  });
  document.addEventListener("focusin", function (event) {
    var link = linkOf(event);
    if (link) {
      show(link);
    }
  });
  document.addEventListener("focusout", function (event) {
    if (linkOf(event)) {
      hide();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && popover) {
      hide();
    }
  });
  /* On a touch screen the browser fires mouseover and focus before click, so whether the
   * definition was already open is read at pointerdown, before those. */
  var tapOpensOnly = false;
  document.addEventListener("pointerdown", function (event) {
    var link = linkOf(event);
    tapOpensOnly = event.pointerType === "touch" && link !== null && owner !== link;
  });
  document.addEventListener("click", function (event) {
    var link = linkOf(event);
    if (link && tapOpensOnly) {
      event.preventDefault(); /* first tap: the definition; second tap: the entry */
      tapOpensOnly = false;
      show(link);
    } else if (!link && popover && !popover.contains(event.target)) {
      hide();
    }
  });
})();
