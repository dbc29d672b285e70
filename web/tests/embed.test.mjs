// The portal example: the form renders inside a shadow root, the portal's heavy CSS does not
// reach it, and its CSS does not reach the portal. Also mount() from script.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, openPage, baseUrl, screenshots } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('portal: the embedded form lives in a shadow root and styles do not leak', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await openPage(context, `${baseUrl}/examples/portal.html`);
  await page.locator('#qq-complainant-uscc').waitFor();
  const facts = await page.evaluate(() => {
    const host = document.querySelector('qinqing-complaint-form');
    const root = host.shadowRoot;
    const input = root.querySelector('#qq-complainant-uscc');
    const style = getComputedStyle(input);
    const portalP = document.querySelector('.content > p:not(.crumb)');
    return {
      inShadow: !!root && !!root.querySelector('form') && document.querySelector('#qq-complainant-uscc') === null,
      borderStyle: style.borderTopStyle,
      background: style.backgroundColor,
      labelTransform: getComputedStyle(root.querySelector('label')).textTransform,
      labelFont: getComputedStyle(root.querySelector('label')).fontFamily,
      portalColor: getComputedStyle(portalP).color,
      portalHasOurClass: document.querySelectorAll('.qq-app').length,
      lang: root.querySelector('.qq-app').getAttribute('lang'),
    };
  });
  assert.equal(facts.inShadow, true);
  assert.notEqual(facts.borderStyle, 'dashed', "the portal's input rule does not reach the form");
  assert.notEqual(facts.background, 'rgb(255, 255, 0)');
  assert.equal(facts.labelTransform, 'none');
  assert.doesNotMatch(facts.labelFont, /SimSun/, "the portal's font does not reach the form by inheritance");
  assert.equal(facts.portalColor, 'rgb(128, 0, 128)', "the portal's own styles still apply to the portal");
  assert.equal(facts.portalHasOurClass, 0);
  assert.equal(facts.lang, 'zh-CN');

  // The host's lang attribute switches the form's language.
  await page.evaluate(() => document.querySelector('qinqing-complaint-form').setAttribute('lang', 'en'));
  await page.locator('.qq-app[lang="en"]').waitFor();
  await page.screenshot({ path: path.join(screenshots, 'portal-embedded.png'), fullPage: false });
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('mount(element, options) renders a contract form into any element', async () => {
  const context = await browser.newContext();
  const page = await openPage(context, `${baseUrl}/examples/portal.html`);
  await page.locator('#qq-complainant-uscc').waitFor();
  await page.evaluate(async () => {
    const { mount } = await import('/qinqing-forms.js');
    const div = document.createElement('div');
    div.id = 'mounted';
    document.body.append(div);
    window.mounted = await mount(div, { kind: 'contract', endpoint: '/api/contracts', lang: 'en' });
  });
  const title = await page.evaluate(() => document.querySelector('#mounted').shadowRoot.querySelector('h2').textContent);
  assert.match(title, /investment commitments/);
  await page.evaluate(() => window.mounted.destroy());
  assert.equal(await page.evaluate(() => document.querySelector('#mounted').shadowRoot.childElementCount), 0);
  assert.deepEqual(page.problems, []);
  await context.close();
});
