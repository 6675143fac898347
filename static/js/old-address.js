// An old portal's address that no alias page answers: one with a query
// (`/tin-tuc/chi-tiet?id=1294002`: a static host ignores it) or in other letter case
// (`/Tin-Tuc/Bai-5.html`: GitHub Pages is case-sensitive, the portals on IIS were not).
// The 404 page and the search page (a pasted address) ask window.newsarchiveOldAddress
// for the page of this site it leads to: the build's list of such addresses
// (urls.old_addresses_folder, one of its files by a hash of the address), else the
// address in small letters, where most aliases are. A classic script, no build step.

window.newsarchiveOldAddress = (() => {
  const script = document.currentScript;
  const home = new URL(script.dataset.root, document.baseURI);
  const folder = new URL(script.dataset.folder, document.baseURI);
  const shards = Number(script.dataset.shards);
  // Which of those files the build wrote (urls.shards_written: hex digit i for files
  // 4i to 4i+3); a page of an older template gives none, and every file is asked for.
  const files = script.dataset.files;

  // Parameters that make no other page, as urls.page_query leaves them out.
  const NAVIGATION = /^(redirect|inheritRedirect|utm_[a-z]+|fbclid|gclid)$/;

  // As Python's urllib.parse.unquote, which the build's keys are made with: each run of
  // escapes read as UTF-8, a byte no text has (a cut `%E1%BB`) as U+FFFD, a % that is no
  // escape (`%ZZ`) kept. (decodeURIComponent throws on either, for the whole text.)
  // ignoreBOM: a leading %EF%BB%BF is kept as U+FEFF, as unquote keeps it.
  const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });
  function decoded(text) {
    const runs = text.replace(/(?:%[0-9a-f]{2})+/gi, (run) =>
      utf8.decode(new Uint8Array(run.slice(1).split("%").map((hex) => parseInt(hex, 16)))),
    );
    return runs.normalize("NFC");
  }

  // As urls.old_address_key: the file the path would be as an alias (alias_url,
  // output_file), "?" and the query that names the page, decoded, in small letters.
  function key(path, query) {
    let file = decoded(path).replace(/^\/+/, "");
    const last = file.split("/").pop();
    if (last && !/\.html?$/i.test(last)) file += "/";
    if (file === "" || file.endsWith("/")) file += "index.html";
    const kept = query
      .replace(/^\?/, "")
      .split("&")
      .filter((part) => !NAVIGATION.test(part.split("=")[0]))
      .join("&");
    return (kept ? `${file}?${decoded(kept)}` : file).toLowerCase();
  }

  // As urls.old_address_shard: FNV-1a of the key's UTF-16 code units.
  function shard(text) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
      hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    }
    return hash % shards;
  }

  // Any address: an alias with capitals is listed in small letters, as it is asked for.
  function written(n) {
    return files === undefined || (parseInt(files.charAt(n >> 2) || "0", 16) >> (n & 3)) & 1;
  }

  // As urls.page_number: the portal's number of a page, at the start or the end of its
  // address's last part, or the whole part (three digits or more, not a year), which a
  // citation cut short still holds (`…/view_content/744225`).
  function pageNumber(path) {
    const last = decoded(path).replace(/\/+$/, "").split("/").pop();
    const found = /^(?:([0-9]{3,})(?:[-.].*)?|.*-([0-9]{3,})(?:\.[A-Za-z0-9]{1,5})?)$/.exec(last);
    const number = found ? found[1] || found[2] : "";
    return /^(?:19|20)[0-9]{2}$/.test(number) ? "" : number;
  }

  async function listed(path, query) {
    return listedAs(key(path, query));
  }

  async function listedAs(wanted) {
    const n = shard(wanted);
    if (!written(n)) return null; // no request that can only be a 404
    try {
      const answer = await fetch(new URL(`${n}.json`, folder));
      // No file of that number (GitHub Pages answers with the 404 page): not listed.
      const pages = answer.ok ? await answer.json() : {};
      const to = Object.prototype.hasOwnProperty.call(pages, wanted) && pages[wanted];
      return typeof to === "string" ? new URL(to, home).href : null;
    } catch {
      return null; // an offline copy (file://), no network, or no JSON
    }
  }

  // The path as aliases are written, in small letters and its accents composed (NFC),
  // when that is another address than the one asked: the host tells capitals apart (IIS
  // did not) and looks names up byte for byte, where a Mac sends accents apart (NFD).
  // The same address again would only be this 404 once more; an escaped / or \ or a
  // "..", decoded, could lead out of the site's folder (another site of github.io).
  async function inPlainForm(path, typed = path) {
    const plain = decoded(path).toLowerCase().replace(/^\/+/, "");
    const there = new URL(`./${plain}`, home);
    const asked = new URL(`./${typed.replace(/^\/+/, "")}`, home);
    if (there.pathname === asked.pathname || !there.href.startsWith(home.href)) return null;
    try {
      const answer = await fetch(there, { method: "HEAD" });
      return answer.ok && /^text\/html/.test(answer.headers.get("content-type")) ? there.href : null;
    } catch {
      return null;
    }
  }

  // A month typed without its zero (`2020/9/`, `2020/9/slug/`, a reader's edit of the
  // address bar): the site's months and their articles are at `2020/09/` (urls.month_url).
  function monthPadded(path) {
    return path.replace(/^(\/*[0-9]{4}\/)([1-9])(?=\/|$)/, (_, year, month) => `${year}0${month}`);
  }

  // The address of the page `path` (from the site's root, as the portal's was from its
  // host) with `query` ("?id=5" or "") leads to, or null. A query not listed with its
  // path is left out, as a static host leaves it out of an alias's address; then the
  // path with a month typed without its zero given it (`2020/9/` is `2020/09/`); then
  // the page of the portal's number the path holds (urls.page_number_key).
  return {
    async find(path, query) {
      const number = pageNumber(path);
      return (
        (await listed(path, query)) ||
        (query && (await listed(path, ""))) ||
        (await inPlainForm(path)) ||
        (monthPadded(path) !== path && (await inPlainForm(monthPadded(path), path))) ||
        (number ? await listedAs(`#${number}`) : null)
      );
    },
  };
})();
