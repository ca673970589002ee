'use strict';
// Long-running processes for the queue-mode test (PostgreSQL, Redis, n8n workers), each in its own
// process group (test/support/processGroups.js) with stdout and stderr in one log file.

const { spawn } = require('node:child_process');
const fs = require('node:fs');

const {
	isTracked,
	signalGroup,
	sleep,
	track,
	untrack,
	waitForGroupExit,
} = require('../../support/processGroups');

/**
 * Starts `command args` in a new process group, output appended to `logFile`.
 * options: env, cwd, uid/gid (to drop root for PostgreSQL), stopSignal (default SIGTERM).
 * Returns { pid, logFile, exited (promise of { code, signal }), exitInfo, stop(), kill(), log() }.
 */
function startGroup(command, args, { env, cwd, uid, gid, logFile, stopSignal = 'SIGTERM' }) {
	const fd = fs.openSync(logFile, 'a');
	let child;
	try {
		child = spawn(command, args, {
			env,
			cwd,
			uid,
			gid,
			detached: true,
			stdio: ['ignore', fd, fd],
		});
	} finally {
		fs.closeSync(fd);
	}
	const pid = child.pid;
	if (pid === undefined) throw new Error(`could not start ${command}`);
	track(pid);
	const handle = {
		pid,
		logFile,
		exitInfo: undefined,
		exited: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal }))),
		log: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''),
		/** Stops the group: stopSignal, then SIGKILL after graceMs; resolves when none is left. */
		async stop({ graceMs = 15000 } = {}) {
			if (!isTracked(pid)) return;
			signalGroup(pid, stopSignal);
			if (!(await waitForGroupExit(pid, graceMs))) signalGroup(pid, 'SIGKILL');
			if (!(await waitForGroupExit(pid, 5000)))
				throw new Error(`process group ${pid} would not die`);
			untrack(pid);
		},
		/** SIGKILL to the whole group at once (a crash: no shutdown code runs). */
		async kill() {
			signalGroup(pid, 'SIGKILL');
			await waitForGroupExit(pid, 5000);
			untrack(pid);
		},
	};
	child.on('error', () => untrack(pid));
	handle.exited.then((info) => (handle.exitInfo = info));
	return handle;
}

/** Polls `check` until it resolves truthy; fails early when `handle` exits, or after timeoutMs. */
async function waitUntil(check, { timeoutMs, what, handle, intervalMs = 200 }) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (handle?.exitInfo) {
			throw new Error(
				`${what}: the process exited (${handle.exitInfo.code ?? handle.exitInfo.signal}); see ${handle.logFile}\n` +
					tail(handle.log()),
			);
		}
		try {
			if (await check()) return;
		} catch {
			// Not up yet.
		}
		if (Date.now() > deadline) {
			throw new Error(
				`timed out waiting for ${what}${handle ? `; see ${handle.logFile}\n${tail(handle.log())}` : ''}`,
			);
		}
		await sleep(intervalMs);
	}
}

function tail(text, lines = 30) {
	return text.split('\n').slice(-lines).join('\n');
}

module.exports = { sleep, startGroup, tail, waitUntil };
