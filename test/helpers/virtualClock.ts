import type { sleep } from 'n8n-workflow';

/**
 * A clock that only the node's waits move: each `sleep` of n8n-workflow is recorded and advances
 * `Date.now()` by as much, at once, so backoffs of minutes take no time and decisions that read the
 * clock still see time pass. The test file mocks `sleep` itself (jest hoists `jest.mock` there):
 *
 *   jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn() }));
 */
export function useVirtualClock(sleepMock: jest.MockedFunction<typeof sleep>) {
	const { sleep: realSleep } = jest.requireActual<typeof import('n8n-workflow')>('n8n-workflow');
	let clock = 0;
	// A wait still pending when its test ends (a run abandons its sleepers) must not move the
	// next test's clock: each test has its own generation.
	let generation = 0;
	let pending = 0;
	beforeEach(() => {
		generation++;
		pending = 0;
		clock = Date.parse('2026-11-29T10:00:00Z');
		jest.spyOn(Date, 'now').mockImplementation(() => clock);
		sleepMock.mockReset();
		sleepMock.mockImplementation(async (ms: number) => {
			clock += ms;
		});
		// Jitter in the middle, so waits are exact; yet every value differs a little, since nock's
		// interceptor names concurrent requests with Math.random and would mix up equal names.
		let calls = 0;
		jest.spyOn(Math, 'random').mockImplementation(() => 0.5 + ++calls * 1e-12);
	});
	afterEach(() => jest.restoreAllMocks());
	return {
		/** Every wait the node asked for, in order, in milliseconds. */
		waits: () => sleepMock.mock.calls.map(([ms]) => ms),
		now: () => clock,
		/** Waits begun under `scaleWaits` and not yet over: a timer left behind by a finished run. */
		pending: () => pending,
		/** Moves the clock, as a wait the test stages itself would. */
		advance: (ms: number) => {
			clock += ms;
		},
		/**
		 * Waits take `1 / divisor` of their time for real, and the clock moves to when each sleeper
		 * wakes, so that concurrent waits overlap as they would. A wait cut short by its signal
		 * moves nothing, as in the node.
		 */
		scaleWaits: (divisor: number) => {
			sleepMock.mockImplementation(async (ms, signal) => {
				const wake = clock + ms;
				const own = generation;
				pending++;
				try {
					await realSleep(ms / divisor, signal);
				} finally {
					if (own === generation) pending--;
				}
				if (own === generation) clock = Math.max(clock, wake);
			});
		},
	};
}
