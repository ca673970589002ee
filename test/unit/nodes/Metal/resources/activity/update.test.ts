import type { INodeProperties } from 'n8n-workflow';

import { Metal } from '../../../../../../nodes/Metal/Metal.node';
import { interceptMetal } from '../../../../../helpers/metalNock';
import {
	CANARY_KEY,
	CLIENT_ID,
	runMetalNode,
	type RunOptions,
} from '../../../../../helpers/runMetalNode';

const ID = '665f1c2a9b1e4a0012a3a001';
const PERSON = '665f1c2a9b1e4a0012a3e001';
const updated = (body: unknown): [number, unknown] => [
	200,
	{ data: { id: ID, subject: 'Call', ...(body as object) } },
];

function run(updateFields: Record<string, unknown>, options: Omit<RunOptions, 'parameters'> = {}) {
	return runMetalNode({
		...options,
		parameters: {
			resource: 'activity',
			operation: 'update',
			activityId: { __rl: true, mode: 'id', value: ID },
			updateFields,
		} as RunOptions['parameters'],
	});
}

describe('Activity → Update: the request', () => {
	it('PUT /v1/activities/{id} with the headers and only the fields set', async () => {
		const requests = interceptMetal({
			method: 'put',
			path: `/v1/activities/${ID}`,
			reply: updated,
		});

		const { output, error } = await run({ subject: 'Management call (moved)', isPrivate: false });

		expect(error).toBeUndefined();
		expect(requests).toHaveLength(1);
		const [request] = requests;
		expect(request.method).toBe('PUT');
		expect(request.path).toBe(`/v1/activities/${ID}`);
		expect(request.headers['x-metal-client-id']).toBe(CLIENT_ID);
		expect(request.headers['x-metal-api-key']).toBe(CANARY_KEY);
		expect(request.body).toStrictEqual({ subject: 'Management call (moved)', isPrivate: false });
		expect(output).toEqual([
			{
				json: { id: ID, subject: 'Management call (moved)', isPrivate: false },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('every field it may change, with its documented type', async () => {
		const requests = interceptMetal({
			method: 'put',
			path: `/v1/activities/${ID}`,
			reply: updated,
		});

		await run({
			subject: 'Site visit',
			type: 'Meeting',
			startedAt: '2026-12-01T14:00:00Z',
			endedAt: '2026-12-01 16:30:00 +01:00',
			participants: { values: [{ id: PERSON, type: 'person' }] },
			isPrivate: true,
		});

		expect(requests[0].body).toStrictEqual({
			subject: 'Site visit',
			type: 'Meeting',
			startedAt: '2026-12-01T14:00:00.000Z',
			endedAt: '2026-12-01T15:30:00.000Z',
			participants: [{ id: PERSON, type: 'person' }],
			isPrivate: true,
		});
	});

	it('an update with no field set is refused before anything is sent', async () => {
		const requests = interceptMetal({
			method: 'put',
			path: `/v1/activities/${ID}`,
			reply: updated,
		});

		const { error } = await run({ subject: '={{ $json.missing }}', type: '' });

		expect(error?.message).toBe('Nothing to change in item 0: Update Fields is empty');
		expect(requests).toHaveLength(0);
	});
});

describe('Activity → Update: the fields offered', () => {
	const properties = new Metal().description.properties;
	const updateFields = properties.find(
		(p) =>
			p.name === 'updateFields' &&
			p.displayOptions?.show?.resource?.includes('activity') &&
			p.displayOptions?.show?.operation?.includes('update'),
	);
	const options = (updateFields?.options ?? []) as INodeProperties[];

	it('the documented fields of the update, and not Deal IDs nor External Reference', () => {
		expect(options.map((o) => o.name).sort()).toEqual(
			['endedAt', 'isPrivate', 'participants', 'startedAt', 'subject', 'type'].sort(),
		);
	});

	it('each says that Metal does not document whether a field not sent is kept or cleared', () => {
		for (const option of options) {
			expect(option.description).toContain(
				'Sent only when set: Metal does not document whether a field left out of an update keeps or loses its value.',
			);
		}
	});
});

describe('Activity → Update: its own errors', () => {
	it('404: names the ID; the activity was not updated', async () => {
		interceptMetal({
			method: 'put',
			path: `/v1/activities/${ID}`,
			reply: () => [404, { error: 'Activity not found' }],
		});

		const { error } = await run({ subject: 'Call' });

		expect(error?.message).toBe(`Metal has no activity with the ID "${ID}"`);
		expect(error?.description?.split('\n')[0]).toBe(
			"The activity was not updated. Check the ID: it may be mistyped, or belong to an activity of another organization than the API key's. Use the ID that Activity → Create gave for it (the id field of its output), or find it with Activity → Search.",
		);
	});

	it('400: the activity was not updated', async () => {
		interceptMetal({
			method: 'put',
			path: `/v1/activities/${ID}`,
			reply: () => [400, { error: 'endedAt must be after startedAt' }],
		});

		const { error } = await run({ endedAt: '2026-11-29T09:00:00Z' });

		expect(error?.message).toBe(
			'Metal rejected the request as invalid: endedAt must be after startedAt',
		);
		expect(error?.description?.split('\n')[0]).toBe(
			"The activity was not updated. Check this item's values against the fields of the operation; Metal accepts only the documented fields and types.",
		);
	});

	it('an answer without the activity: it may or may not have been updated, and running again is safe', async () => {
		interceptMetal({
			method: 'put',
			path: `/v1/activities/${ID}`,
			reply: () => [200, { ok: true }],
		});

		const { error } = await run({ subject: 'Call' });

		expect(error?.message).toBe('Metal answered without the expected data');
		expect(error?.description?.split('\n')[0]).toBe(
			'Metal sent: {"ok":true}. Check that the Base URL in the Metal API credential points at the Metal API. The activity may or may not have been updated. Running this item again is safe: an update sends the same values again.',
		);
	});
});
