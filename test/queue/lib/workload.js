'use strict';
// What the queue-mode test runs: a webhook-triggered workflow that creates one Metal workspace per
// row of the request body and answers with the created workspaces, and a client that fires many
// such requests with a bound on how many are in flight.

const crypto = require('node:crypto');
const fs = require('node:fs');

const { NODE_TYPE } = require('../../e2e/lib/metalStack');

/**
 * Webhook (POST /webhook/<path>, answers when the last node has finished, with all its items) →
 * Split Out `body.rows` → Metal Workspace Create (name from each row), with the given credential.
 * The request body is { rows: [{ name }, ...] }; the answer is the array of created workspaces.
 */
function webhookCreateWorkflow({ id, path, credential }) {
	const node = (name, type, typeVersion, position, parameters, extra = {}) => ({
		id: crypto.randomUUID(),
		name,
		type,
		typeVersion,
		position,
		parameters,
		...extra,
	});
	return {
		id,
		name: id,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			node(
				'Webhook',
				'n8n-nodes-base.webhook',
				2,
				[0, 0],
				{
					httpMethod: 'POST',
					path,
					responseMode: 'lastNode',
					responseData: 'allEntries',
					options: {},
				},
				{ webhookId: crypto.randomUUID() },
			),
			node('One item per row', 'n8n-nodes-base.splitOut', 1, [220, 0], {
				fieldToSplitOut: 'body.rows',
				options: {},
			}),
			node(
				'Metal',
				NODE_TYPE,
				1,
				[440, 0],
				{
					resource: 'workspace',
					operation: 'create',
					name: '={{ $json.name }}',
					additionalFields: {},
				},
				{ credentials: { metalApi: { id: credential.id, name: credential.name } } },
			),
		],
		connections: {
			Webhook: { main: [[{ node: 'One item per row', type: 'main', index: 0 }]] },
			'One item per row': { main: [[{ node: 'Metal', type: 'main', index: 0 }]] },
		},
	};
}

/**
 * POSTs `{ rows: [{ name }] }` to `url` once per name, at most `concurrency` at a time. Every request
 * ends as { name, status, body, ms, endedAt } or, without an HTTP answer, { name, error, ms, endedAt }.
 * onSettled(result, settledCount) runs after each one.
 */
async function fireRequests({ url, names, concurrency, timeoutMs, onSettled = () => {} }) {
	const results = new Array(names.length);
	let next = 0;
	let settled = 0;
	const started = Date.now();
	async function lane() {
		while (next < names.length) {
			const index = next++;
			const name = names[index];
			const t = Date.now();
			let result;
			try {
				const response = await fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ rows: [{ name }] }),
					signal: AbortSignal.timeout(timeoutMs),
				});
				const text = await response.text();
				let body = text;
				try {
					body = JSON.parse(text);
				} catch {
					// Keep the text.
				}
				result = { name, status: response.status, body, ms: Date.now() - t, endedAt: Date.now() };
			} catch (error) {
				result = {
					name,
					error: error.name === 'TimeoutError' ? 'timeout' : error.message,
					ms: Date.now() - t,
					endedAt: Date.now(),
				};
			}
			results[index] = result;
			settled += 1;
			onSettled(result, settled);
		}
	}
	await Promise.all(Array.from({ length: Math.min(concurrency, names.length) }, lane));
	return { results, ms: Date.now() - started };
}

/** Creations per name in a simulator's request log (entries that stored a workspace). */
function creationsByName(log) {
	const counts = new Map();
	for (const entry of log) {
		if (entry.method !== 'POST' || entry.path !== '/v1/workspaces' || !entry.workspaceId) continue;
		const name = entry.body?.name;
		counts.set(name, (counts.get(name) ?? 0) + 1);
	}
	return counts;
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (0 once it is gone). */
function cpuMs(pid) {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// utime and stime, fields 14 and 15 of stat, in clock ticks of 10 ms.
		return (Number(fields[11]) + Number(fields[12])) * 10;
	} catch {
		return 0;
	}
}

/** Median and 95th percentile of a list of numbers. */
function percentiles(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
	return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

module.exports = { cpuMs, creationsByName, fireRequests, percentiles, webhookCreateWorkflow };
