import type { IDataObject } from 'n8n-workflow';

import { group, text, type Value } from './kit';
import { describe, invalid, isBlank, type At } from './values';

/**
 * Lists of texts and sets of named values, for Metal fields such as a company's `alternativeNames`
 * (string[]) and `custom` (an object).
 */

interface Shown {
	displayName: string;
	name: string;
	description: string;
	/** The Metal field, when not `name`. */
	sendAs?: string;
}

/**
 * A list of texts, one entry per text in the editor, or a list (or a single text) from an
 * expression. A text is never split: names hold commas ("Acme, Inc."). Blank entries are dropped; an
 * empty list is "not set".
 */
export function textList(shown: Shown & { button: string }): Value<string[]> {
	const { button, sendAs, ...property } = shown;
	return {
		property: {
			...property,
			type: 'string',
			default: [],
			typeOptions: { multipleValues: true, multipleValueButtonText: button },
		},
		sendAs: sendAs ?? shown.name,
		parse: parseTextList,
	};
}

export function parseTextList(value: unknown, at: At): string[] | undefined {
	if (isBlank(value)) return undefined;
	const list = Array.isArray(value);
	const texts: string[] = [];
	for (const entry of list ? (value as unknown[]) : [value]) {
		if (isBlank(entry)) continue;
		if (typeof entry !== 'string') {
			const what = list ? `a list holding ${describe(entry)}` : describe(entry);
			throw invalid(
				at,
				`The "${at.label}" parameter in item ${at.itemIndex} is ${what}, not a list of texts`,
				`${at.label} is sent to Metal as a list of texts. Add one entry per text, or give an expression that returns texts, such as {{ $json.aliases }}.`,
			);
		}
		texts.push(entry);
	}
	return texts.length ? texts : undefined;
}

/** A value of a named field: text, a number or a boolean, sent with its type. */
export function parseScalar(value: unknown, at: At): string | number | boolean | undefined {
	if (isBlank(value)) return undefined;
	if (
		typeof value === 'string' ||
		typeof value === 'boolean' ||
		(typeof value === 'number' && Number.isFinite(value))
	) {
		return value;
	}
	throw invalid(
		at,
		`The "${at.label}" parameter in item ${at.itemIndex} is ${describe(value)}, not text, a number or a boolean`,
		`${at.label} is sent to Metal as text, a number or a boolean. Map it to one of these, or convert it in the expression, such as {{ String($json.value) }}.`,
	);
}

/** Names n8n drops from a request body (it guards objects against prototype pollution). */
const RESERVED = ['__proto__', 'constructor', 'prototype'];

/**
 * Name/value pairs sent as one object `{ name: value }`, entered one pair at a time (each name and
 * value may be an expression). Names are trimmed; a pair whose value is blank is not sent; a name
 * given twice or reserved is refused.
 */
export function namedValues(shown: Shown & { placeholder: string }): Value<IDataObject> {
	const pairs = group(
		shown,
		[
			text({ displayName: 'Name', name: 'name', description: 'The name of the field' }),
			{
				property: {
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					description: 'Text; by expression also a number or a boolean, sent as such',
				},
				sendAs: 'value',
				parse: parseScalar,
			},
		],
		{ multiple: true, required: ['name'] },
	);
	return {
		property: pairs.property,
		sendAs: pairs.sendAs,
		parse(raw, at) {
			const list = (pairs.parse(raw, at) ?? []) as IDataObject[];
			const object: IDataObject = {};
			for (const pair of list) {
				if (pair.value === undefined) continue;
				const name = String(pair.name).trim();
				if (RESERVED.includes(name)) {
					throw invalid(
						at,
						`The "${at.label} → Name" parameter in item ${at.itemIndex} is the text "${name}", not a name that can be sent`,
						`${at.label} → Name cannot be ${RESERVED.join(', ')}: n8n leaves fields of these names out of requests. Rename the field.`,
					);
				}
				if (Object.prototype.hasOwnProperty.call(object, name)) {
					throw invalid(
						at,
						`The "${at.label}" parameter in item ${at.itemIndex} has the name "${name}" twice`,
						`${at.label} sends one value per name. Keep one of the entries named "${name}".`,
					);
				}
				object[name] = pair.value;
			}
			return Object.keys(object).length ? object : undefined;
		},
	};
}
