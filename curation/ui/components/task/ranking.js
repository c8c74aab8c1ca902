// A ranking item (see curation/labeling/ranking.py): 3–5 answers of one prompt, A–E in the
// annotator's own order, ranked from the keyboard. The draft holds ranks by slot (0-based),
// the focused slot and "all bad"; the answer goes out with ranks by letter. checkRanking
// mirrors labeling.ranking.check_ranking so that an invalid ranking is never sent (the
// server checks again).

const LETTERS = "ABCDE";

function rankingKeysHelp(item) {
  return (
    `Keys: ←/→ focus an answer, 1–${item.max_rank} give it that rank (same digit = tie), ` +
    "↑/↓ move it up/down a rank, 0 clear, X all bad, Enter submit, U undo last, S skip, F flag " +
    "(Ctrl+Enter submits from the rationale box)."
  );
}

function nextUnranked(ranks, n, after) {
  for (let step = 1; step <= n; step++) {
    const slot = (after + step) % n;
    if (!(slot in ranks)) return slot;
  }
  return after;
}

// The draft after one key, as curation's Streamlit ranking view did: `rank` gives the
// focused answer a rank and moves on to the next unranked one; an unranked answer moved up
// comes in at the bottom rank.
function applyRankingKey(draft, name, value, n, top) {
  const ranks = draft.ranks;
  const focus = draft.focus;
  if (name === "focus") draft.focus = value;
  else if (name === "rank") {
    ranks[focus] = value;
    draft.allBad = false;
    draft.focus = nextUnranked(ranks, n, focus);
  } else if (name === "prev" || name === "next") draft.focus = (focus + (name === "prev" ? n - 1 : 1)) % n;
  else if (name === "up") {
    ranks[focus] = focus in ranks ? Math.max(1, ranks[focus] - 1) : top;
    draft.allBad = false;
  } else if (name === "down" && focus in ranks) ranks[focus] = Math.min(top, ranks[focus] + 1);
  else if (name === "clear") delete ranks[focus];
  else if (name === "all_bad") draft.allBad = !draft.allBad;
}

function rankingCase(draft) {
  if (draft.allBad) return "all_bad";
  const values = Object.values(draft.ranks);
  return new Set(values).size < values.length ? "tie" : null;
}

// Why the ranking cannot be submitted as it is, or null: labeling.ranking.check_ranking's rules.
function checkRanking(item, draft) {
  const n = item.answers.length;
  const needs = item.rationale_required_for;
  const why = !draft.rationale.trim();
  if (draft.allBad) {
    if (needs.includes("all_bad") && why) return "This campaign asks for a rationale when all answers are bad: type it, then Ctrl+Enter.";
    return null;
  }
  const slots = Object.keys(draft.ranks).map(Number);
  if (!slots.length) return "Rank the answers (1 is best), or mark them all bad (X).";
  const limit = item.max_rank;
  for (const slot of slots) {
    const r = draft.ranks[slot];
    if (!Number.isInteger(r) || r < 1 || r > limit) return `Answer ${LETTERS[slot]}: a rank is a whole number from 1 to ${limit}.`;
  }
  if (limit === n) {
    const missing = [...Array(n).keys()].filter((s) => !(s in draft.ranks)).map((s) => LETTERS[s]);
    if (missing.length) return `Rank every answer: ${missing.join(", ")} has no rank yet.`;
  } else if (slots.length < limit) return `Rank your top ${limit} answers: ${slots.length} ranked so far.`;
  const best = Math.min(...Object.values(draft.ranks));
  if (best !== 1) return `The best answer gets rank 1; the ranks given start at ${best}.`;
  if (rankingCase(draft) === "tie" && needs.includes("tie") && why) {
    return "This campaign asks for a rationale when answers share a rank: type it, then Ctrl+Enter.";
  }
  return null;
}

// The ranking so far in letters, best first: "C > A = B > D (unranked)".
function orderText(draft, n) {
  if (draft.allBad) return "All answers are bad.";
  const groups = new Map();
  for (let slot = 0; slot < n; slot++) {
    const r = draft.ranks[slot];
    if (r === undefined) continue;
    if (!groups.has(r)) groups.set(r, []);
    groups.get(r).push(LETTERS[slot]);
  }
  if (!groups.size) return "Nothing ranked yet.";
  const text = [...groups.keys()].sort((a, b) => a - b).map((r) => groups.get(r).join(" = ")).join(" > ");
  const rest = [...Array(n).keys()].filter((s) => !(s in draft.ranks)).map((s) => LETTERS[s]);
  return text + (rest.length ? ` > ${rest.join(" = ")} (unranked)` : "");
}

const RANKING_MOVES = { ArrowLeft: "prev", ArrowRight: "next", ArrowUp: "up", ArrowDown: "down", 0: "clear", x: "all_bad" };

// A key on a ranking item; true when it was one of the ranking's keys.
function rankingPress(task, k) {
  const item = task.shown;
  if (k === "Enter") return submitRanking(task), true;
  let name = RANKING_MOVES[k];
  let value = null;
  if (!name && /^[1-9]$/.test(k)) {
    value = Number(k);
    if (value > item.max_rank) {
      task.hint(`Ranks go from 1 to ${item.max_rank} here.`);
      return true;
    }
    name = "rank";
  }
  if (!name) return false;
  rankingMove(task, name, value);
  return true;
}

function rankingMove(task, name, value) {
  const item = task.shown;
  applyRankingKey(task.draft, name, value, item.answers.length, item.max_rank);
  paintRanking(task);
}

function submitRanking(task) {
  const item = task.shown;
  if (!item || item.kind !== "ranking") return;
  const d = task.draft;
  const problem = checkRanking(item, d);
  if (problem) {
    task.hint(problem);
    if (problem.includes("rationale")) task.focusRationale();
    return;
  }
  const ranks = {};
  if (!d.allBad) for (const [slot, r] of Object.entries(d.ranks)) ranks[LETTERS[Number(slot)]] = r;
  task.answer({ ranks, all_bad: d.allBad, rationale: d.rationale });
}

// Bring the screen in line with the draft (the item itself is drawn once, by renderRanking).
function paintRanking(task) {
  const d = task.draft;
  const item = task.shown;
  for (const col of task.body.querySelectorAll("[data-part=answer][data-slot]")) {
    const slot = LETTERS.indexOf(col.dataset.slot);
    const rank = d.ranks[slot];
    const focused = slot === d.focus;
    col.setAttribute("data-rank", rank === undefined || d.allBad ? "" : String(rank));
    col.classList.toggle("ct-focused", focused);
    col.toggleAttribute("data-focused", focused);
    const head = col.querySelector("[data-focus]");
    head.textContent = `${focused ? "▶ " : ""}${col.dataset.slot} · ${rank === undefined ? "unranked" : `rank ${rank}`}`;
    head.classList.toggle("ct-selected", focused);
  }
  const order = task.body.querySelector("[data-part=order]");
  if (order) order.textContent = orderText(d, item.answers.length);
  const bad = task.body.querySelector("[data-move=all_bad]");
  if (bad) bad.classList.toggle("ct-selected", d.allBad);
  const submit = task.body.querySelector("[data-action=submit]");
  if (submit) submit.disabled = !d.allBad && !Object.keys(d.ranks).length;
  const box = task.body.querySelector("[data-rationale]");
  if (box) {
    const required = item.rationale_required_for.includes(rankingCase(d));
    box.placeholder = required ? "Rationale (required for this answer)" : "Rationale (optional)";
  }
}

function renderRanking(task, item) {
  const help = rankingKeysHelp(item);
  const { column, guidelines } = layout(task, item, help);
  const answers = el("div", "ct-ranks");
  answers.style.gridTemplateColumns = `repeat(${item.answers.length}, minmax(0, 1fr))`;
  item.answers.forEach((answer, slot) => {
    const col = el("div", "ct-side ct-rank-col");
    col.setAttribute("data-part", "answer");
    col.setAttribute("data-slot", answer.label);
    const head = button(answer.label, () => rankingMove(task, "focus", slot), { data: { focus: answer.label } });
    col.appendChild(head);
    const box = el("div", "ct-scroll ct-answer ct-rank-answer");
    renderMessages(box, answer.messages);
    col.appendChild(box);
    answers.appendChild(col);
  });
  column.appendChild(answers);
  const order = el("div", "ct-order");
  order.setAttribute("data-part", "order");
  column.appendChild(order);
  if (item.rank_top) column.appendChild(el("div", "ct-caption", `Rank your top ${item.rank_top}; the rest stay below them.`));
  const keys = el("div", "ct-rank-keys");
  for (let r = 1; r <= item.max_rank; r++) {
    keys.appendChild(button(String(r), () => rankingMove(task, "rank", r), { title: `rank ${r}`, data: { move: "rank", value: r } }));
  }
  for (const [name, label, title] of [
    ["prev", "←", "focus the answer on the left"],
    ["next", "→", "focus the answer on the right"],
    ["up", "↑", "one rank better"],
    ["down", "↓", "one rank worse"],
    ["clear", "0", "clear this answer's rank"],
    ["all_bad", "All bad (X)", "every answer is bad"],
  ]) {
    keys.appendChild(button(label, () => rankingMove(task, name, null), { title, data: { move: name } }));
  }
  column.appendChild(keys);
  const submit = button("Submit (Enter)", () => submitRanking(task), { primary: true, data: { action: "submit" } });
  column.appendChild(actionRow(task, item, { placeholder: "Rationale (optional)", buttons: [submit] }));
  column.querySelector("[data-rationale]").addEventListener("input", () => paintRanking(task));
  column.appendChild(flagCaption(task, item));
  if (!guidelines) column.appendChild(el("div", "ct-caption", "No guidelines given for this campaign. " + help));
  paintRanking(task);
}
