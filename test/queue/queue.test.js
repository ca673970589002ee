'use strict';
// The packed n8n-nodes-metal in n8n 2.41.1's queue mode: a main instance and two workers, each with
// its own user folder holding the package, on a throwaway PostgreSQL and Redis (Debian's packages,
// started and removed here), against the local Metal simulator. Everything listens on 127.0.0.1.
// Run with `npm run build && node --test test/queue/queue.test.js` (`npm run test:queue`).
// N8N_E2E_KEEP=1 keeps the user folders with the n8n logs, and the simulators' request logs.
// QUEUE_TEST_LOCK_DURATION_MS / QUEUE_TEST_STALLED_INTERVAL_MS set n8n's QUEUE_WORKER_LOCK_DURATION and
// QUEUE_WORKER_STALLED_INTERVAL (60000 / 30000 are n8n's defaults; the test uses 10000 / 5000).

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { after, before, describe, test } = require('node:test');

const { startSimulator } = require('../../tools/metal-simulator/server');
const { installN8n } = require('../e2e/lib/n8n');
const { PACKAGE_NAME, SIMULATOR_KEYS, packPackage } = require('../e2e/lib/metalStack');
const { startQueueCluster } = require('./lib/queueCluster');
const { checkPrerequisites, startPostgres, startRedis } = require('./lib/services');
const {
	cpuMs,
	creationsByName,
	fireRequests,
	percentiles,
	webhookCreateWorkflow,
} = require('./lib/workload');

const VERSION = '2.41.1';
const BURST = Number(process.env.QUEUE_TEST_BURST ?? 300);
const KILL_BURST = Number(process.env.QUEUE_TEST_KILL_BURST ?? 200);
const BULK = Number(process.env.QUEUE_TEST_BULK ?? 1000);
const LOCK_DURATION_MS = Number(process.env.QUEUE_TEST_LOCK_DURATION_MS ?? 10000);
const STALLED_INTERVAL_MS = Number(process.env.QUEUE_TEST_STALLED_INTERVAL_MS ?? 5000);
// n8n re-checks a stalled execution's stored status for 30 s before failing it (fixed in 2.41.1).
const STALLED_GRACE_MS = 30000;
const CONCURRENCY = 30;
const WORKER_CONCURRENCY = 10;
const FAST_LATENCY_MS = 20;
const SLOW_LATENCY_MS = 400;
const FAST = { id: 'metal-queue-fast', name: 'Metal (simulator, 20 ms)', type: 'metalApi' };
const SLOW = { id: 'metal-queue-slow', name: 'Metal (simulator, 400 ms)', type: 'metalApi' };
const FAST_HOOK = 'metal-queue-create';
const SLOW_HOOK = 'metal-queue-create-slow';
const FAST_WORKFLOW = 'metalQueueCreate';
const SLOW_WORKFLOW = 'metalQueueCreateSlow';
const keep = process.env.N8N_E2E_KEEP === '1';

// Fails at once, saying who installs them, when PostgreSQL or Redis is missing.
const prerequisites = checkPrerequisites();
const tarball = packPackage();

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function countBy(values) {
	const counts = {};
	for (const v of values) counts[String(v)] = (counts[String(v)] ?? 0) + 1;
	return counts;
}

describe(`n8n ${VERSION} in queue mode: main + 2 workers, PostgreSQL, Redis`, () => {
	const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'metal-queue-run-'));
	const summary = { timings: {} };
	const started = Date.now();
	let install;
	let postgres;
	let redis;
	let fast;
	let slow;
	let cluster;

	/** [[id, status]] of a workflow's executions, oldest first. */
	const executionsOf = (workflowId) =>
		postgres.query(
			`select id, status from execution_entity where "workflowId" = '${workflowId}' order by id`,
		);
	/** Per worker, the execution ids it logged as started / finished. */
	const workerExecutions = () => cluster.workers.map((w) => w.executions());
	const processCpuMs = () => ({
		main: cpuMs(cluster.main.pid),
		workers: cluster.workers.map((w) => cpuMs(w.process.pid)),
	});
	const cpuSince = (before) => {
		const now = processCpuMs();
		return {
			main: now.main - before.main,
			workers: now.workers.map((ms, i) => ms - before.workers[i]),
		};
	};
	/** The stored run of an execution (execution_data.data is in n8n's `flatted` format). */
	function readRun(executionId) {
		const flatted = require(path.join(install.dir, 'node_modules', 'flatted'));
		const [[data]] = postgres.query(
			`select data from execution_data where "executionId" = ${Number(executionId)}`,
		);
		return flatted.parse(data);
	}

	before(
		async () => {
			let t = Date.now();
			install = await installN8n(VERSION);
			summary.timings.installN8nMs = Date.now() - t;

			t = Date.now();
			[postgres, redis] = await Promise.all([
				startPostgres({ binDir: prerequisites.postgresBinDir }),
				startRedis({ redisServer: prerequisites.redisServer }),
			]);
			summary.timings.postgresAndRedisMs = Date.now() - t;

			fast = await startSimulator({
				env: {},
				...SIMULATOR_KEYS,
				latencyMs: FAST_LATENCY_MS,
				logFile: path.join(runDir, `simulator-${FAST_LATENCY_MS}ms.jsonl`),
			});
			slow = await startSimulator({
				env: {},
				...SIMULATOR_KEYS,
				latencyMs: SLOW_LATENCY_MS,
				logFile: path.join(runDir, `simulator-${SLOW_LATENCY_MS}ms.jsonl`),
			});

			cluster = await startQueueCluster({
				install,
				tarball,
				packageName: PACKAGE_NAME,
				postgres,
				redis,
				workers: 2,
				concurrency: WORKER_CONCURRENCY,
				lockDurationMs: LOCK_DURATION_MS,
				stalledIntervalMs: STALLED_INTERVAL_MS,
				webhooks: [{ path: FAST_HOOK }, { path: SLOW_HOOK }],
				async setup(main) {
					// The first command on the empty database runs n8n's migrations.
					await main.importCredentials([
						{ ...FAST, data: { ...SIMULATOR_KEYS, baseUrl: fast.url } },
						{ ...SLOW, data: { ...SIMULATOR_KEYS, baseUrl: slow.url } },
					]);
					const workflows = [
						webhookCreateWorkflow({ id: FAST_WORKFLOW, path: FAST_HOOK, credential: FAST }),
						webhookCreateWorkflow({ id: SLOW_WORKFLOW, path: SLOW_HOOK, credential: SLOW }),
					];
					await main.cli(['import:workflow', `--input=${main.writeInput('workflows', workflows)}`]);
					// (`import:workflow --activeState=fromJson` fails to activate them: "User attempted to
					// activate a workflow without permissions".)
					await Promise.all(workflows.map((workflow) => main.activate(workflow.id)));
				},
			});
			summary.timings.cluster = cluster.timings;
			summary.timings.mainReadyMs = cluster.main.readyMs;
			summary.timings.workersReadyMs = cluster.workers.map((w) => w.readyMs);
			summary.n8nLogs = {
				main: cluster.main.stdoutFile,
				workers: cluster.workers.map((w) => w.logFile),
			};
		},
		{ timeout: 30 * 60 * 1000 },
	);

	after(async () => {
		const t = Date.now();
		await cluster?.stop();
		await fast?.close();
		await slow?.close();
		await Promise.all([postgres?.stop(), redis?.stop()]);
		fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
		summary.timings.shutdownMs = Date.now() - t;
		summary.timings.totalMs = Date.now() - started;
		const text = JSON.stringify(summary, null, 2);
		fs.writeFileSync(path.join(runDir, 'summary.json'), text);
		process.stdout.write(`\nqueue-mode summary:\n${text}\n`);
		if (keep) process.stdout.write(`kept: ${runDir} and the n8n logs above\n`);
		else fs.rmSync(runDir, { recursive: true, force: true });
	});

	test(
		`${BURST} concurrent webhook requests: every one answered, each workspace created once, both workers ran executions`,
		{ timeout: 5 * 60 * 1000 },
		async () => {
			const startedBefore = workerExecutions().map((e) => e.started.length);
			const cpuBefore = processCpuMs();
			const names = Array.from({ length: BURST }, (_, i) => `queue-burst-${i}`);

			const { results, ms } = await fireRequests({
				url: `${cluster.main.baseUrl}/webhook/${FAST_HOOK}`,
				names,
				concurrency: CONCURRENCY,
				timeoutMs: 120000,
			});

			const failed = results.filter((r) => r.status !== 200);
			assert.deepEqual(failed.slice(0, 3), [], `${failed.length} requests not answered 200`);
			for (const r of results) {
				assert.ok(Array.isArray(r.body) && r.body.length === 1, JSON.stringify(r.body));
				assert.equal(r.body[0].name, r.name);
				assert.match(r.body[0].id, /^[0-9a-f]{24}$/);
			}
			assert.equal(
				new Set(results.map((r) => r.body[0].id)).size,
				BURST,
				'one workspace per answer',
			);
			// The simulator's log: each name created exactly once, nothing else created.
			const created = creationsByName(fast.log);
			assert.equal(created.size, BURST);
			for (const name of names) {
				assert.equal(created.get(name), 1, `${name} created ${created.get(name) ?? 0} times`);
			}
			// The workers' logs: every execution started once, on one worker; both took part.
			const perWorker = workerExecutions().map((e, i) => e.started.slice(startedBefore[i]));
			const all = perWorker.flat();
			assert.equal(all.length, BURST, 'one execution per request');
			assert.equal(new Set(all).size, BURST, 'no execution started twice');
			for (const [i, ids] of perWorker.entries())
				assert.ok(ids.length > 0, `worker${i + 1} ran none`);
			// PostgreSQL: every execution stored as a success.
			const statuses = countBy(executionsOf(FAST_WORKFLOW).map(([, status]) => status));
			assert.deepEqual(statuses, { success: BURST });

			summary.burst = {
				requests: BURST,
				clientConcurrency: CONCURRENCY,
				simulatorLatencyMs: FAST_LATENCY_MS,
				ms,
				requestsPerSecond: Math.round((BURST / ms) * 10000) / 10,
				answerMs: percentiles(results.map((r) => r.ms)),
				executionsPerWorker: perWorker.map((ids) => ids.length),
				cpuMs: cpuSince(cpuBefore),
			};
		},
	);

	test(
		`bulk: ${BULK} workspaces in one webhook-triggered execution, run by one worker`,
		{ timeout: 5 * 60 * 1000 },
		async () => {
			fast.reset();
			const startedBefore = workerExecutions().map((e) => e.started.length);
			const names = Array.from({ length: BULK }, (_, i) => `queue-bulk-${i}`);
			const t = Date.now();
			const response = await fetch(`${cluster.main.baseUrl}/webhook/${FAST_HOOK}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ rows: names.map((name) => ({ name })) }),
				signal: AbortSignal.timeout(240000),
			});
			const body = await response.json();
			const roundTripMs = Date.now() - t;

			assert.equal(response.status, 200, JSON.stringify(body).slice(0, 500));
			assert.deepEqual(
				body.map((w) => w.name),
				names,
			);
			const created = creationsByName(fast.log);
			assert.equal(created.size, BULK);
			for (const name of names) assert.equal(created.get(name), 1, name);
			const ranBy = workerExecutions()
				.map((e, i) => e.started.slice(startedBefore[i]).map((id) => [`worker${i + 1}`, id]))
				.flat();
			assert.equal(ranBy.length, 1, JSON.stringify(ranBy));
			const [[worker, executionId]] = ranBy;

			const run = readRun(executionId);
			const metal = run.resultData.runData.Metal[0];
			assert.equal(metal.data.main[0].length, BULK);
			summary.bulk = {
				workspaces: BULK,
				simulatorLatencyMs: FAST_LATENCY_MS,
				maxConcurrentRequests: 10,
				metalExecutionTimeMs: metal.executionTime,
				workspacesPerSecond: Math.round((BULK / metal.executionTime) * 10000) / 10,
				webhookRoundTripMs: roundTripMs,
				ranBy: worker,
				executionId,
			};
		},
	);

	test(
		`a worker SIGKILLed in the middle of ${KILL_BURST} requests: nothing created twice, every request answered`,
		{ timeout: 6 * 60 * 1000 },
		async () => {
			const startedBefore = workerExecutions().map((e) => e.started.length);
			const names = Array.from({ length: KILL_BURST }, (_, i) => `queue-kill-${i}`);
			const victim = cluster.workers[1];
			let kill;

			const { results, ms } = await fireRequests({
				url: `${cluster.main.baseUrl}/webhook/${SLOW_HOOK}`,
				names,
				concurrency: CONCURRENCY,
				// A killed worker's executions are failed only after its lock expires, the next stalled
				// check and n8n's re-check window.
				timeoutMs: LOCK_DURATION_MS + STALLED_INTERVAL_MS + STALLED_GRACE_MS + 60000,
				onSettled(result, settled) {
					if (kill || settled < Math.floor(KILL_BURST / 4)) return;
					kill = { afterAnswers: settled, at: Date.now(), done: victim.kill() };
				},
			});
			assert.ok(kill, 'the worker was killed');
			await kill.done;

			// The victim's log ends where it died: what it had started and not finished was in flight.
			const victimLog = victim.executions();
			const finished = new Set(victimLog.finished);
			const inFlight = victimLog.started.filter((id) => !finished.has(id));
			// n8n settles every execution of the burst (no 'new' or 'running' left) within seconds.
			let rows = executionsOf(SLOW_WORKFLOW);
			for (let i = 0; i < 60 && rows.some(([, s]) => s === 'new' || s === 'running'); i++) {
				await sleep(1000);
				rows = executionsOf(SLOW_WORKFLOW);
			}
			const statusById = new Map(rows);

			const created = creationsByName(slow.log);
			const duplicated = [...created].filter(([, count]) => count > 1);
			const answered = results.filter((r) => r.status !== undefined);
			const ok = results.filter((r) => r.status === 200);
			const notOk = results.filter((r) => r.status !== 200);
			const perWorker = workerExecutions().map((e, i) => e.started.slice(startedBefore[i]));
			const allStarted = perWorker.flat();
			const firstFailed = rows.find(([, s]) => s !== 'success');
			const errorMessage = firstFailed && readRun(firstFailed[0]).resultData.error?.message;

			summary.kill = {
				requests: KILL_BURST,
				clientConcurrency: CONCURRENCY,
				simulatorLatencyMs: SLOW_LATENCY_MS,
				n8nLockDurationMs: LOCK_DURATION_MS,
				n8nStalledIntervalMs: STALLED_INTERVAL_MS,
				killedAfterAnswers: kill.afterAnswers,
				// Started in the victim's log and never finished; a job it took but died before logging
				// is failed the same way, so failedExecutions can be higher.
				loggedInFlightOnKilledWorker: inFlight.length,
				theirStatuses: countBy(inFlight.map((id) => statusById.get(id))),
				failedExecutions: rows.filter(([, s]) => s !== 'success').length,
				theirErrorMessage: errorMessage,
				answers: countBy(results.map((r) => r.status ?? r.error)),
				failedAnswerBodies: [...new Set(notOk.map((r) => JSON.stringify(r.body ?? r.error)))],
				failedAnswersAfterKillMs: percentiles(notOk.map((r) => r.endedAt - kill.at)),
				failedButCreatedAtMetal: notOk.filter((r) => created.get(r.name) === 1).length,
				failedAndNotCreated: notOk.filter((r) => !created.has(r.name)).length,
				createdTwice: duplicated.length,
				executionStatuses: countBy(rows.map(([, s]) => s)),
				executionsPerWorker: perWorker.map((ids) => ids.length),
				executionsStartedTwice: allStarted.length - new Set(allStarted).size,
				burstMs: ms,
			};

			// Deterministic in n8n 2.41.1 (Bull's maxStalledCount is 0): a stalled execution is never
			// run again, so no execution starts twice and no workspace is created twice.
			assert.deepEqual(duplicated, [], 'a workspace was created twice');
			assert.equal(allStarted.length, new Set(allStarted).size, 'an execution was started twice');
			// Every request gets an HTTP answer: none hangs, none is dropped.
			assert.equal(answered.length, KILL_BURST, JSON.stringify(summary.kill.answers));
			// A 200 carries the workspace created for that request.
			for (const r of ok) {
				assert.equal(r.body?.[0]?.name, r.name);
				assert.equal(created.get(r.name), 1);
			}
			// Only what the killed worker held fails (it holds at most its concurrency), reported as a
			// failed execution; every other request, including those still queued, is run by the survivor.
			assert.ok(notOk.length <= WORKER_CONCURRENCY, `${notOk.length} failed`);
			assert.ok(inFlight.length <= WORKER_CONCURRENCY);
			// What the victim held is failed, not run again. One it had just finished can be a success:
			// n8n saved it, and the SIGKILL came before its "finished" line reached the log (its request
			// then got its 200 and its one workspace, as checked above).
			const failedInFlight = inFlight.filter((id) =>
				['error', 'crashed'].includes(statusById.get(id)),
			);
			for (const id of inFlight) {
				assert.ok(
					['error', 'crashed', 'success'].includes(statusById.get(id)),
					`execution ${id}: ${statusById.get(id)}`,
				);
			}
			assert.ok(failedInFlight.length > 0, 'the kill failed none of the executions it hit');
			// Each failed request is answered 500 and is a failed execution in n8n's list.
			assert.deepEqual(
				countBy(notOk.map((r) => r.status)),
				notOk.length ? { 500: notOk.length } : {},
			);
			assert.equal(rows.length, KILL_BURST);
			assert.equal(rows.filter(([, s]) => s === 'success').length, ok.length);
			assert.ok(perWorker[0].length > 0 && perWorker[1].length > 0, 'both workers ran executions');
		},
	);
});
