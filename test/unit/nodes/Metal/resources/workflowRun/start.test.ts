import nock from 'nock';
import { sleep } from 'n8n-workflow';

import { Metal } from '../../../../../../nodes/Metal/Metal.node';
import { interceptMetal } from '../../../../../helpers/metalNock';
import {
	CANARY_KEY,
	CLIENT_ID,
	runMetalNode,
	type RunOptions,
} from '../../../../../helpers/runMetalNode';
import { useVirtualClock } from '../../../../../helpers/virtualClock';

// Waiting for a run takes minutes: a virtual clock records the waits instead.
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(),
}));
const sleepMock = sleep as jest.MockedFunction<typeof sleep>;
const { sleep: realSleep } = jest.requireActual<typeof import('n8n-workflow')>('n8n-workflow');
const clock = useVirtualClock(sleepMock);

const WORKFLOW_ID = '665f1c2a9b1e4a0012a3b4c5';
const RUN_ID = '6660aa000000000000000001';
const START_PATH = `/v1/workflows/${WORKFLOW_ID}/runs`;
const RUN_PATH = `/v1/workflow-runs/${RUN_ID}`;
const INPUT = { company: 'Acme', years: [2024, 2025] };

/** A run as Metal answers it. */
const runAs = (status: string, extra: Record<string, unknown> = {}) => ({
	id: RUN_ID,
	workflowId: WORKFLOW_ID,
	status,
	input: INPUT,
	createdAt: '2026-11-29T10:00:00Z',
	...extra,
});
const COMPLETED = runAs('completed', {
	output: { memo: 'Acme: strong buy' },
	completedAt: '2026-11-29T10:00:30Z',
});

const workflow = (value: string = WORKFLOW_ID) => ({ __rl: true, mode: 'id', value });

function start(parameters: Record<string, unknown>, options: Omit<RunOptions, 'parameters'> = {}) {
	return runMetalNode({
		...options,
		parameters: {
			resource: 'workflowRun',
			operation: 'start',
			workflowId: workflow(),
			input: JSON.stringify(INPUT),
			...parameters,
		} as RunOptions['parameters'],
	});
}

/** Metal starting the run: answers `run` to the POST. */
const starting = (run: object = runAs('running')) =>
	interceptMetal({ path: START_PATH, reply: () => [201, { data: run }] });

type Reply = [status: number, body: object, headers?: Record<string, string>];
type Answer = object | Reply;

/** Metal answering the looks at the run: a run (status 200), or a status and a body. */
const polled = (...answers: Answer[]) =>
	interceptMetal({
		method: 'get',
		path: RUN_PATH,
		times: answers.length,
		reply: (_, index) => {
			const answer = answers[index];
			return Array.isArray(answer) ? (answer as Reply) : [200, { data: answer }];
		},
	});

const waiting = (more: Record<string, unknown> = {}) => ({ waitForCompletion: true, ...more });

describe('Workflow Run → Start: the request', () => {
	it('POST /v1/workflows/{id}/runs with { input }: without waiting, the run as Metal answers it', async () => {
		const requests = starting();

		const { output, error } = await start({});

		expect(error).toBeUndefined();
		expect(requests).toHaveLength(1);
		const [request] = requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe(START_PATH);
		expect(request.headers['x-metal-client-id']).toBe(CLIENT_ID);
		expect(request.headers['x-metal-api-key']).toBe(CANARY_KEY);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toEqual({ input: INPUT });
		expect(output).toEqual([{ json: runAs('running'), pairedItem: { item: 0 } }]);
		expect(clock.waits()).toEqual([]);
	});

	it('each item starts its own run of its own workflow, with its own input, paired with it', async () => {
		const items = [
			{ workflow: '665f1c2a9b1e4a0012a3b001', company: 'Acme' },
			{ workflow: '665f1c2a9b1e4a0012a3b002', company: 'Globex' },
		];
		const requests = items.map((item, index) =>
			interceptMetal({
				path: `/v1/workflows/${item.workflow}/runs`,
				reply: (body) => [
					201,
					{ data: { id: `run-${index}`, status: 'queued', ...(body as object) } },
				],
			}),
		);

		const { output, error } = await start(
			{
				workflowId: workflow('={{ $json.workflow }}'),
				input: '={{ { company: $json.company } }}',
			},
			{ items },
		);

		expect(error).toBeUndefined();
		expect(requests.map(([request]) => request.body)).toEqual([
			{ input: { company: 'Acme' } },
			{ input: { company: 'Globex' } },
		]);
		expect(output).toEqual([
			{
				json: { id: 'run-0', status: 'queued', input: { company: 'Acme' } },
				pairedItem: { item: 0 },
			},
			{
				json: { id: 'run-1', status: 'queued', input: { company: 'Globex' } },
				pairedItem: { item: 1 },
			},
		]);
	});

	it('an empty object is a valid input', async () => {
		const requests = starting();

		await start({ input: '{}' });

		expect(requests[0].body).toEqual({ input: {} });
	});

	it('404: names the workflow ID and says where to find the right one', async () => {
		interceptMetal({ path: START_PATH, reply: () => [404, { error: 'Workflow not found' }] });

		const { error } = await start({});

		expect(error?.message).toBe(`Metal has no workflow with the ID "${WORKFLOW_ID}"`);
		expect(error?.description?.split('\n')[0]).toBe(
			"No workflow run was started. Check the ID: it may be mistyped, or belong to a workflow of another organization than the API key's. Pick the workflow From List, or copy its ID from Metal.",
		);
	});

	it('a 500 is never retried: the run may have started, and the summary says so', async () => {
		interceptMetal({ path: START_PATH, times: 2, reply: () => [500, { error: 'boom' }] });

		const { error } = await start(waiting());

		expect(nock.pendingMocks()).toHaveLength(1);
		expect(clock.waits()).toEqual([]);
		expect(error?.description?.split('\n')).toEqual([
			'The workflow run may or may not have been started: check in Metal before running this item again. The node does not retry it by itself, so that it is never started twice.',
			'',
			'The run stopped at item 0.',
			'Started: none.',
			'May or may not have been started (check in Metal before running them again): 0.',
			'Not started (never sent, or rate-limited and not sent again): none.',
			'Fix the cause, then run only the items that were not started. Retry On Fail is not needed: it would send every item again.',
		]);
	});
});

describe('Workflow Run → Start: Wait for Completion', () => {
	it('looks at the run every Poll Interval until it has completed, in any case, and outputs it', async () => {
		const requests = polled(runAs('queued'), runAs('Running'), {
			...COMPLETED,
			status: 'COMPLETED',
		});
		starting();

		const { output, error } = await start(waiting());

		expect(error).toBeUndefined();
		expect(requests.map((r) => [r.method, r.path])).toEqual(
			Array.from({ length: 3 }, () => ['GET', RUN_PATH]),
		);
		expect(requests[0].headers['x-metal-api-key']).toBe(CANARY_KEY);
		expect(clock.waits()).toEqual([10_000, 10_000, 10_000]);
		expect(output).toEqual([
			{ json: { ...COMPLETED, status: 'COMPLETED' }, pairedItem: { item: 0 } },
		]);
	});

	it('a run the start already reports as completed is not looked at again', async () => {
		starting(COMPLETED);
		const requests = polled(COMPLETED);

		const { output } = await start(waiting());

		expect(requests).toHaveLength(0);
		expect(clock.waits()).toEqual([]);
		expect(output).toEqual([{ json: COMPLETED, pairedItem: { item: 0 } }]);
	});

	it('by default it waits 10 minutes: 60 looks, 10 s apart, then an error naming the run', async () => {
		starting();
		const requests = polled(...Array.from({ length: 61 }, () => runAs('running')));
		const started = clock.now();

		const { output, error } = await start(waiting());

		expect(requests).toHaveLength(60);
		expect(clock.waits()).toEqual(Array.from({ length: 60 }, () => 10_000));
		expect(clock.now() - started).toBe(600_000);
		expect(output).toBeUndefined();
		expect(error?.message).toBe(
			`The workflow run ${RUN_ID} is still running after 10 minutes (status "running")`,
		);
		expect(error?.description?.split('\n')).toEqual([
			'The node stopped waiting at Max Wait; the run goes on in Metal. Check it later with Workflow Run → Get and its ID rather than starting it again. To wait longer, raise Max Wait.',
			'',
			'The run stopped at item 0.',
			`Started: 0 (id ${RUN_ID}).`,
			'Not started (never sent, or rate-limited and not sent again): none.',
			'Fix the cause, then run only the items that were not started. Retry On Fail is not needed: it would send every item again.',
		]);
	});

	it.each([
		['30 s within 2 minutes: the last look at Max Wait', 30, 2, [30_000, 30_000, 30_000, 30_000]],
		['45 s within 2 minutes: the last wait is shorter', 45, 2, [45_000, 45_000, 30_000]],
		['an hour within 1 minute', 3600, 1, [60_000]],
	])('Poll Interval and Max Wait: %s', async (_, pollInterval, maxWait, waits) => {
		starting();
		const requests = polled(...Array.from({ length: 10 }, () => runAs('running')));

		const { error } = await start(waiting({ pollInterval, maxWait }));

		expect(clock.waits()).toEqual(waits);
		expect(requests).toHaveLength(waits.length);
		expect(error?.message).toBe(
			`The workflow run ${RUN_ID} is still running after ${maxWait === 1 ? '1 minute' : `${maxWait} minutes`} (status "running")`,
		);
	});

	it.each([
		[
			'failed',
			'The workflow run 6660aa000000000000000001 failed',
			'Metal reports the run as failed. See why in Metal, fix the cause (often the input), then start a new run.',
		],
		[
			'Cancelled',
			'The workflow run 6660aa000000000000000001 was cancelled',
			'Metal reports the run as cancelled: it was stopped in Metal before it finished. Start a new run if its result is still needed.',
		],
	])(
		'a run that ends %s is an error for its item; the summary counts it as started',
		async (status, message, description) => {
			starting();
			polled(runAs('running'), runAs(status));

			const { output, error } = await start(waiting());

			expect(output).toBeUndefined();
			expect(clock.waits()).toEqual([10_000, 10_000]);
			expect(error?.message).toBe(message);
			expect(error?.description?.split('\n')).toEqual([
				description,
				'',
				'The run stopped at item 0.',
				`Started: 0 (id ${RUN_ID}).`,
				'Not started (never sent, or rate-limited and not sent again): none.',
				'Fix the cause, then run only the items that were not started. Retry On Fail is not needed: it would send every item again.',
			]);
		},
	);

	it("as an AI agent's tool, a failed run says what failed and how to fix it, and nothing more", async () => {
		starting();
		polled(runAs('failed'));

		const { error } = await start(waiting(), {
			nodeType: { name: 'n8n-nodes-metal.metalTool', type: new Metal() },
		});

		expect(error?.message).toBe(`The workflow run ${RUN_ID} failed`);
		expect(error?.description).toBe(
			'Metal reports the run as failed. See why in Metal, fix the cause (often the input), then start a new run.',
		);
	});

	it('with Continue On Fail, a failed run is an error item that carries the run', async () => {
		const failed = runAs('failed', { completedAt: '2026-11-29T10:01:00Z' });
		starting(failed);

		const { output } = await start(waiting(), { onError: 'continueRegularOutput' });

		expect(output?.map((item) => [item.json, item.pairedItem])).toEqual([
			[
				{
					error: `The workflow run ${RUN_ID} failed`,
					details:
						'Metal reports the run as failed. See why in Metal, fix the cause (often the input), then start a new run.',
					run: failed,
				},
				{ item: 0 },
			],
		]);
	});

	it('with the error output, a cancelled run goes there (by error and message alone, which name the run: what n8n 1.x routes), a completed one to the main output', async () => {
		const other = '6660aa000000000000000002';
		const cancelled = { ...runAs('cancelled'), id: other };
		interceptMetal({
			path: START_PATH,
			times: 2,
			reply: (body) => [
				201,
				{ data: (body as { input: { n: number } }).input.n === 0 ? COMPLETED : cancelled },
			],
		});

		const { output, errorOutput } = await start(
			{ input: '={{ { n: $json.n } }}', ...waiting() },
			{ items: [{ n: 0 }, { n: 1 }], onError: 'continueErrorOutput' },
		);

		expect(output).toEqual([{ json: COMPLETED, pairedItem: { item: 0 } }]);
		expect(errorOutput?.map((item) => [item.json, item.pairedItem])).toEqual([
			[
				{
					n: 1,
					error: `The workflow run ${other} was cancelled`,
					message:
						'Metal reports the run as cancelled: it was stopped in Metal before it finished. Start a new run if its result is still needed.',
				},
				{ item: 1 },
			],
		]);
	});

	it('a 429 while polling is retried after a backoff, through the gate, and the wait goes on', async () => {
		starting();
		const requests = polled([429, { error: 'rate limit exceeded' }], runAs('running'), COMPLETED);

		const { output } = await start(waiting());

		expect(requests).toHaveLength(3);
		expect(clock.waits()).toEqual([10_000, 750, 10_000]);
		expect(output).toEqual([{ json: COMPLETED, pairedItem: { item: 0 } }]);
	});

	it('the time a 429 costs counts against Max Wait: a Retry-After past it ends the wait at once', async () => {
		starting();
		const requests = polled(
			[429, { error: 'rate limit exceeded' }, { 'Retry-After': '50' }],
			runAs('running'),
			runAs('running'),
		);
		const started = clock.now();

		const { error } = await start(waiting({ pollInterval: 30, maxWait: 1 }));

		// A look at 30 s is asked to wait 50 s: past Max Wait (60 s), so no second look.
		expect(clock.waits()).toEqual([30_000]);
		expect(clock.now() - started).toBe(30_000);
		expect(requests).toHaveLength(1);
		expect(error?.message).toBe(
			`The workflow run ${RUN_ID} is still running after 1 minute (status "running")`,
		);
		expect(error?.description?.split('\n')[0]).toBe(
			"The node stopped waiting at Max Wait; the run goes on in Metal. The last look at it failed: Metal's rate limit was still exceeded after 1 try: rate limit exceeded. Check it later with Workflow Run → Get and its ID rather than starting it again. To wait longer, raise Max Wait.",
		);
	});

	it('a look near Max Wait is retried only while Max Wait lasts, not for its own 2 minutes', async () => {
		starting();
		const requests = polled(
			...Array.from({ length: 10 }, (): Answer => [503, { error: 'unavailable' }]),
		);
		const started = clock.now();

		const { error } = await start(waiting({ pollInterval: 55, maxWait: 1 }));

		// The look at 55 s fails, and its retries back off 0.75 s and 1.5 s; the next (3 s) would
		// start past 60 s, so the wait ends there rather than trying on.
		expect(clock.waits()).toEqual([55_000, 750, 1_500]);
		expect(clock.now() - started).toBeLessThanOrEqual(60_000);
		expect(requests).toHaveLength(3);
		expect(error?.message).toBe(
			`The workflow run ${RUN_ID} is still running after 1 minute (status "running")`,
		);
		expect(error?.description?.split('\n')[0]).toBe(
			'The node stopped waiting at Max Wait; the run goes on in Metal. The last look at it failed: Metal answered with a server error (503): unavailable. Check it later with Workflow Run → Get and its ID rather than starting it again. To wait longer, raise Max Wait.',
		);
	});

	it('a look that fails for good says the run was started, and names it', async () => {
		starting();
		polled(runAs('running'), [404, { error: 'Run not found' }]);

		const { error } = await start(waiting());

		expect(error?.message).toBe(`Metal has no workflow run with the ID "${RUN_ID}"`);
		expect(error?.description?.split('\n')).toEqual([
			`The workflow run ${RUN_ID} was started, but the node could not follow it. Check it later with Workflow Run → Get and its ID rather than starting it again.`,
			"Check the ID: it may be mistyped, or belong to a workflow run of another organization than the API key's. Use the ID from the output of Workflow Run → Start, or find the run with Workflow Run → Get Many.",
			'',
			'The run stopped at item 0.',
			`Started: 0 (id ${RUN_ID}).`,
			'Not started (never sent, or rate-limited and not sent again): none.',
			'Fix the cause, then run only the items that were not started. Retry On Fail is not needed: it would send every item again.',
		]);
	});

	it('a server error while polling is retried as a read', async () => {
		starting();
		const requests = polled([503, { error: 'unavailable' }], COMPLETED);

		const { output } = await start(waiting());

		expect(requests).toHaveLength(2);
		expect(clock.waits()).toEqual([10_000, 750]);
		expect(output).toHaveLength(1);
	});

	it.each([
		['no ID', runAs('running', { id: undefined })],
		['an ID that is not a Metal ID', runAs('running', { id: '../../v1/keys/current' })],
	])(
		'a started run with %s cannot be waited for: an error, and nothing else is sent',
		async (_, run) => {
			starting(run);

			const { error } = await start(waiting());

			expect(nock.pendingMocks()).toEqual([]);
			expect(error?.message).toBe('Metal started the workflow run but answered without its ID');
		},
	);
});

describe('Workflow Run → Start: the wait ends at once when the run stops', () => {
	it('cancelling the execution wakes the wait: no further look; the item is the run as last seen', async () => {
		starting();
		const requests = polled(runAs('running'), runAs('running'), COMPLETED);
		let execution: { cancel(): void } | undefined;
		// The second wait sleeps for real, and the execution is cancelled 50 ms into it.
		sleepMock.mockImplementation(async (ms, signal) => {
			if (sleepMock.mock.calls.length === 2) {
				void realSleep(50).then(() => execution?.cancel());
				await realSleep(ms, signal);
			}
		});
		const started = performance.now();

		const { run, output } = await start(waiting(), {
			onStart: (e) => {
				execution = e;
			},
		});

		expect(performance.now() - started).toBeLessThan(5_000);
		expect(requests).toHaveLength(1);
		expect(run.status).toBe('canceled');
		// The run was started all the same: the item is the run as last seen.
		expect(output).toEqual([{ json: runAs('running'), pairedItem: { item: 0 } }]);
	});

	it('another item failing ends the wait of a started run: it counts as started', async () => {
		interceptMetal({
			path: START_PATH,
			times: 2,
			reply: (body) =>
				(body as { input: { n: number } }).input.n === 0
					? [201, { data: runAs('running') }]
					: [400, { error: 'input.company is required' }],
		});
		const requests = polled(COMPLETED);
		// Item 0's wait sleeps for real until the run stops.
		sleepMock.mockImplementation(async (ms, signal) => await realSleep(ms, signal));
		const started = performance.now();

		const { error } = await start(
			{ input: '={{ { n: $json.n } }}', ...waiting() },
			{ items: [{ n: 0 }, { n: 1 }] },
		);

		expect(performance.now() - started).toBeLessThan(5_000);
		expect(requests).toHaveLength(0);
		expect(error?.message).toBe('Metal rejected the request as invalid: input.company is required');
		expect(error?.description?.split('\n').slice(2)).toEqual([
			'The run stopped at item 1.',
			`Started: 0 (id ${RUN_ID}).`,
			'Failed, nothing started: 1.',
			'Not started (never sent, or rate-limited and not sent again): none.',
			'Fix the cause, then run only the items that were not started. Retry On Fail is not needed: it would send every item again.',
		]);
	});
});

describe('Workflow Run → Start: many waiting items', () => {
	it('200 items wait within the cap: at most Max Concurrent Requests runs followed at once, one look per interval each', async () => {
		const count = 200;
		const cap = 50;
		const runId = (n: number) => `6660bb${String(n).padStart(18, '0')}`;
		const looks = new Map<string, number>();
		let following = 0;
		let mostFollowed = 0;
		interceptMetal({
			path: START_PATH,
			times: count,
			reply: (body) => {
				following++;
				mostFollowed = Math.max(mostFollowed, following);
				const { n } = (body as { input: { n: number } }).input;
				return [201, { data: { id: runId(n), status: 'running' } }];
			},
		});
		let inFlight = 0;
		let mostInFlight = 0;
		interceptMetal({
			method: 'get',
			path: /^\/v1\/workflow-runs\/6660bb\d{18}$/,
			times: count * 3,
			reply: async (_, __, path) => {
				const id = path.split('/').pop() as string;
				const seen = (looks.get(id) ?? 0) + 1;
				looks.set(id, seen);
				inFlight++;
				mostInFlight = Math.max(mostInFlight, inFlight);
				await realSleep(2);
				inFlight--;
				if (seen < 3) return [200, { data: { id, status: 'running' } }];
				following--;
				return [200, { data: { id, status: 'completed' } }];
			},
		});
		// Time stands still here, so that no run times out; each wait yields to the others.
		sleepMock.mockImplementation(async () => await realSleep(1));

		const { output } = await start(
			{ input: '={{ { n: $json.n } }}', ...waiting() },
			{ items: Array.from({ length: count }, (_, n) => ({ n })) },
		);

		expect(output).toHaveLength(count);
		expect(mostFollowed).toBe(cap);
		expect(mostInFlight).toBeLessThanOrEqual(cap);
		expect([...looks.values()]).toEqual(Array.from({ length: count }, () => 3));
		expect(clock.waits()).toEqual(Array.from({ length: count * 3 }, () => 10_000));
		expect(output?.map((item) => [item.json.id, item.pairedItem])).toEqual(
			Array.from({ length: count }, (_, n) => [runId(n), { item: n }]),
		);
	});
});

describe('Workflow Run → Start: sends nothing for a bad parameter', () => {
	it.each([
		[
			'Poll Interval (Seconds)',
			{ pollInterval: 0 },
			'the number 0, not a whole number from 1 to 3600',
		],
		[
			'Poll Interval (Seconds)',
			{ pollInterval: 2.5 },
			'the number 2.5, not a whole number from 1 to 3600',
		],
		['Max Wait (Minutes)', { maxWait: 1441 }, 'the number 1441, not a whole number from 1 to 1440'],
		[
			'Wait for Completion',
			{ waitForCompletion: '={{ "maybe" }}' },
			'the text "maybe", not true or false',
		],
	])('%s: %j', async (label, parameters, problem) => {
		const requests = starting();

		const { error } = await start({ ...waiting(), ...parameters });

		expect(error?.message).toBe(`The "${label}" parameter in item 0 is ${problem}`);
		expect(requests).toHaveLength(0);
	});

	it('Poll Interval and Max Wait are not read without Wait for Completion', async () => {
		starting();

		const { error, output } = await start({ pollInterval: 0, maxWait: 'soon' });

		expect(error).toBeUndefined();
		expect(output).toHaveLength(1);
	});
});
