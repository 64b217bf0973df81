/* The tablet's IndexedDB: "queue" holds votes waiting to sync (sealed when the election has a
   ballot box), "meta" the cached bundle, counter and offline bookkeeping. Both stores offer
   the small promise interface queue.js and sync.js are written (and unit-tested) against. */

const DATABASE = "tavabalss-tablet";

function openDatabase(indexedDB) {
    return new Promise((resolve, reject) => {
        const request = indexedDB.open(DATABASE, 1);
        request.onupgradeneeded = () => {
            request.result.createObjectStore("queue", { keyPath: "client_id" });
            request.result.createObjectStore("meta");
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
    });
}

export function openStores(indexedDB = globalThis.indexedDB) {
    const database = openDatabase(indexedDB);
    // One transaction per call; resolves once it is committed, with the request's result.
    const run = (name, mode, work) => database.then((db) => new Promise((resolve, reject) => {
        const transaction = db.transaction(name, mode);
        const result = work(transaction.objectStore(name));
        transaction.oncomplete = () => resolve(result && "result" in result ? result.result : result);
        transaction.onerror = () => reject(transaction.error);
    }));
    return {
        meta: {
            get: (key) => run("meta", "readonly", (s) => s.get(key)),
            set: (key, value) => run("meta", "readwrite", (s) => s.put(value, key)),
        },
        queue: {
            add: (item) => run("queue", "readwrite", (s) => s.add(item)),
            put: (items) => run("queue", "readwrite", (s) => items.forEach((item) => s.put(item))),
            all: () => run("queue", "readonly", (s) => s.getAll()),
            count: () => run("queue", "readonly", (s) => s.count()),
            remove: (ids) => run("queue", "readwrite", (s) => ids.forEach((id) => s.delete(id))),
        },
    };
}
