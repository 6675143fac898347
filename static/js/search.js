// The search page (tim-kiem/?q=...): lists what the search engine finds, ten at a time,
// each with its title, date, category and a passage with the words found marked.
// The engine (js/search-engine.js, loaded before this) finds and ranks; this script only
// shows. No framework, no build step, a classic script: it runs from file:// too.
//
// The page holds every word and every piece of markup (templates/search.html): the
// messages come as data attributes with {count} and {query} to fill in, and a result is
// a copy of the <template> there. Text from the index goes in with textContent only.
//
// The query lives in the address (?q=): typing replaces it (no history entry per
// keystroke), so reload, back and forward come back to the same search, with as many
// results as were listed (history.state keeps the count); a search sent (Enter, the
// button) with other words than the page was opened with is a history entry of its
// own, so Back lists the search before (history.state's `opened`). Results follow
// the typing; the count shown is hidden from screen readers, which read it from a
// polite live region written only when the typing has paused for a while (or at once
// after Enter): once per search, not once per letter on a slow phone keyboard.

{
  const PAGE_SIZE = 10;
  const TYPING_PAUSE_MS = 300;
  const ANNOUNCE_PAUSE_MS = 1500;
  // A search still unanswered after this long says it is searching (a slow network).
  const LOADING_AFTER_MS = 300;
  // A longer query is named in the messages by its first words (shortened).
  const QUERY_SHOWN_CHARS = 60;

  const root = document.getElementById("search");
  const form = document.querySelector(".search-page-form");
  const input = document.getElementById("search-page-q");
  const status = root?.querySelector(".search-status");
  const announcer = root?.querySelector(".search-announce");
  const list = root?.querySelector(".search-results");
  const more = root?.querySelector(".search-more");
  const noneHelp = root?.querySelector(".search-none-help");
  const periodLine = root?.querySelector(".search-period"); // none on a fork's older page
  // What to type: shown while nothing is found, out of the way once results are listed
  // (on a phone it pushed the first result below the first screen).
  const hint = document.getElementById("search-hint");
  const itemTemplate = document.getElementById("search-result");
  const pageTitle = document.title;
  // " – <the site's name>", as every page's title ends (the search page's starts with its
  // heading): a title copied from a tab or a share holds it, and is searched without it.
  const siteName = pageTitle.slice(document.getElementById("search-title")?.textContent.length);
  // The site's root, as the page names it; a page without data-root (a fork's own) has it
  // as the folder above this script's (js/search.js).
  const siteRoot =
    root?.dataset.root ?? new URL("..", document.currentScript?.src || document.baseURI).href;

  // Each search has a number; an answer that arrives after a newer search began is dropped.
  let current = 0;
  // And the search before stops asking for index files: on a slow phone network, a
  // pause in typing began a search that went on fetching its results' rows and its last
  // word's completions after the reader had typed past it (README, "While typing").
  let stopping = null;
  let query = ""; // the query whose results are listed
  // What the engine is asked: the query with the spaces typed after it, which say its
  // last word is whole; without them the engine completes a word being typed.
  let asked = "";
  let askedSome = false; // and whether it was asked for articles with some of the words
  let loadingMore = false;
  let shown = 0;
  let total = 0;
  let typingTimer = 0;
  let announceTimer = 0;

  // The page's words, its data- attributes, the first it has of `names`. A fork may keep
  // the search page of an older version (templates/search.html) beside this script: a
  // word that came later (data-some) is said as the closest one it has, and a message of
  // results lacking every one as the count and the query; never an error.
  function word(...names) {
    const found = names.find((name) => typeof root.dataset[name] === "string");
    return found === undefined ? "" : root.dataset[found];
  }

  function countWord(...names) {
    return word(...names, "count") || "{count} “{query}”";
  }

  // A query as the message repeats it: a title pasted whole (150 characters) filled a
  // phone's screen with bold text and pushed the article searched for below it. The
  // field above holds the query whole; the message names its first words, or from the
  // two before word `from` on (a word corrected further on is seen). (An address
  // pasted, one word, is named whole: its end tells it from others.)
  function shortened(text, from = 0) {
    if (text.length <= QUERY_SHOWN_CHARS) return text;
    const start = Math.max(0, from - 2);
    const lead = start > 0 ? "…" : "";
    const rest = text.split(/\s+/).slice(start).join(" ");
    const cut = rest.slice(0, QUERY_SHOWN_CHARS - 10);
    const end = cut.lastIndexOf(" ");
    if (rest.length <= QUERY_SHOWN_CHARS || end <= 0) return lead + rest;
    return `${lead}${cut.slice(0, end).replace(/[\s,;:.–-]+$/, "")}…`;
  }

  // The number of words two queries begin with alike.
  function sameWords(one, other) {
    const [a, b] = [one.split(/\s+/), other.split(/\s+/)];
    let i = 0;
    while (i < a.length && a[i] === b[i]) i += 1;
    return i;
  }

  // A count as the site's language writes it (strings.yaml's thousands_separator: 1.000
  // kết quả), as the other pages write theirs (jinjaenv.grouped); a fork's older page
  // without data-thousands, so too.
  function grouped(count) {
    const separator = root.dataset.thousands ?? ".";
    return String(count).replace(/\B(?=(\d{3})+$)/g, separator);
  }

  // As Python's str.format reads strings.yaml: {name}, and a brace as text written twice.
  function fill(message, values) {
    return message.replace(/\{\{|\}\}|\{(\w+)\}/g, (whole, key) =>
      key === undefined ? whole[0] : key in values ? values[key] : whole,
    );
  }

  function announce() {
    clearTimeout(announceTimer);
    // Unchanged text is not written again: a live region may repeat any change.
    if (announcer.textContent !== status.textContent) announcer.textContent = status.textContent;
  }

  // `soon`: at once (page opened, Enter, more results); else after the typing pauses.
  function setStatus(text, soon = true) {
    status.textContent = text;
    clearTimeout(announceTimer);
    if (soon) announce();
    else announceTimer = setTimeout(announce, ANNOUNCE_PAUSE_MS);
  }

  function queryInAddress() {
    return (new URLSearchParams(location.search).get("q") || "").trim();
  }

  function keepInAddress(wanted) {
    const address = new URL(location.href);
    if (wanted) address.searchParams.set("q", wanted);
    else address.searchParams.delete("q");
    if (address.href !== location.href) history.replaceState(history.state, "", address);
    showQuery(wanted);
  }

  // The tab's title follows the query: the history and tabs tell searches apart.
  function showQuery(wanted) {
    document.title = wanted ? `${wanted} – ${pageTitle}` : pageTitle;
  }

  // Result URLs are relative to the site root; the page knows where that is from here.
  // An offline copy names a folder's index.html, as its other links do.
  function articleHref(url) {
    const href = new URL(url, new URL(siteRoot, document.baseURI));
    if (root.dataset.folderPage && href.pathname.endsWith("/")) {
      href.pathname += root.dataset.folderPage;
    }
    return href.href;
  }

  // Words found side by side are one mark ("Hai Bà Trưng", not three): easier to see,
  // and a screen reader announces one highlight rather than three. So is a date found
  // (19/4/2019, not 19, 4 and 2019): its numbers are marked apart, the `/` between not.
  function snippetInto(node, parts) {
    const list = parts || [];
    let mark = null;
    list.forEach((part, i) => {
      const between = /^(?:\s+|[/.-])$/.test(part.text);
      const joins = !part.mark && mark && between && list[i + 1]?.mark;
      if (part.mark || joins) {
        if (!mark) {
          mark = document.createElement("mark");
          node.append(mark);
        }
        mark.append(part.text);
      } else {
        mark = null;
        node.append(part.text);
      }
    });
  }

  function resultItem(result) {
    const item = itemTemplate.content.firstElementChild.cloneNode(true);
    const link = item.querySelector(".search-link");
    link.href = articleHref(result.url);
    link.textContent = result.title || result.url;
    item.querySelector(".search-date").textContent = result.date || "";
    if (result.category) item.querySelector(".search-category-name").textContent = result.category;
    else item.querySelector(".search-category").remove();
    if (!result.date && !result.category) item.querySelector(".search-meta").remove();
    const excerpt = item.querySelector(".search-excerpt");
    if (result.snippet?.length) snippetInto(excerpt, result.snippet);
    if (result.passage) {
      passages.set(item, { excerpt, passage: result.passage });
      if (onScreen) onScreen.observe(item);
      else showPassage(item);
    } else if (!result.snippet?.length) excerpt.remove();
    return item;
  }

  // The passage around the words comes from the article's page: fetched only for the
  // results that come on screen (a phone shows two or three), not for all ten. Until
  // then a result shows its lead, marked the same way.
  const passages = new WeakMap();
  const onScreen =
    "IntersectionObserver" in window
      ? new IntersectionObserver((entries) => {
          for (const entry of entries) {
            if (entry.isIntersecting) {
              onScreen.unobserve(entry.target);
              showPassage(entry.target);
            }
          }
        })
      : null;

  async function showPassage(item) {
    const wanted = passages.get(item);
    if (!wanted) return;
    passages.delete(item);
    const parts = await wanted.passage();
    if (parts?.length) {
      wanted.excerpt.textContent = "";
      snippetInto(wanted.excerpt, parts);
    } else if (!wanted.excerpt.hasChildNodes()) wanted.excerpt.remove();
    item.dataset.passage = parts?.length ? "page" : "lead";
  }

  // The text without the site's name after it, then a whole word ("… – Lưu trữ tin tức").
  function withoutSiteName(text) {
    const end = text.normalize("NFC").trimEnd();
    const named = siteName.length > 3 && end.toLowerCase().endsWith(siteName.toLowerCase());
    // (siteName is NFC: the page's title is the site's, which the build wrote NFC)
    return named ? `${end.slice(0, -siteName.length)} ` : text;
  }

  // A pasted address of the old portal (from a citation, a bookmark): it is searched as
  // the words of its last part (".../tong-ket-nam-2019-766.html": "tong ket nam 2019",
  // the portal's number left out), and sent whole, it opens the page the archive keeps
  // at that address, if any (an old address leads on to its article).
  function oldAddress(text) {
    // An address's last part alone, its portal's number at its start or its end
    // (`744225-ke-hoach-trien-khai`, `tong-ket-nam-766.html`): js/old-address.js finds
    // the page of that number; else it is searched as typed.
    const part = /^(?:[0-9]{3,}(?:-[a-z0-9]+){2,}-?|[a-z0-9]+(?:-[a-z0-9]+)+-[0-9]{3,})(?:\.html?)?$/;
    if (part.test(text.trim())) return { path: text.trim(), query: "", words: "", part: true };
    // Cited without its scheme, as printed citations give it ("portal.gov.vn/tin/a.html";
    // a host's last part is letters: "7.500.000/tháng" is no address).
    const bare = /^(?:[a-z0-9-]+\.)+[a-z]{2,}\/\S*$/i.test(text.trim());
    let address;
    try {
      address = new URL(bare ? `https://${text.trim()}` : text);
    } catch {
      return null;
    }
    if (address.protocol !== "http:" && address.protocol !== "https:") return null;
    // A copy in a web archive, as researchers cite a dead portal's page (the Wayback
    // Machine's web.archive.org/web/2019…/http://portal/…, archive.today's): the address
    // it holds is the portal's.
    const held = /\/(https?:\/.*)$/i.exec(address.pathname + address.search);
    if (held) {
      try {
        address = new URL(held[1]);
      } catch {} // not an address after all: the archive's own
    }
    let last = address.pathname.split("/").filter(Boolean).pop() || "";
    try {
      last = decodeURIComponent(last);
    } catch {} // a stray %: the part as it is
    const words = last.replace(/\.[a-z0-9]{1,5}$/i, "").split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    while (words.length > 1 && /^\d+$/.test(words[0])) words.shift();
    while (words.length > 1 && /^\d+$/.test(words[words.length - 1])) words.pop();
    return { path: last ? address.pathname : "", query: address.search, words: words.join(" ") };
  }

  // The page of this site at an old address's path, if there is one: a page (its old
  // address, or the site's own), not a file (a script, a feed, a ".aspx" alias a
  // browser would download), nor this search page.
  async function keptHere(path, query) {
    const home = new URL(siteRoot, document.baseURI);
    // "./": a path like "/https:/elsewhere/" is a folder of this site, not an address.
    const here = new URL(`./${path.replace(/^\/+/, "")}`, home);
    const own = here.origin === home.origin && here.href.startsWith(home.href);
    // An escaped / or \ a server may decode into a way out of the site's folder.
    if (!own || /%2f|%5c/i.test(here.pathname) || here.pathname === location.pathname) {
      return null;
    }
    // The portal's home with a query (`/index.html?newsid=5`) named an article, which
    // js/old-address.js looks up: the archive's home page is not it.
    if (query && here.pathname.replace(/index\.html$/i, "") === home.pathname) return null;
    try {
      const answer = await fetch(here, { method: "HEAD" });
      return answer.ok && /^text\/html/.test(answer.headers.get("content-type")) ? here.href : null;
    } catch {
      return null; // an offline copy (file://), or no network: search its words
    }
  }

  function engine() {
    const found = window.newsarchiveSearch;
    if (!found || typeof found.search !== "function") throw new Error("no search engine");
    return found;
  }

  function clear() {
    onScreen?.disconnect(); // the results listed before: their passages are not wanted
    list.textContent = "";
    more.hidden = true;
    noneHelp.hidden = true;
    if (periodLine) periodLine.hidden = true;
    shown = total = 0;
  }

  // The engine's answer for `wanted` (`text`: as typed, while `typing`), and what it was
  // asked. While typing, the last word may be unfinished (the text as typed says: no
  // space after it). Sent whole (Enter, the address), it is a word: "thủy" is not the
  // start of "thuyên", unless then nothing is found ("hàn thuy": Enter before the word
  // was finished); still nothing, a word mistyped by a letter ("lcịh") may be one of the
  // archive's. An old portal's address is its words, or the page kept at it (`kept`).
  async function find(wanted, typing, text, limit, signal) {
    const options = { offset: 0, limit, passages: false, signal };
    const old = oldAddress(wanted);
    let sent = old?.words ? `${old.words} ` : withoutSiteName(typing ? text : `${wanted} `);
    if (typing) return { sent, answer: await engine().search(sent, options) };
    // Else the page an address with a query, or in other letter case, leads to
    // (js/old-address.js; absent from a fork's older search page).
    // (The portal's home page with a query, `/?newsid=5`, may be one too.)
    const kept =
      (old?.path || old?.query) &&
      ((!old.part && (await keptHere(old.path, old.query))) ||
        (await window.newsarchiveOldAddress?.find(old.path, old.query)));
    if (kept) return { kept };
    let answer = await engine().search(sent, options);
    // Not when it ends with a word left out (`hàn thuyên -vỉa`): as typed, that word
    // would leave nothing out (a word being typed), and the articles left out be listed.
    const leftOut = (words) => engine().parseQuery(words).excluded.length;
    if (!answer.total && leftOut(sent.trimEnd()) === leftOut(sent)) {
      sent = sent.trimEnd();
      answer = await engine().search(sent, options);
    }
    const fixed = !answer.total && (await engine().suggest(sent).catch(() => null));
    const again = fixed && (await engine().search(`${fixed} `, options));
    if (again?.total) return { sent: `${fixed} `, answer: again, corrected: fixed };
    // No article of the query's dates (`tháng 12/2030`): said so, with what its other
    // words found; not the articles with some of its words (`tháng`, `12`: most).
    if (answer.unpublished) return { sent, answer };
    // Still nothing: the articles with half of the words at least (a reader adds words
    // the text does not have: `ông …` where it says `đồng chí`), said as such.
    const some = !answer.total && (await engine().search(sent, { ...options, some: true }));
    if (some?.total) return { sent, answer: some };
    return { sent, answer };
  }

  // Shows the first `limit` results for `wanted`; `typing`: while the reader types.
  async function show(wanted, typing = false, limit = PAGE_SIZE, text = wanted) {
    const number = ++current;
    stopping?.abort();
    stopping = new AbortController();
    const { signal } = stopping;
    query = wanted;
    // A first letter alone, while typing, is not searched: the engine completes a word
    // from its second letter, and a lone "h" found nothing, so "no article found" and
    // its help flashed at the first key of nearly every search. Enter searches it.
    if (!query || (typing && [...query].length === 1)) {
      clear();
      if (hint) hint.hidden = false;
      setStatus("", !typing);
      return;
    }
    // The index files may take seconds on a slow phone network: the results of the
    // search before are not left on screen as if they answered this one.
    const slow = setTimeout(() => {
      if (number !== current) return;
      clear();
      setStatus(word("loading"), !typing);
    }, LOADING_AFTER_MS);
    let found;
    try {
      found = await find(wanted, typing, text, limit, signal);
    } catch (error) {
      if (number !== current) return;
      clear();
      setStatus(word("unavailable"));
      console.warn("search unavailable:", error);
      return;
    } finally {
      clearTimeout(slow);
    }
    if (number !== current) return;
    if (found.kept) {
      location.replace(found.kept); // back leads where the reader was, not here
      return;
    }
    const { answer, corrected } = found;
    asked = found.sent; // for more results
    askedSome = Boolean(answer.some);
    clear();
    total = answer.total;
    list.append(...answer.results.map(resultItem));
    shown = answer.results.length;
    more.hidden = shown >= total;
    noneHelp.hidden = total > 0;
    if (hint) hint.hidden = total > 0;
    const [whole, partial] = corrected
      ? [countWord("corrected"), countWord("correctedPartial", "corrected", "countPartial")]
      : [countWord(), countWord("countPartial")];
    let message = !total ? countWord("none") : answer.complete ? whole : partial;
    if (answer.some) message = countWord("some", "countPartial");
    // A month, a range or a long date lists its days' articles and others with its words
    // (`tháng`, `3`, `2019`): "48 kết quả" was read as 48 of March's. Each said apart,
    // after a word corrected too (`giao bann tháng 3/2019`); a page without data-dated
    // (a fork's older search.html) says the count as before. A long date no article is
    // of says "0 bài …" too. (null: the query has no date.) Of some of the words, those
    // of the days are listed among the others: how many, when some are and not all.
    const dated = answer.dated ?? total;
    if (!answer.some && answer.complete && dated < total) {
      message = word(corrected ? "correctedDated" : "dated") || message;
    } else if (answer.some && dated > 0 && dated < total) {
      message = word("someDated") || message;
    }
    // A year among words (`tuyen dung 2021`) lists that year's articles first: said, with
    // how many, when some are and not all; after a word corrected and of some of the
    // words too (a page without these words: as a month's, or the count alone).
    if (answer.year && dated > 0 && dated < total) {
      const kind = corrected ? "correctedYear" : "year";
      const names = answer.some ? ["someYear"] : [answer.complete ? kind : `${kind}Partial`];
      message = word(...names) || message;
    }
    // Words found side by side in some articles, listed first (a name: `Đinh Thu Hiền`,
    // each syllable in many articles): "240 kết quả phù hợp nhất" was read as 240
    // articles naming her. How many have them together, and the others apart.
    const phrase = answer.phrase ?? 0;
    if (!corrected && !answer.some && phrase > 0 && phrase < total) {
      message = word(answer.complete ? "phrase" : "phrasePartial") || message;
    }
    // A month no article is of: said first, then what is listed, the other words'
    // articles (`dateless`) or those that write the month as typed, their best only
    // when not complete (a word in most articles); after a word corrected too. A page
    // without these words says what it said before.
    if (answer.unpublished && total) {
      const base = corrected ? "correctedUndated" : "undated";
      const undated = answer.dateless ? [`${base}Rest`, base] : [base];
      const best = answer.complete ? [] : undated.map((name) => `${name}Partial`);
      message = word(...best, ...undated, ...(corrected ? [] : ["dated"])) || message;
    } else if (answer.unpublished) {
      message = countWord("noneUndated", "none");
    }
    // A query wholly in quotes is shown in the message's own quotes alone, not in both.
    const unquoted = (text) => text.trim().replace(/^["“]([^"“”]*)["”]$/, "$1");
    const [shownQuery, typed] = [unquoted(corrected || query), unquoted(query)];
    const from = corrected ? sameWords(typed, shownQuery) : 0;
    const values = {
      count: grouped(total),
      dated: grouped(dated),
      phrase: grouped(phrase),
      others: grouped(total - (answer.phrase ? phrase : dated)),
      year: answer.year,
      query: shortened(shownQuery, from),
      typed: shortened(typed, from),
    };
    setStatus(fill(message, values), !typing);
    showPeriod(answer.period);
  }

  // A month's, a range's or a year's search: the page that lists all of its articles,
  // without the others, which works without JavaScript and is cited. Its address as
  // urls.py's month_url and year_url make it ("2020/03/", "2020/"), from the site root.
  function showPeriod(period) {
    const [year, month] = period || [];
    const text = month ? word("monthLink") : word("yearLink");
    if (!year || !text || !periodLine) return;
    const page = month ? `${year}/${String(month).padStart(2, "0")}/` : `${year}/`;
    const link = periodLine.querySelector("a");
    link.href = articleHref(page);
    link.textContent = fill(text, { year, month });
    periodLine.hidden = false;
  }

  async function showMore() {
    // Not disabled while it loads: a disabled button loses the keyboard focus.
    if (loadingMore) return;
    loadingMore = true;
    const number = current;
    let answer;
    try {
      const options = { offset: shown, limit: PAGE_SIZE, passages: false, some: askedSome };
      answer = await engine().search(asked, options);
    } catch (error) {
      if (number === current) setStatus(word("unavailable"));
      console.warn("search unavailable:", error);
      return;
    } finally {
      loadingMore = false;
    }
    if (number !== current) return;
    const items = answer.results.map(resultItem);
    list.append(...items);
    shown += items.length;
    // The reader goes on reading where the new results begin, not back at the button.
    items[0]?.querySelector(".search-link").focus();
    more.hidden = shown >= total || items.length === 0;
    // Back from a result lists as many again (a browser without its page cache, or
    // that dropped it, loads the page anew): the reader's place is still there.
    history.replaceState({ ...history.state, searchShown: { query, count: shown } }, "");
  }

  function searchNow(typing = false) {
    clearTimeout(typingTimer);
    const wanted = input.value.trim();
    keepInAddress(wanted);
    return show(wanted, typing, PAGE_SIZE, input.value.trimStart());
  }

  function addressOf(wanted) {
    const address = new URL(location.href);
    address.searchParams.set("q", wanted);
    return address;
  }

  // A search sent with other words than the entry was opened with (its results already
  // follow the typing, in its address) leaves that entry to the words it had, and has
  // one of its own: Back from it lists the search before, not the page before the
  // search page. A first search, on the page opened empty, is that entry's own.
  function sendNow() {
    const wanted = input.value.trim();
    const opened = history.state?.opened;
    if (opened && wanted && wanted !== opened) {
      history.replaceState(history.state, "", addressOf(opened));
      history.pushState({ opened: wanted }, "", addressOf(wanted));
    } else if (!opened) {
      history.replaceState({ ...history.state, opened: wanted }, "");
    }
    return searchNow();
  }

  // Back or forward between two searches of this page: the entry's own. (Not from an
  // anchor of the page, `#main`, to its search: the results listed, more too, stay.)
  function showEntry() {
    const wanted = queryInAddress();
    if (wanted === query) return;
    input.value = wanted;
    showQuery(wanted);
    const kept = history.state?.searchShown;
    show(wanted, false, kept?.query === wanted ? kept.count : PAGE_SIZE);
  }

  function start() {
    const wanted = queryInAddress();
    history.replaceState({ ...history.state, opened: history.state?.opened || wanted }, "");
    // On a slow network the field is there seconds before this script: words the reader
    // typed meanwhile are searched as typed, not replaced by the address's query.
    if (input.value.trim() && input.value.trim() !== wanted) {
      searchNow(true);
      return;
    }
    if (hint && !wanted) hint.hidden = false;
    input.value = wanted;
    showQuery(wanted);
    if (wanted) {
      setStatus(word("loading"));
      const kept = history.state?.searchShown;
      show(wanted, false, kept?.query === wanted ? kept.count : PAGE_SIZE);
    }
  }

  if (root && form && input && announcer && itemTemplate) {
    form.addEventListener("submit", (event) => {
      event.preventDefault(); // the page is here already: search without reloading it
      // On a touch screen, Enter closes the on-screen keyboard, which hides the results.
      if (matchMedia("(pointer: coarse)").matches) input.blur();
      sendNow();
    });
    addEventListener("popstate", showEntry);
    input.addEventListener("input", () => {
      clearTimeout(typingTimer);
      typingTimer = setTimeout(searchNow, TYPING_PAUSE_MS, true);
    });
    more.addEventListener("click", showMore);
    start();
  }
}
