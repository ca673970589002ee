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
