import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { nodeProperties } from './engine/operation';
import { searchCompanies } from './listSearch/searchCompanies';
import { searchDeals } from './listSearch/searchDeals';
import { searchWorkflows } from './listSearch/searchWorkflows';
import { searchWorkspaces } from './listSearch/searchWorkspaces';
import { DEFAULT_RESOURCE, RESOURCES } from './resources';
import { runOperation } from './router';

// Programmatic rather than declarative: n8n's declarative engine sends every item at once, and a
// failure there makes Retry On Fail re-send items already created. Here every item is checked
// before anything is sent, requests are capped, and a create is never sent twice.
export class Metal implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Metal',
		name: 'metal',
		icon: { light: 'file:metal.svg', dark: 'file:metal.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Search and get companies, deals, people, activities and documents, update them by ID or external ID, log activities, run Metal workflows, and create or find workspaces in Metal, the AI context layer for financial firms',
		defaults: { name: 'Metal' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'metalApi', required: true }],
		properties: nodeProperties(RESOURCES, DEFAULT_RESOURCE),
	};

	methods = { listSearch: { searchCompanies, searchDeals, searchWorkflows, searchWorkspaces } };

	async execute(this: IExecuteFunctions) {
		return await runOperation(this, RESOURCES, this.continueOnFail());
	}
}
