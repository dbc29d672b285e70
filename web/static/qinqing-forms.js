// qinqing forms: custom elements and mount() for embedding in any page.
//
//   <script type="module" src="/qinqing/qinqing-forms.js"></script>
//   <qinqing-complaint-form endpoint="/api/complaints" lang="zh-CN"></qinqing-complaint-form>
//   <qinqing-contract-form endpoint="/api/contracts"></qinqing-contract-form>
//
// or from script:  import { mount } from '/qinqing/qinqing-forms.js';
//                  const form = await mount(element, { kind: 'complaint', endpoint: '/api/complaints', lang: 'en' });
//
// Each form renders into an open shadow root with its own stylesheet, so the page's CSS and
// ours never meet. Needs `script-src 'wasm-unsafe-eval'` in a Content-Security-Policy.
// scripts/build-web bundles this file and the wasm-bindgen glue it imports into one minified
// module (web/dist/qinqing-forms.js), so a page loads two files: this and the .wasm.
import init, { mountForm, validateJson, timeValidation } from './qinqing_web.js';

const base = new URL('.', import.meta.url);
// Replaced by scripts/build-web with the contents of qinqing-forms.css.
const CSS = "/*__QINQING_CSS__*/";
let ready = null;
let sheet = null;

/** Loads and compiles the WebAssembly once per page. */
export function load() {
  performance.mark?.('qinqing:load');
  ready ??= init({ module_or_path: new URL('qinqing_web_bg.wasm', base) }).then(() => {
    performance.mark?.('qinqing:wasm-ready');
    // Hooks for tests and benchmarks: the core as the forms run it.
    window.qinqingValidateJson = validateJson;
    window.qinqingTimeValidation = timeValidation;
  });
  return ready;
}

function styles(root) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = CSS;
    root.append(style);
  }
}

/**
 * Mounts a form into `element` (inside a shadow root attached to it).
 * options: { kind: 'complaint' | 'contract', endpoint, lang }
 * Returns { setLang(tag), destroy() }.
 */
export async function mount(element, options = {}) {
  await load();
  const kind = options.kind === 'contract' ? 'contract' : 'complaint';
  const endpoint = options.endpoint || (kind === 'contract' ? '/api/contracts' : '/api/complaints');
  const root = element.shadowRoot || element.attachShadow({ mode: 'open' });
  root.replaceChildren();
  styles(root);
  const host = document.createElement('div');
  host.className = 'qq-host';
  root.append(host);
  const handle = mountForm(host, kind, endpoint, options.lang || 'zh-CN');
  performance.mark?.(`qinqing:mounted:${kind}`);
  return {
    setLang(tag) { handle.setLang(tag || 'zh-CN'); },
    destroy() { handle.destroy(); root.replaceChildren(); },
  };
}

class QinqingForm extends HTMLElement {
  static observedAttributes = ['lang'];

  async connectedCallback() {
    if (this._form || this._mounting) return;
    this._mounting = true;
    try {
      this._form = await mount(this, {
        kind: this.constructor.kind,
        endpoint: this.getAttribute('endpoint'),
        lang: this.getAttribute('lang'),
      });
      this.dispatchEvent(new CustomEvent('qinqing-ready', { bubbles: true }));
    } catch (error) {
      console.error('qinqing form failed to load', error);
    } finally {
      this._mounting = false;
    }
  }

  disconnectedCallback() {
    this._form?.destroy();
    this._form = null;
  }

  attributeChangedCallback(name, _old, value) {
    if (name === 'lang') this._form?.setLang(value);
  }
}

class ComplaintForm extends QinqingForm { static kind = 'complaint'; }
class ContractForm extends QinqingForm { static kind = 'contract'; }

if (!customElements.get('qinqing-complaint-form')) customElements.define('qinqing-complaint-form', ComplaintForm);
if (!customElements.get('qinqing-contract-form')) customElements.define('qinqing-contract-form', ContractForm);
