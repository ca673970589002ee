import type { INodeParameterResourceLocator } from 'n8n-workflow';

import { interceptMetal, workspaceFor } from '../../../../../helpers/metalNock';
import { CANARY_KEY, CLIENT_ID, runMetalNode } from '../../../../../helpers/runMetalNode';

const ID = '665f1c2a9b1e4a0012a3b4c5';
const workspace = { ...workspaceFor({ name: 'Project Atlas', company: 'Acme' }, 0), id: ID };
const get = (workspaceId: INodeParameterResourceLocator) => ({
	resource: 'workspace',
	operation: 'get',
	workspaceId,
});

describe('Workspace → Get', () => {
	it.each([
		[
			'picked From List',
			{ __rl: true as const, mode: 'list', value: ID, cachedResultName: 'Project Atlas' },
		],
		['given By ID', { __rl: true as const, mode: 'id', value: ID }],
	])('%s: GET /v1/workspaces/{id}, output paired with its item', async (_, workspaceId) => {
		const requests = interceptMetal({
			method: 'get',
			path: `/v1/workspaces/${ID}`,
			reply: () => [200, { data: workspace }],
		});

		const { output, error } = await runMetalNode({ parameters: get(workspaceId) });

		expect(error).toBeUndefined();
		expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['GET', `/v1/workspaces/${ID}`, ''],
		]);
		expect(requests[0].headers['x-metal-client-id']).toBe(CLIENT_ID);
		expect(requests[0].headers['x-metal-api-key']).toBe(CANARY_KEY);
		expect(output).toEqual([{ json: workspace, pairedItem: { item: 0 } }]);
	});

	it('takes the ID from each item by expression', async () => {
		const ids = ['665f1c2a9b1e4a0012a3b001', '665f1c2a9b1e4a0012a3b002'];
		for (const id of ids) {
			interceptMetal({
				method: 'get',
				path: `/v1/workspaces/${id}`,
				reply: () => [200, { data: { id } }],
			});
		}

		const { output } = await runMetalNode({
			items: ids.map((id) => ({ workspace: id })),
			parameters: get({ __rl: true, mode: 'id', value: '={{ $json.workspace }}' }),
		});

		expect(output).toEqual(ids.map((id, item) => ({ json: { id }, pairedItem: { item } })));
	});

	it('404: names the ID and says how to find the right one', async () => {
		interceptMetal({
			method: 'get',
			path: `/v1/workspaces/${ID}`,
			reply: () => [404, { error: 'Workspace not found' }],
		});

		const { error } = await runMetalNode({
			parameters: get({ __rl: true, mode: 'id', value: ID }),
		});

		expect(error?.message).toBe(`Metal has no workspace with the ID "${ID}"`);
		expect(error?.description?.split('\n')[0]).toBe(
			"Check the ID: it may be mistyped, or belong to a workspace of another organization than the API key's. Pick the workspace From List, or find its ID with Workspace → Search.",
		);
	});

	it('an ID expression that gives nothing is refused before anything is sent', async () => {
		const { error } = await runMetalNode({
			parameters: get({ __rl: true, mode: 'id', value: '={{ $json.missing }}' }),
		});

		expect(error?.message).toBe('The "Workspace" parameter is empty in item 0');
	});

	it('with Continue On Fail (error output), a missing workspace goes to the error output', async () => {
		const other = '665f1c2a9b1e4a0012a3b999';
		interceptMetal({
			method: 'get',
			path: `/v1/workspaces/${ID}`,
			reply: () => [200, { data: workspace }],
		});
		interceptMetal({
			method: 'get',
			path: `/v1/workspaces/${other}`,
			reply: () => [404, { error: 'Workspace not found' }],
		});

		const { output, errorOutput } = await runMetalNode({
			items: [{ workspace: ID }, { workspace: other }],
			parameters: get({ __rl: true, mode: 'id', value: '={{ $json.workspace }}' }),
			onError: 'continueErrorOutput',
		});

		expect(output).toEqual([{ json: workspace, pairedItem: { item: 0 } }]);
		expect(errorOutput).toEqual([
			{
				json: {
					workspace: other,
					error: `Metal has no workspace with the ID "${other}"`,
					message:
						"Check the ID: it may be mistyped, or belong to a workspace of another organization than the API key's. Pick the workspace From List, or find its ID with Workspace → Search.",
				},
				pairedItem: { item: 1 },
			},
		]);
	});
});
