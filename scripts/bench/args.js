'use strict';
// The bench's options (`npm run bench -- --help`).

const { metalDefaultConcurrency } = require('./workflows');

function help() {
	let concurrency;
	try {
		concurrency = `${metalDefaultConcurrency()}, read from the build`;
	} catch {
		concurrency = 'read from the build: run `npm run build` first';
	}
	return `npm run bench [-- options]   (scripts/bench.sh: Node.js 24, toolchain, build, then scripts/bench)

In a real n8n 2.41.1 (run by its CLI) against the local Metal simulator, three sections:
  Throughput: creates N workspaces for each N with the Metal node at its defaults (Max Concurrent
    Requests ${concurrency}) and at other Max Concurrent Requests; n8n's HTTP Request node at its
    defaults and with several Batching settings; the n8n floor node (the Metal node's three expressions
    per item, no requests); a plain Node.js client; the items alone.
  Rate limits: creates N workspaces with the Metal node at its defaults against a token bucket of
    100 requests/s, burst 100 or 3, latency 10 or 100 ms, with and without Retry-After (1 s): 8 runs.
  Read: reads back N companies, newest first: the Metal node's Company → Get Many with Return All,
    and the HTTP Request node's own pagination (lt = the last id of the page before) then Split Out,
    alternating round by round.
Writes the tables into docs/benchmarks.md (between each section's markers; the prose is kept).

Options:
  --sizes 100,1000,10000     throughput: the N to run
  --repeats 3                throughput: runs per variant for N < 10,000 (the best counts; memory: the median)
  --big-repeats 1            throughput: runs per variant for N >= 10,000
  --latency 20               throughput and read: the simulator's delay before every answer, in ms
  --batching 10x20,...       throughput: HTTP Request node Batching settings tried,
                             <items per batch>x<interval ms> (none: only its defaults)
  --metal-sweep 25,50,100    throughput: Metal node Max Concurrent Requests besides its default, and the
                             plain client at each (none: only the default)
  --rate-limit-items 2000    rate limits: the N of each run
  --read-records 10000       read: the N companies
  --read-repeats 10          read: rounds (each runs both readers)
  --no-rate-limits           skip the rate-limit section
  --no-read                  skip the read section
  --only-rate-limits         the rate-limit section only
  --only-read                the read section only
  --no-write                 print the tables without writing docs/benchmarks.md
Raw results go to $TMPDIR/n8n-nodes-metal-bench-<time>.json; N8N_E2E_KEEP=1 keeps n8n's user folder.`;
}

function parseArgs(argv) {
	const args = {
		sizes: [100, 1000, 10000],
		repeats: 3,
		bigRepeats: 1,
		bigFrom: 10000,
		latency: 20,
		batching: ['10x20', '50x20', '100x10', '500x5'],
		metalSweep: [25, 50, 100],
		throughput: true,
		rateLimits: true,
		rateLimitItems: 2000,
		read: true,
		readRecords: 10000,
		readRepeats: 10,
		write: true,
	};
	const list = (value) =>
		value
			.split(',')
			.map((v) => v.trim())
			.filter(Boolean);
	const ints = (value) =>
		list(value).map((v) => {
			const n = Number(v.replace(/_/g, ''));
			if (!Number.isInteger(n) || n < 1) throw new Error(`not a positive whole number: ${v}`);
			return n;
		});
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = () => {
			if (i + 1 >= argv.length) throw new Error(`${flag} needs a value`);
			return argv[++i];
		};
		switch (flag) {
			case '--sizes':
				args.sizes = ints(value());
				break;
			case '--repeats':
				args.repeats = ints(value())[0];
				break;
			case '--big-repeats':
				args.bigRepeats = ints(value())[0];
				break;
			case '--latency':
				args.latency = Number(value());
				if (!(args.latency >= 0)) throw new Error(`--latency takes milliseconds, not ${argv[i]}`);
				break;
			case '--batching':
				args.batching = value() === 'none' ? [] : list(argv[i]);
				break;
			case '--metal-sweep':
				args.metalSweep = value() === 'none' ? [] : ints(argv[i]);
				break;
			case '--rate-limit-items':
				args.rateLimitItems = ints(value())[0];
				break;
			case '--read-records':
				args.readRecords = ints(value())[0];
				break;
			case '--read-repeats':
				args.readRepeats = ints(value())[0];
				break;
			case '--no-rate-limits':
				args.rateLimits = false;
				break;
			case '--no-read':
				args.read = false;
				break;
			case '--only-rate-limits':
				args.throughput = false;
				args.read = false;
				break;
			case '--only-read':
				args.throughput = false;
				args.rateLimits = false;
				break;
			case '--no-write':
				args.write = false;
				break;
			case '--help':
			case '-h':
				console.log(help());
				process.exit(0);
				break;
			default:
				throw new Error(`unknown argument ${flag} (see --help)`);
		}
	}
	for (const b of args.batching) {
		if (!/^\d+x\d+$/.test(b))
			throw new Error(`--batching takes <items per batch>x<interval ms>, not ${b}`);
	}
	if (!args.throughput && !args.rateLimits && !args.read)
		throw new Error('these --no-… and --only-… options leave nothing to run');
	return args;
}

module.exports = { parseArgs };
