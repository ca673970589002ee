'use strict';

const crypto = require('node:crypto');

// Metal ids look like MongoDB ObjectIds (24 lowercase hex). Building them the same way (seconds,
// a per-process random part, a counter) keeps them unique and roughly ordered by creation, as
// real ones are, without any dependency.

function createObjectIdGenerator({ now = () => Date.now() } = {}) {
	const processPart = crypto.randomBytes(5).toString('hex');
	let counter = crypto.randomBytes(3).readUIntBE(0, 3);

	return function nextObjectId() {
		counter = (counter + 1) % 0x1000000;
		const seconds = Math.floor(now() / 1000) % 0x100000000;
		return (
			seconds.toString(16).padStart(8, '0') + processPart + counter.toString(16).padStart(6, '0')
		);
	};
}

module.exports = { createObjectIdGenerator };
