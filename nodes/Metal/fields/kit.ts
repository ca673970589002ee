import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { parseDateTime } from './dates';
import { parseJson } from './json';
import {
	emptyError,
	invalid,
	parseBoolean,
	parseChoice,
	parseMetalId,
	parseNumber,
	parseText,
	type At,
	type NumberBounds,
} from './values';

/**
 * The field kit: each parameter is defined once, as what n8n shows (its property) together with how
 * one item's value is read and checked (its parser), so a label is never typed twice and no
 * operation can send a value nobody checked.
 */

/** One input item's parameters, read through n8n (expressions resolved per item). */
export class Item {
	constructor(
		private readonly context: IExecuteFunctions,
		readonly itemIndex: number,
		private readonly timezone: string,
	) {}

	get(name: string, fallback: unknown, resourceLocator = false): unknown {
		return this.context.getNodeParameter(name, this.itemIndex, fallback, {
			// A resource locator gives its value, whichever mode the user picked.
			extractValue: resourceLocator,
		});
	}

	at(label: string): At {
		return {
			node: this.context.getNode(),
			itemIndex: this.itemIndex,
			label,
			timezone: this.timezone,
		};
	}
}

/** A parameter value: its property (no display rules) and its parser. */
export interface Value<T> {
	readonly property: INodeProperties;
	/** The Metal field the value fills. */
	readonly sendAs: string;
	parse(raw: unknown, at: At): T | undefined;
}

/** What an operation lists among its fields: properties to show, and how an item reads them. */
export interface Field<T> {
	readonly properties: INodeProperties[];
	read(item: Item): T;
}

type Shown = Pick<INodeProperties, 'name' | 'displayName' | 'description'> &
	Partial<INodeProperties> & { sendAs?: string };

function value<T>(
	{ sendAs, ...shown }: Shown,
	defaults: Pick<INodeProperties, 'type' | 'default'> & Partial<INodeProperties>,
	parse: (raw: unknown, at: At) => T | undefined,
): Value<T> {
	return { property: { ...defaults, ...shown }, sendAs: sendAs ?? shown.name, parse };
}

export const text = (shown: Shown) => value(shown, { type: 'string', default: '' }, parseText);

export const bool = (shown: Shown) =>
	value(shown, { type: 'boolean', default: false }, parseBoolean);

export const number = (shown: Shown, bounds: NumberBounds = {}) =>
	value(
		shown,
		{
			type: 'number',
			default: 0,
			typeOptions: {
				minValue: bounds.min,
				maxValue: bounds.max,
				numberPrecision: bounds.integer ? 0 : undefined,
			},
		},
		(raw, at) => parseNumber(raw, at, bounds),
	);

export const choice = (shown: Shown, options: INodePropertyOptions[]) =>
	value(shown, { type: 'options', options, default: options[0].value }, (raw, at) =>
		parseChoice(raw, at, options),
	);

export const dateTime = (shown: Shown) =>
	value(shown, { type: 'dateTime', default: '' }, parseDateTime);

/** A Metal ID typed as text, such as a deal's Company ID. */
export const metalId = (shown: Shown) =>
	value(
		shown,
		{ type: 'string', default: '', placeholder: 'e.g. 665f1c2a9b1e4a0012a3b4c5' },
		parseMetalId,
	);

/** Any JSON value (`object`: only a JSON object), written in the editor or given by an expression. */
export const json = (shown: Shown, { object }: { object?: boolean } = {}) =>
	value(shown, { type: 'json', default: object ? '{}' : '' }, (raw, at) =>
		parseJson(raw, at, { object }),
	);

/**
 * A list: the values of a list, or a text of comma-separated values (as from a sheet), each checked
 * by `each`. An empty list is "not set".
 */
export function list<T>(shown: Shown, each: (raw: unknown, at: At) => T | undefined): Value<T[]> {
	return value(shown, { type: 'string', default: '' }, (raw, at) => {
		const entries =
			typeof raw === 'string' ? raw.split(',') : Array.isArray(raw) ? (raw as unknown[]) : [raw];
		const parsed = entries.map((entry) => each(entry, at)).filter((e): e is T => e !== undefined);
		return parsed.length ? parsed : undefined;
	});
}

/**
 * A group of values sent as one object, such as a location `{ city, state, country }`: one entry of
 * a fixed collection. `multiple` makes it a list of such objects, such as participants.
 */
export function group(
	shown: Shown & { placeholder: string },
	parts: Array<Value<unknown>>,
	{ multiple = false, required = [] as string[] } = {},
): Value<IDataObject | IDataObject[]> {
	const key = 'values';
	const property: Partial<INodeProperties> = {
		type: 'fixedCollection',
		default: {},
		typeOptions: { multipleValues: multiple },
		options: [{ displayName: shown.displayName, name: key, values: parts.map((p) => p.property) }],
	};
	return value(shown, property as INodeProperties, (raw, at) => {
		const entries = (raw as IDataObject | undefined)?.[key];
		const list = (Array.isArray(entries) ? entries : entries ? [entries] : []) as unknown[];
		const objects = list
			.map((entry) => readParts(parts, entry, at, required))
			.filter((o): o is IDataObject => o !== undefined);
		if (objects.length === 0) return undefined;
		return multiple ? objects : objects[0];
	});
}

/** The parts of one group entry: only those set; a required part missing is an error. */
function readParts(
	parts: Array<Value<unknown>>,
	entry: unknown,
	at: At,
	required: string[],
): IDataObject | undefined {
	if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
		throw invalid(
			at,
			`The "${at.label}" parameter in item ${at.itemIndex} is not a list of fields`,
			`Fill in ${at.label} in the node, one entry at a time.`,
		);
	}
	const object: IDataObject = {};
	for (const part of parts) {
		const label = `${at.label} → ${part.property.displayName}`;
		const parsed = part.parse((entry as IDataObject)[part.property.name], { ...at, label });
		if (parsed !== undefined) object[part.sendAs] = parsed as IDataObject[string];
		else if (required.includes(part.property.name)) throw emptyError({ ...at, label });
	}
	return Object.keys(object).length ? object : undefined;
}

/** The same value, described otherwise: for an operation that uses it differently. */
export function describedAs<T>(field: Value<T>, description: string): Value<T> {
	return { ...field, property: { ...field.property, description } };
}

/** Where a record comes from in another system, such as a CRM: `{ source, id }`, both required. */
export function externalReference(shown: {
	description: string;
	source: { placeholder: string; description: string };
	id: { placeholder: string; description: string };
}) {
	return group(
		{
			displayName: 'External Reference',
			name: 'externalReference',
			placeholder: 'Add External Reference',
			description: shown.description,
		},
		[
			text({ displayName: 'Source', name: 'source', ...shown.source }),
			text({ displayName: 'ID', name: 'id', ...shown.id }),
		],
		{ required: ['source', 'id'] },
	);
}
