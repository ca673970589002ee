import type { INodeProperties } from 'n8n-workflow';

import * as create from './create';
import * as get from './get';
import * as search from './search';
import { requestOptionsField } from '../../shared/requestOptions';

export const workspaceOperations = { create, get, search };

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
					'Create a new Metal workspace, a place that groups documents and data, for example one per deal or company. Each call creates another workspace, even with the same name: to reuse one, search first.',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a workspace',
				description: 'Get one workspace by its ID',
			},
			{
				name: 'Search',
				value: 'search',
				action: 'Search workspaces',
				description:
					'Find workspaces whose name or details match a query, best matches first. Use it to check whether a workspace for a deal or company already exists.',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...search.description,
	requestOptionsField({ resource: ['workspace'] }),
];
