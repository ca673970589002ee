import nock from 'nock';
import { sleep } from 'n8n-workflow';

import { inFlightCounter, interceptMetal } from '../../../../helpers/metalNock';
import { runProbe, thing, THING_ID } from '../../../../helpers/probe';
import { BASE_URL } from '../../../../helpers/runMetalNode';

// What Metal answers for a created or updated thing: the body, with an id per request.
const idFor = (index: number) => `665f1c2a9b1e4a0012a3b${String(index).padStart(3, '0')}`;
const created = (body: unknown, index: number): [number, unknown] => [
	201,
	{ data: { id: idFor(index), ...(body as object) } },
];
const names = (count: number) => Array.from({ length: count }, (_, n) => ({ name: `T${n}` }));
const byName = { name: '={{ $json.name }}' };
const nameOf = (body: unknown) => (body as { name: string }).name;

describe('the runner: every item is checked before the first request', () => {
	// The first item is always fine: the second one's error must stop the run before item 0 is sent.
	it.each([
		['an empty value', '""', 'The "Name" parameter is empty in item 1'],
		['a number', '42', 'The "Name" parameter in item 1 is the number 42, not text'],
	])('%s in the second item stops the run, and nothing is sent', async (_, second, message) => {
		const scope = nock(BASE_URL).post('/v1/things').reply(201, {});

		const { output, error } = await runProbe('create', {
			items: [{}, {}],
			parameters: { name: `={{ $itemIndex === 0 ? "First" : ${second} }}` },
		});

		expect(output).toBeUndefined();
		expect(error?.message).toBe(message);
		expect(scope.isDone()).toBe(false);
	});

	it('a bad run option fails the run before sending', async () => {
		const scope = nock(BASE_URL).post('/v1/things').reply(201, {});

		const { error } = await runProbe('create', {
			parameters: { name: 'A', options: { maxConcurrency: 0 } },
		});

		expect(error?.message).toBe(
			'The "Max Concurrent Requests" parameter in item 0 is the number 0, not a whole number from 1 to 100',
		);
		expect(scope.isDone()).toBe(false);
	});

	it('an unknown operation is named', async () => {
		const { error } = await runProbe('create', { parameters: { operation: 'explode' } });

		expect(error?.message).toBe('The operation "explode" of resource "probe" is not supported');
	});
});

describe('the runner: requests', () => {
	it.each([
		['Max Concurrent Requests', { maxConcurrency: 3 }, 12, 3],
		['50 by default', {}, 60, 50],
	])('keeps at most %s in flight, outputs in input order', async (_, options, count, most) => {
		const counter = inFlightCounter(created);
		const requests = interceptMetal({ path: '/v1/things', times: count, reply: counter.reply });

		const { output } = await runProbe('create', {
			items: names(count),
			parameters: { ...byName, options },
		});

		expect(requests).toHaveLength(count);
		expect(counter.most()).toBe(most);
		expect(output?.map((item) => [item.json.name, item.pairedItem])).toEqual(
			names(count).map((item, index) => [item.name, { item: index }]),
		);
	});

	it('an item with many results gives one output item each, all paired with it', async () => {
		interceptMetal({
			method: 'get',
			path: '/v1/things?limit=2',
			times: 2,
			reply: () => [200, { data: [{ id: 'a' }, { id: 'b' }] }],
		});

		const { output } = await runProbe('getAll', { items: [{}, {}], parameters: { limit: 2 } });

		expect(output).toEqual([
			{ json: { id: 'a' }, pairedItem: { item: 0 } },
			{ json: { id: 'b' }, pairedItem: { item: 0 } },
			{ json: { id: 'a' }, pairedItem: { item: 1 } },
			{ json: { id: 'b' }, pairedItem: { item: 1 } },
		]);
	});
});

describe('the runner: without Continue On Fail, the first failure stops the run and accounts for every item', () => {
	it('create: the ids created, the outcome unknown, and what was never sent', async () => {
		// Items 0-3 go out together; item 2 fails; 0, 1 and 3 finish; 4-7 are never sent.
		const requests = interceptMetal({
			path: '/v1/things',
			times: 8,
			reply: async (body, index) => {
				if (nameOf(body) === 'T2') return [500, { error: 'Internal server error' }];
				await sleep(30);
				return created(body, index);
			},
		});

		const { output, error } = await runProbe('create', {
			items: names(8),
			parameters: { ...byName, options: { maxConcurrency: 4 } },
		});

		const sent = requests.map((r) => nameOf(r.body));
		expect(sent).toEqual(['T0', 'T1', 'T2', 'T3']);
		const id = (name: string) => idFor(sent.indexOf(name));
		expect(output).toBeUndefined();
		expect(error?.message).toBe('Metal answered with a server error (500): Internal server error');
		expect(error?.description).toBe(
			[
				'The thing may or may not have been created: check in Metal before running this item again. The node does not retry it by itself, so that it is never created twice.',
				'',
				'The run stopped at item 2.',
				`Created: 0 (id ${id('T0')}); 1 (id ${id('T1')}); 3 (id ${id('T3')}).`,
				'May or may not have been created (check in Metal before running them again): 2.',
				'Not created (never sent, or rate-limited and not sent again): 4–7.',
				'Fix the cause, then run only the items that were not created. Retry On Fail is not needed: it would send every item again.',
			].join('\n'),
		);
	});

	it('update: the ids updated, and those refused', async () => {
		interceptMetal({
			method: 'put',
			path: `/v1/things/${THING_ID}`,
			times: 3,
			reply: async (body) => {
				if (nameOf(body) === 'T1') return [400, { error: 'Invalid request body' }];
				await sleep(30);
				return [200, { data: { id: THING_ID, ...(body as object) } }];
			},
		});

		const { error } = await runProbe('update', {
			items: names(3),
			parameters: { ...byName, thingId: thing, options: { maxConcurrency: 2 } },
		});

		expect(error?.message).toBe('Metal rejected the request as invalid: Invalid request body');
		expect(error?.description).toBe(
			[
				"The thing was not updated. Check this item's values against the fields of the operation; Metal accepts only the documented fields and types.",
				'',
				'The run stopped at item 1.',
				`Updated: 0 (id ${THING_ID}).`,
				'Failed, not updated: 1.',
				'Not updated (never sent, or rate-limited and not sent again): 2.',
				'Fix the cause, then run the items that were not updated again; updating an item twice sets the same values.',
			].join('\n'),
		);
	});

	it('read: what was done, what failed, what was not run', async () => {
		interceptMetal({
			method: 'get',
			path: `/v1/things/${THING_ID}`,
			times: 2,
			reply: async (_, index) => {
				if (index === 1) return [404, { error: 'Not found' }];
				await sleep(30);
				return [200, { data: { id: THING_ID } }];
			},
		});

		const { error } = await runProbe('get', {
			items: [{}, {}, {}],
			parameters: { thingId: thing, options: { maxConcurrency: 2 } },
		});

		expect(error?.message).toBe(`Metal has no thing with the ID "${THING_ID}"`);
		expect(error?.description?.split('\n').slice(2)).toEqual([
			'The run stopped at item 1.',
			'Done: 0.',
			'Failed: 1.',
			'Not run: 2.',
			'Fix the cause and run the node again.',
		]);
	});

	it('a second failure in flight is named too, with its own outcome', async () => {
		// Items 0 and 1 go out together: 0 is rejected (nothing created), 1 times out (unknown).
		nock(BASE_URL).post('/v1/things', { name: 'Slow' }).delay(400).reply(201, {});
		interceptMetal({ path: '/v1/things', reply: () => [400, { error: 'Invalid request body' }] });

		const { error } = await runProbe('create', {
			items: [{ name: 'Rejected' }, { name: 'Slow' }, { name: 'Later' }],
			parameters: { ...byName, options: { maxConcurrency: 2, timeout: 200 } },
		});

		expect(error?.message).toBe('Metal rejected the request as invalid: Invalid request body');
		expect(error?.description?.split('\n').slice(2)).toEqual([
			'The run stopped at item 0.',
			'Item 1 failed too: Metal did not answer within 200 ms',
			'Created: none.',
			'May or may not have been created (check in Metal before running them again): 1.',
			'Failed, nothing created: 0.',
			'Not created (never sent, or rate-limited and not sent again): 2.',
			'Fix the cause, then run only the items that were not created. Retry On Fail is not needed: it would send every item again.',
		]);
	});
});

describe('the runner: with Continue On Fail, every item ends as a result or an error item', () => {
	const replies = (body: unknown, index: number): [number, unknown] =>
		nameOf(body) === 'Bad' ? [422, { error: 'limit reached' }] : created(body, index);

	it('regular output: each failed item is an error item paired with its input, the others go on', async () => {
		interceptMetal({ path: '/v1/things', times: 3, reply: replies });

		const { output, errorOutput } = await runProbe('create', {
			items: [{ name: 'Good 1' }, { name: '' }, { name: 'Bad' }, { name: 'Good 2' }],
			parameters: { ...byName, options: { maxConcurrency: 1 } },
			onError: 'continueRegularOutput',
		});

		expect(errorOutput).toBeUndefined();
		expect(output).toEqual([
			{ json: { id: idFor(0), name: 'Good 1' }, pairedItem: { item: 0 } },
			{
				json: {
					error: 'The "Name" parameter is empty in item 1',
					details:
						'Name is required. Fill it in, or map it to a field that has a value in every item, such as {{ $json.name }}.',
				},
				pairedItem: { item: 1 },
			},
			{
				json: {
					error: 'Metal could not process the request: limit reached',
					details:
						"No thing was created. This is usually a plan limit or a conflict, as Metal's message says. To raise a plan limit, contact support@metal.ai.",
				},
				pairedItem: { item: 2 },
			},
			{ json: { id: idFor(2), name: 'Good 2' }, pairedItem: { item: 3 } },
		]);
	});

	it('error output: failed items go there with their input fields', async () => {
		interceptMetal({ path: '/v1/things', times: 2, reply: replies });

		const { output, errorOutput } = await runProbe('create', {
			items: [{ name: 'Good' }, { name: 'Bad' }],
			parameters: { ...byName, options: { maxConcurrency: 1 } },
			onError: 'continueErrorOutput',
		});

		expect(output).toEqual([{ json: { id: idFor(0), name: 'Good' }, pairedItem: { item: 0 } }]);
		expect(errorOutput).toEqual([
			{
				json: {
					name: 'Bad',
					error: 'Metal could not process the request: limit reached',
					message:
						"No thing was created. This is usually a plan limit or a conflict, as Metal's message says. To raise a plan limit, contact support@metal.ai.",
				},
				pairedItem: { item: 1 },
			},
		]);
	});
});
