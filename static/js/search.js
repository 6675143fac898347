// The search page (tim-kiem/?q=...): asks Pagefind's static index and lists title,
// date and the lead of each article found, with the words searched for marked.
// No framework, no build step. A classic script, not a module: opened from a file
// (file://) a module would not even load, while this one says that search needs a
// web server.
//
// Queries are turned into the search tokens of newsarchive/folding.py, which is where
// the scheme is explained; keep words(), foldedToken() and exactToken() here and their
// twins there in step (a browser test checks).

{
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const MARK_LETTERS = {
  "\u0306": "b",
  "\u0302": "c",
  "\u031b": "h",
  "\u0300": "f",
  "\u0301": "s",
  "\u0309": "r",
  "\u0303": "x",
  "\u0323": "j",
};
const STROKE = "d";
const POSITIONS = "aegiklmnpqtuvwy";
const VARIABLE_ENDING = /(?<!q)(?:oa|oe|uy)$/;
const PAGE_SIZE = 10;
// Pagefind also boosts pages whose metadata matches, ignoring diacritics, which would
// outweigh the exact spelling; our title counts through its tokens in the record
// instead (weight 7), and the metadata is only for display.
// A record holds each word once, so its length is the size of the article's vocabulary:
// a weaker signal than the length of the text, hence a weaker length normalisation.
const RANKING = { metaWeights: { title: 0, lead: 0, date: 0 }, pageLength: 0.3 };

function canonicalTone(word) {
  const decomposed = word.normalize("NFD");
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

function words(text) {
  return (text.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) || []).map(
    canonicalTone,
  );
}

function bareAndMarks(word) {
  let bare = "";
  let marks = "";
  [...word].forEach((char, index) => {
    const position = POSITIONS[Math.min(index, POSITIONS.length - 1)];
    if (char === "đ") {
      bare += "d";
      marks += position + STROKE;
      return;
    }
    const [base, ...combining] = [...char.normalize("NFD")];
    bare += base;
    if (combining.length) {
      marks += position + combining.map((mark) => MARK_LETTERS[mark] || "o").join("");
    }
  });
  return [bare, marks];
}

function foldedToken(word) {
  const bare = bareAndMarks(word)[0];
  return /^\d+$/.test(bare) ? bare : `z${bare}z`;
}

function exactToken(word) {
  const marks = bareAndMarks(word)[1];
  return marks ? `${foldedToken(word)}${marks}z` : foldedToken(word);
}

// The words of `text`, those that are a query word but for diacritics flagged.
function marked(text, query) {
  const terms = new Set(words(query).map(foldedToken));
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => ({ text: word, hit: words(word).some((w) => terms.has(foldedToken(w))) }));
}

function markedNode(tag, text, query) {
  const node = document.createElement(tag);
  marked(text, query).forEach(({ text: word, hit }, i) => {
    if (i > 0) node.append(" ");
    if (hit) {
      const mark = document.createElement("mark");
      mark.textContent = word;
      node.append(mark);
    } else {
      node.append(word);
    }
  });
  return node;
}

function resultNode(data, query) {
  const li = document.createElement("li");
  li.className = "search-result";
  const heading = document.createElement("h2");
  const link = markedNode("a", data.meta.title || data.url, query);
  link.href = data.url;
  heading.append(link);
  li.append(heading);
  if (data.meta.date) {
    const date = document.createElement("p");
    date.className = "article-date";
    date.textContent = data.meta.date;
    li.append(date);
  }
  // The indexed content is a bag of words (see folding.search_words): show the lead.
  const lead = markedNode("p", data.meta.lead || "", query);
  lead.className = "search-excerpt";
  li.append(lead);
  return li;
}

// The articles that have every term, best first; none when a term is in no article
// (Pagefind itself would leave that term out and search the others).
async function articlesWithAll(pagefind, terms) {
  const alone = await Promise.all(terms.map((term) => pagefind.search(term)));
  if (alone.some((search) => search.results.length === 0)) return [];
  return terms.length === 1 ? alone[0].results : (await pagefind.search(terms.join(" "))).results;
}

async function run(root) {
  const query = (new URLSearchParams(location.search).get("q") || "").trim();
  for (const input of document.querySelectorAll("input[name=q]")) input.value = query;
  if (!query) return;
  const status = root.querySelector(".search-status");
  const list = root.querySelector(".search-results");
  const more = root.querySelector(".search-more");
  status.textContent = root.dataset.loading;

  const typed = [...new Set(words(query))];
  const exactTerms = typed.map(exactToken);
  const foldedTerms = typed.map(foldedToken);
  let pagefind;
  let results = [];
  // Articles with the spelling typed come first. Those with other spellings are only
  // looked up when the reader gets to them (or the first page is not full): their
  // index files are the larger part of what a query downloads.
  let othersPending = exactTerms.some((term, i) => term !== foldedTerms[i]);
  async function addOthers() {
    othersPending = false;
    const listed = new Set(results.map((result) => result.id));
    const others = await articlesWithAll(pagefind, foldedTerms);
    results.push(...others.filter((result) => !listed.has(result.id)));
  }
  try {
    const bundle = new URL(root.dataset.bundle, document.baseURI);
    pagefind = await import(new URL("pagefind.js", bundle).href);
    await pagefind.options({ ranking: RANKING });
    results = await articlesWithAll(pagefind, othersPending ? exactTerms : foldedTerms);
    if (othersPending && results.length < PAGE_SIZE) await addOthers();
  } catch (error) {
    status.textContent = root.dataset.unavailable;
    console.warn("search unavailable:", error);
    return;
  }
  let shown = 0;
  function showStatus() {
    const found = othersPending ? root.dataset.resultsExact : root.dataset.results;
    status.textContent = results.length
      ? `${results.length} ${found} “${query}”`
      : `${root.dataset.noResults} “${query}”`;
  }
  async function showMore() {
    if (othersPending && shown >= results.length) await addOthers();
    const batch = results.slice(shown, shown + PAGE_SIZE);
    shown += batch.length;
    const found = await Promise.all(batch.map((result) => result.data()));
    list.append(...found.map((data) => resultNode(data, query)));
    more.hidden = shown >= results.length && !othersPending;
    more.textContent = shown >= results.length ? root.dataset.moreOthers : root.dataset.more;
    showStatus();
  }
  more.addEventListener("click", showMore);
  await showMore();
}

// For tests and for anyone who wants the same folding on their own pages.
window.newsarchiveSearch = { words, foldedToken, exactToken, marked };
const root = document.getElementById("search");
if (root) run(root);
}
