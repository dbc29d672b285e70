// Faults a citizen on a weak phone meets: the tab dies mid-typing (the draft must hold every
// character typed, the last keystrokes included, with no blur to flush it), and the network
// drops while a queued submission is in flight (the server got it, the answer was lost: the
// retry must find the same case, never file a second one).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, baseUrl, caseCount, fillComplaint, statusText, VALID_USCC } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('closing the tab mid-typing keeps every typed character in the draft', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${baseUrl}/?form=complaint`);
  await page.locator('#qq-complainant-uscc').waitFor();
  const typed = {
    '#qq-complainant-name': '广西南宁绿源科技有限公司',
    '#qq-complainant-uscc': VALID_USCC,
    '#qq-remedy': '退还摊派款项',
  };
  for (const [selector, value] of Object.entries(typed)) await page.fill(selector, value);
  // Type the description key by key and close the tab right after the last key: no pause
  // for the validation debounce, no blur, no beforeunload.
  const description = '工作人员以节日慰问为名摊派费用五千元abc';
  await page.locator('#qq-conduct-description').pressSequentially(description);
  assert.equal(await page.evaluate(() =>
    document.querySelector('qinqing-complaint-form').shadowRoot.activeElement?.id), 'qq-conduct-description', 'still typing');
  await page.close({ runBeforeUnload: false });

  const again = await openPage(context, `${baseUrl}/?form=complaint`);
  await again.locator('#qq-conduct-description').waitFor();
  for (const [selector, value] of Object.entries({ ...typed, '#qq-conduct-description': description })) {
    assert.equal(await again.locator(selector).inputValue(), value, `${selector} came back`);
  }
  assert.match(await statusText(again), /草稿/, 'the restored draft is announced');
  assert.deepEqual(again.problems, []);
  await context.close();
});

test('a queued submission whose first send is cut mid-flight is filed exactly once', async () => {
  // Service workers off: page.route must see the form's requests.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await openPage(context, `${baseUrl}/?form=complaint`);
  await page.locator('#qq-complainant-uscc').waitFor();
  await fillComplaint(page);
  await page.fill('#qq-complainant-uscc', VALID_USCC);
  await page.locator('.qq-deadline').waitFor();

  const before = await caseCount('complaint');
  // Offline: the submission waits in the outbox.
  await context.setOffline(true);
  await page.click('button[type=submit]');
  await page.locator('.qq-status-queued').waitFor();
  const outbox = await page.evaluate(() => JSON.parse(localStorage.getItem('qinqing:outbox') || '[]'));
  assert.equal(outbox.length, 1);
  const key = outbox[0].key;

  // The first send reaches the server, which files the case, but the connection drops
  // before the answer arrives. Later sends go through untouched.
  const sends = [];
  let filed = null;
  await page.route('**/api/complaints', async (route) => {
    const request = route.request();
    sends.push({ key: request.headers()['idempotency-key'], body: request.postData() });
    if (sends.length === 1) {
      const response = await route.fetch();
      filed = { status: response.status(), body: await response.json() };
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  await context.setOffline(false);
  await page.waitForFunction(() => window.navigator.onLine);
  for (let i = 0; i < 100 && filed === null; i += 1) await page.waitForTimeout(100);
  assert.ok(filed, 'the first send reached the server');
  assert.equal(filed.status, 201, JSON.stringify(filed.body));
  const caseId = filed.body.caseId;
  assert.ok(caseId);
  // The form did not see the answer: still queued, not sent.
  assert.equal(await page.locator('.qq-status-sent').count(), 0);

  // The network flaps back: the outbox is replayed with the same key, the server answers
  // with the case it already has.
  await context.setOffline(true);
  await context.setOffline(false);
  await page.locator('.qq-status-sent').waitFor({ timeout: 20000 });
  assert.equal(await page.locator('.qq-status').getAttribute('data-case-id'), caseId);
  assert.match(await statusText(page), new RegExp(`案件编号：${caseId.replace(/-/g, '\\-')}`));
  assert.ok(sends.length >= 2);
  assert.ok(sends.every((s) => s.key === key && s.body === sends[0].body), 'every send carried the same key and document');
  assert.equal(await page.evaluate(() => localStorage.getItem('qinqing:outbox')), null, 'the outbox is empty');

  // The server has exactly one case for the key: the same key and document once more
  // return that case (200), not a new one (201).
  const retry = await fetch(`${baseUrl}/api/complaints`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: sends[0].body,
  });
  assert.equal(retry.status, 200);
  assert.equal((await retry.json()).caseId, caseId);
  assert.equal(await caseCount('complaint'), before + 1, 'one submission, one case');
  const stored = await (await fetch(`${baseUrl}/api/cases/${caseId}`)).json();
  assert.equal(stored.document.complainant.uscc, VALID_USCC);
  assert.deepEqual(page.problems, []);
  await context.close();
});
