'use strict';

const { startSimulator } = require('../../tools/metal-simulator/server');

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const OBJECT_ID = /^[0-9a-f]{24}$/;

/** Starts a simulator that ignores the caller's METAL_SIM_* variables, so tests stay exact. */
function startTestSimulator(options = {}) {
	return startSimulator({ env: {}, ...options });
}

/** Runs `run(simulator)` on a fresh simulator with these options, and closes it whatever happens. */
async function withSimulator(options, run) {
	const simulator = await startTestSimulator(options);
	try {
		await run(simulator);
	} finally {
		await simulator.close();
	}
}

/**
 * One real HTTP request through fetch. `body` is sent as JSON; `rawBody` as given (a Uint8Array
 * gets no content-type from fetch). Returns { status, headers, body } with the body parsed.
 */
async function call(simulator, method, path, options = {}) {
	const { body, rawBody, auth = true, headers = {}, contentType = 'application/json' } = options;
	const init = { method, headers: { ...(auth ? simulator.authHeaders : {}), ...headers } };
	if (body !== undefined || rawBody !== undefined) {
		init.body = rawBody ?? JSON.stringify(body);
		if (contentType) init.headers['content-type'] = contentType;
	}
	const response = await fetch(`${simulator.url}${path}`, init);
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		body: text === '' ? null : JSON.parse(text),
	};
}

function createWorkspace(simulator, body) {
	return call(simulator, 'POST', '/v1/workspaces', { body });
}

function searchWorkspaces(simulator, body) {
	return call(simulator, 'POST', '/v1/workspaces/search', { body });
}

/** A /_sim control request (no credentials); `body` is sent as JSON. */
function control(simulator, method, path, body) {
	return call(simulator, method, `/_sim${path}`, { body, auth: false });
}

/** A Metal id that no record holds (its time is 2024-06-04). */
const UNKNOWN_ID = '665f1c2a9b1e4a0012a3b4c5';

/** The creation time an ObjectId carries in its first 4 bytes, in milliseconds. */
function idTime(id) {
	return parseInt(id.slice(0, 8), 16) * 1000;
}

/**
 * Asserts that a fetch failed at the network level. Checked by name, not instanceof: jest runs
 * tests in a vm context whose TypeError is not the one fetch throws.
 */
function expectNetworkFailure(error) {
	expect(error).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
}

function wait(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `predicate()` is true; avoids guessing how long the server needs under load. */
async function waitUntil(predicate, timeoutMs = 2000) {
	const deadline = performance.now() + timeoutMs;
	while (!predicate()) {
		if (performance.now() > deadline) throw new Error('waitUntil: condition never became true');
		await wait(5);
	}
}

module.exports = {
	ISO_UTC,
	OBJECT_ID,
	startTestSimulator,
	withSimulator,
	call,
	createWorkspace,
	searchWorkspaces,
	control,
	UNKNOWN_ID,
	idTime,
	expectNetworkFailure,
	wait,
	waitUntil,
};
