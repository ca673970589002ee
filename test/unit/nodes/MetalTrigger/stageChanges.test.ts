import { sleep, type IDataObject } from 'n8n-workflow';

import { deal, MetalList, objectId, T0 } from '../../../helpers/metalList';
import { ActiveTrigger } from '../../../helpers/runMetalTrigger';
import { useVirtualClock } from '../../../helpers/virtualClock';

// Backoffs of failed requests are real seconds: a virtual clock records them instead.
jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn() }));
useVirtualClock(sleep as jest.MockedFunction<typeof sleep>);

const event = 'dealStageOrStatusChanged';

/** `count` deals created one second apart, oldest first. */
const deals = (count: number, fields: IDataObject = {}) =>
	Array.from({ length: count }, (_, n) => deal(objectId(T0 + n, n), fields));

/** A deal list of `count` deals and the trigger activated on it. */
async function watching(count: number, parameters: IDataObject = {}) {
	const list = new MetalList('/v1/deals');
	const all = deals(count);
	list.add(...all);
	const trigger = new ActiveTrigger({ event, ...parameters });
	expect(await trigger.activate()).toEqual({});
	list.take();
	return { list, all, ids: all.map((d) => d.id as string), trigger };
}

const change = (d: IDataObject, previousStage: string | null, previousStatus: string | null) => ({
	deal: d,
	previousStage,
	previousStatus,
});

describe('Deal Stage or Status Changed', () => {
	it('first activation records every deal and emits nothing, reading the list once (⌊deals / 1000⌋ + 1 requests)', async () => {
		const { list, ids, trigger } = await watching(2500);

		expect(await trigger.poll()).toEqual({});

		const newestFirst = [...ids].reverse();
		expect(list.take()).toEqual([
			'/v1/deals?limit=1000',
			`/v1/deals?limit=1000&lt=${newestFirst[999]}`,
			`/v1/deals?limit=1000&lt=${newestFirst[1999]}`,
		]);
		expect(trigger.staticData).toMatchObject({ version: 1, event, pairs: [['SOURCED', 'ACTIVE']] });
		expect((trigger.staticData.deals as string).length).toBe(2500 * 8);
	});

	it('a stage change: the deal as Metal lists it now, with its previous stage and status', async () => {
		const { list, ids, trigger } = await watching(5);
		list.change(ids[2], { stage: 'IC_MEETING' });

		expect(await trigger.poll()).toEqual({
			events: [change(list.records.get(ids[2]) as IDataObject, 'SOURCED', 'ACTIVE')],
		});
		expect(await trigger.poll()).toEqual({});
	});

	it('a status change', async () => {
		const { list, ids, trigger } = await watching(5);
		list.change(ids[0], { status: 'PASSED_DEAD' });

		const { events } = await trigger.poll();

		expect(events).toEqual([change(list.records.get(ids[0]) as IDataObject, 'SOURCED', 'ACTIVE')]);
		expect((events?.[0].deal as IDataObject).status).toBe('PASSED_DEAD');
	});

	it('no change: nothing emitted, the static data as it was', async () => {
		const { list, ids, trigger } = await watching(5);
		const before = trigger.staticData;
		// Other fields change: not a stage or status change.
		list.change(ids[1], { name: 'Renamed', size: 12_000_000 });

		expect(await trigger.poll()).toEqual({});
		expect(trigger.staticData).toEqual(before);
	});

	it('a change and its undoing between two polls is no change', async () => {
		const { list, ids, trigger } = await watching(5);
		list.change(ids[1], { stage: 'SCREENED' });
		list.change(ids[1], { stage: 'SOURCED' });

		expect(await trigger.poll()).toEqual({});
	});

	it('a deleted deal: nothing emitted, and it leaves the snapshot', async () => {
		const { list, ids, trigger } = await watching(5);
		list.delete(ids[3]);

		expect(await trigger.poll()).toEqual({});
		expect((trigger.staticData.deals as string).length).toBe(4 * 8);
		// Its return is a new deal again, not a change.
		list.add(deal(ids[3], { stage: 'DEAD' }));
		expect(await trigger.poll()).toEqual({});
	});

	it('a new deal is not a change; its first change after is', async () => {
		const { list, trigger } = await watching(3);
		const added = deal(objectId(T0 + 60, 99), { stage: 'SCREENED' });
		list.add(added);
		expect(await trigger.poll()).toEqual({});

		list.change(added.id as string, { stage: 'DUE_DILIGENCE', status: 'ACTIVE' });

		expect(await trigger.poll()).toEqual({
			events: [change(list.records.get(added.id as string) as IDataObject, 'SCREENED', 'ACTIVE')],
		});
	});

	it('Stages and Statuses: only changes after which the deal is in one of them; the snapshot follows every change', async () => {
		const { list, ids, trigger } = await watching(6, {
			stages: ['IC_MEETING', 'DEAL_CLOSING'],
			statuses: ['ACTIVE'],
		});
		list.change(ids[0], { stage: 'IC_MEETING' }); // in
		list.change(ids[1], { stage: 'SCREENED' }); // another stage: out
		list.change(ids[2], { stage: 'DEAL_CLOSING', status: 'CLOSED' }); // another status: out
		list.change(ids[3], { stage: 'DEAL_CLOSING' }); // in

		const { events } = await trigger.poll();

		expect(events?.map((e) => (e.deal as IDataObject).id)).toEqual([ids[0], ids[3]]);
		// ids[1] moved on from SCREENED: its previous stage is the one seen last, though not emitted.
		list.change(ids[1], { stage: 'IC_MEETING' });
		expect(await trigger.poll()).toEqual({
			events: [change(list.records.get(ids[1]) as IDataObject, 'SCREENED', 'ACTIVE')],
		});
	});

	it('more changes than Max Events per Poll: across polls, oldest deal first, each once with its real previous values', async () => {
		const { list, ids, trigger } = await watching(10, { options: { maxEvents: 3 } });
		for (const id of ids.slice(0, 7)) list.change(id, { stage: 'SCREENED' });

		const first = await trigger.poll();
		// A deal left over changes again before its turn: its previous stage is still SOURCED.
		list.change(ids[5], { stage: 'DUE_DILIGENCE' });
		// A deal before the last one emitted changes: it comes after those left over.
		list.change(ids[0], { stage: 'DEAD' });
		const second = await trigger.poll();
		const third = await trigger.poll();

		const emitted = (poll: { events?: IDataObject[] }) =>
			poll.events?.map((e) => [
				(e.deal as IDataObject).id,
				e.previousStage,
				(e.deal as IDataObject).stage,
			]);
		expect(emitted(first)).toEqual(ids.slice(0, 3).map((id) => [id, 'SOURCED', 'SCREENED']));
		expect(emitted(second)).toEqual([
			[ids[3], 'SOURCED', 'SCREENED'],
			[ids[4], 'SOURCED', 'SCREENED'],
			[ids[5], 'SOURCED', 'DUE_DILIGENCE'],
		]);
		expect(emitted(third)).toEqual([
			[ids[6], 'SOURCED', 'SCREENED'],
			[ids[0], 'SCREENED', 'DEAD'],
		]);
		expect(await trigger.poll()).toEqual({});
	});

	it('a poll that fails midway through the list emits nothing and moves nothing; the next one catches up', async () => {
		const { list, ids, trigger } = await watching(2500);
		const before = trigger.staticData;
		list.change(ids[0], { stage: 'PASSED', status: 'PASSED_DEAD' });
		list.fail(5, () => [500, { error: 'internal error' }], { after: 1 });

		const failed = await trigger.poll();

		expect(list.take()).toHaveLength(1 + 5);
		expect(failed.error?.message).toBe('Metal answered with a server error (500): internal error');
		expect(trigger.staticData).toEqual(before);
		expect(await trigger.poll()).toEqual({
			events: [change(list.records.get(ids[0]) as IDataObject, 'SOURCED', 'ACTIVE')],
		});
	});

	it('a change made while n8n is down is emitted when it starts again', async () => {
		const { list, ids, trigger } = await watching(5);
		list.change(ids[4], { stage: 'REALIZED', status: 'CLOSED' });

		expect(await trigger.restart()).toEqual({
			events: [change(list.records.get(ids[4]) as IDataObject, 'SOURCED', 'ACTIVE')],
		});
		expect(await trigger.restart()).toEqual({});
	});

	it('a deal first seen on a poll that emitted nothing is new again after a restart: n8n saved no snapshot with it, so its change while n8n was down is not emitted', async () => {
		const { list, trigger } = await watching(3);
		const added = deal(objectId(T0 + 60, 99));
		list.add(added);
		expect(await trigger.poll()).toEqual({});
		const id = added.id as string;
		list.change(id, { stage: 'SCREENED' });

		expect(await trigger.restart()).toEqual({});

		list.change(id, { stage: 'DUE_DILIGENCE' });
		expect(await trigger.poll()).toEqual({
			events: [change(list.records.get(id) as IDataObject, 'SCREENED', 'ACTIVE')],
		});
	});

	it('with Stages set, a change skipped since the last emitting poll is not saved: after a restart, a deal back in a watched stage is no change', async () => {
		const { list, ids, trigger } = await watching(3, { stages: ['IC_MEETING'] });
		list.change(ids[0], { stage: 'IC_MEETING' });
		expect((await trigger.poll()).events).toHaveLength(1);
		list.change(ids[0], { stage: 'SCREENED' });
		expect(await trigger.poll()).toEqual({});
		list.change(ids[0], { stage: 'IC_MEETING' });

		expect(await trigger.restart()).toEqual({});
	});

	it('deals with undocumented or missing stages are compared as they are', async () => {
		const list = new MetalList('/v1/deals');
		const odd = deal(objectId(T0, 1), { stage: 'NEW_STAGE_METAL_ADDED' });
		const bare = deal(objectId(T0 + 1, 2));
		delete bare.status;
		list.add(odd, bare);
		const trigger = new ActiveTrigger({ event });
		await trigger.activate();
		list.change(odd.id as string, { stage: 'ANOTHER_NEW_STAGE' });
		list.change(bare.id as string, { status: 'ACTIVE' });

		const { events } = await trigger.poll();

		expect(events?.map((e) => [e.previousStage, e.previousStatus])).toEqual([
			['NEW_STAGE_METAL_ADDED', 'ACTIVE'],
			['SOURCED', null],
		]);
	});

	it('two deals whose ids share a snapshot key are left out rather than mistaken for each other', async () => {
		// Found by search: both ids hash to the key "uTh_NT7" (a chance of about 1 in 88,000 among
		// 10,000 deals).
		const [a, b] = [deal('6b0bfe20a1b2c3d4e5196795'), deal('6b0c0571a1b2c3d4e535fc02')];
		const list = new MetalList('/v1/deals');
		const other = deal(objectId(T0, 1));
		list.add(a, b, other);
		const trigger = new ActiveTrigger({ event });
		await trigger.activate();
		expect(trigger.staticData.deals).toHaveLength(8);
		list.change(a.id as string, { stage: 'DEAD' });
		list.change(other.id as string, { stage: 'DEAD' });

		const { events } = await trigger.poll();

		expect(events?.map((e) => (e.deal as IDataObject).id)).toEqual([other.id]);
	});

	it('10,000 deals: 11 requests a poll, 8 bytes of static data a deal (about 80 KB)', async () => {
		const { list, ids, trigger } = await watching(10_000);
		list.change(ids[1234], { stage: 'IC_MEETING' });

		const { events } = await trigger.poll();

		expect(events).toHaveLength(1);
		expect(list.take()).toHaveLength(11);
		const bytes = trigger.savedBytes;
		expect(bytes).toBeGreaterThanOrEqual(80_000);
		expect(bytes).toBeLessThan(80_000 + 200);
	}, 60_000);

	it('more than 20,000 deals: the newest 20,000 are watched, in 20 requests', async () => {
		const { list, ids, trigger } = await watching(20_500);
		list.change(ids[0], { stage: 'DEAD' }); // the oldest, not watched
		list.change(ids[20_499], { stage: 'DEAD' }); // the newest

		const { events } = await trigger.poll();

		expect(events?.map((e) => (e.deal as IDataObject).id)).toEqual([ids[20_499]]);
		expect(list.take()).toHaveLength(20);
		expect((trigger.staticData.deals as string).length).toBe(20_000 * 8);
	}, 60_000);
});
