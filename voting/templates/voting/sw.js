// The station tablet's service worker: the app shell and pictures come from the cache, so
// the station keeps working when the Wi-Fi drops. The API is never cached: votes wait in
// IndexedDB (tablet/store.js) until the network is back.
const SHELL = {{ shell_json|safe }};
const SHELL_CACHE = "{{ cache_name }}";
const PICTURE_CACHE = "tablet-pictures-1";

self.addEventListener("install", (event) => {
    event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
    event.waitUntil(
        caches.keys()
            .then((names) => Promise.all(
                names.filter((name) => name !== SHELL_CACHE && name !== PICTURE_CACHE).map((name) => caches.delete(name))
            ))
            .then(() => self.clients.claim())
    );
});

self.addEventListener("fetch", (event) => {
    const request = event.request;
    const url = new URL(request.url);
    if (request.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith("/api/")) {
        return;
    }
    if (SHELL.includes(url.pathname)) {
        // Network first for the shell so a new release shows at once; the cache when offline.
        event.respondWith(
            fetch(request)
                .then((response) => {
                    if (response.ok) {
                        const copy = response.clone();
                        caches.open(SHELL_CACHE).then((cache) => cache.put(url.pathname, copy));
                    }
                    return response;
                })
                .catch(() => caches.match(url.pathname))
        );
        return;
    }
    if (request.destination === "image") {
        event.respondWith(
            caches.match(request).then((cached) => cached || fetch(request).then((response) => {
                if (response.ok) {
                    const copy = response.clone();
                    caches.open(PICTURE_CACHE).then((cache) => cache.put(request, copy));
                }
                return response;
            }))
        );
    }
});
