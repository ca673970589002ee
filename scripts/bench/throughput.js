'use strict';
// The throughput section: every variant (workflows.js) at every N, interleaved round by round, each
// run checked (the simulator holds exactly the N expected workspaces, each created once, from exactly
// N POSTs; the n8n floor node output the N expected values), then summarized per N and variant.

const { runPlainClient } = require('./floorClient');
const { deals, throughputVariants, variantNode, workflow } = require('./workflows');

function runTimeoutMs(n) {
	return Math.max(180000, n * 60);
}

function median(values) {
	const sorted = values.filter((x) => typeof x === 'number').sort((a, b) => a - b);
	if (sorted.length === 0) return undefined;
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The section's plan: its variants and its workflows (one per n8n variant and N, to import with the
 * others), and run() to run them all. ctx: { args, simulator, runner, randomId, nodes } with nodes
 * the types and credential variantNode() needs.
 */
function planThroughput(ctx) {
	const { args, simulator, randomId } = ctx;
	const variants = throughputVariants(args);
	const workflows = [];
	const ids = new Map();
	for (const n of args.sizes) {
		for (const v of variants.filter((x) => x.kind === 'n8n')) {
			const id = randomId();
			const target = variantNode(v, { ...ctx.nodes, url: simulator.url });
			workflows.push(workflow(id, `bench ${v.key} N=${n}`, n, target));
			ids.set(`${v.key}/${n}`, id);
		}
	}
	return {
		variants,
		workflows,
		run: () => runThroughput(ctx, variants, ids),
	};
}

/** Whether the n8n floor node output, for each item, the three values the Metal node would send. */
function n8nFloorOutputRight(output, n) {
	const expected = deals(n);
	return (
		output.length === n &&
		output.every(
			({ json }, i) =>
				json.name === expected[i].deal &&
				json.company === expected[i].target &&
				json.isPrivate === expected[i].confidential,
		)
	);
}

async function runVariant({ simulator, runner }, v, n, id) {
	const record = { variant: v.key, n };
	if (v.kind === 'client') {
		const client = await runPlainClient({
			url: simulator.url,
			n,
			concurrency: v.concurrency,
			keepAlive: v.keepAlive,
			timeoutMs: runTimeoutMs(n),
		});
		Object.assign(record, {
			ms: client.ms,
			peakRssKb: client.maxRssKb,
			cpuMs: client.cpuMs,
			outputs: client.outputs,
			runOk: client.failures === 0 && client.outputs === n,
		});
	} else {
		const { output, ok, error, ...measured } = await runner.run(id, {
			node: v.node,
			timeoutMs: runTimeoutMs(n),
		});
		Object.assign(record, measured, { outputs: output.length, runOk: ok && output.length === n });
		if (!ok) record.error = error;
		if (v.node === 'n8n floor') record.runOk &&= n8nFloorOutputRight(output, n);
	}
	record.check = await simulator.check(n);
	if (v.kind === 'client' || v.node === 'Metal' || v.node === 'HTTP Request') {
		record.valid = record.runOk && record.check.createdRight && record.check.posts === n;
		if (record.nodeStart !== undefined && record.check.firstArrival !== undefined) {
			// Where a node's time goes: before its first request reached the simulator, then the requests.
			record.beforeFirstRequestMs = record.check.firstArrival - record.nodeStart;
			record.requestsMs = record.ms - record.beforeFirstRequestMs;
		}
	} else {
		record.valid = record.runOk && record.check.requests === 0;
	}
	return record;
}

function logLine(record, round, repeats) {
	const { n, check } = record;
	return (
		`N=${String(n).padStart(5)} round ${round}/${repeats} ${record.variant.padEnd(16)} ` +
		(record.ms !== undefined ? `${(record.ms / 1000).toFixed(3).padStart(8)} s` : '       – s') +
		(record.peakRssKb ? `  peak ${Math.round(record.peakRssKb / 1024)} MiB` : '') +
		(check && check.requests
			? `  created ${check.created}/${n} posts ${check.posts} conns ${check.connections}`
			: '') +
		(record.valid
			? ''
			: `  INVALID${record.error ? `: ${record.error}` : ''}${record.nodeError ? `: ${record.nodeError}` : ''}`)
	);
}

async function runThroughput(ctx, variants, ids) {
	const { args, simulator } = ctx;
	const results = [];
	for (const n of args.sizes) {
		const repeats = n >= args.bigFrom ? args.bigRepeats : args.repeats;
		for (let round = 1; round <= repeats; round++) {
			for (const v of variants) {
				await simulator.reset();
				const t0 = Date.now();
				let record;
				try {
					record = await runVariant(ctx, v, n, ids.get(`${v.key}/${n}`));
				} catch (error) {
					record = { variant: v.key, n, valid: false, error: error.message.split('\n')[0] };
				}
				record.round = round;
				record.wallMs = Date.now() - t0;
				results.push(record);
				console.log(logLine(record, round, repeats));
			}
		}
	}
	return { results, summary: summarizeThroughput(args, variants, results) };
}

/** Per N and variant: best and median time, medians of memory, CPU and phases; the HTTP best. */
function summarizeThroughput(args, variants, results) {
	const out = {};
	for (const n of args.sizes) {
		out[n] = {};
		for (const v of variants) {
			const runs = results.filter((r) => r.variant === v.key && r.n === n);
			const valid = runs.filter((r) => r.valid && typeof r.ms === 'number');
			const med = (field) => median(valid.map((r) => r[field]));
			out[n][v.key] = {
				runs: runs.length,
				valid: valid.length,
				bestMs: valid.length ? Math.min(...valid.map((r) => r.ms)) : undefined,
				medianMs: med('ms'),
				peakRssKb: med('peakRssKb'),
				cpuMs: med('cpuMs'),
				simulatorCpuMs: median(valid.map((r) => r.check?.cpuMs)),
				beforeFirstRequestMs: med('beforeFirstRequestMs'),
				requestsMs: med('requestsMs'),
				connections: median(runs.map((r) => r.check?.connections)),
				invalid: runs
					.filter((r) => !r.valid)
					.map((r) => r.error ?? r.nodeError ?? JSON.stringify(r.check ?? {})),
			};
		}
		// "HTTP best": the fastest HTTP Request variant at this N, its defaults included.
		out[n].httpBest = variants
			.filter((v) => v.node === 'HTTP Request' && out[n][v.key].bestMs !== undefined)
			.sort((a, b) => out[n][a.key].bestMs - out[n][b.key].bestMs)[0]?.key;
	}
	return out;
}

module.exports = { median, planThroughput };
