'use strict';

// Metal publishes no numbers for its per-organization limit, only the 429. A token bucket lets a
// test allow a burst and then a steady rate, which is how most gateways behave.

function createTokenBucket({ ratePerSecond, capacity, now = () => performance.now() }) {
	let tokens = capacity;
	let lastRefill = now();

	function refill() {
		const current = now();
		tokens = Math.min(capacity, tokens + ((current - lastRefill) / 1000) * ratePerSecond);
		lastRefill = current;
	}

	return {
		tryTake() {
			refill();
			if (tokens < 1) return false;
			tokens -= 1;
			return true;
		},
		reset() {
			tokens = capacity;
			lastRefill = now();
		},
	};
}

module.exports = { createTokenBucket };
