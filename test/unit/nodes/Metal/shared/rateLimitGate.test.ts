import { RateLimitGate } from '../../../../../nodes/Metal/shared/rateLimitGate';
import { WRITE_RETRY_POLICY } from '../../../../../nodes/Metal/shared/retryPolicy';

const T0 = 1_000_000;

beforeEach(() => jest.spyOn(Math, 'random').mockReturnValue(0.5));
afterEach(() => jest.restoreAllMocks());

describe('the rate-limit gate shared by a run', () => {
	it('is open until a 429, then closed for the backoff', () => {
		const gate = new RateLimitGate(10);
		expect(gate.waitMs(T0)).toBe(0);

		expect(gate.close(WRITE_RETRY_POLICY, undefined, T0)).toBe(750);

		expect(gate.waitMs(T0)).toBe(750);
		expect(gate.waitMs(T0 + 500)).toBe(250);
		expect(gate.waitMs(T0 + 750)).toBe(0);
	});

	it('a burst of 429s from requests already in flight counts once', () => {
		const gate = new RateLimitGate(10);
		gate.close(WRITE_RETRY_POLICY, undefined, T0);

		expect(gate.close(WRITE_RETRY_POLICY, undefined, T0 + 5)).toBe(750);
		expect(gate.close(WRITE_RETRY_POLICY, undefined, T0 + 9)).toBe(750);
		expect(gate.waitMs(T0 + 9)).toBe(750);
	});

	it('grows while the limit is hit again with the gate open, and starts over after a success', () => {
		const gate = new RateLimitGate(10);
		gate.close(WRITE_RETRY_POLICY, undefined, T0);

		expect(gate.close(WRITE_RETRY_POLICY, undefined, T0 + 750)).toBe(1500);
		expect(gate.close(WRITE_RETRY_POLICY, undefined, T0 + 2250)).toBe(3000);
		gate.succeeded();
		expect(gate.close(WRITE_RETRY_POLICY, undefined, T0 + 6000)).toBe(750);
	});

	it("waits as long as Metal's Retry-After says", () => {
		const gate = new RateLimitGate(10);

		expect(gate.close(WRITE_RETRY_POLICY, '4', T0)).toBe(4000);
		expect(gate.waitMs(T0 + 1000)).toBe(3000);
	});

	it('halves the requests allowed in flight on each wave of 429s, and lets them back slowly', () => {
		const gate = new RateLimitGate(10);
		expect(gate.capacity).toBe(10);

		gate.close(WRITE_RETRY_POLICY, undefined, T0);
		gate.close(WRITE_RETRY_POLICY, undefined, T0 + 1);
		expect(gate.capacity).toBe(5);
		// The second 429 came while the gate was closed: the gate opens again at T0 + 751.
		gate.close(WRITE_RETRY_POLICY, undefined, T0 + 751);
		expect(gate.capacity).toBe(2);
		gate.close(WRITE_RETRY_POLICY, undefined, T0 + 3000);
		gate.close(WRITE_RETRY_POLICY, undefined, T0 + 9000);
		expect(gate.capacity).toBe(1);

		const successes = [];
		while (gate.capacity < 10) {
			gate.succeeded();
			successes.push(gate.capacity);
		}
		expect(successes.length).toBeGreaterThan(40);
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
