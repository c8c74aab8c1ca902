// One renderer per item kind: draws the item into task.body and wires its buttons to the
// task's operations (the ranking screen is in ranking.js). A new kind adds an entry to
// RENDERERS and its name to KINDS in __init__.py.

function layout(task, item, keysHelp) {
  const main = el("div", "ct-main");
  const column = el("div", "ct-task");
  main.appendChild(column);
  const guidelines = (task.data.guidelines || "").trim();
  if (guidelines) {
    const aside = el("aside", "ct-guidelines");
    aside.appendChild(el("div", "ct-heading", `Guidelines (v${item.guideline_version})`));
    const text = el("div", "ct-scroll ct-guidelines-text");
    renderMarkdown(text, guidelines);
    aside.appendChild(text);
    aside.appendChild(el("div", "ct-caption", keysHelp));
    main.appendChild(aside);
  } else main.classList.add("ct-no-guidelines");
  task.body.appendChild(main);
  const conversation = el("div", "ct-scroll ct-conversation");
  conversation.setAttribute("data-part", "conversation");
  renderMessages(conversation, item.messages);
  column.appendChild(conversation);
  requestAnimationFrame(() => (conversation.scrollTop = conversation.scrollHeight));
  return { column, guidelines };
}

function answerBox(title, messages, part) {
  const box = el("div", "ct-scroll ct-answer");
  box.setAttribute("data-part", part);
  box.appendChild(el("div", "ct-heading", title));
  renderMessages(box, messages);
  return box;
}

function actionRow(task, item, first) {
  const row = el("div", "ct-actions");
  const why = el("textarea", "ct-rationale");
  why.setAttribute("data-rationale", "");
  why.rows = 2;
  why.placeholder = first.placeholder;
  why.setAttribute("aria-label", "Rationale");
  why.addEventListener("input", () => (task.draft.rationale = why.value));
  row.appendChild(why);
  for (const b of first.buttons) row.appendChild(b);
  const flagged = task.flagged(item);
  row.append(
    button("Undo last (U)", () => task.undo(), { data: { action: "undo" } }),
    button("Skip (S)", () => task.skip(), { data: { action: "skip" } }),
    button(flagged ? "Unflag (F)" : "Flag (F)", () => task.flag(), { data: { action: "flag" } }),
  );
  return row;
}

function flagCaption(task, item) {
  const caption = el("div", "ct-caption", task.flagged(item) ? "You flagged this item for the lead." : "");
  caption.setAttribute("data-flag-caption", "");
  return caption;
}

function suggestionBox(item) {
  if (!item.suggestion) return null;
  const details = el("details", "ct-suggestion");
  details.appendChild(el("summary", "", `AI suggestion: ${item.suggestion.label}`));
  details.appendChild(el("div", "ct-caption", `From ${item.suggestion.model}. A suggestion, not an answer: judge for yourself.`));
  const text = el("div", "ct-md");
  renderMarkdown(text, item.suggestion.text);
  details.appendChild(text);
  return details;
}

const PAIR_KEYS =
  "Keys: 1 left much better, 2 left better, 3 tie, 4 right better, 5 right much better, " +
  "6 both bad, Enter submit, U undo last, S skip, F flag (Ctrl+Enter submits from the rationale box).";

function renderPair(task, item) {
  const { column, guidelines } = layout(task, item, PAIR_KEYS);
  const sides = el("div", "ct-sides");
  for (const [side, title, messages] of [["left", "Left", item.left], ["right", "Right", item.right]]) {
    const col = el("div", "ct-side");
    col.appendChild(answerBox(title, messages, `answer-${side}`));
    for (const criterion of item.criteria) {
      const row = el("div", "ct-criterion");
      row.appendChild(el("span", "ct-caption", `${criterion} · ${title}`));
      for (let v = 1; v <= 5; v++) {
        const b = button(String(v), () => {
          const now = task.draft.criteria[criterion] || {};
          now[side] = now[side] === v ? null : v;
          task.draft.criteria[criterion] = now;
          for (const other of row.querySelectorAll("button")) {
            other.classList.toggle("ct-selected", Number(other.textContent) === now[side]);
          }
        }, { title: "1 = poor, 5 = excellent; optional", data: { criterion, side, value: v } });
        b.classList.add("ct-small");
        row.appendChild(b);
      }
      col.appendChild(row);
    }
    sides.appendChild(col);
  }
  column.appendChild(sides);
  const suggestion = suggestionBox(item);
  if (suggestion) column.appendChild(suggestion);
  const choices = el("div", "ct-choices");
  for (const [key, value, label, help] of task.data.screen) {
    const b = button(`${label} (${key})`, () => task.choose(value, false), { title: help, data: { choice: value } });
    choices.appendChild(b);
  }
  choices.appendChild(button(`Both bad (${task.data.both_bad_key})`, () => task.choose(null, true), { data: { choice: "both" } }));
  column.appendChild(choices);
  const submit = button("Submit (Enter)", () => task.submitPair(), { primary: true, data: { action: "submit" } });
  submit.disabled = true;
  column.appendChild(actionRow(task, item, { placeholder: "Rationale (optional)", buttons: [submit] }));
  column.appendChild(flagCaption(task, item));
  if (!guidelines) column.appendChild(el("div", "ct-caption", "No guidelines given for this campaign. " + PAIR_KEYS));
}

const THUMBS_KEYS = "Keys: G good, B bad (each submits at once, with the reason if you typed one), U undo last, S skip, F flag.";

function renderThumbs(task, item) {
  const { column, guidelines } = layout(task, item, THUMBS_KEYS);
  column.appendChild(answerBox("Answer", item.left, "answer"));
  const needs = item.rationale_required_for.includes("bad");
  const good = button("👍 Good (G)", () => task.submitThumbs(true), { primary: true, data: { action: "good" } });
  const bad = button("👎 Bad (B)", () => task.submitThumbs(false), { data: { action: "bad" } });
  column.appendChild(actionRow(task, item, {
    placeholder: needs ? "Why is it bad? (required when bad)" : "Why? (optional)",
    buttons: [good, bad],
  }));
  column.appendChild(flagCaption(task, item));
  if (!guidelines) column.appendChild(el("div", "ct-caption", "No guidelines given for this campaign. " + THUMBS_KEYS));
}

const RENDERERS = { pair: renderPair, thumbs: renderThumbs, ranking: renderRanking };

export default function (args) {
  const storage = args.data.storage;
  const task = (REGISTRY[storage] = REGISTRY[storage] || new Task(storage));
  task.attach(args);
  task.receive(args.data);
  return () => task.detach();
}
