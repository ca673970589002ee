'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { ISO_UTC, startTestSimulator, call, createWorkspace } = require('./helpers');

const API_KEY = 'sk_log_secret_d41d8cd98f00';

describe('request log', () => {
	let directory;
	let logFile;
	let simulator;

	beforeAll(async () => {
		directory = fs.mkdtempSync(path.join(os.tmpdir(), 'metal-sim-log-'));
		logFile = path.join(directory, 'requests.jsonl');
		simulator = await startTestSimulator({ apiKey: API_KEY, logFile });
	});
	afterAll(async () => {
		await simulator.close();
		fs.rmSync(directory, { recursive: true, force: true });
	});
	beforeEach(() => simulator.reset());

	function readLogFile() {
		return fs
			.readFileSync(logFile, 'utf8')
			.split('\n')
			.filter((line) => line !== '')
			.map((line) => JSON.parse(line));
	}

	test('records one entry per request with every field', async () => {
		const created = await createWorkspace(simulator, { name: 'Atlas', isPrivate: true });
		await call(simulator, 'GET', '/v1/keys/current', {
			auth: false,
			headers: { 'x-metal-client-id': 'ci_someone', 'x-metal-api-key': 'sk_wrong_guess' },
		});
		await call(simulator, 'POST', '/v1/workspaces', { rawBody: '{oops' });

		expect(simulator.log).toEqual([
			{
				seq: expect.any(Number),
				time: expect.stringMatching(ISO_UTC),
				method: 'POST',
				path: '/v1/workspaces',
				status: 201,
				clientId: 'ci_local_simulator',
				apiKeyPresent: true,
				apiKeyMatched: true,
				body: { name: 'Atlas', isPrivate: true },
				workspaceId: created.body.data.id,
				createdId: created.body.data.id,
				outcome: 'created',
				durationMs: expect.any(Number),
			},
			expect.objectContaining({
				method: 'GET',
				path: '/v1/keys/current',
				status: 401,
				clientId: 'ci_someone',
				apiKeyPresent: true,
				apiKeyMatched: false,
				body: null,
				workspaceId: null,
				createdId: null,
				outcome: 'unauthorized',
			}),
			expect.objectContaining({
				status: 400,
				body: null,
				bodyError: 'invalid_json',
				outcome: 'invalid_body',
			}),
		]);
		expect(simulator.log[1]).not.toHaveProperty('bodyError');
		const [first, second, third] = simulator.log.map((entry) => entry.seq);
		expect([second - first, third - second]).toEqual([1, 1]);
	});

	test('lets a test spot the same name created twice', async () => {
		await createWorkspace(simulator, { name: 'Twice' });
		await createWorkspace(simulator, { name: 'Once' });
		await createWorkspace(simulator, { name: 'Twice' });
		const createdNames = simulator.log
			.filter((entry) => entry.outcome === 'created')
			.map((entry) => entry.body.name);
		const duplicates = createdNames.filter((name, index) => createdNames.indexOf(name) !== index);
		expect(duplicates).toEqual(['Twice']);
	});

	test('writes the same entries as JSON lines to logFile, and keeps them across reset', async () => {
		const before = readLogFile().length;
		await createWorkspace(simulator, { name: 'In the file' });
		await call(simulator, 'GET', '/v1/keys/current', { auth: false });
		const fileEntries = readLogFile().slice(before);
		expect(fileEntries).toEqual(simulator.log);

		simulator.reset();
		expect(simulator.log).toEqual([]);
		expect(readLogFile()).toHaveLength(before + 2);
	});

	test('never holds an api key value, not even one sent in the client id header', async () => {
		await call(simulator, 'GET', '/v1/keys/current');
		await call(simulator, 'GET', '/v1/keys/current', {
			auth: false,
			headers: { 'x-metal-client-id': API_KEY, 'x-metal-api-key': API_KEY },
		});
		await call(simulator, 'GET', '/v1/keys/current', {
			auth: false,
			headers: { 'x-metal-client-id': 'ci_local_simulator', 'x-metal-api-key': 'sk_typo_value' },
		});
		expect(simulator.log[1]).toMatchObject({ clientId: '[redacted]', apiKeyMatched: true });

		const fileText = fs.readFileSync(logFile, 'utf8');
		const memoryText = JSON.stringify(simulator.log);
		for (const text of [fileText, memoryText]) {
			expect(text).not.toContain(API_KEY);
			expect(text).not.toContain('sk_typo_value');
		}
		const served = await call(simulator, 'GET', '/_sim/log', { auth: false });
		expect(JSON.stringify(served.body)).not.toContain(API_KEY);
	});
});
