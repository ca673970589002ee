'use strict';
// n8n in queue mode on one machine: one main (`n8n start`, EXECUTIONS_MODE=queue) and N workers
// (`n8n worker`), sharing a PostgreSQL database, a Redis and the encryption key. As n8n's docs ask for
// community nodes in queue mode (install them manually, on every instance), each process gets its OWN
// user folder with the packed package in <userFolder>/.n8n/nodes/node_modules/, as separate
// machines or containers would have; nothing is shared but PostgreSQL and Redis.

const fs = require('node:fs');
const path = require('node:path');

const { N8n, createUserFolder, freePort } = require('../../e2e/lib/n8n');
const { startGroup, waitUntil } = require('./processes');

/**
 * The environment every process of the cluster shares. The lock and stalled-check settings are
 * shortened from n8n's defaults (60 s lock, 30 s check) so that a killed worker's executions are
 * detected within seconds instead of up to 90 s; n8n's own 30 s re-check of a stalled execution's
 * status (MAX_STALLED_COUNT_GRACE_WINDOW_MS) cannot be changed.
 */
function queueEnv({ postgres, redis, lockDurationMs = 10000, stalledIntervalMs = 5000 }) {
	const lockRenewMs = Math.min(10000, Math.floor(lockDurationMs / 4));
	return {
		EXECUTIONS_MODE: 'queue',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		QUEUE_WORKER_LOCK_DURATION: String(lockDurationMs),
		QUEUE_WORKER_LOCK_RENEW_TIME: String(lockRenewMs),
		QUEUE_WORKER_STALLED_INTERVAL: String(stalledIntervalMs),
		// The worker server (health checks) binds to every address unless told.
		N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		N8N_LOG_LEVEL: 'info',
	};
}

class QueueWorker {
	constructor(n8n, name) {
		this.n8n = n8n;
		this.name = name;
	}

	/** `n8n worker --concurrency=<n>`; resolves once its /healthz/readiness (DB and Redis up) answers 200. */
	async start({ concurrency, timeoutMs }) {
		this.healthPort = await freePort();
		this.logFile = path.join(this.n8n.logDir, `${this.name}.log`);
		this.process = startGroup(
			this.n8n.install.nodeBin,
			[this.n8n.install.n8nBin, 'worker', `--concurrency=${concurrency}`],
			{
				env: this.n8n.env({
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(this.healthPort),
					N8N_PORT: String(await freePort()),
					N8N_RUNNERS_BROKER_PORT: String(await freePort()),
					N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
				}),
				cwd: this.n8n.userFolder,
				logFile: this.logFile,
			},
		);
		const started = Date.now();
		await waitUntil(
			async () =>
				(
					await fetch(`http://127.0.0.1:${this.healthPort}/healthz/readiness`, {
						signal: AbortSignal.timeout(2000),
					})
				).status === 200,
			{ timeoutMs, what: `${this.name} readiness`, handle: this.process },
		);
		this.readyMs = Date.now() - started;
		return this;
	}

	log() {
		return this.process ? this.process.log() : '';
	}

	/** Execution ids this worker logged as started and as finished ("Worker started/finished execution <id>"). */
	executions() {
		const text = this.log();
		const ids = (verb) =>
			[...text.matchAll(new RegExp(`Worker ${verb} execution (\\d+) \\(job`, 'g'))].map(
				(m) => m[1],
			);
		return { started: ids('started'), finished: ids('finished') };
	}

	/** SIGTERM (n8n drains its running executions), SIGKILL after 15 s. */
	async stop() {
		await this.process?.stop({ graceMs: 15000 });
	}

	/** SIGKILL to the worker's whole process group (n8n and its task runner): a crash, no shutdown. */
	async kill() {
		await this.process.kill();
	}
}

/**
 * Starts main + workers on PostgreSQL and Redis that already run. `setup(main)` runs the CLI steps
 * (import credentials and workflows, publish) on the main's user folder before any server starts.
 * `webhooks`: [{ path, method }] the main must have registered. Resolves with { main, mainN8n,
 * workers, timings, stop() }.
 */
async function startQueueCluster({
	install,
	tarball,
	packageName,
	postgres,
	redis,
	workers: workerCount = 2,
	concurrency = 10,
	setup,
	webhooks = [],
	lockDurationMs,
	stalledIntervalMs,
	keep = process.env.N8N_E2E_KEEP === '1',
	timeoutMs = 120000,
}) {
	const env = queueEnv({ postgres, redis, lockDurationMs, stalledIntervalMs });
	const timings = {};
	const folders = [];
	const stack = { main: undefined, mainN8n: undefined, workers: [], timings, folders };
	stack.stop = async () => {
		await Promise.all([
			...stack.workers.map((w) => w.stop().catch(() => {})),
			stack.main?.stop().catch(() => {}),
		]);
		if (!keep) for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
	};
	try {
		let t = Date.now();
		// One user folder per process, each with the package installed, as on separate machines.
		const userFolders = await Promise.all(
			Array.from({ length: workerCount + 1 }, (_, i) =>
				createUserFolder({
					packages: [{ tarball, name: packageName }],
					prefix: i === 0 ? 'n8n-queue-main-' : `n8n-queue-worker${i}-`,
				}),
			),
		);
		folders.push(...userFolders);
		const [mainFolder, ...workerFolders] = userFolders;
		stack.mainN8n = new N8n({ install, userFolder: mainFolder, env, keep: true });
		timings.userFoldersMs = Date.now() - t;

		t = Date.now();
		await setup(stack.mainN8n);
		timings.setupMs = Date.now() - t;

		t = Date.now();
		stack.workers = workerFolders.map(
			(folder, i) =>
				new QueueWorker(
					new N8n({ install, userFolder: folder, env, keep: true }),
					`worker${i + 1}`,
				),
		);
		const [main] = await Promise.all([
			stack.mainN8n.start({ timeoutMs, env: { N8N_LOG_LEVEL: 'info' } }),
			...stack.workers.map((w) => w.start({ concurrency, timeoutMs })),
		]);
		stack.main = main;
		for (const hook of webhooks) {
			await main.waitForWebhook(hook.path, { method: hook.method ?? 'POST', timeoutMs });
		}
		timings.startMs = Date.now() - t;
		return stack;
	} catch (error) {
		await stack.stop();
		throw error;
	}
}

module.exports = { QueueWorker, queueEnv, startQueueCluster };
