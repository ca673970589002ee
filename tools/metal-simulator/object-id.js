'use strict';

const crypto = require('node:crypto');

// Metal ids look like MongoDB ObjectIds (24 hex). Building them the same way (the creation time in
// seconds in the first 4 bytes, a per-process random part, a counter) keeps them unique and ordered
// by creation, as real ones are, without any dependency. Lists sort by id, so "newest first" and the
// `lt` cursor only work because of that order.

const OBJECT_ID = /^[0-9a-f]{24}$/i;

function isObjectId(value) {
	return typeof value === 'string' && OBJECT_ID.test(value);
}

function createObjectIdGenerator({ now = () => Date.now() } = {}) {
	const processPart = crypto.randomBytes(5).toString('hex');
	// Starts in the lower half, so ids made within one second cannot wrap around and lose their
	// order before 8 million of them.
	let counter = crypto.randomBytes(3).readUIntBE(0, 3) & 0x7fffff;

	/** A new id; `at` (a Date, ISO text or milliseconds) sets its creation time, else now. */
	return function nextObjectId(at) {
		const time = at === undefined ? now() : new Date(at).getTime();
		if (!Number.isFinite(time) || time < 0) throw new TypeError(`not a time: ${String(at)}`);
		counter = (counter + 1) % 0x1000000;
		const seconds = Math.floor(time / 1000) % 0x100000000;
		return (
			seconds.toString(16).padStart(8, '0') + processPart + counter.toString(16).padStart(6, '0')
		);
	};
}

module.exports = { isObjectId, createObjectIdGenerator };
