'use strict';
// The workflows the bench runs, and the variants of the throughput section. Every create workflow
// starts with the same items (a manual trigger, a Set node holding the N deals as raw JSON, Split
// Out), then one node under test: the Metal node, n8n's HTTP Request node as a user sets it up, the
// n8n floor node (n8nFloorPackage.js), or none (the items alone). The read workflows start with the
// manual trigger alone, then read the N companies seeded into the simulator (companies()): the Metal
// node's Company → Get Many, or the HTTP Request node's pagination then Split Out.

const path = require('node:path');

const REPO_DIR = path.resolve(__dirname, '..', '..');
// The latest HTTP Request node version in n8n 2.41.1 (its defaultVersion).
const HTTP_REQUEST_VERSION = 4.5;
// The page the read section's readers ask for: the largest Metal's lists serve, as the Metal node does.
const READ_PAGE_SIZE = 1000;
// The last node of the items: its output is what the node under test gets.
const ITEMS_NODE = 'One item per deal';
const HTTP_CREDENTIAL = {
	id: 'bench-http-custom-auth',
	name: 'Metal headers (custom auth)',
	type: 'httpCustomAuth',
};
// The Metal node's three expressions, as in the example workflow: the n8n floor node gets the same.
const METAL_PARAMETERS = {
	name: '={{ $json.deal }}',
	additionalFields: { company: '={{ $json.target }}', isPrivate: '={{ $json.confidential }}' },
};

/** The node's default Max Concurrent Requests, read from the build (bench.sh builds first). */
function metalDefaultConcurrency() {
	return require(path.join(REPO_DIR, 'dist', 'nodes', 'Metal', 'engine', 'runOptions'))
		.DEFAULT_CONCURRENCY;
}

/** The N input items every variant gets: the same names, companies and booleans. */
function deals(n) {
	return Array.from({ length: n }, (_, i) => ({
		deal: `Bench deal ${i}`,
		target: `Company ${i}`,
		confidential: i % 2 === 0,
	}));
}

const SECTORS = ['Healthcare', 'Software', 'Industrials', 'Consumer', 'Financial Services'];
const COMPANY_TYPES = ['operating', 'investor', 'lender', 'advisor', 'sponsor'];

/** Company i's id: 24 hex digits, the first 8 its creation time in seconds (as Metal's ids). */
function companyId(i) {
	return `${(0x66000000 + i * 60).toString(16)}${i.toString(16).padStart(16, '0')}`;
}

/** The N companies the read section seeds into the simulator, oldest first (the same every run). */
function companies(n) {
	return Array.from({ length: n }, (_, i) => ({
		id: companyId(i),
		canonicalName: `Bench company ${i}`,
		alternativeNames: [`Bench Co ${i}`],
		website: `https://bench-company-${i}.example`,
		shortDescription: `Company ${i} of the read benchmark`,
		description: `Bench company ${i} makes things for other companies; seeded by npm run bench to be read back.`,
		sector: SECTORS[i % SECTORS.length],
		industry: `${SECTORS[i % SECTORS.length]} industry ${i % 20}`,
		companyType: COMPANY_TYPES[i % COMPANY_TYPES.length],
		externalId: `crm-${i}`,
		createdAt: new Date((0x66000000 + i * 60) * 1000).toISOString(),
	}));
}

const START_NODE = {
	id: 'b0000000-0000-4000-8000-000000000001',
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function itemNodes(n) {
	return [
		START_NODE,
		{
			id: 'b0000000-0000-4000-8000-000000000002',
			name: 'New deals',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [220, 0],
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ deals: deals(n) }), options: {} },
		},
		{
			id: 'b0000000-0000-4000-8000-000000000003',
			name: ITEMS_NODE,
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [440, 0],
			parameters: { fieldToSplitOut: 'deals', options: {} },
		},
	];
}

/** The items, then `target` (a node without id and position) when given. */
function workflow(id, name, n, target) {
	const nodes = itemNodes(n);
	const connections = {
		Start: { main: [[{ node: 'New deals', type: 'main', index: 0 }]] },
		'New deals': { main: [[{ node: ITEMS_NODE, type: 'main', index: 0 }]] },
	};
	if (target) {
		nodes.push({ id: 'b0000000-0000-4000-8000-000000000004', position: [660, 0], ...target });
		connections[ITEMS_NODE] = { main: [[{ node: target.name, type: 'main', index: 0 }]] };
	}
	return { id, name, active: false, nodes, connections, settings: {} };
}

/** The manual trigger, then `targets` (nodes without id and position), each feeding the next. */
function chainWorkflow(id, name, targets) {
	const nodes = [START_NODE];
	const connections = {};
	for (const [i, target] of targets.entries()) {
		const nodeId = `b0000000-0000-4000-8000-00000000001${i}`;
		nodes.push({ id: nodeId, position: [220 * (i + 1), 0], ...target });
		connections[nodes[i].name] = { main: [[{ node: target.name, type: 'main', index: 0 }]] };
	}
	return { id, name, active: false, nodes, connections, settings: {} };
}

/** The read workflows: the Metal node's Company → Get Many, Return All; or HTTP Request then Split Out. */
function readWorkflow(id, name, node, { nodeType, credential, url }) {
	if (node === 'Metal') {
		return chainWorkflow(id, name, [
			{
				name: 'Metal',
				type: nodeType,
				typeVersion: 1,
				parameters: { resource: 'company', operation: 'getAll', returnAll: true },
				credentials: { metalApi: { id: credential.id, name: credential.name } },
			},
		]);
	}
	return chainWorkflow(id, name, [
		{
			name: 'HTTP Request',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: HTTP_REQUEST_VERSION,
			parameters: {
				url: `${url}/v1/companies`,
				authentication: 'genericCredentialType',
				genericAuthType: 'httpCustomAuth',
				sendQuery: true,
				queryParameters: { parameters: [{ name: 'limit', value: String(READ_PAGE_SIZE) }] },
				options: {
					// Options → Pagination as n8n's docs show it for a cursor: the next page's `lt` is the
					// last id of the page before; done when a page holds fewer than 1,000.
					pagination: {
						pagination: {
							paginationMode: 'updateAParameterInEachRequest',
							parameters: {
								parameters: [
									{ type: 'qs', name: 'lt', value: '={{ $response.body.data.last().id }}' },
								],
							},
							paginationCompleteWhen: 'other',
							completeExpression: `={{ $response.body.data.length < ${READ_PAGE_SIZE} }}`,
						},
					},
				},
			},
			credentials: { httpCustomAuth: { id: HTTP_CREDENTIAL.id, name: HTTP_CREDENTIAL.name } },
		},
		{
			name: 'Split Out',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			parameters: { fieldToSplitOut: 'data', options: {} },
		},
	]);
}

/** Workspace → Create, Options at their defaults unless `concurrency`. */
function metalNode({ nodeType, credential, concurrency }) {
	return {
		name: 'Metal',
		type: nodeType,
		typeVersion: 1,
		parameters: {
			resource: 'workspace',
			operation: 'create',
			...METAL_PARAMETERS,
			options: concurrency === undefined ? {} : { maxConcurrency: concurrency },
		},
		credentials: { metalApi: { id: credential.id, name: credential.name } },
	};
}

function httpRequestNode({ url, batching }) {
	return {
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: HTTP_REQUEST_VERSION,
		parameters: {
			method: 'POST',
			url: `${url}/v1/workspaces`,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpCustomAuth',
			sendBody: true,
			specifyBody: 'json',
			// As a user writes it in the editor: one JSON template with an expression per field.
			jsonBody:
				'={\n  "name": {{ JSON.stringify($json.deal) }},\n  "company": {{ JSON.stringify($json.target) }},\n  "isPrivate": {{ $json.confidential }}\n}',
			options: batching
				? { batching: { batch: { batchSize: batching.size, batchInterval: batching.intervalMs } } }
				: {},
		},
		credentials: { httpCustomAuth: { id: HTTP_CREDENTIAL.id, name: HTTP_CREDENTIAL.name } },
	};
}

/** The n8n floor: the Metal node's three expressions, read the same way, and no request. */
function n8nFloorNode({ nodeType }) {
	return { name: 'n8n floor', type: nodeType, typeVersion: 1, parameters: METAL_PARAMETERS };
}

/**
 * The variants of the throughput section, in the order they run within one round. kind: 'n8n' (a
 * workflow run by `n8n execute`; `node` names the node under test, none for the items alone) or
 * 'client' (the plain Node.js client of floorClient.js).
 */
function throughputVariants(args) {
	const defaultConcurrency = metalDefaultConcurrency();
	const sweep = args.metalSweep.filter((c) => c !== defaultConcurrency);
	const variants = [
		{ key: 'items', label: 'Items only (no requests)', kind: 'n8n' },
		{
			key: 'n8n-floor',
			label: 'n8n floor node (the three expressions, no requests)',
			kind: 'n8n',
			node: 'n8n floor',
		},
		{
			key: 'metal',
			label: `Metal node, defaults (${defaultConcurrency} in flight)`,
			kind: 'n8n',
			node: 'Metal',
			concurrency: defaultConcurrency,
		},
	];
	for (const c of sweep) {
		variants.push({
			key: `metal-c${c}`,
			label: `Metal node, Max Concurrent Requests ${c}`,
			kind: 'n8n',
			node: 'Metal',
			concurrency: c,
			sweep: true,
		});
	}
	variants.push({
		key: 'http',
		label: 'HTTP Request node, defaults',
		kind: 'n8n',
		node: 'HTTP Request',
	});
	for (const b of args.batching) {
		const [size, intervalMs] = b.split('x').map(Number);
		variants.push({
			key: `http-b${size}x${intervalMs}`,
			label: `HTTP Request node, Batching ${size} items / ${intervalMs} ms`,
			kind: 'n8n',
			node: 'HTTP Request',
			batching: { size, intervalMs },
		});
	}
	for (const c of [defaultConcurrency, ...sweep]) {
		variants.push({
			key: `client-c${c}`,
			label: `Plain client: node:http, keep-alive, ${c} in flight`,
			kind: 'client',
			concurrency: c,
			keepAlive: true,
		});
	}
	variants.push({
		key: `client-c${defaultConcurrency}-nka`,
		label: `Plain client: node:http, no keep-alive, ${defaultConcurrency} in flight`,
		kind: 'client',
		concurrency: defaultConcurrency,
		keepAlive: false,
	});
	return variants;
}

/** The node a throughput variant runs, or undefined for the items alone and the plain client. */
function variantNode(variant, { metalNodeType, metalCredential, n8nFloorNodeType, url }) {
	if (variant.node === 'Metal') {
		return metalNode({
			nodeType: metalNodeType,
			credential: metalCredential,
			// The defaults run with Options left empty, as a user leaves them.
			concurrency: variant.sweep ? variant.concurrency : undefined,
		});
	}
	if (variant.node === 'HTTP Request') return httpRequestNode({ url, batching: variant.batching });
	if (variant.node === 'n8n floor') return n8nFloorNode({ nodeType: n8nFloorNodeType });
	return undefined;
}

module.exports = {
	HTTP_CREDENTIAL,
	ITEMS_NODE,
	READ_PAGE_SIZE,
	REPO_DIR,
	companies,
	deals,
	metalDefaultConcurrency,
	metalNode,
	readWorkflow,
	throughputVariants,
	variantNode,
	workflow,
};
