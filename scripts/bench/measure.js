'use strict';
// One workflow run by `n8n execute`, measured: the run data (each node's executionTime), and the peak
// RSS and CPU time of the `n8n execute` process, from process.resourceUsage() at its exit (a
// --require'd hook; polling /proc/<pid>/status for VmHWM as a fallback).

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { ITEMS_NODE } = require('./workflows');

/** A --require'd file that records the peak RSS and CPU time of every Node.js process that loads it, at exit. */
function writePeakRssPreload(dir) {
	const file = path.join(dir, 'peak-rss-preload.js');
	fs.writeFileSync(
		file,
		`'use strict';
process.on('exit', () => {
	try {
		require('fs').writeFileSync(
			require('path').join(${JSON.stringify(dir)}, 'rss-' + process.pid + '.json'),
			JSON.stringify((({ maxRSS, userCPUTime, systemCPUTime }) => ({
				pid: process.pid,
				argv: process.argv,
				maxRssKb: maxRSS,
				cpuMs: (userCPUTime + systemCPUTime) / 1000,
			}))(process.resourceUsage())),
		);
	} catch {}
});
`,
	);
	return file;
}

/** Polls /proc for the VmHWM of the process whose command line holds `marker` (a fallback to the preload). */
function watchPeakRss(marker) {
	let pid;
	let peakKb = 0;
	const poll = () => {
		try {
			if (pid === undefined) {
				for (const entry of fs.readdirSync('/proc')) {
					if (!/^\d+$/.test(entry)) continue;
					let cmdline;
					try {
						cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
					} catch {
						continue;
					}
					if (cmdline.includes(marker) && cmdline.includes('execute')) {
						pid = Number(entry);
						break;
					}
				}
			}
			if (pid !== undefined) {
				const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
				const match = /VmHWM:\s+(\d+) kB/.exec(status);
				if (match) peakKb = Math.max(peakKb, Number(match[1]));
			}
		} catch {
			// The process ended between two polls.
		}
	};
	const timer = setInterval(poll, 100);
	return () => {
		clearInterval(timer);
		return { pid, peakKb };
	};
}

/**
 * A measured runner for `n8n`. run(id, { node, timeoutMs }) runs workflow `id` and resolves with
 * { ok (the run ended without error), ms (node `node`'s executionTime; `node` a list of nodes run one
 * after the other: the sum of theirs; without `node`, the items alone: every node's), msByNode (every
 * node's executionTime), output (the output items of `node`, or of its last), nodeError (the first of
 * theirs), nodeStart (of the first), error (the run's), peakRssKb, peakRssSource ('exit' or
 * 'proc-poll'), cpuMs, cliMs }. dispose() removes its temporary folder.
 */
function measuredRunner(n8n) {
	const rssDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-bench-rss-'));
	const preload = writePeakRssPreload(rssDir);
	const rssFiles = () => fs.readdirSync(rssDir).filter((f) => f.startsWith('rss-'));
	return {
		async run(id, { node, timeoutMs }) {
			for (const f of rssFiles()) fs.rmSync(path.join(rssDir, f));
			const stopWatch = watchPeakRss(`--id=${id}`);
			let result;
			let watched;
			try {
				result = await n8n.execute(id, {
					timeoutMs,
					env: { NODE_OPTIONS: `--require ${preload}` },
				});
			} finally {
				watched = stopWatch();
			}
			const fromExit = rssFiles()
				.map((f) => JSON.parse(fs.readFileSync(path.join(rssDir, f), 'utf8')))
				.find((r) => r.argv.includes('execute'));
			const runData = result.run.data.resultData.runData;
			const nodeRuns = [node ?? ITEMS_NODE].flat().map((name) => runData[name]?.[0]);
			const lastRun = nodeRuns[nodeRuns.length - 1];
			const sum = (runs) => runs.reduce((total, run) => total + (run?.executionTime ?? 0), 0);
			return {
				ok: result.ok,
				ms: node
					? nodeRuns.every((run) => run?.executionTime !== undefined)
						? sum(nodeRuns)
						: undefined
					: sum(Object.values(runData).map((runs) => runs[0])),
				msByNode: Object.fromEntries(
					Object.entries(runData).map(([name, runs]) => [name, runs[0]?.executionTime]),
				),
				output: lastRun?.data?.main?.[0] ?? [],
				nodeError: nodeRuns.find((run) => run?.error)?.error?.message,
				nodeStart: nodeRuns[0]?.startTime,
				error: result.error?.message,
				peakRssKb: fromExit?.maxRssKb ?? watched.peakKb,
				peakRssSource: fromExit ? 'exit' : 'proc-poll',
				cpuMs: fromExit?.cpuMs,
				cliMs: result.ms,
			};
		},
		dispose() {
			fs.rmSync(rssDir, { recursive: true, force: true });
		},
	};
}

module.exports = { measuredRunner };
