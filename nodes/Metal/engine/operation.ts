import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { Field, Item, Value } from '../fields/kit';
import type { ItemRequests } from '../transport/requests';
import type { Effect } from '../transport/effect';
import { runOptionsField } from './runOptions';

/** Reads one field of the item being prepared. */
export type Read = <T>(field: Field<T>) => T;

/**
 * One operation, in one file: how it is offered, what it does to Metal, its fields, how an item's
 * parameters become what is sent (`prepare`, which sends nothing), and the requests (`send`, given
 * requests already bound to the item and the run).
 */
export interface Operation<Prepared = unknown> {
	option: INodePropertyOptions & { value: string; action: string; description: string };
	effect: Effect;
	fields: Array<Field<unknown>>;
	/** Entries of its own in the Options collection, beside those of every operation. */
	options?: Array<Value<unknown>>;
	prepare(read: Read, item: Item): Prepared;
	send(prepared: Prepared, requests: ItemRequests): Promise<IDataObject | IDataObject[]>;
}

/** Typing help: `prepare`'s result is what `send` receives. */
export function defineOperation<Prepared>(operation: Operation<Prepared>): Operation<Prepared> {
	return operation;
}

export interface Resource {
	name: string;
	value: string;
	operations: Operation[];
	/**
	 * The Operation of a workflow saved without one, when not the first: n8n leaves a parameter at
	 * its default out of a saved workflow, so the default must stay what it was when it was saved.
	 */
	defaultOperation?: string;
}

/**
 * The node's properties: Resource, each resource's Operation, each operation's fields, Options.
 * `defaultResource` is the Resource of a workflow saved without one.
 */
export function nodeProperties(
	resources: Resource[],
	defaultResource = resources[0].value,
): INodeProperties[] {
	return [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources.map(({ name, value }) => ({ name, value })),
			default: defaultResource,
		},
		...resources.flatMap(resourceProperties),
		optionsProperty(resources),
	];
}

/**
 * The one Options collection: the run options of every operation, then the operations' own entries,
 * each shown for the operations that have it.
 */
function optionsProperty(resources: Resource[]): INodeProperties {
	const own = new Map<string, { property: INodeProperties; show: Record<string, string[]> }>();
	for (const resource of resources) {
		for (const operation of resource.operations) {
			for (const { property } of operation.options ?? []) {
				const entry = own.get(property.name) ?? {
					property,
					show: { '/resource': [], '/operation': [] },
				};
				entry.show['/resource'] = [...new Set([...entry.show['/resource'], resource.value])];
				entry.show['/operation'] = [
					...new Set([...entry.show['/operation'], operation.option.value]),
				];
				own.set(property.name, entry);
			}
		}
	}
	const entries = [...own.values()].map(({ property, show }) => ({
		...property,
		displayOptions: { show },
	}));
	return { ...runOptionsField, options: [...(runOptionsField.options ?? []), ...entries] };
}

function resourceProperties(resource: Resource): INodeProperties[] {
	const operations = resource.operations;
	const first = resource.defaultOperation ?? operations[0].option.value;
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options: operations.map((operation) => operation.option),
			default: first,
		},
		// Display rules stated once per operation, stamped onto each of its fields.
		...operations.flatMap((operation) =>
			operation.fields
				.flatMap((field) => field.properties)
				.map((property) =>
					shownFor(property, { resource: [resource.value], operation: [operation.option.value] }),
				),
		),
	];
}

function shownFor(property: INodeProperties, show: Record<string, string[]>): INodeProperties {
	const own = property.displayOptions;
	return { ...property, displayOptions: { ...own, show: { ...show, ...own?.show } } };
}

/** The operation the node is set to; resource and operation cannot vary per item. */
export function findOperation(
	resources: Resource[],
	resource: string,
	operation: string,
): Operation | undefined {
	return resources
		.find((r) => r.value === resource)
		?.operations.find((o) => o.option.value === operation);
}
