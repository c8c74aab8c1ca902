// Injected before the app's scripts (bench/bench_label_browser.py): times in the page.
(() => {
  const bench = { enter: null, result: null };
  window.__bench = bench;
  // capture phase on window: the first listener to see the key, before the app's own
  window.addEventListener(
    "keydown",
    (e) => {
      if (e.key === "Enter") bench.enter = performance.now();
    },
    true,
  );
  const task = () => document.querySelector("[data-curation-task]");
  const nothingLeft = () =>
    [...document.querySelectorAll('[data-testid="stAlert"]')].some((el) =>
      el.innerText.includes("Nothing left"),
    );
  window.__benchDriver = () => (task() ? "component" : "page");
  // the assignment shown: "empty" when none is left, "" while nothing is drawn yet
  window.__benchItem = () => {
    const root = task();
    if (root) {
      if (root.getAttribute("data-empty") === "1") return "empty";
      return root.getAttribute("data-assignment") || "";
    }
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
    !!task() ||
    (!document.querySelector('[data-testid="stStatusWidget"]') &&
      !document.querySelector('[data-stale="true"]'));
  window.__benchReady = () =>
    window.__benchIdle() &&
    (!!task() || nothingLeft() || !!document.querySelector(".st-key-rank_submit button"));
  window.__benchCanSubmit = () => {
    const b = document.querySelector(".st-key-rank_submit button");
    return !!b && !b.disabled;
  };
  window.__benchPending = () => {
    const s = document.querySelector("[data-send-status]");
    return s ? Number(s.getAttribute("data-pending") || 0) : 0;
  };
  // Watch for the next item after the coming Enter; bench.result = {dom, frame} in ms.
  window.__benchArm = (driver) => {
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
    const observer = new MutationObserver(() => {
      if (bench.enter === null || bench.result !== null || !changed()) return;
      const result = { dom: performance.now() - bench.enter, frame: null };
      bench.result = result;
      observer.disconnect();
      requestAnimationFrame(() => {
        result.frame = performance.now() - bench.enter;
      });
    });
    observer.observe(document.body, {
      attributes: true,
      childList: true,
      subtree: true,
      characterData: true,
    });
    return from;
  };
})();
