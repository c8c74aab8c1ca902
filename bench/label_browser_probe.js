// Injected before the app's scripts (bench/bench_label_browser.py): times in the page.
(() => {
  const bench = { enter: null, result: null, driver: null };
  window.__bench = bench;
  // capture phase on window: the first listener to see the key, before the app's own
  window.addEventListener(
    "keydown",
    (e) => {
      if (e.key === "Enter") bench.enter = performance.now();
    },
    true,
  );
  // A v2 component may live in an (open) shadow root: look there too, remembering the hit.
  const found = {};
  const deep = (selector) => {
    const hit = found[selector];
    if (hit && hit.isConnected) return hit;
    const search = (root) => {
      const el = root.querySelector(selector);
      if (el) return el;
      for (const host of root.querySelectorAll("*")) {
        if (host.shadowRoot) {
          const inner = search(host.shadowRoot);
          if (inner) return inner;
        }
      }
      return null;
    };
    found[selector] = search(document);
    return found[selector];
  };
  const task = () => (bench.driver === "page" ? null : deep("[data-curation-task]"));
  const nothingLeft = () =>
    [...document.querySelectorAll('[data-testid="stAlert"]')].some((el) =>
      el.innerText.includes("Nothing left"),
    );
  // "component" or "page", once the Rank page shows either; "" before
  window.__benchDriver = () => {
    if (bench.driver) return bench.driver;
    if (deep("[data-curation-task]")) bench.driver = "component";
    else if (document.querySelector(".st-key-rank_submit") || nothingLeft()) bench.driver = "page";
    return bench.driver || "";
  };
  // the assignment shown: "empty" when none is left, "" while nothing is drawn yet
  window.__benchItem = () => {
    const root = task();
    if (root) {
      if (root.getAttribute("data-empty") === "1") return "empty";
      return root.getAttribute("data-assignment") || "";
    }
    if (bench.driver !== "page") return "";
    for (const el of document.querySelectorAll('[class*="st-key-rank_rationale_"]')) {
      const m = String(el.className).match(/st-key-rank_rationale_(\d+)/);
      if (m) return m[1];
    }
    if (nothingLeft()) return "empty";
    return document.querySelector(".st-key-rank_submit") ? "?" : "";
  };
  window.__benchText = () =>
    [".st-key-rank_conversation", ".st-key-rank_answer_left", ".st-key-rank_answer_right"]
      .map((s) => (document.querySelector(s) || {}).innerText || "")
      .join("\u0001");
  window.__benchIdle = () =>
    bench.driver === "component" ||
    (!document.querySelector('[data-testid="stStatusWidget"]') &&
      !document.querySelector('[data-stale="true"]'));
  window.__benchReady = () =>
    window.__benchIdle() &&
    (bench.driver === "component" ||
      nothingLeft() ||
      !!document.querySelector(".st-key-rank_submit button"));
  window.__benchCanSubmit = () => {
    const b = document.querySelector(".st-key-rank_submit button");
    return !!b && !b.disabled;
  };
  window.__benchPending = () => {
    const s = bench.driver === "component" ? deep("[data-send-status]") : null;
    return s ? Number(s.getAttribute("data-pending") || 0) : 0;
  };
  window.__benchFailed = () => {
    const s = bench.driver === "component" ? deep("[data-send-status]") : null;
    return s ? Number(s.getAttribute("data-failed") || 0) : 0;
  };
  // Watch for the next item after the coming Enter; bench.result = {dom, frame} in ms.
  window.__benchArm = () => {
    const driver = window.__benchDriver();
    const from = window.__benchItem();
    const fromText = window.__benchText();
    bench.enter = null;
    bench.result = null;
    const changed = () => {
      const item = window.__benchItem();
      if (driver === "component") return item !== "" && item !== from;
      if (item === "" || !window.__benchReady()) return false;
      if (item === "empty") return true;
      return item === "?" ? window.__benchText() !== fromText : item !== from;
    };
    const options = { attributes: true, childList: true, subtree: true, characterData: true };
    const watched = new Set();
    const watch = () => {
      // the light DOM, and the shadow root the component draws in (a new one if it remounts)
      const root = task();
      for (const node of [document.body, root && root.getRootNode()]) {
        if (node && !watched.has(node)) {
          watched.add(node);
          observer.observe(node, options);
        }
      }
    };
    const observer = new MutationObserver(() => {
      if (bench.result !== null) return;
      watch();
      if (bench.enter === null || !changed()) return;
      const result = { dom: performance.now() - bench.enter, frame: null };
      bench.result = result;
      observer.disconnect();
      requestAnimationFrame(() => {
        result.frame = performance.now() - bench.enter;
      });
    });
    watch();
    return from;
  };
})();
