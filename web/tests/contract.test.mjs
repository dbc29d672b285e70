// The commitment-contract form end to end: repeatable rows, a §九 warning path, submission.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, openPage, baseUrl, caseCount, fillContract, screenshots } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('contract: rows, validation and submission with a case number', async () => {
  const context = await browser.newContext({ viewport: { width: 900, height: 1000 }, locale: 'zh-CN' });
  const page = await openPage(context, `${baseUrl}/?form=contract`);
  await page.locator('#qq-project').waitFor();

  // An invalid investor USCC is flagged on blur.
  await page.fill('#qq-investor-uscc', '91450200MA5N7T6D9X');
  await page.locator('#qq-investor-uscc').blur();
  await page.waitForFunction(() =>
    document.querySelector('qinqing-contract-form').shadowRoot.querySelector('#qq-investor-uscc').getAttribute('aria-invalid') === 'true');

  await fillContract(page);
  // Rows: add a second commitment and remove it again.
  await page.click('#qq-commitments-add');
  await page.locator('#qq-commitments-1-description').waitFor();
  await page.click('#qq-commitments-1 button.qq-secondary');
  assert.equal(await page.locator('#qq-commitments-1-description').count(), 0);
  assert.equal(await page.locator('#qq-investor-uscc').getAttribute('aria-invalid'), 'false');

  // The change section: a leadership change as the reason for termination.
  await page.selectOption('#qq-change-kind', 'termination');
  await page.selectOption('#qq-change-initiatedBy', 'government');
  await page.selectOption('#qq-change-reason', 'leadershipChange');
  await page.selectOption('#qq-change-negotiated', 'false');
  await page.fill('#qq-change-investorLossFen', '１２００００.５');
  await page.screenshot({ path: path.join(screenshots, 'contract-form.png'), fullPage: true });

  // §九: a change of leaders is no reason to break a commitment, and a loss needs compensation.
  const before = await caseCount('contract');
  await page.click('button[type=submit]');
  const summary = page.locator('.qq-summary');
  await summary.waitFor();
  assert.match(await summary.textContent(), /领导人员更替/);
  assert.equal(await page.locator('#qq-change-reason').getAttribute('aria-invalid'), 'true');
  await page.screenshot({ path: path.join(screenshots, 'contract-errors.png'), fullPage: true });
  // The summary link moves focus to the field.
  await summary.locator('a').first().click();
  assert.equal(await page.evaluate(() => document.querySelector('qinqing-contract-form').shadowRoot.activeElement?.id), 'qq-change-reason');

  await page.selectOption('#qq-change-reason', 'mutualAgreement');
  await page.selectOption('#qq-change-initiatedBy', 'both');
  await page.selectOption('#qq-change-negotiated', 'true');
  await page.fill('#qq-change-compensationFen', '120000.50');
  await page.click('button[type=submit]');
  await page.locator('.qq-status-sent').waitFor({ timeout: 10000 });
  const caseId = await page.locator('.qq-status').getAttribute('data-case-id');
  assert.ok(caseId && caseId.length > 0);
  assert.equal(await caseCount('contract'), before + 1);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the project field exists once while the other sections arrive', async () => {
  // The form shows its first section first and the rest a task later. Every DOM change in
  // the form is watched from the start: the project field must never exist twice (an
  // unkeyed section list once patched the first section into the last one, its input
  // shown there under the project field's id until the field's own update ran).
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.addInitScript(() => {
    window.__qqMost = 0;
    const watch = () => {
      const root = document.querySelector('qinqing-contract-form')?.shadowRoot;
      if (!root) { setTimeout(watch, 0); return; }
      const look = () => {
        window.__qqMost = Math.max(window.__qqMost, root.querySelectorAll('#qq-project').length);
      };
      look();
      new MutationObserver(look).observe(root, { subtree: true, childList: true, attributes: true });
    };
    watch();
  });
  const page = await openPage(context, `${baseUrl}/?form=contract`);
  await page.waitForFunction(() =>
    document.querySelector('qinqing-contract-form').shadowRoot.querySelectorAll('fieldset.qq-section').length > 1);
  await page.waitForTimeout(200);
  const seen = await page.evaluate(() => {
    const root = document.querySelector('qinqing-contract-form').shadowRoot;
    const project = root.querySelectorAll('#qq-project');
    return {
      most: window.__qqMost,
      now: project.length,
      inFirstSection: project.length === 1
        && project[0].closest('fieldset') === root.querySelector('fieldset.qq-section'),
    };
  });
  assert.deepEqual(seen, { most: 1, now: 1, inFirstSection: true });
  assert.deepEqual(page.problems, []);
  await context.close();
});
