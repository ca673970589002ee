import { sleep } from 'n8n-workflow';

import { Pace, type Turn } from '../../../../../nodes/Metal/transport/pace';
import { RateLimitGate } from '../../../../../nodes/Metal/transport/rateLimitGate';
import { backoffMs, WRITE_RETRY_POLICY } from '../../../../../nodes/Metal/transport/retryPolicy';
import { useVirtualClock } from '../../../../helpers/virtualClock';

jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn() }));
const clock = useVirtualClock(sleep as jest.MockedFunction<typeof sleep>);
const { sleep: realSleep } = jest.requireActual<typeof import('n8n-workflow')>('n8n-workflow');

const backoff = (level: number) => backoffMs(WRITE_RETRY_POLICY, level);

/** `count` requests' turns, taken one after the other as the virtual clock moves. */
async function turns(pace: Pace | RateLimitGate, count: number): Promise<Turn[]> {
	const taken: Turn[] = [];
	for (let n = 0; n < count; n++) taken.push((await pace.turn()) as Turn);
	return taken;
}

/** `count` requests that got through, sent at `every` ms intervals ending now. */
function successes(pace: Pace, count: number, every: number) {
	for (let n = count - 1; n >= 0; n--) {
		pace.succeeded({ at: clock.now() - n * every, generation: 0 }, clock.now());
	}
}

/**
 * A pace set by a first wave of 429s after `perSecond` requests got through over the last second
 * (`waited`: the run waited for the wave, for a Retry-After).
 */
function pacedAt(perSecond: number, waited = false): Pace {
	const pace = new Pace();
	successes(pace, perSecond, 1000 / perSecond);
	pace.throttled(clock.now(), waited);
	return pace;
}

describe('the rate-limit gate shared by a run', () => {
	it('is open until a 429; at the first wave, the requests it turned away wait out the backoff while the run goes on at a pace', async () => {
		const gate = new RateLimitGate(10);
		const sent = await turns(gate, 5);
		sent.slice(0, 3).forEach((turn) => gate.succeeded(turn));
		expect(gate.waitMs()).toBe(0);

		expect(gate.close(undefined, backoff, sent[3])).toEqual({ delayMs: 750, newWave: true });
		clock.advance(5);
		expect(gate.close(undefined, backoff, sent[4])).toEqual({ delayMs: 745, newWave: false });

		// The pace: the 3 requests that got through over the last second.
		expect(gate.waitMs()).toBe(0);
		expect(gate.paceLimit).toBe(3);
		const [next] = await turns(gate, 1);
		expect(next.at).toBe(clock.now());
	});

	it('the 429s of requests sent before a wave belong to it: they count once', async () => {
		const gate = new RateLimitGate(10);
		const sent = await turns(gate, 3);

		expect(gate.close(undefined, backoff, sent[0]).newWave).toBe(true);
		clock.advance(5);
		expect(gate.close(undefined, backoff, sent[1])).toEqual({ delayMs: 745, newWave: false });
		expect(gate.close(undefined, backoff, sent[2]).newWave).toBe(false);
	});

	it('a late answer from before a wave says nothing of its pace: the next 429 still belongs to the wave', async () => {
		const gate = new RateLimitGate(10);
		const sent = await turns(gate, 2);
		gate.close(undefined, backoff, sent[0]);
		gate.succeeded(sent[1]);
		const [after] = await turns(gate, 1);
		clock.advance(10);

		expect(gate.close(undefined, backoff, after)).toEqual({ delayMs: 740, newWave: false });
	});

	it('a success under the new pace, then a 429: a new wave, met by the pace alone, and measured while its 429s count for nothing', async () => {
		const gate = new RateLimitGate(10);
		const sent = await turns(gate, 6);
		sent.slice(0, 5).forEach((turn) => gate.succeeded(turn));
		gate.close(undefined, backoff, sent[5]);
		// At 5 a second: turns 200 ms apart.
		const [ok, limited, during] = await turns(gate, 3);
		gate.succeeded(ok);

		expect(gate.close(undefined, backoff, limited)).toEqual({ delayMs: 0, newWave: true });
		// Sent within the measure's 300 ms: it ends nothing.
		gate.succeeded(during);
		// More than a second after the wave, yet still within a second of the measure's end.
		clock.advance(900);
		const [again] = await turns(gate, 1);
		expect(gate.close(undefined, backoff, again)).toEqual({ delayMs: 0, newWave: false });
		expect(gate.waitMs()).toBe(0);
	});

	it("waits as long as Metal's Retry-After says", async () => {
		const gate = new RateLimitGate(10);
		const [turn] = await turns(gate, 1);

		expect(gate.close(4000, backoff, turn).delayMs).toBe(4000);
		clock.advance(1000);
		expect(gate.waitMs()).toBe(3000);
	});

	it('waves in a row (no success between them) back off longer each time; a success starts over', async () => {
		const gate = new RateLimitGate(10);
		const delays: number[] = [];
		const closed: number[] = [];
		for (let wave = 0; wave < 3; wave++) {
			const [turn] = await turns(gate, 1);
			const { delayMs } = gate.close(undefined, backoff, turn);
			delays.push(delayMs);
			closed.push(gate.waitMs());
			clock.advance(delayMs);
		}
		expect(delays).toEqual([750, 1500, 3000]);
		// The first wave's backoff is its own requests'; waves in a row close the gate for the run.
		expect(closed).toEqual([0, 1500, 3000]);

		const [ok] = await turns(gate, 1);
		gate.succeeded(ok);
		const [again] = await turns(gate, 1);
		// Paced now, and a success came between: the pace is the backoff, the gate stays open.
		expect(gate.close(undefined, backoff, again)).toEqual({ delayMs: 0, newWave: true });
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

describe('the pace a run keeps once Metal said "too many requests"', () => {
	it('sends freely until the first 429', async () => {
		const pace = new Pace();

		const taken = await turns(pace, 5);

		expect(taken.map((t) => t.at - clock.now())).toEqual([0, 0, 0, 0, 0]);
		expect(pace.perSecond).toBe(Infinity);
	});

	it('after the first wave, spaces requests at the rate that got through over the last second', async () => {
		const pace = new Pace();
		successes(pace, 10, 90);

		pace.throttled(clock.now());
		const start = clock.now();
		const taken = await turns(pace, 4);

		expect(pace.perSecond).toBe(10);
		expect(taken.map((t) => t.at - start)).toEqual([0, 100, 200, 300]);
		expect(clock.waits()).toEqual([100, 100, 100]);
	});

	it('a timer that fires late does not slow the pace: turns keep to the schedule', async () => {
		const pace = pacedAt(10);
		// Every wait ends 30 ms after it should (a busy event loop).
		(sleep as jest.MockedFunction<typeof sleep>).mockImplementation(async (ms: number) => {
			clock.advance(ms + 30);
		});
		const start = clock.now();

		const taken = await turns(pace, 5);

		expect(taken.map((t) => t.at - start)).toEqual([0, 130, 230, 330, 430]);
	});

	it('after an idle spell, the next requests are still a turn apart', async () => {
		const pace = pacedAt(10);
		await turns(pace, 1);
		clock.advance(5000);
		const start = clock.now();

		const taken = await turns(pace, 3);

		expect(taken.map((t) => t.at - start)).toEqual([0, 100, 200]);
	});

	it('the wait for the next turn ends when the last queued request leaves', async () => {
		const pace = pacedAt(2);
		await turns(pace, 1);
		clock.scaleWaits(1);
		const stop = new AbortController();
		const queued = pace.turn(stop.signal);
		await Promise.resolve();
		expect(clock.pending()).toBe(1);

		stop.abort();

		expect(await queued).toBeUndefined();
		await realSleep(1);
		expect(clock.pending()).toBe(0);
	});

	it('a new pace applies at once to requests already queued, and older turns are not current', async () => {
		const pace = pacedAt(10);
		const [before] = await turns(pace, 1);

		pace.throttled(clock.now(), true);

		expect(pace.current(before)).toBe(false);
	});

	it('a request that stops while queued leaves the queue; the next one takes its turn', async () => {
		const pace = pacedAt(2);
		await turns(pace, 1);
		// The dispatcher waits for the next turn (a sleep that ends only when the test says).
		let nextTurn = () => {};
		(sleep as jest.MockedFunction<typeof sleep>).mockImplementationOnce(
			async () => await new Promise<void>((resolve) => (nextTurn = resolve)),
		);
		const stop = new AbortController();
		const first = pace.turn(stop.signal);
		const second = pace.turn();
		await Promise.resolve();

		stop.abort();
		clock.advance(500);
		nextTurn();

		expect(await first).toBeUndefined();
		expect(((await second) as Turn).at).toBe(clock.now());
	});

	/** Requests queue behind a dispatcher that never wakes: the pace's growth alone is seen. */
	function queuedPace(acceptedPerSecond: number, waited = false) {
		const pace = pacedAt(acceptedPerSecond, waited);
		(sleep as jest.MockedFunction<typeof sleep>).mockImplementation(
			async () => await new Promise<void>(() => {}),
		);
		void pace.turn();
		void pace.turn();
		void pace.turn();
		return pace;
	}
	const succeed = (pace: Pace) =>
		pace.succeeded({ at: clock.now() - 5, generation: 0 }, clock.now());

	/** A search from 10 a second, doubling every 0.15 s for 0.6 s while requests queue: 160 a second. */
	function searchedTo160(): Pace {
		const pace = queuedPace(10);
		for (let step = 0; step < 2; step++) {
			clock.advance(300);
			succeed(pace);
		}
		return pace;
	}

	it.each([
		['the run went on through', 150, false],
		['the run waited for (a Retry-After)', 350, true],
	])(
		'searches upwards while requests queue for it: after a first wave %s, it doubles every %s ms',
		(_, doublingMs, waited) => {
			const pace = queuedPace(10, waited);

			clock.advance(doublingMs);
			succeed(pace);
			expect(pace.perSecond).toBeCloseTo(20);
			clock.advance(2 * doublingMs);
			succeed(pace);
			expect(pace.perSecond).toBeCloseTo(80);
		},
	);

	it('the wave that ends the search is measured: the pace holds 300 ms past the first request turned away, and what got through meanwhile is the limit', () => {
		const pace = searchedTo160();
		expect(pace.perSecond).toBeCloseTo(160);
		const from = clock.now();

		pace.throttled(from, false, from);
		// While the measure lasts, the pace neither drops nor grows, and what is turned away belongs
		// to the wave.
		for (let n = 1; n <= 30; n++) {
			clock.advance(10);
			pace.succeeded({ at: from + n * 10 - 5, generation: 1 }, clock.now());
			expect(pace.measures({ at: clock.now() - 3, generation: 1 }, clock.now())).toBe(true);
		}
		expect(pace.perSecond).toBeCloseTo(160);

		// A request sent after the measure got through, its answers all in: 30 in 300 ms.
		clock.advance(100);
		pace.succeeded({ at: from + 310, generation: 1 }, clock.now());
		expect(pace.perSecond).toBeCloseTo(100 * 0.85);
	});

	it('a measure that nothing got through ends at a 429 a second after it, and the pace drops', () => {
		const pace = searchedTo160();
		const from = clock.now();
		pace.throttled(from, false, from);

		clock.advance(1000);
		expect(pace.measures({ at: clock.now() - 5, generation: 1 }, clock.now())).toBe(true);
		expect(pace.perSecond).toBeCloseTo(160);
		clock.advance(400);
		expect(pace.measures({ at: clock.now() - 5, generation: 1 }, clock.now())).toBe(false);

		expect(pace.perSecond).toBeLessThan(160 * 0.85);
	});

	it('time nobody queued for the pace counts for three doublings at most', () => {
		const pace = queuedPace(10);

		clock.advance(1500);
		succeed(pace);

		expect(pace.perSecond).toBeCloseTo(80);
	});

	it('a pace nobody queues for is not raised', () => {
		const pace = pacedAt(10);

		clock.advance(5000);
		succeed(pace);

		expect(pace.perSecond).toBe(10);
	});

	/**
	 * A pace whose search met the limit at about 30 a second (`waited`: a wave the run waited for,
	 * read from the last quarter second; else measured), and the share of it `t` s on.
	 */
	function afterSearch(waited: boolean) {
		const pace = queuedPace(10, waited);
		clock.advance(waited ? 700 : 300);
		succeed(pace); // 40 a second, searching
		if (waited) {
			// Over the last quarter second, 30 a second got through: the limit.
			for (let n = 0; n < 10; n++) {
				pace.succeeded({ at: clock.now() - 330 + n * 33, generation: 1 }, clock.now());
			}
			pace.throttled(clock.now(), waited);
		} else {
			// In the 300 ms of the measure, 10 got through.
			const from = clock.now();
			pace.throttled(from, waited, from);
			for (let n = 1; n <= 10; n++) {
				clock.advance(30);
				pace.succeeded({ at: from + n * 30 - 5, generation: 1 }, clock.now());
			}
			clock.advance(500);
			pace.succeeded({ at: from + 305, generation: 1 }, clock.now());
		}
		const ceiling = pace.perSecond / 0.85;
		expect(ceiling).toBeGreaterThan(20);
		expect(ceiling).toBeLessThan(40);
		const start = clock.now();
		return (seconds: number) => {
			clock.advance(start + seconds * 1000 - clock.now());
			succeed(pace);
			return pace.perSecond / ceiling;
		};
	}

	it('after a wave with a Retry-After: 85% of what got through, back to 90% in 3 s, then +0.5% a second and a cubic', () => {
		const shareAt = afterSearch(true);

		expect(shareAt(1.5)).toBeCloseTo(0.9 - 0.05 * 0.125, 5);
		expect(shareAt(3)).toBeCloseTo(0.9, 5);
		// Back at the limit 10.5 s later; a rate measured at 72% of it reaches it 22 s later.
		expect(shareAt(13.5)).toBeCloseTo(0.9 + 0.0525 + 0.35 ** 3, 5);
		expect(shareAt(25)).toBeCloseTo(0.9 + 0.11 + (22 / 30) ** 3, 5);
	});

	it('after a wave the run went on through (it cost only the lower pace): 85%, back to 100% in 2 s, then +3% a second and a cubic', () => {
		const shareAt = afterSearch(false);

		expect(shareAt(1)).toBeCloseTo(1 - 0.15 * 0.125, 5);
		expect(shareAt(2)).toBeCloseTo(1, 5);
		expect(shareAt(4)).toBeCloseTo(1.06 + (2 / 6) ** 3, 5);
		expect(shareAt(8)).toBeCloseTo(1.18 + 1, 5);
	});
});
