// The bad-input corpus (tests/fixtures/bad-input/cases.json) through the WebAssembly package
// in Node: every case, generated ones included (built exactly as tests/tests/bad_input.rs
// builds them), must give the validity and codes the manifest expects, as natively, and the
// instance must still answer correctly after each case (a Rust panic would abort it).
// No timing assertions: speed is measured by the benchmarks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { qinqing, root } from "./qinqing.mjs";
import { corpusDir, loadCorpus } from "./bad-input-cases.mjs";

const { options, cases } = loadCorpus();

/** The answer for one case, as `{ answer }` or `{ ids }` (detect cases). */
function run(kind, text) {
  switch (kind) {
    case "complaint":
      return { answer: qinqing.validateComplaintJson(text, options) };
    case "contract":
      return { answer: qinqing.validateContractJson(text, options) };
    case "calendar-year":
      // Natively each case gets a fresh built-in calendar; here the instance keeps what it
      // loads. Only the last calendar case of the manifest loads, so the order matches.
      return { answer: qinqing.loadCalendarYear(text, options) };
    case "uscc":
      return { answer: qinqing.checkUscc(text, options) };
    case "ric":
      return { answer: qinqing.checkRic(text, options) };
    case "phone":
      return { answer: qinqing.checkPhone(text, options) };
    case "detect": {
      const answer = qinqing.detectConduct(text);
      assert.equal(answer.valid, true, "detectConduct reads any text");
      const ids = [];
      for (const match of answer.matches) if (!ids.includes(match.id)) ids.push(match.id);
      return { ids };
    }
    default:
      throw new Error(`unknown kind ${kind}`);
  }
}

const validComplaint = readFileSync(`${root}tests/fixtures/complaints/valid-enterprise.json`, "utf8");

/** The instance still gives right answers (a trapped instance would throw or answer wrong). */
function assertAlive(after) {
  assert.equal(qinqing.checkUscc("91450100MA5K3R2B7K", options).valid, true, `alive after ${after}`);
  assert.equal(qinqing.checkUscc("91450100MA5K3R2B7X", options).valid, false, `alive after ${after}`);
  assert.equal(qinqing.validateComplaintJson(validComplaint, options).valid, true, `alive after ${after}`);
}

test("the corpus is the one the native runner reads", () => {
  assert.ok(cases.length >= 50, "the corpus lost cases");
  assert.ok(cases.some((c) => c.generate.length > 0), "generated cases are included");
  assert.ok(corpusDir.endsWith("tests/fixtures/bad-input/"));
  assertAlive("loading");
});

for (const c of cases) {
  test(`${c.kind}: ${c.name}`, { timeout: 60_000 }, () => {
    let outcome;
    assert.doesNotThrow(() => {
      outcome = run(c.kind, c.text);
    }, c.name);
    if (c.kind === "detect") {
      assert.deepEqual(outcome.ids, c.expect.ids, `${c.name}: detected ids`);
    } else {
      const { answer } = outcome;
      const hasError = answer.issues.some((issue) => issue.severity === "error");
      assert.equal(answer.valid, !hasError, `${c.name}: valid contradicts the issues`);
      for (const issue of answer.issues) assert.ok(issue.message.length > 0, `${c.name}: empty message`);
      const codes = new Set(answer.issues.map((issue) => issue.code));
      const described = `valid=${answer.valid} [${answer.issues.map((i) => `${i.code} at ${i.path}`).join(", ")}]`;
      assert.equal(answer.valid, c.expect.valid, `${c.name}: ${described}`);
      const missing = c.expect.codes.filter((code) => !codes.has(code));
      assert.deepEqual(missing, [], `${c.name}: missing codes; got ${described}`);
    }
    assertAlive(c.name);
  });
}
