// The search page (tim-kiem/?q=...): asks Pagefind's static index and lists title,
// date and the lead of each article found, with the words searched for marked.
// No framework, no build step. A classic script, not a module: opened from a file
// (file://) a module would not even load, while this one says that search needs a
// web server.
//
// Queries are put into the "search form" of newsarchive/folding.py (lower case, đ -> d,
// one tone placement for oa/oe/uy) because the index holds every word in that form
// too; keep searchForm() here and search_form() there in step (a browser test checks).

{
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const VARIABLE_ENDING = /(?<!q)(?:oa|oe|uy)$/;
const PAGE_SIZE = 10;
// Pagefind also boosts pages whose metadata matches, ignoring diacritics, which would
// outweigh the boost for the exact spelling; our title counts through the title words
// in the record instead (weight 7), and the metadata is only for display.
// A record holds each word once, so its length is the size of the article's vocabulary:
// a weaker signal than the length of the text, hence a weaker length normalisation.
const RANKING = { metaWeights: { title: 0, lead: 0, date: 0 }, pageLength: 0.3 };

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

function searchForm(text) {
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

// The words of `text` with those that match a query term (as Pagefind matches: the
// start of the word, diacritics aside) flagged.
function marked(text, query) {
  const terms = query.split(/\s+/).map(bare).filter(Boolean);
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      const key = bare(word);
      return { text: word, hit: key !== "" && terms.some((term) => key.startsWith(term)) };
    });
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
    // Quotes would ask Pagefind for an exact phrase, which a bag of words cannot
    // satisfy; search the words instead.
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

// For tests and for anyone who wants the same folding on their own pages.
window.newsarchiveSearch = { searchForm, marked };
const root = document.getElementById("search");
if (root) run(root);
}
