'use strict';
// The workflows the bench runs, and the variants of the throughput section. Every workflow starts
// with the same items (a manual trigger, a Set node holding the N deals as raw JSON, Split Out), then
// one node under test: the Metal node, n8n's HTTP Request node as a user sets it up, the n8n floor
// node (n8nFloorPackage.js), or none (the items alone).

const path = require('node:path');

const REPO_DIR = path.resolve(__dirname, '..', '..');
// The latest HTTP Request node version in n8n 2.41.1 (its defaultVersion).
const HTTP_REQUEST_VERSION = 4.5;
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

function itemNodes(n) {
	return [
		{
			id: 'b0000000-0000-4000-8000-000000000001',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
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
	REPO_DIR,
	deals,
	metalDefaultConcurrency,
	metalNode,
	throughputVariants,
	variantNode,
	workflow,
};
