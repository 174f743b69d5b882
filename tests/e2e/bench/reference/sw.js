// The reference page's worker: keeps the page at install and answers from its cache, as the
// app's own worker does for a repeat visit (static/sw.template.js), with nothing else.
self.addEventListener("install", (event) => {
  event.waitUntil(caches.open("reference").then((cache) => cache.add("./")).then(() => self.skipWaiting()));
});
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));
self.addEventListener("fetch", (event) => {
  event.respondWith(caches.match(event.request).then((cached) => cached || fetch(event.request)));
});
