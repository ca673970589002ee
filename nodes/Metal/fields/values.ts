import type { INode, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { decimalNumber } from './numbers';

/**
 * Parsers for one parameter value of one item. Expressions, sheets and AI agents can give any type,
 * so each value is checked before anything is sent, and a bad one gets an error naming the
 * parameter and the item. Each parser returns undefined for "not set" (blank), never a guess.
 */

/** Where a value comes from: the parameter's label and the item, for the error. */
export interface At {
	node: INode;
	itemIndex: number;
	label: string;
	/** The workflow's time zone, for dates given without one. */
	timezone: string;
}

export function invalid(at: At, message: string, description: string): NodeOperationError {
	return new NodeOperationError(at.node, message, { description, itemIndex: at.itemIndex });
}

export function notA(at: At, value: unknown, expected: string, description: string) {
	return invalid(
		at,
		`The "${at.label}" parameter in item ${at.itemIndex} is ${describe(value)}, not ${expected}`,
		description,
	);
}

export function emptyError(at: At): NodeOperationError {
	return invalid(
		at,
		`The "${at.label}" parameter is empty in item ${at.itemIndex}`,
		`${at.label} is required. Fill it in, or map it to a field that has a value in every item, such as {{ $json.name }}.`,
	);
}

// Characters that show as nothing: white space, Unicode's default-ignorable code points (zero-width
// spaces and joiners, the word joiner, the byte order mark, Hangul fillers, soft hyphen, variation
// selectors, bidirectional marks…), the Mongolian vowel separator and the braille blank.
const INVISIBLE = /^[\s\p{Default_Ignorable_Code_Point}\u180e\u2800]*$/u;

/** Undefined, null, or text that shows nothing (spaces, or only invisible characters). */
export function isBlank(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && INVISIBLE.test(value))
	);
}

/** Names a value's type for an error message, quoting short text so the user can find it. */
export function describe(value: unknown): string {
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
		case 'undefined':
			return 'empty';
		default:
			return `a ${typeof value}`;
	}
}

export function parseText(value: unknown, at: At): string | undefined {
	if (isBlank(value)) return undefined;
	if (typeof value === 'string') return value;
	throw notA(
		at,
		value,
		'text',
		`${at.label} is sent to Metal as text. Map it to a text field, or convert the value in the expression, such as {{ String($json.value) }}.`,
	);
}

/**
 * What n8n's own boolean validation accepts from a sheet or an expression: true or false, the texts
 * "true" and "false" in any case, 1 or 0 (as a number or a text).
 */
export function parseBoolean(value: unknown, at: At): boolean | undefined {
	if (isBlank(value)) return undefined;
	if (typeof value === 'boolean') return value;
	const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
	if (text === 'true' || text === 'false') return text === 'true';
	const number = typeof value === 'number' ? value : text !== undefined ? Number(text) : NaN;
	if (number === 0 || number === 1) return number === 1;
	throw notA(
		at,
		value,
		'true or false',
		`${at.label} is sent to Metal as a boolean. Use the switch, or an expression that gives true or false (a sheet's TRUE and FALSE, or 1 and 0, work too), such as {{ $json.private === 'yes' }}.`,
	);
}

export interface NumberBounds {
	min?: number;
	max?: number;
	integer?: boolean;
}

/**
 * A finite number (a decimal text from a sheet too, sent only when a number holds it exactly),
 * within the bounds.
 */
export function parseNumber(value: unknown, at: At, bounds: NumberBounds = {}): number | undefined {
	if (isBlank(value)) return undefined;
	const text = typeof value === 'string' ? value.trim() : undefined;
	const decimal = text === undefined ? undefined : decimalNumber(text);
	// Beyond what a number holds at all (1e400), the error below says what a number takes.
	if (decimal !== undefined && !decimal.exact && Number.isFinite(decimal.value)) {
		throw invalid(
			at,
			`The "${at.label}" parameter in item ${at.itemIndex} is ${describe(value)}, a number which would reach Metal as ${decimal.value}`,
			`${at.label} is sent to Metal as a number, which keeps 15 to 17 significant digits, so the node does not send this one. Round it to fewer digits.`,
		);
	}
	const number = text === undefined ? value : decimal?.value;
	const { min, max, integer } = bounds;
	if (
		typeof number === 'number' &&
		Number.isFinite(number) &&
		(!integer || Number.isInteger(number)) &&
		(min === undefined || number >= min) &&
		(max === undefined || number <= max)
	) {
		return number;
	}
	const kind = integer ? 'a whole number' : 'a number';
	const range =
		min !== undefined && max !== undefined
			? ` from ${min} to ${max}`
			: min !== undefined
				? ` of at least ${min}`
				: max !== undefined
					? ` of at most ${max}`
					: '';
	throw notA(
		at,
		value,
		`${kind}${range}`,
		`${at.label} is sent to Metal as ${kind}${range}. Map it to a number, or convert it in the expression, such as {{ Number($json.value) }}.`,
	);
}

/**
 * One of the documented values. A value or a name matches whatever its case or spacing, so a sheet's
 * "Due diligence" or "active" is sent as Metal's DUE_DILIGENCE or ACTIVE.
 */
export function parseChoice(
	value: unknown,
	at: At,
	options: INodePropertyOptions[],
): string | undefined {
	if (isBlank(value)) return undefined;
	const key = (text: unknown) =>
		String(text)
			.trim()
			.toLowerCase()
			.replace(/[\s_-]+/g, '_');
	if (typeof value === 'string') {
		const match = options.find((o) => key(o.value) === key(value) || key(o.name) === key(value));
		if (match) return String(match.value);
	}
	const values = options.map((o) => String(o.value)).join(', ');
	throw notA(
		at,
		value,
		`one of ${values}`,
		`${at.label} must be one of Metal's values: ${values}.`,
	);
}

const METAL_ID = /^[0-9a-f]{24}$/i;

/** Whether the value is a Metal ID (24 hexadecimal characters), such as one Metal answered with. */
export const isMetalId = (value: unknown): value is string =>
	typeof value === 'string' && METAL_ID.test(value);

/** A Metal ID: 24 hexadecimal characters, trimmed. Checked before it goes into a path or a body. */
export function parseMetalId(value: unknown, at: At): string | undefined {
	if (isBlank(value)) return undefined;
	const text = typeof value === 'string' ? value.trim() : undefined;
	if (text !== undefined && METAL_ID.test(text)) return text;
	throw notA(
		at,
		value,
		'a Metal ID',
		`${at.label} takes a Metal ID: 24 characters, 0-9 and a-f, such as 665f1c2a9b1e4a0012a3b4c5. Check the value, or pick it from the list where the node offers one.`,
	);
}

/**
 * An external ID: the record's ID in the user's own system (a CRM's, a sheet's), as text, or a whole
 * number from a sheet. It goes into the path (`externalId=<the ID>`, URL-encoded), where a / would
 * end it, so one that holds a / is refused before anything is sent. Spaces around it are dropped.
 */
export function parseExternalId(value: unknown, at: At): string | undefined {
	if (isBlank(value)) return undefined;
	const text =
		typeof value === 'string'
			? value.trim()
			: Number.isSafeInteger(value)
				? String(value)
				: undefined;
	if (text === undefined) {
		throw notA(
			at,
			value,
			'an external ID',
			`${at.label} takes the record's ID in your own system, as text, such as crm-12345. Map it to a text field, or convert it in the expression, such as {{ String($json.id) }}.`,
		);
	}
	if (text.includes('/')) {
		throw invalid(
			at,
			`The "${at.label}" parameter in item ${at.itemIndex} is ${describe(value)}, an external ID with a /, which cannot be looked up`,
			`${at.label} is sent in the request's path, where a / would end it, so Metal cannot be asked for this external ID. Name the record another way where the node offers one (From List, By ID), or find it with Search.`,
		);
	}
	return text;
}
