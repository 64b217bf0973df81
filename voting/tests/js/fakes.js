// In-memory stand-ins for the tablet's IndexedDB stores (store.js offers the same interface).
export function fakeStores() {
    const rows = new Map();
    const meta = new Map();
    return {
        rows,
        meta: {
            get: async (key) => meta.get(key),
            set: async (key, value) => { meta.set(key, value); },
        },
        queue: {
            add: async (item) => {
                if (rows.has(item.client_id)) throw new Error("ConstraintError");
                rows.set(item.client_id, structuredClone(item));
            },
            put: async (items) => items.forEach((item) => rows.set(item.client_id, structuredClone(item))),
            all: async () => [...rows.values()].map((item) => structuredClone(item)),
            count: async () => rows.size,
            remove: async (ids) => ids.forEach((id) => rows.delete(id)),
        },
    };
}

export class HttpError extends Error {
    constructor(status, body) {
        super(body.message || "refused");
        this.status = status;
        this.body = body;
    }
}
