'use strict';
// The rate-limit section: N creates by the Metal node at its defaults against a simulator with a token
// bucket of R requests/s, with a burst as large as R and with a burst of a few tokens, at 10 ms and
// 100 ms latency, each with and without Retry-After: 8 runs, each checked at the simulator (created,
// duplicates, 429s). Target: ≤ 1.2 × N/R with no error and no duplicate.

const { fmtN, fmtRatio, fmtS, runHeader, verdict } = require('./report');
const { metalDefaultConcurrency, metalNode, workflow } = require('./workflows');

const RATE = 100;
const BURSTS = [RATE, 3];
const LATENCIES_MS = [10, 100];
const RETRY_AFTER_S = [null, 1];
const TARGET = 1.2;

/** The simulator options of the 8 runs, in the order they run. */
const RATE_LIMIT_CONFIGS = BURSTS.flatMap((burst) =>
	LATENCIES_MS.flatMap((latencyMs) =>
		RETRY_AFTER_S.map((retryAfterSeconds) => ({
			rateLimit: RATE,
			burst,
			latencyMs,
			retryAfterSeconds,
		})),
	),
);

const configLabel = ({ burst, latencyMs, retryAfterSeconds }) =>
	`burst ${burst}, ${latencyMs} ms, ${retryAfterSeconds === null ? 'no Retry-After' : `Retry-After ${retryAfterSeconds} s`}`;

/**
 * The section's plan: a Metal credential ({ id, name, url }) and a workflow for each simulator of
 * `simulators` (started with RATE_LIMIT_CONFIGS), and run(). ctx: { args, runner, randomId, nodes }.
 */
function planRateLimits(ctx, simulators) {
	const n = ctx.args.rateLimitItems;
	const runs = simulators.map((simulator, i) => {
		const credential = { id: `bench-rate-limit-${i}`, name: `Metal (rate limit ${i})` };
		const id = ctx.randomId();
		return {
			simulator,
			credential: { ...credential, url: simulator.url },
			workflow: workflow(
				id,
				`bench rate limit ${configLabel(simulator.config)} N=${n}`,
				n,
				metalNode({ nodeType: ctx.nodes.metalNodeType, credential }),
			),
		};
	});
	return {
		credentials: runs.map((r) => r.credential),
		workflows: runs.map((r) => r.workflow),
		run: () => runRateLimits(ctx, runs),
	};
}

async function runRateLimits({ args, runner }, runs) {
	const n = args.rateLimitItems;
	const results = [];
	for (const { simulator, workflow: wf } of runs) {
		const record = { config: simulator.config, n };
		const t0 = Date.now();
		try {
			await simulator.reset();
			const { output, ...measured } = await runner.run(wf.id, {
				node: 'Metal',
				timeoutMs: Math.max(180000, ((15 * n) / RATE) * 1000),
			});
			const check = await simulator.check(n);
			const errorItems = output.filter((item) => item.json?.error !== undefined).length;
			Object.assign(record, measured, {
				outputs: output.length,
				check,
				errors: errorItems + (measured.ok ? 0 : 1),
				limited: check.statuses[429] ?? 0,
			});
			// The node first reads and checks every item (n8n's expressions), then sends: the sending
			// phase is what the rate limit governs.
			if (measured.nodeStart !== undefined && check.firstArrival !== undefined) {
				record.sendingMs = measured.ms - (check.firstArrival - measured.nodeStart);
			}
		} catch (error) {
			record.error = error.message.split('\n')[0];
			record.errors = 1;
		}
		record.wallMs = Date.now() - t0;
		record.met =
			record.errors === 0 &&
			record.check?.createdRight === true &&
			record.outputs === n &&
			record.ms <= (TARGET * n * 1000) / RATE;
		results.push(record);
		console.log(
			`rate limit ${configLabel(record.config).padEnd(36)} ` +
				(record.ms !== undefined ? `${(record.ms / 1000).toFixed(2).padStart(7)} s` : '      – s') +
				(record.check
					? `  created ${record.check.created}/${n}, duplicated ${record.check.duplicated}, 429s ${record.limited}`
					: '') +
				(record.errors ? `  ERROR: ${record.nodeError ?? record.error}` : ''),
		);
	}
	return { results };
}

/** The section's Markdown (to go between its markers). */
function renderRateLimits(report) {
	const { results } = report.rateLimits;
	const n = report.args.rateLimitItems;
	const boundMs = (n / RATE) * 1000;
	const lines = [
		...runHeader(report),
		`N = ${fmtN(n)} creates (Workspace → Create) by the Metal node at its defaults (Max Concurrent Requests ${metalDefaultConcurrency()}), ` +
			`one run per configuration, against a simulator whose token bucket refills at R = ${RATE} requests/s and holds a burst of ${BURSTS.join(' or ')} tokens ` +
			`(a 429 takes no token). N/R = ${fmtS(boundMs)}; with a burst of B the first B requests pass at once, so ` +
			`(N − B)/R is the least possible. Time: the node's \`executionTime\`; Sending: from the first request reaching the simulator to the node's end (before it, the node reads and checks every item: n8n's expressions, the same with or without a rate limit). Errors: the run stopped with an error (1) and error items. ` +
			'Created and duplicates: what the simulator stored (a duplicate: a name stored more than once). 429s: answers 429 the simulator gave.',
		'',
		`| Burst | Latency | Retry-After | Time | × N/R | Sending | Sending × N/R | Errors | Created | Duplicates | 429s | 429s per created item | ≤ ${TARGET} × N/R, no error, no duplicate |`,
		'|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
	];
	for (const r of results) {
		const { burst, latencyMs, retryAfterSeconds } = r.config;
		const check = r.check;
		lines.push(
			`| ${burst} | ${latencyMs} ms | ${retryAfterSeconds === null ? 'none' : `${retryAfterSeconds} s`} | ${fmtS(r.ms)} | ${fmtRatio(r.ms, boundMs)} | ` +
				`${fmtS(r.sendingMs)} | ${fmtRatio(r.sendingMs, boundMs)} | ` +
				`${r.errors} | ${check ? `${fmtN(check.created)} / ${fmtN(n)}` : 'n/a'} | ${check ? fmtN(check.duplicated) : 'n/a'} | ` +
				`${check ? fmtN(r.limited) : 'n/a'} | ${check?.created ? (r.limited / check.created).toFixed(2) : 'n/a'} | ${verdict(r.met)} |`,
		);
	}
	const errors = results.filter((r) => r.errors);
	if (errors.length) {
		lines.push('', 'Errors:', '');
		for (const r of errors)
			lines.push(
				`- ${configLabel(r.config)}: ${r.nodeError ?? r.error ?? 'error items in the output'}`,
			);
	}
	lines.push('');
	return lines.join('\n');
}

module.exports = { RATE_LIMIT_CONFIGS, planRateLimits, renderRateLimits };
