// Drives the glossary popover script in jsdom the way a reader would; prints what happened.
// Usage: node glossary_popover.js PAGE.html SCRIPT.js
"use strict";
const fs = require("fs");
const { JSDOM } = require("jsdom");

const [page, script] = process.argv.slice(2);
const dom = new JSDOM(fs.readFileSync(page, "utf8"), { runScripts: "outside-only" });
const { window } = dom;
const { document } = window;
window.eval(fs.readFileSync(script, "utf8"));

const popover = () => document.querySelector(".glossary-popover");
const text = () => (popover() ? popover().textContent : null);
const link = document.querySelector("a[data-glossary]");
const described = document.getElementById(link.getAttribute("aria-describedby"));
const result = { linkText: link.textContent, definition: described.textContent };

link.dispatchEvent(new window.FocusEvent("focusin", { bubbles: true }));
result.afterFocus = text();
document.dispatchEvent(new window.KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
result.afterEscape = text();

link.dispatchEvent(new window.MouseEvent("mouseover", { bubbles: true }));
result.afterHover = text();
link.dispatchEvent(new window.MouseEvent("mouseout", { bubbles: true }));

function tap(target) {
  const down = new window.Event("pointerdown", { bubbles: true });
  Object.defineProperty(down, "pointerType", { value: "touch" });
  target.dispatchEvent(down);
  target.dispatchEvent(new window.MouseEvent("mouseover", { bubbles: true }));
  const click = new window.MouseEvent("click", { bubbles: true, cancelable: true });
  target.dispatchEvent(click);
  return click.defaultPrevented;
}

setTimeout(() => {
  result.afterLeave = text();
  result.firstTapFollowsLink = !tap(link);
  result.afterFirstTap = text();
  result.secondTapFollowsLink = !tap(link);
  const mouse = new window.MouseEvent("click", { bubbles: true, cancelable: true });
  const other = document.querySelectorAll("a[data-glossary]")[1];
  other.dispatchEvent(mouse);
  result.mouseClickFollowsLink = !mouse.defaultPrevented;
  process.stdout.write(JSON.stringify(result));
}, 400);
