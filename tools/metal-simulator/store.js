'use strict';

const { RESOURCES, RESOURCE_NAMES } = require('./resources');
const { rankMatches } = require('./search');

// In-memory records of the one organization the simulator pretends to serve, one collection per
// resource, in the order they were stored. Callers get copies, so a test that edits a returned
// object cannot change what the API answers next. Ids are kept in lower case and looked up without
// regard to case, as an ObjectId is.

function createStore({ now = () => new Date() }) {
	let collections;

	function clear() {
		collections = new Map(RESOURCE_NAMES.map((name) => [name, new Map()]));
	}
	clear();

	function collection(resource) {
		const found = collections.get(resource);
		if (!found) throw new TypeError(`metal-simulator: unknown resource "${resource}"`);
		return found;
	}

	function entry(resource, id) {
		return typeof id === 'string' ? collection(resource).get(id.toLowerCase()) : undefined;
	}

	/** Puts createdAt and updatedAt last, as in Metal's objects, for resources that have them. */
	function stamped(resource, fields, createdAt, updatedAt) {
		if (!RESOURCES[resource].timestamps) return fields;
		const { createdAt: _created, updatedAt: _updated, ...rest } = fields;
		return { ...rest, createdAt, updatedAt };
	}

	return {
		/** Stores a record under `id` (lower-cased; must be new); returns a copy. */
		add(resource, id, fields) {
			const key = id.toLowerCase();
			if (collection(resource).has(key)) {
				throw new TypeError(`metal-simulator: ${resource} already holds id ${key}`);
			}
			const timestamp = now().toISOString();
			// A copy: the caller's objects must not reach into the store.
			const { id: _ignored, ...rest } = structuredClone(fields);
			// A seed may bring its own timestamps; one created in the past was last updated then.
			const createdAt = rest.createdAt ?? timestamp;
			const record = stamped(
				resource,
				{ id: key, ...rest },
				createdAt,
				rest.updatedAt ?? createdAt,
			);
			collection(resource).set(key, { record });
			return structuredClone(record);
		},

		get(resource, id) {
			const found = entry(resource, id);
			return found ? structuredClone(found.record) : undefined;
		},

		/**
		 * Sets the given fields (replacing nested values whole), refreshes updatedAt where the
		 * resource has one (unless `changes` sets it), and returns a copy; undefined if no such id.
		 */
		change(resource, id, changes) {
			const found = entry(resource, id);
			if (!found) return undefined;
			const { id: _ignored, ...rest } = structuredClone(changes);
			const merged = { ...found.record, ...rest };
			found.record = stamped(
				resource,
				merged,
				merged.createdAt,
				rest.updatedAt ?? now().toISOString(),
			);
			return structuredClone(found.record);
		},

		remove(resource, id) {
			const found = entry(resource, id);
			return found ? collection(resource).delete(found.record.id) : false;
		},

		/** A copy of the first record (in the order stored) that `accepts`, or undefined. */
		find(resource, accepts) {
			for (const { record } of collection(resource).values()) {
				if (accepts(record)) return structuredClone(record);
			}
			return undefined;
		},

		/** Every record of a resource, in the order stored (oldest first). */
		all(resource) {
			return [...collection(resource).values()].map((stored) => structuredClone(stored.record));
		},

		/** Copies of the records `keep` accepts (every one by default), newest id first. */
		newestFirst(resource, keep = () => true) {
			return [...collection(resource).values()]
				.map((stored) => stored.record)
				.filter((record) => keep(record))
				.sort((a, b) => (a.id < b.id ? 1 : -1))
				.map((record) => structuredClone(record));
		},

		/**
		 * One page of a list endpoint: ids below `lt` (when given), sorted by id in `direction`,
		 * then page `page` of `limit` records. Like Metal's lists: no totals.
		 */
		list(resource, { lt, page, limit, direction }) {
			const records = [...collection(resource).values()]
				.map((stored) => stored.record)
				.filter((record) => lt === undefined || record.id < lt)
				.sort((a, b) => (a.id < b.id ? -1 : 1));
			if (direction === 'desc') records.reverse();
			const offset = (page - 1) * limit;
			return records.slice(offset, offset + limit).map((record) => structuredClone(record));
		},

		/**
		 * One page of a search: the records matching `query`, ranked as search.js says, then page
		 * `page` of `limit` records (the limit already capped by the caller), with totals.
		 */
		search(resource, { query, page, limit, starMatchesAll }) {
			const { searchFields: fields, searchBy: by } = RESOURCES[resource];
			const records = [...collection(resource).values()].map((stored) => stored.record);
			const hits = rankMatches(records, { query, fields, by, starMatchesAll });
			const offset = (page - 1) * limit;
			return {
				data: hits.slice(offset, offset + limit).map((record) => structuredClone(record)),
				metadata: {
					page,
					limit,
					totalCount: hits.length,
					totalPages: Math.ceil(hits.length / limit),
				},
			};
		},

		clear,
	};
}

module.exports = { createStore };
