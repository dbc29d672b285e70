// Reads the bad-input corpus (tests/fixtures/bad-input/cases.json, format in its README)
// into the texts the native runner (tests/tests/bad_input.rs) checks: each file decoded as
// UTF-8, leniently where the case says it is not UTF-8, then its `generate` parts filled in.
// Shared by tests/node/bad-input-corpus.test.mjs and web/tests/bad-input-corpus.test.mjs.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const corpusDir = fileURLToPath(new URL("../fixtures/bad-input/", import.meta.url));

// `ignoreBOM: true` keeps a leading byte order mark in the text, as Rust's
// `String::from_utf8_lossy` does (the default TextDecoder would drop it before the core
// sees it). Both replace each invalid sequence with U+FFFD the same way.
const lenient = new TextDecoder("utf-8", { ignoreBOM: true });
const strict = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true });

function decode(name, bytes, utf8) {
  let isUtf8 = true;
  try {
    strict.decode(bytes);
  } catch {
    isUtf8 = false;
  }
  if (isUtf8 !== utf8) throw new Error(`${name}: the file's UTF-8 validity contradicts \`utf8\``);
  return lenient.decode(bytes);
}

/** `{ options, cases: [{ name, kind, expect, generate, text }] }`. */
export function loadCorpus() {
  const manifest = JSON.parse(readFileSync(`${corpusDir}cases.json`, "utf8"));
  const cases = manifest.cases.map((c) => {
    let text = decode(c.name, readFileSync(`${corpusDir}${c.file}`), c.utf8 ?? true);
    const generate = c.generate ?? [];
    for (const { placeholder, repeat, times } of generate) {
      if (!text.includes(placeholder)) throw new Error(`${c.name}: no ${placeholder} in the file`);
      // Plain replacement of every occurrence (String.replace would give `$` a meaning).
      text = text.split(placeholder).join(repeat.repeat(times));
    }
    return {
      name: c.name,
      kind: c.kind,
      expect: { valid: c.expect.valid, codes: c.expect.codes ?? [], ids: c.expect.ids },
      generate,
      text,
    };
  });
  return { options: manifest.options, cases };
}
