// The Rank page's task area (see curation/ui/components/task/__init__.py): a local queue of
// claimed items, every key handled here, answers sent in order in the background.
//
// DOM contract (a benchmark relies on it): the root has `data-curation-task` and
// `data-assignment="<assignment id shown>"`, set in the same task as the item is drawn
// (`data-empty="1"` when nothing is left); `[data-send-status]` carries `data-pending`
// (operations not yet acknowledged) and `data-failed` (refused ones).

const RESEND_AFTER_MS = 5000; // no answer to a batch by then: send it again (keys make it safe)
const BACKOFF_MS = 2000; // after the server said its store failed
const HOLD = [4, 32]; // items to hold ahead: more when answers come faster than the refill
const REGISTRY = (globalThis.__curationTasks = globalThis.__curationTasks || {});

function newKey() {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Date.now().toString(36) + "-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function button(label, onClick, opts = {}) {
  const b = el("button", "ct-btn" + (opts.primary ? " ct-primary" : ""), label);
  b.type = "button";
  if (opts.title) b.title = opts.title;
  if (opts.data) Object.entries(opts.data).forEach(([k, v]) => b.setAttribute(`data-${k}`, v));
  b.addEventListener("click", (e) => {
    e.preventDefault();
    onClick();
  });
  return b;
}

function renderMessages(parent, messages) {
  for (const message of messages) {
    const box = el("div", `ct-msg ct-role-${String(message.role).replace(/[^a-z]/gi, "")}`);
    box.appendChild(el("div", "ct-role", message.label || message.role));
    for (const block of message.blocks) {
      if (block.type === "code") {
        const pre = el("pre");
        pre.appendChild(el("code", "", block.text));
        box.appendChild(pre);
      } else if (block.type === "caption") box.appendChild(el("div", "ct-caption", block.text));
      else {
        const md = el("div", "ct-md");
        renderMarkdown(md, block.text);
        box.appendChild(md);
      }
    }
    parent.appendChild(box);
  }
}

class Task {
  constructor(storage) {
    this.storage = storage;
    const saved = this.load();
    this.pending = saved.pending; // operations not acknowledged, in the order made
    this.failed = saved.failed; // refused for good: {key, assignment, message}
    this.resolved = new Set(); // keys acknowledged, refused or withdrawn here: dropped from storage
    this.others = []; // unsent operations of another tab of the same annotator (in storage)
    this.storageError = null;
    this.inflight = null; // {seq, at}
    this.seq = Date.now();
    this.retryAt = 0;
    this.stopped = null;
    this.done = new Set(); // items answered or skipped, acknowledged
    this.front = []; // items brought back by an undo, shown first
    this.history = []; // answers made on this page: {item, key}
    this.flags = new Map();
    this.items = [];
    this.kept = new Map(); // assignment -> the item as the server last sent it whole
    this.wantWhole = false; // an item came as a digest this page does not hold: ask again
    this.shown = null; // the item on screen
    this.draft = null;
    this.serverFirst = false;
    this.loaded = false;
    this.roundTrip = 500; // ms from sending a batch to its answer (moving average)
    this.pace = 1000; // ms between two answers (moving average, quick to follow a burst)
    this.lastAnswer = 0;
    this.onKey = (e) => this.key(e);
    this.onOnline = () => {
      this.inflight = null;
      this.retryAt = 0;
      this.send();
    };
    // another tab of the same annotator saved: its unsent answers hide their items here too
    this.onStorage = (e) => {
      if (e.key !== this.storage) return;
      const stored = this.read().pending;
      this.others = this.theirs(stored);
      // Tabs see each other's writes a moment late, so one may have merged from a stale copy
      // and dropped our unsent answers: put them back (the merge converges, nothing loops).
      const there = new Set(stored.map((op) => op && op.key));
      if (this.pending.some((op) => !there.has(op.key))) this.save();
      if (this.root) this.show();
    };
  }

  read() {
    try {
      const raw = JSON.parse(localStorage.getItem(this.storage) || "{}");
      return { pending: Array.isArray(raw.pending) ? raw.pending : [], failed: Array.isArray(raw.failed) ? raw.failed : [] };
    } catch (e) {
      return { pending: [], failed: [] };
    }
  }

  load() {
    return this.read();
  }

  // Stored operations this tab neither holds nor has settled: another tab's.
  theirs(ops) {
    const mine = new Set(this.pending.map((op) => op.key));
    return ops.filter((op) => op && op.key && !mine.has(op.key) && !this.resolved.has(op.key));
  }

  // Two tabs share one place: re-read it and merge by key, so that neither wipes the other's
  // unsent answers; only keys settled here (acknowledged, refused, withdrawn) are dropped.
  save() {
    try {
      const stored = this.read();
      this.others = this.theirs(stored.pending);
      const failedKeys = new Set(this.failed.map((f) => f.key));
      const failed = [...stored.failed.filter((f) => f && !failedKeys.has(f.key) && !this.resolved.has(f.key)), ...this.failed];
      localStorage.setItem(this.storage, JSON.stringify({ pending: [...this.others, ...this.pending], failed }));
      this.storageError = null;
    } catch (e) {
      this.storageError = String((e && e.name) || e);
    }
  }

  attach(args) {
    this.setTrigger = args.setTriggerValue;
    const host = args.parentElement;
    if (!this.root || !host.contains(this.root)) {
      this.root = el("div", "ct-root");
      this.root.setAttribute("data-curation-task", "");
      this.status = el("div", "ct-status");
      this.status.setAttribute("data-send-status", "");
      this.body = el("div", "ct-body");
      this.root.append(this.status, this.body);
      host.appendChild(this.root);
      this.shown = null;
    }
    document.addEventListener("keydown", this.onKey, true);
    window.addEventListener("online", this.onOnline);
    window.addEventListener("storage", this.onStorage);
    if (!this.timer) this.timer = setInterval(() => this.tick(), 1000);
  }

  detach() {
    document.removeEventListener("keydown", this.onKey, true);
    window.removeEventListener("online", this.onOnline);
    window.removeEventListener("storage", this.onStorage);
    clearInterval(this.timer);
    this.timer = null;
  }

  // What the server said on this rerun: acknowledged keys, refused ones, the refilled queue.
  receive(data) {
    this.data = data;
    this.items = this.resolve(data.items || []);
    const acked = new Set(data.acked || []);
    const refused = new Map((data.refused || []).map((r) => [r.key, r]));
    const reopened = data.reopened || {};
    const keep = [];
    for (const op of this.pending) {
      if (acked.has(op.key) || refused.has(op.key)) this.resolved.add(op.key);
      if (acked.has(op.key)) {
        if (op.kind === "answer" || op.kind === "skip") this.done.add(op.assignment);
        else if (op.kind === "undo" && reopened[op.key] !== undefined) {
          // the server brought this item back: show it first, whichever answer it was
          const back = reopened[op.key];
          this.done.delete(back);
          const item = this.items.find((i) => i.assignment === back);
          if (item) this.front = [item, ...this.front.filter((i) => i.assignment !== back)];
          if (!op.target) this.shown = null; // an answer from before this page: draw it now
        }
      } else if (refused.has(op.key)) this.failed.push({ ...refused.get(op.key), kind: op.kind });
      else keep.push(op);
    }
    this.pending = keep;
    // a refused answer is no longer one an undo could take back
    this.history = this.history.filter((h) => !refused.has(h.key));
    if (this.inflight && data.seq === this.inflight.seq) {
      this.roundTrip = 0.5 * this.roundTrip + 0.5 * (Date.now() - this.inflight.at);
      this.inflight = null;
    }
    this.stopped = data.stopped || null;
    if (this.stopped) this.retryAt = Date.now() + BACKOFF_MS;
    this.loaded = true;
    this.save();
    this.show();
    this.send();
  }

  // An item sent before comes as {assignment, same: digest}: the copy kept here stands for it.
  // One this page does not hold (its state was lost) is left out, and asked for again whole.
  resolve(sent) {
    const items = [];
    const kept = new Map();
    let missing = false;
    for (const i of sent) {
      const item = i.same === undefined ? i : this.kept.get(i.assignment);
      if (!item || (i.same !== undefined && item.digest !== i.same)) {
        missing = true;
        continue;
      }
      items.push(item);
      kept.set(item.assignment, item);
    }
    this.kept = kept;
    this.wantWhole = missing;
    return items;
  }

  heldBack() {
    const ids = new Set(this.done);
    for (const op of [...this.others, ...this.pending]) if (op.kind === "answer" || op.kind === "skip") ids.add(op.assignment);
    return ids;
  }

  queue() {
    const hidden = this.heldBack();
    const seen = new Set();
    const out = [];
    for (const item of [...this.front, ...this.items]) {
      if (hidden.has(item.assignment) || seen.has(item.assignment)) continue;
      seen.add(item.assignment);
      out.push(item);
    }
    return out;
  }

  show() {
    const queue = this.queue();
    this.front = this.front.filter((i) => !this.done.has(i.assignment));
    let next = queue[0] || null;
    // The item on screen stays there, with its draft, while it is not answered: also when a
    // refill no longer lists it (its claim ran out): an answer on it is still sent, and if the
    // server refuses it, the status line says why.
    if (!this.serverFirst && this.shown && !this.heldBack().has(this.shown.assignment)) {
      next = queue.find((i) => i.assignment === this.shown.assignment) || this.shown;
      this.shown = next; // newer data for the same item: keep the draft and the focus
      this.updateStatus();
      return;
    }
    if (next) this.serverFirst = false;
    if (next !== this.shown) this.message = null;
    this.shown = next;
    // pairs: screen, bothBad, criteria; rankings: ranks by slot, focus, allBad (ranking.js)
    this.draft = { screen: null, bothBad: false, criteria: {}, rationale: "", ranks: {}, focus: 0, allBad: false };
    const root = this.root;
    root.removeAttribute("data-empty");
    if (next) root.setAttribute("data-assignment", String(next.assignment));
    else root.setAttribute("data-assignment", "");
    this.body.replaceChildren();
    if (next) {
      const render = RENDERERS[next.kind];
      if (render) render(this, next);
      else this.body.appendChild(el("p", "ct-note", `Items of kind ${next.kind} cannot be answered on this page yet.`));
    } else if (!this.loaded || this.pending.length || this.inflight || this.wantWhole) {
      // items named by a digest this page does not hold are on their way: not "nothing left"
      this.body.appendChild(el("p", "ct-note", "Loading the next item…"));
    } else {
      root.setAttribute("data-empty", "1");
      this.body.appendChild(el("p", "ct-done", "Nothing left for you in this campaign. Thank you!"));
      this.body.appendChild(button("Undo my last answer (U)", () => this.undo()));
    }
    this.updateStatus();
  }

  // ---- operations ---------------------------------------------------------------------

  enqueue(op) {
    this.pending.push({ key: newKey(), ...op });
    this.save();
    return this.pending[this.pending.length - 1];
  }

  answer(fields) {
    const item = this.shown;
    if (!item) return;
    const now = Date.now();
    if (this.lastAnswer && now - this.lastAnswer < 60000) {
      this.pace = 0.3 * this.pace + 0.7 * (now - this.lastAnswer);
    }
    this.lastAnswer = now;
    const op = this.enqueue({ kind: "answer", assignment: item.assignment, guideline_version: item.guideline_version, ...fields });
    this.history.push({ item, key: op.key });
    this.show();
    this.send();
  }

  submitPair() {
    const d = this.draft;
    if (!this.shown || this.shown.kind !== "pair") return;
    if (d.screen === null && !d.bothBad) return this.hint("Choose 1–5, or 6 for both bad, then Enter.");
    const needs = this.shown.rationale_required_for;
    const tie = !d.bothBad && d.screen === 0;
    if (!d.rationale.trim() && ((d.bothBad && needs.includes("both_bad")) || (tie && needs.includes("tie")))) {
      this.hint("This campaign asks for a rationale for this answer: type it, then Ctrl+Enter.");
      this.focusRationale();
      return;
    }
    this.answer({ screen: d.bothBad ? null : d.screen, both_bad: d.bothBad, rationale: d.rationale, criteria: d.criteria });
  }

  submitThumbs(good) {
    if (!this.shown || this.shown.kind !== "thumbs") return;
    if (!good && !this.draft.rationale.trim() && this.shown.rationale_required_for.includes("bad")) {
      this.hint("This campaign asks for a reason when the answer is bad: type it, press Esc, then B.");
      this.focusRationale();
      return;
    }
    this.answer({ good, rationale: this.draft.rationale });
  }

  skip() {
    if (!this.shown) return;
    this.enqueue({ kind: "skip", assignment: this.shown.assignment });
    this.show();
    this.send();
  }

  flag() {
    const item = this.shown;
    if (!item) return;
    const on = !this.flagged(item);
    this.flags.set(item.assignment, on);
    this.enqueue({ kind: "flag", assignment: item.assignment, on, note: this.draft.rationale });
    const caption = this.body.querySelector("[data-flag-caption]");
    if (caption) caption.textContent = on ? "You flagged this item for the lead." : "";
    const b = this.body.querySelector("[data-action=flag]");
    if (b) b.textContent = on ? "Unflag (F)" : "Flag (F)";
    this.send();
  }

  flagged(item) {
    return this.flags.has(item.assignment) ? this.flags.get(item.assignment) : item.flagged;
  }

  undo() {
    const last = this.history.pop();
    if (last) {
      const at = this.pending.findIndex((op) => op.key === last.key);
      const sending = this.inflight && at >= 0 && at < this.inflight.count;
      if (at >= 0 && !sending) {
        this.pending.splice(at, 1); // never sent: forget it here (and in storage)
        this.resolved.add(last.key);
      }
      // name the answer withdrawn: if it is refused, or another tab answered since, the
      // server undoes nothing rather than the wrong answer
      else this.enqueue({ kind: "undo", target: last.key });
      this.done.delete(last.item.assignment);
      this.front = [last.item, ...this.front.filter((i) => i.assignment !== last.item.assignment)];
      this.shown = null;
    } else {
      this.enqueue({ kind: "undo" }); // an answer from before this page: the server brings it back
      this.serverFirst = true;
    }
    this.save();
    this.show();
    this.send();
  }

  // ---- sending ------------------------------------------------------------------------

  send() {
    const nothing = !this.pending.length && !this.wantWhole;
    if (this.inflight || nothing || !this.setTrigger || !this.root.isConnected) {
      return this.updateStatus();
    }
    if (Date.now() < this.retryAt) return this.updateStatus();
    this.seq += 1;
    this.inflight = { seq: this.seq, at: Date.now(), count: this.pending.length };
    try {
      const batch = { seq: this.seq, ops: this.pending.slice(), want: this.want() };
      this.setTrigger("batch", this.wantWhole ? { ...batch, whole: true } : batch);
    } catch (e) {
      this.inflight = null;
      this.retryAt = Date.now() + BACKOFF_MS;
    }
    this.updateStatus();
  }

  // How many items to hold so that the queue does not run dry while a batch is on its way.
  want() {
    const needed = Math.ceil((2 * this.roundTrip) / Math.max(this.pace, 50)) + 4;
    return Math.min(HOLD[1], Math.max(HOLD[0], needed));
  }

  tick() {
    if (this.inflight && Date.now() - this.inflight.at > RESEND_AFTER_MS) {
      this.inflight = null;
      this.late = true;
    }
    this.send();
  }

  updateStatus() {
    const s = this.status;
    const n = this.pending.length;
    s.setAttribute("data-pending", String(n));
    s.setAttribute("data-failed", String(this.failed.length));
    s.replaceChildren();
    const what = (k) => `${k} answer${k === 1 ? "" : "s"}`;
    let state = "saved";
    if (this.failed.length) {
      state = "failed";
      const last = this.failed[this.failed.length - 1];
      s.appendChild(el("span", "", `${what(this.failed.length)} not stored: ${last.message} `));
      s.appendChild(button("Dismiss", () => {
        for (const f of this.failed) this.resolved.add(f.key);
        this.failed = [];
        this.save();
        this.updateStatus();
      }));
    } else if (n && (this.stopped || this.late || !navigator.onLine)) {
      state = "retrying";
      s.textContent = `${what(n)} not sent yet: kept in this browser, retrying…` + (this.stopped ? ` (${this.stopped})` : "");
    } else if (n) {
      state = "sending";
      s.textContent = `Sending ${what(n)}…`;
    } else {
      this.late = false;
      s.textContent = this.history.length ? "All answers saved." : "";
    }
    if (this.storageError) {
      s.setAttribute("data-storage-error", "");
      s.appendChild(el("span", "ct-warn", ` This browser cannot keep unsent answers (${this.storageError}): answers will not survive a refresh.`));
    } else s.removeAttribute("data-storage-error");
    s.setAttribute("data-state", state);
    if (this.message) s.appendChild(el("span", "ct-hint", " " + this.message));
  }

  hint(text) {
    this.message = text; // until the next key or item
    this.updateStatus();
  }

  focusRationale() {
    const box = this.body.querySelector("[data-rationale]");
    if (box) box.focus();
  }

  // ---- keys ---------------------------------------------------------------------------

  key(e) {
    if (!this.root || !this.root.isConnected || e.defaultPrevented || e.isComposing) return;
    const target = e.target;
    const typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (typing) {
      if (target.hasAttribute && target.hasAttribute("data-rationale")) {
        if (e.key === "Escape") target.blur();
        else if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          if (this.shown && this.shown.kind === "pair") this.submitPair();
          else if (this.shown && this.shown.kind === "ranking") submitRanking(this);
        }
      }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return; // a held key answers once
    const k = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const item = this.shown;
    const handled = this.press(k, item);
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  }

  press(k, item) {
    this.message = null;
    if (k === "u") return this.undo(), true;
    if (!item) return false;
    if (k === "s") return this.skip(), true;
    if (k === "f") return this.flag(), true;
    if (item.kind === "pair") {
      const choice = (this.data.screen || []).find((c) => c[0] === k);
      if (choice) return this.choose(choice[1], false), true;
      if (k === this.data.both_bad_key) return this.choose(null, true), true;
      if (k === "Enter") return this.submitPair(), true;
    } else if (item.kind === "thumbs") {
      if (k === "g") return this.submitThumbs(true), true;
      if (k === "b") return this.submitThumbs(false), true;
    } else if (item.kind === "ranking") return rankingPress(this, k);
    return false;
  }

  choose(screen, bothBad) {
    this.draft.screen = screen;
    this.draft.bothBad = bothBad;
    for (const b of this.body.querySelectorAll("[data-choice]")) {
      const on = bothBad ? b.dataset.choice === "both" : b.dataset.choice === String(screen);
      b.classList.toggle("ct-selected", on);
      b.setAttribute("aria-pressed", on ? "true" : "false");
    }
    const submit = this.body.querySelector("[data-action=submit]");
    if (submit) submit.disabled = false;
    const needs = this.shown.rationale_required_for;
    const required = (bothBad && needs.includes("both_bad")) || (!bothBad && screen === 0 && needs.includes("tie"));
    const box = this.body.querySelector("[data-rationale]");
    if (box) box.placeholder = required ? "Rationale (required for this answer)" : "Rationale (optional)";
  }
}
