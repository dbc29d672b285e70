// Shared helpers of the browser tests: Debian's Chromium through playwright-core, the URL of
// the running server (scripts/test-web starts it and sets QINQING_WEB_URL), and form filling.
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '../..');
const require = createRequire(path.join(repo, 'tools/package.json'));
const { chromium } = require('playwright-core');

export const baseUrl = (process.env.QINQING_WEB_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
export const screenshots = path.join(repo, 'artifacts/screenshots');
mkdirSync(screenshots, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
}

/** A page that fails the test on any script error or dialog (a dialog means injected script ran). */
export async function openPage(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('dialog', async (dialog) => { problems.push(`dialog: ${dialog.message()}`); await dialog.dismiss(); });
  page.problems = problems;
  await page.goto(url);
  return page;
}

export async function caseCount(kind) {
  const response = await fetch(`${baseUrl}/api/cases`);
  const body = await response.json();
  return body.cases.filter((c) => !kind || c.kind === kind).length;
}

/** The China date (UTC+8) now, as YYYY-MM-DD. */
export function chinaToday() {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** A date `days` before today in China. */
export function chinaDaysAgo(days) {
  return new Date(Date.now() + 8 * 3600 * 1000 - days * 86400 * 1000).toISOString().slice(0, 10);
}

export const VALID_USCC = '91450100MA5K3R2B7K';

/** Fills every complaint field with valid values (the USCC is left to the caller). */
export async function fillComplaint(page, { description } = {}) {
  await page.selectOption('#qq-complainant-kind', 'enterprise');
  await page.fill('#qq-complainant-name', '广西南宁绿源科技有限公司');
  await page.fill('#qq-complainant-contact-name', '李明');
  await page.fill('#qq-complainant-contact-phone', '138 7711 2345');
  await page.fill('#qq-complainant-contact-email', 'li.ming@lvyuan.example.com');
  await page.fill('#qq-respondent-agency', '横州市市场监督管理局');
  await page.fill('#qq-respondent-divisionCode', '450181');
  await page.selectOption('#qq-respondent-level', 'county');
  await page.fill('#qq-conduct-description', description
    ?? '横州市市场监督管理局一名工作人员到我公司，以“节日慰问”为名向我公司摊派费用五千元，称不交就影响年度检查。');
  await page.selectOption('#qq-conduct-category', 'apportionment');
  await page.fill('#qq-conduct-occurredOn', chinaDaysAgo(10));
  await page.fill('#qq-conduct-amountFen', '5,000');
  await page.fill('#qq-remedy', '退还摊派款项，并对相关人员依规处理');
}

export async function fillContract(page) {
  await page.fill('#qq-project', '柳州市新材料产业园项目');
  await page.fill('#qq-investor-name', '广西柳州华新材料有限公司');
  await page.fill('#qq-investor-uscc', '91450200MA5N7T6D9M');
  await page.fill('#qq-investor-contact-name', '王芳');
  await page.fill('#qq-investor-contact-phone', '0772-2881234');
  await page.fill('#qq-authority-agency', '柳州市人民政府');
  await page.fill('#qq-authority-divisionCode', '450200');
  await page.selectOption('#qq-authority-level', 'city');
  await page.fill('#qq-writtenForm-documentNo', '柳政函〔2024〕12号');
  await page.fill('#qq-writtenForm-signedOn', '2024-03-15');
  await page.selectOption('#qq-commitments-0-kind', 'landSupply');
  await page.fill('#qq-commitments-0-description', '在柳东新区供应工业用地200亩，2025年6月30日前交付');
  await page.fill('#qq-commitments-0-amountFen', '0');
  await page.fill('#qq-commitments-0-dueOn', '2025-06-30');
  await page.click('#qq-investorObligations-add');
  await page.fill('#qq-investorObligations-0-description', '项目投产后三年内实现年产值不低于5亿元');
}

/** The text of the status bar (role=status inside the form's shadow root). */
export async function statusText(page) {
  return (await page.locator('.qq-status').textContent()) ?? '';
}

/**
 * Records in the page, as `window.qqFirstInput`, the moment (ms from navigationStart) the
 * first <input> appears in any shadow root: a MutationObserver on each shadow root as it is
 * attached. Timing it in the page leaves out the test harness's own latency (a polling
 * `waitForFunction` only starts after `page.goto` has seen the load event, then needs
 * DevTools round trips: 150–400 ms more on the loaded 2-core machine).
 */
export async function watchFirstInput(context) {
  await context.addInitScript(() => {
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function attachShadow(init) {
      const root = attach.call(this, init);
      const observer = new MutationObserver(() => {
        if (root.querySelector('input')) {
          window.qqFirstInput ??= performance.now();
          observer.disconnect();
        }
      });
      observer.observe(root, { childList: true, subtree: true });
      return root;
    };
  });
}
