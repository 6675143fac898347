// The search page (tim-kiem/?q=...): asks Pagefind's static index and lists title,
// date and a highlighted excerpt for each article found. No framework, no build step.
//
// Queries are put into the "search form" of newsarchive/folding.py (lower case, đ -> d,
// one tone placement for oa/oe/uy) because the index holds every word in that form
// too; keep searchForm() here and search_form() there in step (a browser test checks).

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const VARIABLE_ENDING = /(?<!q)(?:oa|oe|uy)$/;
// Where the visible text of an article ends in the indexed content: after it come
// the hidden search forms (see templates/article.html).
const HIDDEN_FORMS = "⁂";
const PAGE_SIZE = 10;
const EXCERPT_WORDS = 30;
// Titles count through their search form (search_title), so that `dong chi` and
// `đồng chí` boost the title `Đồng chí …` alike; the plain title is for display.
const RANKING = { metaWeights: { title: 0, search_title: 5 } };

function canonicalTone(letters) {
  const decomposed = letters.normalize("NFD");
  const tones = decomposed.match(TONES) || [];
  if (tones.length === 1) {
    const base = decomposed.replace(TONES, "");
    const ending = base.match(VARIABLE_ENDING);
    if (ending) {
      const first = ending.index + 1;
      return (base.slice(0, first) + tones[0] + base.slice(first)).normalize("NFC");
    }
  }
  return decomposed.normalize("NFC");
}

export function searchForm(text) {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/\p{L}+/gu, canonicalTone)
    .replace(/đ/g, "d");
}

// Without any diacritics: what Pagefind matches on, used to find words to highlight.
function bare(word) {
  return searchForm(word)
    .normalize("NFD")
    .replace(/[^\p{L}\p{N}]/gu, "");
}

export function excerpt(content, query) {
  const words = content.split(HIDDEN_FORMS)[0].split(/\s+/).filter(Boolean);
  const terms = query.split(/\s+/).map(bare).filter(Boolean);
  const hit = words.map((word) => {
    const key = bare(word);
    return key !== "" && terms.some((term) => key.startsWith(term));
  });
  // The window of EXCERPT_WORDS words, starting a little before a hit, with most hits.
  let start = 0;
  let most = 0;
  hit.forEach((isHit, i) => {
    if (!isHit) return;
    const from = Math.max(0, i - 3);
    const count = hit.slice(from, from + EXCERPT_WORDS).filter(Boolean).length;
    if (count > most) [start, most] = [from, count];
  });
  const end = Math.min(words.length, start + EXCERPT_WORDS);
  return {
    before: start > 0,
    after: end < words.length,
    words: words.slice(start, end).map((text, i) => ({ text, hit: hit[start + i] })),
  };
}

function excerptNode(content, query) {
  const part = excerpt(content, query);
  const p = document.createElement("p");
  p.className = "search-excerpt";
  if (part.before) p.append("… ");
  part.words.forEach(({ text, hit }, i) => {
    if (i > 0) p.append(" ");
    if (hit) {
      const mark = document.createElement("mark");
      mark.textContent = text;
      p.append(mark);
    } else {
      p.append(text);
    }
  });
  if (part.after) p.append(" …");
  return p;
}

function resultNode(data, query) {
  const li = document.createElement("li");
  li.className = "search-result";
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  heading.append(link);
  li.append(heading);
  if (data.meta.date) {
    const date = document.createElement("p");
    date.className = "article-date";
    date.textContent = data.meta.date;
    li.append(date);
  }
  li.append(excerptNode(data.content, query));
  return li;
}

async function run(root) {
  const query = (new URLSearchParams(location.search).get("q") || "").trim();
  for (const input of document.querySelectorAll("input[name=q]")) input.value = query;
  if (!query) return;
  const status = root.querySelector(".search-status");
  const list = root.querySelector(".search-results");
  const more = root.querySelector(".search-more");
  status.textContent = root.dataset.loading;

  let search;
  try {
    const bundle = new URL(root.dataset.bundle, document.baseURI);
    const pagefind = await import(new URL("pagefind.js", bundle).href);
    await pagefind.options({ ranking: RANKING });
    // Quotes would ask Pagefind for an exact phrase, which the hidden search forms
    // (stored apart from the text) cannot satisfy; search the words instead.
    search = await pagefind.search(searchForm(query.replace(/["“”]/g, " ")));
  } catch (error) {
    status.textContent = root.dataset.unavailable;
    console.warn("search unavailable:", error);
    return;
  }
  const results = search.results;
  let shown = 0;
  async function showMore() {
    const batch = results.slice(shown, shown + PAGE_SIZE);
    shown += batch.length;
    const found = await Promise.all(batch.map((result) => result.data()));
    list.append(...found.map((data) => resultNode(data, query)));
    more.hidden = shown >= results.length;
  }
  more.addEventListener("click", showMore);
  await showMore();
  status.textContent = results.length
    ? `${results.length} ${root.dataset.results} “${query}”`
    : `${root.dataset.noResults} “${query}”`;
}

const root = document.getElementById("search");
if (root) run(root);
