import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { pollMetal } from './poll';
import { TRIGGER_PROPERTIES } from './properties';

// Metal sends no webhooks: the trigger polls, at the Poll Times n8n adds to every polling node.
export class MetalTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Metal Trigger',
		name: 'metalTrigger',
		icon: { light: 'file:../Metal/metal.svg', dark: 'file:../Metal/metal.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ {"dealStageOrStatusChanged": "Deal Stage or Status Changed", "newCompany": "New Company", "newDeal": "New Deal"}[$parameter["event"]] }}',
		description:
			"Starts the workflow when a deal or company appears in Metal, or when a deal's stage or status changes",
		defaults: { name: 'Metal Trigger' },
		credentials: [{ name: 'metalApi', required: true }],
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: TRIGGER_PROPERTIES,
	};

	async poll(this: IPollFunctions) {
		return await pollMetal(this);
	}
}
