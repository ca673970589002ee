import { Metal } from '../../../../../../nodes/Metal/Metal.node';
import { interceptMetal } from '../../../../../helpers/metalNock';
import { CANARY_KEY, CLIENT_ID, runMetalNode } from '../../../../../helpers/runMetalNode';

const ID = '665f1c2a9b1e4a0012a3a001';
const activity = {
	id: ID,
	subject: 'Intro call with management',
	type: 'Meeting',
	startedAt: '2026-11-29T10:00:00Z',
	endedAt: '2026-11-29T11:00:00Z',
	participants: [{ id: '665f1c2a9b1e4a0012a3e001', type: 'person' }],
	deals: ['665f1c2a9b1e4a0012a3d001'],
	relatedResources: [],
	externalReference: { source: 'google-calendar', id: 'evt_1' },
	isPrivate: false,
	createdAt: '2026-11-29T12:00:00Z',
	updatedAt: '2026-11-29T12:00:00Z',
};
const get = (value: string) => ({
	resource: 'activity',
	operation: 'get',
	activityId: { __rl: true, mode: 'id', value },
});

describe('Activity → Get', () => {
	it('GET /v1/activities/{id} with the headers; the activity, paired with its item', async () => {
		const requests = interceptMetal({
			method: 'get',
			path: `/v1/activities/${ID}`,
			reply: () => [200, { data: activity }],
		});

		const { output, error } = await runMetalNode({ parameters: get(` ${ID} `) });

		expect(error).toBeUndefined();
		expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['GET', `/v1/activities/${ID}`, ''],
		]);
		expect(requests[0].headers['x-metal-client-id']).toBe(CLIENT_ID);
		expect(requests[0].headers['x-metal-api-key']).toBe(CANARY_KEY);
		expect(output).toEqual([{ json: activity, pairedItem: { item: 0 } }]);
	});

	it('offers By ID only: Metal documents no list of activities to pick from', () => {
		const properties = new Metal().description.properties as Array<{
			name: string;
			displayOptions?: { show?: Record<string, string[]> };
			modes?: Array<{ name: string }>;
		}>;
		const locators = properties.filter(
			(p) => p.name === 'activityId' && p.displayOptions?.show?.resource?.includes('activity'),
		);

		expect(locators.map((p) => p.displayOptions?.show?.operation)).toEqual([['get'], ['update']]);
		expect(locators.map((p) => p.modes?.map((m) => m.name))).toEqual([['id'], ['id']]);
	});

	it('takes the ID from each item by expression', async () => {
		const ids = ['665f1c2a9b1e4a0012a3a001', '665f1c2a9b1e4a0012a3a002'];
		for (const id of ids) {
			interceptMetal({
				method: 'get',
				path: `/v1/activities/${id}`,
				reply: () => [200, { data: { id } }],
			});
		}

		const { output } = await runMetalNode({
			items: ids.map((id) => ({ activity: id })),
			parameters: get('={{ $json.activity }}'),
		});

		expect(output).toEqual(ids.map((id, item) => ({ json: { id }, pairedItem: { item } })));
	});

	it('404: names the ID and says where a right one comes from', async () => {
		interceptMetal({
			method: 'get',
			path: `/v1/activities/${ID}`,
			reply: () => [404, { error: 'Activity not found' }],
		});

		const { error } = await runMetalNode({ parameters: get(ID) });

		expect(error?.message).toBe(`Metal has no activity with the ID "${ID}"`);
		expect(error?.description?.split('\n')[0]).toBe(
			"Check the ID: it may be mistyped, or belong to an activity of another organization than the API key's. Use the ID that Activity → Create gave for it (the id field of its output), or find it with Activity → Search.",
		);
	});

	it('an ID by expression that is not a Metal ID is refused before anything is sent', async () => {
		const requests = interceptMetal({
			method: 'get',
			path: /.*/,
			reply: () => [200, { data: {} }],
		});

		const { error } = await runMetalNode({
			items: [{ event: 'evt_7kq1v0o2' }],
			parameters: get('={{ $json.event }}'),
		});

		expect(error?.message).toBe(
			'The "Activity" parameter in item 0 is the text "evt_7kq1v0o2", not a Metal ID',
		);
		expect(requests).toHaveLength(0);
	});
});
