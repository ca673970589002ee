import { ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionError,
	IConnections,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	INodeTypeDescription,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeConnectionTypes, Workflow } from 'n8n-workflow';

import { Metal } from '../../nodes/Metal/Metal.node';
import { TestCredentialsHelper } from './credentialsHelper';

export const BASE_URL = 'https://api.metal.ai';
export const CLIENT_ID = 'ci_test_client';
// A stand-in for the API key, looked for in everything a run returns: it must never leak.
export const CANARY_KEY = 'dummy-canary-5f2b9c8e1d';
export const CREDENTIALS = { clientId: CLIENT_ID, apiKey: CANARY_KEY, baseUrl: BASE_URL };

/** Emits the items given as JSON text: the input of the node under test. */
class TestInput implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Input',
		name: 'testInput',
		group: ['input'],
		version: 1,
		description: 'Emits fixed items',
		usableAsTool: true,
		defaults: { name: 'Input' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions) {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
		return [items.map((json) => ({ json }))];
	}
}

export class TestNodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType>) {}

	getByName(type: string): INodeType {
		const nodeType = this.types[type];
		if (nodeType === undefined) throw new Error(`Unknown node type ${type}`);
		return nodeType;
	}

	getByNameAndVersion(type: string): INodeType {
		return this.getByName(type);
	}

	getKnownTypes() {
		return {};
	}
}

export interface RunOptions {
	items?: IDataObject[];
	parameters: INodeParameters;
	credentials?: ICredentialDataDecryptedObject;
	onError?: INode['onError'];
	/** Another node type to run in the Metal node's place, with its own `type` name. */
	nodeType?: { name: string; type: INodeType };
	/** Given the execution once it has started, to cancel it as n8n's Stop button does. */
	onStart?: (execution: { cancel(): void }) => void;
}

export interface NodeRun {
	/** The node's main output, or undefined when the node failed. */
	output?: INodeExecutionData[];
	/** The error output of "Continue (using error output)". */
	errorOutput?: INodeExecutionData[];
	error?: ExecutionError;
	run: IRun;
}

/** The stored workflow n8n's hooks are given. */
export function testWorkflowData(nodes: INode[], connections: IConnections): IWorkflowBase {
	return {
		id: 'test',
		name: 'Test',
		active: false,
		isArchived: false,
		activeVersionId: null,
		nodes,
		connections,
		createdAt: new Date(),
		updatedAt: new Date(),
	};
}

/**
 * What n8n-core gives an execution or a poll besides the workflow: the credentials (applied by the
 * Metal API credential's own `authenticate` block), lifecycle hooks and the instance's URLs.
 */
export function testAdditionalData(
	credentials: ICredentialDataDecryptedObject | undefined,
	mode: WorkflowExecuteMode,
	workflowData: IWorkflowBase,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new TestCredentialsHelper({ metalApi: credentials ?? CREDENTIALS }),
		hooks: new ExecutionLifecycleHooks(mode, 'test-execution', workflowData),
		variables: {},
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formBaseUrl: 'http://localhost:5678/form',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		formTestBaseUrl: 'http://localhost:5678/form-test',
		mcpBaseUrl: 'http://localhost:5678/mcp',
		mcpTestBaseUrl: 'http://localhost:5678/mcp-test',
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** Input → Metal as n8n-core sees it: the workflow, and what an execution is given. */
function buildWorkflow(options: RunOptions) {
	const { name: type, type: nodeType } = options.nodeType ?? {
		name: 'n8n-nodes-metal.metal',
		type: new Metal(),
	};
	const nodes: INode[] = [
		{
			id: 'input',
			name: 'Input',
			type: 'test.input',
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(options.items ?? [{}]) },
		},
		{
			id: 'metal',
			name: 'Metal',
			type,
			typeVersion: 1,
			position: [200, 0],
			parameters: options.parameters,
			credentials: { metalApi: { id: '1', name: 'Metal account' } },
			onError: options.onError,
		},
	];
	const connections = {
		Input: { main: [[{ node: 'Metal', type: NodeConnectionTypes.Main, index: 0 }]] },
	};
	const nodeTypes = new TestNodeTypes({ 'test.input': new TestInput(), [type]: nodeType });
	const workflow = new Workflow({ id: 'test', nodes, connections, nodeTypes, active: false });
	const workflowData = testWorkflowData(nodes, connections);
	const additionalData = testAdditionalData(options.credentials, 'manual', workflowData);

	return { workflow, additionalData, input: nodes[0], metal: nodes[1] };
}

/**
 * Runs Input → Metal through n8n-core's real WorkflowExecute, with the Metal API credential applied
 * by its own `authenticate` block, and returns what n8n recorded for the Metal node.
 */
export async function runMetalNode(options: RunOptions): Promise<NodeRun> {
	const { workflow, additionalData, input } = buildWorkflow(options);
	const execution = new WorkflowExecute(additionalData, 'manual').run({
		workflow,
		startNode: input,
	});
	options.onStart?.(execution);
	const run = await execution;
	const task = run.data.resultData.runData.Metal?.[0];
	return {
		output: task?.data?.main[0] ?? undefined,
		errorOutput: task?.data?.main[1] ?? undefined,
		error: task?.error,
		run,
	};
}

/** The context n8n gives a node's `methods` while the user edits it (list search, options). */
export function loadOptionsContext(options: RunOptions): ILoadOptionsFunctions {
	const { workflow, additionalData, metal } = buildWorkflow(options);
	return new LoadOptionsContext(workflow, metal, additionalData, 'parameters.workspaceId');
}
