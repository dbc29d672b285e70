// Where the start-up time goes (BENCHMARKS.md "Web forms"): for N cold loads of the
// stand-alone page (fresh browser context, no service worker), the moment each file arrived
// (resource timing), the shim's marks (`qinqing:load`: the module ran; `qinqing:wasm-ready`:
// compiled and instantiated; `qinqing:mounted:complaint`: `mountForm` returned) and the first
// input in the form's shadow root ("interactive": `input` timed in the page, see
// support.mjs watchFirstInput; `seen` the clock read by the harness after its polling found
// the input, the older figure), in ms from navigationStart.
//
// With several servers it alternates between them load by load (A B, B A, A B, ...: the load
// right after another one was measured to be slower, so the order flips each round), with a
// pause after each load, so two builds are compared under the same machine load:
//
//   node web/tests/startup.mjs 15                                  (QINQING_WEB_URL's server)
//   node web/tests/startup.mjs 15 http://127.0.0.1:18731 http://127.0.0.1:18732
import { launch, baseUrl, watchFirstInput } from './support.mjs';

const n = Number(process.argv[2] || 7);
const urls = process.argv.length > 3 ? process.argv.slice(3) : [baseUrl];
const browser = await launch();
const rows = new Map(urls.map((url) => [url, []]));
const pause = () => new Promise((resolve) => setTimeout(resolve, 300));
for (let i = 0; i < n; i++) {
  for (const url of i % 2 ? [...urls].reverse() : urls) {
    await pause();
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await watchFirstInput(context);
    const page = await context.newPage();
    await page.goto(`${url}/?form=complaint`);
    await page.waitForFunction(() => document.querySelector('qinqing-complaint-form')?.shadowRoot?.querySelector('input'));
    rows.get(url).push(await page.evaluate(() => {
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
      const file = (end) => performance.getEntriesByType('resource').find((r) => r.name.endsWith(end))?.responseEnd;
      return {
        html: performance.getEntriesByType('navigation')[0]?.responseEnd,
        js: file('qinqing-forms.js'),
        wasm: file('.wasm'),
        load: at('qinqing:load'),
        ready: at('qinqing:wasm-ready'),
        mounted: at('qinqing:mounted:complaint'),
        input: window.qqFirstInput,
        seen: performance.now(),
      };
    }));
    await context.close();
  }
}
await browser.close();
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
for (const [url, list] of rows) {
  const keys = Object.keys(list[0]);
  console.log(`${url} (${list.length} loads)\n${keys.join('\t')}`);
  for (const row of list) console.log(keys.map((k) => row[k]?.toFixed(0) ?? '-').join('\t'));
  console.log(`${keys.map((k) => median(list.map((r) => r[k] ?? NaN)).toFixed(0)).join('\t')}\tmedian`);
  for (const key of ['input', 'seen']) {
    const xs = list.map((r) => r[key]);
    console.log(`interactive (${key}): median ${median(xs).toFixed(0)} ms, min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}`);
  }
  console.log('');
}
