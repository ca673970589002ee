import { RateLimitGate } from '../../../../../nodes/Metal/transport/rateLimitGate';
import { backoffMs, WRITE_RETRY_POLICY } from '../../../../../nodes/Metal/transport/retryPolicy';

const backoff = (level: number) => backoffMs(WRITE_RETRY_POLICY, level);

const T0 = 1_000_000;

beforeEach(() => jest.spyOn(Math, 'random').mockReturnValue(0.5));
afterEach(() => jest.restoreAllMocks());

describe('the rate-limit gate shared by a run', () => {
	it('is open until a 429, then closed for the backoff', () => {
		const gate = new RateLimitGate(10);
		expect(gate.waitMs(T0)).toBe(0);

		expect(gate.close(undefined, backoff, T0)).toBe(750);

		expect(gate.waitMs(T0)).toBe(750);
		expect(gate.waitMs(T0 + 500)).toBe(250);
		expect(gate.waitMs(T0 + 750)).toBe(0);
	});

	it('a burst of 429s from requests already in flight counts once', () => {
		const gate = new RateLimitGate(10);
		gate.close(undefined, backoff, T0);

		expect(gate.close(undefined, backoff, T0 + 5)).toBe(750);
		expect(gate.close(undefined, backoff, T0 + 9)).toBe(750);
		expect(gate.waitMs(T0 + 9)).toBe(750);
	});

	it('grows while the limit is hit again with the gate open, and starts over after a success', () => {
		const gate = new RateLimitGate(10);
		gate.close(undefined, backoff, T0);

		expect(gate.close(undefined, backoff, T0 + 750)).toBe(1500);
		expect(gate.close(undefined, backoff, T0 + 2250)).toBe(3000);
		gate.succeeded();
		expect(gate.close(undefined, backoff, T0 + 6000)).toBe(750);
	});

	it("waits as long as Metal's Retry-After says", () => {
		const gate = new RateLimitGate(10);

		expect(gate.close(4000, backoff, T0)).toBe(4000);
		expect(gate.waitMs(T0 + 1000)).toBe(3000);
	});

	/** Takes `count` places, then gives one back: the request that got the 429. */
	async function inFlight(gate: RateLimitGate, count: number) {
		for (let n = 0; n < count; n++) await gate.enter();
		gate.leave();
	}

	it('halves the requests in flight on each wave of 429s, and lets them back slowly', async () => {
		const gate = new RateLimitGate(50);
		expect(gate.capacity).toBe(50);

		// 12 requests were in flight, far below the cap: the limit becomes half of them.
		await inFlight(gate, 12);
		gate.close(undefined, backoff, T0);
		gate.close(undefined, backoff, T0 + 1);
		expect(gate.capacity).toBe(6);

		// The second 429 came while the gate was closed: the gate opens again at T0 + 751.
		gate.close(undefined, backoff, T0 + 751);
		expect(gate.capacity).toBe(3);
		gate.close(undefined, backoff, T0 + 3000);
		gate.close(undefined, backoff, T0 + 9000);
		expect(gate.capacity).toBe(1);

		let successes = 0;
		while (gate.capacity < 50) {
			gate.succeeded();
			successes++;
		}
		expect(successes).toBeGreaterThan(1000);
	});

	it('holds a request back while the places in flight are taken, and lets it in when one frees', async () => {
		const gate = new RateLimitGate(2);
		await gate.enter();
		await gate.enter();
		let third = false;
		const waiting = gate.enter().then(() => (third = true));

		await Promise.resolve();
		expect(third).toBe(false);
		gate.leave();
		await waiting;
		expect(third).toBe(true);
	});
});
