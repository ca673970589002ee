'use strict';

// Fault injection must be reproducible: the same seed and the same order of requests give the
// same faults, so a test can pin a failure to a given request. Math.random() cannot be seeded,
// hence this small PRNG (mulberry32: 32-bit state, good enough spread for picking faults).

function createPrng(seed) {
	let state = seed >>> 0;
	return function nextRandom() {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

module.exports = { createPrng };
