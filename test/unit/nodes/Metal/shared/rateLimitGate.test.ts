import { RateLimitGate } from '../../../../../nodes/Metal/shared/rateLimitGate';
import { WRITE_RETRY_POLICY } from '../../../../../nodes/Metal/shared/retryPolicy';

const T0 = 1_000_000;

beforeEach(() => jest.spyOn(Math, 'random').mockReturnValue(0.5));
afterEach(() => jest.restoreAllMocks());

describe('the rate-limit gate shared by a run', () => {
	it('is open until a 429, then closed for the backoff', () => {
		const gate = new RateLimitGate();
		expect(gate.waitMs(T0)).toBe(0);

		expect(gate.close(WRITE_RETRY_POLICY, undefined, T0)).toBe(750);

		expect(gate.waitMs(T0)).toBe(750);
		expect(gate.waitMs(T0 + 500)).toBe(250);
		expect(gate.waitMs(T0 + 750)).toBe(0);
	});

	it('a burst of 429s from requests already in flight counts once', () => {
		const gate = new RateLimitGate();
		gate.close(WRITE_RETRY_POLICY, undefined, T0);

		expect(gate.close(WRITE_RETRY_POLICY, undefined, T0 + 5)).toBe(750);
		expect(gate.close(WRITE_RETRY_POLICY, undefined, T0 + 9)).toBe(750);
		expect(gate.waitMs(T0 + 9)).toBe(750);
	});

	it('grows while the limit is hit again with the gate open, and starts over after a success', () => {
		const gate = new RateLimitGate();
		gate.close(WRITE_RETRY_POLICY, undefined, T0);

		expect(gate.close(WRITE_RETRY_POLICY, undefined, T0 + 750)).toBe(1500);
		expect(gate.close(WRITE_RETRY_POLICY, undefined, T0 + 2250)).toBe(3000);
		gate.succeeded();
		expect(gate.close(WRITE_RETRY_POLICY, undefined, T0 + 6000)).toBe(750);
	});

	it("waits as long as Metal's Retry-After says", () => {
		const gate = new RateLimitGate();

		expect(gate.close(WRITE_RETRY_POLICY, '4', T0)).toBe(4000);
		expect(gate.waitMs(T0 + 1000)).toBe(3000);
	});
});
