'use strict';
// End-to-end: the packed n8n-nodes-metal installed as a community package in a real n8n, run by
// n8n's CLI and server against the local Metal simulator, on every n8n line in N8N_E2E_VERSIONS.
// Run with `node --test test/e2e/metal.e2e.js` after `npm run build` (npm test does both).

const assert = require('node:assert/strict');
const { after, before, describe, test } = require('node:test');

const { startSimulator } = require('../../tools/metal-simulator/server');
const {
	CREDENTIAL,
	NODE_TYPE,
	SIMULATOR_KEYS,
	exampleWorkflow,
	metalRunOf,
	metalWorkflow,
	packPackage,
	startMetalStack,
} = require('./lib/metalStack');
const { E2E_VERSIONS } = require('./lib/versions');

const tarball = packPackage();

for (const version of E2E_VERSIONS) {
	describe(`n8n ${version}`, () => {
		let stack;
		let limited;

		before(async () => {
			// Metal's 400 needs a body the node accepts: the simulator refuses names over 40 characters.
			stack = await startMetalStack({ version, tarball, simulator: { maxNameLength: 40 } });
			limited = await startSimulator({ env: {}, ...SIMULATOR_KEYS, rateLimit: 4, burst: 2 });
			await stack.n8n.importCredentials([
				{
					id: 'metal-wrong-key',
					name: 'Metal (wrong key)',
					type: 'metalApi',
					data: { ...SIMULATOR_KEYS, apiKey: 'sk_wrong', baseUrl: stack.simulator.url },
				},
				{
					id: 'metal-rate-limited',
					name: 'Metal (rate-limited)',
					type: 'metalApi',
					data: { ...SIMULATOR_KEYS, baseUrl: limited.url },
				},
			]);
		});

		after(async () => {
			await stack?.stop();
			await limited?.close();
		});

		test('the example workflow creates one workspace per row, paired, with both headers', async () => {
			await stack.n8n.importWorkflow(exampleWorkflow());
			stack.simulator.reset();

			const result = await stack.n8n.execute('metalExampleWorkflow');

			assert.equal(result.ok, true, JSON.stringify(result.error));
			// The three requests run at once, so they may reach the simulator in any order.
			const creates = stack.simulator.log
				.filter((entry) => entry.path === '/v1/workspaces')
				.sort((a, b) => a.body.name.localeCompare(b.body.name));
			const bodies = [
				{ name: 'Project Atlas', company: 'Acme Holdings', isPrivate: true },
				{ name: 'Project Borealis', company: 'Globex', isPrivate: false },
				{ name: 'Project Cygnus', company: 'Initech', isPrivate: false },
			];
			assert.deepEqual(
				creates.map((entry) => [
					entry.method,
					entry.status,
					entry.clientId,
					entry.apiKeyMatched,
					entry.body,
				]),
				bodies.map((body) => ['POST', 201, 'ci_local_simulator', true, body]),
			);
			// Each output item is the workspace created from its own row, paired with that row.
			const byName = new Map(stack.simulator.workspaces().map((w) => [w.name, w]));
			const output = metalRunOf(result).data.main[0];
			assert.deepEqual(
				output.map((item) => [item.json, item.pairedItem]),
				bodies.map((body, index) => [byName.get(body.name), { item: index }]),
			);
		});

		test('Search, then Get each workspace found: the workspaces the example created, paired', async () => {
			// Runs after the example workflow, so the simulator holds its three "Project …" workspaces.
			const workflow = metalWorkflow({
				id: 'metalSearchThenGet',
				deals: [{ deal: 'Project' }],
				parameters: { operation: 'search', query: '={{ $json.deal }}', returnAll: true },
			});
			const search = workflow.nodes.find((node) => node.name === 'Metal');
			delete search.parameters.name;
			delete search.parameters.additionalFields;
			const get = {
				...search,
				id: 'c6a4f1b2-6f7e-4c1e-9f3e-2d1b7a9e0c55',
				name: 'Metal Get',
				position: [880, 0],
				parameters: {
					resource: 'workspace',
					operation: 'get',
					workspaceId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				},
			};
			workflow.nodes.push(get);
			workflow.connections.Metal = { main: [[{ node: 'Metal Get', type: 'main', index: 0 }]] };
			await stack.n8n.importWorkflow(workflow);

			const result = await stack.n8n.execute('metalSearchThenGet');

			assert.equal(result.ok, true, JSON.stringify(result.error));
			const stored = stack.simulator.workspaces();
			const found = metalRunOf(result).data.main[0];
			assert.deepEqual(
				found.map((item) => [item.json.id, item.pairedItem]).sort(),
				stored.map((w) => [w.id, { item: 0 }]).sort(),
			);
			const got = result.run.data.resultData.runData['Metal Get'][0].data.main[0];
			assert.deepEqual(
				got.map((item) => [item.json, item.pairedItem]),
				found.map((item, index) => [item.json, { item: index }]),
			);
			const reads = stack.simulator.log.filter((entry) => entry.method === 'GET');
			assert.deepEqual(
				reads.map((entry) => [entry.path, entry.status, entry.apiKeyMatched]).sort(),
				stored.map((w) => [`/v1/workspaces/${w.id}`, 200, true]).sort(),
			);
		});

		test('a wrong API key: the run fails with the error a user sees', async () => {
			await stack.n8n.importWorkflow(
				metalWorkflow({
					id: 'metalWrongKey',
					deals: [{ deal: 'Atlas' }],
					credential: { id: 'metal-wrong-key', name: 'Metal (wrong key)' },
				}),
			);

			const result = await stack.n8n.execute('metalWrongKey');

			assert.equal(result.ok, false);
			assert.equal(
				result.error.message,
				'Metal did not accept the credentials: invalid api key or clientId',
			);
			assert.match(
				result.error.description,
				/^No workspace was created\. Check the Client ID and API Key in the Metal API credential\./,
			);
		});

		test("Metal's 400: the run fails with Metal's words", async () => {
			await stack.n8n.importWorkflow(
				metalWorkflow({ id: 'metalBadRequest', deals: [{ deal: 'x'.repeat(41) }] }),
			);

			const result = await stack.n8n.execute('metalBadRequest');

			assert.equal(result.ok, false);
			assert.equal(
				result.error.message,
				'Metal rejected the request as invalid: Invalid request body',
			);
		});

		test('Continue On Fail: the failed row is an error item paired with its input, the others go on', async () => {
			await stack.n8n.importWorkflow(
				metalWorkflow({
					id: 'metalContinueOnFail',
					deals: [{ deal: 'Good one' }, { deal: 'y'.repeat(41) }, { deal: 'Good two' }],
					onError: 'continueRegularOutput',
				}),
			);

			const result = await stack.n8n.execute('metalContinueOnFail');

			assert.equal(result.ok, true, JSON.stringify(result.error));
			const output = metalRunOf(result).data.main[0];
			assert.deepEqual(
				output.map((item) => [item.json.name ?? item.json.error, item.pairedItem]),
				[
					['Good one', { item: 0 }],
					['Metal rejected the request as invalid: Invalid request body', { item: 1 }],
					['Good two', { item: 2 }],
				],
			);
		});

		test('under a rate limit every row is created exactly once, with no error', async () => {
			const deals = Array.from({ length: 12 }, (_, n) => ({ deal: `Rate-limited ${n}` }));
			await stack.n8n.importWorkflow(
				metalWorkflow({
					id: 'metalRateLimited',
					deals,
					credential: { id: 'metal-rate-limited', name: 'Metal (rate-limited)' },
				}),
			);

			const result = await stack.n8n.execute('metalRateLimited');

			assert.equal(result.ok, true, JSON.stringify(result.error));
			assert.equal(metalRunOf(result).data.main[0].length, 12);
			const outcomes = limited.log.map((entry) => entry.outcome);
			assert.ok(
				outcomes.includes('rate_limited'),
				'the simulator should have answered 429 at least once',
			);
			const createdNames = limited.log
				.filter((e) => e.outcome === 'created')
				.map((e) => e.body.name);
			assert.deepEqual(createdNames.sort(), deals.map((d) => d.deal).sort());
		});

		describe('the running server', () => {
			let server;
			before(async () => {
				server = await stack.n8n.start();
				await server.ensureLoggedIn();
			});

			test("the credential's Test button: connected with the right key", async () => {
				const result = await server.testCredentials({
					...CREDENTIAL,
					data: { ...SIMULATOR_KEYS, baseUrl: `${stack.simulator.url}/` },
				});
				assert.deepEqual(result, { status: 'OK', message: 'Connection successful!' });
			});

			test("the credential's Test button: a wrong key fails, in Metal's words on n8n 2.x", async () => {
				const result = await server.testCredentials({
					...CREDENTIAL,
					data: { ...SIMULATOR_KEYS, apiKey: 'sk_wrong', baseUrl: stack.simulator.url },
				});
				// n8n 1.x's credential tester skips the credential's rules for a 401 and shows its own text.
				const message = version.startsWith('1.')
					? 'Authorization failed - please check your credentials'
					: 'Metal did not accept the credentials: invalid api key or clientId. Check the Client ID and API Key.';
				assert.deepEqual(result, { status: 'Error', message });
			});

			test('n8n registers the node and its AI-tool variant', async () => {
				const names = (await server.nodeTypes()).map((type) => type.name);
				assert.ok(names.includes(NODE_TYPE), `${NODE_TYPE} is not registered`);
				assert.ok(names.includes(`${NODE_TYPE}Tool`), `${NODE_TYPE}Tool is not registered`);
			});
		});
	});
}
