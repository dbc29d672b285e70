// Native/WASM parity: every document of the shared fixture corpus, run through the WASM
// build, gives byte for byte the answer JSON the native runner checks
// (tests/fixtures/expected/<kind>/<name>.json).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { root, qinqing } from "./qinqing.mjs";

const fixtures = `${root}tests/fixtures/`;
const options = existsSync(`${fixtures}corpus.json`)
  ? JSON.parse(readFileSync(`${fixtures}corpus.json`, "utf8"))
  : { lang: "zh" };
const corpusOptions = { lang: options.lang, today: options.today };

const kinds = [
  { dir: "complaints", text: qinqing.validateComplaintJson, object: qinqing.validateComplaint },
  { dir: "contracts", text: qinqing.validateContractJson, object: qinqing.validateContract },
];

let count = 0;
for (const kind of kinds) {
  const dir = `${fixtures}${kind.dir}/`;
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith(".json")).sort() : [];
  for (const name of names) {
    const expectedPath = `${fixtures}expected/${kind.dir}/${name}`;
    if (!existsSync(expectedPath)) continue;
    count += 1;
    test(`${kind.dir}/${name}: text in gives the native answer byte for byte`, () => {
      const text = readFileSync(`${dir}${name}`, "utf8");
      const expected = readFileSync(expectedPath, "utf8");
      assert.equal(JSON.stringify(kind.text(text, corpusOptions)) + "\n", expected);
    });
    test(`${kind.dir}/${name}: object in gives the same answer as text in`, () => {
      const text = readFileSync(`${dir}${name}`, "utf8");
      let doc;
      try {
        doc = JSON.parse(text);
      } catch {
        return; // malformed on purpose: only the text entry point can receive it
      }
      let normalised;
      try {
        normalised = JSON.stringify(doc);
      } catch {
        // Too deep for the engine's own JSON.stringify: the object entry point says so.
        assert.equal(kind.object(doc, corpusOptions).issues[0].code, "input.notJson");
        return;
      }
      assert.deepEqual(kind.object(doc, corpusOptions), kind.text(normalised, corpusOptions));
    });
  }
}

test("the corpus is not empty", () => {
  assert.ok(count > 0);
});
