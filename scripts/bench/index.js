'use strict';
// `npm run bench` (scripts/bench.sh builds, then runs this folder): the benchmark of issue 13, in a real
// n8n 2.41.1 run by its CLI against the local Metal simulator, in three sections:
//   - throughput (throughput.js): N workspaces created by the Metal node beside n8n's HTTP Request
//     node, the n8n floor node, a plain Node.js client and the items alone (workflows.js);
//   - rate limits (rateLimits.js): the Metal node against token buckets, with and without Retry-After;
//   - read (read.js): N companies read back by the Metal node's Get Many and by the HTTP Request
//     node's own pagination.
// Every run is checked at the simulator (simulator.js); the tables (report.js, rateLimits.js, read.js)
// go into docs/benchmarks.md between each section's markers, the prose around them is kept. A
// benchmark, never a test: a run that fails or creates or reads the wrong records is reported as not
// counted; it exits non-zero only when it cannot set up (install, pack, import). Options: args.js
// (`--help`).

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { parseArgs } = require('./args');
const { measuredRunner } = require('./measure');
const { N8N_FLOOR_NODE_TYPE, packN8nFloorPackage } = require('./n8nFloorPackage');
const { RATE_LIMIT_CONFIGS, planRateLimits, renderRateLimits } = require('./rateLimits');
const { planRead, renderRead } = require('./read');
const { renderThroughput, writeDoc } = require('./report');
const { AUTH_HEADERS, SIMULATOR_KEYS, startSimulators } = require('./simulator');
const { planThroughput } = require('./throughput');
const { HTTP_CREDENTIAL, REPO_DIR } = require('./workflows');

const { N8n, randomId } = require(path.join(REPO_DIR, 'test', 'e2e', 'lib', 'n8n'));
const { CREDENTIAL, NODE_TYPE, PACKAGE_NAME, packPackage } = require(
	path.join(REPO_DIR, 'test', 'e2e', 'lib', 'metalStack'),
);

const N8N_VERSION = '2.41.1';

function machineInfo(install) {
	return {
		nproc: os.availableParallelism(),
		cpu: os.cpus()[0]?.model ?? 'unknown',
		memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
		node: execFileSync(install.nodeBin, ['-v'], { encoding: 'utf8' }).trim(),
		n8n: install.version,
		kernel: os.release(),
		platform: `${os.type()} ${os.arch()}`,
	};
}

/** The credentials of a run: Metal ones ({ id, name, url }) and the HTTP Request node's Custom Auth. */
function credentials(metal) {
	return [
		...metal.map(({ id, name, url }) => ({
			id,
			name,
			type: CREDENTIAL.type,
			data: { ...SIMULATOR_KEYS, baseUrl: url },
		})),
		{ ...HTTP_CREDENTIAL, data: { json: JSON.stringify({ headers: AUTH_HEADERS }) } },
	];
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
	const startedAt = new Date();
	const loadBefore = os.loadavg();
	console.log(
		`Benchmark: n8n ${N8N_VERSION}; ` +
			(args.throughput ? `throughput at N = ${args.sizes.join(', ')}, ${args.latency} ms; ` : '') +
			(args.rateLimits ? `rate limits at N = ${args.rateLimitItems}; ` : 'no rate limits; ') +
			(args.read ? `read of ${args.readRecords} companies, ${args.latency} ms` : 'no read'),
	);

	// One child process for every simulator: the throughput one first, the read one, then the
	// rate-limit ones.
	const sims = await startSimulators([
		...(args.throughput ? [{ latencyMs: args.latency }] : []),
		...(args.read ? [{ latencyMs: args.latency }] : []),
		...(args.rateLimits ? RATE_LIMIT_CONFIGS : []),
	]);
	const own = [...sims.simulators];
	const throughputSimulator = args.throughput ? own.shift() : undefined;
	const readSimulator = args.read ? own.shift() : undefined;
	const rateLimitSimulators = args.rateLimits ? own : [];
	const packed = [];
	let n8n;
	let runner;
	try {
		const metalTarball = packPackage();
		packed.push(path.dirname(metalTarball));
		const floor = packN8nFloorPackage();
		packed.push(floor.dir);
		n8n = await N8n.create({
			version: N8N_VERSION,
			packages: [{ tarball: metalTarball, name: PACKAGE_NAME }, floor],
		});
		const machine = machineInfo(n8n.install);
		console.log(
			`Machine: ${machine.nproc} cores, ${machine.cpu}, ${machine.memoryGiB} GiB, Node.js ${machine.node}; n8n user folder ${n8n.userFolder}`,
		);
		runner = measuredRunner(n8n);
		const ctx = {
			args,
			runner,
			randomId,
			nodes: {
				metalNodeType: NODE_TYPE,
				metalCredential: CREDENTIAL,
				n8nFloorNodeType: N8N_FLOOR_NODE_TYPE,
			},
		};
		const throughput = args.throughput
			? planThroughput({ ...ctx, simulator: throughputSimulator })
			: undefined;
		const rateLimits = args.rateLimits ? planRateLimits(ctx, rateLimitSimulators) : undefined;
		const read = args.read ? planRead({ ...ctx, simulator: readSimulator }) : undefined;
		if (throughput) console.log(`Variants: ${throughput.variants.map((v) => v.key).join(', ')}`);

		await n8n.importCredentials(
			credentials([
				...(throughput ? [{ ...CREDENTIAL, url: throughputSimulator.url }] : []),
				...(rateLimits?.credentials ?? []),
				...(read?.credentials ?? []),
			]),
		);
		// Every workflow of the run in one import.
		const workflows = [
			...(throughput?.workflows ?? []),
			...(rateLimits?.workflows ?? []),
			...(read?.workflows ?? []),
		];
		console.log(`Importing ${workflows.length} workflows…`);
		await n8n.cli(['import:workflow', `--input=${n8n.writeInput('bench-workflows', workflows)}`], {
			timeoutMs: 300000,
		});

		const report = { command, startedAt: startedAt.toISOString(), machine, args };
		if (throughput)
			report.throughput = { variants: throughput.variants, ...(await throughput.run()) };
		if (rateLimits) report.rateLimits = await rateLimits.run();
		if (read) report.read = await read.run();
		report.finishedAt = new Date().toISOString();
		report.loadavg = { before: loadBefore, after: os.loadavg() };

		const rawFile = path.join(
			os.tmpdir(),
			`n8n-nodes-metal-bench-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`,
		);
		fs.writeFileSync(rawFile, JSON.stringify(report, null, '\t'));
		const sections = {
			throughput: throughput ? renderThroughput(report) : undefined,
			rateLimits: rateLimits ? renderRateLimits(report) : undefined,
			read: read ? renderRead(report) : undefined,
		};
		for (const body of Object.values(sections)) if (body) console.log(`\n${body}`);
		console.log(`\nRaw results: ${rawFile}`);
		if (args.write) console.log(`Written into ${path.relative(REPO_DIR, writeDoc(sections))}`);
	} finally {
		// The user folder (n8n's logs and database) stays with N8N_E2E_KEEP=1.
		runner?.dispose();
		await n8n?.dispose();
		for (const dir of packed) fs.rmSync(dir, { recursive: true, force: true });
		await sims.close();
	}
}

main().catch((error) => {
	console.error(`bench failed: ${process.env.BENCH_DEBUG ? error.stack : error.message}`);
	process.exit(1);
});
