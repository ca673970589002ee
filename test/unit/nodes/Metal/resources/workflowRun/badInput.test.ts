import { sleep } from 'n8n-workflow';

import {
	CORPUS,
	expectOutcome,
	requiredRule,
	RULES,
	type Outcome,
} from '../../../../../helpers/corpus';
import { JSON_CORPUS, JSON_ITEM } from '../../../../../helpers/jsonCorpus';
import { interceptMetal, type RecordedRequest } from '../../../../../helpers/metalNock';
import { runMetalNode, type NodeRun, type RunOptions } from '../../../../../helpers/runMetalNode';
import { useVirtualClock } from '../../../../../helpers/virtualClock';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(),
}));
const clock = useVirtualClock(sleep as jest.MockedFunction<typeof sleep>);

const WORKFLOW_ID = '665f1c2a9b1e4a0012a3b4c5';
const RUN_ID = '6660aa000000000000000001';
const locator = (value: string) => ({ __rl: true, mode: 'id', value });

/** Workflow Run → Start with these parameters; each look at the run finds it `status`. */
async function start(parameters: Record<string, unknown>, status = 'running') {
	const requests = interceptMetal({
		path: /^\/v1\/workflows\/.*\/runs$/,
		reply: () => [201, { data: { id: RUN_ID, status: 'running' } }],
	});
	const looks = interceptMetal({
		method: 'get',
		path: `/v1/workflow-runs/${RUN_ID}`,
		times: 50,
		reply: () => [200, { data: { id: RUN_ID, status } }],
	});
	const run = await runMetalNode({
		items: [JSON_ITEM],
		parameters: {
			resource: 'workflowRun',
			operation: 'start',
			workflowId: locator(WORKFLOW_ID),
			input: '{}',
			...parameters,
		} as RunOptions['parameters'],
	});
	return { run, requests, looks };
}

/** The outcome of a run option: refused before anything is sent, or what the wait did. */
function expectOption(
	outcome: Outcome,
	{ error }: NodeRun,
	requests: RecordedRequest[],
	label: string,
	whenRead: () => void,
) {
	if ('error' in outcome) {
		expect(error?.message.startsWith(`The "${label}" parameter in item 0 is `)).toBe(true);
		expect(error?.description?.startsWith(label)).toBe(true);
		expect(requests).toHaveLength(0);
	} else {
		whenRead();
	}
}

describe('Workflow Run → Start: Metal Workflow', () => {
	it.each(CORPUS)('%s', async (_, expression, value) => {
		const { run, requests } = await start({ workflowId: locator(`={{ ${expression} }}`) });

		expectOutcome(requiredRule(RULES.metalId)(value), run, requests, {
			label: 'Metal Workflow',
			field: () => requests[0]?.path.split('/')[3],
		});
	});
});

describe('Workflow Run → Start: Input, a JSON object', () => {
	it.each(JSON_CORPUS)('%s', async (_, expression, outcome) => {
		const { run, requests } = await start({ input: `={{ ${expression} }}` });

		expectOutcome(outcome, run, requests, { label: 'Input', field: (body) => body.input });
	});

	it('a JSON object typed in the editor is sent as that object', async () => {
		const { requests } = await start({ input: '{\n  "company": "Acme",\n  "depth": 2\n}' });

		expect(requests[0].body).toEqual({ input: { company: 'Acme', depth: 2 } });
	});
});

describe('Workflow Run → Start: Wait for Completion', () => {
	it.each(CORPUS)('%s', async (_, expression, value) => {
		const outcome = RULES.boolean(value);
		const { run, requests, looks } = await start({
			waitForCompletion: `={{ ${expression} }}`,
			maxWait: 1,
			pollInterval: 60,
		});

		expectOption(outcome, run, requests, 'Wait for Completion', () => {
			// Blank is the default: not waiting.
			const waits = 'sent' in outcome && outcome.sent === true;
			expect(looks).toHaveLength(waits ? 1 : 0);
		});
	});
});

describe.each([
	['Poll Interval (Seconds)', 'pollInterval', { min: 1, max: 3600, integer: true }],
	['Max Wait (Minutes)', 'maxWait', { min: 1, max: 1440, integer: true }],
])('Workflow Run → Start: %s', (label, name, bounds) => {
	it.each(CORPUS)('%s', async (_, expression, value) => {
		const outcome = RULES.number(bounds)(value);
		const other = name === 'pollInterval' ? { maxWait: 60 } : { pollInterval: 60 };
		const { run, requests, looks } = await start(
			{ waitForCompletion: true, ...other, [name]: `={{ ${expression} }}` },
			name === 'pollInterval' ? 'completed' : 'running',
		);

		expectOption(outcome, run, requests, label, () => {
			// Blank is the default: 10 seconds, 10 minutes.
			const read = 'sent' in outcome ? (outcome.sent as number) : 10;
			if (name === 'pollInterval') {
				expect(clock.waits()[0]).toBe(read * 1000);
			} else {
				expect(looks).toHaveLength(read);
				expect(run.error?.message).toBe(
					`The workflow run ${RUN_ID} is still running after ${read === 1 ? '1 minute' : `${read} minutes`} (status "running")`,
				);
			}
		});
	});
});

describe('Workflow Run → Get: Workflow Run', () => {
	it.each(CORPUS)('%s', async (_, expression, value) => {
		const requests = interceptMetal({
			method: 'get',
			path: /^\/v1\/workflow-runs\//,
			reply: () => [200, { data: { id: RUN_ID } }],
		});

		const run = await runMetalNode({
			parameters: {
				resource: 'workflowRun',
				operation: 'get',
				workflowRunId: locator(`={{ ${expression} }}`),
			},
		});

		expectOutcome(requiredRule(RULES.metalId)(value), run, requests, {
			label: 'Workflow Run',
			field: () => requests[0]?.path.split('/')[3],
		});
	});
});
