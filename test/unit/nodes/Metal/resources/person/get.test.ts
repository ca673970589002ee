import type { IDataObject, INode } from 'n8n-workflow';

import { idOf } from '../../../../../helpers/metalList';
import { interceptMetal } from '../../../../../helpers/metalNock';
import { CANARY_KEY, CLIENT_ID, runMetalNode } from '../../../../../helpers/runMetalNode';

const [A, B, C, D] = [1, 2, 3, 4].map(idOf);
/** IDs Metal does not have. */
const [X, Y] = [901, 902].map(idOf);
const person = (id: string) => ({
	id,
	firstName: `Person ${id.slice(-3)}`,
	email: `${id}@acme.example`,
});

const get = (items: IDataObject[], onError?: INode['onError']) =>
	runMetalNode({
		items,
		onError,
		parameters: { resource: 'person', operation: 'get', personIds: '={{ $json.ids }}' },
	});

/**
 * GET /v1/people/ids=…: the people Metal has among the IDs asked, last asked first (so that
 * pairing must go by id). With `status`, a request for several IDs that names one Metal does not
 * have gets that status, as Metal may answer; one unknown ID alone, a 404.
 */
function serving({ status }: { status?: number } = {}) {
	return interceptMetal({
		method: 'get',
		path: /^\/v1\/people\/ids=/,
		times: 20,
		reply: (_, __, path) => {
			const ids = path.split('ids=')[1].split(',');
			const known = ids.filter((id) => ![X, Y].includes(id));
			if (status !== undefined && known.length < ids.length) {
				return ids.length > 1 ? [status, { error: 'Invalid id' }] : [404, { error: 'Not found' }];
			}
			return [200, { data: known.reverse().map(person) }];
		},
	});
}

const paired = (id: string, item: number) => ({ json: person(id), pairedItem: { item } });
const missing = (error: string, details: string, item: number) => ({
	json: { error, details },
	pairedItem: { item },
});
const ONE_MISSING =
	"Check the ID: it may be mistyped, or belong to a person of another organization than the API key's. Find the person with Person → Search.";

describe('Person → Get', () => {
	it("asks for the IDs of the run's items in one request, in item order, and pairs each person with the item that asked", async () => {
		const requests = serving();

		const { output, error } = await get([{ ids: A }, { ids: ` ${C} ,${B}` }, { ids: D }]);

		expect(error).toBeUndefined();
		expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['GET', `/v1/people/ids=${A},${C},${B},${D}`, ''],
		]);
		expect(requests[0].headers['x-metal-client-id']).toBe(CLIENT_ID);
		expect(requests[0].headers['x-metal-api-key']).toBe(CANARY_KEY);
		expect(output).toEqual([paired(A, 0), paired(C, 1), paired(B, 1), paired(D, 2)]);
	});

	it('an ID named by two items, or twice by one, is asked once, and output for each item that asked', async () => {
		const requests = serving();

		const { output } = await get([{ ids: [A, B] }, { ids: `${B}, ${C}, ${B.toUpperCase()}` }]);

		expect(requests.map((r) => r.path)).toEqual([`/v1/people/ids=${A},${B},${C}`]);
		expect(output).toEqual([paired(A, 0), paired(B, 0), paired(B, 1), paired(C, 1)]);
		// Each item its own copy: a later node that edits one must not change the other.
		expect(output?.[1].json).not.toBe(output?.[2].json);
	});

	it('more than 50 IDs: a request per 50, the people in the order of the IDs', async () => {
		const ids = Array.from({ length: 120 }, (_, n) => idOf(n));
		const requests = serving();

		const { output } = await get([{ ids }]);

		expect(requests.map((r) => r.path)).toEqual(
			[ids.slice(0, 50), ids.slice(50, 100), ids.slice(100)].map(
				(asked) => `/v1/people/ids=${asked.join(',')}`,
			),
		);
		expect(output).toEqual(ids.map((id) => paired(id, 0)));
	});

	it('an ID Metal leaves out of its answer fails only the item that named it', async () => {
		const requests = serving();

		const { output } = await get(
			[{ ids: A }, { ids: X }, { ids: `${C}, ${Y}, ${B}, ${X}` }],
			'continueRegularOutput',
		);

		expect(requests.map((r) => r.path)).toEqual([`/v1/people/ids=${A},${X},${C},${Y},${B}`]);
		expect(output).toEqual([
			paired(A, 0),
			missing(`Metal has no person with the ID "${X}"`, ONE_MISSING, 1),
			missing(
				`Metal has no people with the IDs "${Y}", "${X}"`,
				"Check the IDs: they may be mistyped, or belong to people of another organization than the API key's. Find the people with Person → Search.",
				2,
			),
		]);
	});

	it('without Continue On Fail, the stop summary says which items were read', async () => {
		serving();

		const { error } = await get([{ ids: A }, { ids: X }, { ids: B }]);

		expect(error?.message).toBe(`Metal has no person with the ID "${X}"`);
		expect(error?.description?.split('\n')).toEqual([
			ONE_MISSING,
			'',
			'The run stopped at item 1.',
			'Done: 0, 2.',
			'Failed: 1.',
			'Not run: none.',
			'Fix the cause and run the node again.',
		]);
	});

	it.each([400, 404])(
		'a %s to several IDs: asked again ID by ID, so that only the unknown ID fails',
		async (status) => {
			const requests = serving({ status });

			const { output } = await get([{ ids: A }, { ids: X }, { ids: B }], 'continueRegularOutput');

			expect(requests[0].path).toBe(`/v1/people/ids=${A},${X},${B}`);
			expect(
				requests
					.slice(1)
					.map((r) => r.path)
					.sort(),
			).toEqual([A, X, B].map((id) => `/v1/people/ids=${id}`).sort());
			expect(output).toEqual([
				paired(A, 0),
				missing(`Metal has no person with the ID "${X}"`, ONE_MISSING, 1),
				paired(B, 2),
			]);
		},
	);

	it('a 400 to a single ID is an error for its item, with Metal’s reason', async () => {
		interceptMetal({
			method: 'get',
			path: `/v1/people/ids=${A}`,
			reply: () => [400, { error: 'Invalid id' }],
		});

		const { error } = await get([{ ids: A }]);

		expect(error?.message).toBe('Metal rejected the request as invalid: Invalid id');
	});

	it('one person may come as an object rather than a list', async () => {
		interceptMetal({
			method: 'get',
			path: `/v1/people/ids=${A}`,
			reply: () => [200, { data: person(A) }],
		});

		const { output, error } = await get([{ ids: A }]);

		expect(error).toBeUndefined();
		expect(output).toEqual([paired(A, 0)]);
	});

	it('people without their id in the answer: an error quoting it, for every item that asked', async () => {
		interceptMetal({
			method: 'get',
			path: /^\/v1\/people\/ids=/,
			reply: () => [200, { data: [{ firstName: 'Ann' }] }],
		});

		const { output } = await get([{ ids: A }, { ids: B }], 'continueRegularOutput');

		const details =
			'Metal sent: {"data":[{"firstName":"Ann"}]}. Check that the Base URL in the Metal API credential points at the Metal API.';
		expect(output).toEqual(
			[0, 1].map((item) =>
				missing('Metal answered without the expected list of people with their IDs', details, item),
			),
		);
	});

	it.each([
		['a text that is not a Metal ID', `${A}, nope`, 'the text " nope", not a Metal ID'],
		['a number', '={{ [12345] }}', 'the number 12345, not a Metal ID'],
		['an ID with a path', `${A}/../keys`, `the text "${A}/../keys", not a Metal ID`],
	])('%s among the IDs is refused before anything is sent', async (_, ids, problem) => {
		const requests = serving();

		const { error } = await runMetalNode({
			parameters: { resource: 'person', operation: 'get', personIds: ids },
		});

		expect(error?.message).toBe(`The "Person IDs" parameter in item 0 is ${problem}`);
		expect(requests).toHaveLength(0);
	});

	it('IDs that are all blank are refused before anything is sent', async () => {
		const requests = serving();

		const { error } = await get([{ ids: ' , \u200b' }]);

		expect(error?.message).toBe('The "Person IDs" parameter is empty in item 0');
		expect(requests).toHaveLength(0);
	});
});
