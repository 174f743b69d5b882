// Caseboard's service worker: keeps the built app (every file of one build) so that it opens at
// once on a repeat visit and with no network at all. Written into the build by
// scripts/finish-build.mjs, which fills in the build's files and a version drawn from their
// contents. It never touches the fan's boards (they live in localStorage, which a worker cannot
// reach) and never swaps versions under a fan's hands: a new build waits until the page asks
// for it ("A new version is ready — Reload").

const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = `caseboard-${VERSION}`;

self.addEventListener("install", (event) => {
  // Checked with the server rather than taken on trust from the HTTP cache, yet not downloaded
  // twice: the files the page has just loaded come back as 304s. A build is kept whole or not
  // at all; if any file fails, this worker is not installed and the app keeps working from the
  // network.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: "no-cache" })))));
});

self.addEventListener("activate", (event) => {
  // Older builds' caches go, so a stale build cannot outlive the one that replaced it.
  const stale = (key) => key.startsWith("caseboard-") && key !== CACHE;
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter(stale).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // The app's page, asked for by its address (a share link's #board= never reaches the
      // server); any other page of the site goes to the network as before.
      const scope = new URL(self.registration.scope).pathname;
      const path = new URL(request.url).pathname;
      const page = path === scope || path === `${scope}index.html`;
      const kept = page ? await cache.match("./") : await cache.match(request);
      return kept ?? fetch(request);
    })(),
  );
});
