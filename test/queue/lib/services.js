'use strict';
// Throwaway PostgreSQL and Redis for the queue-mode test, from Debian's `postgresql` and
// `redis-server` packages (`npm test` installs them as root; this file installs nothing). Each runs
// from a fresh temporary folder on a free port of 127.0.0.1 and is removed again by stop().

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { freePort } = require('../../e2e/lib/n8n');
const { startGroup, waitUntil } = require('./processes');

const LOCALHOST = '127.0.0.1';
const INSTALL_HINT =
	'`npm test` installs them as root; otherwise: sudo apt-get update && sudo apt-get install -y postgresql redis-server';

function isExecutable(file) {
	try {
		fs.accessSync(file, fs.constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

function onPath(name) {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
		if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
	}
	return undefined;
}

/**
 * The folder with PostgreSQL's server programs (initdb, postgres, psql): PG_BINDIR, else the newest
 * /usr/lib/postgresql/<version>/bin (Debian's layout), else the folder of `initdb` on PATH.
 */
function findPostgresBinDir() {
	const candidates = [];
	if (process.env.PG_BINDIR) candidates.push(process.env.PG_BINDIR);
	const debianRoot = '/usr/lib/postgresql';
	if (fs.existsSync(debianRoot)) {
		const versions = fs
			.readdirSync(debianRoot)
			.filter((v) => /^\d+(\.\d+)?$/.test(v))
			.sort((a, b) => Number(b) - Number(a));
		for (const v of versions) candidates.push(path.join(debianRoot, v, 'bin'));
	}
	const initdb = onPath('initdb');
	if (initdb) candidates.push(path.dirname(fs.realpathSync(initdb)));
	const dir = candidates.find((d) =>
		['initdb', 'postgres', 'psql'].every((p) => isExecutable(path.join(d, p))),
	);
	if (!dir) {
		throw new Error(
			`PostgreSQL's server programs (initdb, postgres, psql) were not found (looked in ${debianRoot}/*/bin and PATH). ${INSTALL_HINT}`,
		);
	}
	return dir;
}

function findRedisServer() {
	const found = onPath('redis-server') ?? ['/usr/bin/redis-server'].find(isExecutable);
	if (!found) throw new Error(`redis-server was not found on PATH. ${INSTALL_HINT}`);
	return found;
}

/** Both are there, or an Error saying what is missing and who installs it. */
function checkPrerequisites() {
	return { postgresBinDir: findPostgresBinDir(), redisServer: findRedisServer() };
}

/** The uid and gid PostgreSQL runs as: this process's own, or when root (which PostgreSQL refuses) `postgres`/`nobody`. */
function postgresUser() {
	if (process.getuid() !== 0) return {};
	const passwd = fs.readFileSync('/etc/passwd', 'utf8').split('\n');
	for (const name of ['postgres', 'nobody']) {
		const line = passwd.find((l) => l.startsWith(`${name}:`));
		if (line) {
			const [, , uid, gid] = line.split(':');
			return { uid: Number(uid), gid: Number(gid), name };
		}
	}
	throw new Error(
		'running as root and neither a postgres nor a nobody user exists to run PostgreSQL',
	);
}

/**
 * A fresh PostgreSQL cluster (initdb with trust authentication, durability off: it is thrown away) on a
 * free port of 127.0.0.1, with database `n8n` owned by superuser `n8n`. Resolves with
 * { host, port, user, password, database, dir, logFile, query(sql), stop() }.
 */
async function startPostgres({ binDir = findPostgresBinDir(), timeoutMs = 60000 } = {}) {
	const started = Date.now();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'metal-queue-pg-'));
	const dataDir = path.join(dir, 'data');
	const logFile = path.join(dir, 'postgres.log');
	const { uid, gid } = postgresUser();
	if (uid !== undefined) fs.chownSync(dir, uid, gid);
	const env = { PATH: process.env.PATH, LANG: 'C', LC_ALL: 'C', HOME: dir, TZ: 'UTC' };
	let server;
	const stop = async () => {
		// SIGINT is PostgreSQL's fast shutdown: clients are disconnected, no waiting for them.
		await server?.stop({ graceMs: 10000 });
		fs.rmSync(dir, { recursive: true, force: true });
	};
	try {
		execFileSync(
			path.join(binDir, 'initdb'),
			['-D', dataDir, '-U', 'n8n', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'],
			{ env, cwd: dir, uid, gid, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs },
		);
		const port = await freePort();
		server = startGroup(
			path.join(binDir, 'postgres'),
			[
				'-D',
				dataDir,
				'-p',
				String(port),
				'-c',
				`listen_addresses=${LOCALHOST}`,
				'-c',
				`unix_socket_directories=${dir}`,
				'-c',
				'fsync=off',
				'-c',
				'synchronous_commit=off',
				'-c',
				'full_page_writes=off',
				'-c',
				'max_connections=200',
			],
			{ env, cwd: dir, uid, gid, logFile, stopSignal: 'SIGINT' },
		);
		const psql = (database, sql) =>
			execFileSync(
				path.join(binDir, 'psql'),
				[
					'-h',
					LOCALHOST,
					'-p',
					String(port),
					'-U',
					'n8n',
					'-d',
					database,
					'-X',
					'-A',
					'-t',
					'-F',
					'\t',
					'-v',
					'ON_ERROR_STOP=1',
					'-c',
					sql,
				],
				{
					env,
					encoding: 'utf8',
					stdio: ['ignore', 'pipe', 'pipe'],
					timeout: 60000,
					maxBuffer: 256 * 1024 * 1024,
				},
			);
		await waitUntil(() => psql('postgres', 'select 1').trim() === '1', {
			timeoutMs,
			what: 'PostgreSQL',
			handle: server,
		});
		psql('postgres', 'create database n8n');
		return {
			host: LOCALHOST,
			port,
			user: 'n8n',
			password: 'n8n',
			database: 'n8n',
			dir,
			logFile,
			ms: Date.now() - started,
			/** Runs SQL in database n8n; resolves with rows of tab-separated fields. */
			query(sql) {
				const out = psql('n8n', sql);
				return out
					.split('\n')
					.filter((line) => line !== '')
					.map((line) => line.split('\t'));
			},
			stop,
		};
	} catch (error) {
		await stop().catch(() => {});
		if (error.stderr) error.message += `\n${error.stderr}`;
		throw error;
	}
}

/** Sends one inline command to Redis and resolves with the first reply line. */
function redisCommand(port, command) {
	return new Promise((resolve, reject) => {
		const socket = net.connect({ host: LOCALHOST, port });
		let reply = '';
		socket.setTimeout(2000, () => socket.destroy(new Error('redis did not answer')));
		socket.on('connect', () => socket.write(`${command}\r\n`));
		socket.on('data', (chunk) => {
			reply += chunk.toString('utf8');
			if (reply.includes('\r\n')) {
				socket.end();
				resolve(reply.split('\r\n')[0]);
			}
		});
		socket.on('error', reject);
	});
}

/** A Redis on a free port of 127.0.0.1, no persistence, in a temporary folder. Resolves with { host, port, dir, logFile, stop() }. */
async function startRedis({ redisServer = findRedisServer(), timeoutMs = 30000 } = {}) {
	const started = Date.now();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'metal-queue-redis-'));
	const logFile = path.join(dir, 'redis.log');
	const port = await freePort();
	const server = startGroup(
		redisServer,
		[
			'--port',
			String(port),
			'--bind',
			LOCALHOST,
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'no',
			'--daemonize',
			'no',
			'--protected-mode',
			'yes',
		],
		{ env: { PATH: process.env.PATH }, cwd: dir, logFile },
	);
	const stop = async () => {
		await server.stop({ graceMs: 10000 });
		fs.rmSync(dir, { recursive: true, force: true });
	};
	try {
		await waitUntil(async () => (await redisCommand(port, 'PING')) === '+PONG', {
			timeoutMs,
			what: 'Redis',
			handle: server,
		});
	} catch (error) {
		await stop().catch(() => {});
		throw error;
	}
	return { host: LOCALHOST, port, dir, logFile, ms: Date.now() - started, stop };
}

module.exports = {
	checkPrerequisites,
	findPostgresBinDir,
	findRedisServer,
	startPostgres,
	startRedis,
};
