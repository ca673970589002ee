'use strict';

const { setMaxListeners } = require('node:events');
const http = require('node:http');
const { setTimeout: sleep } = require('node:timers/promises');

const { answers } = require('./answers');
const { matchApiRoute } = require('./api-routes');
const { createControl, isControlPath, answerControlRequest } = require('./control-routes');
const { resolveConfig } = require('./config');
const { checkCredentials } = require('./credentials');
const { drawFault } = require('./fault-plan');
const { readBody, parseJsonBody, sendJson } = require('./http-io');
const { createObjectIdGenerator } = require('./object-id');
const { createPrng } = require('./prng');
const { createRequestLog } = require('./request-log');
const { RESOURCE_NAMES } = require('./resources');
const { createStore } = require('./store');
const { createTokenBucket } = require('./token-bucket');
const { createWorkflowRuns } = require('./workflow-runs');

// Loopback only: this is a development tool holding a fake key, never something to expose.
const HOST = '127.0.0.1';

function pathOf(url) {
	return url.split('?')[0];
}

function queryOf(url) {
	const mark = url.indexOf('?');
	return new URLSearchParams(mark === -1 ? '' : url.slice(mark + 1));
}

/** The Retry-After value of a 429: seconds, an HTTP date that many seconds ahead, or none. */
function retryAfterOf({ retryAfterSeconds, retryAfterHttpDate }) {
	if (retryAfterSeconds === null) return null;
	if (!retryAfterHttpDate) return String(retryAfterSeconds);
	// An HTTP date has whole seconds: rounded up, so the wait is never shorter than asked.
	return new Date(Math.ceil((Date.now() + retryAfterSeconds * 1000) / 1000) * 1000).toUTCString();
}

/** Everything that /_sim/reset puts back to its start value. */
function createMutableState(config) {
	return {
		keyUses: 0,
		nextRandom: createPrng(config.seed),
		bucket:
			config.rateLimit > 0
				? createTokenBucket({ ratePerSecond: config.rateLimit, capacity: config.burst })
				: null,
	};
}

/**
 * Starts a local Metal API simulator on 127.0.0.1.
 *
 * @param {object} [options] knobs from config.js, plus `env` (default process.env) for the
 *   METAL_SIM_* variables; explicit options win over env, env wins over defaults.
 * @returns {Promise<object>} the handle: see README ("Start it").
 */
async function startSimulator(options = {}) {
	const { env = process.env, ...knobs } = options;
	const config = resolveConfig(knobs, env);
	const now = () => new Date();
	const nextId = createObjectIdGenerator();
	const store = createStore({ now });
	const runs = createWorkflowRuns({ store, config, nextId, now });
	const control = createControl({ store, runs, nextId, config });
	const requestLog = createRequestLog({ file: config.logFile });
	// The secret itself is not part of the key metadata; only its last four characters are, as
	// in Metal's documented response.
	const currentKey = {
		id: nextId(),
		name: 'Local simulator key',
		keyLastFour: config.apiKey.slice(-4),
		clientId: config.clientId,
		createdAt: new Date().toISOString(),
	};
	const routeDeps = { store, config, currentKey, runs, nextId, now };
	let state = createMutableState(config);
	// Aborted by close(): pending latency, slow and trickle delays stop at once instead of holding
	// the process open.
	const shutdown = new AbortController();
	// Every pending delay listens to this one signal: more than Node.js's default ten is expected.
	setMaxListeners(Infinity, shutdown.signal);
	const { signal } = shutdown;

	function isFaultEligible(route) {
		return config.faultRoutes === null || config.faultRoutes.includes(route.name);
	}

	/** Decides the answer to one /v1 request: gates first, then the route with its fault. */
	async function answerApiRequest(request) {
		if (config.latencyMs > 0) await sleep(config.latencyMs, undefined, { signal });
		if (!request.path.startsWith('/v1/')) return answers.notFound();
		if (config.redirectTo !== null) {
			return answers.redirect(config.redirectStatus, `${config.redirectTo}${request.url}`);
		}
		if (!request.credentials.matched) return answers.unauthorized();
		state.keyUses += 1;
		if (config.revokeAfter !== null && state.keyUses > config.revokeAfter) {
			return answers.unauthorized('revoked');
		}
		if (state.bucket && !state.bucket.tryTake()) return answers.rateLimited(retryAfterOf(config));
		const matched = matchApiRoute(request.method, request.path);
		if (!matched) return answers.notFound();

		const fault = isFaultEligible(matched.route) ? drawFault(state.nextRandom, config) : null;
		if (fault === 'fail' && !config.failAfterCreate) return answers.internalError();
		if (fault === 'reset' && !config.resetAfterCreate) return answers.connectionReset();

		runs.settle();
		const handled = matched.route.handle(
			{ ...request, route: matched.route.name, params: matched.params },
			routeDeps,
		);
		// A real 500 or a dropped connection may come after the write succeeded: the client
		// cannot tell, which is exactly what retry and duplicate handling must cope with.
		const { createdId, resource } = handled;
		if (fault === 'fail') return { ...answers.internalError(), createdId, resource };
		if (fault === 'reset') return { ...answers.connectionReset(), createdId, resource };
		if (fault === 'slow') {
			await sleep(config.slowMs, undefined, { signal });
			return { ...handled, outcome: 'slow' };
		}
		return handled;
	}

	async function handleApiRequest(req, res, rawBody, receivedAt) {
		const started = performance.now();
		const { body, error: bodyError } = parseJsonBody(req, rawBody);
		const hasBody = rawBody.raw !== '' || rawBody.tooLarge;
		const credentials = checkCredentials(req.headers, config);
		const path = pathOf(req.url);
		const result = await answerApiRequest({
			method: req.method,
			url: req.url,
			path,
			query: queryOf(req.url),
			body,
			bodyError,
			credentials,
		});

		// Logged before the answer leaves, so a client that has its answer always finds the entry.
		requestLog.append({
			time: receivedAt,
			method: req.method,
			path: req.url,
			status: result.reset ? null : result.status,
			clientId: credentials.loggableClientId,
			apiKeyPresent: credentials.apiKeyPresent,
			apiKeyMatched: credentials.apiKeyMatched,
			body: body ?? null,
			...(hasBody && bodyError ? { bodyError } : {}),
			...(result.invalid ? { invalid: result.invalid } : {}),
			workspaceId: (result.resource === 'workspaces' && result.createdId) || null,
			createdId: result.createdId ?? null,
			outcome: result.outcome,
			durationMs: Math.round(performance.now() - started),
		});

		if (result.reset) {
			// An RST, not a polite FIN: clients then see ECONNRESET as with a dropped proxy.
			req.socket.resetAndDestroy();
			return;
		}
		await sendJson(res, result.status, result.body, result.headers, {
			trickleMs: config.trickleMs,
			signal,
		});
	}

	async function onRequest(req, res) {
		const receivedAt = new Date().toISOString();
		let rawBody;
		try {
			rawBody = await readBody(req);
		} catch {
			return; // The client went away while sending; there is no one left to answer.
		}
		try {
			if (isControlPath(pathOf(req.url))) {
				const control = { method: req.method, path: pathOf(req.url), query: queryOf(req.url) };
				const answer = answerControlRequest({ ...control, rawBody: rawBody.raw }, simulator);
				await sendJson(res, answer.status, answer.body);
				return;
			}
			await handleApiRequest(req, res, rawBody, receivedAt);
		} catch (error) {
			if (signal.aborted) return; // close() cut a delay short; the socket is gone.
			process.stderr.write(`metal-simulator: unexpected error: ${error.stack}\n`);
			if (!res.headersSent) await sendJson(res, 500, { error: 'Internal server error' });
		}
	}

	const server = http.createServer((req, res) => {
		void onRequest(req, res);
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(config.port, HOST, () => {
			server.off('error', reject);
			resolve();
		});
	}).catch((error) => {
		requestLog.close();
		throw error;
	});

	const { port } = server.address();
	let closing;

	const simulator = {
		url: `http://${HOST}:${port}`,
		port,
		config,
		credentials: { clientId: config.clientId, apiKey: config.apiKey },
		authHeaders: { 'x-metal-client-id': config.clientId, 'x-metal-api-key': config.apiKey },
		/** Live array of request-log entries (cleared by reset()). */
		log: requestLog.entries,
		/** The resource names the control calls take. */
		resources: RESOURCE_NAMES,
		...control,
		/** Copies of all stored workspaces, oldest first. */
		workspaces: () => control.records('workspaces'),
		/** A new Metal id; `at` (Date, ISO text or ms) sets its creation time, else now. */
		objectId: (at) => nextId(at),
		/** Forgets every record and the in-memory log; refills the bucket, reseeds, un-revokes. */
		reset() {
			store.clear();
			runs.clear();
			requestLog.clear();
			state = createMutableState(config);
		},
		/** Stops listening and drops every open connection, pending delays included. */
		close() {
			closing ??= (async () => {
				shutdown.abort();
				const closed = new Promise((resolve) => server.close(() => resolve()));
				server.closeAllConnections();
				await closed;
				requestLog.close();
			})();
			return closing;
		},
	};
	return simulator;
}

module.exports = { startSimulator };
