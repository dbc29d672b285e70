// The complaint form end to end against the real server: live validation with ARIA, the
// deadline preview, submission with a case number, then the offline path: draft restored
// on an offline reload, submission queued, sent exactly once when the connection returns.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, openPage, baseUrl, caseCount, fillComplaint, statusText, screenshots, VALID_USCC } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('complaint: validate, preview the deadline, submit, then queue offline and send once', async () => {
  const context = await browser.newContext({ viewport: { width: 900, height: 1000 }, locale: 'zh-CN' });
  const page = await openPage(context, `${baseUrl}/?form=complaint`);
  const uscc = page.locator('#qq-complainant-uscc');
  await uscc.waitFor();

  // Nothing is shown before the field is touched.
  assert.equal(await uscc.getAttribute('aria-invalid'), 'false');
  const label = page.locator('label[for="qq-complainant-uscc"]');
  assert.match(await label.textContent(), /统一社会信用代码/);

  // An invalid code: message after the debounce, linked by aria-describedby.
  await uscc.fill('91450100MA5K3R2B7X');
  await page.waitForFunction(() =>
    document.querySelector('qinqing-complaint-form').shadowRoot.querySelector('#qq-complainant-uscc').getAttribute('aria-invalid') === 'true');
  const describedBy = (await uscc.getAttribute('aria-describedby')).split(' ');
  assert.ok(describedBy.includes('qq-complainant-uscc-msg'));
  const message = await page.locator('#qq-complainant-uscc-msg').textContent();
  assert.match(message, /校验码/);

  // Fixed: the message goes.
  await uscc.fill(VALID_USCC);
  await uscc.blur();
  await page.waitForFunction(() =>
    document.querySelector('qinqing-complaint-form').shadowRoot.querySelector('#qq-complainant-uscc').getAttribute('aria-invalid') === 'false');
  assert.equal((await page.locator('#qq-complainant-uscc-msg').textContent()).trim(), '');

  // Submitting an incomplete form: summary with links, focus on the first error.
  await page.click('button[type=submit]');
  const summary = page.locator('.qq-summary');
  await summary.waitFor();
  assert.ok(await summary.locator('a').count() > 0);
  const focused = await page.evaluate(() => document.querySelector('qinqing-complaint-form').shadowRoot.activeElement?.id);
  assert.equal(focused, 'qq-complainant-kind');

  await fillComplaint(page);
  // The conduct helper suggests the category from the description.
  await page.locator('.qq-chip[data-conduct="apportionment"]').waitFor();

  // Valid: the deadline preview appears.
  const deadline = page.locator('.qq-deadline');
  await deadline.waitFor();
  assert.match(await deadline.textContent(), /书面答复期限/);
  assert.match(await deadline.getAttribute('data-due'), /^\d{4}-\d{2}-\d{2}$/);
  await page.locator('.qq-deadline details summary').click().catch(() => {});
  await page.screenshot({ path: path.join(screenshots, 'complaint-form.png'), fullPage: true });

  const before = await caseCount('complaint');
  await page.click('button[type=submit]');
  await page.waitForFunction(() =>
    document.querySelector('qinqing-complaint-form').shadowRoot.querySelector('.qq-status-sent'), null, { timeout: 10000 });
  const caseId = await page.locator('.qq-status').getAttribute('data-case-id');
  assert.ok(caseId && caseId.length > 0, 'a case number is shown');
  assert.match(await statusText(page), new RegExp(`案件编号：${caseId.replace(/[-]/g, '\\-')}`));
  assert.equal(await caseCount('complaint'), before + 1);
  await page.screenshot({ path: path.join(screenshots, 'complaint-sent.png'), fullPage: false });

  // Start again, type a little: the draft is saved on this device.
  await page.click('text=重新填写');
  await page.fill('#qq-complainant-uscc', VALID_USCC);
  await page.fill('#qq-remedy', '离线草稿：请退还款项');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('qinqing:draft:complaint')
    && localStorage.getItem(k).includes('离线草稿')));

  // Offline reload: the service worker serves the shell, the draft comes back.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await page.locator('#qq-remedy').waitFor();
  assert.equal(await page.locator('#qq-remedy').inputValue(), '离线草稿：请退还款项');
  assert.match(await statusText(page), /草稿/);

  // Submit while offline: queued, nothing reaches the server.
  await fillComplaint(page);
  await page.fill('#qq-complainant-uscc', VALID_USCC);
  await page.locator('.qq-deadline').waitFor();
  const beforeQueue = await caseCount('complaint');
  await page.click('button[type=submit]');
  await page.locator('.qq-status-queued').waitFor();
  assert.match(await statusText(page), /已排队/);
  assert.equal(await caseCount('complaint'), beforeQueue);
  const queued = await page.evaluate(() => JSON.parse(localStorage.getItem('qinqing:outbox') || '[]'));
  assert.equal(queued.length, 1);
  assert.match(queued[0].key, /^[0-9a-f-]{36}$/);

  // Back online: sent, exactly once, even after more online events and a reload.
  await context.setOffline(false);
  await page.locator('.qq-status-sent').waitFor({ timeout: 15000 });
  await page.evaluate(() => { window.dispatchEvent(new Event('online')); window.dispatchEvent(new Event('online')); });
  await page.waitForTimeout(1000);
  await page.reload();
  await page.locator('#qq-remedy').waitFor();
  await page.waitForTimeout(1000);
  assert.equal(await caseCount('complaint'), beforeQueue + 1, 'the queued complaint reached the server exactly once');
  assert.equal(await page.evaluate(() => localStorage.getItem('qinqing:outbox')), null);

  assert.deepEqual(page.problems, []);
  await context.close();
});

test('complaint: English switch re-renders labels and core messages in English', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${baseUrl}/?form=complaint`);
  await page.locator('#qq-complainant-uscc').waitFor();
  await page.click('.qq-lang');
  await page.locator('.qq-app[lang="en"]').waitFor();
  assert.match(await page.locator('label[for="qq-complainant-uscc"]').textContent(), /Unified social credit code/);
  await page.fill('#qq-complainant-uscc', '91450100MA5K3R2B7X');
  await page.locator('#qq-complainant-uscc').blur();
  await page.waitForFunction(() =>
    document.querySelector('qinqing-complaint-form').shadowRoot.querySelector('#qq-complainant-uscc').getAttribute('aria-invalid') === 'true');
  const message = await page.locator('#qq-complainant-uscc-msg').textContent();
  assert.doesNotMatch(message, /[\u4e00-\u9fff]/, 'the message is in English');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('complaint: a chosen file fills the attachment row with its metadata and SHA-256', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${baseUrl}/?form=complaint`);
  await page.locator('#qq-attachments-add').waitFor();
  await page.click('#qq-attachments-add');
  await page.setInputFiles('#qq-attachments-0-file', { name: '收据.pdf', mimeType: 'application/pdf', buffer: Buffer.from('hello') });
  await page.waitForFunction(() => document.querySelector('qinqing-complaint-form').shadowRoot
    .querySelector('#qq-attachments-0-sha256').value.length === 64);
  assert.equal(await page.locator('#qq-attachments-0-name').inputValue(), '收据.pdf');
  assert.equal(await page.locator('#qq-attachments-0-mediaType').inputValue(), 'application/pdf');
  assert.equal(await page.locator('#qq-attachments-0-sizeBytes').inputValue(), '5');
  assert.equal(await page.locator('#qq-attachments-0-sha256').inputValue(),
    '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
  // Only metadata is in the draft.
  const draft = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('qinqing:draft:complaint'))?.[1] ?? '');
  assert.match(draft, /2cf24dba/);
  assert.doesNotMatch(draft, /hello/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('complaint: a 422 from the server is shown on the fields it names ("被退回")', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${baseUrl}/?form=complaint`);
  await page.locator('#qq-complainant-uscc').waitFor();
  await fillComplaint(page);
  await page.fill('#qq-complainant-uscc', VALID_USCC);
  await page.locator('.qq-deadline').waitFor();
  let posts = 0;
  await page.route('**/api/complaints', async (route) => {
    posts += 1;
    assert.match(route.request().headers()['idempotency-key'] ?? '', /^[0-9a-f-]{36}$/);
    await route.fulfill({
      status: 422,
      contentType: 'application/json',
      body: JSON.stringify({ valid: false, priority: false, issues: [{
        code: 'server.example', severity: 'error', path: '/respondent/agency',
        message: '服务器退回：该单位名称不在名录中。', basis: '§八' }] }),
    });
  });
  await page.click('button[type=submit]');
  await page.locator('.qq-status-warn').waitFor();
  assert.match(await statusText(page), /被退回/);
  assert.equal(await page.locator('#qq-respondent-agency').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#qq-respondent-agency-msg').textContent(), /服务器退回/);
  assert.equal(posts, 1);
  // Rejected submissions leave the outbox; editing the field clears the server's message.
  assert.equal(await page.evaluate(() => localStorage.getItem('qinqing:outbox')), null);
  await page.fill('#qq-respondent-agency', '横州市市场监督管理局（城区分局）');
  await page.locator('#qq-respondent-agency').blur();
  await page.waitForFunction(() => document.querySelector('qinqing-complaint-form').shadowRoot
    .querySelector('#qq-respondent-agency').getAttribute('aria-invalid') === 'false');
  assert.deepEqual(page.problems, []);
  await context.close();
});
