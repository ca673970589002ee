'use strict';

// SIMULATOR-ONLY endpoints under /_sim: no such thing exists on api.metal.ai. They let tests and
// scripts look behind the API (stored workspaces, request log) and start over, so they need no
// auth and bypass latency, rate limiting, faults and the request log.

const CONTROL_PREFIX = '/_sim';

function isControlPath(path) {
	return path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`);
}

/** Returns { status, body } for a control request; `simulator` is the handle startSimulator returns. */
function answerControlRequest({ method, path }, simulator) {
	const route = `${method} ${path}`;
	switch (route) {
		case 'GET /_sim/health':
			return { status: 200, body: { status: 'ok' } };
		case 'GET /_sim/workspaces':
			return { status: 200, body: { data: simulator.workspaces() } };
		case 'GET /_sim/log':
			return { status: 200, body: { data: simulator.log } };
		case 'POST /_sim/reset':
			simulator.reset();
			return { status: 204, body: undefined };
		default:
			return { status: 404, body: { error: 'Not found' } };
	}
}

module.exports = { isControlPath, answerControlRequest };
