'use strict';
// The bench's own child processes (the simulator, the plain client): each a module of this folder,
// forked with an IPC channel so that it has an event loop of its own, as n8n has in its process.

const { fork } = require('node:child_process');
const { setTimeout: sleep } = require('node:timers/promises');

/** Forks `file` (a module of this folder run as a child) with extra environment variables. */
function forkChild(file, env) {
	return fork(file, [], {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
}

/** The first message of `child` that `predicate` accepts; rejects on exit or after `timeoutMs`. */
function onceMessage(child, predicate, timeoutMs, what) {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			cleanup();
			reject(new Error(`timed out waiting for ${what}`));
		}, timeoutMs);
		const onMessage = (message) => {
			if (!predicate(message)) return;
			cleanup();
			resolve(message);
		};
		const onExit = (code, signal) => {
			cleanup();
			reject(new Error(`${what}: the child exited (${code ?? signal})`));
		};
		const cleanup = () => {
			clearTimeout(timer);
			child.off('message', onMessage);
			child.off('exit', onExit);
		};
		child.on('message', onMessage);
		child.on('exit', onExit);
	});
}

/** call(payload, timeoutMs): sends `payload` with an id and resolves with the answer of that id. */
function rpc(child, what) {
	let seq = 0;
	return (payload, timeoutMs = 30000) => {
		const id = ++seq;
		const answer = onceMessage(child, (m) => m.id === id, timeoutMs, `${what} (${payload.cmd})`);
		child.send({ ...payload, id });
		return answer;
	};
}

/** Waits up to `graceMs` for `child` to exit on its own, then kills it. */
async function reapChild(child, graceMs) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	await Promise.race([new Promise((resolve) => child.once('exit', resolve)), sleep(graceMs)]);
	if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

module.exports = { forkChild, onceMessage, reapChild, rpc };
