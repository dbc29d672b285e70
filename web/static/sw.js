// Service worker: keeps the app shell (page, scripts, WebAssembly) so a reload works with no
// connection. API calls always go to the network; the forms queue submissions themselves.
// Its scope is its own folder: host it next to qinqing-forms.js (see web/README.md).
const VERSION = '__QINQING_VERSION__';
const CACHE = `qinqing-shell-${VERSION}`;
const SHELL = ['./', './index.html', './index.css', './index.js', './qinqing-forms.js', './qinqing_web_bg.wasm'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('qinqing-shell-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.includes('/api/')) return;
  if (request.mode === 'navigate') {
    // Fresh page when online, the cached one when not.
    event.respondWith(
      fetch(request).catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit || caches.match('./index.html'))),
    );
    return;
  }
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
});
