import type { INodeProperties } from 'n8n-workflow';

import * as create from './create';

export const workspaceOperations = { create };

export const workspaceDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['workspace'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a workspace',
				description:
					'Create a new Metal workspace, a place that groups documents and data, for example one per deal or company',
			},
		],
		default: 'create',
	},
	...create.description,
];
