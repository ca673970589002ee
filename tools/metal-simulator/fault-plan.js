'use strict';

// One PRNG draw per eligible request picks at most one fault: the unit interval is split into
// [fail | reset | slow | none] by the configured rates. A single draw keeps the sequence of faults
// a function of the seed and the request order only, whatever the rates are.

function drawFault(nextRandom, { failRate, resetRate, slowRate }) {
	const roll = nextRandom();
	if (roll < failRate) return 'fail';
	if (roll < failRate + resetRate) return 'reset';
	if (roll < failRate + resetRate + slowRate) return 'slow';
	return null;
}

module.exports = { drawFault };
