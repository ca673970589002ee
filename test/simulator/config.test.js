'use strict';

const { KNOBS, resolveConfig } = require('../../tools/metal-simulator/config');

describe('resolveConfig', () => {
	test('has documented defaults', () => {
		expect(resolveConfig({}, {})).toEqual({
			port: 0,
			clientId: 'ci_local_simulator',
			apiKey: 'sk_local_simulator',
			latencyMs: 0,
			rateLimit: 0,
			burst: null,
			retryAfterSeconds: null,
			retryAfterHttpDate: false,
			failRate: 0,
			failAfterCreate: false,
			resetRate: 0,
			resetAfterCreate: false,
			slowRate: 0,
			slowMs: 5000,
			faultRoutes: null,
			trickleMs: 0,
			redirectTo: null,
			redirectStatus: 302,
			runDurationMs: 2000,
			runOutcome: 'completed',
			runStatusCase: 'lower',
			openWorkflows: false,
			revokeAfter: null,
			seed: 1,
			maxNameLength: null,
			searchStarMatchesAll: false,
			searchPageCap: 20,
			maxPeopleIds: 100,
			peopleIdsMissing: 'omit',
			logFile: null,
		});
	});

	test('derives the flag and env names from the knob name', () => {
		const retryAfter = KNOBS.find((knob) => knob.name === 'retryAfterSeconds');
		expect(retryAfter).toMatchObject({
			flag: 'retry-after-seconds',
			env: 'METAL_SIM_RETRY_AFTER_SECONDS',
		});
	});

	test('parses env strings; options win over env; empty env values are ignored', () => {
		const config = resolveConfig(
			{ latencyMs: 5 },
			{
				METAL_SIM_LATENCY_MS: '100',
				METAL_SIM_FAIL_RATE: '0.25',
				METAL_SIM_FAIL_AFTER_CREATE: 'yes',
				METAL_SIM_FAULT_ROUTES: 'createWorkspace, getWorkspace',
				METAL_SIM_SLOW_MS: '',
			},
		);
		expect(config).toMatchObject({
			latencyMs: 5,
			failRate: 0.25,
			failAfterCreate: true,
			faultRoutes: ['createWorkspace', 'getWorkspace'],
			slowMs: 5000,
		});
	});

	test('reads the knobs of trickle, redirects, workflow runs, searches and people ids from env', () => {
		expect(
			resolveConfig(
				{},
				{
					METAL_SIM_TRICKLE_MS: '40',
					METAL_SIM_REDIRECT_TO: 'http://127.0.0.1:5679/',
					METAL_SIM_REDIRECT_STATUS: '307',
					METAL_SIM_RETRY_AFTER_SECONDS: '3600',
					METAL_SIM_RETRY_AFTER_HTTP_DATE: 'on',
					METAL_SIM_RUN_DURATION_MS: '0',
					METAL_SIM_RUN_OUTCOME: 'cancelled',
					METAL_SIM_RUN_STATUS_CASE: 'upper',
					METAL_SIM_OPEN_WORKFLOWS: 'true',
					METAL_SIM_FAULT_ROUTES: 'updateDeal,startWorkflowRun',
					METAL_SIM_SEARCH_PAGE_CAP: '50',
					METAL_SIM_MAX_PEOPLE_IDS: '3',
					METAL_SIM_PEOPLE_IDS_MISSING: 'notFound',
				},
			),
		).toMatchObject({
			trickleMs: 40,
			redirectTo: 'http://127.0.0.1:5679',
			redirectStatus: 307,
			retryAfterSeconds: 3600,
			retryAfterHttpDate: true,
			runDurationMs: 0,
			runOutcome: 'cancelled',
			runStatusCase: 'upper',
			openWorkflows: true,
			faultRoutes: ['updateDeal', 'startWorkflowRun'],
			searchPageCap: 50,
			maxPeopleIds: 3,
			peopleIdsMissing: 'notFound',
		});
	});

	test.each([
		[{ trickleMs: -1 }, 'trickleMs (option) must be an integer in 0..inf'],
		[{ searchPageCap: 0 }, 'searchPageCap (option) must be an integer in 1..inf'],
		[{ maxPeopleIds: 0 }, 'maxPeopleIds (option) must be an integer in 1..inf'],
		[{ peopleIdsMissing: 'error' }, 'peopleIdsMissing (option) must be one of omit, notFound'],
		[{ runOutcome: 'done' }, 'runOutcome (option) must be one of completed, failed, cancelled'],
		[{ runStatusCase: 'title' }, 'runStatusCase (option) must be one of lower, upper'],
		[{ runDurationMs: 1.5 }, 'runDurationMs (option) must be an integer'],
		[{ redirectStatus: '302x' }, 'redirectStatus (option) must be an integer'],
		[{ retryAfterSeconds: -1 }, 'retryAfterSeconds (option) must be a number in 0..inf'],
		[{ latencyMs: -1 }, 'latencyMs (option) must be an integer in 0..inf'],
		[{ latencyMs: 1.5 }, 'latencyMs (option) must be an integer'],
		[{ port: 70000 }, 'port (option) must be an integer in 0..65535'],
		[{ failAfterCreate: 'maybe' }, 'failAfterCreate (option) must be a boolean'],
		[{ clientId: '' }, 'clientId (option) must be a non-empty string'],
		[{ rateLimit: 'fast' }, 'rateLimit (option) must be a number'],
	])('rejects %j', (options, message) => {
		expect(() => resolveConfig(options, {})).toThrow(message);
	});

	test.each([
		[0, null],
		[0.5, 1],
		[2.5, 3],
	])('burst defaults to max(1, ceil(rateLimit)) for rateLimit %p', (rateLimit, burst) => {
		expect(resolveConfig({ rateLimit }, {}).burst).toBe(burst);
	});

	test('never echoes a malformed api key in the error', () => {
		expect(() => resolveConfig({ apiKey: 12345678 }, {})).toThrow(
			'apiKey (option) must be a non-empty string, got [redacted]',
		);
	});

	test('names the env variable of a bad env value', () => {
		expect(() => resolveConfig({}, { METAL_SIM_SEED: 'abc' })).toThrow(
			'seed (METAL_SIM_SEED) must be an integer',
		);
	});
});
