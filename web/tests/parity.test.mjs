// The fixture corpus through the browser build: every answer must equal
// tests/fixtures/expected/** byte for byte (the same core, compiled to WebAssembly).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { launch, openPage, baseUrl, repo } from './support.mjs';

const fixtures = path.join(repo, 'tests/fixtures');
const options = JSON.parse(readFileSync(path.join(fixtures, 'corpus.json'), 'utf8'));

function corpus() {
  const out = [];
  for (const [folder, kind] of [['complaints', 'complaint'], ['contracts', 'contract']]) {
    for (const name of readdirSync(path.join(fixtures, folder)).filter((f) => f.endsWith('.json')).sort()) {
      out.push({
        kind,
        name: `${folder}/${name}`,
        text: readFileSync(path.join(fixtures, folder, name), 'utf8'),
        expected: readFileSync(path.join(fixtures, 'expected', folder, name), 'utf8'),
      });
    }
  }
  return out;
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('every fixture gives the expected answer in the browser build', async () => {
  const cases = corpus();
  assert.ok(cases.length > 0, 'the corpus is not empty');
  const context = await browser.newContext();
  const page = await openPage(context, `${baseUrl}/?form=complaint`);
  await page.waitForFunction(() => typeof window.qinqingValidateJson === 'function');
  const answers = await page.evaluate(({ cases, today, lang }) =>
    cases.map((c) => window.qinqingValidateJson(c.kind, c.text, today, lang)),
  { cases: cases.map(({ kind, text }) => ({ kind, text })), today: options.today ?? null, lang: options.lang ?? 'zh' });
  const mismatches = cases.filter((c, i) => `${answers[i]}\n` !== c.expected).map((c) => c.name);
  assert.deepEqual(mismatches, [], `answers differ for: ${mismatches.join(', ')}`);
  await context.close();
});
