import { sleep, type IDataObject } from 'n8n-workflow';

import { company, deal, MetalList, objectId, T0 } from '../../../helpers/metalList';
import { CANARY_KEY, CLIENT_ID } from '../../../helpers/runMetalNode';
import { ActiveTrigger } from '../../../helpers/runMetalTrigger';
import { useVirtualClock } from '../../../helpers/virtualClock';

// Backoffs of failed requests are real seconds: a virtual clock records them instead.
jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn() }));
const clock = useVirtualClock(sleep as jest.MockedFunction<typeof sleep>);

/** The lowest id a record created at `seconds` can have. */
const floorAt = (seconds: number) => `${seconds.toString(16)}0000000000000000`;
const ids = (records: IDataObject[] | undefined) => (records ?? []).map((r) => r.id as string);
const OVERLAP = 15 * 60;

describe.each([
	['New Deal', 'newDeal', '/v1/deals' as const, deal],
	['New Company', 'newCompany', '/v1/companies' as const, company],
])('%s', (_, event, path, make) => {
	/** `count` records created `every` seconds from `seconds` on, oldest first. */
	const created = (seconds: number, count: number, from = 0, every = 1) =>
		Array.from({ length: count }, (__, n) => make(objectId(seconds + n * every, from + n)));

	it('first activation emits nothing and records where it stands', async () => {
		const list = new MetalList(path);
		const [old, recent, newest] = [
			make(objectId(T0 - 3600, 1)),
			make(objectId(T0 - 60, 2)),
			make(objectId(T0, 3)),
		];
		list.add(old, recent, newest);
		const trigger = new ActiveTrigger({ event });

		expect(await trigger.activate()).toEqual({});

		expect(list.take()).toEqual([`${path}?limit=20`]);
		expect(list.headers[0]).toMatchObject({
			'x-metal-client-id': CLIENT_ID,
			'x-metal-api-key': CANARY_KEY,
		});
		// The watermark is the overlap window below the newest record; what is inside it is settled.
		expect(trigger.staticData).toEqual({
			version: 1,
			event,
			after: floorAt(T0 - OVERLAP),
			seen: ids([recent, newest]),
		});
		expect(await trigger.poll()).toEqual({});
		expect(list.take()).toEqual([`${path}?limit=20`]);
	});

	it('first activation on an empty list: every record that appears is new', async () => {
		const list = new MetalList(path);
		const trigger = new ActiveTrigger({ event });
		await trigger.activate();
		expect(trigger.staticData).toMatchObject({ after: '0'.repeat(24), seen: [] });

		const first = make(objectId(T0, 1));
		list.add(first);

		expect(await trigger.poll()).toEqual({ events: [first] });
		expect(await trigger.poll()).toEqual({});
	});

	it('2,500 new records between two polls arrive in one poll, oldest first, read back only to the watermark', async () => {
		const list = new MetalList(path);
		list.add(...created(T0 - 86_400, 100));
		const trigger = new ActiveTrigger({ event, options: { maxEvents: 10_000 } });
		await trigger.activate();
		list.take();
		const fresh = created(T0 + 60, 2500, 1000);
		list.add(...fresh);

		const { events } = await trigger.poll();

		expect(ids(events)).toEqual(ids(fresh));
		const newestFirst = ids(fresh).reverse();
		expect(list.take()).toEqual([
			`${path}?limit=20`,
			`${path}?limit=1000`,
			`${path}?limit=1000&lt=${newestFirst[999]}`,
			`${path}?limit=1000&lt=${newestFirst[1999]}`,
		]);
		expect(await trigger.poll()).toEqual({});
	});

	it('a record that becomes visible late, inside the overlap window, is emitted once', async () => {
		const list = new MetalList(path);
		list.add(make(objectId(T0, 1)));
		const trigger = new ActiveTrigger({ event });
		await trigger.activate();
		clock.advance(600_000);
		const newest = make(objectId(T0 + 600, 2));
		list.add(newest);
		expect(await trigger.poll()).toEqual({ events: [newest] });

		// Created before the newest record, listed only now.
		const late = make(objectId(T0 + 300, 3));
		list.add(late);

		expect(await trigger.poll()).toEqual({ events: [late] });
		expect(await trigger.poll()).toEqual({});
		expect(trigger.staticData).toMatchObject({
			after: floorAt(T0 + 600 - OVERLAP),
			seen: ids([make(objectId(T0, 1)), late, newest]),
		});
	});

	it('a record that becomes visible later than the overlap window is not emitted (the documented limit)', async () => {
		const list = new MetalList(path);
		list.add(make(objectId(T0, 1)));
		const trigger = new ActiveTrigger({ event, options: { overlapMinutes: 5 } });
		await trigger.activate();
		clock.advance(3_600_000);
		list.add(make(objectId(T0 + 3600, 2)));
		await trigger.poll();

		list.add(make(objectId(T0 + 3600 - 301, 3)));

		expect(await trigger.poll()).toEqual({});
	});

	it.each([
		[
			'Metal answers 429 until the tries run out',
			() => [429, { error: 'rate limit exceeded' }] as [number, object],
			"Metal's rate limit was still exceeded after 5 tries: rate limit exceeded",
		],
		[
			'Metal answers 500 until the tries run out',
			() => [500, { error: 'internal error' }] as [number, object],
			'Metal answered with a server error (500): internal error',
		],
		[
			'Metal does not answer in time',
			() => Object.assign(new Error('timeout of 30000ms exceeded'), { code: 'ETIMEDOUT' }),
			'Metal did not answer within 30000 ms',
		],
	])(
		'a poll that fails (%s) emits nothing and moves nothing; the next one catches up',
		async (__, failure, message) => {
			const list = new MetalList(path);
			list.add(make(objectId(T0, 1)));
			const trigger = new ActiveTrigger({ event });
			await trigger.activate();
			const before = trigger.staticData;
			const fresh = created(T0 + 60, 3, 10);
			list.add(...fresh);
			list.take();
			list.fail(5, failure);

			const failed = await trigger.poll();

			expect(list.take()).toHaveLength(5);
			expect(failed.events).toBeUndefined();
			expect(failed.error?.message).toBe(message);
			expect(trigger.staticData).toEqual(before);
			expect(await trigger.poll()).toEqual({ events: fresh });
			expect(await trigger.poll()).toEqual({});
		},
	);

	it('a poll whose second page fails emits none of the first page', async () => {
		const list = new MetalList(path);
		list.add(make(objectId(T0, 1)));
		const trigger = new ActiveTrigger({ event, options: { maxEvents: 10_000 } });
		await trigger.activate();
		const before = trigger.staticData;
		const fresh = created(T0 + 60, 1500, 10);
		list.add(...fresh);
		// The short page and the first full page are answered; the second full page fails.
		list.take();
		list.fail(5, () => [500, { error: 'internal error' }], { after: 2 });

		const failed = await trigger.poll();

		expect(list.take()).toHaveLength(2 + 5);
		expect(failed.error?.message).toBe('Metal answered with a server error (500): internal error');
		expect(trigger.staticData).toEqual(before);
		const { events } = await trigger.poll();
		expect(ids(events)).toEqual(ids(fresh));
	});

	it('more new records than Max Events per Poll: they arrive across polls, oldest first, each once', async () => {
		const list = new MetalList(path);
		list.add(make(objectId(T0, 1)));
		const trigger = new ActiveTrigger({ event, options: { maxEvents: 100 } });
		await trigger.activate();
		// Ten seconds apart: the backlog reaches further back than the overlap window below the newest.
		const fresh = created(T0 + 60, 250, 10, 10);
		list.add(...fresh);

		const polls = [await trigger.poll(), await trigger.poll(), await trigger.poll()];

		expect(polls.map((poll) => ids(poll.events))).toEqual([
			ids(fresh.slice(0, 100)),
			ids(fresh.slice(100, 200)),
			ids(fresh.slice(200)),
		]);
		expect(await trigger.poll()).toEqual({});
	});

	it('a record that becomes visible late while a backlog drains comes next, before newer ones', async () => {
		const list = new MetalList(path);
		list.add(make(objectId(T0, 1)));
		const trigger = new ActiveTrigger({ event, options: { maxEvents: 2 } });
		await trigger.activate();
		const fresh = created(T0 + 60, 4, 10);
		list.add(...fresh);
		expect(ids((await trigger.poll()).events)).toEqual(ids(fresh.slice(0, 2)));

		const late = make(objectId(T0 + 30, 20));
		list.add(late);

		expect(ids((await trigger.poll()).events)).toEqual(ids([late, fresh[2]]));
		expect(ids((await trigger.poll()).events)).toEqual(ids([fresh[3]]));
		expect(await trigger.poll()).toEqual({});
	});

	it('no event lost or repeated across an n8n restart; a workflow activated again starts from now', async () => {
		const list = new MetalList(path);
		list.add(make(objectId(T0, 1)));
		const trigger = new ActiveTrigger({ event });
		await trigger.activate();
		const first = make(objectId(T0 + 60, 2));
		list.add(first);
		expect(await trigger.poll()).toEqual({ events: [first] });

		// n8n stops; a record is added meanwhile; n8n starts with the workflow active.
		const whileDown = make(objectId(T0 + 120, 3));
		list.add(whileDown);
		expect(await trigger.restart()).toEqual({ events: [whileDown] });
		expect(await trigger.poll()).toEqual({});

		// An active workflow updated: carries on too.
		const whileUpdated = make(objectId(T0 + 180, 4));
		list.add(whileUpdated);
		expect(await trigger.activate('update')).toEqual({ events: [whileUpdated] });

		// Deactivated, then activated again: records added meanwhile are not emitted.
		list.add(make(objectId(T0 + 240, 5)));
		expect(await trigger.activate()).toEqual({});
		const after = make(objectId(T0 + 300, 6));
		list.add(after);
		expect(await trigger.poll()).toEqual({ events: [after] });
	});

	it('static data stays bounded: a burst of 1,500 records in one minute keeps 1,000 ids', async () => {
		const list = new MetalList(path);
		list.add(make(objectId(T0, 1)));
		const trigger = new ActiveTrigger({ event, options: { maxEvents: 10_000 } });
		await trigger.activate();
		// 25 records a second: all inside the overlap window of the newest.
		const burst = Array.from({ length: 1500 }, (__, n) =>
			make(objectId(T0 + 60 + Math.floor(n / 25), 10 + n)),
		);
		list.add(...burst);

		expect(ids((await trigger.poll()).events)).toEqual(ids(burst));

		const { after, seen } = trigger.staticData as { after: string; seen: string[] };
		expect(seen).toEqual(ids(burst.slice(500)));
		// The watermark moved just above the ids it forgot, so they are never emitted again.
		expect(after > ids(burst)[499] && after <= ids(burst)[500]).toBe(true);
		expect(await trigger.poll()).toEqual({});
		expect(trigger.savedBytes).toBeLessThan(27 * 1000 + 200);
	});

	it('exactly 10,000 new records since the last poll are emitted: the limit is on more than that', async () => {
		const list = new MetalList(path);
		list.add(make(objectId(T0, 1)));
		const trigger = new ActiveTrigger({ event, options: { maxEvents: 10_000 } });
		await trigger.activate();
		const fresh = created(T0 + 60, 10_000, 10, 0);
		list.add(...fresh);

		const { events, error } = await trigger.poll();

		expect(error).toBeUndefined();
		expect(events).toHaveLength(10_000);
	});

	it('more than 10,000 new records since the last poll: a clear error, nothing moved', async () => {
		const list = new MetalList(path);
		list.add(make(objectId(T0, 1)));
		const trigger = new ActiveTrigger({ event, options: { maxEvents: 10_000 } });
		await trigger.activate();
		const before = trigger.staticData;
		list.add(...created(T0 + 60, 10_001, 10));
		list.take();

		const { error } = await trigger.poll();

		// The short first page, then 11 pages of 1,000: the 10,001 records after the one seen.
		expect(list.take()).toHaveLength(1 + 11);
		const plural = event === 'newDeal' ? 'deals' : 'companies';
		expect(error?.message).toBe(`More than 10,000 new ${plural} since the last poll`);
		expect((error as { description?: string }).description).toBe(
			'Nothing was emitted and the trigger has not moved, so nothing is lost. One poll reads at most 10,000 new records. To skip them and start from now, deactivate the workflow and activate it again.',
		);
		expect(trigger.staticData).toEqual(before);
	});

	it('the backlog limit counts only new records: 9,500 new beside 800 already seen in the overlap window are emitted', async () => {
		const list = new MetalList(path);
		const window = created(T0 - 800, 800, 1);
		list.add(...window);
		const trigger = new ActiveTrigger({ event, options: { maxEvents: 10_000 } });
		await trigger.activate();
		expect((trigger.staticData as { seen: string[] }).seen).toHaveLength(800);
		clock.advance(60_000);
		const fresh = created(T0 + 1, 9_500, 10_000, 0);
		list.add(...fresh);

		const { events, error } = await trigger.poll();

		expect(error).toBeUndefined();
		expect(ids(events)).toEqual(ids(fresh));
		expect(await trigger.poll()).toEqual({});
	});

	it('a record whose id is dated ahead of the clock does not make the trigger deaf to records created after it', async () => {
		const list = new MetalList(path);
		list.add(make(objectId(T0 - 60, 1)));
		const trigger = new ActiveTrigger({ event });
		await trigger.activate();
		// A record dated a day ahead: a Metal clock running fast, or an imported record's later id.
		const ahead = make(objectId(T0 + 86_400, 2));
		list.add(ahead);
		expect(await trigger.poll()).toEqual({ events: [ahead] });

		// Records created afterwards, as the clock goes on, are emitted; the one ahead never again.
		for (const minute of [1, 2, 30, 120]) {
			clock.advance(60_000);
			const next = make(objectId(T0 + minute * 60, 10 + minute));
			list.add(next);
			expect(await trigger.poll()).toEqual({ events: [next] });
		}
		expect(await trigger.poll()).toEqual({});
		expect((trigger.staticData as { seen: string[] }).seen).toContain(ahead.id);
	});

	it('the same, when the record ahead is the newest when the trigger starts', async () => {
		const list = new MetalList(path);
		const ahead = make(objectId(T0 + 86_400, 1));
		list.add(make(objectId(T0 - 60, 2)), ahead);
		const trigger = new ActiveTrigger({ event });
		await trigger.activate();

		clock.advance(60_000);
		const next = make(objectId(T0 + 60, 3));
		list.add(next);

		expect(await trigger.poll()).toEqual({ events: [next] });
		expect(await trigger.poll()).toEqual({});
	});

	it("a trigger whose Event is changed starts afresh rather than read the other event's state", async () => {
		const list = new MetalList(path);
		list.add(make(objectId(T0, 1)));
		const trigger = new ActiveTrigger({ event });
		await trigger.activate();
		const other = event === 'newDeal' ? 'newCompany' : 'newDeal';
		const otherList = new MetalList(other === 'newDeal' ? '/v1/deals' : '/v1/companies');
		otherList.add(make(objectId(T0 + 60, 2)));

		expect(await trigger.update({ event: other })).toEqual({});

		expect(trigger.staticData).toMatchObject({ event: other, seen: [objectId(T0 + 60, 2)] });
	});

	it('a poll that starts while the one before is still reading is skipped: nothing twice', async () => {
		const list = new MetalList(path);
		list.add(make(objectId(T0, 1)));
		const trigger = new ActiveTrigger({ event });
		await trigger.activate();
		const fresh = created(T0 + 60, 3, 10);
		list.add(...fresh);
		list.take();
		const { reached, release } = list.holdNext();

		const slow = trigger.poll();
		await reached;
		const overlapping = trigger.poll();
		await overlapping;
		release();
		await slow;

		expect(trigger.executions).toEqual([fresh]);
		expect(list.take()).toHaveLength(1);
		expect(await trigger.poll()).toEqual({});
	});
});
