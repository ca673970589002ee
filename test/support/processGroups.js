'use strict';
// Process groups of the test harnesses (n8n, workers, PostgreSQL, Redis): each long-running process
// is started detached, in its own group, so that stopping it stops its children too. Every group
// still tracked is killed with SIGKILL when this process exits or is interrupted, so nothing
// outlives a failed or aborted run. Linux only (reads /proc).

const fs = require('node:fs');

const tracked = new Set();

function signalGroup(pgid, signal) {
	try {
		process.kill(-pgid, signal);
		return true;
	} catch {
		return false;
	}
}

/** The live (not zombie) processes of a process group, from /proc. */
function groupMembers(pgid) {
	const members = [];
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		let stat;
		try {
			stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
		} catch {
			continue;
		}
		// pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		if (Number(fields[2]) === pgid && fields[0] !== 'Z') members.push(Number(entry));
	}
	return members;
}

function groupAlive(pgid) {
	return groupMembers(pgid).length > 0;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves true once no process of the group is left, false after `timeoutMs`. */
async function waitForGroupExit(pgid, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (groupAlive(pgid)) {
		if (Date.now() > deadline) return false;
		await sleep(100);
	}
	return true;
}

function killTracked() {
	for (const pgid of tracked) signalGroup(pgid, 'SIGKILL');
	tracked.clear();
}
process.on('exit', killTracked);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.once(signal, () => {
		killTracked();
		process.kill(process.pid, signal);
	});
}

module.exports = {
	groupAlive,
	groupMembers,
	signalGroup,
	sleep,
	track: (pgid) => tracked.add(pgid),
	untrack: (pgid) => tracked.delete(pgid),
	isTracked: (pgid) => tracked.has(pgid),
	waitForGroupExit,
};
