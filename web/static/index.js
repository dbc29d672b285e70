// The stand-alone page: shows the form named by ?form= and installs the offline worker.
const kind = new URLSearchParams(location.search).get('form') === 'contract' ? 'contract' : 'complaint';
const form = document.createElement(kind === 'contract' ? 'qinqing-contract-form' : 'qinqing-complaint-form');
form.setAttribute('endpoint', kind === 'contract' ? '/api/contracts' : '/api/complaints');
form.setAttribute('lang', document.documentElement.lang || 'zh-CN');
document.getElementById('main').append(form);
document.getElementById(`tab-${kind}`)?.setAttribute('aria-current', 'page');
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch((error) => console.warn('offline cache unavailable', error));
}
