import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { interceptMetal } from '../../../../../helpers/metalNock';
import { CANARY_KEY, CLIENT_ID } from '../../../../../helpers/runMetalNode';
import { useVirtualClock } from '../../../../../helpers/virtualClock';
import { polled, RUN_ID, runAs, runOperation } from '../../../../../helpers/workflowRuns';

// Retries wait real seconds: a virtual clock records the waits instead.
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(),
}));
const clock = useVirtualClock(sleep as jest.MockedFunction<typeof sleep>);

const CANCEL = `/v1/workflow-runs/${RUN_ID}/cancel`;
const CANCELLED = runAs('cancelled', { completedAt: '2026-11-29T10:00:20Z' });
const cancel = (options: Parameters<typeof runOperation>[2] = {}, parameters: IDataObject = {}) =>
	runOperation('cancel', parameters, options);

type Reply = [status: number, body: object];

/** Metal answering the cancels with these replies, in turn. */
const cancelling = (...replies: Reply[]) =>
	interceptMetal({ path: CANCEL, times: replies.length, reply: (_, index) => replies[index] });

describe('Workflow Run → Cancel', () => {
	it('POST /v1/workflow-runs/{id}/cancel without a body: the run Metal answers with, paired', async () => {
		const requests = cancelling([200, { data: CANCELLED }]);
		const looks = polled(RUN_ID, CANCELLED);

		const { output, error } = await cancel();

		expect(error).toBeUndefined();
		expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([['POST', CANCEL, '']]);
		expect(requests[0].headers['content-length']).toBe('0');
		expect(requests[0].headers['x-metal-client-id']).toBe(CLIENT_ID);
		expect(requests[0].headers['x-metal-api-key']).toBe(CANARY_KEY);
		expect(looks).toHaveLength(0);
		expect(output).toEqual([{ json: CANCELLED, pairedItem: { item: 0 } }]);
	});

	it.each([
		['an empty object', [200, {}]],
		['data null', [200, { data: null }]],
		['a message only', [200, { message: 'Cancellation requested' }]],
		['no content (a 204)', [204]],
	] as Array<[string, [number, object?]]>)(
		'an answer of %s: the run is read, and output as Metal has it now',
		async (_, answer) => {
			const requests = interceptMetal({ path: CANCEL, reply: () => answer });
			const looks = polled(RUN_ID, CANCELLED);

			const { output, error } = await cancel();

			expect(error).toBeUndefined();
			expect(requests).toHaveLength(1);
			expect(looks.map((r) => [r.method, r.path])).toEqual([
				['GET', `/v1/workflow-runs/${RUN_ID}`],
			]);
			expect(output).toEqual([{ json: CANCELLED, pairedItem: { item: 0 } }]);
		},
	);

	it('a look at the run that fails after the cancel: the run counts as cancelled, and the error says so', async () => {
		cancelling([200, {}]);
		polled(RUN_ID, [404, { error: 'Run not found' }]);

		const { error } = await cancel();

		expect(error?.message).toBe(`Metal has no workflow run with the ID "${RUN_ID}"`);
		expect(error?.description?.split('\n')).toEqual([
			`Metal accepted the cancel of the workflow run ${RUN_ID}, but the node could not read the run afterwards. Check it with Workflow Run → Get and its ID.`,
			"Check the ID: it may be mistyped, or belong to a workflow run of another organization than the API key's. Use the ID from the output of Workflow Run → Start, or find the run with Workflow Run → Get Many.",
			'',
			'The run stopped at item 0.',
			`Cancelled: 0 (id ${RUN_ID}).`,
			'Not cancelled (never sent, or rate-limited and not sent again): none.',
			'Fix the cause, then run the items that were not cancelled again; a run cancelled twice stays cancelled.',
		]);
	});

	it('with Continue On Fail, that error item carries the run it names', async () => {
		cancelling([200, {}]);
		polled(RUN_ID, [404, { error: 'Run not found' }]);

		const { output } = await cancel({ onError: 'continueRegularOutput' });

		expect(output?.map((item) => [item.json.error, item.json.run, item.pairedItem])).toEqual([
			[`Metal has no workflow run with the ID "${RUN_ID}"`, { id: RUN_ID }, { item: 0 }],
		]);
	});

	it('server errors are retried, as for an update: cancelling twice ends the same', async () => {
		const requests = cancelling(
			[503, { error: 'unavailable' }],
			[500, { error: 'boom' }],
			[200, { data: CANCELLED }],
		);

		const { output } = await cancel();

		expect(requests).toHaveLength(3);
		expect(clock.waits()).toEqual([750, 1500]);
		expect(output).toEqual([{ json: CANCELLED, pairedItem: { item: 0 } }]);
	});

	it('server errors to the last try: the run may or may not have been cancelled', async () => {
		const requests = cancelling(
			...Array.from({ length: 6 }, (): Reply => [500, { error: 'boom' }]),
		);

		const { error } = await cancel();

		expect(requests).toHaveLength(5);
		expect(clock.waits()).toEqual([750, 1500, 3000, 6000]);
		expect(error?.message).toBe('Metal answered with a server error (500): boom');
		expect(error?.description?.split('\n')).toEqual([
			'The workflow run may or may not have been cancelled. Running this item again is safe: a run cancelled twice stays cancelled.',
			'',
			'The run stopped at item 0.',
			'Cancelled: none.',
			'May or may not have been cancelled (running them again is safe): 0.',
			'Not cancelled (never sent, or rate-limited and not sent again): none.',
			'Fix the cause, then run the items that were not cancelled again; a run cancelled twice stays cancelled.',
		]);
	});

	it('404: names the run, says it was not cancelled and where run IDs come from; the summary names the runs cancelled', async () => {
		const other = '6660aa000000000000000002';
		interceptMetal({ path: CANCEL, reply: () => [200, { data: CANCELLED }] });
		interceptMetal({
			path: `/v1/workflow-runs/${other}/cancel`,
			reply: () => [404, { error: 'Run not found' }],
		});

		const { error } = await cancel(
			{ items: [{ run: RUN_ID }, { run: other }, { run: RUN_ID }] },
			{
				workflowRunId: { __rl: true, mode: 'id', value: '={{ $json.run }}' },
				options: { maxConcurrency: 1 },
			},
		);

		expect(error?.message).toBe(`Metal has no workflow run with the ID "${other}"`);
		expect(error?.description?.split('\n')).toEqual([
			"The workflow run was not cancelled. Check the ID: it may be mistyped, or belong to a workflow run of another organization than the API key's. Use the ID from the output of Workflow Run → Start, or find the run with Workflow Run → Get Many.",
			'',
			'The run stopped at item 1.',
			`Cancelled: 0 (id ${RUN_ID}).`,
			'Failed, not cancelled: 1.',
			'Not cancelled (never sent, or rate-limited and not sent again): 2.',
			'Fix the cause, then run the items that were not cancelled again; a run cancelled twice stays cancelled.',
		]);
	});

	it('a run that has already ended: Metal’s refusal, and the run was not cancelled', async () => {
		const requests = cancelling([422, { error: 'Run is already completed' }]);

		const { error } = await cancel();

		expect(requests).toHaveLength(1);
		expect(error?.message).toBe('Metal could not process the request: Run is already completed');
		expect(error?.description?.split('\n')[0]).toBe(
			"The workflow run was not cancelled. This is usually a plan limit or a conflict, as Metal's message says. To raise a plan limit, contact support@metal.ai.",
		);
	});
});
