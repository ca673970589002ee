'use strict';
// The demo: this package in a real n8n, against the local Metal simulator, with no Metal account.
// Imports every example workflow (the simulator holds the sample deals, companies, people, workflow
// and score they refer to), runs the first once, prints the workspaces it created, then leaves n8n
// running for you to open and run the others. Ctrl-C stops everything it started. Run through `npm run demo`, which
// installs Node.js 24 and the toolchain and builds the package first.

const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const { OWNER } = require('../test/e2e/lib/n8n');
const { exampleWorkflow, startMetalStack } = require('../test/e2e/lib/metalStack');
const { seedSampleRecords } = require('../test/e2e/lib/sampleRecords');
const { DEFAULT_VERSIONS } = require('../test/e2e/lib/versions');

const version = process.env.N8N_DEMO_VERSION ?? DEFAULT_VERSIONS[0];

/** n8n's usual port when it is free, so the editor is where people expect it; else any free one. */
function portToUse(preferred = 5678) {
	return new Promise((resolve) => {
		const probe = net.createServer();
		probe.once('error', () => resolve(undefined));
		probe.listen(preferred, '127.0.0.1', () => probe.close(() => resolve(preferred)));
	});
}

async function main() {
	console.log(`Starting the Metal simulator and n8n ${version} with n8n-nodes-metal installed…`);
	console.log('(The first run installs n8n into ~/.cache/n8n-nodes-metal: about 5 minutes.)');
	const stack = await startMetalStack({ version });
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the simulator…');
		await stack.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);

	seedSampleRecords(stack.simulator);
	const others = fs
		.readdirSync(path.join(__dirname, '..', 'examples'))
		.filter((file) => file.endsWith('.json') && file !== 'metal-create-workspaces.json')
		.map((file, n) => exampleWorkflow(file, `metalExample${String(n + 1).padStart(2, '0')}`));
	if (others.length) await stack.n8n.importWorkflows(others);
	const workflow = await stack.n8n.importWorkflow(exampleWorkflow());
	console.log(`\nRunning "${workflow.name}" once through the n8n CLI…`);
	const result = await stack.n8n.execute(workflow.id);
	if (!result.ok) throw new Error(`the example workflow failed: ${result.error?.message}`);
	const created = result.run.data.resultData.runData.Metal[0].data.main[0];
	console.log(`\nMetal created ${created.length} workspaces:`);
	console.table(
		created.map(({ json }) => ({
			id: json.id,
			name: json.name,
			company: json.company,
			isPrivate: json.isPrivate,
		})),
	);

	const server = await stack.n8n.start({ port: await portToUse() });
	await server.ensureLoggedIn();
	console.log(`
n8n is running with the Metal node loaded.
  Editor:     ${server.baseUrl}/workflow/${workflow.id}
  Log in as:  ${OWNER.email} / ${OWNER.password}
  Credential: "${stack.credential.name}" → Metal simulator at ${stack.simulator.url}

The other example workflows (${others.length}: activities, deals, companies, people, Metal workflow runs,
enrichments, tags, scores, Create or Get, a sync by external ID, an AI agent's research, which needs
a chat model credential) are in the workflow list, against the same simulator.
Open them, run them, or build your own with the Metal nodes. Press Ctrl-C to stop.`);
}

main().catch(async (error) => {
	console.error(`\nThe demo failed: ${error.message}`);
	process.exit(1);
});
