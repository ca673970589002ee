'use strict';
// A proxy-like upstream in a real n8n, on every n8n line in N8N_E2E_VERSIONS (issue 12's proof): a
// Base URL that redirects (the credential's Test sends nothing to the other address), Base URLs the
// node refuses, a Retry-After of an hour or a day (the run fails fast), an answer that trickles in
// (Timeout is a deadline), and an upstream that echoes the API key (redacted everywhere n8n stores the
// run). Real HTTP servers on 127.0.0.1 throughout: the Metal simulator and small servers of the test.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { after, before, describe, test } = require('node:test');

const { startSimulator } = require('../../tools/metal-simulator/server');
const { startLocalServer } = require('../helpers/localServer');
const {
	CREDENTIAL,
	SIMULATOR_KEYS,
	metalRunOf,
	metalWorkflow,
	packPackage,
	startMetalStack,
} = require('./lib/metalStack');
const { E2E_VERSIONS } = require('./lib/versions');

const tarball = packPackage();

const REDIRECT_STATUSES = [301, 302, 303, 307, 308];
const TEST_REDIRECT =
	'The Base URL redirects elsewhere. The Test does not follow redirects, so that the API key is never sent to another address: set Base URL to the address the API answers at.';
const BAD_BASE_URL = 'The Base URL in the Metal API credential is not an http(s) URL';
// The README's budget: at most 5 tries and 2 minutes of waiting per request. A wait longer than
// that fails at once, so a run of a few items must end in seconds, not minutes.
const WAIT_BUDGET_MS = 120_000;
const FAIL_FAST_MS = 10_000;
const TIMEOUT_MS = 1000;
const TRICKLE_MS = 100;
// Backoff before tries 2-5 (equal jitter around 1, 2, 4, 8 s): 7.5 s at least, 15 s at most.
const READ_BACKOFF_MS = { min: 7_500, max: 15_000 };
// A proxy's canary secrets: only the echoing server knows them.
const ECHO_KEYS = { clientId: 'ci_echo_canary_client', apiKey: 'sk_echo_canary_5e1f09b7c2d4' };
const RATE_ADVICE =
	"Metal limits requests per organization, shared by all its keys. Lower Max Concurrent Requests in the node's options, spread the work over time, or ask support@metal.ai for a higher limit.";
const CREATE_ADVICE =
	'Fix the cause, then run only the items that were not created. Retry On Fail is not needed: it would send every item again.';
const MAYBE_CREATED =
	'The workspace may or may not have been created: check in Metal before running this item again. The node does not retry it by itself, so that it is never created twice.';

const deals = (count, prefix) =>
	Array.from({ length: count }, (_, n) => ({ deal: `${prefix} ${n}` }));

const credentialFor = (id, url, keys = SIMULATOR_KEYS) => ({
	id,
	name: id,
	type: 'metalApi',
	data: { ...keys, baseUrl: url },
});

/** A workspace Get of `workspaceId` (the example workflow with its Metal node turned into a Get). */
function getWorkflow({ id, workspaceId, credential, parameters = {} }) {
	const workflow = metalWorkflow({ id, deals: [{ deal: 'any' }], credential });
	const metal = workflow.nodes.find((node) => node.name === 'Metal');
	metal.parameters = {
		resource: 'workspace',
		operation: 'get',
		workspaceId: { __rl: true, mode: 'id', value: workspaceId },
		...parameters,
	};
	return workflow;
}

for (const version of E2E_VERSIONS) {
	describe(`n8n ${version} behind a proxy-like upstream`, () => {
		let stack;
		// Where a redirect points: anything that reaches it is recorded.
		let elsewhere;
		const redirecting = {};
		const limited = {};
		let trickling;
		let trickledWorkspace;
		let echo;

		before(async () => {
			const simulator = (options) => startSimulator({ env: {}, ...SIMULATOR_KEYS, ...options });
			elsewhere = await startLocalServer((req, res) => {
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ data: {} }));
			});
			for (const status of REDIRECT_STATUSES) {
				redirecting[status] = await simulator({
					redirectTo: elsewhere.url,
					redirectStatus: status,
				});
			}
			// The first request is served, every later one is a 429 (the bucket refills once in 1,000 s).
			const rateLimited = { rateLimit: 0.001, burst: 1 };
			limited.hour = await simulator({ ...rateLimited, retryAfterSeconds: 3600 });
			limited.day = await simulator({
				...rateLimited,
				retryAfterSeconds: 86_400,
				retryAfterHttpDate: true,
			});
			trickling = await simulator({ trickleMs: TRICKLE_MS });
			trickledWorkspace = trickling.seed('workspaces', { name: 'Trickled', isPrivate: false });
			// A proxy that quotes the request's headers back: in a 400's text, in a Location, in a 201.
			echo = await startLocalServer((req, res, body) => {
				const quoted = `x-metal-api-key: ${req.headers['x-metal-api-key']}, x-metal-client-id: ${req.headers['x-metal-client-id']}`;
				const { name } = JSON.parse(body || '{}');
				if (name === 'Redirect me') {
					res.writeHead(302, {
						location: `${elsewhere.url}/v1/workspaces?api_key=${req.headers['x-metal-api-key']}`,
					});
					res.end();
				} else if (name === 'Echo in answer') {
					res.writeHead(201, { 'content-type': 'application/json' });
					res.end(JSON.stringify({ data: { id: 'a1b2c3d4e5f6a1b2c3d4e5f6', name, note: quoted } }));
				} else {
					res.writeHead(400, { 'content-type': 'application/json' });
					res.end(JSON.stringify({ error: `Invalid request body (${quoted})` }));
				}
			});

			stack = await startMetalStack({ version, tarball });
			await stack.n8n.importCredentials([
				credentialFor('limitedHour', limited.hour.url),
				credentialFor('limitedDay', limited.day.url),
				credentialFor('trickling', trickling.url),
				credentialFor('echo', echo.url, ECHO_KEYS),
			]);
			// One request in flight: item 1 gets the 429, items 2-4 then meet the gate it closed
			// (the case that used to sleep the full hour).
			const oneAtATime = { options: { maxConcurrency: 1 } };
			const timeout = { options: { timeout: TIMEOUT_MS } };
			await stack.n8n.importWorkflows([
				...['Hour', 'Day'].flatMap((span) => [
					metalWorkflow({
						id: `retryAfter${span}Stop`,
						deals: deals(5, `Limited ${span}`),
						parameters: oneAtATime,
						credential: { id: `limited${span}`, name: `limited${span}` },
					}),
					metalWorkflow({
						id: `retryAfter${span}Continue`,
						deals: deals(5, `Limited ${span}`),
						parameters: oneAtATime,
						credential: { id: `limited${span}`, name: `limited${span}` },
						onError: 'continueRegularOutput',
					}),
				]),
				metalWorkflow({
					id: 'trickleCreate',
					deals: [{ deal: 'Trickle' }],
					parameters: timeout,
					credential: { id: 'trickling', name: 'trickling' },
				}),
				getWorkflow({
					id: 'trickleGet',
					workspaceId: trickledWorkspace.id,
					parameters: timeout,
					credential: { id: 'trickling', name: 'trickling' },
				}),
				metalWorkflow({
					id: 'echoContinue',
					deals: [{ deal: 'Echo me' }, { deal: 'Redirect me' }, { deal: 'Echo in answer' }],
					credential: { id: 'echo', name: 'echo' },
					onError: 'continueRegularOutput',
				}),
				metalWorkflow({
					id: 'echoStop',
					deals: [{ deal: 'Echo me' }],
					credential: { id: 'echo', name: 'echo' },
				}),
			]);
		});

		after(async () => {
			await stack?.stop();
			for (const server of [
				elsewhere,
				echo,
				trickling,
				...Object.values(redirecting),
				...Object.values(limited),
			]) {
				await server?.close();
			}
		});

		describe("the credential's Test button (the editor's REST call)", () => {
			let server;
			before(async () => {
				server = await stack.n8n.start();
				await server.ensureLoggedIn();
			});

			for (const status of REDIRECT_STATUSES) {
				test(`a Base URL that answers ${status}: the Test fails, nothing reaches the other port`, async (t) => {
					const simulator = redirecting[status];
					simulator.reset();
					const reachedBefore = elsewhere.requests.length;

					const result = await server.testCredentials({
						...CREDENTIAL,
						data: { ...SIMULATOR_KEYS, baseUrl: simulator.url },
					});

					t.diagnostic(`n8n ${version}, ${status}: ${JSON.stringify(result)}`);
					assert.deepEqual(
						simulator.log.map((entry) => [entry.method, entry.path, entry.outcome, entry.status]),
						[['GET', '/v1/keys/current', 'redirected', status]],
					);
					assert.deepEqual(elsewhere.requests.slice(reachedBefore), []);
					// n8n 1.x's credential tester never applies the credential's rules (its errors lose
					// their cause, so it finds no status to match) and shows the HTTP library's words.
					const message = version.startsWith('1.')
						? `Request failed with status code ${status}`
						: TEST_REDIRECT;
					assert.deepEqual(result, { status: 'Error', message });
				});
			}

			const refused = [
				['a fragment', (url) => `${url}/#v1`],
				['a query', (url) => `${url}/?tenant=acme`],
				['an empty query', (url) => `${url}/?`],
				['a user and password', (url) => url.replace('http://', 'http://metal:secret@')],
				['a user name', (url) => url.replace('http://', 'http://metal@')],
			];
			for (const [what, baseUrlOf] of refused) {
				test(`a Base URL with ${what} is refused in the node's words, and nothing is sent`, async (t) => {
					const reachedBefore = elsewhere.requests.length;

					const result = await server.testCredentials({
						...CREDENTIAL,
						data: { ...SIMULATOR_KEYS, baseUrl: baseUrlOf(elsewhere.url) },
					});

					t.diagnostic(`n8n ${version}, ${what}: ${JSON.stringify(result)}`);
					assert.deepEqual(elsewhere.requests.slice(reachedBefore), []);
					assert.deepEqual(result, { status: 'Error', message: BAD_BASE_URL });
				});
			}

			after(async () => {
				await server?.stop();
			});
		});

		describe('a Retry-After far beyond the wait budget: the run fails fast', () => {
			const spans = [
				{ span: 'Hour', retryAfter: '3600 seconds', simulator: () => limited.hour },
				{ span: 'Day', retryAfter: 'an HTTP date a day ahead', simulator: () => limited.day },
			];
			/** "… wait N seconds …": N, which must be the hour or the day asked for (± 1 s). */
			const askedSeconds = (text, span) => {
				const seconds = Number(/wait (\d+) seconds/.exec(text)?.[1]);
				const expected = span === 'Hour' ? 3600 : 86_400;
				assert.ok(Math.abs(seconds - expected) <= 1, `${seconds} s asked in "${text}"`);
				return seconds;
			};

			for (const { span, retryAfter, simulator } of spans) {
				test(`Retry-After ${retryAfter}, without Continue On Fail: the run stops at once and names every item`, async (t) => {
					simulator().reset();

					const result = await stack.n8n.execute(`retryAfter${span}Stop`);

					const ms = metalRunOf(result).executionTime;
					t.diagnostic(
						`n8n ${version}, ${retryAfter}, stop: Metal node ${ms} ms, n8n execute ${result.ms} ms; "${result.error?.message}" / ${JSON.stringify(result.error?.description)}`,
					);
					assert.equal(result.ok, false);
					assert.ok(ms < FAIL_FAST_MS && ms < WAIT_BUDGET_MS, `the Metal node ran ${ms} ms`);
					const log = simulator().log;
					assert.deepEqual(
						log.map((entry) => [entry.body.name, entry.status]),
						[
							['Limited ' + span + ' 0', 201],
							['Limited ' + span + ' 1', 429],
						],
					);
					assert.equal(
						result.error.message,
						"Metal's rate limit was still exceeded after 1 try: rate limit exceeded",
					);
					const seconds = askedSeconds(result.error.description, span);
					assert.equal(
						result.error.description,
						[
							`No workspace was created. Metal asked to wait ${seconds} seconds before the next request. ${RATE_ADVICE}`,
							'',
							'The run stopped at item 1.',
							`Created: 0 (id ${log[0].createdId}).`,
							'Failed, nothing created: 1.',
							'Not created (never sent, or rate-limited and not sent again): 2–4.',
							CREATE_ADVICE,
						].join('\n'),
					);
				});

				test(`Retry-After ${retryAfter}, with Continue On Fail: every item ends at once, none is sent after the 429`, async (t) => {
					simulator().reset();

					const result = await stack.n8n.execute(`retryAfter${span}Continue`);

					const ms = metalRunOf(result).executionTime;
					const output = metalRunOf(result).data.main[0];
					t.diagnostic(
						`n8n ${version}, ${retryAfter}, Continue On Fail: Metal node ${ms} ms, n8n execute ${result.ms} ms; ${JSON.stringify(output.map((item) => item.json.error ?? item.json.name))}`,
					);
					assert.equal(result.ok, true, JSON.stringify(result.error));
					assert.ok(ms < FAIL_FAST_MS && ms < WAIT_BUDGET_MS, `the Metal node ran ${ms} ms`);
					assert.deepEqual(
						simulator().log.map((entry) => entry.status),
						[201, 429],
					);
					assert.deepEqual(
						output.map((item) => item.pairedItem),
						[0, 1, 2, 3, 4].map((item) => ({ item })),
					);
					assert.equal(output[0].json.name, `Limited ${span} 0`);
					const seconds = askedSeconds(output[1].json.details, span);
					assert.deepEqual(output[1].json, {
						error: "Metal's rate limit was still exceeded after 1 try: rate limit exceeded",
						details: `No workspace was created. Metal asked to wait ${seconds} seconds before the next request. ${RATE_ADVICE}`,
					});
					for (const item of output.slice(2)) {
						const waited = askedSeconds(item.json.error, span);
						assert.deepEqual(item.json, {
							error: `Metal's rate limit asks to wait ${waited} seconds before the next request`,
							details: `No workspace was created. The node waits at most 120 seconds per request. ${RATE_ADVICE}`,
						});
					}
				});
			}
		});

		describe('Timeout is a deadline: an answer trickling in one byte every 100 ms', () => {
			test('a create fails at about Timeout, saying the workspace may or may not have been created', async (t) => {
				trickling.reset();

				const result = await stack.n8n.execute('trickleCreate');

				const ms = metalRunOf(result).executionTime;
				t.diagnostic(
					`n8n ${version}, create: Metal node ${ms} ms (Timeout ${TIMEOUT_MS} ms), n8n execute ${result.ms} ms; "${result.error?.message}" / ${JSON.stringify(result.error?.description)}`,
				);
				assert.equal(result.ok, false);
				assert.ok(ms >= TIMEOUT_MS && ms < TIMEOUT_MS + 3000, `the Metal node ran ${ms} ms`);
				assert.equal(result.error.message, `Metal did not answer within ${TIMEOUT_MS} ms`);
				assert.equal(
					result.error.description,
					[
						MAYBE_CREATED,
						'',
						'The run stopped at item 0.',
						'Created: none.',
						'May or may not have been created (check in Metal before running them again): 0.',
						'Not created (never sent, or rate-limited and not sent again): none.',
						CREATE_ADVICE,
					].join('\n'),
				);
				// Sent once, never again; and Metal did create it, which is why the wording matters.
				assert.deepEqual(
					trickling.log.map((entry) => [entry.method, entry.path, entry.status]),
					[['POST', '/v1/workspaces', 201]],
				);
				assert.deepEqual(
					trickling.workspaces().map((w) => w.name),
					['Trickle'],
				);
			});

			test('a read is retried, each try cut at Timeout, and gives up after 5 tries', async (t) => {
				trickling.reset();
				trickling.seed('workspaces', trickledWorkspace);

				const result = await stack.n8n.execute('trickleGet');

				const ms = metalRunOf(result).executionTime;
				t.diagnostic(
					`n8n ${version}, get: Metal node ${ms} ms (5 tries of ${TIMEOUT_MS} ms + backoff), n8n execute ${result.ms} ms; "${result.error?.message}" / ${JSON.stringify(result.error?.description)}`,
				);
				assert.equal(result.ok, false);
				assert.deepEqual(
					trickling.log.map((entry) => [entry.method, entry.path, entry.status]),
					Array(5).fill(['GET', `/v1/workspaces/${trickledWorkspace.id}`, 200]),
				);
				// Each try ends at Timeout (an answer takes ~15 s here), plus the backoff between tries.
				assert.ok(
					ms >= 5 * TIMEOUT_MS + READ_BACKOFF_MS.min &&
						ms < 5 * TIMEOUT_MS + READ_BACKOFF_MS.max + 3000,
					`the Metal node ran ${ms} ms`,
				);
				assert.equal(result.error.message, `Metal did not answer within ${TIMEOUT_MS} ms`);
				assert.equal(
					result.error.description,
					[
						"Metal did not answer after 5 tries. Try again later, or raise Timeout in the node's options.",
						'',
						'The run stopped at item 0.',
						'Done: none.',
						'Failed: 0.',
						'Not run: none.',
						'Fix the cause and run the node again.',
					].join('\n'),
				);
			});
		});

		describe('an upstream that echoes the API key', () => {
			const quoted = 'x-metal-api-key: [redacted], x-metal-client-id: [redacted]';
			const echoed = `Metal rejected the request as invalid: Invalid request body (${quoted})`;

			test('with Continue On Fail: error items and output items carry [redacted], not the key', async () => {
				const result = await stack.n8n.execute('echoContinue');

				assert.equal(result.ok, true, JSON.stringify(result.error));
				const output = metalRunOf(result).data.main[0];
				assert.deepEqual(
					output.map((item) => [item.json, item.pairedItem]),
					[
						[
							{
								error: echoed,
								details:
									"No workspace was created. Check this item's values against the fields of the operation; Metal accepts only the documented fields and types.",
							},
							{ item: 0 },
						],
						[
							{
								error: `The Base URL redirects elsewhere (302 to ${elsewhere.url}/v1/workspaces?api_key=[redacted])`,
								details: `${MAYBE_CREATED} The node does not follow redirects, so that the API key is never sent to another address. Set the Base URL in the Metal API credential to the address the API answers at.`,
							},
							{ item: 1 },
						],
						[{ id: 'a1b2c3d4e5f6a1b2c3d4e5f6', name: 'Echo in answer', note: quoted }, { item: 2 }],
					],
				);
				assert.ok(!JSON.stringify(result.run).includes(ECHO_KEYS.apiKey));
			});

			test('without Continue On Fail: the error n8n shows carries [redacted], not the key', async () => {
				const result = await stack.n8n.execute('echoStop');

				assert.equal(result.ok, false);
				assert.equal(result.error.message, echoed);
				assert.ok(!JSON.stringify(result.run).includes(ECHO_KEYS.apiKey));
			});

			test("the key is nowhere in n8n's database or its logs, debug level included", async () => {
				for (const id of ['echoContinue', 'echoStop']) await stack.n8n.executeWithDebugLog(id);
				// The echoing server did receive the key: what is searched for is really sent around.
				assert.ok(echo.requests.every((r) => r.headers['x-metal-api-key'] === ECHO_KEYS.apiKey));
				const files = stack.n8n.files();
				// SQLite may still hold the newest pages in its write-ahead log beside the file.
				const database = files.filter((file) => /database\.sqlite(-wal)?$/.test(file));
				assert.ok(database.length > 0, 'n8n has a database');
				assert.ok(
					database.some((file) => fs.readFileSync(file).includes(quoted)),
					'the executions are in the database (the search looks where n8n keeps the errors)',
				);
				assert.ok(
					files.some((file) => file.endsWith(path.join('.n8n', 'logs', 'n8n.log'))),
					'the debug runs wrote their log file',
				);
				const leaking = files.filter((file) => fs.readFileSync(file).includes(ECHO_KEYS.apiKey));
				assert.deepEqual(leaking, []);
			});
		});
	});
}
