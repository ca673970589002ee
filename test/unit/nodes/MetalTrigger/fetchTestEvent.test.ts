import type { IDataObject } from 'n8n-workflow';

import { company, deal, MetalList, objectId, T0 } from '../../../helpers/metalList';
import { CANARY_KEY, CLIENT_ID } from '../../../helpers/runMetalNode';
import { fetchTestEvent } from '../../../helpers/runMetalTrigger';

const json = (output: Array<{ json: IDataObject }> | undefined) => output?.map((item) => item.json);

describe('Fetch Test Event (a manual execution in the editor)', () => {
	it.each([
		['New Deal', 'newDeal', '/v1/deals' as const, deal],
		['New Company', 'newCompany', '/v1/companies' as const, company],
	])(
		'%s: the newest record, in one request, the static data untouched',
		async (_, event, path, make) => {
			const list = new MetalList(path);
			const newest = make(objectId(T0 + 60, 2));
			list.add(make(objectId(T0, 1)), newest);

			const { output, error, staticData } = await fetchTestEvent({ event });

			expect(error).toBeUndefined();
			expect(json(output)).toEqual([newest]);
			expect(list.take()).toEqual([`${path}?limit=1`]);
			expect(list.headers[0]).toMatchObject({
				'x-metal-client-id': CLIENT_ID,
				'x-metal-api-key': CANARY_KEY,
			});
			expect(staticData).toEqual({});
		},
	);

	it('Deal Stage or Status Changed: the newest deal, shaped as the event, with no previous values', async () => {
		const list = new MetalList('/v1/deals');
		const newest = deal(objectId(T0 + 60, 2), { stage: 'SCREENED' });
		list.add(deal(objectId(T0, 1)), newest);

		const { output } = await fetchTestEvent({ event: 'dealStageOrStatusChanged' });

		expect(json(output)).toEqual([{ deal: newest, previousStage: null, previousStatus: null }]);
		expect(list.take()).toEqual(['/v1/deals?limit=1']);
	});

	it('with Stages and Statuses: the newest deal that matches them', async () => {
		const list = new MetalList('/v1/deals');
		const match = deal(objectId(T0, 1), { stage: 'IC_MEETING', status: 'ACTIVE' });
		list.add(
			match,
			deal(objectId(T0 + 60, 2), { stage: 'IC_MEETING', status: 'CLOSED' }),
			deal(objectId(T0 + 120, 3), { stage: 'SOURCED', status: 'ACTIVE' }),
		);

		const { output } = await fetchTestEvent({
			event: 'dealStageOrStatusChanged',
			stages: ['IC_MEETING'],
			statuses: ['ACTIVE'],
		});

		expect(json(output)).toEqual([{ deal: match, previousStage: null, previousStatus: null }]);
		// Matches may be few: whole pages.
		expect(list.take()).toEqual(['/v1/deals?limit=1000']);
	});

	it.each([
		['newDeal', 'deal', '/v1/deals' as const],
		['newCompany', 'company', '/v1/companies' as const],
		['dealStageOrStatusChanged', 'deal', '/v1/deals' as const],
	])('%s with nothing in Metal: says so', async (event, noun, path) => {
		new MetalList(path);

		const { output, error } = await fetchTestEvent({ event });

		expect(output).toBeUndefined();
		expect(error?.message).toBe(`No ${noun} in Metal to show as a test event`);
		expect(error?.description).toBe(
			`The test event is the newest matching ${noun}, so that you can map its fields. Add one in Metal (or widen the filters), then fetch again. The active trigger does not need one.`,
		);
	});

	it('a key Metal refuses: its error, and the key nowhere in it', async () => {
		const list = new MetalList('/v1/deals');
		list.fail(1, () => [401, { error: 'invalid api key or clientId' }]);

		const { error } = await fetchTestEvent({ event: 'newDeal' });

		expect(error?.message).toBe(
			'Metal did not accept the credentials: invalid api key or clientId',
		);
		expect(list.take()).toHaveLength(1);
		expect(JSON.stringify(error)).not.toContain(CANARY_KEY);
	});
});
