import { created, interceptMetal } from '../../../helpers/metalNock';
import { runMetalNode } from '../../../helpers/runMetalNode';

// n8n saves only the parameters that differ from their defaults. Workflows saved when Workspace →
// Create was the node's only default have neither Resource nor Operation, and must keep their meaning
// as resources are added before Workspace in the list.
describe('a workflow saved without Resource and Operation', () => {
	it('still creates a workspace', async () => {
		const requests = interceptMetal({ path: '/v1/workspaces', reply: created });

		const { output, error } = await runMetalNode({ parameters: { name: 'Project Atlas' } });

		expect(error).toBeUndefined();
		expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['POST', '/v1/workspaces', { name: 'Project Atlas' }],
		]);
		expect(output).toHaveLength(1);
	});
});

// Get and Search came before Get Many and Update in their resources' lists: a workflow saved with
// the old first operation has no Operation, and must keep it.
describe('a workflow saved with a Resource and without Operation', () => {
	it.each([
		['company', 'GET', '/v1/companies?limit=50'],
		['deal', 'GET', '/v1/deals?limit=50'],
	])('%s: still Get Many', async (resource, method, path) => {
		const requests = interceptMetal({
			method: 'get',
			path: new RegExp(`^${path.replace('?', '\\?')}$`),
			reply: () => [200, { data: [] }],
		});

		const { error } = await runMetalNode({ parameters: { resource } });

		expect(error).toBeUndefined();
		expect(requests.map((r) => [r.method, r.path])).toEqual([[method, path]]);
	});

	it('person: still Update', async () => {
		const id = '665f1c2a9b1e4a0012a3b4c5';
		const requests = interceptMetal({
			method: 'put',
			path: `/v1/people/${id}`,
			reply: () => [200, { data: { id } }],
		});

		const { error } = await runMetalNode({
			parameters: {
				resource: 'person',
				personId: { __rl: true, mode: 'id', value: id },
				updateFields: { firstName: 'Jane' },
			},
		});

		expect(error).toBeUndefined();
		expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['PUT', `/v1/people/${id}`, { firstName: 'Jane' }],
		]);
	});
});
