'use strict';
// The Metal node in n8n's editor, in a real browser: the packed n8n-nodes-metal installed in a real
// n8n 2.41.1 (test/e2e/lib/metalStack.js), Debian's Chromium driven by playwright-core. Signs in through
// the editor's form, opens the example workflow, the Metal node's panel and the node list, checks what a
// user sees and saves screenshots (UPDATE_SCREENSHOTS=1 writes the README's, docs/screenshots/).
//
// Run with `node --test test/browser/editor.browser.js` after `npm run build`. Needs Chromium at
// /usr/bin/chromium (`apt-get install -y chromium`; CHROMIUM_PATH overrides): Playwright never downloads
// a browser here. On a failed check the page is saved to test-results/browser/ (screenshot and HTML).

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { after, before, describe, test } = require('node:test');

const { chromium, selectors } = require('playwright-core');

const {
	CREDENTIAL,
	NODE_TYPE,
	PACKAGE_NAME,
	SIMULATOR_KEYS,
	exampleWorkflow,
	packPackage,
	startMetalStack,
} = require('../e2e/lib/metalStack');
const { startSimulator } = require('../../tools/metal-simulator/server');
const { OWNER } = require('../e2e/lib/n8n');

// The newest n8n line only: the editor of 1.x looks different and is not covered.
const VERSION = '2.41.1';
const WORKFLOW_ID = exampleWorkflow().id;
const REPO_DIR = path.resolve(__dirname, '..', '..');
// The README's screenshots are refreshed on request (UPDATE_SCREENSHOTS=1); a plain run keeps its own
// under test-results/, so that tests never change tracked files.
const SCREENSHOT_DIR = process.env.UPDATE_SCREENSHOTS
	? path.join(REPO_DIR, 'docs', 'screenshots')
	: path.join(REPO_DIR, 'test-results', 'browser');
const FAILURE_DIR = path.join(REPO_DIR, 'test-results', 'browser');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];
const VIEWPORT = { width: 1440, height: 900 };
// Where n8n serves a community node's icon from: /icons/<package>/<path in the package>.
const ICON_PATH = new RegExp(`^/icons/${PACKAGE_NAME}/dist/nodes/Metal/metal\\.svg$`);

// n8n's elements carry data-test-id (Playwright's default is data-testid).
selectors.setTestIdAttribute('data-test-id');

// Popovers and drawers n8n may open on its own over the canvas, and how to close each.
const POPOVER_CLOSERS = [
	// "Production Checklist" (2.x, opens after a workflow is first published).
	'[data-test-id="suggested-actions-close"]',
	// "What's new" / "We've been busy" drawer.
	'[data-test-id="version-updates-panel"] .el-drawer__close-btn',
	// The NPS survey.
	'[data-test-id="nps-survey-modal"] .el-drawer__close-btn',
];

/** Closes whichever of POPOVER_CLOSERS is showing (none usually is). */
async function dismissPopovers(page) {
	for (const selector of POPOVER_CLOSERS) {
		const closer = page.locator(selector);
		for (const handle of await closer.all()) {
			if (await handle.isVisible().catch(() => false)) await handle.click().catch(() => {});
		}
	}
}

/** Every <img> inside `locator`: its path, whether it loaded (decoded, with a size) and is shown. */
async function metalIcons(locator) {
	return locator.locator('img').evaluateAll((images) =>
		images.map((img) => ({
			src: new URL(img.src).pathname,
			loaded: img.complete && img.naturalWidth > 0,
			visible: img.getBoundingClientRect().width > 0,
		})),
	);
}

function assertMetalIcon(icons, where) {
	const metal = icons.filter((icon) => ICON_PATH.test(icon.src));
	assert.ok(
		metal.length > 0,
		`${where}: no <img> with the Metal icon (${ICON_PATH}); images there: ${JSON.stringify(icons)}`,
	);
	assert.ok(
		metal.some((icon) => icon.loaded && icon.visible),
		`${where}: the Metal icon is there but did not load or is not shown: ${JSON.stringify(metal)}`,
	);
}

// Workflow Run → Start with the Metal Workflow picker (From List), against a Metal that lists these
// workflows, and against one whose list cannot be read.
const PICKER_WORKFLOWS = [
	{ id: '6660aa00000000000000a001', name: 'Screen a company' },
	{ id: '6660aa00000000000000a002', name: 'Draft an IC memo' },
];
const PICKER_WORKFLOW_ID = 'metalPickerWorkflow';
const BROKEN_PICKER_WORKFLOW_ID = 'metalPickerBroken';
const BROKEN_LIST_CREDENTIAL = {
	id: 'metal-broken-workflow-list',
	name: 'Metal (workflow list broken)',
	type: 'metalApi',
};

function pickerWorkflow(id, credential) {
	return {
		id,
		name: id,
		nodes: [
			{
				id: 'trigger',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'metal',
				name: 'Metal',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					resource: 'workflowRun',
					operation: 'start',
					workflowId: { __rl: true, mode: 'list', value: '' },
					input: '={{ $json }}',
				},
				credentials: { metalApi: { id: credential.id, name: credential.name } },
			},
		],
		connections: { Start: { main: [[{ node: 'Metal', type: 'main', index: 0 }]] } },
	};
}

describe(`the Metal node in the n8n ${VERSION} editor (Chromium)`, () => {
	let tarball;
	let stack;
	let brokenList;
	let server;
	let browser;
	let page;
	let nodeType;
	let triggerType;
	const iconResponses = [];

	/** Runs one step; on failure saves the page to test-results/browser/<name>-failure.* and rethrows. */
	async function step(name, fn) {
		try {
			return await fn();
		} catch (error) {
			if (page && !page.isClosed()) {
				fs.mkdirSync(FAILURE_DIR, { recursive: true });
				const file = path.join(FAILURE_DIR, `${name}-failure`);
				await page.screenshot({ path: `${file}.png` }).catch(() => {});
				fs.writeFileSync(`${file}.html`, await page.content().catch(() => ''));
				error.message += `\n(page ${page.url()} saved to ${file}.png and .html)`;
			}
			throw error;
		}
	}

	/** Closes the node's panel when it is open (so a failed check leaves the next test a canvas). */
	async function closeNodePanel() {
		const ndv = page.getByTestId('ndv');
		if (!(await ndv.isVisible())) return;
		await ndv.getByTestId('ndv-close-button').click();
		await ndv.waitFor({ state: 'hidden' });
	}

	async function screenshot(name) {
		await dismissPopovers(page);
		fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
		await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
	}

	before(async () => {
		assert.ok(
			fs.existsSync(CHROMIUM),
			`no Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH`,
		);
		tarball = packPackage();
		stack = await startMetalStack({ version: VERSION, tarball });
		stack.simulator.seed('workflows', PICKER_WORKFLOWS);
		// A second Metal whose list of workflows cannot be read (every GET /v1/workflows answers 500).
		brokenList = await startSimulator({
			env: {},
			...SIMULATOR_KEYS,
			failRate: 1,
			faultRoutes: 'listWorkflows',
		});
		await stack.n8n.importCredentials({
			...BROKEN_LIST_CREDENTIAL,
			data: { ...SIMULATOR_KEYS, baseUrl: brokenList.url },
		});
		await stack.n8n.importWorkflows([
			exampleWorkflow(),
			pickerWorkflow(PICKER_WORKFLOW_ID, CREDENTIAL),
			pickerWorkflow(BROKEN_PICKER_WORKFLOW_ID, BROKEN_LIST_CREDENTIAL),
		]);
		[server, browser] = await Promise.all([
			stack.n8n.start(),
			chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS }),
		]);
		// Creates the owner account (the sign-in form below then logs in as the owner).
		await server.ensureLoggedIn();
		const types = await server.nodeTypes();
		nodeType = types.find((type) => type.name === NODE_TYPE);
		assert.ok(nodeType, `n8n did not load ${NODE_TYPE}; see ${server.stdoutFile}`);
		triggerType = types.find((type) => type.name === `${NODE_TYPE}Trigger`);
		assert.ok(triggerType, `n8n did not load ${NODE_TYPE}Trigger; see ${server.stdoutFile}`);

		const context = await browser.newContext({ viewport: VIEWPORT });
		page = await context.newPage();
		page.setDefaultTimeout(20000);
		page.on('response', (response) => {
			if (new URL(response.url()).pathname.startsWith(`/icons/${PACKAGE_NAME}/`)) {
				iconResponses.push({
					path: new URL(response.url()).pathname,
					status: response.status(),
					type: response.headers()['content-type'],
				});
			}
		});
		// Whenever one of these shows up in the way of a click, close it first.
		for (const selector of POPOVER_CLOSERS) {
			await page.addLocatorHandler(page.locator(selector), (closer) => closer.click());
		}

		await step('signin', async () => {
			await page.goto(`${server.baseUrl}/signin`);
			await page.getByTestId('signin-form').waitFor();
			await page.locator('input[name="emailOrLdapLoginId"]').fill(OWNER.email);
			await page.locator('input[name="password"]').fill(OWNER.password);
			await page.getByTestId('form-submit-button').click();
			await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
			const cookies = await context.cookies(server.baseUrl);
			assert.ok(
				cookies.some((cookie) => cookie.name === 'n8n-auth'),
				'signing in through the form left no n8n-auth cookie',
			);
		});
	});

	after(async () => {
		try {
			await browser?.close();
		} finally {
			await brokenList?.close();
			await stack?.stop();
			if (tarball) fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
		}
	});

	test('the canvas shows the example workflow with the Metal node and its icon', async () => {
		await step('canvas', async () => {
			await page.goto(`${server.baseUrl}/workflow/${WORKFLOW_ID}`);
			const metal = page.locator(`[data-test-id="canvas-node"][data-node-name="Metal"]`);
			await metal.waitFor();
			await dismissPopovers(page);

			assert.equal(
				await metal.getAttribute('data-node-type'),
				NODE_TYPE,
				'the node named "Metal" on the canvas is not the package\'s node type',
			);
			const names = await page
				.locator('[data-test-id="canvas-node"]')
				.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-node-name')));
			assert.deepEqual(
				names.sort(),
				exampleWorkflow()
					.nodes.map((node) => node.name)
					.sort(),
				'the canvas does not show the nodes of the example workflow',
			);
			// The icon is an <img> that has finished loading.
			await metal
				.locator('img')
				.first()
				.evaluate((img) => img.decode().catch(() => {}));
			assertMetalIcon(await metalIcons(metal), 'the Metal node on the canvas');
			assert.match(
				await metal.innerText(),
				/create: workspace/,
				'the Metal node has no "create: workspace" subtitle on the canvas',
			);
			const served = iconResponses.filter((response) => ICON_PATH.test(response.path));
			assert.ok(
				served.some(
					(response) => response.status === 200 && /^image\/svg\+xml/.test(response.type),
				),
				`n8n did not serve the Metal icon as an SVG: ${JSON.stringify(iconResponses)}`,
			);
			await screenshot('editor-canvas');
		});
	});

	test("the Metal node's panel shows Workspace / Create, its fields and the credential", async () => {
		await step('node-panel', async () => {
			await page.locator(`[data-test-id="canvas-node"][data-node-name="Metal"]`).dblclick();
			const ndv = page.getByTestId('ndv');
			await ndv.getByTestId('node-parameters').waitFor();

			assertMetalIcon(await metalIcons(ndv), "the Metal node's panel header");
			const labels = {
				resource: 'Resource',
				operation: 'Operation',
				name: 'Name',
				additionalFields: 'Additional Fields',
				company: 'Company',
				isPrivate: 'Private',
			};
			for (const [parameter, label] of Object.entries(labels)) {
				const element = ndv.locator(`label[for="${parameter}"]`);
				assert.ok(
					await element.isVisible(),
					`the panel does not show the "${label}" parameter (label[for="${parameter}"])`,
				);
				assert.equal(
					(await element.innerText()).split('\n')[0].trim(),
					label,
					`the ${parameter} parameter is not labelled "${label}"`,
				);
			}
			assert.equal(
				await ndv.locator('[data-test-id="parameter-input-resource"] input').inputValue(),
				'Workspace',
				'Resource is not Workspace',
			);
			assert.equal(
				await ndv.locator('[data-test-id="parameter-input-operation"] input').inputValue(),
				'Create',
				'Operation is not Create',
			);
			assert.match(
				await ndv.getByTestId('parameter-input-name').innerText(),
				/\{\{ \$json\.deal \}\}/,
				'Name does not show the expression {{ $json.deal }} of the example workflow',
			);
			assert.equal(
				await ndv.locator('[data-test-id="node-credentials-select"] input').inputValue(),
				CREDENTIAL.name,
				`the credential "${CREDENTIAL.name}" is not the one selected`,
			);
			// The expressions get their tint a moment after they show: wait for it, so the screenshot
			// is the same from run to run (it goes on without the tint rather than fail).
			await page
				.waitForFunction(
					() => {
						const spans = document.querySelectorAll(
							'[data-test-id="ndv"] [data-test-id="inline-expression-editor-input"] .cm-line span',
						);
						return (
							spans.length > 0 &&
							[...spans].every(
								(span) => getComputedStyle(span).backgroundColor !== 'rgba(0, 0, 0, 0)',
							)
						);
					},
					undefined,
					{ timeout: 5000 },
				)
				.catch(() => {});
			await screenshot('editor-node-panel');
			await closeNodePanel();
		});
	});

	test('the node list finds the Metal node, with its icon, when searching "Metal"', async () => {
		await step('node-search', async () => {
			await closeNodePanel(); // Still open when the previous test failed.
			await page.getByTestId('node-creator-plus-button').click();
			const creator = page.getByTestId('node-creator');
			await creator.getByTestId('node-creator-search-bar').fill('Metal');

			const item = creator.getByTestId('item-iterator-item').filter({
				has: page.getByTestId('node-creator-item-name').getByText('Metal', { exact: true }),
			});
			await item.first().waitFor();
			assert.equal(await item.count(), 1, 'the search shows more than one node named "Metal"');
			// n8n shows one "Metal" entry for the package's app: the node's actions and its trigger.
			assert.match(
				(await item.getAttribute('data-keyboard-nav-id')) ?? '',
				new RegExp(`^${NODE_TYPE.replace('.', '\\.')}(Trigger)?-`),
				`the result named "Metal" is not ${NODE_TYPE} nor its trigger`,
			);
			assert.ok(
				[nodeType.description, triggerType.description].includes(
					(await item.getByTestId('node-creator-item-description').innerText()).trim(),
				),
				"the result's description is neither the node's nor its trigger's",
			);
			await item
				.locator('img')
				.first()
				.evaluate((img) => img.decode().catch(() => {}));
			assertMetalIcon(await metalIcons(item), 'the Metal result in the node list');
			// The first result, highlighted: the search ranks the package's node on top.
			assert.equal(
				await creator
					.getByTestId('item-iterator-item')
					.first()
					.getAttribute('data-keyboard-nav-id'),
				await item.getAttribute('data-keyboard-nav-id'),
				'the Metal node is not the first result for "Metal"',
			);
			await screenshot('editor-node-search');
		});
	});

	/** Opens the picker workflow's Metal node and its Metal Workflow list; returns the panel. */
	async function openWorkflowPicker(workflowId) {
		await closeNodePanel();
		await page.goto(`${server.baseUrl}/workflow/${workflowId}`);
		await page.locator(`[data-test-id="canvas-node"][data-node-name="Metal"]`).dblclick();
		const ndv = page.getByTestId('ndv');
		await ndv.getByTestId('node-parameters').waitFor();
		const picker = ndv.getByTestId('resource-locator-workflowId');
		await picker.getByTestId('rlc-input').click();
		return { ndv, picker };
	}

	test("Workflow Run → Start's Metal Workflow picker lists Metal's workflows by name", async () => {
		await step('workflow-picker', async () => {
			await openWorkflowPicker(PICKER_WORKFLOW_ID);
			for (const { name } of PICKER_WORKFLOWS) {
				await page.getByText(name, { exact: true }).first().waitFor();
			}
			await screenshot('editor-workflow-picker');
			await page.getByText('Draft an IC memo', { exact: true }).first().click();
			const request = stack.simulator.log.filter((entry) => entry.path === '/v1/workflows');
			assert.ok(request.length >= 1, 'the picker did not ask Metal for its workflows');
			await closeNodePanel();
		});
	});

	test('when the list of workflows cannot be read, the picker says so, and By ID stays usable', async () => {
		await step('workflow-picker-broken', async () => {
			const { ndv, picker } = await openWorkflowPicker(BROKEN_PICKER_WORKFLOW_ID);
			const error = page.getByTestId('rlc-error-container');
			await error.waitFor();
			const shown = await error.innerText();
			assert.match(
				shown,
				/Metal's list of workflows could not be read, so choose By ID and paste the workflow's ID from Metal\. Metal answered with a server error \(500\)/,
				`the picker does not say why the list is missing: ${JSON.stringify(shown)}`,
			);
			await page.keyboard.press('Escape');
			await picker.getByTestId('rlc-mode-selector').click();
			await page.getByTestId('mode-id').click();
			await picker.getByTestId('rlc-input').fill(PICKER_WORKFLOWS[0].id);
			await picker.getByTestId('rlc-input').blur();
			assert.equal(
				await picker.getByTestId('rlc-input').inputValue(),
				PICKER_WORKFLOWS[0].id,
				'By ID did not take the workflow ID',
			);
			assert.equal(
				await ndv.locator('[data-test-id="resource-locator-workflowId"] .parameter-issues').count(),
				0,
				'By ID shows an issue with a valid workflow ID',
			);
			await closeNodePanel();
		});
	});
});
