// What the oldest browsers the site supports could not run, in the scripts given.
//
// The target (README, "Browsers"): Chrome 80 (Android phones of 2018-2020 whose Chrome or
// WebView stopped updating, Samsung Internet 13, Cốc Cốc of that age) and Safari 14
// (iPhones stuck on iOS 14 and 15). One construct they lack and the whole script is
// refused: a SyntaxError, and search is gone on that phone.
//
// Reads from stdin a JSON list of {name, line, source} (`line`: the line of the file the
// source starts on) and writes to stdout a JSON list of findings, each
// {name, line, column, what, since, fix}. Exit 3 when acorn is not installed.
"use strict";

let acorn;
try {
  acorn = require("acorn");
} catch {
  process.stderr.write("acorn not found: run `npm ci --ignore-scripts --prefix tests/js`\n");
  process.exit(3);
}

// ES2020 is what Chrome 80 and Safari 14 both parse (`?.` and `??` are in; `||=`,
// `??=`, class fields, top-level await are not).
const ECMA_VERSION = 2020;

// Properties newer than the target: a TypeError where they are reached.
const NEWER_MEMBERS = new Map(Object.entries({
  at: ["Chrome 92, Safari 15.4", "index from the end: list[list.length - 1]"],
  hasOwn: ["Chrome 93, Safari 15.4", "Object.prototype.hasOwnProperty.call(object, key)"],
  replaceAll: ["Chrome 85, Safari 13.1", "replace() with a /g regular expression"],
  replaceChildren: ["Chrome 86, Safari 14", 'textContent = "" (then append)'],
  findLast: ["Chrome 97, Safari 15.4", "a loop from the end"],
  findLastIndex: ["Chrome 97, Safari 15.4", "a loop from the end"],
  toSorted: ["Chrome 110, Safari 16", "[...list].sort()"],
  toReversed: ["Chrome 110, Safari 16", "[...list].reverse()"],
  toSpliced: ["Chrome 110, Safari 16", "a copy, then splice()"],
  groupBy: ["Chrome 117, Safari 17.4", "a loop filling a Map"],
  Segmenter: ["Chrome 87, Safari 14.1", "split on spaces and punctuation"],
}));
const NEWER_GLOBALS = new Map(Object.entries({
  structuredClone: ["Chrome 98, Safari 15.4", "JSON.parse(JSON.stringify(value))"],
  requestIdleCallback: ["Chrome 47, no Safari", "setTimeout"],
  WeakRef: ["Chrome 84, Safari 14.1", "a plain reference"],
}));
// Safari before 16.4 refuses the whole script on a regular expression literal that holds
// one, and throws where `new RegExp` is given one.
const LOOKBEHIND = /\(\?<[=!]/;
const LOOKBEHIND_FIX =
  "no lookbehind: match without it and test the characters before the match in code";

function findings({ name, line, source }) {
  const found = [];
  const add = (loc, what, since, fix) =>
    found.push({ name, line: line + loc.line - 1, column: loc.column + 1, what, since, fix });
  try {
    acorn.parse(source, { ecmaVersion: ECMA_VERSION, sourceType: "script", locations: true });
  } catch (error) {
    add(error.loc, `syntax newer than ES${ECMA_VERSION}: ${error.message}`, "", "");
  }
  // Read in the newest syntax: what the rest of a script uses is said too.
  const tokens = [...acorn.tokenizer(source, { ecmaVersion: "latest", locations: true })];
  tokens.forEach((token, i) => {
    const kind = token.type.label;
    const text = kind === "regexp" ? token.value.pattern : token.value;
    if (["regexp", "string", "template"].includes(kind) && LOOKBEHIND.test(text)) {
      add(token.loc.start, "lookbehind in a regular expression, (?<= or (?<!", "Safari 16.4", LOOKBEHIND_FIX);
    }
    if (kind !== "name") return;
    // A method called (`list.at(-1)`), not a property of one's own (`reader.at`).
    const member = i > 0 && [".", "?."].includes(tokens[i - 1].type.label);
    const called = tokens[i + 1]?.type.label === "(";
    const newer = member ? called && NEWER_MEMBERS.get(text) : NEWER_GLOBALS.get(text);
    if (newer) add(token.loc.start, member ? `.${text}()` : text, ...newer);
  });
  return found;
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  process.stdout.write(JSON.stringify(JSON.parse(input).flatMap(findings)));
});
