'use strict';
// The read section: N companies seeded into a simulator of their own, read back by the Metal node
// (Company → Get Many, Return All) and by n8n's HTTP Request node with its own pagination (then
// Split Out, one item per company, as the Metal node outputs), one after the other, the order
// alternating round by round. Each run is checked: the N companies, each once, newest first, and at
// the simulator exactly the pages a reader of them all asks for, each with its cursor.
// Target: the Metal node ≤ 1.0× the HTTP Request node's time (with Split Out), and at most its peak
// memory.

const { fmtN, fmtRatio, fmtS, runHeader, verdict } = require('./report');
const { median } = require('./throughput');
const { READ_PAGE_SIZE, companies, readWorkflow } = require('./workflows');

const TARGET = 1.0;
const READERS = [
	{ key: 'metal', label: 'Metal node: Company → Get Many, Return All', nodes: ['Metal'] },
	{
		key: 'http',
		label: 'HTTP Request node: Pagination, then Split Out',
		nodes: ['HTTP Request', 'Split Out'],
	},
];

/**
 * The section's plan: a Metal credential ({ id, name, url }) for its simulator, a workflow for each
 * reader, and run(). ctx: { args, simulator, runner, randomId, nodes }.
 */
function planRead(ctx) {
	const { args, simulator, randomId, nodes } = ctx;
	const credential = { id: 'bench-read', name: 'Metal (read)' };
	const ids = {};
	const workflows = READERS.map((reader) => {
		ids[reader.key] = randomId();
		return readWorkflow(
			ids[reader.key],
			`bench read ${reader.key} N=${args.readRecords}`,
			reader.nodes[0],
			{ nodeType: nodes.metalNodeType, credential, url: simulator.url },
		);
	});
	return {
		credentials: [{ ...credential, url: simulator.url }],
		workflows,
		run: () => runRead(ctx, ids),
	};
}

/** Whether the output is the N companies, newest first, each once, as the simulator holds them. */
function outputRight(output, n) {
	const expected = companies(n).reverse();
	return (
		output.length === n &&
		output.every(
			({ json }, i) =>
				json.id === expected[i].id &&
				json.canonicalName === expected[i].canonicalName &&
				json.externalId === expected[i].externalId,
		)
	);
}

async function runReader({ simulator, runner }, reader, n, id) {
	const record = { reader: reader.key, n };
	await simulator.seedCompanies(n);
	const { output, ok, error, ...measured } = await runner.run(id, {
		node: reader.nodes,
		timeoutMs: 180000,
	});
	Object.assign(record, measured, { outputs: output.length, outputRight: outputRight(output, n) });
	if (!ok) record.error = error;
	record.check = await simulator.checkRead(n);
	record.valid = ok && record.outputRight && record.check.pagesRight;
	// Where the first node's time goes: before its first request, the pages (first request to last
	// answer: the simulator's latency and handler, and the rest), after the last answer (its output
	// items); then Split Out's.
	const firstMs = measured.msByNode[reader.nodes[0]];
	const { firstArrival, lastAnswer, answeringMs } = record.check;
	if (measured.nodeStart !== undefined && firstArrival !== undefined && firstMs !== undefined) {
		record.beforeFirstRequestMs = firstArrival - measured.nodeStart;
		record.pagesMs = lastAnswer - firstArrival;
		record.betweenPagesMs = record.pagesMs - answeringMs;
		record.afterLastAnswerMs = measured.nodeStart + firstMs - lastAnswer;
	}
	record.splitOutMs = measured.msByNode['Split Out'];
	return record;
}

async function runRead(ctx, ids) {
	const { args } = ctx;
	const n = args.readRecords;
	const results = [];
	for (let round = 1; round <= args.readRepeats; round++) {
		// The order alternates, so neither reader always runs on a machine the other just warmed.
		const order = round % 2 ? READERS : [...READERS].reverse();
		for (const reader of order) {
			const t0 = Date.now();
			let record;
			try {
				record = await runReader(ctx, reader, n, ids[reader.key]);
			} catch (error) {
				record = { reader: reader.key, n, valid: false, error: error.message.split('\n')[0] };
			}
			record.round = round;
			record.wallMs = Date.now() - t0;
			results.push(record);
			const { check } = record;
			console.log(
				`read N=${n} round ${round}/${args.readRepeats} ${reader.key.padEnd(5)} ` +
					(record.ms !== undefined
						? `${(record.ms / 1000).toFixed(3).padStart(7)} s`
						: '      – s') +
					(record.peakRssKb ? `  peak ${Math.round(record.peakRssKb / 1024)} MiB` : '') +
					(check ? `  outputs ${record.outputs}, requests ${check.requests}/${check.pages}` : '') +
					(record.valid
						? ''
						: `  NOT COUNTED: ${record.error ?? record.nodeError ?? JSON.stringify(check ?? {})}`),
			);
		}
	}
	return { results, summary: summarizeRead(results) };
}

const spread = (values) => {
	const xs = values.filter((x) => typeof x === 'number');
	return xs.length ? { min: Math.min(...xs), median: median(xs), max: Math.max(...xs) } : {};
};

/** Per reader: time, memory and phases (median, min, max); per round where both counted, the ratios. */
function summarizeRead(results) {
	const out = { readers: {}, ratios: {} };
	for (const reader of READERS) {
		const runs = results.filter((r) => r.reader === reader.key);
		const valid = runs.filter((r) => r.valid && typeof r.ms === 'number');
		const of = (field) => spread(valid.map(field));
		out.readers[reader.key] = {
			runs: runs.length,
			valid: valid.length,
			ms: of((r) => r.ms),
			firstNodeMs: of((r) => r.msByNode[reader.nodes[0]]),
			peakRssKb: of((r) => r.peakRssKb),
			cpuMs: of((r) => r.cpuMs),
			beforeFirstRequestMs: of((r) => r.beforeFirstRequestMs),
			pagesMs: of((r) => r.pagesMs),
			answeringMs: of((r) => r.check.answeringMs),
			betweenPagesMs: of((r) => r.betweenPagesMs),
			afterLastAnswerMs: of((r) => r.afterLastAnswerMs),
			splitOutMs: of((r) => r.splitOutMs),
			requests: median(runs.map((r) => r.check?.requests)),
			connections: median(runs.map((r) => r.check?.connections)),
			invalid: runs
				.filter((r) => !r.valid)
				.map((r) => `round ${r.round}: ${r.error ?? r.nodeError ?? describeCheck(r)}`),
		};
	}
	const rounds = [...new Set(results.map((r) => r.round))];
	const paired = rounds
		.map((round) =>
			READERS.map((x) => results.find((r) => r.round === round && r.reader === x.key)),
		)
		.filter(([metal, http]) => metal?.valid && http?.valid);
	out.ratios = {
		rounds: paired.length,
		time: spread(paired.map(([metal, http]) => metal.ms / http.ms)),
		memory: spread(paired.map(([metal, http]) => metal.peakRssKb / http.peakRssKb)),
	};
	return out;
}

function describeCheck(r) {
	const c = r.check ?? {};
	return (
		`${fmtN(r.outputs ?? 0)} items output${r.outputRight ? '' : ' (not the N companies newest first)'}, ` +
		`${c.requests ?? '?'} requests for ${c.pages ?? '?'} pages, ${c.wrongPages ?? '?'} not as expected`
	);
}

const range = (x, fmt) =>
	x.median === undefined ? 'n/a' : `${fmt(x.median)} (${fmt(x.min)}–${fmt(x.max)})`;
const mib = (kb) => `${Math.round(kb / 1024)}`;
const ratio = (x) => `${x.toFixed(2)}×`;
/** Metal's median over the HTTP Request node's, with the range of the rounds' own ratios. */
const against = (metal, http, rounds) =>
	metal.median === undefined || http.median === undefined
		? 'n/a'
		: `${fmtRatio(metal.median, http.median)}${rounds.median === undefined ? '' : ` (${ratio(rounds.min)}–${ratio(rounds.max)})`}`;

/** The section's Markdown (to go between its markers). */
function renderRead(report) {
	const { args } = report;
	const { readers, ratios } = report.read.summary;
	const n = args.readRecords;
	const pages = Math.floor(n / READ_PAGE_SIZE) + 1;
	const metal = readers.metal;
	const http = readers.http;
	const lines = [
		...runHeader(report),
		`N = ${fmtN(n)} companies seeded into the simulator (latency ${args.latency} ms), read back whole, newest first, ${fmtN(READ_PAGE_SIZE)} a page: ` +
			`${pages} requests for either reader (the last page is empty), so ${fmtS(pages * args.latency)} of latency. ${args.readRepeats} round${args.readRepeats === 1 ? '' : 's'}, the two readers one after the other, ` +
			"the order alternating. Time: the Metal node's `executionTime`; the HTTP Request node's plus Split Out's (it outputs one item per page; Split Out makes one per company, as the Metal node outputs). " +
			'Peak memory: peak RSS of the `n8n execute` process. Median (min–max) of the runs counted; a run counts only when the node output the N companies, newest first, each once, ' +
			'and the simulator saw exactly the pages a reader of them all asks for, each with its cursor (`lt`, the last id of the page before), each answered 200.',
		'',
		'| Reader | Time | × HTTP Request + Split Out | Peak memory (MiB) | × HTTP Request + Split Out | Requests | Counted |',
		'|---|---:|---:|---:|---:|---:|---:|',
		`| ${READERS[0].label} | ${range(metal.ms, fmtS)} | ${against(metal.ms, http.ms, ratios.time)} | ` +
			`${range(metal.peakRssKb, mib)} | ${against(metal.peakRssKb, http.peakRssKb, ratios.memory)} | ${metal.requests ?? 'n/a'} | ${metal.valid}/${metal.runs} |`,
		`| ${READERS[1].label} | ${range(http.ms, fmtS)} | 1.00× | ${range(http.peakRssKb, mib)} | 1.00× | ${http.requests ?? 'n/a'} | ${http.valid}/${http.runs} |`,
		`| HTTP Request node alone (${pages} items, one per page) | ${range(http.firstNodeMs, fmtS)} | | | | | |`,
		'',
		`Ratios: Metal's median over the HTTP Request node's; in brackets the lowest and the highest ratio of one round's two runs (${ratios.rounds} round${ratios.rounds === 1 ? '' : 's'} where both counted). ` +
			'An `n8n execute` process peaks at about 400 MiB before any node has run (the throughput section\'s "Items only" at N = 100): the difference in MiB says more than the ratio.',
		'',
		'### Where the time goes',
		'',
		"Median (min–max). Before the first request: from the node's start to its first request reaching the simulator. Pages: from there to the simulator's last answer, " +
			"split into the simulator's own time (the latency and its handler, up to writing each answer) and the rest (the simulator writing each page, n8n receiving and parsing it, and sending the next request). " +
			'After the last answer: to the end of the node (the last page is empty: building the output items). Then Split Out.',
		'',
		'| Reader | Before the first request | Pages | of which at the simulator | of which the rest | After the last answer | Split Out | Total |',
		'|---|---:|---:|---:|---:|---:|---:|---:|',
	];
	for (const reader of READERS) {
		const x = readers[reader.key];
		lines.push(
			`| ${reader.label} | ${range(x.beforeFirstRequestMs, fmtS)} | ${range(x.pagesMs, fmtS)} | ${range(x.answeringMs, fmtS)} | ` +
				`${range(x.betweenPagesMs, fmtS)} | ${range(x.afterLastAnswerMs, fmtS)} | ` +
				`${reader.key === 'http' ? range(x.splitOutMs, fmtS) : '–'} | ${range(x.ms, fmtS)} |`,
		);
	}
	const timeMet =
		metal.ms.median === undefined || http.ms.median === undefined
			? undefined
			: metal.ms.median <= TARGET * http.ms.median;
	const memoryMet =
		metal.peakRssKb.median === undefined || http.peakRssKb.median === undefined
			? undefined
			: metal.peakRssKb.median <= http.peakRssKb.median;
	lines.push(
		'',
		'### Against the targets',
		'',
		'| Target | Measured (medians) | Met? |',
		'|---|---|---|',
		`| Metal ≤ ${TARGET.toFixed(1)}× the HTTP Request node's time (with Split Out) | ${fmtRatio(metal.ms.median, http.ms.median)} (${fmtS(metal.ms.median)} against ${fmtS(http.ms.median)}) | ${verdict(timeMet)} |`,
		`| Metal's peak memory ≤ the HTTP Request node's | ${memoryMet === undefined ? 'n/a' : `Metal ${mib(metal.peakRssKb.median)} MiB, HTTP Request ${mib(http.peakRssKb.median)} MiB (${mib(metal.peakRssKb.median - http.peakRssKb.median)} MiB)`} | ${verdict(memoryMet)} |`,
		'',
	);
	const invalid = READERS.flatMap((reader) =>
		readers[reader.key].invalid.map((why) => `- ${reader.label}, ${why}`),
	);
	if (invalid.length) lines.push('Runs not counted:', '', ...invalid, '');
	return lines.join('\n');
}

module.exports = { planRead, renderRead };
