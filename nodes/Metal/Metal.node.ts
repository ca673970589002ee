import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { workspaceDescription } from './resources/workspace';
import { searchWorkspaces } from './listSearch/searchWorkspaces';
import { route } from './router';

export class Metal implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Metal',
		name: 'metal',
		icon: { light: 'file:metal.svg', dark: 'file:metal.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Create, get and search workspaces in Metal, the AI context layer for financial firms',
		defaults: { name: 'Metal' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'metalApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Workspace', value: 'workspace' }],
				default: 'workspace',
			},
			...workspaceDescription,
		],
	};

	methods = { listSearch: { searchWorkspaces } };

	async execute(this: IExecuteFunctions) {
		return await route.call(this);
	}
}
