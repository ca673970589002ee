import type { IDataObject } from 'n8n-workflow';

import { Metal } from '../../nodes/Metal/Metal.node';
import { interceptMetal } from './metalNock';
import { runMetalNode, type RunOptions } from './runMetalNode';

type Options = Pick<RunOptions, 'onError'> & { maxConcurrency?: number };

/** The Metal IDs of the records Metal keeps under these external IDs; others it does not have. */
const KNOWN: Record<string, string> = {
	'crm-1': '665f1c2a9b1e4a0012a3b001',
	'crm-2': '665f1c2a9b1e4a0012a3b002',
};

/**
 * Metal's records at `path`: the look-up by external ID (a 404 for an unknown one, or `found`'s
 * answer), the update, and a create, should one be sent. `sent` lists every request in order.
 */
function serveRecords(
	path: string,
	found = (externalId: string): IDataObject => ({ id: KNOWN[externalId] }),
) {
	const sent: string[] = [];
	const log = (method: string, at: string) => sent.push(`${method} ${at}`);
	const lookups = interceptMetal({
		method: 'get',
		path: new RegExp(`^${path}/externalId=`),
		times: 10,
		reply: (_, __, at) => {
			log('GET', at);
			const externalId = decodeURIComponent(at.split('=')[1]);
			if (KNOWN[externalId] === undefined) return [404, { error: 'Not found' }];
			return [200, { data: { externalId, ...found(externalId) } }];
		},
	});
	const updates = interceptMetal({
		method: 'put',
		path: new RegExp(`^${path}/`),
		times: 10,
		reply: (body, _, at) => {
			log('PUT', at);
			return [200, { data: { id: at.split('/').pop(), ...(body as object) } }];
		},
	});
	interceptMetal({ path, reply: (_, __, at) => (log('POST', at), [201, { data: {} }]) });
	return { sent, lookups, updates };
}

/**
 * Update By External ID of a resource whose records Metal finds by external ID at
 * `<path>/externalId=<ID>`: one look-up, then the update of the record found, or no update at all.
 */
/** Where a 404 says the record's ID is found, by resource. */
const FIND: Record<string, string> = {
	company: 'Pick the company From List, or find it with Company → Search or Get Many.',
	deal: 'Find the deal with Deal → Search or Get Many.',
};

export function describeUpdateByExternalId(name: string, path: string) {
	const resource = name.toLowerCase();
	const locator = `${resource}Id`;
	const notFound = (externalId: string) => ({
		message: `Metal has no ${resource} with the external ID "${externalId}"`,
		description: `The ${resource} was not updated. Check the external ID: it must be exactly the one Metal keeps for the ${resource} (its externalId, case and spaces included), in the organization of the API key. ${FIND[resource]}`,
	});
	const summary = (updated: string, failed: string, notSent: string) => [
		`Updated: ${updated}.`,
		`Failed, not updated: ${failed}.`,
		`Not updated (never sent, or rate-limited and not sent again): ${notSent}.`,
		'Fix the cause, then run the items that were not updated again; updating an item twice sets the same values.',
	];
	const update = (items: IDataObject[], { onError, maxConcurrency = 50 }: Options = {}) =>
		runMetalNode({
			items,
			onError,
			parameters: {
				resource,
				operation: 'update',
				[locator]: { __rl: true, mode: 'externalId', value: '={{ $json.crm }}' },
				updateFields: { sector: '={{ $json.sector }}' },
				options: { maxConcurrency },
			},
		});

	describe(`${name} → Update, By External ID`, () => {
		it(`GET ${path}/externalId=…, then the PUT of the fields set to the ${resource} found`, async () => {
			const { sent, updates } = serveRecords(path);

			const { output, error } = await update([{ crm: 'crm-1', sector: 'Healthcare' }]);

			expect(error).toBeUndefined();
			expect(sent).toEqual([`GET ${path}/externalId=crm-1`, `PUT ${path}/${KNOWN['crm-1']}`]);
			expect(updates.map((r) => r.body)).toEqual([{ sector: 'Healthcare' }]);
			expect(output).toEqual([
				{ json: { id: KNOWN['crm-1'], sector: 'Healthcare' }, pairedItem: { item: 0 } },
			]);
		});

		it('not found: an error naming the external ID, no update, never a create; the summary counts the item as failed, not updated', async () => {
			const { sent } = serveRecords(path);

			const { output, error } = await update(
				[
					{ crm: 'crm-1', sector: 'Healthcare' },
					{ crm: 'crm-9', sector: 'Software' },
					{ crm: 'crm-2', sector: 'Energy' },
				],
				// One at a time, so that item 2 is not sent once item 1 has failed.
				{ maxConcurrency: 1 },
			);

			expect(output).toBeUndefined();
			expect(sent).toEqual([
				`GET ${path}/externalId=crm-1`,
				`PUT ${path}/${KNOWN['crm-1']}`,
				`GET ${path}/externalId=crm-9`,
			]);
			expect(error?.message).toBe(notFound('crm-9').message);
			expect(error?.description?.split('\n')).toEqual([
				notFound('crm-9').description,
				'',
				'The run stopped at item 1.',
				...summary(`0 (id ${KNOWN['crm-1']})`, '1', '2'),
			]);
		});

		it('with Continue On Fail, the item not found is an error item and the others are updated', async () => {
			const { sent } = serveRecords(path);

			const { output } = await update(
				[
					{ crm: 'crm-9', sector: 'Software' },
					{ crm: 'crm-2', sector: 'Energy' },
				],
				{ onError: 'continueRegularOutput' },
			);

			expect(sent.filter((request) => request.startsWith('PUT'))).toEqual([
				`PUT ${path}/${KNOWN['crm-2']}`,
			]);
			expect(output).toEqual([
				{
					json: { error: notFound('crm-9').message, details: notFound('crm-9').description },
					pairedItem: { item: 0 },
				},
				{ json: { id: KNOWN['crm-2'], sector: 'Energy' }, pairedItem: { item: 1 } },
			]);
		});

		it('items naming the same external ID: one look-up, an update each', async () => {
			const { lookups, updates } = serveRecords(path);

			const { output } = await update([
				{ crm: 'crm-1', sector: 'Healthcare' },
				{ crm: ' crm-1 ', sector: 'Software' },
				{ crm: 'crm-2', sector: 'Energy' },
			]);

			expect(lookups.map((r) => r.path).sort()).toEqual([
				`${path}/externalId=crm-1`,
				`${path}/externalId=crm-2`,
			]);
			expect(updates).toHaveLength(3);
			expect(output).toEqual([
				{ json: { id: KNOWN['crm-1'], sector: 'Healthcare' }, pairedItem: { item: 0 } },
				{ json: { id: KNOWN['crm-1'], sector: 'Software' }, pairedItem: { item: 1 } },
				{ json: { id: KNOWN['crm-2'], sector: 'Energy' }, pairedItem: { item: 2 } },
			]);
		});

		it.each([
			['without an id', {}, '{"externalId":"crm-1","name":"Acme"}'],
			[
				'with an id that is not a Metal ID',
				{ id: 'crm-1' },
				'{"externalId":"crm-1","name":"Acme","id":"crm-1"}',
			],
		])('a look-up answer %s: an error quoting it, and no update', async (_, found, quoted) => {
			const { sent } = serveRecords(path, () => ({ name: 'Acme', ...found }));

			const { error } = await update([{ crm: 'crm-1', sector: 'Healthcare' }]);

			expect(sent).toEqual([`GET ${path}/externalId=crm-1`]);
			expect(error?.message).toBe(
				'Metal answered without the expected Metal ID of the record with external ID "crm-1"',
			);
			expect(error?.description?.split('\n')).toEqual([
				`The ${resource} was not updated. Metal sent: ${quoted}. Check that the Base URL in the Metal API credential points at the Metal API.`,
				'',
				'The run stopped at item 0.',
				...summary('none', '0', 'none'),
			]);
		});

		it('the locator offers From List, By ID and By External ID, and says it never creates', () => {
			const property = new Metal().description.properties.find(
				(p) => p.name === locator && p.displayOptions?.show?.operation?.includes('update'),
			);

			expect(property?.modes?.map((m) => m.name)).toEqual(['list', 'id', 'externalId']);
			expect(property?.description).toBe(
				`The ${resource} to update. By External ID finds it by its ID in your own system, such as a CRM (its externalId in Metal), with one look-up before the update; it never creates one.`,
			);
		});
	});
}
