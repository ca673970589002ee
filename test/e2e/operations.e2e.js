'use strict';
// End-to-end: every operation of the deal-flow and intelligence issues (9 and 10) in a real n8n, on
// every line in N8N_E2E_VERSIONS, against the local Metal simulator: the example workflows of
// examples/ exactly as shipped (one per resource), and one more workflow for the operations they do
// not use. All of them run in one `n8n execute-batch` (one n8n start-up); each test then checks what
// the simulator received (method, path and query, both headers, the body with its types) and what
// n8n recorded (each node's items and their pairing).
// Run with `node --test test/e2e/operations.e2e.js` after `npm run build` (npm test does both).

const assert = require('node:assert/strict');
const { before, after, describe, test } = require('node:test');

const { viewOf } = require('../../tools/metal-simulator/resources');
const {
	exampleWorkflow,
	packPackage,
	requestRow,
	sentRow,
	startMetalStack,
} = require('./lib/metalStack');
const { IDS, SCREEN_OUTPUT, seedSampleRecords } = require('./lib/sampleRecords');
const { E2E_VERSIONS } = require('./lib/versions');

const tarball = packPackage();

// execute-batch takes numeric workflow ids only.
const EXAMPLES = {
	meetings: ['metal-log-meetings.json', '9001'],
	stage: ['metal-move-deal-stage.json', '9002'],
	sector: ['metal-update-companies-by-sector.json', '9003'],
	contacts: ['metal-update-contacts.json', '9004'],
	workspaces: ['metal-create-or-get-workspaces.json', '9005'],
	screen: ['metal-run-workflow-on-new-deal.json', '9006'],
	enrichments: ['metal-record-enrichments.json', '9007'],
	tags: ['metal-create-tags.json', '9008'],
	score: ['metal-score-to-rows.json', '9009'],
};
const MORE_ID = '9100';

// Workflows only the test workflow runs: one still running when read, one that fails.
const LONG_WORKFLOW = '6650f1a0000000000000f003';
const FAILING_WORKFLOW = '6650f1a0000000000000f004';
const CREDENTIALS = { metalApi: { id: 'metal-local-simulator', name: 'Metal (local simulator)' } };

/**
 * Activity Get and Update after a Create, Workflow Run Start without waiting then Get, and a Start
 * that waits for a run that fails, with Continue On Fail: the operations the examples leave out.
 */
function moreOperationsWorkflow() {
	let n = 0;
	const metal = (name, parameters, extra = {}) => {
		n += 1;
		return {
			id: `8d5c2a40-0000-4000-a000-00000000010${n}`,
			name,
			type: 'n8n-nodes-metal.metal',
			typeVersion: 1,
			position: [220 * n, 0],
			parameters,
			credentials: CREDENTIALS,
			...extra,
		};
	};
	const byId = (value) => ({ __rl: true, mode: 'id', value });
	const nodes = [
		{
			id: '8d5c2a40-0000-4000-a000-000000000100',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		metal('Create activity', {
			resource: 'activity',
			operation: 'create',
			subject: 'Diligence call with Acme Health',
			additionalFields: { type: 'Call' },
		}),
		metal('Get activity', {
			resource: 'activity',
			operation: 'get',
			activityId: byId('={{ $json.id }}'),
		}),
		metal('Update activity', {
			resource: 'activity',
			operation: 'update',
			activityId: byId('={{ $json.id }}'),
			updateFields: {
				subject: 'Diligence call with Acme Health (notes added)',
				isPrivate: true,
				startedAt: '2026-12-03T10:00:00+01:00',
				participants: { values: [{ id: IDS.personJane, type: 'person' }] },
			},
		}),
		metal('Start run', {
			resource: 'workflowRun',
			operation: 'start',
			workflowId: byId(LONG_WORKFLOW),
			input: '{ "deal": "Project Falcon", "years": [2025, 2026] }',
		}),
		metal('Get run', {
			resource: 'workflowRun',
			operation: 'get',
			workflowRunId: byId('={{ $json.id }}'),
		}),
		metal(
			'Start failing run',
			{
				resource: 'workflowRun',
				operation: 'start',
				workflowId: byId(FAILING_WORKFLOW),
				input: '={{ { deal: "Project Falcon" } }}',
				waitForCompletion: true,
				pollInterval: 1,
				maxWait: 1,
			},
			{ onError: 'continueRegularOutput' },
		),
	];
	const to = (node) => ({ node, type: 'main', index: 0 });
	return {
		id: MORE_ID,
		name: 'Metal: the other operations',
		nodes,
		connections: {
			Start: { main: [[to('Create activity'), to('Start run'), to('Start failing run')]] },
			'Create activity': { main: [[to('Get activity')]] },
			'Get activity': { main: [[to('Update activity')]] },
			'Start run': { main: [[to('Get run')]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

for (const version of E2E_VERSIONS) {
	describe(`n8n ${version}`, () => {
		let stack;
		let batch;
		let simulator;

		/** The items a node output in a workflow's run, as [json, pairedItem]. */
		function output(key, node) {
			const id = EXAMPLES[key]?.[1] ?? key;
			const run = batch.runs[id];
			assert.ok(run, `workflow ${id} has no run: ${JSON.stringify(batch.summary.summary)}`);
			const task = run.data.resultData.runData[node]?.[0];
			assert.ok(task, `no run of node "${node}" in workflow ${id}`);
			assert.equal(task.error, undefined, JSON.stringify(task.error));
			return task.data.main[0].map((item) => [item.json, item.pairedItem]);
		}

		/** The requests the simulator received for `method path` (path with its query), in order. */
		function requests(method, pathPrefix) {
			return simulator.log.filter(
				(entry) => entry.method === method && entry.path.startsWith(pathPrefix),
			);
		}

		const seen = (entries) => entries.map(requestRow);

		before(async () => {
			stack = await startMetalStack({ version, tarball });
			simulator = stack.simulator;
			seedSampleRecords(simulator);
			simulator.seed('workflows', [
				{ id: LONG_WORKFLOW, name: 'Long research', runDurationMs: 600_000 },
				{ id: FAILING_WORKFLOW, name: 'Broken', runOutcome: 'failed', runDurationMs: 200 },
			]);
			const workflows = Object.values(EXAMPLES).map(([file, id]) => exampleWorkflow(file, id));
			await stack.n8n.importWorkflows([...workflows, moreOperationsWorkflow()]);
			const ids = [...workflows.map((w) => w.id), MORE_ID];
			batch = await stack.n8n.executeBatch(ids);
			assert.deepEqual(batch.summary.summary.errors, [], 'every workflow ends without an error');
			assert.deepEqual(Object.keys(batch.runs).sort(), ids.sort());
		});

		after(async () => {
			await stack?.stop();
		});

		test('Activity → Create (example: log meetings): each meeting with every field, in UTC, paired', () => {
			const meetings = requests('POST', '/v1/activities').filter((e) =>
				e.body.subject.startsWith('Project '),
			);
			meetings.sort((a, b) => a.body.subject.localeCompare(b.body.subject));
			assert.deepEqual(seen(meetings), [
				sentRow('POST', '/v1/activities', 201, {
					subject: 'Project Falcon: management presentation',
					type: 'Meeting',
					startedAt: '2026-12-01T14:00:00.000Z',
					endedAt: '2026-12-01T15:30:00.000Z',
					participants: [{ id: IDS.personJane, type: 'person' }],
					deals: [IDS.dealFalcon],
					externalReference: { source: 'google-calendar', id: 'evt_falcon_mgmt_1' },
					isPrivate: false,
				}),
				sentRow('POST', '/v1/activities', 201, {
					subject: 'Project Gannet: intro call',
					type: 'Call',
					startedAt: '2026-12-02T14:00:00.000Z',
					endedAt: '2026-12-02T14:30:00.000Z',
					participants: [{ id: IDS.personOmar, type: 'person' }],
					deals: [IDS.dealGannet],
					externalReference: { source: 'google-calendar', id: 'evt_gannet_intro_1' },
					isPrivate: true,
				}),
			]);
			assert.deepEqual(
				output('meetings', 'Log meeting'),
				meetings.map((e, index) => [simulator.record('activities', e.createdId), { item: index }]),
			);
		});

		test('Deal → Update (example: a stage change): PUT of the stage and notes only, paired', () => {
			assert.deepEqual(seen(requests('PUT', '/v1/deals/')), [
				sentRow('PUT', `/v1/deals/${IDS.dealFalcon}`, 200, {
					stage: 'IC_MEETING',
					notes: 'IC meeting booked for 10 December',
				}),
			]);
			const deal = simulator.record('deals', IDS.dealFalcon);
			assert.equal(deal.stage, 'IC_MEETING');
			assert.equal(deal.status, 'ACTIVE', 'a field not sent stays as it was');
			assert.deepEqual(output('stage', 'Update deal stage'), [[deal, { item: 0 }]]);
		});

		test('Company → Get Many with a filter, then Update each (example: a sector)', () => {
			assert.deepEqual(seen(requests('GET', '/v1/companies')), [
				sentRow('GET', '/v1/companies?limit=1000', 200, null),
			]);
			// Newest first; both cases of the sector kept, the other sector left out.
			const [cygnus, acme] = [IDS.companyCygnus, IDS.companyAcme];
			const puts = requests('PUT', '/v1/companies/').sort((a, b) => a.path.localeCompare(b.path));
			const custom = { custom: { thesis: 'Healthcare services 2026' } };
			assert.deepEqual(seen(puts), [
				sentRow('PUT', `/v1/companies/${acme}`, 200, custom),
				sentRow('PUT', `/v1/companies/${cygnus}`, 200, custom),
			]);
			const found = output('sector', 'Healthcare companies');
			assert.deepEqual(
				found.map(([json, paired]) => [json.id, json.sector, paired]),
				[
					[cygnus, 'healthcare', { item: 0 }],
					[acme, 'Healthcare', { item: 0 }],
				],
			);
			assert.deepEqual(output('sector', 'Set thesis'), [
				[simulator.record('companies', cygnus), { item: 0 }],
				[simulator.record('companies', acme), { item: 1 }],
			]);
			assert.equal(simulator.record('companies', IDS.companyBoreal).custom, undefined);
		});

		test('Person → Update (example: contacts from a CRM): title, email and location, paired', () => {
			const puts = requests('PUT', '/v1/people/').sort((a, b) => a.path.localeCompare(b.path));
			assert.deepEqual(seen(puts), [
				sentRow('PUT', `/v1/people/${IDS.personJane}`, 200, {
					currentTitle: 'Chief Financial Officer',
					email: 'jane.doe@acmehealth.example',
					location: { city: 'Boston', country: 'United States' },
				}),
				sentRow('PUT', `/v1/people/${IDS.personOmar}`, 200, {
					currentTitle: 'Head of Corporate Development',
					email: 'omar.haddad@cygnus.example',
					location: { city: 'London', country: 'United Kingdom' },
				}),
			]);
			assert.deepEqual(output('contacts', 'Update person'), [
				[simulator.record('people', IDS.personJane), { item: 0 }],
				[simulator.record('people', IDS.personOmar), { item: 1 }],
			]);
		});

		test('Workspace → Create or Get (example): the existing workspace found, the missing one created', () => {
			const searches = requests('POST', '/v1/workspaces/search').sort((a, b) =>
				a.body.query.localeCompare(b.body.query),
			);
			assert.deepEqual(seen(searches), [
				sentRow('POST', '/v1/workspaces/search', 200, {
					query: 'Project Falcon',
					page: 1,
					limit: 50,
				}),
				sentRow('POST', '/v1/workspaces/search', 200, {
					query: 'Project Gannet',
					page: 1,
					limit: 50,
				}),
			]);
			const creates = requests('POST', '/v1/workspaces').filter((e) => e.path === '/v1/workspaces');
			assert.deepEqual(seen(creates), [
				sentRow('POST', '/v1/workspaces', 201, {
					name: 'Project Gannet',
					company: 'Cygnus Clinics',
				}),
			]);
			const [falcon, gannet] = simulator.workspaces();
			assert.equal(simulator.workspaces().length, 2);
			assert.deepEqual(output('workspaces', 'Workspace for the deal'), [
				[{ ...falcon, created: false }, { item: 0 }],
				[{ ...gannet, created: true }, { item: 1 }],
			]);
		});

		test('Workflow Run → Start with Wait for Completion (example: new deal → run → result)', () => {
			assert.deepEqual(seen(requests('GET', '/v1/deals')), [
				sentRow('GET', '/v1/deals?limit=1', 200, null),
			]);
			const path = `/v1/workflows/${IDS.workflowScreen}/runs`;
			const [start] = requests('POST', path);
			const input = {
				dealId: IDS.dealGannet,
				deal: 'Project Gannet',
				companyId: IDS.companyCygnus,
			};
			assert.deepEqual(seen([start]), [sentRow('POST', path, 201, { input })]);
			const runId = start.createdId;
			// The run takes 1 s; the example looks every 5 s: one look finds it completed.
			const looks = requests('GET', `/v1/workflow-runs/${runId}`);
			assert.deepEqual(seen(looks), [sentRow('GET', `/v1/workflow-runs/${runId}`, 200, null)]);
			const waited = Date.parse(looks[0].time) - Date.parse(start.time);
			assert.ok(waited >= 4900 && waited < 9000, `looked after ${waited} ms, not after 5 s`);

			const run = simulator.record('workflow-runs', runId);
			assert.equal(run.status, 'completed');
			assert.deepEqual(run.output, SCREEN_OUTPUT);
			assert.deepEqual(output('screen', 'Screen the deal'), [[run, { item: 0 }]]);
			assert.deepEqual(output('screen', 'Result'), [
				[
					{ deal: 'Project Gannet', runId, status: 'completed', result: SCREEN_OUTPUT },
					{ item: 0 },
				],
			]);
		});

		test('Enrichment → Create (example: findings): a number stays a number, text stays text', () => {
			const posts = requests('POST', '/v1/enrichments').sort((a, b) =>
				a.body.property.localeCompare(b.body.property),
			);
			const common = {
				resourceType: 'company',
				resourceId: IDS.companyAcme,
				source: 'data-provider',
				sourceId: 'acme-health-2026-11',
				provider: 'n8n',
			};
			assert.deepEqual(seen(posts), [
				sentRow('POST', '/v1/enrichments', 201, {
					...common,
					property: 'employeeCount',
					value: 1250,
					confidence: 0.9,
				}),
				sentRow('POST', '/v1/enrichments', 201, {
					...common,
					property: 'headquarters',
					value: 'Boston, MA',
					confidence: 0.75,
				}),
			]);
			const answered = (e) => viewOf('enrichments', simulator.record('enrichments', e.createdId));
			assert.deepEqual(output('enrichments', 'Record enrichment'), [
				[answered(posts[0]), { item: 0 }],
				[answered(posts[1]), { item: 1 }],
			]);
		});

		test('Tag → Create (example: CRM tags): type, value, color and external reference, paired', () => {
			const posts = requests('POST', '/v1/tags').sort((a, b) =>
				b.body.value.localeCompare(a.body.value),
			);
			assert.deepEqual(seen(posts), [
				sentRow('POST', '/v1/tags', 201, {
					type: 'deal',
					value: 'Top priority',
					color: '#C62828',
					externalReference: { source: 'salesforce', id: 'a0B5g00000TopPri' },
				}),
				sentRow('POST', '/v1/tags', 201, {
					type: 'company',
					value: 'Founder-led',
					color: '#2E7D32',
					externalReference: { source: 'salesforce', id: 'a0B5g00000FndLed' },
				}),
			]);
			const answered = (e) => viewOf('tags', simulator.record('tags', e.createdId));
			assert.deepEqual(output('tags', 'Create tag'), [
				[answered(posts[0]), { item: 0 }],
				[answered(posts[1]), { item: 1 }],
			]);
		});

		test('Score → Get with Split Element Scores (example: rows for a sheet)', () => {
			assert.deepEqual(seen(requests('GET', '/v1/scores/')), [
				sentRow('GET', `/v1/scores/${IDS.scoreAcme}`, 200, null),
			]);
			const score = simulator.record('scores', IDS.scoreAcme);
			const context = {
				scoreId: score.id,
				frameworkId: score.frameworkId,
				frameworkName: score.frameworkName,
				company: IDS.companyAcme,
			};
			assert.deepEqual(
				output('score', 'Get score'),
				score.elementScores.map((element) => [{ ...context, ...element }, { item: 0 }]),
			);
			assert.deepEqual(output('score', 'Sheet rows'), [
				[
					{
						framework: 'Healthcare services thesis',
						element: 'Market',
						score: 4.5,
						confidence: 0.85,
						reasoning: 'Fragmented regional market with room to consolidate',
					},
					{ item: 0 },
				],
				[
					{
						framework: 'Healthcare services thesis',
						element: 'Team',
						score: 3.8,
						confidence: 0.7,
						reasoning: 'Experienced founder, thin finance function',
					},
					{ item: 1 },
				],
			]);
		});

		test('Activity → Get and Update: the activity Create made, read back, then changed', () => {
			const [create] = requests('POST', '/v1/activities').filter((e) =>
				e.body.subject.startsWith('Diligence'),
			);
			const id = create.createdId;
			assert.deepEqual(seen([create]), [
				sentRow('POST', '/v1/activities', 201, {
					subject: 'Diligence call with Acme Health',
					type: 'Call',
				}),
			]);
			assert.deepEqual(seen(requests('GET', '/v1/activities/')), [
				sentRow('GET', `/v1/activities/${id}`, 200, null),
			]);
			assert.deepEqual(seen(requests('PUT', '/v1/activities/')), [
				sentRow('PUT', `/v1/activities/${id}`, 200, {
					subject: 'Diligence call with Acme Health (notes added)',
					isPrivate: true,
					startedAt: '2026-12-03T09:00:00.000Z',
					participants: [{ id: IDS.personJane, type: 'person' }],
				}),
			]);
			const [[created]] = output(MORE_ID, 'Create activity');
			assert.deepEqual(output(MORE_ID, 'Get activity'), [[created, { item: 0 }]]);
			const updated = simulator.record('activities', id);
			assert.deepEqual(output(MORE_ID, 'Update activity'), [[updated, { item: 0 }]]);
			assert.deepEqual(
				{ ...updated, updatedAt: created.updatedAt },
				{
					...created,
					subject: 'Diligence call with Acme Health (notes added)',
					isPrivate: true,
					startedAt: '2026-12-03T09:00:00.000Z',
					participants: [{ id: IDS.personJane, type: 'person' }],
				},
			);
		});

		test('Workflow Run → Start without waiting, then Get: the run as Metal has it, still running', () => {
			const path = `/v1/workflows/${LONG_WORKFLOW}/runs`;
			const [start] = requests('POST', path);
			assert.deepEqual(seen([start]), [
				sentRow('POST', path, 201, { input: { deal: 'Project Falcon', years: [2025, 2026] } }),
			]);
			const runId = start.createdId;
			assert.deepEqual(seen(requests('GET', `/v1/workflow-runs/${runId}`)), [
				sentRow('GET', `/v1/workflow-runs/${runId}`, 200, null),
			]);
			const run = simulator.record('workflow-runs', runId);
			assert.equal(run.status, 'running');
			assert.deepEqual(output(MORE_ID, 'Start run'), [[run, { item: 0 }]]);
			assert.deepEqual(output(MORE_ID, 'Get run'), [[run, { item: 0 }]]);
		});

		test('Workflow Run → Start, waiting for a run that fails: with Continue On Fail, an error item carrying the run', () => {
			const path = `/v1/workflows/${FAILING_WORKFLOW}/runs`;
			const [start] = requests('POST', path);
			assert.deepEqual(seen([start]), [
				sentRow('POST', path, 201, { input: { deal: 'Project Falcon' } }),
			]);
			const runId = start.createdId;
			assert.deepEqual(seen(requests('GET', `/v1/workflow-runs/${runId}`)), [
				sentRow('GET', `/v1/workflow-runs/${runId}`, 200, null),
			]);
			const run = simulator.record('workflow-runs', runId);
			assert.equal(run.status, 'failed');
			assert.deepEqual(output(MORE_ID, 'Start failing run'), [
				[
					{
						error: `The workflow run ${runId} failed`,
						details:
							'Metal reports the run as failed. See why in Metal, fix the cause (often the input), then start a new run.',
						run,
					},
					{ item: 0 },
				],
			]);
		});

		test('nothing else reached the simulator, and every request was accepted', () => {
			const unexpected = simulator.log.filter((e) => e.status >= 300 || e.apiKeyMatched !== true);
			assert.deepEqual(unexpected, []);
			// 2 + 1 + 3 + 2 + 3 + 3 + 2 + 2 + 1 requests of the examples, 7 of the other workflow.
			assert.equal(simulator.log.length, 19 + 7);
		});
	});
}
