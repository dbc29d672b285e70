// The bad-input corpus (tests/fixtures/bad-input/cases.json) through the browser build: the
// document cases (kinds `complaint` and `contract`) go through `window.qinqingValidateJson`,
// the core exactly as the forms run it, and must give the validity and codes the manifest
// expects, as natively (tests/tests/bad_input.rs) and in Node. The other kinds (uscc, ric,
// phone, detect, calendar-year) have no entry point in the web build; the WebAssembly
// package runs them in tests/node/bad-input-corpus.test.mjs. After each case the page must
// still answer a valid complaint correctly (a Rust panic would abort the instance).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launch, openPage, baseUrl, repo } from './support.mjs';
import { loadCorpus } from '../../tests/node/bad-input-cases.mjs';

const { options, cases: all } = loadCorpus();
const cases = all.filter((c) => c.kind === 'complaint' || c.kind === 'contract');
const validComplaint = readFileSync(path.join(repo, 'tests/fixtures/complaints/valid-enterprise.json'), 'utf8');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('every complaint and contract case of the bad-input corpus gets the expected answer in the browser', async () => {
  assert.ok(cases.length >= 40, 'the document cases are all there');
  assert.ok(cases.some((c) => c.generate.length > 0), 'generated cases are included');
  const context = await browser.newContext();
  const page = await openPage(context, `${baseUrl}/?form=complaint`);
  await page.waitForFunction(() => typeof window.qinqingValidateJson === 'function');
  const failures = [];
  // One case per round trip, so a megabyte text crosses once and a trap is pinned to its case.
  for (const c of cases) {
    const result = await page.evaluate(({ kind, text, today, lang, valid }) => {
      let answer;
      try {
        answer = JSON.parse(window.qinqingValidateJson(kind, text, today, lang));
      } catch (error) {
        return { thrown: String(error) };
      }
      let alive;
      try {
        alive = JSON.parse(window.qinqingValidateJson('complaint', valid, today, lang)).valid === true;
      } catch {
        alive = false;
      }
      return { answer, alive };
    }, { kind: c.kind, text: c.text, today: options.today, lang: options.lang, valid: validComplaint });
    if (result.thrown) {
      failures.push(`${c.name}: threw ${result.thrown}`);
      continue;
    }
    const { answer } = result;
    const described = `valid=${answer.valid} [${answer.issues.map((i) => `${i.code} at ${i.path}`).join(', ')}]`;
    const codes = new Set(answer.issues.map((issue) => issue.code));
    const missing = c.expect.codes.filter((code) => !codes.has(code));
    const hasError = answer.issues.some((issue) => issue.severity === 'error');
    if (answer.valid !== !hasError) failures.push(`${c.name}: valid contradicts the issues: ${described}`);
    if (answer.issues.some((issue) => !issue.message)) failures.push(`${c.name}: an empty message`);
    if (answer.valid !== c.expect.valid || missing.length > 0) {
      failures.push(`${c.name}: expected valid=${c.expect.valid} with ${JSON.stringify(c.expect.codes)}, got ${described}`);
    }
    if (!result.alive) failures.push(`${c.name}: the page no longer validates a valid complaint afterwards`);
  }
  assert.deepEqual(failures, [], `${failures.length} bad input(s) answered wrongly:\n${failures.join('\n')}`);
  assert.deepEqual(page.problems, []);
  await context.close();
});
