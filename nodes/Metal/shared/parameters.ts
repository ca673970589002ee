import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Readers for one item's parameters. Expressions can yield any type, so each value is checked
 * before it is sent, and a bad one gets an error that names the parameter and the item.
 */

export function requiredText(
	context: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): string {
	// extractValue: a resource locator gives its value, whichever mode the user picked.
	const value = context.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	if (isBlank(value)) {
		throw invalid(context, itemIndex, `The "${label}" parameter is empty in item ${itemIndex}`, {
			description: `${label} is required. Fill it in, or map it to a field that has a value in every item, such as {{ $json.name }}.`,
		});
	}
	if (typeof value !== 'string') throw notText(context, label, value, itemIndex);
	return value;
}

/** A text field of a collection; empty, blank or missing means "not set" and is left out. */
export function optionalText(
	context: IExecuteFunctions,
	fields: IDataObject,
	key: string,
	label: string,
	itemIndex: number,
): string | undefined {
	const value = fields[key] as unknown;
	if (isBlank(value)) return undefined;
	if (typeof value !== 'string') throw notText(context, label, value, itemIndex);
	return value;
}

/** A boolean field of a collection; missing means "not set". Text such as "true" is refused. */
export function optionalBoolean(
	context: IExecuteFunctions,
	fields: IDataObject,
	key: string,
	label: string,
	itemIndex: number,
): boolean | undefined {
	const value = fields[key] as unknown;
	if (value === undefined) return undefined;
	if (typeof value === 'boolean') return value;
	throw invalid(
		context,
		itemIndex,
		`The "${label}" parameter in item ${itemIndex} is ${describe(value)}, not true or false`,
		{
			description: `${label} is sent to Metal as a boolean. Use the switch, or an expression that gives true or false, such as {{ $json.private === 'yes' }}.`,
		},
	);
}

/** A whole number from `min` (to `max`, when given); `undefined` gives the fallback. */
export function wholeNumber(
	context: IExecuteFunctions,
	value: unknown,
	label: string,
	bounds: { min: number; max?: number; fallback: number },
	itemIndex: number,
): number {
	const number = value ?? bounds.fallback;
	const { min, max } = bounds;
	if (typeof number === 'number' && Number.isInteger(number)) {
		if (number >= min && (max === undefined || number <= max)) return number;
	}
	const range = max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
	throw invalid(
		context,
		itemIndex,
		`The "${label}" parameter in item ${itemIndex} is ${describe(number)}, not a whole number ${range}`,
		{ description: `Set ${label} to a whole number ${range}.` },
	);
}

function notText(
	context: IExecuteFunctions,
	label: string,
	value: unknown,
	itemIndex: number,
): NodeOperationError {
	return invalid(
		context,
		itemIndex,
		`The "${label}" parameter in item ${itemIndex} is ${describe(value)}, not text`,
		{
			description: `${label} is sent to Metal as text. Map it to a text field, or convert the value in the expression, such as {{ String($json.value) }}.`,
		},
	);
}

function invalid(
	context: IExecuteFunctions,
	itemIndex: number,
	message: string,
	options: { description: string },
): NodeOperationError {
	return new NodeOperationError(context.getNode(), message, { ...options, itemIndex });
}

function isBlank(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

/** Names a value's type for an error message, quoting short text so the user can find it. */
function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	switch (typeof value) {
		case 'string':
			return value.length > 40 ? `the text "${value.slice(0, 40)}…"` : `the text "${value}"`;
		case 'number':
			return `the number ${value}`;
		case 'boolean':
			return `the boolean ${value}`;
		case 'object':
			return 'an object';
		default:
			return 'empty';
	}
}
