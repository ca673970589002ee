'use strict';

const { createTokenBucket } = require('../../tools/metal-simulator/token-bucket');

describe('token bucket', () => {
	test('spends the burst, then refills at the given rate (fake clock)', () => {
		let now = 0;
		const bucket = createTokenBucket({ ratePerSecond: 2, capacity: 3, now: () => now });
		expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([
			true,
			true,
			true,
			false,
		]);
		now = 499;
		expect(bucket.tryTake()).toBe(false);
		now = 500;
		expect(bucket.tryTake()).toBe(true);
		expect(bucket.tryTake()).toBe(false);
		// A long pause never stores more than the capacity.
		now = 60_000;
		expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([
			true,
			true,
			true,
			false,
		]);
		bucket.reset();
		expect(bucket.tryTake()).toBe(true);
	});
});
