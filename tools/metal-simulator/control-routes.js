'use strict';

const { isObjectId } = require('./object-id');
const { RESOURCES, RESOURCE_NAMES } = require('./resources');
const { validate } = require('./schemas');

// SIMULATOR-ONLY: no such thing exists on api.metal.ai. The same operations serve the JS handle
// (simulator.seed(...)) and the /_sim routes, so a test in this process and a script in another
// one (or n8n's e2e harness) can put records in place, change them while n8n polls, delete them
// and look at what the API stored. Control requests need no auth and bypass latency, trickle,
// redirects, rate limiting, faults and the request log.

const CONTROL_PREFIX = '/_sim';

/** A control call that cannot be done; `status` is what the /_sim route answers. */
class ControlError extends Error {
	constructor(status, message) {
		super(`metal-simulator: ${message}`);
		this.status = status;
	}
}

function isPlainObject(value) {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The records behind the handle's and the routes' control operations. */
function createControl({ store, runs, nextId, config }) {
	function known(resource) {
		if (!RESOURCE_NAMES.includes(resource)) {
			throw new ControlError(
				404,
				`unknown resource "${resource}" (one of ${RESOURCE_NAMES.join(', ')})`,
			);
		}
	}

	/** Checks a resource's own seed schema (workflows), if it has one. */
	function checkFields(resource, fields) {
		const schema = RESOURCES[resource].seedSchema;
		if (!schema) return;
		const { error } = validate(schema, fields, config);
		if (error !== undefined) throw new ControlError(400, `invalid ${resource} record: ${error}`);
	}

	function planIds(resource, records) {
		const taken = new Set();
		return records.map((record, index) => {
			if (!isPlainObject(record)) throw new ControlError(400, `record ${index} is not an object`);
			checkFields(resource, record);
			let { id } = record;
			if (id === undefined) {
				// A seed dated in the past gets an id of that time, as Metal's would be.
				const time = Date.parse(record.createdAt);
				id = nextId(Number.isNaN(time) ? undefined : time);
			}
			if (!isObjectId(id)) {
				throw new ControlError(400, `record ${index}: id must be 24 hexadecimal characters`);
			}
			const key = id.toLowerCase();
			if (taken.has(key) || store.get(resource, key)) {
				throw new ControlError(400, `record ${index}: ${resource} already holds id ${key}`);
			}
			taken.add(key);
			return key;
		});
	}

	return {
		/**
		 * Stores one record (an object) or several (an array) as given, with an id (given, or new)
		 * and, where the resource has them, createdAt/updatedAt (given, or now). All or nothing.
		 */
		seed(resource, input) {
			known(resource);
			if (RESOURCES[resource].seedable === false) {
				throw new ControlError(
					400,
					`${resource} cannot be seeded; start runs with POST /v1/workflows/{id}/runs`,
				);
			}
			const records = Array.isArray(input) ? input : [input];
			const ids = planIds(resource, records);
			const { seedDefaults } = RESOURCES[resource];
			const stored = records.map((record, index) =>
				store.add(resource, ids[index], { ...seedDefaults?.(nextId), ...record }),
			);
			return Array.isArray(input) ? stored : stored[0];
		},

		/** Sets the given fields of a stored record (nested values replaced whole). */
		change(resource, id, changes) {
			known(resource);
			if (!isPlainObject(changes)) throw new ControlError(400, 'changes must be an object');
			if (Object.hasOwn(changes, 'id')) {
				throw new ControlError(400, 'the id of a record cannot change');
			}
			checkFields(resource, changes);
			const changed = store.change(resource, id, changes);
			if (!changed) throw new ControlError(404, `no ${resource} record ${id}`);
			if (resource !== 'workflow-runs') return changed;
			runs.changedByHand(changed.id);
			return store.get(resource, changed.id);
		},

		/** Deletes a stored record; false when there was none. */
		remove(resource, id) {
			known(resource);
			if (resource === 'workflow-runs' && typeof id === 'string') runs.forget(id);
			return store.remove(resource, id);
		},

		/** Copies of every stored record of a resource, in the order stored. */
		records(resource) {
			known(resource);
			runs.settle();
			return store.all(resource);
		},

		/** A copy of one stored record, or undefined. */
		record(resource, id) {
			known(resource);
			runs.settle();
			return store.get(resource, id);
		},
	};
}

function isControlPath(path) {
	return path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`);
}

function parseControlBody(raw) {
	try {
		return JSON.parse(raw);
	} catch {
		throw new ControlError(400, 'the body must be JSON');
	}
}

const ok = (status, body) => ({ status, body });
const NOT_FOUND = ok(404, { error: 'Not found' });

function answerRecordRoute({ method, rawBody }, simulator, resource, id) {
	if (id === undefined) {
		if (method === 'GET') return ok(200, { data: simulator.records(resource) });
		if (method === 'POST') {
			return ok(201, { data: simulator.seed(resource, parseControlBody(rawBody)) });
		}
		return NOT_FOUND;
	}
	if (method === 'GET') {
		const record = simulator.record(resource, id);
		return record ? ok(200, { data: record }) : NOT_FOUND;
	}
	if (method === 'PATCH') {
		return ok(200, { data: simulator.change(resource, id, parseControlBody(rawBody)) });
	}
	if (method === 'DELETE') return simulator.remove(resource, id) ? ok(204, undefined) : NOT_FOUND;
	return NOT_FOUND;
}

/**
 * Returns { status, body } for a control request; `simulator` is the handle startSimulator returns.
 * Refused calls answer { error } with the reason (these routes are for people debugging tests).
 */
function answerControlRequest({ method, path, query, rawBody }, simulator) {
	const route = `${method} ${path}`;
	switch (route) {
		case 'GET /_sim/health':
			return ok(200, { status: 'ok' });
		case 'GET /_sim/log':
			return ok(200, { data: simulator.log });
		case 'POST /_sim/reset':
			simulator.reset();
			return ok(204, undefined);
		case 'GET /_sim/object-id': {
			const at = query.get('at');
			const time = at === null ? undefined : /^\d+$/.test(at) ? Number(at) : Date.parse(at);
			if (Number.isNaN(time)) {
				return ok(400, { error: 'metal-simulator: at must be a date or milliseconds' });
			}
			return ok(200, { data: { id: simulator.objectId(time) } });
		}
	}
	const [resource, id, ...rest] = path.slice(CONTROL_PREFIX.length + 1).split('/');
	if (!RESOURCE_NAMES.includes(resource) || rest.length > 0 || id === '') return NOT_FOUND;
	try {
		return answerRecordRoute(
			{ method, rawBody },
			simulator,
			resource,
			id && decodeURIComponent(id),
		);
	} catch (error) {
		if (error instanceof ControlError) return ok(error.status, { error: error.message });
		if (error instanceof URIError) return NOT_FOUND;
		throw error;
	}
}

module.exports = { ControlError, createControl, isControlPath, answerControlRequest };
