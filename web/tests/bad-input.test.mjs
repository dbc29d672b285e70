// Hostile and odd input: HTML/script, emoji, RTL, full-width digits, a pasted megabyte.
// Shown as plain text, validated, never executed, never a crash.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, baseUrl } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('hostile input is inert text and the form keeps working', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${baseUrl}/?form=complaint`);
  await page.locator('#qq-complainant-uscc').waitFor();
  const script = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
  await page.fill('#qq-complainant-name', script);
  await page.fill('#qq-complainant-uscc', `${script}😀`);
  await page.fill('#qq-respondent-agency', 'مرحبا بالعالم \u202e abc');
  await page.fill('#qq-complainant-contact-phone', '１３８７７１１２３４５');
  await page.fill('#qq-conduct-amountFen', '１２３．４５');
  const huge = '强制摊派'.repeat(250_000); // a megabyte of text
  await page.locator('#qq-conduct-description').evaluate((el, text) => {
    el.value = text;
    el.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, huge);
  await page.locator('#qq-conduct-description').blur();
  await page.click('button[type=submit]');
  await page.locator('.qq-summary').waitFor();

  const facts = await page.evaluate(() => {
    const root = document.querySelector('qinqing-complaint-form').shadowRoot;
    return {
      images: root.querySelectorAll('img').length + document.querySelectorAll('body > img').length,
      scripts: root.querySelectorAll('script').length,
      name: root.querySelector('#qq-complainant-name').value,
      usccInvalid: root.querySelector('#qq-complainant-uscc').getAttribute('aria-invalid'),
      descriptionLength: root.querySelector('#qq-conduct-description').value.length,
    };
  });
  assert.equal(facts.images, 0);
  assert.equal(facts.scripts, 0);
  assert.equal(facts.name, script);
  assert.equal(facts.usccInvalid, 'true');
  assert.equal(facts.descriptionLength, huge.length);
  assert.match(await page.locator('#qq-conduct-description-msg').textContent(), /\S/, 'the overlong description is flagged');
  // Still alive: typing still validates.
  await page.fill('#qq-complainant-uscc', '91450100MA5K3R2B7K');
  await page.locator('#qq-complainant-uscc').blur();
  await page.waitForFunction(() =>
    document.querySelector('qinqing-complaint-form').shadowRoot.querySelector('#qq-complainant-uscc').getAttribute('aria-invalid') === 'false');
  assert.deepEqual(page.problems, []);
  await context.close();
});
