'use strict';
// End-to-end: the Metal node as an AI agent's tool (n8n's `metalTool` variant), on every n8n line in
// N8N_E2E_VERSIONS, its parameters filled by $fromAI(...), driven without an LLM in two real ways:
// - n8n's MCP Server Trigger with three Metal tools (Workspace → Search, Workspace → Create, Workflow
//   Run → Start with Wait for Completion); the test is the agent, a plain MCP client that lists the
//   tools and calls them with the arguments a model would send.
// - n8n's own AI Agent node, its chat model a test-only community package (fixtures/
//   n8n-nodes-scripted-model) that answers with scripted tool calls, one per turn, and ends with
//   every tool result the Agent showed it.
// Both fill $fromAI from the arguments with the same tool wrapper of n8n-core. Checked: the request
// the simulator received is what the arguments say, the answer is the node's output, and what a bad
// value gives the agent on each n8n line. Also over MCP: Company → Search then Company → Update by
// the id found (an agent's path from a name to a change); through the Agent: the research example
// of examples/ as shipped, its chat model scripted; on the running server: the Metal Workflow
// picker's From List over n8n's REST API.
// Run with `node --test test/e2e/tool.e2e.js` after `npm run build` (npm test does both).

const assert = require('node:assert/strict');
const path = require('node:path');
const { after, before, describe, test } = require('node:test');

const { McpClient } = require('./lib/mcpClient');
const {
	CREDENTIAL,
	NODE_TYPE,
	exampleWorkflow,
	packPackage,
	requestRow,
	sentRow,
	startMetalStack,
} = require('./lib/metalStack');
const { IDS, SCREEN_OUTPUT, seedSampleRecords } = require('./lib/sampleRecords');
const { E2E_VERSIONS } = require('./lib/versions');

const tarball = packPackage();
const scriptedModel = {
	tarball: packPackage(path.join(__dirname, 'fixtures', 'n8n-nodes-scripted-model')),
	name: 'n8n-nodes-scripted-model',
};
const MCP_PATH = 'metal-tools';
const TRIGGER = 'MCP Server Trigger';

/** A Metal tool node, with parameters filled by $fromAI. */
function tool(name, n, parameters, settings = {}) {
	return {
		id: `7d5c2a40-0000-4000-a000-00000000020${n}`,
		name,
		type: `${NODE_TYPE}Tool`,
		typeVersion: 1,
		position: [200 * n, 220],
		parameters,
		credentials: { metalApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
		...settings,
	};
}

/** A JSON schema's type as the agent reads it: "string", "object|array", or "any" when none is given. */
const typeOf = (schema) =>
	schema.type ?? schema.anyOf?.map((option) => option.type).join('|') ?? 'any';

const fromAI = (key, description, type) => `={{ $fromAI('${key}', '${description}', '${type}') }}`;

const TOOLS = [
	tool('Search workspaces', 1, {
		resource: 'workspace',
		operation: 'search',
		query: fromAI('query', 'Words to look for in workspace names', 'string'),
		returnAll: false,
		limit: fromAI('limit', 'How many workspaces to return at most', 'number'),
	}),
	tool('Create workspace', 2, {
		resource: 'workspace',
		operation: 'create',
		name: fromAI('name', 'The name of the new workspace', 'string'),
		additionalFields: {
			company: fromAI('company', 'The company the workspace is about', 'string'),
			isPrivate: fromAI('isPrivate', 'Whether only its members may see the workspace', 'boolean'),
		},
	}),
	tool('Run Metal workflow', 3, {
		resource: 'workflowRun',
		operation: 'start',
		workflowId: {
			__rl: true,
			mode: 'id',
			value: fromAI('workflowId', 'The ID of the Metal workflow to run', 'string'),
		},
		input: fromAI('input', 'What the run receives, as an object', 'json'),
		waitForCompletion: true,
		pollInterval: 1,
		maxWait: 1,
	}),
];

/** Offered over MCP only: an agent's path from a name to a change, with descriptions set manually. */
const CRM_TOOLS = [
	tool('Search companies', 4, {
		descriptionType: 'manual',
		toolDescription:
			'Find Metal companies by name, best matches first. Each result has the id that Update company takes.',
		resource: 'company',
		operation: 'search',
		query: fromAI('query', 'The company name, or words about it', 'string'),
		returnAll: false,
		limit: 5,
	}),
	tool('Update company', 5, {
		descriptionType: 'manual',
		toolDescription:
			"Change a Metal company's one-line description and sector, by the id Search companies returned.",
		resource: 'company',
		operation: 'update',
		companyId: {
			__rl: true,
			mode: 'id',
			value: fromAI('companyId', 'The id of the company, from Search companies', 'string'),
		},
		updateFields: {
			shortDescription: fromAI('shortDescription', 'A one-line description', 'string'),
			sector: fromAI('sector', 'The sector of the company', 'string'),
		},
	}),
];

const WORKFLOW = {
	id: 'metalToolsOverMcp',
	name: 'Metal tools over MCP',
	nodes: [
		{
			id: '7d5c2a40-0000-4000-a000-000000000200',
			name: TRIGGER,
			type: '@n8n/n8n-nodes-langchain.mcpTrigger',
			typeVersion: 2,
			position: [0, 0],
			parameters: { path: MCP_PATH },
			webhookId: '0b8a3c1e-5d2f-4e6a-9b7c-1a2b3c4d5e6f',
		},
		...TOOLS,
		...CRM_TOOLS,
	],
	connections: Object.fromEntries(
		[...TOOLS, ...CRM_TOOLS].map((node) => [
			node.name,
			{ ai_tool: [[{ node: TRIGGER, type: 'ai_tool', index: 0 }]] },
		]),
	),
	settings: { executionOrder: 'v1' },
};

// Metal workflows for the picker to list beside the sample one ("Screen a deal"): one without a name.
const MORE_WORKFLOWS = [
	{ id: '6650f1a0000000000000f010', name: 'Screen a company for IC' },
	{ id: '6650f1a0000000000000f011', name: 'Draft an IC memo' },
	{ id: '6650f1a0000000000000f012' },
];

// The AI Agent workflows (execute-batch takes numeric ids).
const AGENT_DEFAULT = '9201';
const AGENT_CONTINUE = '9202';
const RESEARCH = '9203';

/**
 * Manual trigger → AI Agent, its model the scripted one (`script`: the turns), its tools the same
 * three Metal tools, with `settings` (such as On Error) on each.
 */
function agentWorkflow(id, script, settings = {}) {
	const tools = TOOLS.map((node) => ({ ...node, ...settings }));
	const to = (node, type) => ({ node, type, index: 0 });
	return {
		id,
		name: `Metal tools in the AI Agent ${id}`,
		nodes: [
			{
				id: '7d5c2a40-0000-4000-a000-000000000300',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: '7d5c2a40-0000-4000-a000-000000000301',
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 3,
				position: [220, 0],
				parameters: { promptType: 'define', text: 'Open a workspace for the deal', options: {} },
			},
			scriptedModelNode(
				{
					id: '7d5c2a40-0000-4000-a000-000000000302',
					name: 'Scripted Chat Model',
					position: [0, 220],
				},
				script,
			),
			...tools,
		],
		connections: {
			Start: { main: [[to('AI Agent', 'main')]] },
			'Scripted Chat Model': { ai_languageModel: [[to('AI Agent', 'ai_languageModel')]] },
			...Object.fromEntries(
				tools.map((node) => [node.name, { ai_tool: [[to('AI Agent', 'ai_tool')]] }]),
			),
		},
		settings: { executionOrder: 'v1' },
	};
}

/** The scripted model node, in place of a workflow's chat model (its name, id and position kept). */
function scriptedModelNode(node, script) {
	const { credentials, ...kept } = node;
	return {
		...kept,
		type: `${scriptedModel.name}.lmChatScripted`,
		typeVersion: 1,
		parameters: { script: JSON.stringify(script) },
	};
}

/**
 * The research example as shipped, but for its chat model (an OpenAI one, which needs a key): the
 * scripted model, calling its four Metal tools in turn.
 */
function researchWorkflow() {
	const workflow = exampleWorkflow('metal-research-a-company.json', RESEARCH);
	workflow.nodes = workflow.nodes.map((node) =>
		node.name === 'OpenAI Chat Model' ? scriptedModelNode(node, RESEARCH_SCRIPT) : node,
	);
	return workflow;
}

const RESEARCH_INPUT = { companyId: IDS.companyAcme, company: 'Acme Health' };

/** What a model does with the research example: search, read the documents, get, screen. */
const RESEARCH_SCRIPT = [
	{ call: 'Search_companies', args: { query: 'Acme Health' } },
	{ call: 'Search_documents', args: { query: 'Acme Health' } },
	{ call: 'Get_company', args: { companyId: IDS.companyAcme } },
	{ call: 'Screen_company', args: { input: RESEARCH_INPUT } },
	{},
];

/** Default settings: a blank name, then the name corrected. */
const DEFAULT_SCRIPT = [
	{ call: 'Create_workspace', args: { name: '', company: 'Altair Labs', isPrivate: false } },
	{
		call: 'Create_workspace',
		args: { name: 'Project Altair', company: 'Altair Labs', isPrivate: false },
	},
	{},
];

/** On Error → Continue: search before create, a blank name, the name corrected, a run waited for. */
const CONTINUE_SCRIPT = [
	{ call: 'Search_workspaces', args: { query: 'Vega', limit: 5 } },
	{ call: 'Create_workspace', args: { name: ' ', company: 'Vega Health', isPrivate: true } },
	{
		call: 'Create_workspace',
		args: { name: 'Project Vega', company: 'Vega Health', isPrivate: true },
	},
	{
		call: 'Run_Metal_workflow',
		args: { workflowId: IDS.workflowScreen, input: { company: 'Vega Health' } },
	},
	{},
];

for (const version of E2E_VERSIONS) {
	describe(`n8n ${version}`, () => {
		let stack;
		let simulator;
		let mcp;
		// How n8n names a node's error in what the agent reads.
		const errorName = version.startsWith('1.') ? 'Error' : 'NodeOperationError';

		/** The tool's answer as the agent gets it: its text, parsed when it is the node's output. */
		async function call(name, args) {
			const result = await mcp.callTool(name, args);
			assert.equal(result.content.length, 1);
			const [{ type, text }] = result.content;
			assert.equal(type, 'text');
			return result.isError ? { error: text } : { output: JSON.parse(text) };
		}

		/** The requests from the `from`-th on. */
		const sentSince = (from) => simulator.log.slice(from).map(requestRow);

		let agents;
		let agentRequests;
		let server;

		before(async () => {
			stack = await startMetalStack({ version, tarball, packages: [scriptedModel] });
			simulator = stack.simulator;
			seedSampleRecords(simulator);
			simulator.seed('workflows', MORE_WORKFLOWS);
			await stack.n8n.importWorkflows([
				WORKFLOW,
				agentWorkflow(AGENT_DEFAULT, DEFAULT_SCRIPT),
				agentWorkflow(AGENT_CONTINUE, CONTINUE_SCRIPT, { onError: 'continueRegularOutput' }),
				researchWorkflow(),
			]);
			// The AI Agent runs first, by the CLI; then the MCP server.
			agents = await stack.n8n.executeBatch([AGENT_DEFAULT, AGENT_CONTINUE, RESEARCH]);
			agentRequests = simulator.log.slice();
			await stack.n8n.activate(WORKFLOW.id);
			server = await stack.n8n.start();
			mcp = new McpClient(server, `/mcp/${MCP_PATH}`);
			await mcp.connect();
		});

		after(async () => {
			await stack?.stop();
		});

		test('tools/list: one tool per Metal node, its arguments exactly the $fromAI keys, types and descriptions', async () => {
			const tools = await mcp.listTools();
			const seenByAgent = tools
				.map(({ name, description, inputSchema }) => ({
					name,
					description,
					type: inputSchema.type,
					required: [...inputSchema.required].sort(),
					properties: Object.fromEntries(
						Object.entries(inputSchema.properties).map(([key, schema]) => [
							key,
							[typeOf(schema), schema.description],
						]),
					),
				}))
				.sort((a, b) => a.name.localeCompare(b.name));
			// "Set Automatically", the tool variant's default: the agent reads the operation's action.
			assert.deepEqual(seenByAgent, [
				{
					name: 'Create_workspace',
					description: 'Create a workspace in Metal',
					type: 'object',
					required: ['company', 'isPrivate', 'name'],
					properties: {
						name: ['string', 'The name of the new workspace'],
						company: ['string', 'The company the workspace is about'],
						isPrivate: ['boolean', 'Whether only its members may see the workspace'],
					},
				},
				{
					name: 'Run_Metal_workflow',
					description: 'Start a workflow run in Metal',
					type: 'object',
					required: ['input', 'workflowId'],
					properties: {
						workflowId: ['string', 'The ID of the Metal workflow to run'],
						// n8n exports a 'json' $fromAI with no type (on both lines): only its description
						// tells the model to send an object.
						input: ['any', 'What the run receives, as an object'],
					},
				},
				// Set Manually (these two): the agent reads the tool's own description.
				{
					name: 'Search_companies',
					description:
						'Find Metal companies by name, best matches first. Each result has the id that Update company takes.',
					type: 'object',
					required: ['query'],
					properties: { query: ['string', 'The company name, or words about it'] },
				},
				{
					name: 'Search_workspaces',
					description: 'Search workspaces in Metal',
					type: 'object',
					required: ['limit', 'query'],
					properties: {
						query: ['string', 'Words to look for in workspace names'],
						limit: ['number', 'How many workspaces to return at most'],
					},
				},
				{
					name: 'Update_company',
					description:
						"Change a Metal company's one-line description and sector, by the id Search companies returned.",
					type: 'object',
					required: ['companyId', 'sector', 'shortDescription'],
					properties: {
						companyId: ['string', 'The id of the company, from Search companies'],
						shortDescription: ['string', 'A one-line description'],
						sector: ['string', 'The sector of the company'],
					},
				},
			]);
		});

		test('Workspace → Create: the body is the arguments, with their types; the agent gets the workspace', async () => {
			const from = simulator.log.length;

			const { output, error } = await call('Create_workspace', {
				name: 'Project Orion',
				company: 'Orion Capital',
				isPrivate: true,
			});

			assert.equal(error, undefined);
			assert.deepEqual(sentSince(from), [
				sentRow('POST', '/v1/workspaces', 201, {
					name: 'Project Orion',
					company: 'Orion Capital',
					isPrivate: true,
				}),
			]);
			const created = simulator.workspaces().find((w) => w.name === 'Project Orion');
			assert.deepEqual(output, [created]);
		});

		test('Workspace → Search: the query and the limit as the agent gave them; the agent gets the matches', async () => {
			const from = simulator.log.length;

			const { output, error } = await call('Search_workspaces', { query: 'Orion', limit: 5 });

			assert.equal(error, undefined);
			assert.deepEqual(sentSince(from), [
				sentRow('POST', '/v1/workspaces/search', 200, { query: 'Orion', page: 1, limit: 5 }),
			]);
			assert.deepEqual(
				output,
				simulator.workspaces().filter((w) => w.name === 'Project Orion'),
			);
		});

		test('Workflow Run → Start with Wait for Completion: the input object as given; the agent gets the finished run', async () => {
			const from = simulator.log.length;
			const input = { company: 'Orion Capital', years: [2025, 2026], confidential: true };

			const { output, error } = await call('Run_Metal_workflow', {
				workflowId: IDS.workflowScreen,
				input,
			});

			assert.equal(error, undefined);
			const [start] = simulator.log.slice(from);
			const runId = start.createdId;
			// The run takes 1 s; the tool looks once a second: one look finds it completed.
			assert.deepEqual(sentSince(from), [
				sentRow('POST', `/v1/workflows/${IDS.workflowScreen}/runs`, 201, { input }),
				sentRow('GET', `/v1/workflow-runs/${runId}`, 200, null),
			]);
			const run = simulator.record('workflow-runs', runId);
			assert.equal(run.status, 'completed');
			assert.deepEqual(run.output, SCREEN_OUTPUT);
			assert.deepEqual(output, [run]);
		});

		test('bad values from the model: errors the agent can read, nothing sent, and the corrected call works', async () => {
			const from = simulator.log.length;
			const bad = [
				[
					'Create_workspace',
					{ name: '   ', company: 'Orion Capital', isPrivate: false },
					`${errorName}: The "Name" parameter is empty in item 0\n\nDetails: Name is required. Fill it in, or map it to a field that has a value in every item, such as {{ $json.name }}.`,
				],
				[
					'Run_Metal_workflow',
					{ workflowId: 'Screen a deal', input: { company: 'Orion Capital' } },
					`${errorName}: The "Metal Workflow" parameter in item 0 is the text "Screen a deal", not a Metal ID\n\nDetails: Metal Workflow takes a Metal ID: 24 characters, 0-9 and a-f, such as 665f1c2a9b1e4a0012a3b4c5. Check the value, or pick it from the list where the node offers one.`,
				],
				[
					'Run_Metal_workflow',
					{ workflowId: IDS.workflowScreen, input: ['Orion Capital'] },
					`${errorName}: The "Input" parameter in item 0 is a list, not a JSON object\n\nDetails: Input is sent to Metal as a JSON object, such as { "company": "Acme" }. Write one, or give an expression that returns an object, such as {{ $json }}.`,
				],
				// Refused by n8n against the $fromAI types before the node runs.
				[
					'Run_Metal_workflow',
					{ workflowId: IDS.workflowScreen, input: 'Orion Capital' },
					'Error: Received tool input did not match expected schema\n\n✖ Value must be a non-empty object or a non-empty array\n  → at input',
				],
				[
					'Search_workspaces',
					{ query: 'Orion', limit: '5' },
					'Error: Received tool input did not match expected schema\n\n✖ Expected number, received string\n  → at limit',
				],
			];
			for (const [name, args, text] of bad) {
				assert.deepEqual(
					await call(name, args),
					{ error: text },
					`${name} ${JSON.stringify(args)}`,
				);
			}
			assert.deepEqual(sentSince(from), []);

			// The model reads the error and calls again with a good value: the same session works.
			const { output } = await call('Create_workspace', {
				name: 'Project Lyra',
				company: 'Orion Capital',
				isPrivate: false,
			});
			assert.deepEqual(sentSince(from), [
				sentRow('POST', '/v1/workspaces', 201, {
					name: 'Project Lyra',
					company: 'Orion Capital',
					isPrivate: false,
				}),
			]);
			assert.deepEqual(
				output,
				simulator.workspaces().filter((w) => w.name === 'Project Lyra'),
			);
		});

		test("Metal's 404 for a workflow ID that looks right: the agent reads that no run was started", async () => {
			const from = simulator.log.length;
			const unknown = '6650f1a0000000000000ffff';

			const { error } = await call('Run_Metal_workflow', {
				workflowId: unknown,
				input: { company: 'Orion Capital' },
			});

			assert.deepEqual(sentSince(from), [
				[
					'POST',
					`/v1/workflows/${unknown}/runs`,
					404,
					'ci_local_simulator',
					true,
					{ input: { company: 'Orion Capital' } },
				],
			]);
			const [message, details] = error.split('\n\nDetails: ');
			assert.equal(message, `${errorName}: Metal has no workflow with the ID "${unknown}"`);
			assert.match(
				details,
				/^No workflow run was started\. Check the ID: it may be mistyped, or belong to a workflow of another organization than the API key's\. Pick the workflow From List, or copy its ID from Metal\./,
			);
		});

		test("an agent's path from a name to a change: Company → Search, then Company → Update by the id it found", async () => {
			const from = simulator.log.length;
			const before = simulator.record('companies', IDS.companyBoreal);

			const found = await call('Search_companies', { query: 'Boreal' });
			assert.deepEqual(found, { output: [before] });
			// The agent takes the id from the search result.
			const [{ id }] = found.output;
			const changes = {
				shortDescription: 'Freight software for mid-market brokers',
				sector: 'SaaS',
			};
			const updated = await call('Update_company', { companyId: id, ...changes });

			assert.deepEqual(sentSince(from), [
				sentRow('POST', '/v1/companies/search', 200, { query: 'Boreal', page: 1, limit: 5 }),
				sentRow('PUT', `/v1/companies/${IDS.companyBoreal}`, 200, changes),
			]);
			const after = simulator.record('companies', IDS.companyBoreal);
			assert.deepEqual(updated, { output: [after] });
			assert.deepEqual(after, { ...before, ...changes, updatedAt: after.updatedAt });
		});

		test("Metal Workflow picker, From List over n8n's REST API: Metal's workflows, filtered by what is typed", async () => {
			await server.ensureLoggedIn();
			const from = simulator.log.length;
			const listSearch = async (filter) =>
				await server.rest('POST', '/dynamic-node-parameters/resource-locator-results', {
					nodeTypeAndVersion: { name: NODE_TYPE, version: 1 },
					path: 'workflowId',
					methodName: 'searchWorkflows',
					...(filter === undefined ? {} : { filter }),
					currentNodeParameters: {
						resource: 'workflowRun',
						operation: 'start',
						workflowId: { __rl: true, mode: 'list', value: '' },
					},
					credentials: { metalApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
				});

			const all = await listSearch();
			const typed = await listSearch(' SCREEN ');

			// As Metal lists them, newest first; a workflow without a name shows its id.
			const [memo, unnamed] = [MORE_WORKFLOWS[1], MORE_WORKFLOWS[2]];
			const screenCompany = { name: MORE_WORKFLOWS[0].name, value: MORE_WORKFLOWS[0].id };
			const screenDeal = { name: 'Screen a deal', value: IDS.workflowScreen };
			assert.deepEqual(all.results, [
				{ name: unnamed.id, value: unnamed.id },
				{ name: memo.name, value: memo.id },
				screenCompany,
				screenDeal,
			]);
			assert.deepEqual(typed.results, [screenCompany, screenDeal]);
			assert.deepEqual(sentSince(from), [
				sentRow('GET', '/v1/workflows', 200, null),
				sentRow('GET', '/v1/workflows', 200, null),
			]);
		});

		/** What the AI Agent showed its model after each tool call: the parsed tool results. */
		function agentSaw(id, agent = 'AI Agent') {
			const run = agents.runs[id];
			assert.ok(run, `workflow ${id} has no run: ${JSON.stringify(agents.summary.summary)}`);
			const [[{ json }]] = run.data.resultData.runData[agent][0].data.main;
			return JSON.parse(json.output).map((result) => JSON.parse(result));
		}

		/** The requests of the AI Agent workflows whose body names `company`. */
		const agentSent = (company) =>
			agentRequests
				.filter((e) => e.body !== null && JSON.stringify(e.body).includes(company))
				.map(requestRow);

		test('AI Agent, tool settings left as they are: a blank name from the model', () => {
			const sentForAltair = agentSent('Altair');
			if (version.startsWith('1.')) {
				// n8n 1.x stops the workflow at the tool's error: the model never sees it.
				assert.equal(agents.runs[AGENT_DEFAULT], undefined);
				assert.deepEqual(agents.summary.summary.errors, [
					{
						workflowId: AGENT_DEFAULT,
						error:
							'Name is required. Fill it in, or map it to a field that has a value in every item, such as {{ $json.name }}. on node Create workspace',
					},
				]);
				assert.deepEqual(sentForAltair, []);
				return;
			}
			// n8n 2.x hands the model the error's message (not its details), and the model corrects it.
			const [blank, created] = agentSaw(AGENT_DEFAULT);
			assert.deepEqual(blank, [{ error: 'The "Name" parameter is empty in item 0' }]);
			const body = { name: 'Project Altair', company: 'Altair Labs', isPrivate: false };
			assert.deepEqual(sentForAltair, [sentRow('POST', '/v1/workspaces', 201, body)]);
			assert.deepEqual(
				created,
				simulator.workspaces().filter((w) => w.name === 'Project Altair'),
			);
		});

		test('AI Agent, the Metal tools set to On Error → Continue: search, a blank name read and corrected, a run waited for', () => {
			assert.equal(
				agents.summary.summary.errors.some((e) => e.workflowId === AGENT_CONTINUE),
				false,
			);
			const [found, blank, created, run] = agentSaw(AGENT_CONTINUE);
			// No workspace for the deal yet: the search outputs no item, which n8n's Agent shows the
			// model as an empty text (the MCP trigger gives "[]").
			assert.equal(found, '');
			// On both lines the model reads the node's error item: the message and how to fix it.
			assert.deepEqual(blank, [
				{
					error: 'The "Name" parameter is empty in item 0',
					details:
						'Name is required. Fill it in, or map it to a field that has a value in every item, such as {{ $json.name }}.',
				},
			]);
			const vega = simulator.workspaces().filter((w) => w.name === 'Project Vega');
			assert.deepEqual(created, vega);
			const [start] = agentRequests.filter(
				(e) => e.path === `/v1/workflows/${IDS.workflowScreen}/runs`,
			);
			const runId = start.createdId;
			assert.deepEqual(
				agentRequests
					.filter((e) => JSON.stringify(e.body ?? {}).includes('Vega') || e.path.includes(runId))
					.map(requestRow),
				[
					sentRow('POST', '/v1/workspaces/search', 200, {
						query: 'Vega',
						page: 1,
						limit: 5,
					}),
					sentRow('POST', '/v1/workspaces', 201, {
						name: 'Project Vega',
						company: 'Vega Health',
						isPrivate: true,
					}),
					sentRow('POST', `/v1/workflows/${IDS.workflowScreen}/runs`, 201, {
						input: { company: 'Vega Health' },
					}),
					sentRow('GET', `/v1/workflow-runs/${runId}`, 200, null),
				],
			);
			assert.deepEqual(run, [simulator.record('workflow-runs', runId)]);
			assert.equal(run[0].status, 'completed');
		});

		test('the research example as shipped (its chat model scripted): Company Search, Document Search, Company Get, a screening run waited for', () => {
			assert.equal(
				agents.summary.summary.errors.some((e) => e.workflowId === RESEARCH),
				false,
			);
			const screen = `/v1/workflows/${IDS.workflowScreen}/runs`;
			const [start] = agentRequests.filter(
				(e) => e.path === screen && e.body.input.company === 'Acme Health',
			);
			const runId = start.createdId;
			const research = agentRequests.filter(
				(e) =>
					/^\/v1\/(companies|documents)\//.test(e.path) ||
					e === start ||
					e.path === `/v1/workflow-runs/${runId}`,
			);
			assert.deepEqual(research.map(requestRow), [
				sentRow('POST', '/v1/companies/search', 200, { query: 'Acme Health', page: 1, limit: 5 }),
				sentRow('POST', '/v1/documents/search', 200, { query: 'Acme Health', page: 1, limit: 5 }),
				sentRow('GET', `/v1/companies/${IDS.companyAcme}`, 200, null),
				sentRow('POST', screen, 201, { input: RESEARCH_INPUT }),
				sentRow('GET', `/v1/workflow-runs/${runId}`, 200, null),
			]);
			// What the Agent showed the model after each call (the scripted model returns it).
			const company = (id) => simulator.record('companies', id);
			const documents = [IDS.docAcmeDeck, IDS.docAcmeMemo].map((id) =>
				simulator.record('documents', id),
			);
			const run = simulator.record('workflow-runs', runId);
			assert.equal(run.status, 'completed');
			assert.deepEqual(run.output, SCREEN_OUTPUT);
			assert.deepEqual(agentSaw(RESEARCH, 'Research agent'), [
				// Acme Health by name, then a company whose sector holds "health".
				[company(IDS.companyAcme), company(IDS.companyCygnus)],
				// Both Acme Health documents hold both words: newest first.
				documents,
				[company(IDS.companyAcme)],
				[run],
			]);
		});
	});
}
