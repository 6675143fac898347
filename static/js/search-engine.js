// The search engine of the archive: reads the static index the build writes
// (docs/search-format.md) and ranks exactly as newsarchive/search/engine.py, the
// reference engine (a browser test compares the two on many queries).
//
// A classic script, not a module, and the index files are scripts too (each calls
// newsarchiveSearch.add(name, data)), loaded with <script> tags: so search works from
// a page opened from a file (file://, the offline copy), where fetch is refused.
//
// Where the index is: the data-index attribute of this script's own <script> element
// (a URL relative to the page), e.g.
//   <script defer src="../js/search-engine.js" data-index="chi-muc/"></script>
// Without it: "../tim-kiem/chi-muc/" relative to this script.
//
// API (window.newsarchiveSearch):
//   search(query, {offset = 0, limit = 10, passages = true, some = false, signal = null})
//     -> Promise<{total, complete, some, dated, unpublished, dateless, year, period,
//     phrase, results}>:
//     signal: an AbortSignal; once aborted (the reader typed on), the search asks for no
//     more index files and rejects with an AbortError;
//     complete
//     false when articles with every word may be missing (each required word is in so many
//     articles that the index keeps only its best postings somewhere: another, rarer word
//     finds them all);
//     with `some`, when no article has every word of a query of SOME_WORDS words or
//     more, the articles with half of them at least, and some true (format.some_needed);
//     dated: how many of them the query's dates found (a month's days), the others what
//     its words read as before found, or how many were published in `year`, a year
//     typed among other words whose articles come first (`tuyen dung 2021`: "2021", else
//     null: Results.year); null for a query read one way (Results.dated);
//     unpublished: true when no article is of the query's dates (a month to come): the
//     results are what its other words find (Results.unpublished), or those that write
//     its month as typed (a document's number): dateless tells (Results.dateless);
//     period: [year, month] whose page lists every article of the query's dates (a
//     month, a range within one), [year, 0] the year's page (a range within a year, a
//     year first), when some article is of them; else null (Results.period);
//     phrase: how many have the words side by side (`Đinh Thu Hiền`), listed first,
//     when some do and not all; else null (Results.phrase);
//     each result {url, title, date, category, snippet}: url relative to the site root
//     ("2019/04/x/"), date as dd/mm/yyyy, snippet a list of {text, mark}: the passage of
//     the article that holds most of the words searched (online: from the article's
//     page; from a file: its lead), mark true for a word searched. With passages: false
//     the snippet is the lead's and result.passage() fetches the page's passage when
//     asked (a Promise of the parts, null when it cannot be fetched): the results page
//     asks for those on screen only. Rejects when the index cannot be loaded.
//   words(text), fold(word), parseQuery(text): the tokenizer, as folding.py has it.
//   rank(query, {some = false, signal = null})
//     -> Promise<{total, complete, some, dated, unpublished, dateless, year, period,
//     phrase, docs, scores}>:
//     every document found, best first (document numbers: for tests).
{
const VERSION = 15;
const DOC_CHUNK = 8;
const DATE_SHOWN_IMPACT = 15;
const PAIR_WEIGHT = 6.0;
const EXACT_BONUS = 0.5;
const TITLE_BONUS = 0.0;
const PAIR_TITLE_BONUS = 0.0;
const LN2 = 0.6931471805599453;
const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
const VALUE = {};
[...ALPHABET].forEach((char, i) => {
  VALUE[char] = i;
});
const SNIPPET_WORDS = 30;
const MAX_QUERY_WORDS = 12;
const MAX_QUERY_NUMBERS = 4;
const TITLE_MARK = "=";
const VOCABULARY_FILES = 64;
const VOCABULARY_KEY = 2;
const COMPLETIONS = 5;
const SOME_WORDS = 3;
const PASTED_PAIRS = 5;
const TITLE_PHRASE_PAIRS = 2;
const WORD_END = /[\p{L}\p{N}]$/u;

// Safari before 16.4 (the iPhones of iOS 15 and 16, many still read in Vietnam) refuses a
// whole script holding a lookbehind, `(?<!…)`: search was gone there. A pattern that must
// not follow some text (terms.py's lookbehinds) is written without it, with the ends that
// text may have (`before`), and read by matchesOf.
function notAfter(pattern, ...before) {
  return { pattern, before };
}

// The matches of a notAfter pattern, as matchAll gives them: where one follows what it
// must not, the search goes on from the next character, as the lookbehind made it do.
function* matchesOf(text, { pattern, before }) {
  const flags = pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`;
  const found = new RegExp(pattern.source, flags);
  for (let m = found.exec(text); m; m = found.exec(text)) {
    // Enough for CODE_END's two characters, an astral letter being two units.
    const head = text.slice(Math.max(0, m.index - 3), m.index);
    if (before.some((end) => end.test(head))) found.lastIndex = m.index + 1;
    else yield m;
  }
}

// After a letter or a number (WORD_END), or after one and a `/` or `.`: inside a code.
const CODE_END = /[\p{L}\p{N}][/.]$/u;

// -- Words (newsarchive/folding.py) --
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const VARIABLE_ENDING = /(?:oa|oe|uy)$/; // not after `q` (canonical)
// A consonant (`qu` is one) and `y`, the syllable's only vowel: written `i` as well.
const Y_AFTER_CONSONANT = /^(?:[bcdđghklmnprstvx]|[cgknpt]h|ngh|gi|qu|tr)y$/;
const WORD = /[\p{L}\p{N}]+/gu;
const QUOTE = /["\u201c\u201d]/;
const LEADING_ZEROS = /^0+(?=[0-9]+$)/; // of a number: "007" -> "7", "0" stays
// A soft hyphen and the joiners, left out inside words (folding.py's joined).
const INSIDE_WORDS = /[\u00ad\u200c\u200d\u2060\ufeff]/g;

const canonicalCache = new Map();
function canonical(word) {
  let form = canonicalCache.get(word);
  if (form !== undefined) return form;
  let decomposed = word.replace(/ð/g, "đ").normalize("NFD");
  const tones = decomposed.match(TONES) || [];
  const base = decomposed.replace(TONES, "");
  if (tones.length <= 1 && Y_AFTER_CONSONANT.test(base)) {
    decomposed = base.slice(0, -1) + "i" + tones.join("");
  } else if (tones.length === 1) {
    const ending = base.match(VARIABLE_ENDING);
    if (ending && base[ending.index - 1] !== "q") {
      const first = ending.index + 1;
      decomposed = base.slice(0, first) + tones[0] + base.slice(first);
    }
  }
  form = decomposed.normalize("NFC");
  canonicalCache.set(word, form);
  return form;
}

function joined(text) {
  return text.replace(INSIDE_WORDS, "");
}

function spellings(text) {
  return joined(text).normalize("NFC").toLowerCase().match(WORD) || [];
}

function words(text) {
  return spellings(text).map(canonical);
}

function fold(word) {
  if (/^[\x00-\x7f]*$/.test(word)) return word.replace(LEADING_ZEROS, "");
  let bare = "";
  for (const char of word) {
    const letter = char === "đ" || char === "ð";
    bare += letter ? "d" : String.fromCodePoint(char.normalize("NFD").codePointAt(0));
  }
  return bare;
}

function pairs(items) {
  const found = [];
  for (let i = 1; i < items.length; i++) found.push(`${items[i - 1]} ${items[i]}`);
  return found;
}

// -- Queries (newsarchive/search/terms.py) --
// `số 04/2008`, `so 5`: the sign of a number, not required (terms.py's _NUMBER_SIGNS).
const NUMBER_SIGNS = new Set(["so", "số"]);
// `số 12/2019`, `quý 1/2020`, `đợt 2/2020`: no month (terms.py's _NOT_MONTH_AFTER).
const NOT_MONTH_AFTER = new Set([...NUMBER_SIGNS, "quí", "qui", "đợt", "dot"]);
// `P. Bạch Mai`: a word of one or two letters before a dot, not required (terms.py's
// _ABBREVIATION).
const ABBREVIATION = 2;
// A minus before a word or a quote, at the start or after a space (terms.py's _MINUS).
const MINUS = notAfter(/-(?=[\p{L}\p{Nl}\p{No}])/gu, /[^ \t\n\r\u00a0]$/u);
const MINUS_PHRASE = /(?:^|[ \t\n\r\u00a0])-$/u;
// `ngày 7/1/2022`: the word before a date is part of it (terms.py's _DATE_SIGNS).
const DATE_SIGNS = new Set(["ngay", "ngày"]);
// A whole date, `07/01/2022`, `7-1-2022`, `7.1.2022` (terms.py's DATE): one term.
const DATE = notAfter(
  /([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})(?![\p{L}\p{N}])(?!\2[\p{L}\p{N}])/gu,
  WORD_END,
  CODE_END,
);
// Two dates joined as a range: what is between them (terms.py's _RANGE_JOIN), and `từ`
// before the first.
const JOINER =
  "[ \\t\\n\\r\\u00a0]*(?:[-\\u2013\\u2014][ \\t\\n\\r\\u00a0]*|(?:đến|tới|den|toi)[ \\t\\n\\r\\u00a0]+)";
// `mùng`, `mồng` after it too (terms.py's _DAY_OF).
const DAY_OF = "(?:mùng|mồng|mung|mong)[ \\t\\n\\r\\u00a0]+";
// Before a date it is its sign, as `ngày` is (terms.py's _DAYS_OF).
const DAYS_OF = new Set(["mùng", "mồng", "mung", "mong"]);
const RANGE_JOIN = new RegExp(
  `^${JOINER}(?:(?:ngày|ngay)[ \\t\\n\\r\\u00a0]+)?(?:${DAY_OF})?$`,
  "u",
);
const RANGE_FROM = new Set(["tu", "từ"]);
// `trước năm 2019`, `sau tháng 3/2020`: the days before or after it (terms.py's _BEFORE,
// _AFTER, _alone).
const BEFORE = new Set(["trước", "truoc"]);
const AFTER = new Set(["sau"]);
// `sau` is also `sáu` (six) typed without diacritics: after these (`tháng sáu`, June;
// `thứ sáu`, Friday; `mùng sáu`) it is that word, not after (terms.py's _SIX_AFTER).
const SIX_AFTER = new Set(["thang", "thu", "mung", "mong"]);
const OPENS = new Set([...RANGE_FROM, ...BEFORE, ...AFTER]);
// A joiner after a date: a range's end follows, or is being typed (terms.py's _JOINS).
const JOINS = new RegExp(JOINER, "uy");
// A month, `tháng 1/2020`, `01/2020`, `1-2020`: its days (terms.py's _MONTH); `tháng`
// before it, and after the joiner of a range, part of it.
const MONTH = notAfter(
  /([0-9]{1,2})([/-])((?:19|20)[0-9]{2})(?![\p{L}\p{N}])(?!\2[\p{L}\p{N}])/gu,
  WORD_END,
  CODE_END,
);
const MONTH_SIGNS = new Set(["thang", "tháng"]);
const YEAR_SIGNS = new Set(["nam", "năm"]);
const MONTH_JOIN = new RegExp(`^${JOINER}(?:(?:tháng|thang)[ \\t\\n\\r\\u00a0]+)?$`, "u");
// `ngày 15 tháng 3 năm 2019` (`mùng`/`mồng` before the day or not): the date
// `15/3/2019` (terms.py's LONG_DATE); `tháng 3 năm 2019` (`tháng 3 2019`), not after a number: the month
// `3/2019` (terms.py's _LONG_MONTH_ALONE).
const GAP = "[ \\t\\n\\r\\u00a0]+";
const YEAR_OF = `${GAP}(?:năm|nam)${GAP}((?:19|20)[0-9]{2})`;
// `năm` may be left out: `tháng 3 2021` (terms.py's _LONG_MONTH).
const LONG_MONTH =
  `(?:tháng|thang)${GAP}([0-9]{1,2})${GAP}(?:(?:năm|nam)${GAP})?((?:19|20)[0-9]{2})`;
const LONG_MONTH_ALONE = notAfter(new RegExp(`${LONG_MONTH}(?![\\p{L}\\p{N}])`, "gu"), WORD_END);
// `tháng Sáu năm 2019`, `tháng Tư/2019`: a month's word, its year after `năm` or `/`
// (terms.py's _WORD_MONTH, _MONTH_WORDS); not `tháng năm 2019`, nor `tháng Giêng`.
const MONTH_WORD =
  `(?:mười|muoi)(?:${GAP}(?:một|mot|hai))?` +
  "|một|mot|hai|bảy|bay|ba|tư|tu|bốn|bon|năm|nam|sáu|sau|tám|tam|chín|chin";
const MONTH_WORDS = new Map([
  ...Object.entries({ mot: 1, hai: 2, ba: 3, tu: 4, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8 }),
  ...Object.entries({ chin: 9, muoi: 10, "muoi mot": 11, "muoi hai": 12 }),
]);
// A long date's month is a number or a word, `ngày 15 tháng Sáu năm 2019`; `ngày` or
// `mùng` before its day, its year after `năm` or `/`, not in a code (terms.py).
const LONG_DATE = notAfter(
  new RegExp(
    `(?:(?:ngày|ngay)${GAP}(?:${DAY_OF})?|${DAY_OF})([0-9]{1,2})${GAP}` +
      `(?:tháng|thang)${GAP}([0-9]{1,2}|${MONTH_WORD})` +
      `(?:${GAP}(?:năm|nam)${GAP}|/(?=[0-9]{4}(?![/.-][\\p{L}\\p{N}])))((?:19|20)[0-9]{2})` +
      "(?![\\p{L}\\p{N}])",
    "giu",
  ),
  WORD_END,
);
const WORD_MONTH = notAfter(
  new RegExp(
    `(?:tháng|thang)${GAP}(${MONTH_WORD})(?:${GAP}(?:năm|nam)${GAP}|/)` +
      "((?:19|20)[0-9]{2})(?![\\p{L}\\p{N}])(?![/.-][\\p{L}\\p{N}])",
    "gu",
  ),
  WORD_END,
);
// The start of a range whose year is written once, at its end (`từ tháng 1 đến tháng
// 3/2020`, `từ ngày 1 đến ngày 31/3/2020`, `từ mùng 1 đến mùng 5/3/2020`, `từ ngày 1
// tháng 1 đến …`): `từ` or its sign required (terms.py's _OPEN_START, openStart).
const OPEN_START = notAfter(
  new RegExp(
    `(?:(từ|tu)${GAP})?(?:(tháng|thang|ngày|ngay)${GAP})?` +
      `(?:(mùng|mồng|mung|mong)${GAP})?([0-9]{1,2}|${MONTH_WORD})` +
      `((?:[/.](?=[0-9])|${GAP}(?:tháng|thang)${GAP})([0-9]{1,2}|${MONTH_WORD}))?` +
      "(?![\\p{L}\\p{N}])",
    "gu",
  ),
  WORD_END,
);
// `3 năm 2020` of `tháng 1 - 3 năm 2020`: a month's end, its `tháng` written once
// (terms.py's _MONTHS_END).
const MONTHS_END = notAfter(
  new RegExp(
    `(?:tháng|thang)${GAP}[0-9]{1,2}${JOINER}` +
      `((?:(?:tháng|thang)${GAP})?([0-9]{1,2})${YEAR_OF})` +
      "(?![\\p{L}\\p{N}])",
    "gu",
  ),
  WORD_END,
);
// `ba năm 2020` of `tháng một - ba năm 2020`: its months as words, the end a word only
// after `tháng` and a word (terms.py's _WORD_MONTHS_END).
const WORD_MONTHS_END = notAfter(
  new RegExp(
    `(?:tháng|thang)${GAP}(?:${MONTH_WORD})${JOINER}` +
      `((${MONTH_WORD})${YEAR_OF})` +
      "(?![\\p{L}\\p{N}])",
    "gu",
  ),
  WORD_END,
);
// Both: the end is their first group; read before a year after `sau`, which is `sáu`
// there (terms.py's _MONTHS_ENDS).
const MONTHS_ENDS = [MONTHS_END, WORD_MONTHS_END];
// A year, `năm 2019` or `2019`, after `từ`, `trước` or `sau` only (terms.py's _YEAR_AFTER).
const YEAR_AFTER = notAfter(
  new RegExp(
    `(?:(?:năm|nam)${GAP})?((?:19|20)[0-9]{2})` +
      "(?![\\p{L}\\p{N}])(?![/.-][\\p{L}\\p{N}])",
    "gu",
  ),
  WORD_END,
);
// As an article writes it, in any case (snippet).
const anyCase = ({ pattern, before }) => notAfter(new RegExp(pattern.source, "giu"), ...before);
const LONG_MONTH_WRITTEN = anyCase(LONG_MONTH_ALONE);
const WORD_MONTH_WRITTEN = anyCase(WORD_MONTH);
// A date or a month to today, `từ 1/1/2020 đến nay` (terms.py's _TO_NOW).
const TO_NOW = new RegExp(
  `${JOINER}(?:(?:hôm|hom|hiện|hien)[ \\t\\n\\r\\u00a0]+)?nay(?![\\p{L}\\p{N}])`,
  "uy",
);
// A date term's day counted from 1 March of year 0 (terms.py's day_number).
function dayNumber(term) {
  const [day, month] = term.split("/").map((n) => parseInt(n, 10));
  let year = parseInt(term.split("/")[2], 10);
  if (month <= 2) year -= 1;
  const era = Math.floor(year / 400);
  const ofEra = year - era * 400;
  const ofYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146097 + ofEra * 365 + Math.floor(ofEra / 4) - Math.floor(ofEra / 100) + ofYear;
}
// `07`, `01`, `2022` -> `7/1/2022` (terms.py's date_term).
function dateTerm(day, month, year) {
  return `${parseInt(day, 10)}/${parseInt(month, 10)}/${parseInt(year, 10)}`;
}
// A query's reading with months and ranges to today and, when that differs, as before
// (terms.py's parse_query and Query.literal).
function parseQuery(text) {
  const query = readQuery(text, true);
  const literal = readQuery(text, false);
  if (literal.words.join("\n") !== query.words.join("\n")) {
    query.literal = literal;
  }
  // A month in words typed alone asks for the month: its days first (terms.py).
  if (!query.literal || (query.words.length === 1 && query.words[0] === query.when)) {
    query.literalFirst = false;
  }
  return query;
}
function readQuery(text, anew) {
  text = joined(text);
  const query = {
    words: [],
    typed: new Map(),
    pairs: [],
    quoted: new Set(),
    optional: new Set(), // terms.py's Query.optional: `số` before a number, `P.`
    excluded: [], // terms.py's Query.excluded: `-vỉa`, `-"Minh Khai"`
    excludedTyped: new Map(),
    excludedSpans: [], // terms.py's Query.excluded_spans: `-tháng 3/2019`
    title: "",
    last: "",
    when: "", // terms.py's Query.when, days and spans: a query's dates, one word
    days: [],
    spans: [],
    literal: null,
    // terms.py's Query.literal_first: a month in words read, `tháng 3 năm 2019`.
    literalFirst: false,
  };
  let left = MAX_QUERY_WORDS;
  let numbers = MAX_QUERY_NUMBERS;
  const every = [];
  const signs = new Set(); // syllables typed as the sign before a number, or abbreviated
  const plain = new Set(); // and typed otherwise
  let trailingMinus = false; // the text ends with a word left out: no word being typed
  let endsDated = false; // the text ends with a date: whole, no word being typed
  // A number the text ends with may be unfinished: not among those after the 12 words,
  // but for a year.
  const openEnd = WORD_END.test(text.normalize("NFC").toLowerCase());
  const parts = text.split(QUOTE);
  parts.forEach((part, number) => {
    let [spelled, minus, dotted, starts, ranges] = spelledOf(part, anew);
    // A phrase: its `-` are as typed; a minus before it is the phrase's.
    if (number % 2) minus = spelled.map(() => MINUS_PHRASE.test(parts[number - 1]));
    // Read as before too, a month left out is (not its numbers as words; terms.py).
    const [points, joined] = anew ? [starts, ranges] : spelledOf(part, true).slice(3);
    const [remaining, gone] = leftOut(query, spelled, minus, points, joined);
    starts = remaining.filter(([at, term]) => starts.some(([a, t]) => a === at && t === term));
    if (minus.length) trailingMinus = minus[minus.length - 1];
    // With those after a minus too (the title term); no spread: a paste may be long.
    for (const word of spelled) every.push(fold(word));
    const head = spelled.slice(0, left);
    left -= head.length;
    const out = minus.slice(0, head.length);
    // A whole date or month, at its first word: one term for its words, `ngày` (`tháng`)
    // before it part of it; among the words searched, begun among them, or after them
    // (terms.py).
    const kept = starts.filter(
      ([at, , words]) =>
        at + words <= spelled.length && !minus.slice(at, at + words).some((o) => o),
    );
    const datesAt = new Map(kept.map(([at, term]) => [at, term]));
    const inDate = new Set();
    for (const [at, term, words] of kept) {
      for (let k = 0; k < words; k++) inDate.add(at + k);
      for (const sign of signPlaces(spelled, minus, at, term)) inDate.add(sign);
    }
    const dated = new Map([...datesAt].filter(([at]) => at < head.length));
    // A range among them, or begun among them, or after them: the term of its days at
    // its first date's word (terms.py).
    for (const [first, second, joining] of ranges) {
      if (!dated.has(first) && (second === null || !datesAt.has(first))) continue;
      if (second !== null && !datesAt.has(second)) continue;
      const signs = dayOfSigns(spelled, minus, first, datesAt.get(first)); // `mùng`, `ngày mùng`
      const signed = inDate.has(first - 1) ? first - 1 : first; // after `ngày`, `tháng`
      const before = (signs.length ? Math.min(...signs) : signed) - 1;
      const word = before >= 0 && !minus[before] ? spelled[before] : "";
      const alone = second === null && !joining.length; // `từ 1/1/2020`, `trước năm 2019`
      if (joining.some((at) => minus[at])) continue; // (past the words searched too)
      if (alone && !OPENS.has(word)) continue; // `-từ 1/1/2020`
      // A day after `từ`, `trước` or `sau` alone among other words: its words as before
      // first (terms.py).
      const day = ([at, term, words]) => at === first && words === 3 && width(term) === 3;
      if (alone && kept.some(day)) query.literalFirst = true;
      const last = second === null ? null : datesAt.get(second);
      if (second !== null) datesAt.delete(second);
      if (second !== null) dated.delete(second);
      const term = datesAt.get(first);
      const range = alone ? aloneTerm(term, word) : rangeTerm(term, last);
      (dated.has(first) ? dated : datesAt).set(first, range);
      for (const at of [...joining, ...signs]) inDate.add(at);
      if (RANGE_FROM.has(word) || (alone && word)) inDate.add(before);
    }
    // A year that is no range (`-trước năm 2019`): its words (terms.py's _dates).
    for (const [at, term, words] of kept) {
      if (width(term) !== 1 || datesAt.get(at) !== term) continue;
      if (dated.has(at) && dated.get(at) !== term) continue;
      datesAt.delete(at);
      dated.delete(at);
      for (let k = 0; k < words; k++) inDate.delete(at + k);
    }
    for (const at of gone) inDate.add(at);
    // A month in words, `tháng 3 năm 2019` (`tháng sáu năm 2019`), read, alone: not joined
    // in a range (terms.py's Query.literal_first).
    for (const [at, term, words] of starts) {
      const long = words > 3 && YEAR_SIGNS.has(spelled[at + words - 2]);
      if (!long || width(term) !== 2 || !inDate.has(at)) continue;
      if (at >= head.length || dated.get(at) === term) query.literalFirst = true;
    }
    if (number === parts.length - 1 && inDate.has(spelled.length - 1)) endsDated = true;
    // A date's term as typed too: its first word (`ngày` of a long date) is no spelling.
    const chosen = head
      .map((word, at) =>
        dated.has(at) ? [dated.get(at), dated.get(at), at] : [word, fold(word), at],
      )
      .filter(([, , at]) => !out[at] && (dated.has(at) || !inDate.has(at)));
    const ending = openEnd && number === parts.length - 1;
    const later = afterTheWords(spelled, minus, datesAt, head.length, inDate, ending);
    later.splice(numbers);
    numbers -= later.length;
    // A word being typed after a minus (`-v` of `-vỉa`) leaves nothing out until it is
    // whole (terms.py).
    const typing = openEnd && number === parts.length - 1 && minus[minus.length - 1] === true;
    const whole = typing && number % 2 ? 0 : typing ? spelled.length - 1 : head.length;
    exclude(query, head.slice(0, whole), out.slice(0, whole), number % 2 === 1);
    head.forEach((word, at) => {
      const following = at + 1 < spelled.length ? spelled[at + 1][0] : "";
      const sign = NUMBER_SIGNS.has(word) && following >= "0" && following <= "9";
      const scored = (sign || dotted[at]) && !(number % 2);
      if (!out[at] && !inDate.has(at)) (scored ? signs : plain).add(fold(word));
    });
    for (const [word, term] of [...chosen, ...later]) {
      if (!query.typed.has(term)) {
        query.words.push(term);
        query.typed.set(term, new Set());
      }
      // A number's zeros are no spelling (terms.py): `19/04/2019` is `19/4/2019`.
      if (word !== term && !/^[0-9]+$/.test(word)) query.typed.get(term).add(word);
    }
    // Words side by side in the text: not across a word left out (`ùn tắc -Minh Khai`),
    // nor with a date's numbers.
    const beside = [];
    for (let at = 1; at < head.length; at++) {
      if (out[at - 1] || out[at] || inDate.has(at - 1) || inDate.has(at)) continue;
      beside.push(`${fold(head[at - 1])} ${fold(head[at])}`);
    }
    for (const pair of beside) {
      if (!query.pairs.includes(pair)) query.pairs.push(pair);
      if (number % 2) query.quoted.add(pair);
    }
  });
  groupDates(query);
  for (const term of signs) if (!plain.has(term)) query.optional.add(term);
  // `P.` alone: the word to find (terms.py).
  if (query.words.every((term) => query.optional.has(term))) query.optional.clear();
  // The title term of all its words (format.title_term): a title pasted whole is one.
  if (every.length) query.title = TITLE_MARK + every.join(" ");
  // The last word while it may be unfinished (terms.py's Query.last).
  const lastWord = every[every.length - 1];
  if (
    openEnd &&
    !trailingMinus &&
    !endsDated &&
    every.length <= MAX_QUERY_WORDS &&
    every.indexOf(lastWord) === every.length - 1
  ) {
    query.last = lastWord;
  }
  return query;
}

// A date or a month with a minus before its sign (`-tháng 3/2019`, `-ngày 15/3/2019`,
// `-tháng 3 năm 2019`, `-mùng 5/3/2020`), or a range with one before its first word
// (`-ngày 1 đến ngày 31/3/2020`, `-từ tháng 1 đến tháng 3/2020`, `-từ 1/3/2020 đến nay`),
// leaves out the articles published then: its words, the sign's too, are no words nor
// words left out. The other dates and months, and the places of those left out
// (terms.py's _left_out).
function leftOut(query, spelled, minus, starts, ranges) {
  const kept = [];
  const gone = new Set();
  const points = new Map(starts.map((point) => [point[0], point]));
  const ends = new Map(); // a range's last term ("" to today), and the place after it
  for (const [first, second, joining] of ranges) {
    if (second !== null) {
      const [at, term, words] = points.get(second);
      ends.set(first, [term, at + words]);
    } else if (joining.length) {
      ends.set(first, ["", joining[joining.length - 1] + 1]); // (not `từ 1/1/2020` alone)
    }
  }
  for (const point of starts) {
    if (gone.has(point[0])) continue; // a range's end, left out with its start
    const found =
      (ends.has(point[0]) && leavingOut(spelled, minus, point, ends.get(point[0]))) ||
      leavingOut(spelled, minus, point, null);
    if (!found) {
      kept.push(point);
      continue;
    }
    const [from, to, [first, last]] = found;
    for (let k = from; k < to; k++) gone.add(k);
    const known = query.excludedSpans.some(([a, b]) => a === first && b === last);
    if (!known) query.excludedSpans.push([first, last]);
  }
  for (const at of gone) minus[at] = false;
  return [kept, gone];
}

// The first and last places of the words of a date or a month (`point`), or of a range
// from it to `end` ([its last term, "" to today, the place after its words]), that a
// minus before its first word leaves out, and its first and last day; null if it leaves
// none out. Its first word is its sign (`ngày`, `tháng`; `mùng`, `ngày mùng` before a
// date), or a range's `từ` (terms.py's _leaving_out).
function leavingOut(spelled, minus, point, end) {
  const [at, term, words] = point;
  const signs = width(term) === 3 ? DATE_SIGNS : MONTH_SIGNS;
  let sign = at;
  if (width(term) === 3 && sign && DAYS_OF.has(spelled[sign - 1])) sign -= 1;
  if (sign && signs.has(spelled[sign - 1])) sign -= 1;
  let signed = signs.has(spelled[sign]) || (width(term) === 3 && DAYS_OF.has(spelled[sign]));
  if (end !== null && sign && RANGE_FROM.has(spelled[sign - 1])) [sign, signed] = [sign - 1, true];
  const [last, stop] = end === null ? ["", at + words] : end;
  if (!(signed && minus[sign]) || minus.slice(sign + 1, stop).some((o) => o)) return null;
  if (end === null || last) return [sign, stop, spanOf(term, last || term)];
  return [sign, stop, [daysOf(term)[0], ""]];
}

// Two dates or more, a range or a month among the words: one word, query.when, at the
// first one's place (terms.py's _group_dates).
function groupDates(query) {
  const found = query.words.filter((word) => word.includes("/"));
  const spanning = (word) => word.includes("-") || width(word) === 2;
  if (found.length < 2 && !found.some(spanning)) return;
  query.when = found.join(" ");
  query.days = found.filter((word) => !spanning(word));
  query.spans = found
    .filter(spanning)
    .map((word) => (word.includes("-") ? word.split("-") : daysOf(word)));
  const at = query.words.indexOf(found[0]);
  query.words = query.words.filter((word) => !found.includes(word));
  query.words.splice(at, 0, query.when);
  for (const word of found) query.typed.delete(word);
  query.typed.set(query.when, new Set());
}

// The numbers and whole dates after the words searched, each [as typed, its term]: not
// after a minus, nor a date's numbers; of a number the text ends with, only a year
// (terms.py's _after_the_words).
function afterTheWords(spelled, minus, datesAt, searched, inDate, ending) {
  const found = [];
  for (let at = searched; at < spelled.length; at++) {
    const word = spelled[at];
    if (datesAt.has(at)) found.push([datesAt.get(at), datesAt.get(at)]);
    else if (inDate.has(at) || minus[at] || !/^[0-9]+$/.test(word)) continue;
    else if (at < spelled.length - 1 || !ending || YEAR.test(word)) found.push([word, fold(word)]);
  }
  return found;
}

const YEAR = /^(?:19|20)[0-9]{2}$/;

// The words of a date (3) or a month (2) as its term (terms.py's _width).
function width(term) {
  return term.split("/").length;
}

// The first and last day of a date, a month or a year (terms.py's _days).
function daysOf(term) {
  if (width(term) === 3) return [term, term];
  if (width(term) === 1) return [dateTerm(1, 1, term), dateTerm(31, 12, term)];
  const [month, year] = term.split("/").map((n) => parseInt(n, 10));
  return [dateTerm(1, month, year), dateTerm(monthDays(month, year), month, year)];
}

// The days of a month (terms.py's _month_days).
function monthDays(month, year) {
  return dayNumber(dateTerm(1, month + 1, year)) - dayNumber(dateTerm(1, month, year));
}

// The range of a date, a month or a year after `từ`, `trước` or `sau` alone (terms.py's
// _alone).
function aloneTerm(term, word) {
  const [first, last] = daysOf(term);
  if (BEFORE.has(word)) return `-${nextDay(first, -1)}`;
  return AFTER.has(word) ? `${nextDay(last, 1)}-` : `${first}-`;
}

// The day after a date term (`step` 1) or before it (-1) (terms.py's _next_day).
function nextDay(term, step) {
  let [day, month, year] = term.split("/").map((n) => parseInt(n, 10));
  if (day + step >= 1 && day + step <= monthDays(month, year)) {
    return dateTerm(day + step, month, year);
  }
  month += step;
  if (month === 13) [year, month] = [year + 1, 1];
  else if (month === 0) [year, month] = [year - 1, 12];
  return dateTerm(step > 0 ? 1 : monthDays(month, year), month, year);
}

// A range from a date or month to another, or to today (`last` null) (terms.py's _range).
function rangeTerm(first, last) {
  if (last === null) return `${daysOf(first)[0]}-`;
  if (first === last) return first;
  return spanOf(first, last).join("-");
}

// The first and last day of two dates or months, either typed first (terms.py's _span).
function spanOf(first, last) {
  const days = [...daysOf(first), ...daysOf(last)];
  days.sort((a, b) => dayNumber(a) - dayNumber(b));
  return [days[0], days[days.length - 1]];
}

// The words of a part of a query (`words`) and, for each, whether a minus sign before it
// leaves out the articles that have it, and whether it is an abbreviation, letters before
// a dot; and its whole dates and, `anew`, long dates and months: [the number of the
// first word, the term, its number of words] (terms.py's _spelled and dates).
function spelledOf(part, anew) {
  const text = part.normalize("NFC").toLowerCase();
  const signs = new Set([...matchesOf(text, MINUS)].map((sign) => sign.index + 1));
  const found = [...text.matchAll(WORD)];
  const dotted = found.map(
    (m) =>
      [...m[0]].length <= ABBREVIATION &&
      /^\p{L}+$/u.test(m[0]) &&
      text[m.index + m[0].length] === ".",
  );
  const spelled = found.map((m) => canonical(m[0]));
  const dated = pointsOf(text, found, spelled, anew);
  const ranges = rangesOf(text, found, dated, anew);
  return [spelled, found.map((m) => signs.has(m.index)), dotted, dated, ranges];
}

// The whole dates of a part and, `anew`, its long dates, long months and months, none
// inside another, in order: [the number of the first word, the term, its number of
// words] (terms.py's _points).
function pointsOf(text, found, spelled, anew) {
  const number = new Map(found.map((m, at) => [m.index, at]));
  const points = [];
  for (const m of matchesOf(text, DATE)) {
    const [, day, , month, year] = m;
    const real = +day >= 1 && +day <= 31 && +month >= 1 && +month <= 12;
    if (real) points.push([number.get(m.index), dateTerm(day, month, year), 3]);
  }
  if (!anew) return points;
  // The number of the word ending there.
  const last = new Map(found.map((m, at) => [m.index + m[0].length, at]));
  const taken = new Set(points.flatMap(([at]) => [at, at + 1, at + 2]));
  const patterns = [LONG_DATE, LONG_MONTH_ALONE, WORD_MONTH, MONTH, ...MONTHS_ENDS, YEAR_AFTER];
  for (const pattern of patterns) {
    for (const m of matchesOf(text, pattern)) {
      const ending = MONTHS_ENDS.includes(pattern);
      const at = number.get(ending ? m.index + m[0].length - m[1].length : m.index);
      const end = last.get(m.index + m[0].length) + 1;
      const term = pointOf(pattern, m, at ? spelled[at - 1] : "");
      const words = Array.from({ length: end - at }, (_, k) => at + k);
      if (term && !words.some((n) => taken.has(n))) {
        points.push([at, term, end - at]);
        for (const n of words) taken.add(n);
      }
    }
  }
  // The start of a range whose year is written once, made whole from its end (terms.py);
  // from `mùng`.
  const ends = [...points].sort((a, b) => a[0] - b[0]);
  for (const m of matchesOf(text, OPEN_START)) {
    const after = m.index + m[0].length;
    const start = after - m[4].length - (m[5] === undefined ? 0 : m[5].length);
    const at = number.get(start) - (m[3] === undefined ? 0 : 1);
    const end = last.get(after) + 1;
    const [second, other] = ends.find(([first]) => first >= end) || [0, ""];
    const joined = other && joinsAsRange(text.slice(after, found[second].index), other);
    const term = joined && width(other) > 1 ? openStart(m, other) : "";
    const words = Array.from({ length: end - at }, (_, k) => at + k);
    if (term && !words.some((n) => taken.has(n))) points.push([at, term, end - at]);
  }
  return points.sort((a, b) => a[0] - b[0]);
}

// The term of a long date, a long month, a month or a range's end (MONTHS_ENDS) found,
// the word `before` it; "" for none (terms.py's _point).
function pointOf(pattern, m, before) {
  if (pattern === LONG_DATE) {
    const [day, month, year] = [m[1], monthNumber(m[2]), m[3]];
    const real = +day >= 1 && +day <= 31 && month >= 1 && month <= 12;
    return real ? dateTerm(day, month, year) : "";
  }
  if (pattern === YEAR_AFTER) return OPENS.has(before) ? m[1] : "";
  const [written, year, signed] =
    pattern === MONTH
      ? [m[1], m[3], NOT_MONTH_AFTER.has(before)]
      : MONTHS_ENDS.includes(pattern)
        ? [m[2], m[3], false]
        : [m[1], m[2], /^[0-9]+$/.test(before)]; // LONG_MONTH_ALONE, WORD_MONTH
  const month = monthNumber(written);
  const real = month >= 1 && month <= 12 && !signed;
  return real ? `${month}/${parseInt(year, 10)}` : "";
}

// A month's number as written: its digits or its word (terms.py's _month_number).
function monthNumber(written) {
  const word = fold(written.split(/[ \t\n\r\u00a0]+/).join(" "));
  return MONTH_WORDS.get(word) || parseInt(written, 10);
}

// The term of the start of a range whose year is written once, `end` the term of its
// end: the end's year, and its month for a day alone; the year (a day alone: the month)
// before if it would come after the end; "" for none (terms.py's _open_start).
function openStart(m, end) {
  const [, opener, written, dayOf, first, , of] = m;
  // `mùng 1`: a day, as `ngày 1`.
  const sign = dayOf !== undefined ? "ngay" : written === undefined ? "" : fold(written);
  if (!(opener || sign) || (!/^[0-9]+$/.test(first) && sign !== "thang")) return "";
  const number = monthNumber(first);
  const day = end.split("/").map((n) => parseInt(n, 10));
  let year = day.pop();
  const endMonth = day.pop();
  if (sign === "thang" || !(sign || day.length)) {
    const real = number >= 1 && number <= 12 && of === undefined;
    return real ? `${number}/${number > endMonth ? year - 1 : year}` : "";
  }
  if (!day.length) return ""; // a day to a month
  let month;
  if (of === undefined) {
    // A day alone: of the end's month, or the one before.
    month = number > day[0] ? endMonth - 1 : endMonth;
    if (month === 0) [year, month] = [year - 1, 12];
  } else {
    month = monthNumber(of);
    if (month > endMonth || (month === endMonth && number > day[0])) year -= 1;
  }
  const real = month >= 1 && month <= 12 && number >= 1 && number <= monthDays(month, year);
  return real ? dateTerm(number, month, year) : "";
}

// A part's ranges: [the first words of two dates or months joined as one, or of one and
// null to today, the words joining them] (terms.py's _ranges).
function rangesOf(text, found, points, anew) {
  const ranges = [];
  const numbers = (from, to) => Array.from({ length: Math.max(to - from, 0) }, (_, k) => from + k);
  for (let at = 0; at < points.length; at++) {
    const [first, , words] = points[at];
    const end = first + words;
    const after = found[end - 1].index + found[end - 1][0].length;
    const [second, other] = at + 1 < points.length ? points[at + 1] : [-1, ""];
    TO_NOW.lastIndex = after;
    const toNow = anew ? TO_NOW.exec(text) : null;
    if (end <= second && joinsAsRange(text.slice(after, found[second].index), other)) {
      ranges.push([first, second, numbers(end, second)]);
      at += 1;
    } else if (toNow) {
      let stop = end;
      while (stop < found.length && found[stop].index < toNow.index + toNow[0].length) stop++;
      ranges.push([first, null, numbers(end, stop)]);
    } else if (anew && !joins(text, after) && opened(found, first, points[at][1])) {
      ranges.push([first, null, []]);
    }
  }
  return ranges;
}

// Whether the text between two dates or months joins them as a range: `ngày` after the
// joiner before a date, `tháng` before a month (terms.py's _joined).
function joinsAsRange(between, second) {
  return (width(second) === 3 ? RANGE_JOIN : MONTH_JOIN).test(between);
}

function joins(text, after) {
  JOINS.lastIndex = after;
  return JOINS.test(text);
}

// The places of the words before the date or month `term` at word `at` that are part of
// it, none after a minus: `ngày` (`tháng`), or `mùng` and `ngày` before it (terms.py's
// _sign_places).
function signPlaces(spelled, minus, at, term) {
  const signs = width(term) === 3 ? DATE_SIGNS : MONTH_SIGNS;
  if (at && !minus[at - 1] && signs.has(spelled[at - 1])) return [at - 1];
  return dayOfSigns(spelled, minus, at, term);
}

// The places of `mùng` and `ngày` before it just before the date `term` at word `at`,
// none after a minus (terms.py's _days_of).
function dayOfSigns(spelled, minus, at, term) {
  const dayOf = at - 1;
  if (width(term) !== 3 || dayOf < 0 || minus[dayOf] || !DAYS_OF.has(spelled[dayOf])) return [];
  const sign = dayOf - 1;
  const signed = sign >= 0 && !minus[sign] && DATE_SIGNS.has(spelled[sign]);
  return signed ? [dayOf, sign] : [dayOf];
}

// Whether `từ`, `trước` or `sau` is just before the date, month or year at word `at`
// (its `ngày` or `tháng` between, or not): `từ 1/1/2020` alone, to today; `trước năm
// 2019`, before it; not `sau` for `sáu` (SIX_AFTER) (terms.py's _opened).
function opened(found, at, term) {
  let before = at - 1;
  const signs = width(term) === 3 ? DATE_SIGNS : MONTH_SIGNS;
  if (width(term) === 3 && before >= 0 && DAYS_OF.has(canonical(found[before][0]))) before -= 1;
  if (before >= 0 && signs.has(found[before][0])) before -= 1;
  if (before < 0 || !OPENS.has(canonical(found[before][0]))) return false;
  const six = before > 0 && SIX_AFTER.has(fold(found[before - 1][0]));
  return !(six && AFTER.has(found[before][0]));
}

// The words marked `out`, each alone or, in a phrase, its pairs together (terms.py's
// _exclude).
function exclude(query, words, out, phrase) {
  const marked = words.filter((_, at) => out[at]);
  const folded = marked.map(fold);
  const phrasePairs = pairs(folded);
  const groups =
    phrase && marked.length
      ? [phrasePairs.length ? phrasePairs : folded]
      : folded.map((term) => [term]);
  marked.forEach((word, i) => {
    // No spelling kept means every spelling: a word typed without diacritics, whatever
    // else is typed (`-vỉa -via`); with diacritics, that spelling only.
    const term = folded[i];
    const spellings = query.excludedTyped.get(term);
    // (a number's zeros are no spelling)
    if (word === term || /^[0-9]+$/.test(word)) query.excludedTyped.set(term, new Set());
    else if (!spellings) query.excludedTyped.set(term, new Set([word]));
    else if (spellings.size) spellings.add(word);
  });
  const known = (group) => query.excluded.some((g) => g.join("|") === group.join("|"));
  for (const group of groups) if (!known(group)) query.excluded.push(group);
}

// -- Numbers (newsarchive/search/format.py) --
const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function termHash(term) {
  let crc = 0xffffffff;
  for (const byte of new TextEncoder().encode(term)) {
    crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function ln(x) {
  let k = 0;
  while (x >= 2.0) {
    x /= 2.0;
    k += 1;
  }
  const t = (x - 1.0) / (x + 1.0);
  const t2 = t * t;
  let term = t;
  let total = 0.0;
  for (let n = 1; n < 40; n += 2) {
    total += term / n;
    term *= t2;
  }
  return k * LN2 + 2.0 * total;
}

function idf(documents, frequency) {
  return ln(1.0 + (documents - frequency + 0.5) / (frequency + 0.5));
}

class Reader {
  constructor(text) {
    this.text = text;
    this.at = 0;
  }
  more() {
    return this.at < this.text.length;
  }
  varint() {
    let number = 0;
    for (;;) {
      const value = VALUE[this.text[this.at++]];
      if (value < 32) return number * 32 + value;
      number = number * 32 + value - 32;
    }
  }
  digit() {
    return VALUE[this.text[this.at++]];
  }
}

// -- Loading index files as scripts --
const script = document.currentScript;
const indexBase = new URL(
  script && script.dataset.index
    ? new URL(script.dataset.index, document.baseURI)
    : new URL("../tim-kiem/chi-muc/", script ? script.src : document.baseURI),
);
const pending = new Map(); // name -> {promise, resolve, reject}

// `signal`: a search no longer wanted (the reader typed on) asks for no more files;
// those already asked for still come, for the next search to find. `past`: asked past
// the browser's cache (a query of its own), for a manifest that may be outdated.
function load(name, signal, past = false) {
  let entry = pending.get(name);
  if (entry) return entry.promise;
  if (signal?.aborted) return Promise.reject(new DOMException("search superseded", "AbortError"));
  entry = {};
  entry.promise = new Promise((resolve, reject) => {
    entry.resolve = resolve;
    entry.reject = reject;
  });
  pending.set(name, entry);
  const tag = document.createElement("script");
  tag.src = new URL(`${name}.js${past ? `?${Date.now()}` : ""}`, indexBase).href;
  tag.onerror = () => entry.reject(new Error(`search index file missing: ${name}.js`));
  tag.onload = () => {
    tag.remove();
    // A file that loaded but did not call add() (damaged): fail rather than wait.
    if (!entry.done) entry.reject(new Error(`search index file unreadable: ${name}.js`));
  };
  document.head.append(tag);
  return entry.promise;
}

function add(name, data) {
  const entry = pending.get(name);
  if (entry) {
    entry.done = true;
    entry.resolve(data);
  }
}

async function manifest() {
  const data = await load("index");
  if (data.version !== VERSION) throw new Error(`search index version ${data.version}`);
  return data;
}

// The manifest names the index's files as they were when the browser got it, and a
// browser keeps it a while (GitHub Pages lets it ten minutes): the site published since
// (a new article, a correction) may have replaced a segment, and its files are gone.
// A search that finds a file missing asks for the manifest again past the cache, once
// a page, and is made again; its files are named by their content, so the others kept
// are still right.
let renewed = false;
function renewing(run) {
  return async (...args) => {
    try {
      return await run(...args);
    } catch (error) {
      if (renewed || !String(error?.message).startsWith("search index file missing")) {
        throw error;
      }
      renewed = true;
      pending.delete("index");
      await load("index", null, true);
      return run(...args);
    }
  };
}

// -- Ranking (newsarchive/search/engine.py) --
// A term's postings in the shards of every segment; where some are left out (the term
// is capped there), the segment is remembered in tails, to complete the term later.
async function head(index, term, typed) {
  const found = {
    term,
    typed,
    frequency: 0,
    postings: new Map(),
    tails: [], // segments where postings are left out: [segment, first doc, spellings]
    missing: 0, // postings left out there, in all
    untailed: new Set(), // first docs of segments without tails where some are left out
    titled: new Set(), // the documents whose title has it
  };
  const hash = termHash(term);
  const shards = await Promise.all(
    index.segments.map(([name, , , count]) => load(`s/${name}/${hash % count}`, index.signal)),
  );
  index.segments.forEach(([name, start, size], s) => {
    const record = shards[s][term];
    if (record === undefined) return;
    found.frequency += record[0];
    const forms = record.length > 2 ? record[2] : [];
    const kept = decode(found, record[1], start, forms);
    if (kept < record[0] && size > index.tails) {
      found.tails.push([name, start, forms]);
      found.missing += record[0] - kept;
    } else if (kept < record[0]) {
      found.untailed.add(start);
    }
  });
  return found;
}

// Adds the postings of the term's tails: it is then whole, like an uncapped term,
// unless a segment without tails left some out.
async function complete(index, term) {
  const name = `t${termHash(term.term).toString(16)}`;
  const tails = await Promise.all(
    term.tails.map(([segment]) => load(`s/${segment}/${name}`, index.signal)),
  );
  term.tails.forEach(([, start, forms], i) => decode(term, tails[i][term.term], start, forms));
  term.tails = [];
  term.missing = 0;
}

function decode(term, postings, start, forms) {
  let wanted = 0;
  if (term.typed && term.typed.size) {
    forms.forEach((form, i) => {
      if (term.typed.has(form)) wanted |= 1 << i;
    });
  }
  const bonus = term.typed ? TITLE_BONUS : PAIR_TITLE_BONUS;
  const reader = new Reader(postings);
  let doc = start - 1;
  let count = 0;
  while (reader.more()) {
    doc += reader.varint() + 1;
    const value = reader.digit();
    const mask = value & 1 ? reader.varint() : 1;
    const weight = (value >> 2) + bonus * ((value >> 1) & 1);
    term.postings.set(doc, [weight, (mask & wanted) !== 0]);
    if (value & 2) term.titled.add(doc);
    count += 1;
  }
  return count;
}

// First docs of the segments where a term's postings are not all known.
function partial(term) {
  const starts = new Set(term.untailed);
  for (const [, start] of term.tails) starts.add(start);
  return starts;
}

// How many of `terms` a document has, as far as their postings tell (engine.py's
// _holding): in a segment where a term's postings are all known, a document without
// its posting lacks it; elsewhere, it may have it, and counts as having it.
function holding(index, terms) {
  const starts = index.segments.map(([, start]) => start);
  const checks = terms.map((t) => [t.postings, partial(t)]);
  return (doc) => {
    let first = starts[0];
    for (const start of starts) if (start <= doc) first = start;
    return checks.filter(([postings, left]) => postings.has(doc) || left.has(first)).length;
  };
}

// The documents found (engine.py's _candidates): those with a posting of a term that
// have each required term in every segment where its postings are all known; and
// whether they are every document with the required terms (one of those is whole).
function candidatesOf(index, required, terms) {
  const whole = required.filter((t) => !partial(t).size);
  let docs;
  if (whole.length) {
    const smallest = whole.reduce((a, b) => (b.postings.size < a.postings.size ? b : a));
    docs = [...smallest.postings.keys()];
  } else {
    const all = new Set();
    for (const t of terms) for (const d of t.postings.keys()) all.add(d);
    docs = [...all];
  }
  const held = holding(index, required);
  return [docs.filter((d) => held(d) === required.length), whole.length > 0];
}

// The documents with a posting of a term that have half of the words at least and every
// quoted phrase, a word counted as candidatesOf counts it (engine.py's _with_most).
function withMost(index, words, quoted, terms) {
  const needed = words.length - Math.floor(words.length / 2);
  const [wordsHeld, quotedHeld] = [holding(index, words), holding(index, quoted)];
  const all = new Set();
  for (const t of terms) for (const d of t.postings.keys()) all.add(d);
  return [...all].filter((doc) => quotedHeld(doc) === quoted.length && wordsHeld(doc) >= needed);
}

async function rank(text, { some = false, signal = null } = {}) {
  const query = parseQuery(text);
  if (!query.words.length) {
    const none = { total: 0, complete: true, some: false, dated: null, unpublished: false };
    const dateless = { dateless: false, year: null, period: null, phrase: null };
    return { ...none, ...dateless, docs: [], scores: [], query };
  }
  // Each search's own view of the manifest, carrying its signal to every file it loads.
  const index = { ...(await manifest()), signal };
  // A month or a range to today: its articles, then those the query as read before finds;
  // a month in words, those of the other that write it first (engine.search).
  const order = query.literalFirst ? [query.literal, query] : [query, query.literal];
  const readings = await Promise.all(
    order.filter(Boolean).map((q) => rankReading(index, q, some)),
  );
  const unpublished = readings[order.indexOf(query)].unpublished;
  if (unpublished && query.literal) {
    const at = order.indexOf(query.literal);
    readings[at] = await cited(index, query, readings[at]);
  }
  const dated = readings[order.indexOf(query)];
  if (query.literalFirst) {
    const [writing, rest] = await writingMonth(index, query, readings[0]);
    readings.splice(0, 1, writing);
    readings.push(rest);
  }
  const ranked = merged(readings, dated);
  const year = query.literal ? null : await yearFirst(index, query, ranked);
  const phrase = query.literal || year ? null : sideBySide(ranked, readings[0].together);
  // Read one way: null (engine.Results.dated); a year first: how many are of it.
  const count = query.literal ? ranked.dated : year && ranked.scored.filter((s) => !s[3]).length;
  return {
    total: ranked.scored.length,
    complete: ranked.complete,
    some: ranked.some,
    dated: count,
    unpublished,
    dateless: ranked.unpublished,
    year,
    period: await period(index, query, year, count),
    phrase,
    docs: ranked.scored.map((s) => s[1]),
    scores: ranked.scored.map((s) => s[0]),
    query,
    index,
    completions: ranked.completions,
  };
}

// A year typed among other words (`tuyen dung 2021`): the articles published that year
// first, then the others, each in their order (engine._year_first). Not after `năm`
// (its pair finds it), `kỳ` or `khóa` (a term of office) or another number, nor of two
// years. The year, or null when none is.
async function yearFirst(index, query, ranked) {
  const years = query.words.filter((word) => /^(?:19|20)[0-9][0-9]$/.test(word));
  if (query.when || years.length !== 1) return null;
  // A year alone, or after `năm` (`trong năm`) alone: that year's articles.
  // Each of them is listed, with the words or not (`năm 2020`: most lack `năm`).
  const alone =
    query.words.every((word) => [years[0], "nam", "trong"].includes(word)) &&
    !query.excluded.length &&
    !query.excludedSpans.length;
  const signed = ["nam", "ki", "khoa"].some((sign) => query.pairs.includes(`${sign} ${years[0]}`));
  if (!alone && (query.words.length < 2 || signed)) return null;
  // A year right after another number is that number's (`139/2017`, a decree's).
  const after = query.pairs.filter((pair) => pair.endsWith(` ${years[0]}`));
  if (after.some((pair) => /^[0-9]+$/.test(pair.split(" ")[0]))) return null;
  const calendars = await Promise.all(index.segments.map(([name]) => load(`s/${name}/c`, index.signal)));
  const days = published(index, calendars, `1/1/${years[0]}`, `31/12/${years[0]}`);
  const of = new Set(days);
  for (const entry of ranked.scored) entry[3] = Number(!of.has(entry[1]));
  if (alone) {
    const found = new Set(ranked.scored.map((entry) => entry[1]));
    const rest = days.filter((doc) => !found.has(doc)).sort((a, b) => b - a);
    ranked.scored.push(...rest.map((doc) => [0, doc, 0, 0]));
  }
  // The title term's first, as merged; stable.
  ranked.scored.sort((a, b) => Number(b[2] === 2) - Number(a[2] === 2) || a[3] - b[3]);
  return years[0];
}

// How many documents have the query's words side by side, when some do and not all,
// listed first, each group in its order (engine._together, Results.phrase); else null.
function sideBySide(ranked, together) {
  if (!together?.size || together.size === ranked.scored.length) return null;
  for (const entry of ranked.scored) entry[3] = Number(!together.has(entry[1]));
  ranked.scored.sort((a, b) => b[2] - a[2] || a[3] - b[3]); // stable
  return together.size;
}

// The page that lists every article of the query's dates (engine.Results.period):
// [year, month] of a month or a range within one, [year, 0] of a range within a year or
// of a year first (`count` of its articles), when some article is of those days; else null.
async function period(index, query, year, count) {
  if (year) return count ? [Number(year), 0] : null;
  if (query.days.length || query.spans.length !== 1 || !query.spans[0].every(Boolean)) return null;
  const [first, last] = query.spans[0].map((day) => day.split("/").map(Number));
  if (first[2] !== last[2]) return null;
  const calendars = await Promise.all(index.segments.map(([name]) => load(`s/${name}/c`, index.signal)));
  if (!published(index, calendars, ...query.spans[0]).length) return null;
  return [first[2], first[1] === last[1] ? first[1] : 0];
}

// The articles `literal`, the query read as before, found that write its month in words
// as typed (the pairs of its words: `tháng 3`, `3 năm`, `năm 2019`), and the others: those
// come before the month's articles, these after (engine._writing_month).
async function writingMonth(index, query, literal) {
  const month = await monthTerms(index, query);
  const held = holding(index, month);
  const writes = (entry) => held(entry[1]) === month.length;
  const writing = literal.scored.filter(writes);
  const rest = literal.scored.filter((entry) => !writes(entry));
  return [
    { ...literal, scored: writing },
    { ...literal, scored: rest },
  ];
}

// The pairs of the query read as before (query.literal) that write its month, those
// sharing no word with its other reading (`tháng 3`, `3 năm`, `năm 2019`): what
// writingMonth and cited look for in the articles that reading found (engine._month_terms).
async function monthTerms(index, query) {
  const words = new Set(query.words);
  const names = query.literal.pairs.filter(
    (pair) => !query.pairs.includes(pair) && !pair.split(" ").some((w) => words.has(w)),
  );
  return Promise.all(names.map((pair) => head(index, pair, null)));
}

// The articles `literal`, the query read as before, found that write the words of its
// month no article is of side by side as typed: a document's number (`sở 04/2008`:
// `Chỉ thị 04/2008`); the others have the numbers apart (engine._cited).
async function cited(index, query, literal) {
  const read = await monthTerms(index, query);
  await Promise.all(read.map((term) => complete(index, term)));
  // A pair whose postings are not all known cannot tell the words apart (engine._cited).
  const month = read.filter((term) => !partial(term).size);
  const scored = literal.scored.filter(([, doc]) => month.every((t) => t.postings.has(doc)));
  return { ...literal, scored };
}

// Readings of a query as one list: the title term's documents first, then the first
// reading's, then the next's that it lacks; a reading with only some of the words (or
// the words but a month no article is of) left out when another has every word
// (engine._merged). Each scored: [score, doc, 2 in the
// title term, 1 with the title phrase, else 0]. The list is whole when `dated`, the
// reading with the months and ranges, is and is in it (engine._merged).
function merged(all, dated) {
  const whole = all.filter((r) => r.scored.length && !r.some);
  // A month no article is of, its other words alone, when the words as before find
  // articles (`sở 04/2008`: the article that cites `Chỉ thị 04/2008`; engine._merged).
  let readings = whole.filter((r) => !r.unpublished);
  if (!readings.length) readings = whole.length ? whole : all;
  const seen = new Set();
  const scored = [];
  readings.forEach((reading, place) => {
    for (const [score, doc, title] of reading.scored) {
      if (seen.has(doc)) continue;
      seen.add(doc);
      scored.push([score, doc, title, place]);
    }
  });
  // The title term's first, then each reading's in its order (engine._merged; stable).
  scored.sort((a, b) => Number(b[2] === 2) - Number(a[2] === 2) || a[3] - b[3]);
  const kept = readings.includes(dated);
  return {
    scored,
    complete: kept ? dated.complete : readings.every((r) => r.complete),
    completions: [...new Set(readings.flatMap((r) => r.completions))],
    some: readings.some((r) => r.some),
    // Every article of the days the dates' reading found is listed, whichever reading
    // came first (none when no article is: what its other words found).
    dated: kept && !dated.unpublished ? dated.dated : 0,
    // A reading of a month no article is of is listed (engine.Results.dateless).
    unpublished: readings.some((r) => r.unpublished),
  };
}

// A reading's documents found, best first (engine._rank).
async function rankReading(index, query, some) {
  const documents = index.docs;
  const begun = [...query.last].length >= VOCABULARY_KEY;
  const [words, pairs, title, vocabulary] = await Promise.all([
    Promise.all(
      query.words.map((w) =>
        w === query.when ? when(index, query) : head(index, w, query.typed.get(w)),
      ),
    ),
    Promise.all(query.pairs.map((p) => head(index, p, null))),
    head(index, query.title, null), // the articles whose title is the query
    begun ? load(vocabularyFile(query.last), index.signal) : null,
  ]);
  let pairTerms = pairs;
  const offered = vocabulary ? completionsOf(vocabulary, query) : [];
  let completions = [];
  const endsLast = (name) => name.split(" ").pop() === query.last;
  const one = query.last && !begun && words.length > 1;
  if (one && (/^\p{L}$/u.test(query.last) || !words[words.length - 1].frequency)) {
    // The first letter of a word (a letter some article has alone too: `v.v.`), or a
    // character no word of the index: the words before it, until it says more
    // (rather than nothing found at each new word).
    words.pop();
    pairTerms = pairTerms.filter((p) => !endsLast(p.term));
  }
  if (offered.length && magnitude(words[words.length - 1].frequency) < offered[0][0]) {
    // A word being typed, as far as the index tells: it and the words it may become,
    // each with its pair with the word before; a document needs one.
    completions = offered.map(([, word]) => word);
    if (!words[words.length - 1].frequency) {
      words.pop();
      pairTerms = pairTerms.filter((p) => !endsLast(p.term));
    }
    const names = [];
    for (const pair of query.pairs.filter(endsLast)) {
      const first = pair.split(" ")[0];
      for (const c of completions) {
        if (!query.pairs.includes(`${first} ${c}`)) names.push(`${first} ${c}`);
      }
    }
    const [more, morePairs] = await Promise.all([
      Promise.all(completions.map((c) => head(index, c, new Set()))),
      Promise.all(names.map((p) => head(index, p, null))),
    ]);
    words.push(...more);
    pairTerms = [...pairTerms, ...morePairs];
  }
  const names = [...new Set(query.excluded.flat())];
  const outTerms = await Promise.all(
    names.map((n) => head(index, n, query.excludedTyped.get(n) || null)),
  );
  const excluded = new Map(names.map((n, i) => [n, outTerms[i]]));
  // The articles of a month left out (`-tháng 3/2019`: engine._rank).
  const calendars = query.excludedSpans.length
    ? await Promise.all(index.segments.map(([name]) => load(`s/${name}/c`, index.signal)))
    : [];
  const gone = new Set(
    query.excludedSpans.flatMap(([first, last]) => published(index, calendars, first, last)),
  );
  // Complete the rarest capped terms (then in query order, syllables first, then the words
  // left out) while the postings read stay within the budget.
  const terms = [...words, ...pairTerms, ...outTerms];
  const order = terms.map((_, n) => n);
  order.sort((a, b) => terms[a].frequency - terms[b].frequency || a - b);
  let left = index.complete;
  const completing = [];
  for (const n of order) {
    const term = terms[n];
    if (term.tails.length && term.missing <= left) {
      left -= term.missing;
      completing.push(complete(index, term));
    }
  }
  await Promise.all(completing);
  const quoted = pairTerms.filter((t) => query.quoted.has(t.term));
  // (the dates' word weighs each date's and range's postings itself: `when`)
  const weights = words.map((t) =>
    query.when && t.term === query.when ? 1.0 : idf(documents, t.frequency),
  );
  if (completions.length) {
    // The last word: the best of it and the words it may become.
    const ending = query.words.length - 1;
    words.splice(ending, words.length, best(words.slice(ending), weights.slice(ending)));
    weights.splice(ending, weights.length, 1.0);
  }
  // (Not `complete`: that is the function that completes a term, used above.)
  // No article of the query's days (`tháng 12/2030`): what its other words find.
  const unpublished = words.some((t) => query.when && t.term === query.when && !t.postings.size);
  let plain = words.filter((t) => !query.optional.has(t.term));
  if (unpublished) plain = plain.filter((t) => t.term !== query.when);
  let [candidates, everyArticle] = candidatesOf(
    index,
    [...plain, ...quoted],
    [...words, ...pairTerms, title],
  );
  const lacking = some && !candidates.length && plain.length >= SOME_WORDS;
  if (lacking) candidates = withMost(index, plain, quoted, [...words, ...pairTerms, title]);
  // A title or a sentence pasted with its quotes (format.PASTED_PAIRS): not required.
  if (lacking && !candidates.length && quoted.length >= PASTED_PAIRS) {
    candidates = withMost(index, plain, [], [...words, ...pairTerms, title]);
  }
  // Whether a document has a term left out: a spelling typed, if any (engine._has).
  const has = (term, doc) => {
    const found = term.postings.get(doc);
    return found !== undefined && (!term.typed || !term.typed.size || found[1]);
  };
  // Not the article whose title is the query (a title pasted with a stray `-`: engine.py),
  // nor those of a month left out.
  const kept = candidates.filter(
    (doc) =>
      title.postings.has(doc) ||
      (!gone.has(doc) &&
        !query.excluded.some((group) => group.every((n) => has(excluded.get(n), doc)))),
  );
  // Of the query's days (engine._rank): with some of the words, the dates' term may be
  // one an article lacks (`hoc sinh bac si ky su thang 3/2019`: 480 of the bench's 700
  // were counted, where 4 are of March).
  const days = lacking ? plain.filter((t) => t.term === query.when) : [];
  const held = holding(index, days);
  const dated = kept.filter((doc) => held(doc) === days.length).length;
  const pairWeights = pairTerms.map((t) => PAIR_WEIGHT * idf(documents, t.frequency));
  // The query's own pairs (engine._title_phrase): the articles whose title has them all
  // come after the title term's, before the others. While the last word is being typed,
  // its pair is one of the titles with it as typed or as a word it may become.
  let phrase = pairTerms.filter((p) => query.pairs.includes(p.term));
  const ends = new Set(completions.length ? [query.last, ...completions] : []);
  const last = pairTerms.filter((p) => ends.has(p.term.split(" ").pop()));
  if (last.length) {
    const titled = new Set(last.flatMap((p) => [...p.titled]));
    phrase = [...phrase.filter((p) => !endsLast(p.term)), { term: "", titled }];
  }
  if (phrase.length < TITLE_PHRASE_PAIRS) phrase = [];
  const tier = (doc) => {
    if (title.postings.has(doc)) return 2;
    return phrase.length && phrase.every((p) => p.titled.has(doc)) ? 1 : 0;
  };
  const scored = kept.map((doc) => {
    let score = 0.0;
    words.forEach((term, i) => {
      const found = term.postings.get(doc);
      if (found !== undefined) {
        let part = weights[i] * found[0];
        if (found[1]) part = part * (1.0 + EXACT_BONUS);
        score += part;
      }
    });
    pairTerms.forEach((term, i) => {
      const found = term.postings.get(doc);
      if (found !== undefined) score += pairWeights[i] * found[0];
    });
    return [score, doc, tier(doc)];
  });
  scored.sort((a, b) => b[2] - a[2] || b[0] - a[0] || b[1] - a[1]);
  // The documents with the query's words side by side (engine._rank, _together).
  const own = pairTerms.filter((p) => query.pairs.includes(p.term));
  const whole = own.length && own.every((p) => !partial(p).size);
  const alone = !(query.when || query.quoted.size || completions.length || lacking);
  const together =
    whole && alone
      ? new Set(kept.filter((doc) => own.every((p) => p.postings.has(doc))))
      : null;
  return {
    scored,
    complete: everyArticle,
    some: lacking && scored.length > 0,
    completions,
    dated,
    unpublished,
    together,
  };
}

// The documents that show a day from `first` to `last` ("": to the newest), as the
// segments' calendars say (engine._published).
function published(index, calendars, first, last) {
  // ("" first: from the oldest article; a document without a date shows day 0)
  const [lo, hi] = [first ? dayNumber(first) : 1, last ? dayNumber(last) : Infinity];
  const found = [];
  index.segments.forEach(([, start], s) => {
    const reader = new Reader(calendars[s]);
    let doc = start;
    let day = 0;
    while (reader.more()) {
      const gap = reader.varint();
      day += gap % 2 === 0 ? gap / 2 : -(gap + 1) / 2;
      const count = reader.varint() + 1;
      if (lo <= day && day <= hi) for (let n = doc; n < doc + count; n++) found.push(n);
      doc += count;
    }
  });
  return found;
}

// The word of a query's dates (engine._when): a document's weight is the highest of its
// dates' and ranges', as `best` makes it; a range's documents are those its segments'
// calendars say show one of its days.
async function when(index, query) {
  const found = await Promise.all(query.days.map((day) => head(index, day, new Set())));
  const calendars = query.spans.length
    ? await Promise.all(index.segments.map(([name]) => load(`s/${name}/c`, index.signal)))
    : [];
  for (const [first, last] of query.spans) {
    const span = { term: `${first}-${last}`, frequency: 0, postings: new Map(), tails: [] };
    span.untailed = new Set();
    for (const n of published(index, calendars, first, last)) {
      span.postings.set(n, [DATE_SHOWN_IMPACT, false]);
    }
    span.frequency = span.postings.size;
    found.push(span);
  }
  const term = best(found, found.map((t) => idf(index.docs, t.frequency)));
  term.term = query.when;
  term.frequency = term.postings.size;
  return term;
}

// The vocabulary file of the words that begin as `word` does (format.vocabulary_file).
function vocabularyFile(word) {
  return `v/${termHash([...word].slice(0, VOCABULARY_KEY).join("")) % VOCABULARY_FILES}`;
}

// A vocabulary file's groups of words beginning with `key`, [magnitude, ...words]; none
// for a key it lacks (hasOwnProperty: a key like `co` is not Object's own `constructor`;
// Object.hasOwn needs Chrome 93, Safari 15.4).
function spellingsOf(vocabulary, key) {
  return Object.prototype.hasOwnProperty.call(vocabulary, key) ? vocabulary[key] : [];
}

// The first COMPLETIONS words of the vocabulary that begin with the query's last word,
// but for the words of the query, each as [magnitude, word].
function completionsOf(vocabulary, query) {
  const word = query.last;
  const key = [...word].slice(0, VOCABULARY_KEY).join("");
  // `qui` is `quy` typed on the way to `quynh` too (engine._completions)
  const begun = (word.endsWith("i") ? [word, word.slice(0, -1) + "y"] : [word]).filter(
    (b) => canonical(b) === word,
  );
  const found = [];
  for (const [size, ...group] of spellingsOf(vocabulary, key)) {
    for (const w of group) {
      if (begun.some((b) => w.startsWith(b)) && !query.typed.has(w)) found.push([size, w]);
    }
  }
  return found.slice(0, COMPLETIONS);
}

// A number of documents to the power of two (format.magnitude).
function magnitude(frequency) {
  return 32 - Math.clz32(frequency);
}

// One term for words of which a document needs any: its weight in a document is the
// highest of theirs (idf and the bonus of the spelling typed included), known wherever
// theirs are all known.
function best(terms, weights) {
  const found = { term: "", typed: new Set(), postings: new Map(), tails: [], untailed: new Set() };
  terms.forEach((term, i) => {
    for (const start of partial(term)) found.untailed.add(start);
    for (const [doc, [impact, exact]] of term.postings) {
      let part = weights[i] * impact;
      if (exact) part = part * (1.0 + EXACT_BONUS);
      const known = found.postings.get(doc);
      if (known === undefined || part > known[0]) found.postings.set(doc, [part, false]);
    }
  });
  return found;
}

// -- Snippets --
// The passage of SNIPPET_WORDS words holding the most distinct words searched and pairs
// of them side by side as typed (then the most words searched; the first such), words
// searched marked. Without the pairs, `ve sinh moi truong` showed `về`, `Trương`, `mỗi`,
// `sinh` scattered over an article's first lines rather than its `vệ sinh môi trường`.
// `terms`: each folded word searched -> the spellings typed (null: any spelling, as
// for a word typed without diacritics): "chợ" marks "chợ", not "cho". `pairs`: the
// query's pairs of folded words (`ve sinh`); `quoted`, those inside quotes: a word
// typed only in a quoted phrase counts where the phrase is, not apart (`"giải chạy"`
// marked the `giải` of `giải quyết`).
// `dates`: {signs, numbers, spans}. `signs`: words a date took in (`ngày`, `tháng`,
// `năm`, `từ`, `đến`, `nay` of a long date, a month, a range to today), searched as
// words too (the query as read before): marked only beside a number or a date marked,
// as part of it; elsewhere (`ngày càng`, `này`, `Đến nay` of any article of the range)
// they are no word the reader asked for. `numbers`: besideNumbers. `spans`: the days
// of the query's months, ranges and year, [first, last, name] (day numbers; `name` a
// key of `terms`): a date the text writes on one of those days (`25/4/2019`, `ngày 25
// tháng 4 năm 2019` from its day, a month in them: `6/2019` of `năm 2019`) is that
// name, marked whole.
// `title`: the article's. Where the text's best passage has fewer of the distinct words
// and pairs searched than the title, the passage is the text's opening: `chợ đại cồ
// việt` showed the `đại` of `đại biểu` and a man's name `Việt` from an article whose
// title alone names the market, which its first lines present.
function snippet(text, terms, whole, pairs, quoted, dates, title = "") {
  text = joined(text); // a word with a soft hyphen in it is marked whole
  const found = searchedWords(text, terms, pairs, quoted, dates);
  if (!found.length) return [];
  let best = 0;
  let bestKey = [-1, -1];
  const size = whole ? found.length : Math.min(SNIPPET_WORDS, found.length);
  for (let first = 0; first + size <= found.length; first++) {
    const key = passageKey(found, first, first + size, terms, pairs);
    if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) {
      best = first;
      bestKey = key;
    }
    if (whole) break;
  }
  if (best > 0 && title) {
    const named = searchedWords(joined(title), terms, pairs, quoted, dates);
    if (passageKey(named, 0, named.length, terms, pairs)[0] > bestKey[0]) best = 0;
  }
  const last = best + size - 1;
  const parts = [];
  let at = found[best].start;
  if (best > 0) parts.push({ text: "… ", mark: false });
  for (let i = best; i <= last; i++) {
    const word = found[i];
    if (terms.has(word.term)) {
      if (word.start > at) parts.push({ text: text.slice(at, word.start), mark: false });
      parts.push({ text: text.slice(word.start, word.end), mark: true });
      at = word.end;
    }
  }
  const end = last + 1 < found.length ? found[last].end : text.length;
  if (end > at) parts.push({ text: text.slice(at, end), mark: false });
  if (last + 1 < found.length) parts.push({ text: " …", mark: false });
  return parts;
}

// Of the words found[first..end): [distinct words searched and pairs of them side by
// side as typed, words searched] (snippet).
function passageKey(found, first, end, terms, pairs) {
  const seen = new Set();
  let hits = 0;
  for (let i = first; i < end; i++) {
    if (terms.has(found[i].term)) {
      seen.add(found[i].term);
      hits += 1;
      const pair = i > first && `${found[i - 1].term} ${found[i].term}`;
      if (pair && pairs.has(pair)) seen.add(pair);
    }
  }
  return [seen.size, hits];
}

// The words of `text` (joined), each {start, end, term}: its term where it is a word
// searched as the snippet marks it, else null (snippet).
function searchedWords(text, terms, pairs, quoted, dates) {
  const found = [...text.matchAll(WORD)].map((m) => {
    const spelling = canonical(m[0].normalize("NFC").toLowerCase());
    const term = fold(spelling);
    const typed = terms.get(term);
    return {
      start: m.index,
      end: m.index + m[0].length,
      term: typed === null || typed?.has(spelling) ? term : null,
    };
  });
  // A number in groups searched joined (`0912345678`): its groups are that word.
  for (const run of text.matchAll(NUMBER_GROUPS)) {
    const digits = run[0].replace(/[^0-9]/g, "");
    const typed = terms.get(fold(digits));
    if (typed !== null && !typed?.has(digits)) continue;
    const end = run.index + run[0].length;
    for (const word of found) {
      if (word.start >= run.index && word.end <= end) word.term = fold(digits);
    }
  }
  // A date searched (`7/1/2022`): its words where the text writes it, `07/01/2022` or
  // `ngày 7 tháng 1 năm 2022` (from its day on), are that term; a date on a day of a
  // span, or a month in one, the span's name; not after `số`: a document's number
  // (`QĐ số 12/2019`), no date, its words marked only as typed (besideNumbers).
  for (const [date, term, start, first, last] of writtenDates(text)) {
    const numbered = numberedAt(text, start);
    const span = !numbered && dates.spans.find(([from, to]) => from <= first && last <= to);
    const name = terms.has(term) && !(numbered && monthTyped(dates.signs)) ? term : span?.[2];
    if (name === undefined) continue;
    const end = date.index + date[0].length;
    for (const word of found) {
      if (word.start >= start && word.end <= end) word.term = name;
    }
  }
  if (!found.length) return found;
  besideNumbers(text, found, terms, dates);
  const wordsOf = (list) => new Set(list.flatMap((pair) => pair.split(" ")));
  const loose = wordsOf([...pairs].filter((pair) => !quoted.has(pair)));
  const inPhrase = wordsOf([...quoted]);
  const phrased = (i, j) => quoted.has(`${found[i]?.term} ${found[j]?.term}`);
  // Computed for every word before any is changed: a phrase's words see each other.
  const apart = found.map(
    ({ term }, i) =>
      inPhrase.has(term) && !loose.has(term) && !phrased(i - 1, i) && !phrased(i, i + 1),
  );
  found.forEach((word, i) => {
    if (apart[i]) word.term = null;
  });
  return found;
}

// The words of `signs` in `found` (snippet) keep their term only in a run of words,
// spaces apart, with a number or a date marked; `ngày`, `tháng`, `năm` (`mùng`) only
// before it, as they are written (`tháng 3`, not the `tháng` of `3 tháng`, three
// months). The numbers a date took in (`numbers`: `3`, `2019` of `tháng 3 năm 2019`)
// keep theirs only as the date writes them: after such a word of `signs` (`tháng 3`,
// `năm 2019`) or joined to each other (`3/2019`), the numbers joined to them theirs
// too (not the `3` of `3 tháng`, nor the `4/2019` of `10/4/2019`: a date of a month
// searched is its span's, marked whole, before: snippet).
function besideNumbers(text, found, terms, { signs, numbers }) {
  const between = (i) => text.slice(found[i - 1].end, found[i].start);
  const spaced = (i) => i > 0 && i < found.length && /^\s+$/.test(between(i));
  const digits = (i) => /^[0-9]/.test(text.slice(found[i].start, found[i].end));
  const before = (i) => signs.has(found[i].term) && NUMBER_BEFORE.has(found[i].term);
  const held = found.map(({ term }) => terms.has(term) && /^[0-9]/.test(term));
  for (let first = 0; first < found.length; ) {
    // A run of numbers joined by `/`, `.` or `-`: the date's, or not at all.
    let end = first + 1;
    while (end < found.length && digits(first) && /^[/.-]$/.test(between(end)) && digits(end)) {
      end += 1;
    }
    const run = found.slice(first, end);
    if (run.some(({ term }) => numbers.has(term))) {
      const signed = spaced(first) && before(first - 1);
      // After `số`, `quý`, `đợt` (NUMBERED) another thing's numbers, not the month typed
      // with `tháng` (`tháng 1/2020`, not `quý 1/2020`).
      const other = monthTyped(signs) && numberedAt(text, found[first].start);
      const whole =
        !other && run.every(({ term }) => numbers.has(term)) && (run.length > 1 || signed);
      for (let i = first; i < end; i++) if (numbers.has(found[i].term)) held[i] = whole;
    }
    first = end;
  }
  for (let changed = signs.size > 0; changed; ) {
    changed = false;
    found.forEach((word, i) => {
      if (held[i] || !signs.has(word.term)) return;
      const after = !NUMBER_BEFORE.has(word.term) && spaced(i) && held[i - 1];
      if (after || (spaced(i + 1) && held[i + 1])) held[i] = changed = true;
    });
  }
  found.forEach((word, i) => {
    if ((signs.has(word.term) || numbers.has(word.term)) && !held[i]) word.term = null;
  });
}

// The dates and months a text writes (DATE, LONG_DATE from its day on: `ngày 15 tháng
// Sáu năm 2019` too, MONTH,
// LONG_MONTH_ALONE, WORD_MONTH: `tháng Sáu năm 2019`), each [match, its term, where its words begin, its first and last
// day (day numbers)].
function writtenDates(text) {
  const days = (term) => daysOf(term).map(dayNumber);
  const at = (m, term, start) => [m, term, start, ...days(term)];
  return [
    ...[...matchesOf(text, DATE)].map((m) => at(m, dateTerm(m[1], m[3], m[4]), m.index)),
    ...[...matchesOf(text, LONG_DATE)].map((m) => {
      const day = m.index + m[0].search(/[0-9]/);
      return at(m, dateTerm(m[1], monthNumber(m[2].toLowerCase()), m[3]), day);
    }),
    ...[...matchesOf(text, MONTH)].map((m) => at(m, `${+m[1]}/${m[3]}`, m.index)),
    ...[...matchesOf(text, LONG_MONTH_WRITTEN)].map((m) => at(m, `${+m[1]}/${m[2]}`, m.index)),
    ...[...matchesOf(text, WORD_MONTH_WRITTEN)].map((m) =>
      at(m, `${monthNumber(m[1].toLowerCase())}/${m[2]}`, m.index),
    ),
  ].filter(([, term]) => isReal(term));
}

// `số` just before a date or a month (snippet): a document's number, `QĐ số 12/2019`; a
// quarter (`quý 1/2020`) or a round (`đợt 2/2020`), as the query reads them
// (terms._NOT_MONTH_AFTER).
const NUMBERED = notAfter(/(?:số|quý|quí|đợt)[ \t\n\r\u00a0]+$/iu, WORD_END);

// Whether the reader typed `tháng` (a month asked for, not numbers as typed: `12/2019`
// also finds `QĐ số 12/2019`, and marks it).
function monthTyped(signs) {
  return signs.has("tháng") || signs.has("thang");
}

function numberedAt(text, start) {
  const before = text.slice(Math.max(0, start - 8), start).normalize("NFC");
  return !matchesOf(before, NUMBERED).next().done;
}

// A date term or a month whose day (1 to 31) and month (1 to 12) can be.
function isReal(term) {
  const numbers = term.split("/").map(Number);
  const [day, month] = numbers.length === 3 ? numbers : [1, numbers[0]];
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

// The words written before the number they go with (besideNumbers): `ngày 15`, `mùng
// 2`, `tháng 3`, `năm 2019`.
const NUMBER_BEFORE = new Set(["ngay", "mung", "mong", "thang", "nam"]);

const BLOCKS = "h1, h2, h3, h4, h5, h6, li, figcaption, caption, dt";

async function pageText(url) {
  if (!/^https?:$/.test(location.protocol)) return null; // file://: no fetch
  try {
    const response = await fetch(url);
    if (!response.ok) return null;
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const body = page.querySelector(".article-body");
    if (!body) return null;
    // A heading, a list item, a caption ends where its text ends: without a stop of its
    // own it ran into the next paragraph as one sentence (`đề xuất Các đại biểu`).
    // Inner ones first: an item's own list ends it.
    for (const block of [...body.querySelectorAll(BLOCKS)].reverse()) {
      if (!/[.,:;!?…]\s*$/.test(block.textContent)) block.append(".");
    }
    // Its tags are its words too (the index has them), after its text: an article found
    // by a tag its text does not say (`covid`) shows the tag, marked.
    const tags = page.querySelector(".article-tags");
    const text = body.textContent + (tags ? ` ${tags.textContent}.` : "");
    return text.replace(/\s+/g, " ").trim();
  } catch {
    return null;
  }
}

// A number in groups (`0912 345 678`, `500.000`), joined: the index has it so too
// (terms.NUMBER_GROUPS).
const NUMBER_GROUPS = /[0-9]+(?:[ .\u00a0\u202f][0-9]{2,})+/g;

// The query with each word of letters that no article has corrected to a word of
// the vocabulary one letter away, the edit made to the word as typed, a word of
// letters and digits split between them and a number typed in groups joined
// (engine.suggest); null when none is.
async function suggest(query) {
  let text = joined(query).normalize("NFC");
  let typed = text.toLowerCase();
  if (typed.length !== text.length) text = typed; // a letter whose lower case is longer
  // A number typed in groups, joined where the archive has it joined (not `2008 12` of
  // `04/2008 12-NQ/TW`); the run is the same in both (digits, spaces and dots).
  const joins = new Map();
  for (const [run] of typed.matchAll(NUMBER_GROUPS)) joins.set(run, await joinedNumber(run));
  [text, typed] = [text, typed].map((s) => s.replace(NUMBER_GROUPS, (run) => joins.get(run)));
  let fixed = "";
  let at = 0;
  let seen = 0;
  let changed = [...joins].some(([run, made]) => run !== made);
  // The rest of the text as typed: its quotes, its words after the first ones.
  for (const match of typed.matchAll(WORD)) {
    const written = text.slice(match.index, match.index + match[0].length);
    const near =
      seen++ < MAX_QUERY_WORDS ? await nearest(written, fold(canonical(match[0]))) : written;
    changed = changed || near !== written;
    fixed += typed.slice(at, match.index) + near;
    at = match.index + match[0].length;
  }
  return changed ? fixed + typed.slice(at) : null;
}

// A number typed in groups, joined when some article has it, in groups or joined (the
// index has both joined); else as typed (engine._joined).
async function joinedNumber(run) {
  const digits = run.replace(/[^0-9]/g, "");
  return (await head(await manifest(), fold(digits), new Set())).frequency ? digits : run;
}

// The edits one letter away, the likelier first (engine._SWAPPED ...).
const [SWAPPED, LEFT_OUT, TWICE, CHANGED, TOO_MANY, CHANGED_MARKED, NO_EDIT] = [0, 1, 2, 3, 4, 5, 6];

// A word of runs of two letters or more and of digits that no article has is split
// between them (`covid19`), each run of letters corrected in turn (engine._nearest).
async function nearest(written, folded) {
  const a = [...folded];
  const letters = [...written];
  if (a.length !== letters.length) return written;
  const vniReading = a.length > 2 && folded === written.toLowerCase() ? vni(folded) : null;
  if (vniReading && (await readsAs(vniReading, folded))) return cased(vniReading, written);
  const runs = folded.match(/[0-9]+|[^0-9]+/g) || [];
  // Not `w10` or `h5n1`: one letter is an initial, a code.
  const mixed = runs.length > 1 && runs.every((run) => /^(?:\p{L}{2,}|[0-9]+)$/u.test(run));
  if (a.length < 3 || !(mixed || /^\p{L}+$/u.test(folded))) return written;
  // A word of the archive (the vocabulary's too): not mistyped.
  if ((await head(await manifest(), folded, new Set())).frequency) return written;
  const reading = folded === written.toLowerCase() ? telex(folded) : null;
  if (reading && (await readsAs(reading, folded))) return cased(reading, written);
  if (mixed) {
    const parts = [];
    let at = 0;
    for (const run of runs) {
      const length = [...run].length;
      parts.push(await nearest(letters.slice(at, at + length).join(""), run));
      at += length;
    }
    return parts.join(" ");
  }
  let best = [NO_EDIT, 0, written, null];
  let rivalled = false;
  for (const key of new Set([a[0] + a[1], a[1] + a[0], a[0] + a[2]])) {
    const vocabulary = await load(vocabularyFile(key));
    for (const [size, ...group] of spellingsOf(vocabulary, key)) {
      for (const other of group) {
        const found = edit(letters, a, [...other]);
        if (!found || found[0] > best[0]) continue;
        rivalled = found[0] === best[0];
        if (found[0] < best[0] || size > best[1]) best = [found[0], size, found[1], other];
      }
    }
  }
  // Of words as near, the most frequent is offered; not when most articles have it: a
  // short word has many a letter changed away (`nap`: nam, nay), and that one adds
  // nothing to what the other words find (engine._nearest).
  if (best[0] === NO_EDIT) return (await split(written, folded)) || written;
  const index = await manifest();
  if (rivalled && 2 * (await head(index, best[3], new Set())).frequency > index.docs) {
    return written;
  }
  return best[2];
}

// Telex, typed with the keyboard off (`tuyeenr dungj`: tuyển dụng): the letters that
// make a vowel, in the order a reader types them, and the tone typed last (`z`: none)
// (engine._telex).
const TELEX_VOWELS = [
  ["uwow", "ươ"], ["uow", "ươ"], ["aa", "â"], ["aw", "ă"], ["ee", "ê"],
  ["oo", "ô"], ["ow", "ơ"], ["uw", "ư"], ["w", "ư"],
];
const TELEX_TONES = { s: "\u0301", f: "\u0300", r: "\u0309", x: "\u0303", j: "\u0323" };
const TONE_INSIDE = /^(.*[aeiouwy])([sfrxj])(ch|c|m|ng|nh|n|p|t)$/;
// A syllable: its consonants (`qu`, and `gi` before a vowel, are one), vowels, its end.
const SYLLABLE =
  /^(qu|gi(?=[aăâeêioôơuưy])|[^aăâeêioôơuưy]*)([aăâeêioôơuưy]+)(ch|c|m|ng|nh|n|p|t|)$/;

// `word` (lower case, no diacritics) read as Telex; null when it has no Telex in it or
// reads as no syllable (engine._telex).
function telex(word) {
  const inside = TONE_INSIDE.exec(word);
  const last = word[word.length - 1];
  let bare = inside ? inside[1] + inside[3] : word.slice(0, -1);
  const tone = TELEX_TONES[inside ? inside[2] : last] || "";
  if (!(inside || tone || last === "z")) bare = word;
  if (bare.startsWith("dd")) bare = "đ" + bare.slice(2);
  for (const [typed, vowel] of TELEX_VOWELS) bare = bare.split(typed).join(vowel);
  return bare === word ? null : toned(bare, tone);
}

const LONGEST = 10; // letters of a syllable in Telex: `nghieengf`, `truwowngf`

// A word of ASCII letters typed without its spaces (`hooijddoongf`: Telex, keyboard off)
// as the fewest syllables of the archive, each read as Telex where an article spells
// that reading, else as its term; null when it is no such syllables (engine._split).
async function split(written, folded) {
  if (!(folded === written.toLowerCase() && /^[a-z]{4,}$/.test(folded))) return null;
  // fewest[j]: the fewest syllables of folded[:j], and where the last one begins
  const fewest = [[0, 0], ...Array.from(folded, () => [folded.length, -1])];
  const terms = new Map();
  for (let end = 1; end <= folded.length; end++) {
    for (let start = Math.max(0, end - LONGEST); start < end; start++) {
      if (fewest[start][1] < 0 || fewest[start][0] + 1 >= fewest[end][0]) continue;
      const typed = folded.slice(start, end);
      const reading = telex(typed) || toned(typed, "");
      const term = reading ? fold(canonical(reading)) : "";
      if (term.length > 2 && !(await inVocabulary(term))) continue;
      if (term) {
        fewest[end] = [fewest[start][0] + 1, start];
        terms.set(`${start} ${end}`, [reading || "", term]);
      }
    }
  }
  const pieces = [];
  let end = folded.length;
  while (end > 0 && fewest[end][1] >= 0) {
    const start = fewest[end][1];
    pieces.unshift(terms.get(`${start} ${end}`));
    end = start;
  }
  if (end > 0 || pieces.length < 2) return null;
  const words = [];
  for (const [reading, term] of pieces) {
    if (term.length < 3 && !(await head(await manifest(), term, new Set())).frequency) return null;
    const spelledSo = reading === term || (await spelled(canonical(reading)));
    words.push(spelledSo ? reading : term);
  }
  return cased(words.join(" "), written);
}

// Whether `term` is a word of the vocabulary (of two articles or more) (engine._in_vocabulary).
async function inVocabulary(term) {
  const groups = spellingsOf(await load(vocabularyFile(term)), term.slice(0, VOCABULARY_KEY));
  return groups.some((group) => group.indexOf(term, 1) > 0);
}

// VNI, typed with the keyboard off (`tuye6n3 du5ng`): the digit after the letter it
// marks (`u7o7` ươ), and 1 to 5 the tone, after a vowel (engine._vni).
const VNI_MARKS = {
  6: { a: "â", e: "ê", o: "ô" },
  7: { o: "ơ", u: "ư" },
  8: { a: "ă" },
  9: { d: "đ" },
};
const VNI_TONES = { 1: "\u0301", 2: "\u0300", 3: "\u0309", 4: "\u0303", 5: "\u0323" };

// `word` (lower case, no diacritics) read as VNI; null when it has no VNI in it, or a
// digit that marks nothing (`h5n1`, `covid19`), or reads as no syllable (engine._vni).
function vni(word) {
  let bare = "";
  let tone = "";
  for (const letter of word) {
    const mark = VNI_MARKS[letter]?.[bare.slice(-1)];
    if (mark) {
      bare = bare.slice(0, -1) + mark;
    } else if (VNI_TONES[letter] && !tone && /[aăâeêioôơuưy]/.test(bare)) {
      tone = VNI_TONES[letter];
    } else if (letter >= "0" && letter <= "9") {
      return null;
    } else {
      bare += letter;
    }
  }
  return bare === word ? null : toned(bare, tone);
}

// The syllable of letters `bare` with `tone` (a combining mark, or none) on its vowel;
// null when `bare` is no syllable (engine._toned).
function toned(bare, tone) {
  const syllable = SYLLABLE.exec(bare);
  if (!syllable || /[fjwz]/.test(bare)) return null;
  const [, start, vowels, end] = syllable;
  const marked = [...vowels].flatMap((vowel, i) => ("ăâêôơư".includes(vowel) ? [i] : []));
  // The tone's vowel: the last with a mark of its own (ươ: ơ), else the last of a
  // syllable closed by a consonant (`toán`), else the middle of three (`ngoái`), else
  // the first (`mái`, `của`; canonical places a final oa, oe, uy's).
  let at = 0;
  if (marked.length) at = marked[marked.length - 1];
  else if (end) at = vowels.length - 1;
  else if (vowels.length === 3) at = 1;
  return (start + vowels.slice(0, at + 1) + tone + vowels.slice(at + 1) + end).normalize("NFC");
}

// Whether `folded`, typed, is no word of the archive and its `reading` (Telex, VNI) is a
// word an article spells (engine._reads_as).
async function readsAs(reading, folded) {
  if ((await head(await manifest(), folded, new Set())).frequency) return false;
  return spelled(canonical(reading));
}

// Whether an article spells a word `spelling` (a term's spellings in a segment)
// (engine._spelled).
async function spelled(spelling) {
  const index = await manifest();
  const term = fold(spelling);
  const hash = termHash(term);
  for (const [name, , , count] of index.segments) {
    const record = (await load(`s/${name}/${hash % count}`, index.signal))[term];
    if (record && (record.length > 2 ? record[2] : []).includes(spelling)) return true;
  }
  return false;
}

// `reading` in the capitals of `written`: `Tuyeenr` -> `Tuyển`, `DUNGJ` -> `DỤNG`.
function cased(reading, written) {
  const upper = (text) => text === text.toUpperCase() && text !== text.toLowerCase();
  if (written.length > 1 && upper(written)) return reading.toUpperCase();
  return upper(written[0]) ? reading[0].toUpperCase() + reading.slice(1) : reading;
}

// How the word typed (`w`, its letters; `a` without diacritics) is one letter away from
// the vocabulary's `b`: [kind, w with the edit made], or null (engine._edit).
function edit(w, a, b) {
  const same = (x, y) => x.length === y.length && x.every((c, i) => c === y[i]);
  const shorter = Math.min(a.length, b.length);
  let at = 0;
  while (at < shorter && a[at] === b[at]) at++;
  const made = (...parts) => parts.flat().join("");
  if (a.length === b.length && at < a.length) {
    // (the same word is no edit away)
    if (
      at + 1 < a.length &&
      same(a.slice(at + 2), b.slice(at + 2)) &&
      a[at] === b[at + 1] &&
      a[at + 1] === b[at]
    ) {
      return [SWAPPED, made(w.slice(0, at), w[at + 1], w[at], w.slice(at + 2))];
    }
    if (same(a.slice(at + 1), b.slice(at + 1))) {
      const kind = w[at] === a[at] ? CHANGED : CHANGED_MARKED;
      return [kind, made(w.slice(0, at), b[at], w.slice(at + 1))];
    }
    return null;
  }
  if (b.length === a.length + 1 && same(a.slice(at), b.slice(at + 1))) {
    return [LEFT_OUT, made(w.slice(0, at), b[at], w.slice(at))];
  }
  if (a.length === b.length + 1 && same(b.slice(at), a.slice(at + 1))) {
    const twice = at > 0 && a[at] === a[at - 1];
    // Of a letter typed twice, the one without a diacritic goes (engine._edit).
    const cut = twice && w[at] !== a[at] && w[at - 1] === a[at - 1] ? at - 1 : at;
    return [twice ? TWICE : TOO_MANY, made(w.slice(0, cut), w.slice(cut + 1))];
  }
  return null;
}

// The days of a query's months and ranges, and of a year after `năm` typed with its
// diacritics (`hội nghị năm 2019`; `nam` is also Nam), for the snippet (`dates.spans`:
// [first, last, name], day numbers, the last Infinity for a range to today, each name
// a key of `terms`). Such a year is marked as a date writes it: `năm` before it, the
// year after `năm` or in a date or month (`năm 2019`, `2/6/2019`, `6/2019`), not `5
// năm` (five years) nor `01/2019/QĐ-UBND`.
function spansOf(query, terms, dates) {
  const spans = query.spans.map(([first, last]) => [first, last]);
  if (query.typed.get("nam")?.has("năm")) {
    for (const pair of query.pairs) {
      const year = /^nam ((?:19|20)[0-9]{2})$/.exec(pair)?.[1];
      if (!year || !query.words.includes(year)) continue;
      dates.signs.add("nam");
      dates.numbers.add(year);
      spans.push([`1/1/${year}`, `31/12/${year}`]);
    }
  }
  for (const [first, last] of spans) {
    const name = `${first}-${last}`;
    terms.set(name, null);
    dates.spans.push([first ? dayNumber(first) : 1, last ? dayNumber(last) : Infinity, name]);
  }
}

async function search(
  text,
  { offset = 0, limit = 10, passages = true, some = false, signal = null } = {},
) {
  const ranked = await rank(text, { some, signal });
  const shown = ranked.docs.slice(offset, offset + limit);
  const terms = new Map();
  // The words of the query as read before too (a month's numbers: query.literal), which
  // the articles it finds have.
  const readings = ranked.query ? [ranked.query, ranked.query.literal].filter(Boolean) : [];
  for (const query of readings) {
    for (const word of query.words) {
      const typed = query.typed.get(word);
      if (!terms.has(word)) terms.set(word, typed.size ? typed : null);
    }
  }
  for (const word of ranked.completions || []) terms.set(word, null);
  for (const query of readings) for (const day of query.days) terms.set(day, null);
  // The words a date took in (a long date's `ngày`, `đến nay`): the query's words
  // that are not the dates' reading's, nor numbers.
  const tookIn = readings
    .slice(1)
    .flatMap((query) => query.words)
    .filter((word) => !readings[0].words.includes(word));
  const signs = new Set(tookIn.filter((word) => !/^[0-9]/.test(word)));
  // And its numbers (`3`, `2019` of `tháng 3 năm 2019`): marked after their sign only.
  const numbers = new Set(tookIn.filter((word) => /^[0-9]/.test(word)));
  const pairs = new Set(readings.flatMap((query) => query.pairs));
  const quoted = new Set(readings.flatMap((query) => [...query.quoted]));
  const dates = { signs, numbers, spans: [] };
  if (readings.length) spansOf(readings[0], terms, dates);
  const root = ranked.index ? new URL(ranked.index.root || "../../", indexBase) : indexBase;
  const results = await Promise.all(
    shown.map(async (doc) => {
      const [name, start] = ranked.index.segments.find(([, first, size]) => doc < first + size);
      const chunk = `s/${name}/d${Math.floor((doc - start) / DOC_CHUNK)}`;
      const rows = await load(chunk, ranked.index.signal);
      const [url, title, date, category, lead] = rows[(doc - start) % DOC_CHUNK];
      const page = new URL(url, root).href;
      const passage = async () => {
        const body = await pageText(page);
        return body === null ? null : snippet(body, terms, false, pairs, quoted, dates, title);
      };
      const opening = snippet(lead, terms, true, pairs, quoted, dates);
      const result = { url, title, date, category, snippet: opening };
      if (!passages) result.passage = passage;
      else result.snippet = (await passage()) || result.snippet;
      return result;
    }),
  );
  const { total, complete, dated, unpublished, dateless, year, period, phrase } = ranked;
  const found = { total, complete, some: ranked.some, dated, unpublished, dateless };
  return { ...found, year, period, phrase, results };
}

window.newsarchiveSearch = {
  search: renewing(search),
  rank: renewing(rank),
  suggest: renewing(suggest),
  words,
  fold,
  parseQuery,
  add,
  termHash,
  ln,
};
}
