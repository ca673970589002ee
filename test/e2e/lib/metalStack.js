'use strict';
// The Metal package in a real n8n, against the local Metal simulator: shared by the demo, the
// end-to-end tests and the browser test. Packs this repository (built first), starts the simulator,
// installs the tarball into a fresh n8n user folder, and imports the "Metal (local simulator)"
// credential the example workflow refers to.

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { startSimulator } = require('../../../tools/metal-simulator/server');
const { N8n } = require('./n8n');

const REPO_DIR = path.resolve(__dirname, '..', '..', '..');
const PACKAGE_NAME = 'n8n-nodes-metal';
const NODE_TYPE = `${PACKAGE_NAME}.metal`;
const CREDENTIAL = {
	id: 'metal-local-simulator',
	name: 'Metal (local simulator)',
	type: 'metalApi',
};
// The simulator's key pair: made up, local, and only ever accepted by the simulator.
const SIMULATOR_KEYS = { clientId: 'ci_local_simulator', apiKey: 'sk_local_simulator_demo_key' };

/**
 * `npm pack` of the built package (or of another package folder, such as a test fixture) into a
 * temporary folder; returns the tarball's path.
 */
function packPackage(folder = REPO_DIR) {
	if (
		folder === REPO_DIR &&
		!fs.existsSync(path.join(REPO_DIR, 'dist', 'nodes', 'Metal', 'Metal.node.js'))
	) {
		throw new Error('dist/ is missing: run `npm run build` first');
	}
	const destination = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-metal-pack-'));
	const output = execFileSync(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', destination],
		{ cwd: folder, encoding: 'utf8' },
	);
	return path.join(destination, JSON.parse(output)[0].filename);
}

/**
 * An example workflow shipped in examples/ (by default the workspace one), as n8n imports it, with
 * the workflow id given.
 */
function exampleWorkflow(file = 'metal-create-workspaces.json', id = 'metalExampleWorkflow') {
	const json = fs.readFileSync(path.join(REPO_DIR, 'examples', file), 'utf8');
	return { id, ...JSON.parse(json) };
}

/**
 * The example workflow with other deals (rows), other Metal parameters, another credential, and
 * optionally Continue On Fail (`onError`).
 */
function metalWorkflow({ id, deals, parameters = {}, credential = CREDENTIAL, onError }) {
	const workflow = exampleWorkflow();
	workflow.id = id;
	workflow.name = id;
	for (const node of workflow.nodes) {
		if (node.name === 'New deals') node.parameters.jsonOutput = JSON.stringify({ deals });
		if (node.name === 'Metal') {
			Object.assign(node.parameters, parameters);
			node.credentials = { metalApi: { id: credential.id, name: credential.name } };
			if (onError) node.onError = onError;
		}
	}
	return workflow;
}

/** The Metal node's run in an `n8n execute` result. */
function metalRunOf(result) {
	return result.run.data.resultData.runData.Metal[0];
}

/**
 * Starts the simulator and an n8n with the package. `simulator` takes the simulator's options
 * (latency, rate limit, faults...); `tarball` reuses a packed package; `env` is added to n8n's;
 * `packages` are more community packages for the same n8n ([{ tarball, name? }]).
 */
async function startMetalStack({
	version,
	tarball,
	simulator: simulatorOptions = {},
	keep,
	env,
	packages = [],
} = {}) {
	const simulator = await startSimulator({ env: {}, ...SIMULATOR_KEYS, ...simulatorOptions });
	let n8n;
	try {
		n8n = await N8n.create({
			version,
			keep,
			env,
			packages: [{ tarball: tarball ?? packPackage(), name: PACKAGE_NAME }, ...packages],
		});
		await n8n.importCredentials({
			...CREDENTIAL,
			data: { ...SIMULATOR_KEYS, baseUrl: simulator.url },
		});
	} catch (error) {
		await simulator.close();
		await n8n?.dispose();
		throw error;
	}
	return {
		simulator,
		n8n,
		credential: CREDENTIAL,
		async stop() {
			await n8n.dispose();
			await simulator.close();
		},
	};
}

/** What a test checks of a request the simulator logged: method, path, status, both headers, body. */
const requestRow = (entry) => [
	entry.method,
	entry.path,
	entry.status,
	entry.clientId,
	entry.apiKeyMatched,
	entry.body,
];

/** The row of a request sent with the simulator's Client ID and API key. */
const sentRow = (method, path, status, body) => [
	method,
	path,
	status,
	SIMULATOR_KEYS.clientId,
	true,
	body,
];

module.exports = {
	CREDENTIAL,
	NODE_TYPE,
	PACKAGE_NAME,
	SIMULATOR_KEYS,
	exampleWorkflow,
	metalRunOf,
	metalWorkflow,
	packPackage,
	requestRow,
	sentRow,
	startMetalStack,
};
