import { PollContext, PollTriggerExecutor, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionError,
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	WorkflowActivateMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { MetalTrigger } from '../../nodes/MetalTrigger/MetalTrigger.node';
import { n8nService } from './n8nServices';
import { testAdditionalData, TestNodeTypes, testWorkflowData } from './runMetalNode';

const TYPE = 'n8n-nodes-metal.metalTrigger';
export const TRIGGER_NAME = 'Metal Trigger';

function triggerNode(parameters: INodeParameters): INode {
	return {
		id: 'trigger',
		name: TRIGGER_NAME,
		type: TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { metalApi: { id: '1', name: 'Metal account' } },
	};
}

/** The workflow n8n builds from a stored one: the trigger alone, with the static data it saved. */
function triggerWorkflow(node: INode, staticData: IDataObject, active: boolean) {
	const nodeTypes = new TestNodeTypes({ [TYPE]: new MetalTrigger() });
	return new Workflow({
		id: 'test',
		nodes: [node],
		connections: {},
		nodeTypes,
		active,
		staticData,
	});
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** What one poll gave: the items of the execution n8n starts, or the error n8n records. */
export interface PollOutcome {
	events?: IDataObject[];
	error?: Error;
}

/**
 * The trigger in an active workflow, polled as n8n's server polls it: n8n-core's PollTriggerExecutor
 * runs every poll in a PollContext over one Workflow kept in memory while the workflow is active.
 * Its static data is saved to the "database" when a poll emits and after an activation, as n8n
 * saves it; `restart()` builds the workflow again from what was saved, as n8n does when it starts.
 */
export class ActiveTrigger {
	/** The static data of the workflow's row in n8n's database. */
	private saved: IDataObject = {};

	private workflow?: Workflow;

	private node: INode;

	private tick?: (testingTrigger?: boolean) => Promise<void>;

	private outcome: PollOutcome = {};

	/** The items of every execution the trigger started, in order. */
	readonly executions: IDataObject[][] = [];

	constructor(
		parameters: INodeParameters,
		private readonly credentials?: ICredentialDataDecryptedObject,
	) {
		this.node = triggerNode(parameters);
	}

	/**
	 * The workflow is activated (`activate`), or n8n starts with it active (`init`), or an active
	 * workflow is updated (`update`): n8n polls once at once, failing the activation if that poll
	 * fails, then saves the static data.
	 */
	async activate(mode: WorkflowActivateMode = 'activate'): Promise<PollOutcome> {
		const workflow = triggerWorkflow(this.node, copy(this.saved), true);
		const additionalData = testAdditionalData(
			this.credentials,
			'trigger',
			testWorkflowData([this.node], {}),
		);
		const emit = (data: INodeExecutionData[][]) => {
			this.save();
			this.outcome.events = data[0].map((item) => item.json);
			this.executions.push(this.outcome.events);
		};
		const emitError = (error: Error) => {
			this.outcome.error = error;
		};
		const context = new PollContext(
			workflow,
			this.node,
			additionalData,
			'trigger',
			mode,
			emit,
			emitError,
		);
		this.workflow = workflow;
		this.tick = n8nService(PollTriggerExecutor).create(workflow, this.node, context, () => true);
		this.outcome = {};
		try {
			await this.tick(true);
		} catch (error) {
			return { error: error as Error };
		}
		this.save();
		return this.outcome;
	}

	/** One poll at one of the Poll Times. */
	async poll(): Promise<PollOutcome> {
		if (this.tick === undefined) throw new Error('Activate the trigger first');
		this.outcome = {};
		await this.tick();
		return this.outcome;
	}

	/** The active workflow is edited and saved: n8n activates it again (`update`). */
	async update(parameters: INodeParameters): Promise<PollOutcome> {
		this.node = triggerNode(parameters);
		return await this.activate('update');
	}

	/** n8n stops (what was not saved is lost) and starts again with the workflow active. */
	async restart(): Promise<PollOutcome> {
		return await this.activate('init');
	}

	/** The trigger's static data as the active workflow holds it in memory. */
	get staticData(): IDataObject {
		return copy(this.workflow?.getStaticData('node', this.node) ?? {});
	}

	/** The size of the static data n8n saved, as JSON text, in bytes. */
	get savedBytes(): number {
		// Ids, keys and codes: ASCII, one byte a character.
		return JSON.stringify(this.saved).length;
	}

	/** n8n's saveStaticData: writes the workflow's static data when it changed. */
	private save() {
		const staticData = this.workflow?.staticData;
		if (staticData?.__dataChanged !== true) return;
		this.saved = copy(staticData);
		staticData.__dataChanged = false;
	}
}

/**
 * "Fetch Test Event" in the editor: a manual execution of the workflow from the trigger, through
 * n8n-core's WorkflowExecute. Returns the trigger's output or error (or n8n's refusal to run), and
 * the static data after it.
 */
export async function fetchTestEvent(
	parameters: INodeParameters,
	credentials?: ICredentialDataDecryptedObject,
): Promise<{ output?: INodeExecutionData[]; error?: ExecutionError; staticData: IDataObject }> {
	const node = triggerNode(parameters);
	const workflow = triggerWorkflow(node, {}, false);
	const additionalData = testAdditionalData(credentials, 'manual', testWorkflowData([node], {}));
	let run;
	try {
		run = await new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode: node });
	} catch (error) {
		// n8n refuses to run a workflow whose parameters have issues (a required one left empty).
		return { error: error as ExecutionError, staticData: copy(workflow.staticData) };
	}
	const task = run.data.resultData.runData[TRIGGER_NAME]?.[0];
	return {
		output: task?.data?.main[0] ?? undefined,
		error: task?.error,
		staticData: copy(workflow.staticData),
	};
}
