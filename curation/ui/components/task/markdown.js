// A small, safe markdown renderer for user content: every piece of text reaches the page
// through textContent, never innerHTML, so no markup in the content is ever interpreted.
// It knows fenced code, headings, lists, paragraphs, `code`, **bold** and *italic*. Links
// show their text and address as text; images show as "[image: alt]" (nothing is fetched).

// Every span is bounded: unbounded groups made a long line of "[a](" quadratic (each "[" scanned
// to the end of the line for a ")"), so a hostile message could freeze the page. Longer spans
// than these show as plain text.
const INLINE = /(`{1,16})([^`]|[^`][\s\S]{0,500}?[^`])\1(?!`)|\*\*([^*\n]{1,300})\*\*|__([^_\n]{1,300})__|!\[([^\]\n]{0,200})\]\(([^)\n]{0,500})\)|\[([^\]\n]{1,200})\]\(([^)\n]{0,500})\)|\*([^*\s][^*\n]{0,300})\*|\b_([^_\n]{1,300})_\b/g;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function appendInline(parent, text) {
  let last = 0;
  INLINE.lastIndex = 0;
  for (let m = INLINE.exec(text); m; m = INLINE.exec(text)) {
    if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
    if (m[1] !== undefined) parent.appendChild(el("code", "", m[2]));
    else if (m[3] !== undefined || m[4] !== undefined) parent.appendChild(el("strong", "", m[3] ?? m[4]));
    else if (m[5] !== undefined) parent.appendChild(el("span", "ct-image", `[image: ${m[5]}]`));
    else if (m[7] !== undefined) {
      const link = el("span", "ct-link", m[7]);
      link.title = m[8];
      parent.appendChild(link);
      if (m[8] && m[8] !== m[7]) parent.appendChild(el("span", "ct-url", ` (${m[8]})`));
    } else parent.appendChild(el("em", "", m[9] ?? m[10]));
    last = INLINE.lastIndex;
  }
  if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
}

function renderParagraphs(parent, text) {
  const lines = text.split("\n");
  let para = [];
  let list = null;
  const flush = () => {
    if (para.length) {
      const p = el("p");
      para.forEach((line, i) => {
        if (i) p.appendChild(document.createElement("br"));
        appendInline(p, line);
      });
      parent.appendChild(p);
      para = [];
    }
  };
  for (const line of lines) {
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = /^\s*(?:[-*+]|(\d+)[.)])\s+(.*)$/.exec(line);
    if (!line.trim()) {
      flush();
      list = null;
    } else if (heading) {
      flush();
      list = null;
      const h = el(`h${Math.min(6, heading[1].length + 3)}`);
      appendInline(h, heading[2]);
      parent.appendChild(h);
    } else if (item) {
      flush();
      const tag = item[1] ? "ol" : "ul";
      if (!list || list.tagName.toLowerCase() !== tag) {
        list = el(tag);
        parent.appendChild(list);
      }
      const li = el("li");
      appendInline(li, item[2]);
      list.appendChild(li);
    } else {
      list = null;
      para.push(line);
    }
  }
  flush();
}

// Markdown text into `parent` (an element), as elements and text nodes only.
function renderMarkdown(parent, text) {
  const fence = /^[ ]{0,3}(`{3,}|~{3,})[^\n]*\n([\s\S]*?)(?:^[ ]{0,3}\1[ \t]*$|(?![\s\S]))/gm;
  let last = 0;
  const source = String(text ?? "");
  for (let m = fence.exec(source); m; m = fence.exec(source)) {
    renderParagraphs(parent, source.slice(last, m.index));
    const pre = el("pre");
    pre.appendChild(el("code", "", m[2].replace(/\n$/, "")));
    parent.appendChild(pre);
    last = fence.lastIndex;
    if (m[0].length === 0) fence.lastIndex += 1;
  }
  renderParagraphs(parent, source.slice(last));
}
