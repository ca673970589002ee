'use strict';

const fs = require('node:fs');

// One entry per /v1 (or unknown) request, kept in memory for tests and optionally appended to a
// JSON-lines file for humans and scripts. Entries never hold the x-metal-api-key value: only
// whether it was sent and whether it matched. Writes are synchronous so the file is complete the
// moment the answer is sent and nothing is lost on close.

function createRequestLog({ file }) {
	const entries = [];
	const fd = file ? fs.openSync(file, 'a') : undefined;
	let sequence = 0;

	return {
		entries,
		append(entry) {
			sequence += 1;
			const numbered = { seq: sequence, ...entry };
			entries.push(numbered);
			if (fd !== undefined) fs.writeSync(fd, `${JSON.stringify(numbered)}\n`);
			return numbered;
		},
		/** Empties the in-memory log; the file keeps its history (append-only). */
		clear() {
			entries.length = 0;
		},
		close() {
			if (fd !== undefined) fs.closeSync(fd);
		},
	};
}

module.exports = { createRequestLog };
