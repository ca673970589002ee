'use strict';
// The Metal simulators of a bench run, in one child process of their own (neither the orchestrator nor
// the plain client shares their event loop): one per configuration (the throughput section's fixed
// latency; each rate-limit configuration; the read section's, holding the companies it seeds), idle
// until its run. After each run the bench asks what the simulator saw (check, checkRead): the
// workspaces created, once each, or the pages read, each with the right cursor; the answers it gave,
// the TCP connections it accepted and the CPU time it spent.

const http = require('node:http');
const path = require('node:path');

const { forkChild, onceMessage, reapChild, rpc } = require('./children');
const { READ_PAGE_SIZE, REPO_DIR, companies, deals } = require('./workflows');

const { SIMULATOR_KEYS } = require(path.join(REPO_DIR, 'test', 'e2e', 'lib', 'metalStack'));

/** The headers of the simulator's key pair, as the HTTP Request node's credential and the client send them. */
const AUTH_HEADERS = {
	'x-metal-client-id': SIMULATOR_KEYS.clientId,
	'x-metal-api-key': SIMULATOR_KEYS.apiKey,
};

/**
 * Starts one simulator for each of `configs` (the simulator's options: latencyMs, rateLimit, burst,
 * retryAfterSeconds...). Resolves with { simulators: [{ url, config, reset(), check(n),
 * seedCompanies(n) (reset, then the N companies of companies()), checkRead(n) }] in the order of
 * `configs`, close() (all of them, and the child) }.
 */
async function startSimulators(configs) {
	const child = forkChild(__filename, { BENCH_SIMULATORS: JSON.stringify(configs) });
	const ready = await onceMessage(child, (m) => m.ready, 30000, 'the simulators to start');
	const call = rpc(child, 'the simulator');
	return {
		simulators: ready.urls.map((url, sim) => ({
			url,
			config: configs[sim],
			reset: () => call({ cmd: 'reset', sim }),
			check: async (n) => (await call({ cmd: 'check', sim, n }, 120000)).check,
			seedCompanies: (n) => call({ cmd: 'seedCompanies', sim, n }, 120000),
			checkRead: async (n) => (await call({ cmd: 'checkRead', sim, n }, 120000)).check,
		})),
		close: async () => {
			if (child.connected) child.send({ cmd: 'close' });
			await reapChild(child, 5000);
		},
	};
}

/** What a simulator saw since its reset: the N expected workspaces, each once, with the right fields? */
function checkRun(simulator, n, connections, cpuMs) {
	const expected = deals(n);
	const workspaces = simulator.workspaces();
	const statuses = {};
	let posts = 0;
	for (const entry of simulator.log) {
		if (entry.method === 'POST' && entry.path === '/v1/workspaces') posts += 1;
		statuses[entry.status] = (statuses[entry.status] ?? 0) + 1;
	}
	const byName = new Map();
	for (const w of workspaces) byName.set(w.name, (byName.get(w.name) ?? []).concat(w));
	let missing = 0;
	let duplicated = 0;
	let wrongFields = 0;
	for (const d of expected) {
		const found = byName.get(d.deal) ?? [];
		if (found.length === 0) missing += 1;
		if (found.length > 1) duplicated += 1;
		if (found.some((w) => w.company !== d.target || w.isPrivate !== d.confidential))
			wrongFields += 1;
	}
	const unexpected = workspaces.filter(
		(w) => !/^Bench deal \d+$/.test(w.name) || Number(w.name.slice(11)) >= n,
	).length;
	// Arrival times (epoch ms): when the first request came and the last.
	const times = simulator.log.map((entry) => Date.parse(entry.time));
	return {
		// Exactly the N expected workspaces, each created once, with the right fields.
		created: workspaces.length,
		createdRight:
			workspaces.length === n &&
			missing === 0 &&
			duplicated === 0 &&
			wrongFields === 0 &&
			unexpected === 0,
		posts,
		requests: simulator.log.length,
		statuses,
		missing,
		duplicated,
		wrongFields,
		unexpected,
		connections,
		cpuMs,
		firstArrival: times.length ? Math.min(...times) : undefined,
		lastArrival: times.length ? Math.max(...times) : undefined,
	};
}

/**
 * What a simulator saw since the N companies were seeded: exactly the pages a reader of them all,
 * newest first, asks for (`GET /v1/companies?limit=1000`, then `lt` the last id of the page before,
 * until a short page), each answered 200?
 */
function checkRead(simulator, n, connections, cpuMs) {
	const newestFirst = companies(n)
		.map((c) => c.id)
		.reverse();
	const pages = Math.floor(n / READ_PAGE_SIZE) + 1;
	const statuses = {};
	let wrongPages = 0;
	for (const [k, entry] of simulator.log.entries()) {
		statuses[entry.status] = (statuses[entry.status] ?? 0) + 1;
		const url = new URL(entry.path, 'http://simulator');
		const query = Object.fromEntries(url.searchParams);
		const expected = {
			limit: String(READ_PAGE_SIZE),
			...(k > 0 ? { lt: newestFirst[k * READ_PAGE_SIZE - 1] } : {}),
		};
		const right =
			entry.method === 'GET' &&
			url.pathname === '/v1/companies' &&
			entry.status === 200 &&
			JSON.stringify(query, Object.keys(query).sort()) ===
				JSON.stringify(expected, Object.keys(expected).sort());
		if (!right) wrongPages += 1;
	}
	const times = simulator.log.map((entry) => Date.parse(entry.time));
	return {
		stored: simulator.records('companies').length,
		requests: simulator.log.length,
		pages,
		wrongPages,
		// Exactly the expected pages, in order, each with its cursor; the companies untouched.
		pagesRight:
			simulator.log.length === pages &&
			wrongPages === 0 &&
			simulator.records('companies').length === n,
		statuses,
		connections,
		cpuMs,
		firstArrival: times.length ? Math.min(...times) : undefined,
		// The simulator's own time over the requests: the latency and the handler, until it starts
		// writing each answer.
		answeringMs: simulator.log.reduce((sum, entry) => sum + entry.durationMs, 0),
		// When the simulator started writing its last answer (its arrival, plus latency and handler).
		lastAnswer: times.length
			? Math.max(...simulator.log.map((entry, i) => times[i] + entry.durationMs))
			: undefined,
	};
}

/** The child: starts the simulators, then answers reset, seedCompanies, check, checkRead and close. */
async function simulatorChild() {
	const { startSimulator } = require(path.join(REPO_DIR, 'tools', 'metal-simulator', 'server'));
	// The simulator keeps its http.Server to itself: count its TCP connections as it is made
	// (startSimulator creates it synchronously, before its first await).
	let counter;
	const createServer = http.createServer;
	http.createServer = (...args) => {
		const server = createServer(...args);
		const own = counter;
		server.on('connection', () => (own.connections += 1));
		// Room for n8n's HTTP Request node sending 10,000 requests at once.
		server.maxConnections = Infinity;
		return server;
	};
	const sims = [];
	for (const config of JSON.parse(process.env.BENCH_SIMULATORS)) {
		counter = { connections: 0, cpu: process.cpuUsage() };
		sims.push({
			simulator: await startSimulator({ env: {}, ...SIMULATOR_KEYS, ...config }),
			counter,
		});
	}
	process.on('message', ({ cmd, id, sim, n }) => {
		if (cmd === 'reset' || cmd === 'seedCompanies') {
			sims[sim].simulator.reset();
			if (cmd === 'seedCompanies') sims[sim].simulator.seed('companies', companies(n));
			sims[sim].counter.connections = 0;
			sims[sim].counter.cpu = process.cpuUsage();
			process.send({ id });
		} else if (cmd === 'check' || cmd === 'checkRead') {
			const { simulator, counter: c } = sims[sim];
			const cpu = process.cpuUsage(c.cpu);
			process.send({
				id,
				check: (cmd === 'check' ? checkRun : checkRead)(
					simulator,
					n,
					c.connections,
					(cpu.user + cpu.system) / 1000,
				),
			});
		} else if (cmd === 'close') {
			Promise.all(sims.map(({ simulator }) => simulator.close())).then(() => process.exit(0));
		}
	});
	process.on('disconnect', () => process.exit(0));
	process.send({ ready: true, urls: sims.map(({ simulator }) => simulator.url) });
}

if (require.main === module) simulatorChild();

module.exports = { AUTH_HEADERS, SIMULATOR_KEYS, startSimulators };
