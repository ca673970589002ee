'use strict';
// End-to-end: every operation of the deal-flow and intelligence issues (9 and 10) and of the read
// side (Get, Search, Update By External ID, workflow run listing and actions) in a real n8n, on
// every line in N8N_E2E_VERSIONS, against the local Metal simulator: the example workflows of
// examples/ exactly as shipped, one more workflow for the operations of issues 9 and 10 they do not
// use, and one for the read side. All of them run in one `n8n execute-batch` (one n8n start-up);
// each test then checks what the simulator received (method, path and query, both headers, the
// body with its types) and what n8n recorded (each node's items and their pairing).
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
	sync: ['metal-sync-companies-by-external-id.json', '9010'],
};
const MORE_ID = '9100';
const READS_ID = '9101';

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

// Records only the read-side workflow uses: more companies matching one search than a page of
// Metal's search holds (20 at the simulator), and records found by external ID (deals older than
// the newest, which an example reads).
const harbor = (n) => `erp-harbor-${String(n).padStart(2, '0')}`;
const HARBOR = Array.from({ length: 25 }, (_, i) => ({
	id: `6650c2a0000000000000c0${(i + 1).toString(16).padStart(2, '0')}`,
	canonicalName: `Harbor Logistics ${String(i + 1).padStart(2, '0')}`,
	sector: 'Logistics',
	externalId: harbor(i + 1),
}));
const PELICAN = {
	id: '6650c3a0000000000000c001',
	canonicalName: 'Pelican Marine',
	sector: 'Marine',
	externalId: 'erp-pelican',
};
const KESTREL = {
	id: '6650d1a0000000000000c001',
	name: 'Project Kestrel',
	stage: 'SCREENED',
	status: 'ACTIVE',
	externalId: 'erp-deal-kestrel',
};
const OSPREY = {
	id: '6650d1a0000000000000c002',
	name: 'Project Osprey',
	stage: 'SOURCED',
	status: 'ACTIVE',
	externalId: 'erp-deal-osprey',
};
const REVIEW = {
	id: '6650aca0000000000000ac01',
	subject: 'Quarterly review with Harbor Logistics',
	type: 'Meeting',
};

/**
 * Manual trigger → Metal nodes of the read side, each named by what it does; `rows` (two items)
 * feed those that run per item. From the trigger: Company Get By ID and By External ID, the five
 * searches, Deal Get By External ID, and the run actions chained on Get Many (the runs of earlier
 * workflows in the batch: a failed one retried, a completed one rerun and waited for; a run started
 * here, listed and cancelled). From the rows: Person Get, Update By External ID of a company and a
 * deal with Continue On Fail (the second row's external IDs are unknown).
 */
function readsWorkflow() {
	const byId = (value) => ({ __rl: true, mode: 'id', value });
	const byExternalId = (value) => ({ __rl: true, mode: 'externalId', value });
	const rows = [
		{
			personIds: IDS.personJane,
			company: 'erp-pelican',
			website: 'https://pelican-marine.example',
			deal: 'erp-deal-osprey',
			stage: 'Due diligence',
		},
		{
			personIds: `${IDS.personOmar}, ${IDS.personJane}`,
			company: 'erp-missing',
			website: 'https://missing.example',
			deal: 'erp-deal-missing',
			stage: 'IC meeting',
		},
	];
	const fromStart = [
		['Company by ID', { resource: 'company', operation: 'get', companyId: byId(IDS.companyAcme) }],
		[
			'Company by external ID',
			{ resource: 'company', operation: 'get', companyId: byExternalId(harbor(1)) },
		],
		[
			'Search companies',
			{ resource: 'company', operation: 'search', query: 'Harbor', returnAll: true },
		],
		[
			'Deal by external ID',
			{ resource: 'deal', operation: 'get', dealId: byExternalId(KESTREL.externalId) },
		],
		['Search deals', { resource: 'deal', operation: 'search', query: 'Falcon', limit: 10 }],
		['Search people', { resource: 'person', operation: 'search', query: 'Haddad', limit: 10 }],
		[
			'Search activities',
			{ resource: 'activity', operation: 'search', query: 'quarterly review', limit: 10 },
		],
		[
			'Search documents',
			{ resource: 'document', operation: 'search', query: 'clinics revenue', limit: 2 },
		],
		[
			'Start long run',
			{
				resource: 'workflowRun',
				operation: 'start',
				workflowId: byId(LONG_WORKFLOW),
				input: '{ "deal": "Project Kestrel" }',
			},
		],
		[
			'Runs of the failing workflow',
			{
				resource: 'workflowRun',
				operation: 'getAll',
				workflowId: byId(FAILING_WORKFLOW),
				returnAll: true,
			},
		],
		[
			'Last screening run',
			{
				resource: 'workflowRun',
				operation: 'getAll',
				workflowId: byId(IDS.workflowScreen),
				limit: 1,
			},
		],
	];
	const chained = [
		[
			'Start long run',
			'Newest long run',
			{ resource: 'workflowRun', operation: 'getAll', workflowId: byId(LONG_WORKFLOW), limit: 1 },
		],
		[
			'Newest long run',
			'Cancel run',
			{ resource: 'workflowRun', operation: 'cancel', workflowRunId: byId('={{ $json.id }}') },
		],
		[
			'Runs of the failing workflow',
			'Retry failed run',
			{ resource: 'workflowRun', operation: 'retry', workflowRunId: byId('={{ $json.id }}') },
		],
		[
			'Last screening run',
			'Rerun and wait',
			{
				resource: 'workflowRun',
				operation: 'rerun',
				workflowRunId: byId('={{ $json.id }}'),
				waitForCompletion: true,
				pollInterval: 1,
				maxWait: 1,
			},
		],
		[
			'One item per row',
			'Get people',
			{ resource: 'person', operation: 'get', personIds: '={{ $json.personIds }}' },
		],
		[
			'One item per row',
			'Update company by external ID',
			{
				resource: 'company',
				operation: 'update',
				companyId: byExternalId('={{ $json.company }}'),
				updateFields: { website: '={{ $json.website }}' },
			},
			{ onError: 'continueRegularOutput' },
		],
		[
			'One item per row',
			'Update deal by external ID',
			{
				resource: 'deal',
				operation: 'update',
				dealId: byExternalId('={{ $json.deal }}'),
				updateFields: { stage: '={{ $json.stage }}' },
			},
			{ onError: 'continueRegularOutput' },
		],
	];
	const node = (name, type, typeVersion, parameters, extra) => ({
		id: `8d5c2a40-0000-4000-a000-0000000002${String(nodes.length).padStart(2, '0')}`,
		name,
		type,
		typeVersion,
		position: [220 * (nodes.length % 6), 200 * Math.floor(nodes.length / 6)],
		parameters,
		...extra,
	});
	const metal = (name, parameters, extra = {}) =>
		node(name, 'n8n-nodes-metal.metal', 1, parameters, { credentials: CREDENTIALS, ...extra });
	const nodes = [];
	nodes.push(node('Start', 'n8n-nodes-base.manualTrigger', 1, {}));
	nodes.push(
		node('Rows', 'n8n-nodes-base.set', 3.4, {
			mode: 'raw',
			jsonOutput: JSON.stringify({ rows }),
			options: {},
		}),
	);
	nodes.push(
		node('One item per row', 'n8n-nodes-base.splitOut', 1, {
			fieldToSplitOut: 'rows',
			options: {},
		}),
	);
	const connections = {};
	const connect = (from, to) => {
		connections[from] ??= { main: [[]] };
		connections[from].main[0].push({ node: to, type: 'main', index: 0 });
	};
	connect('Start', 'Rows');
	connect('Rows', 'One item per row');
	for (const [name, parameters] of fromStart) {
		nodes.push(metal(name, parameters));
		connect('Start', name);
	}
	for (const [from, name, parameters, extra] of chained) {
		nodes.push(metal(name, parameters, extra));
		connect(from, name);
	}
	return {
		id: READS_ID,
		name: 'Metal: the read side',
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
	};
}

for (const version of E2E_VERSIONS) {
	describe(`n8n ${version}`, () => {
		let stack;
		let batch;
		let simulator;
		// The companies of the sync example as seeded, before it updates them.
		const seeded = {};

		/** The items a node output (on `index`, 1 for an error output), as [json, pairedItem]. */
		function output(key, node, index = 0) {
			const id = EXAMPLES[key]?.[1] ?? key;
			const run = batch.runs[id];
			assert.ok(run, `workflow ${id} has no run: ${JSON.stringify(batch.summary.summary)}`);
			const task = run.data.resultData.runData[node]?.[0];
			assert.ok(task, `no run of node "${node}" in workflow ${id}`);
			assert.equal(task.error, undefined, JSON.stringify(task.error));
			return task.data.main[index].map((item) => [item.json, item.pairedItem]);
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
			simulator.seed('companies', [...HARBOR, PELICAN]);
			simulator.seed('deals', [KESTREL, OSPREY]);
			simulator.seed('activities', REVIEW);
			const workflows = Object.values(EXAMPLES).map(([file, id]) => exampleWorkflow(file, id));
			// The read side last: it lists the runs the examples and the other workflow started.
			await stack.n8n.importWorkflows([...workflows, moreOperationsWorkflow(), readsWorkflow()]);
			const ids = [...workflows.map((w) => w.id), MORE_ID, READS_ID];
			for (const id of [IDS.companyDelphi, IDS.companyElara]) {
				seeded[id] = simulator.record('companies', id);
			}
			batch = await stack.n8n.executeBatch(ids);
			assert.deepEqual(
				batch.summary.summary.errors.map((e) => e.workflowId),
				[],
				JSON.stringify(batch.summary.summary.errors),
			);
			assert.deepEqual(Object.keys(batch.runs).sort(), [...ids].sort());
		});

		after(async () => {
			await stack?.stop();
		});

		test('Activity → Create (example: log meetings): each meeting with every field, in UTC, paired', () => {
			const meetings = requests('POST', '/v1/activities').filter(
				(e) => e.path === '/v1/activities' && e.body.subject.startsWith('Project '),
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
			assert.deepEqual(seen(requests('PUT', `/v1/deals/${IDS.dealFalcon}`)), [
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
			assert.deepEqual(seen(requests('GET', '/v1/companies?')), [
				sentRow('GET', '/v1/companies?limit=1000', 200, null),
			]);
			// Newest first; both cases of the sector kept, the other sector left out.
			const [cygnus, acme] = [IDS.companyCygnus, IDS.companyAcme];
			const puts = [acme, cygnus].flatMap((id) => requests('PUT', `/v1/companies/${id}`));
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
			assert.deepEqual(seen(requests('GET', '/v1/deals?')), [
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
			const [create] = requests('POST', '/v1/activities').filter(
				(e) => e.path === '/v1/activities' && e.body.subject.startsWith('Diligence'),
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

		test('Company → Get By External ID with its error output, then Update (example: sync companies by external ID)', () => {
			const lookups = requests('GET', '/v1/companies/externalId=crm-');
			lookups.sort((a, b) => a.path.localeCompare(b.path));
			assert.deepEqual(seen(lookups), [
				sentRow('GET', '/v1/companies/externalId=crm-1001', 200, null),
				sentRow('GET', '/v1/companies/externalId=crm-1002', 200, null),
				sentRow('GET', '/v1/companies/externalId=crm-1003', 404, null),
			]);
			const [delphi, elara] = [IDS.companyDelphi, IDS.companyElara];
			const puts = [delphi, elara].flatMap((id) => requests('PUT', `/v1/companies/${id}`));
			assert.deepEqual(seen(puts), [
				sentRow('PUT', `/v1/companies/${delphi}`, 200, {
					website: 'https://delphirobotics.example',
					sector: 'Industrials',
					industry: 'Warehouse automation',
				}),
				sentRow('PUT', `/v1/companies/${elara}`, 200, {
					website: 'https://elarafoods.example',
					sector: 'Consumer',
					industry: 'Plant-based foods',
				}),
			]);
			// Found: the companies as they were, paired with their rows, then updated.
			assert.deepEqual(output('sync', 'Find in Metal'), [
				[seeded[delphi], { item: 0 }],
				[seeded[elara], { item: 1 }],
			]);
			assert.deepEqual(output('sync', 'Update company'), [
				[simulator.record('companies', delphi), { item: 0 }],
				[simulator.record('companies', elara), { item: 1 }],
			]);
			// Not found: the row with the error, on the error output, collected by the next node.
			const error = 'Metal has no company with the external ID "crm-1003"';
			assert.deepEqual(output('sync', 'Find in Metal', 1), [
				[
					{
						externalId: 'crm-1003',
						name: 'Fjord Analytics',
						website: 'https://fjordanalytics.example',
						sector: 'Software',
						industry: 'Data analytics',
						error,
						message:
							'Check the external ID: it must be exactly the one Metal keeps for the company (its externalId, case and spaces included), in the organization of the API key. Pick the company From List, or find it with Company → Search or Get Many.',
					},
					{ item: 2 },
				],
			]);
			assert.deepEqual(output('sync', 'Not in Metal'), [
				[{ externalId: 'crm-1003', name: 'Fjord Analytics', reason: error }, { item: 0 }],
			]);
		});

		test('Company → Get By ID and By External ID: one GET each, the company paired', () => {
			const paths = [`/v1/companies/${IDS.companyAcme}`, `/v1/companies/externalId=${harbor(1)}`];
			assert.deepEqual(
				seen(paths.flatMap((path) => requests('GET', path))),
				paths.map((path) => sentRow('GET', path, 200, null)),
			);
			assert.deepEqual(output(READS_ID, 'Company by ID'), [
				[simulator.record('companies', IDS.companyAcme), { item: 0 }],
			]);
			assert.deepEqual(output(READS_ID, 'Company by external ID'), [
				[simulator.record('companies', HARBOR[0].id), { item: 0 }],
			]);
		});

		test('Company → Search, Return All: 25 matches over pages Metal caps at 20, best (here newest) first', () => {
			assert.deepEqual(seen(requests('POST', '/v1/companies/search')), [
				sentRow('POST', '/v1/companies/search', 200, { query: 'Harbor', page: 1, limit: 50 }),
				sentRow('POST', '/v1/companies/search', 200, { query: 'Harbor', page: 2, limit: 50 }),
			]);
			const newestFirst = HARBOR.map(({ id }) => id).sort((a, b) => b.localeCompare(a));
			assert.deepEqual(
				output(READS_ID, 'Search companies'),
				newestFirst.map((id) => [simulator.record('companies', id), { item: 0 }]),
			);
		});

		test('Deal → Get By External ID and Deal → Search', () => {
			const path = `/v1/deals/externalId=${KESTREL.externalId}`;
			assert.deepEqual(seen(requests('GET', path)), [sentRow('GET', path, 200, null)]);
			assert.deepEqual(output(READS_ID, 'Deal by external ID'), [[KESTREL, { item: 0 }]]);
			assert.deepEqual(seen(requests('POST', '/v1/deals/search')), [
				sentRow('POST', '/v1/deals/search', 200, { query: 'Falcon', page: 1, limit: 10 }),
			]);
			assert.deepEqual(output(READS_ID, 'Search deals'), [
				[simulator.record('deals', IDS.dealFalcon), { item: 0 }],
			]);
		});

		test('Person → Get: the IDs of both items in one request, each person paired with the item that asked', () => {
			const path = `/v1/people/ids=${IDS.personJane},${IDS.personOmar}`;
			assert.deepEqual(seen(requests('GET', '/v1/people/')), [sentRow('GET', path, 200, null)]);
			const [jane, omar] = [IDS.personJane, IDS.personOmar].map((id) =>
				simulator.record('people', id),
			);
			assert.deepEqual(output(READS_ID, 'Get people'), [
				[jane, { item: 0 }],
				[omar, { item: 1 }],
				[jane, { item: 1 }],
			]);
		});

		test('Person, Activity and Document → Search: the query and Limit as set, the matches in order', () => {
			const searches = [
				['people', 'Haddad', 10, 'Search people', [simulator.record('people', IDS.personOmar)]],
				[
					'activities',
					'quarterly review',
					10,
					'Search activities',
					[simulator.record('activities', REVIEW.id)],
				],
				// Two words in the memo, one in the others, newest first: Limit keeps two.
				[
					'documents',
					'clinics revenue',
					2,
					'Search documents',
					[IDS.docAcmeMemo, IDS.docBoreal].map((id) => simulator.record('documents', id)),
				],
			];
			for (const [resource, query, limit, node, found] of searches) {
				const path = `/v1/${resource}/search`;
				assert.deepEqual(seen(requests('POST', path)), [
					sentRow('POST', path, 200, { query, page: 1, limit }),
				]);
				assert.deepEqual(
					output(READS_ID, node),
					found.map((record) => [record, { item: 0 }]),
				);
			}
		});

		test('Update By External ID (company, deal): GET then PUT; an unknown external ID sends no PUT and fails its item', () => {
			const cases = [
				['companies', PELICAN, 'Update company by external ID', 'company', 'erp-missing'],
				['deals', OSPREY, 'Update deal by external ID', 'deal', 'erp-deal-missing'],
			];
			const bodies = { companies: { website: 'https://pelican-marine.example' } };
			bodies.deals = { stage: 'DUE_DILIGENCE' };
			for (const [resource, record, node, noun, missing] of cases) {
				const find = `/v1/${resource}/externalId=${record.externalId}`;
				const put = `/v1/${resource}/${record.id}`;
				const forRecord = simulator.log.filter((e) => e.path === find || e.path === put);
				assert.deepEqual(seen(forRecord), [
					sentRow('GET', find, 200, null),
					sentRow('PUT', put, 200, bodies[resource]),
				]);
				const unknown = `/v1/${resource}/externalId=${missing}`;
				assert.deepEqual(seen(simulator.log.filter((e) => e.path.startsWith(unknown))), [
					sentRow('GET', unknown, 404, null),
				]);
				const article = noun === 'company' ? 'the company' : 'the deal';
				assert.deepEqual(output(READS_ID, node), [
					[simulator.record(resource, record.id), { item: 0 }],
					[
						{
							error: `Metal has no ${noun} with the external ID "${missing}"`,
							details: `The ${noun} was not updated. Check the external ID: it must be exactly the one Metal keeps for ${article} (its externalId, case and spaces included), in the organization of the API key. ${noun === 'company' ? 'Pick the company From List, or find it with Company → Search or Get Many.' : 'Find the deal with Deal → Search or Get Many.'}`,
						},
						{ item: 1 },
					],
				]);
			}
			assert.equal(simulator.record('deals', OSPREY.id).stage, 'DUE_DILIGENCE');
		});

		/** The runs path of a Metal workflow, and the requests of `method` to it. */
		const runsOf = (workflowId, method) => {
			const path = `/v1/workflows/${workflowId}/runs`;
			return [path, requests(method, path)];
		};

		test('Workflow Run → Get Many (Limit 1: the newest run), then Cancel of that running run', () => {
			const [path, starts] = runsOf(LONG_WORKFLOW, 'POST');
			// The other workflow started the first run; this one the second.
			const [earlier, started] = starts;
			assert.deepEqual(seen([started]), [
				sentRow('POST', path, 201, { input: { deal: 'Project Kestrel' } }),
			]);
			const id = started.createdId;
			assert.deepEqual(seen(runsOf(LONG_WORKFLOW, 'GET')[1]), [sentRow('GET', path, 200, null)]);
			const cancel = `/v1/workflow-runs/${id}/cancel`;
			assert.deepEqual(seen(requests('POST', cancel)), [sentRow('POST', cancel, 200, null)]);

			const [[run]] = output(READS_ID, 'Start long run');
			assert.equal(run.status, 'running');
			assert.deepEqual(output(READS_ID, 'Newest long run'), [[run, { item: 0 }]]);
			const cancelled = simulator.record('workflow-runs', id);
			assert.equal(cancelled.status, 'cancelled');
			assert.deepEqual(output(READS_ID, 'Cancel run'), [[cancelled, { item: 0 }]]);
			assert.equal(simulator.record('workflow-runs', earlier.createdId).status, 'running');
		});

		test('Workflow Run → Get Many (Return All) of a workflow whose run failed, then Retry it', () => {
			const [path, [start]] = runsOf(FAILING_WORKFLOW, 'POST');
			const failed = simulator.record('workflow-runs', start.createdId);
			assert.equal(failed.status, 'failed');
			assert.deepEqual(seen(runsOf(FAILING_WORKFLOW, 'GET')[1]), [sentRow('GET', path, 200, null)]);
			const retry = `/v1/workflow-runs/${failed.id}/retry`;
			const retries = requests('POST', retry);
			assert.deepEqual(seen(retries), [sentRow('POST', retry, 201, null)]);
			assert.deepEqual(output(READS_ID, 'Runs of the failing workflow'), [[failed, { item: 0 }]]);
			// The new run, as Metal answered: running, the same workflow and input (it fails later).
			const retried = simulator.record('workflow-runs', retries[0].createdId);
			assert.deepEqual(retried.input, failed.input);
			assert.deepEqual(output(READS_ID, 'Retry failed run'), [
				[{ ...retried, status: 'running', output: null, completedAt: null }, { item: 0 }],
			]);
		});

		test('Workflow Run → Rerun of a completed run, with Wait for Completion: the new run, completed', () => {
			const [path, [start]] = runsOf(IDS.workflowScreen, 'POST');
			const completed = simulator.record('workflow-runs', start.createdId);
			assert.deepEqual(seen(runsOf(IDS.workflowScreen, 'GET')[1]), [
				sentRow('GET', path, 200, null),
			]);
			const rerun = `/v1/workflow-runs/${completed.id}/rerun`;
			const reruns = requests('POST', rerun);
			assert.deepEqual(seen(reruns), [sentRow('POST', rerun, 201, null)]);
			// The run takes 1 s; the node looks after 1 s: one look finds it completed.
			const id = reruns[0].createdId;
			const look = `/v1/workflow-runs/${id}`;
			assert.deepEqual(seen(requests('GET', look)), [sentRow('GET', look, 200, null)]);
			assert.deepEqual(output(READS_ID, 'Last screening run'), [[completed, { item: 0 }]]);
			const run = simulator.record('workflow-runs', id);
			assert.equal(run.status, 'completed');
			assert.deepEqual(run.input, completed.input);
			assert.deepEqual(run.output, SCREEN_OUTPUT);
			assert.deepEqual(output(READS_ID, 'Rerun and wait'), [[run, { item: 0 }]]);
		});

		test('nothing else reached the simulator, and every request was accepted but the unknown external IDs', () => {
			const refused = simulator.log.filter((e) => e.status >= 300 || e.apiKeyMatched !== true);
			assert.deepEqual(refused.map(requestRow).sort(), [
				sentRow('GET', '/v1/companies/externalId=crm-1003', 404, null),
				sentRow('GET', '/v1/companies/externalId=erp-missing', 404, null),
				sentRow('GET', '/v1/deals/externalId=erp-deal-missing', 404, null),
			]);
			// 2 + 1 + 3 + 2 + 3 + 3 + 2 + 2 + 1 requests of the examples, 3 + 2 of the sync, 7 of the
			// other workflow, 24 of the read side.
			assert.equal(simulator.log.length, 19 + 5 + 7 + 24);
		});
	});
}
