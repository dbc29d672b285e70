// The deadline preview uses China time whatever the browser's time zone: Los Angeles and
// Shanghai must show the same "today" and the same due date.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, baseUrl, fillComplaint, chinaToday, VALID_USCC } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function preview(timezoneId) {
  const context = await browser.newContext({ timezoneId });
  const page = await openPage(context, `${baseUrl}/?form=complaint`);
  await page.locator('#qq-complainant-uscc').waitFor();
  await fillComplaint(page);
  await page.fill('#qq-complainant-uscc', VALID_USCC);
  const deadline = page.locator('.qq-deadline');
  await deadline.waitFor();
  const result = { due: await deadline.getAttribute('data-due'), today: await deadline.getAttribute('data-today') };
  assert.deepEqual(page.problems, []);
  await context.close();
  return result;
}

test('same deadline in America/Los_Angeles as in Asia/Shanghai', async () => {
  const la = await preview('America/Los_Angeles');
  const cn = await preview('Asia/Shanghai');
  assert.equal(la.today, chinaToday(), 'today is the China date, not the Los Angeles one');
  assert.deepEqual(la, cn);
  assert.ok(la.due > la.today);
});
