import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { interceptMetal } from '../../../../../helpers/metalNock';
import { CANARY_KEY, CLIENT_ID, type RunOptions } from '../../../../../helpers/runMetalNode';
import { useVirtualClock } from '../../../../../helpers/virtualClock';
import { polled, RUN_ID, runAs, runOperation } from '../../../../../helpers/workflowRuns';

// Waiting for a run takes minutes: a virtual clock records the waits instead.
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(),
}));
const clock = useVirtualClock(sleep as jest.MockedFunction<typeof sleep>);
const { sleep: realSleep } = jest.requireActual<typeof import('n8n-workflow')>('n8n-workflow');

/** The run Metal starts for a retry or a rerun: another run, with its own ID. */
const NEW_ID = '6660aa000000000000000099';
const started = (status: string, extra = {}) => runAs(status, { id: NEW_ID, ...extra });
const COMPLETED = started('completed', { output: { memo: 'Acme: strong buy' } });

describe.each([
	['retry', 'Retried', 'retried'],
	['rerun', 'Rerun', 'rerun'],
])('Workflow Run → %s', (action, Done, past) => {
	const path = `/v1/workflow-runs/${RUN_ID}/${action}`;
	const run = (parameters: IDataObject = {}, options: Omit<RunOptions, 'parameters'> = {}) =>
		runOperation(action, parameters, options);
	const answering = (reply: () => [number, object] | Promise<[number, object]>, times = 1) =>
		interceptMetal({ path, times, reply });
	const mayHaveBeen = `The workflow run may or may not have been ${past}: check in Metal before running this item again. The node does not retry it by itself, so that it is never ${past} twice.`;
	const summary = (done: string, unknown?: string) => [
		'',
		'The run stopped at item 0.',
		`${Done}: ${done}.`,
		...(unknown
			? [`May or may not have been ${past} (check in Metal before running them again): ${unknown}.`]
			: []),
		`Not ${past} (never sent, or rate-limited and not sent again): none.`,
		`Fix the cause, then run only the items that were not ${past}. Retry On Fail is not needed: it would send every item again.`,
	];

	it(`POST /v1/workflow-runs/{id}/${action} without a body: the run Metal starts, paired`, async () => {
		const requests = answering(() => [201, { data: started('queued') }]);

		const { output, error } = await run();

		expect(error).toBeUndefined();
		expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([['POST', path, '']]);
		expect(requests[0].headers['x-metal-client-id']).toBe(CLIENT_ID);
		expect(requests[0].headers['x-metal-api-key']).toBe(CANARY_KEY);
		expect(output).toEqual([{ json: started('queued'), pairedItem: { item: 0 } }]);
		expect(clock.waits()).toEqual([]);
	});

	it('a 500 is never sent again: the run may or may not have been started again', async () => {
		const requests = answering(() => [500, { error: 'boom' }], 2);

		const { error } = await run();

		expect(requests).toHaveLength(1);
		expect(clock.waits()).toEqual([]);
		expect(error?.message).toBe('Metal answered with a server error (500): boom');
		expect(error?.description?.split('\n')).toEqual([mayHaveBeen, ...summary('none', '0')]);
	});

	it('a timeout is never sent again either', async () => {
		const requests = answering(async () => {
			await realSleep(300);
			return [201, { data: started('queued') }];
		}, 2);

		const { error } = await run({ options: { timeout: 100 } });

		expect(requests).toHaveLength(1);
		expect(error?.message).toBe('Metal did not answer within 100 ms');
		expect(error?.description?.split('\n')[0]).toBe(mayHaveBeen);
	});

	it(`404: names the run, and says that none was ${past}`, async () => {
		answering(() => [404, { error: 'Run not found' }]);

		const { error } = await run();

		expect(error?.message).toBe(`Metal has no workflow run with the ID "${RUN_ID}"`);
		expect(error?.description?.split('\n')[0]).toBe(
			`No workflow run was ${past}. Check the ID: it may be mistyped, or belong to a workflow run of another organization than the API key's. Use the ID from the output of Workflow Run → Start, or find the run with Workflow Run → Get Many.`,
		);
	});

	it('Wait for Completion follows the run Metal answered with, not the one named', async () => {
		answering(() => [201, { data: started('queued') }]);
		const looks = polled(NEW_ID, started('running'), COMPLETED);
		const old = polled(RUN_ID, runAs('failed'));

		const { output, error } = await run({ waitForCompletion: true });

		expect(error).toBeUndefined();
		expect(looks.map((r) => [r.method, r.path])).toEqual(
			Array.from({ length: 2 }, () => ['GET', `/v1/workflow-runs/${NEW_ID}`]),
		);
		expect(old).toHaveLength(0);
		expect(clock.waits()).toEqual([10_000, 10_000]);
		expect(output).toEqual([{ json: COMPLETED, pairedItem: { item: 0 } }]);
	});

	it(`a run that fails again is an error naming it; the summary counts it as ${past}`, async () => {
		answering(() => [201, { data: started('running') }]);
		polled(NEW_ID, started('failed'));

		const { error } = await run({ waitForCompletion: true, pollInterval: 30 });

		expect(clock.waits()).toEqual([30_000]);
		expect(error?.message).toBe(`The workflow run ${NEW_ID} failed`);
		expect(error?.description?.split('\n')).toEqual([
			'Metal reports the run as failed. See why in Metal, fix the cause (often the input), then start a new run.',
			...summary(`0 (id ${NEW_ID})`),
		]);
	});

	it('an answer that shows the run as it was (retried in place, still failed) is not taken for the outcome: the looks are', async () => {
		answering(() => [200, { data: runAs('failed') }]);
		const looks = polled(RUN_ID, runAs('running'), runAs('completed'));

		const { output, error } = await run({ waitForCompletion: true });

		expect(error).toBeUndefined();
		expect(looks).toHaveLength(2);
		expect(clock.waits()).toEqual([10_000, 10_000]);
		expect(output).toEqual([{ json: runAs('completed'), pairedItem: { item: 0 } }]);
	});

	it('with Continue On Fail, the failed run is an error item that carries it', async () => {
		answering(() => [201, { data: started('running') }]);
		polled(NEW_ID, started('failed'));

		const { output } = await run({ waitForCompletion: true }, { onError: 'continueRegularOutput' });

		expect(output).toEqual([
			{
				json: {
					error: `The workflow run ${NEW_ID} failed`,
					details:
						'Metal reports the run as failed. See why in Metal, fix the cause (often the input), then start a new run.',
					run: started('failed'),
				},
				pairedItem: { item: 0 },
			},
		]);
	});
});
