'use strict';
// The plain-client floor: a plain Node.js client (node:http) in a child process of its own, sending
// the same N POSTs with the same body and headers as the nodes, with a fixed number in flight. What
// the requests cost without n8n.

const http = require('node:http');

const { forkChild, onceMessage, reapChild } = require('./children');
const { AUTH_HEADERS } = require('./simulator');
const { deals } = require('./workflows');

/** Runs the client once. Resolves with { ms, failures, outputs, maxRssKb, cpuMs } of its process. */
async function runPlainClient({ url, n, concurrency, keepAlive, timeoutMs }) {
	const child = forkChild(__filename, {
		BENCH_URL: url,
		BENCH_N: String(n),
		BENCH_CONCURRENCY: String(concurrency),
		BENCH_KEEPALIVE: keepAlive ? '1' : '0',
	});
	try {
		return await onceMessage(child, (m) => typeof m.ms === 'number', timeoutMs, 'the plain client');
	} finally {
		await reapChild(child, 2000);
	}
}

/** The child: the N POSTs, timed from the first request to the last answer. */
async function plainClientChild() {
	const url = new URL('/v1/workspaces', process.env.BENCH_URL);
	const n = Number(process.env.BENCH_N);
	const concurrency = Number(process.env.BENCH_CONCURRENCY);
	const keepAlive = process.env.BENCH_KEEPALIVE !== '0';
	const agent = new http.Agent({ keepAlive, maxSockets: concurrency });
	const items = deals(n);
	const outputs = new Array(n);
	let failures = 0;

	const post = (item) =>
		new Promise((resolve, reject) => {
			const body = JSON.stringify({
				name: item.deal,
				company: item.target,
				isPrivate: item.confidential,
			});
			const req = http.request(
				url,
				{
					method: 'POST',
					agent,
					headers: {
						...AUTH_HEADERS,
						accept: 'application/json',
						'content-type': 'application/json',
						'content-length': Buffer.byteLength(body),
					},
					timeout: 30000,
				},
				(res) => {
					const chunks = [];
					res.on('data', (chunk) => chunks.push(chunk));
					res.on('end', () => {
						if (res.statusCode !== 201) return reject(new Error(`status ${res.statusCode}`));
						try {
							resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')).data);
						} catch (error) {
							reject(error);
						}
					});
					res.on('error', reject);
				},
			);
			req.on('timeout', () => req.destroy(new Error('timeout')));
			req.on('error', reject);
			req.end(body);
		});

	let next = 0;
	const worker = async () => {
		while (next < n) {
			const index = next++;
			try {
				outputs[index] = { json: await post(items[index]), pairedItem: { item: index } };
			} catch {
				failures += 1;
			}
		}
	};
	const started = performance.now();
	await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
	const ms = performance.now() - started;
	agent.destroy();
	const usage = process.resourceUsage();
	process.send({
		ms,
		failures,
		outputs: outputs.filter(Boolean).length,
		maxRssKb: usage.maxRSS,
		cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
	});
	process.disconnect();
}

if (require.main === module) plainClientChild();

module.exports = { runPlainClient };
