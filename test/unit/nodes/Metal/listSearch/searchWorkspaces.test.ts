import { searchWorkspaces } from '../../../../../nodes/Metal/listSearch/searchWorkspaces';
import { interceptMetal } from '../../../../helpers/metalNock';
import { CANARY_KEY, loadOptionsContext } from '../../../../helpers/runMetalNode';

const context = () =>
	loadOptionsContext({ parameters: { resource: 'workspace', operation: 'get' } });

describe('Workspace picker (From List)', () => {
	it("searches Metal for what the user typed, and offers Metal's next page", async () => {
		const requests = interceptMetal({
			path: '/v1/workspaces/search',
			reply: () => [
				200,
				{
					data: [
						{ id: 'w1', name: 'Project Atlas', company: 'Acme' },
						{ id: 'w2', name: 'Atlas follow-on' },
					],
					metadata: { page: 1, limit: 20, totalCount: 22, totalPages: 2 },
				},
			],
		});

		const result = await searchWorkspaces.call(context(), 'atlas');

		expect(requests.map((r) => r.body)).toEqual([{ query: 'atlas', page: 1, limit: 20 }]);
		expect(requests[0].headers['x-metal-api-key']).toBe(CANARY_KEY);
		expect(result).toEqual({
			results: [
				{ name: 'Project Atlas (Acme)', value: 'w1' },
				{ name: 'Atlas follow-on', value: 'w2' },
			],
			paginationToken: '2',
		});
	});

	it('asks for the page in the pagination token, and ends on the last page', async () => {
		const requests = interceptMetal({
			path: '/v1/workspaces/search',
			reply: () => [200, { data: [{ id: 'w21', name: 'Atlas 21' }], metadata: { totalPages: 2 } }],
		});

		const result = await searchWorkspaces.call(context(), 'atlas', '2');

		expect(requests.map((r) => r.body)).toEqual([{ query: 'atlas', page: 2, limit: 20 }]);
		expect(result).toEqual({
			results: [{ name: 'Atlas 21', value: 'w21' }],
			paginationToken: undefined,
		});
	});

	it('sends nothing before the user types', async () => {
		const requests = interceptMetal({
			path: '/v1/workspaces/search',
			reply: () => [200, { data: [] }],
		});

		expect(await searchWorkspaces.call(context(), '  ')).toEqual({ results: [] });
		expect(requests).toHaveLength(0);
	});

	it('a 401 reaches the picker as the same clear error', async () => {
		interceptMetal({
			path: '/v1/workspaces/search',
			reply: () => [401, { error: 'invalid api key or clientId' }],
		});

		await expect(searchWorkspaces.call(context(), 'atlas')).rejects.toThrow(
			'Metal did not accept the credentials: invalid api key or clientId',
		);
	});

	it('without metadata, offers a next page only after a full page', async () => {
		const full = Array.from({ length: 20 }, (_, n) => ({ id: `w${n}`, name: '' }));
		interceptMetal({ path: '/v1/workspaces/search', reply: () => [200, { data: full }] });

		const result = await searchWorkspaces.call(context(), 'atlas');

		expect(result.paginationToken).toBe('2');
		expect(result.results[0]).toEqual({ name: 'w0', value: 'w0' });
	});

	it('a server error is tried twice, then shown', async () => {
		const requests = interceptMetal({
			path: '/v1/workspaces/search',
			times: 3,
			reply: () => [500, { error: 'Internal server error' }],
		});

		await expect(searchWorkspaces.call(context(), 'atlas')).rejects.toThrow(
			'Metal answered with a server error (500): Internal server error',
		);
		expect(requests).toHaveLength(2);
	});
});
