import { inFlightCounter, interceptMetal } from '../../../../../helpers/metalNock';
import { runMetalNode } from '../../../../../helpers/runMetalNode';

const search = (parameters: Record<string, unknown>) => ({
	resource: 'workspace',
	operation: 'search',
	query: 'atlas',
	...parameters,
});

const workspaces = (count: number, from = 0) =>
	Array.from({ length: count }, (_, n) => ({ id: `w${from + n}`, name: `Atlas ${from + n}` }));

/** Answers each page from a list of `total` workspaces, as Metal's search envelope. */
function searchServing(total: number, options: { totalPages?: (limit: number) => number } = {}) {
	const all = workspaces(total);
	return interceptMetal({
		path: '/v1/workspaces/search',
		times: 100,
		reply: (body) => {
			const { page, limit } = body as { page: number; limit: number };
			const data = all.slice((page - 1) * limit, page * limit);
			const totalPages = options.totalPages?.(limit) ?? Math.ceil(total / limit);
			return [200, { data, metadata: { page, limit, totalCount: total, totalPages } }];
		},
	});
}

describe('Workspace → Search', () => {
	it('one page: one output item per workspace, each paired with the item that asked', async () => {
		const requests = searchServing(3);

		const { output } = await runMetalNode({ parameters: search({ limit: 10 }) });

		expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['POST', '/v1/workspaces/search', { query: 'atlas', page: 1, limit: 10 }],
		]);
		expect(output).toEqual(workspaces(3).map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	it('no match: no output items, no error', async () => {
		searchServing(0);

		const { output, error } = await runMetalNode({ parameters: search({}) });

		expect(error).toBeUndefined();
		expect(output).toEqual([]);
	});

	it('Return All pages through every page in pages of 50', async () => {
		const requests = searchServing(120);

		const { output } = await runMetalNode({ parameters: search({ returnAll: true }) });

		expect(requests.map((r) => r.body)).toEqual(
			[1, 2, 3].map((page) => ({ query: 'atlas', page, limit: 50 })),
		);
		expect(output?.map((item) => item.json.id)).toEqual(workspaces(120).map((w) => w.id));
	});

	it('a Limit smaller than a page asks for just that many', async () => {
		const requests = searchServing(120);

		const { output } = await runMetalNode({ parameters: search({ limit: 7 }) });

		expect(requests.map((r) => r.body)).toEqual([{ query: 'atlas', page: 1, limit: 7 }]);
		expect(output).toHaveLength(7);
	});

	it('a Limit larger than a page stops as soon as it has enough', async () => {
		const requests = searchServing(500);

		const { output } = await runMetalNode({ parameters: search({ limit: 120 }) });

		expect(requests.map((r) => (r.body as { page: number }).page)).toEqual([1, 2, 3]);
		expect(output?.map((item) => item.json.id)).toEqual(workspaces(120).map((w) => w.id));
	});

	it('stops on an empty page even when totalPages promises more', async () => {
		const requests = searchServing(60, { totalPages: () => 9 });

		const { output } = await runMetalNode({ parameters: search({ returnAll: true }) });

		expect(requests.map((r) => (r.body as { page: number }).page)).toEqual([1, 2, 3]);
		expect(output).toHaveLength(60);
	});

	it('stops on the last page by totalPages even when that page is full', async () => {
		const requests = searchServing(200, { totalPages: () => 2 });

		const { output } = await runMetalNode({ parameters: search({ returnAll: true }) });

		expect(requests.map((r) => (r.body as { page: number }).page)).toEqual([1, 2]);
		expect(output).toHaveLength(100);
	});

	it('without metadata, stops on a short page', async () => {
		const all = workspaces(70);
		const requests = interceptMetal({
			path: '/v1/workspaces/search',
			times: 5,
			reply: (body) => {
				const { page, limit } = body as { page: number; limit: number };
				return [200, { data: all.slice((page - 1) * limit, page * limit) }];
			},
		});

		const { output } = await runMetalNode({ parameters: search({ returnAll: true }) });

		expect(requests).toHaveLength(2);
		expect(output).toHaveLength(70);
	});

	it("several items: each item's results are paired with it, in item order", async () => {
		interceptMetal({
			path: '/v1/workspaces/search',
			times: 2,
			reply: (body) => {
				const { query } = body as { query: string };
				return [
					200,
					{ data: [{ id: `${query}-1` }, { id: `${query}-2` }], metadata: { totalPages: 1 } },
				];
			},
		});

		const { output } = await runMetalNode({
			items: [{ deal: 'atlas' }, { deal: 'borealis' }],
			parameters: search({ query: '={{ $json.deal }}' }),
		});

		expect(output).toEqual([
			{ json: { id: 'atlas-1' }, pairedItem: { item: 0 } },
			{ json: { id: 'atlas-2' }, pairedItem: { item: 0 } },
			{ json: { id: 'borealis-1' }, pairedItem: { item: 1 } },
			{ json: { id: 'borealis-2' }, pairedItem: { item: 1 } },
		]);
	});

	it('an empty query is refused before anything is sent', async () => {
		const requests = searchServing(3);

		const { error } = await runMetalNode({ parameters: search({ query: ' ' }) });

		expect(error?.message).toBe('The "Query" parameter is empty in item 0');
		expect(requests).toHaveLength(0);
	});

	it('a Limit that is not a whole number is refused', async () => {
		const { error } = await runMetalNode({ parameters: search({ limit: 2.5 }) });

		expect(error?.message).toBe(
			'The "Limit" parameter in item 0 is the number 2.5, not a whole number of at least 1',
		);
	});

	it('an answer that is not a search envelope is an error, not an empty result', async () => {
		interceptMetal({ path: '/v1/workspaces/search', reply: () => [200, { results: [] }] });

		const { error } = await runMetalNode({ parameters: search({}) });

		expect(error?.message).toBe('Metal answered without the expected data');
	});

	it('with Continue On Fail, a failed search is an error item paired with its input', async () => {
		interceptMetal({
			path: '/v1/workspaces/search',
			times: 2,
			reply: (body) =>
				(body as { query: string }).query === 'bad'
					? [400, { error: 'Invalid request body' }]
					: [200, { data: [{ id: 'w1' }], metadata: { totalPages: 1 } }],
		});

		const { output } = await runMetalNode({
			items: [{ q: 'bad' }, { q: 'good' }],
			parameters: search({ query: '={{ $json.q }}', options: { maxConcurrency: 1 } }),
			onError: 'continueRegularOutput',
		});

		expect(output).toEqual([
			{
				json: {
					error: 'Metal rejected the request as invalid: Invalid request body',
					details:
						"Check this item's values against the fields of the operation; Metal accepts only the documented fields and types.",
				},
				pairedItem: { item: 0 },
			},
			{ json: { id: 'w1' }, pairedItem: { item: 1 } },
		]);
	});

	it('without Continue On Fail, the stop summary accounts for every item', async () => {
		interceptMetal({
			path: '/v1/workspaces/search',
			times: 4,
			reply: (body) =>
				(body as { query: string }).query === 'q1'
					? [401, { error: 'invalid api key or clientId' }]
					: [200, { data: [], metadata: { totalPages: 1 } }],
		});

		const { error } = await runMetalNode({
			items: [{ q: 'q0' }, { q: 'q1' }, { q: 'q2' }, { q: 'q3' }],
			parameters: search({ query: '={{ $json.q }}', options: { maxConcurrency: 1 } }),
		});

		expect(error?.message).toBe(
			'Metal did not accept the credentials: invalid api key or clientId',
		);
		expect(error?.description?.split('\n').slice(2)).toEqual([
			'The run stopped at item 1.',
			'Done: 0.',
			'Failed: 1.',
			'Not run: 2–3.',
			'Fix the cause and run the node again.',
		]);
	});

	it('keeps at most Max Concurrent Requests in flight', async () => {
		const counter = inFlightCounter(() => [200, { data: [], metadata: { totalPages: 1 } }]);
		const requests = interceptMetal({
			path: '/v1/workspaces/search',
			times: 8,
			reply: counter.reply,
		});

		const { output } = await runMetalNode({
			items: Array.from({ length: 8 }, () => ({})),
			parameters: search({ options: { maxConcurrency: 2 } }),
		});

		expect(output).toEqual([]);
		expect(requests).toHaveLength(8);
		expect(counter.most()).toBe(2);
	});
});
