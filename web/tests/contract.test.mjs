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

for (const [form, first] of [['contract', 'qq-project'], ['complaint', 'qq-complainant-kind']]) {
  test(`${form}: the first field exists once, and keeps its element and focus, while the other sections arrive`, async () => {
    // The form shows its first section first and the rest a task later. Every DOM change in
    // the form is watched from the start, and the first field is focused the moment it
    // exists (as a quick user would): it must never exist twice (an unkeyed section list
    // once patched the first section into the last one, its input shown there under the
    // first field's id), and it must stay the same element with the focus (a keyed list
    // spread among the form's other children once threw the first section away and built
    // it anew, which took the focus from someone already typing).
    const context = await browser.newContext({ locale: 'zh-CN' });
    await context.addInitScript(([tag, id]) => {
      window.__qqMost = 0;
      window.__qqFirst = null;
      // Watched from the moment the form's shadow root exists, before anything is in it.
      const attachShadow = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        const root = attachShadow.call(this, init);
        if (this.localName !== tag) return root;
        const look = () => {
          const found = root.querySelectorAll(`#${id}`);
          window.__qqMost = Math.max(window.__qqMost, found.length);
          if (window.__qqFirst === null && found.length > 0) {
            window.__qqFirst = found[0];
            found[0].focus();
            window.__qqSectionsAtFocus = root.querySelectorAll('fieldset.qq-section').length;
          }
        };
        new MutationObserver(look).observe(root, { subtree: true, childList: true, attributes: true });
        return root;
      };
    }, [`qinqing-${form}-form`, first]);
    const page = await openPage(context, `${baseUrl}/?form=${form}`);
    await page.waitForFunction((tag) =>
      document.querySelector(tag).shadowRoot.querySelectorAll('fieldset.qq-section').length > 1, `qinqing-${form}-form`);
    await page.waitForTimeout(200);
    const seen = await page.evaluate(([tag, id]) => {
      const root = document.querySelector(tag).shadowRoot;
      const field = root.querySelectorAll(`#${id}`);
      return {
        most: window.__qqMost,
        now: field.length,
        inFirstSection: field.length === 1
          && field[0].closest('fieldset') === root.querySelector('fieldset.qq-section'),
        focusedBeforeTheRest: window.__qqSectionsAtFocus === 1,
        sameElement: field[0] === window.__qqFirst,
        stillFocused: root.activeElement === window.__qqFirst,
      };
    }, [`qinqing-${form}-form`, first]);
    assert.deepEqual(seen, {
      most: 1, now: 1, inFirstSection: true, focusedBeforeTheRest: true, sameElement: true, stillFocused: true,
    });
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}

test('adding a row keeps the rows already there, and the focus in them', async () => {
  // A new row must not rebuild the rows before it: someone typing in one keeps the focus and
  // what the field holds (a keyed row list spread among the hint and the add button was once
  // diffed as an unkeyed list, and every row was thrown away and built anew).
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await openPage(context, `${baseUrl}/?form=contract`);
  const description = '在柳东新区供应工业用地200亩';
  await page.fill('#qq-commitments-0-description', description);
  await page.evaluate(() => {
    const root = document.querySelector('qinqing-contract-form').shadowRoot;
    window.__qqRow = root.querySelector('#qq-commitments-0-description');
    window.__qqRow.focus();
    // A click that leaves the focus where it is (a pointer click would move it to the button).
    root.querySelector('#qq-commitments-add').click();
  });
  await page.locator('#qq-commitments-1-description').waitFor();
  const seen = await page.evaluate(() => {
    const root = document.querySelector('qinqing-contract-form').shadowRoot;
    const field = root.querySelector('#qq-commitments-0-description');
    return { sameElement: field === window.__qqRow, stillFocused: root.activeElement === field, value: field.value };
  });
  assert.deepEqual(seen, { sameElement: true, stillFocused: true, value: description });
  assert.deepEqual(page.problems, []);
  await context.close();
});
