'use strict';
// Real-n8n fixture for end-to-end tests: installs a pinned n8n (scripts/n8n/install.sh, cached outside
// the repo), makes a fresh user folder with community packages from `npm pack` tarballs, runs n8n's CLI
// (import, execute, publish/activate) and `n8n start`, and talks to the running server's REST API.
// Plain CommonJS with Node.js built-ins only. Everything listens on 127.0.0.1. Every n8n process runs in
// its own process group, which is killed on stop, on dispose and when this process exits.

const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const {
	groupMembers,
	signalGroup: killGroup,
	sleep,
	track,
	untrack,
	waitForGroupExit,
} = require('../../support/processGroups');

const REPO_DIR = path.resolve(__dirname, '..', '..', '..');
const ENCRYPTION_KEY = 'n8n-nodes-metal-e2e-not-a-secret-0123456789';
const OWNER = {
	email: 'owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-Owner-Passw0rd',
};
const LOCALHOST = '127.0.0.1';

/** A free TCP port on 127.0.0.1 (asks the kernel for one, then releases it). */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, LOCALHOST, () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** A random id in the shape n8n uses for workflows and credentials (16 letters and digits). */
function randomId() {
	const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	return Array.from(crypto.randomBytes(16), (b) => chars[b % chars.length]).join('');
}

/**
 * Runs a command in its own process group with stdout and stderr written to files.
 * Resolves with { code, signal, stdout, stderr, ms }; kills the group on timeout (code null then).
 */
function runLogged(command, args, { env, cwd, timeoutMs = 120000, logPrefix }) {
	return new Promise((resolve, reject) => {
		const outFile = `${logPrefix}.stdout.log`;
		const errFile = `${logPrefix}.stderr.log`;
		const out = fs.openSync(outFile, 'w');
		const err = fs.openSync(errFile, 'w');
		const started = Date.now();
		let child;
		try {
			child = spawn(command, args, { env, cwd, detached: true, stdio: ['ignore', out, err] });
		} finally {
			fs.closeSync(out);
			fs.closeSync(err);
		}
		track(child.pid);
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			killGroup(child.pid, 'SIGKILL');
		}, timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			untrack(child.pid);
			reject(error);
		});
		child.on('exit', async (code, signal) => {
			clearTimeout(timer);
			// Children left behind (a task runner, say) go with the group.
			if (!(await waitForGroupExit(child.pid, 2000))) killGroup(child.pid, 'SIGKILL');
			await waitForGroupExit(child.pid, 5000);
			untrack(child.pid);
			resolve({
				code: timedOut ? null : code,
				signal,
				timedOut,
				stdout: fs.readFileSync(outFile, 'utf8'),
				stderr: fs.readFileSync(errFile, 'utf8'),
				stdoutFile: outFile,
				stderrFile: errFile,
				ms: Date.now() - started,
			});
		});
	});
}

/** Runs a bash snippet (args are $0, $1, ...) and returns its stdout (stderr passed through), throwing on failure. */
function bash(script, args, timeoutMs) {
	return new Promise((resolve, reject) => {
		const child = spawn('bash', ['-c', script, ...args], {
			cwd: REPO_DIR,
			stdio: ['ignore', 'pipe', 'inherit'],
			detached: true,
		});
		track(child.pid);
		let stdout = '';
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', (chunk) => (stdout += chunk));
		const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), timeoutMs);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			untrack(child.pid);
			if (code === 0) resolve(stdout);
			else reject(new Error(`bash ${args.join(' ')} failed (${code ?? signal})`));
		});
	});
}

/**
 * Installs (or reuses) n8n `version` with scripts/n8n/install.sh and finds the Node.js it runs on.
 * A cold install takes minutes (progress on stderr); a cached one is reused at once.
 * Resolves with { version, major, dir, n8nBin, nodeBin, nodeMajor, isolatedVm, ms }.
 */
async function installN8n(version, { timeoutMs = 30 * 60 * 1000 } = {}) {
	const started = Date.now();
	const stdout = await bash('"$0"/scripts/n8n/install.sh "$1"', [REPO_DIR, version], timeoutMs);
	const dir = stdout.trim().split('\n').pop();
	const nodeMajor = (
		await bash('"$0"/scripts/n8n/node-major.sh "$1"', [REPO_DIR, version], 10000)
	).trim();
	const nodeBin = (
		await bash(
			'source "$0/scripts/use-node.sh" "$1" >&2 && node -p process.execPath',
			[REPO_DIR, nodeMajor],
			5 * 60 * 1000,
		)
	).trim();
	const n8nBin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	if (!fs.existsSync(n8nBin)) throw new Error(`no n8n binary at ${n8nBin}`);
	const installedVersion = JSON.parse(
		fs.readFileSync(path.join(dir, 'node_modules', 'n8n', 'package.json'), 'utf8'),
	).version;
	if (installedVersion !== version)
		throw new Error(`${dir} holds n8n ${installedVersion}, not ${version}`);
	// "unusable": this Node.js is too old for n8n's isolated-vm (see install.sh).
	const isolatedVmFile = path.join(dir, '.isolated-vm');
	const isolatedVm = fs.existsSync(isolatedVmFile)
		? fs.readFileSync(isolatedVmFile, 'utf8').trim()
		: 'unknown';
	return {
		version,
		major: Number(version.split('.')[0]),
		dir,
		n8nBin,
		nodeBin,
		nodeMajor: Number(nodeMajor),
		isolatedVm,
		ms: Date.now() - started,
	};
}

/** The package name inside an `npm pack` tarball. */
async function packageNameOf(tarball) {
	const json = await bash('tar -xzOf "$0" package/package.json', [tarball], 60000);
	return JSON.parse(json).name;
}

/**
 * Makes a fresh N8N_USER_FOLDER in a temporary folder, with each tarball (from `npm pack`) extracted to
 * <userFolder>/.n8n/nodes/node_modules/<name>, where n8n loads community packages from (node types are
 * then `<name>.<nodeName>`; n8n only picks up names matching n8n-nodes-* or @scope/n8n-nodes-*).
 * packages: [{ tarball, name? }] (name defaults to the one in the tarball's package.json).
 */
async function createUserFolder({ packages = [], prefix = 'n8n-e2e-' } = {}) {
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	fs.mkdirSync(path.join(userFolder, 'logs'));
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(path.join(nodesDir, 'node_modules'), { recursive: true });
	const dependencies = {};
	for (const pkg of packages) {
		const tarball = path.resolve(pkg.tarball);
		const name = pkg.name ?? (await packageNameOf(tarball));
		const target = path.join(nodesDir, 'node_modules', ...name.split('/'));
		fs.mkdirSync(target, { recursive: true });
		await bash('tar -xzf "$0" -C "$1" --strip-components=1', [tarball, target], 60000);
		const { version } = JSON.parse(fs.readFileSync(path.join(target, 'package.json'), 'utf8'));
		dependencies[name] = version;
	}
	// What n8n's own community package installer leaves there.
	fs.writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies }, null, '\t') + '\n',
	);
	return userFolder;
}

/** The JSON `n8n execute --rawOutput` prints after its log lines (from the first line that is `{`). */
function parseRawOutput(stdout) {
	const lines = stdout.split('\n');
	const start = lines.indexOf('{');
	if (start === -1) return undefined;
	const rest = lines.slice(start);
	try {
		return JSON.parse(rest.join('\n'));
	} catch {
		// Log lines after the JSON: cut at the last line that is `}`.
		const end = rest.lastIndexOf('}');
		return JSON.parse(rest.slice(0, end + 1).join('\n'));
	}
}

/** Environment variables from the caller that must not leak into n8n. */
function inheritedEnv() {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (
			/^(N8N_|DB_|EXECUTIONS_|QUEUE_|WEBHOOK_|GENERIC_TIMEZONE$|NODE_OPTIONS$|NODE_PATH$|npm_)/.test(
				key,
			)
		) {
			continue;
		}
		env[key] = value;
	}
	return env;
}

class N8n {
	/**
	 * install: the result of installN8n(); userFolder: from createUserFolder(); env: extra variables for
	 * every n8n process; keep: leave the user folder on dispose (also N8N_E2E_KEEP=1).
	 */
	constructor({ install, userFolder, env = {}, keep = process.env.N8N_E2E_KEEP === '1' }) {
		this.install = install;
		this.userFolder = userFolder;
		this.extraEnv = env;
		this.keep = keep;
		this.logDir = path.join(userFolder, 'logs');
		this.seq = 0;
		this.servers = new Set();
	}

	/** installN8n + createUserFolder + new N8n in one call. */
	static async create({ version, packages = [], env, keep } = {}) {
		const install = await installN8n(version);
		const userFolder = await createUserFolder({ packages });
		return new N8n({ install, userFolder, env, keep });
	}

	get version() {
		return this.install.version;
	}

	/** The environment of an n8n process: headless, local only, sqlite, fixed encryption key. */
	env(extra = {}) {
		return {
			...inheritedEnv(),
			PATH: `${path.dirname(this.install.nodeBin)}${path.delimiter}${process.env.PATH}`,
			// n8n writes generated files to ~/.cache/n8n/public: keep every instance's apart.
			HOME: this.userFolder,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_HOST: LOCALHOST,
			N8N_LISTEN_ADDRESS: LOCALHOST,
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: LOCALHOST,
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_LOG_OUTPUT: 'console',
			N8N_LOG_LEVEL: 'info',
			DB_TYPE: 'sqlite',
			GENERIC_TIMEZONE: 'UTC',
			// n8n 1.123's default "vm" expression engine needs isolated-vm 6, which needs Node.js >= 22.
			...(this.install.isolatedVm === 'unusable' ? { N8N_EXPRESSION_ENGINE: 'legacy' } : {}),
			...this.extraEnv,
			...extra,
		};
	}

	logPrefix(name) {
		this.seq += 1;
		return path.join(
			this.logDir,
			`${String(this.seq).padStart(2, '0')}-${name.replace(/[^\w.-]+/g, '_')}`,
		);
	}

	/**
	 * Runs `n8n <args...>` to the end (own runner broker port, so it can run next to `n8n start`).
	 * Resolves with { code, stdout, stderr, ms, ... }; throws on a non-zero exit unless allowFailure.
	 */
	async cli(args, { timeoutMs = 120000, allowFailure = false, env = {} } = {}) {
		const result = await runLogged(this.install.nodeBin, [this.install.n8nBin, ...args], {
			env: this.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...env }),
			cwd: this.userFolder,
			timeoutMs,
			logPrefix: this.logPrefix(args[0]),
		});
		if (result.timedOut)
			throw new Error(`n8n ${args.join(' ')} timed out; see ${result.stdoutFile}`);
		if (result.code !== 0 && !allowFailure) {
			throw new Error(
				`n8n ${args.join(' ')} exited ${result.code ?? result.signal}; see ${result.stdoutFile}\n` +
					tail(result.stdout + result.stderr),
			);
		}
		return result;
	}

	writeInput(name, data) {
		const file = `${this.logPrefix(name)}.json`;
		fs.writeFileSync(file, JSON.stringify(data, null, '\t'));
		return file;
	}

	/**
	 * Imports credentials: one or an array of { id?, name, type, data } with `data` in plain text (n8n
	 * encrypts it on import). Ids are made up when missing. Resolves with the credentials as imported.
	 */
	async importCredentials(credentials) {
		const list = (Array.isArray(credentials) ? credentials : [credentials]).map((c) => ({
			id: randomId(),
			...c,
		}));
		const input = this.writeInput('credentials', list);
		try {
			await this.cli(['import:credentials', `--input=${input}`]);
		} finally {
			// The input holds the secrets in plain text; n8n keeps its own, encrypted copy.
			fs.rmSync(input, { force: true });
		}
		return list;
	}

	/** Imports several workflows in one CLI call (ids made up when missing). Resolves with them. */
	async importWorkflows(workflows) {
		const list = workflows.map((workflow) => ({
			id: randomId(),
			active: false,
			settings: {},
			connections: {},
			...workflow,
		}));
		await this.cli(['import:workflow', `--input=${this.writeInput('workflows', list)}`]);
		return list;
	}

	/** Imports one workflow (an id is made up when missing). Resolves with the workflow as imported. */
	async importWorkflow(workflow) {
		const wf = { id: randomId(), active: false, settings: {}, connections: {}, ...workflow };
		await this.cli(['import:workflow', `--input=${this.writeInput('workflow', wf)}`]);
		return wf;
	}

	/**
	 * `n8n execute --id=<id> --rawOutput`. Resolves with { ok, run, error, code, signal, crashedOnExit, ms,
	 * stdout, stderr, stdoutFile }: `run` is the parsed run (run.data.resultData.runData[<node name>][0]
	 * per node), `ok` is true when the run has no error, `error` is run.data.resultData.error.
	 * Judge by `ok`, not by `code`: a failed workflow exits 1, and n8n 1.123/2.41 often die with SIGSEGV
	 * (isolated-vm, the default expression engine, at process.exit) after printing the run
	 * (crashedOnExit). Throws when n8n printed no run (unknown workflow id, crash before the end).
	 */
	async execute(id, options = {}) {
		const result = await this.cli(['execute', `--id=${id}`, '--rawOutput'], {
			allowFailure: true,
			...options,
		});
		let run;
		try {
			run = parseRawOutput(result.stdout);
		} catch (error) {
			throw new Error(
				`could not parse the output of n8n execute (${error.message}); see ${result.stdoutFile}`,
			);
		}
		if (!run?.data?.resultData) {
			throw new Error(
				`n8n execute --id=${id} printed no run (exit ${result.code ?? result.signal}); see ${result.stdoutFile}\n` +
					tail(result.stdout + result.stderr),
			);
		}
		const error = run.data.resultData.error;
		return {
			...result,
			run,
			ok: !error,
			error,
			crashedOnExit: result.signal !== null && result.signal !== undefined,
		};
	}

	/**
	 * `n8n execute-batch`: runs several workflows one after another in one n8n process (one start-up
	 * for all, instead of one per `execute`), each as `execute` would. Its ids must be numeric (the
	 * command refuses others). Resolves with { summary, runs, ms, ... }: `runs[id]` is the run of each
	 * workflow that ended without error, as `execute` gives it (execute-batch writes a snapshot of
	 * those only); `summary` is its report, with the error text of each failed workflow in
	 * summary.summary.errors. Each workflow runs once: `--retries=0` (execute-batch runs a failed
	 * workflow again by default). Throws when n8n wrote no report.
	 */
	async executeBatch(ids, options = {}) {
		const dir = fs.mkdtempSync(path.join(this.logDir, 'batch-'));
		const snapshots = path.join(dir, 'snapshots');
		fs.mkdirSync(snapshots);
		const report = path.join(dir, 'report.json');
		const result = await this.cli(
			[
				'execute-batch',
				`--ids=${ids.join(',')}`,
				'--retries=0',
				`--snapshot=${snapshots}`,
				`--output=${report}`,
			],
			{ allowFailure: true, timeoutMs: 300000, ...options },
		);
		if (!fs.existsSync(report)) {
			throw new Error(
				`n8n execute-batch wrote no report (exit ${result.code ?? result.signal}); see ${result.stdoutFile}\n` +
					tail(result.stdout + result.stderr),
			);
		}
		const runs = {};
		for (const id of ids) {
			const file = path.join(snapshots, `${id}-snapshot.json`);
			if (fs.existsSync(file)) runs[id] = JSON.parse(fs.readFileSync(file, 'utf8'));
		}
		return { ...result, summary: JSON.parse(fs.readFileSync(report, 'utf8')), runs };
	}

	/**
	 * `n8n execute` once more, with n8n's debug log written to <userFolder>/.n8n/logs/n8n.log (stdout
	 * keeps the run, as for `execute`). Resolves with the CLI result; a failed run is no error.
	 */
	async executeWithDebugLog(id, options = {}) {
		return this.cli(['execute', `--id=${id}`, '--rawOutput'], {
			allowFailure: true,
			...options,
			env: { N8N_LOG_LEVEL: 'debug', N8N_LOG_OUTPUT: 'file', ...options.env },
		});
	}

	/**
	 * Every file of the user folder, node_modules left out: n8n's database (with its write-ahead log),
	 * its log files, and the stdout and stderr of every command run here. For searching for secrets.
	 */
	files() {
		return filesUnder(this.userFolder);
	}

	/** Makes a workflow's triggers and webhooks live on the next `n8n start` (2.x publish, 1.x activate). */
	async activate(id) {
		if (this.install.major >= 2) return this.cli(['publish:workflow', `--id=${id}`]);
		return this.cli(['update:workflow', `--id=${id}`, '--active=true']);
	}

	/**
	 * Starts `n8n start` on a free port and waits for /healthz/readiness, and for each path in
	 * `webhooks` until the production webhook answers. Resolves with an N8nServer.
	 */
	async start({ port, webhooks = [], timeoutMs = 90000, env = {} } = {}) {
		const server = new N8nServer(this, port ?? (await freePort()));
		this.servers.add(server);
		await server.spawn({ timeoutMs, env });
		for (const webhookPath of webhooks) await server.waitForWebhook(webhookPath, { timeoutMs });
		return server;
	}

	/** Stops every server started here and removes the user folder (unless keep). */
	async dispose() {
		for (const server of this.servers) await server.stop();
		if (!this.keep) fs.rmSync(this.userFolder, { recursive: true, force: true });
	}
}

/** Every file under `dir`, node_modules left out. */
function filesUnder(dir) {
	const files = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const file = path.join(dir, entry.name);
		if (entry.isDirectory() && entry.name !== 'node_modules') files.push(...filesUnder(file));
		else if (entry.isFile()) files.push(file);
	}
	return files;
}

function tail(text, lines = 30) {
	return text.split('\n').slice(-lines).join('\n');
}

class N8nServer {
	constructor(n8n, port) {
		this.n8n = n8n;
		this.port = port;
		this.baseUrl = `http://${LOCALHOST}:${port}`;
		this.cookie = undefined;
		// n8n ties the auth cookie to a browser id sent as a header.
		this.browserId = crypto.randomUUID();
		this.child = undefined;
	}

	async spawn({ timeoutMs, env }) {
		const prefix = this.n8n.logPrefix('start');
		this.stdoutFile = `${prefix}.stdout.log`;
		this.stderrFile = `${prefix}.stderr.log`;
		const out = fs.openSync(this.stdoutFile, 'w');
		const err = fs.openSync(this.stderrFile, 'w');
		const started = Date.now();
		try {
			this.child = spawn(this.n8n.install.nodeBin, [this.n8n.install.n8nBin, 'start'], {
				env: this.n8n.env({
					N8N_PORT: String(this.port),
					N8N_RUNNERS_BROKER_PORT: String(await freePort()),
					N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
					...env,
				}),
				cwd: this.n8n.userFolder,
				detached: true,
				stdio: ['ignore', out, err],
			});
		} finally {
			fs.closeSync(out);
			fs.closeSync(err);
		}
		this.pid = this.child.pid;
		track(this.pid);
		this.exited = new Promise((resolve) =>
			this.child.on('exit', (code, signal) => resolve({ code, signal })),
		);
		this.exitInfo = undefined;
		this.exited.then((info) => (this.exitInfo = info));
		try {
			await this.waitFor(
				async () => (await this.request('GET', '/healthz/readiness')).status === 200,
				{
					timeoutMs,
					what: 'readiness',
				},
			);
			// n8n 1.x reports ready before its REST routes are mounted.
			await this.waitFor(async () => (await this.request('GET', '/rest/settings')).status === 200, {
				timeoutMs,
				what: 'the REST API',
			});
		} catch (error) {
			await this.stop();
			throw error;
		}
		this.readyMs = Date.now() - started;
	}

	logs() {
		const read = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
		return read(this.stdoutFile) + read(this.stderrFile);
	}

	async waitFor(check, { timeoutMs = 60000, intervalMs = 250, what = 'condition' } = {}) {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			if (this.exitInfo) {
				throw new Error(
					`n8n start exited (${this.exitInfo.code ?? this.exitInfo.signal}) while waiting for ${what}; ` +
						`see ${this.stdoutFile}\n${tail(this.logs())}`,
				);
			}
			try {
				if (await check()) return;
			} catch {
				// Not listening yet.
			}
			if (Date.now() > deadline) {
				throw new Error(
					`timed out waiting for ${what}; see ${this.stdoutFile}\n${tail(this.logs())}`,
				);
			}
			await sleep(intervalMs);
		}
	}

	/**
	 * Waits until the production webhook `method /webhook/<path>` is registered. A CORS preflight (OPTIONS
	 * with Origin) answers 204 once it is and 404 before; a plain OPTIONS always answers 204. Webhooks
	 * register after readiness (2.x activates published workflows in the background).
	 */
	async waitForWebhook(webhookPath, { method = 'GET', timeoutMs = 60000 } = {}) {
		const headers = { origin: this.baseUrl, 'access-control-request-method': method };
		await this.waitFor(
			async () =>
				(await this.request('OPTIONS', `/webhook/${webhookPath}`, undefined, { headers }))
					.status === 204,
			{ timeoutMs, what: `webhook ${method} ${webhookPath}` },
		);
	}

	/**
	 * Any HTTP request to the server (with the login cookie when there is one). body: an object (sent as
	 * JSON) or a string. Resolves with { status, headers, body } (body parsed when JSON).
	 */
	async request(method, urlPath, body, { headers = {}, timeoutMs = 30000 } = {}) {
		const init = {
			method,
			headers: { 'browser-id': this.browserId, ...headers },
			signal: AbortSignal.timeout(timeoutMs),
			redirect: 'manual',
		};
		if (this.cookie) init.headers.cookie = this.cookie;
		if (body !== undefined) {
			init.body = typeof body === 'string' ? body : JSON.stringify(body);
			if (typeof body !== 'string') init.headers['content-type'] = 'application/json';
		}
		const response = await fetch(this.baseUrl + urlPath, init);
		const text = await response.text();
		let parsed = text;
		if ((response.headers.get('content-type') ?? '').includes('json') && text) {
			try {
				parsed = JSON.parse(text);
			} catch {
				// Keep the text.
			}
		}
		const setCookie = response.headers.getSetCookie?.() ?? [];
		for (const c of setCookie) {
			const match = /^n8n-auth=([^;]*)/.exec(c);
			if (match) this.cookie = match[1] ? `n8n-auth=${match[1]}` : undefined;
		}
		return { status: response.status, headers: response.headers, body: parsed };
	}

	/** A REST call under /rest; resolves with the response's `data`, throws on a non-2xx status. */
	async rest(method, urlPath, body) {
		const response = await this.request(method, `/rest${urlPath}`, body);
		if (response.status < 200 || response.status >= 300) {
			const error = new Error(
				`${method} /rest${urlPath} answered ${response.status}: ${JSON.stringify(response.body)}`,
			);
			error.response = response;
			throw error;
		}
		return response.body && typeof response.body === 'object' && 'data' in response.body
			? response.body.data
			: response.body;
	}

	/** Creates the owner account (once per user folder); n8n logs it in (keeps the cookie). */
	async setupOwner(owner = OWNER) {
		return this.rest('POST', '/owner/setup', owner);
	}

	/** Logs in (keeps the cookie). */
	async login({ email, password } = OWNER) {
		return this.rest('POST', '/login', { emailOrLdapLoginId: email, password });
	}

	/** Owner setup when needed, then login. */
	async ensureLoggedIn(owner = OWNER) {
		const settings = await this.rest('GET', '/settings');
		if (settings?.userManagement?.showSetupOnFirstLoad) await this.setupOwner(owner);
		return this.login(owner);
	}

	/**
	 * The editor's "Test" button for a credential: POST /rest/credentials/test { credentials } (1.123 and
	 * 2.41 alike). credentials: { id, name, type, data } with plain data: n8n tests the given data, taking
	 * fields given as redacted values from the stored credential `id`. The id must be a stored credential
	 * the user can read (else 403); only 2.x also accepts id '' (the default here) for the owner, to test
	 * data never saved. Resolves with { status: 'OK' | 'Error', message }. Needs a login.
	 */
	async testCredentials(credentials) {
		return this.rest('POST', '/credentials/test', { credentials: { id: '', ...credentials } });
	}

	/**
	 * The editor's Publish (2.x, `POST /workflows/:id/activate`) or Active switch (1.x, `PATCH
	 * /workflows/:id {active: true}`) on the running server: n8n activates the workflow with the
	 * activation mode `activate` (a workflow published before it started is activated with `init`).
	 * Throws with n8n's answer when n8n refuses (the activation poll of a trigger failed, say).
	 */
	async activateWorkflow(id) {
		const { versionId } = await this.rest('GET', `/workflows/${id}`);
		if (this.n8n.install.major >= 2) {
			return this.rest('POST', `/workflows/${id}/activate`, { versionId });
		}
		return this.rest('PATCH', `/workflows/${id}`, { active: true, versionId });
	}

	/** The editor's Unpublish (2.x) or Active switch off (1.x). */
	async deactivateWorkflow(id) {
		if (this.n8n.install.major >= 2) return this.rest('POST', `/workflows/${id}/deactivate`, {});
		const { versionId } = await this.rest('GET', `/workflows/${id}`);
		return this.rest('PATCH', `/workflows/${id}`, { active: false, versionId });
	}

	/**
	 * The executions n8n recorded for a workflow (`GET /executions`), oldest first, at most 99:
	 * summaries with id, mode (`trigger`, `manual`...), status (`success`, `error`, `running`...).
	 */
	async executions(workflowId) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		// 100 is the most n8n 2.x serves at once.
		const data = await this.rest('GET', `/executions?filter=${filter}&limit=100`);
		const list = Array.isArray(data) ? data : data.results;
		if (list.length === 100) throw new Error(`${workflowId} has more than 100 executions`);
		return [...list].sort((a, b) => Number(a.id) - Number(b.id));
	}

	/**
	 * One execution with its run (`GET /executions/:id`; n8n sends the run in its `flatted` format,
	 * read here with n8n's own copy of flatted): `run.resultData.runData[<node>][0]`.
	 */
	async execution(id) {
		const execution = await this.rest('GET', `/executions/${id}`);
		const flatted = require(path.join(this.n8n.install.dir, 'node_modules', 'flatted'));
		const run = typeof execution.data === 'string' ? flatted.parse(execution.data) : execution.data;
		return { ...execution, run };
	}

	/**
	 * The editor's "Fetch Test Event" (a trigger) or "Test step": a manual execution of the stored
	 * workflow from `triggerName` (`POST /workflows/:id/run`; 1.x takes the workflow in the body,
	 * 2.x reads it from the database). Resolves with the finished execution, as `execution()`.
	 */
	async runManually(workflowId, triggerName, { timeoutMs = 60000 } = {}) {
		const body = { triggerToStartFrom: { name: triggerName } };
		if (this.n8n.install.major < 2) {
			body.workflowData = await this.rest('GET', `/workflows/${workflowId}`);
		} else {
			body.destinationNode = { nodeName: triggerName, mode: 'inclusive' };
		}
		const { executionId } = await this.rest('POST', `/workflows/${workflowId}/run`, body);
		if (executionId === undefined) throw new Error(`n8n started no execution of ${workflowId}`);
		let execution;
		await this.waitFor(
			async () => {
				execution = await this.execution(executionId);
				return !['new', 'running'].includes(execution.status);
			},
			{ timeoutMs, what: `manual execution ${executionId}` },
		);
		return execution;
	}

	/** The node types the editor gets (GET /types/nodes.json): an array of descriptions. */
	async nodeTypes() {
		const response = await this.request('GET', '/types/nodes.json');
		if (response.status !== 200)
			throw new Error(`GET /types/nodes.json answered ${response.status}`);
		return typeof response.body === 'string' ? JSON.parse(response.body) : response.body;
	}

	/** Stops the server: SIGTERM to its process group, SIGKILL after graceMs; waits until none is left. */
	async stop({ graceMs = 15000 } = {}) {
		if (!this.pid) return;
		const pid = this.pid;
		this.pid = undefined;
		this.n8n.servers.delete(this);
		killGroup(pid, 'SIGTERM');
		if (!(await waitForGroupExit(pid, graceMs))) killGroup(pid, 'SIGKILL');
		if (!(await waitForGroupExit(pid, 5000))) throw new Error(`process group ${pid} would not die`);
		untrack(pid);
		await this.exited;
	}
}

module.exports = {
	ENCRYPTION_KEY,
	OWNER,
	N8n,
	N8nServer,
	createUserFolder,
	freePort,
	groupMembers,
	installN8n,
	packageNameOf,
	parseRawOutput,
	randomId,
};
