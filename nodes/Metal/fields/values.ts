import type { INode, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError, tryToParseDateTime } from 'n8n-workflow';

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

function notA(at: At, value: unknown, expected: string, description: string) {
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

/** A finite number (a numeric text from a sheet too), within the bounds. */
export function parseNumber(value: unknown, at: At, bounds: NumberBounds = {}): number | undefined {
	if (isBlank(value)) return undefined;
	const number = typeof value === 'string' ? Number(value.trim()) : value;
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

/**
 * A date and time, sent as ISO 8601 in UTC. Taken: a date from an expression (`$now`, a JS Date), an
 * ISO 8601 text with a full date (the date picker's, a calendar's, `2026-11-29 10:00` from a sheet),
 * or an e-mail/HTTP date (`Sun, 29 Nov 2026 10:00:00 GMT`); a text without a time zone is taken in
 * the workflow's. Refused rather than guessed: numbers (seconds or milliseconds?), texts such as
 * 03/04/2026 (which day depends on the country), a time without a date, impossible dates such as
 * 2026-02-30 (n8n would roll them over to March), years past 9999.
 */
export function parseDateTime(value: unknown, at: At): string | undefined {
	if (isBlank(value)) return undefined;
	const iso = dateTimeIso(value, at.timezone);
	if (iso !== undefined) return iso;
	throw notA(
		at,
		value,
		'a date and time',
		`${at.label} is sent to Metal as an ISO 8601 date and time. Use the date picker, a text such as 2026-11-29T10:00:00Z or 2026-11-29 10:00 (taken in the workflow's time zone when it names none), or an expression that gives a date, such as {{ $now }}. Texts such as 03/04/2026 are refused: the day they mean depends on the country.`,
	);
}

// `2026-11-29`, `2026-11-29T10:00`, `2026-11-29 10:00:00.123+02:00`, `…Z`: ISO 8601 (or SQL) with a
// full date; the time, its seconds and fraction, and the zone are optional.
const ISO_TEXT =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s?(?:Z|[+-](\d{2})(?::?(\d{2}))?)?)?$/i;
// `Sun, 29 Nov 2026 10:00:00 GMT` (RFC 2822, HTTP): a zone is part of the form.
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MAIL_TEXT = new RegExp(
	`^(?:(?:mon|tue|wed|thu|fri|sat|sun),?\\s+)?(\\d{1,2})\\s+(${MONTHS.join('|')})\\s+(\\d{4})\\s+(\\d{2}):(\\d{2})(?::(\\d{2}))?\\s+(?:gmt|ut|z|[ecmp][sd]t|[+-]\\d{4})$`,
	'i',
);

function dateTimeIso(value: unknown, timezone: string): string | undefined {
	let input: unknown;
	if (typeof value === 'string') {
		input = calendarText(value.trim());
	} else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
		input = value; // a JS Date or a Luxon DateTime (`$now`), checked below
	}
	if (input === undefined) return undefined;
	try {
		const parsed = tryToParseDateTime(input, timezone);
		// Any other object would be read as its text ("[object Object]", or whatever it makes up).
		if (typeof input === 'object' && !(input instanceof Date) && parsed !== input) return undefined;
		const iso = parsed.toUTC().toISO();
		return iso !== null && /^\d{4}-/.test(iso) ? iso : undefined;
	} catch {
		return undefined;
	}
}

/** The text in a form Luxon reads as it is meant (never through JS's guessing `Date.parse`). */
function calendarText(text: string): string | undefined {
	const iso = ISO_TEXT.exec(text);
	if (iso) {
		const [
			,
			year,
			month,
			day,
			hour = '0',
			minute = '0',
			second = '0',
			zoneHour = '0',
			zoneMinute = '0',
		] = iso;
		const valid =
			isDay(+year, +month, +day) &&
			+hour <= 23 &&
			+minute <= 59 &&
			+second <= 59 &&
			+zoneHour <= 14 &&
			+zoneMinute <= 59;
		// Luxon's ISO reader wants a capital T and Z, and no space before the zone.
		return valid
			? text
					.toUpperCase()
					.replace(/^(\S{10}) /, '$1T')
					.replace(/\s(?=[Z+-])/, '')
			: undefined;
	}
	const mail = MAIL_TEXT.exec(text);
	if (mail) {
		const [, day, month, year, hour, minute, second = '0'] = mail;
		const monthNumber = MONTHS.indexOf(month.toLowerCase()) + 1;
		const valid = isDay(+year, monthNumber, +day) && +hour <= 23 && +minute <= 59 && +second <= 59;
		return valid ? text : undefined;
	}
	return undefined;
}

function isDay(year: number, month: number, day: number): boolean {
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
	return days !== undefined && day >= 1 && day <= days;
}

const METAL_ID = /^[0-9a-f]{24}$/i;

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
 * Any JSON value (`object`: only a JSON object): a value as an expression gives it, or a text holding
 * JSON; where any value is taken, a text that is not JSON is that text. Checked in the form it is
 * sent in (a date becomes its ISO text); what JSON cannot carry (NaN, Infinity, a function, a
 * circular value) is refused rather than sent as null or left out. null is "not set".
 */
export function parseJson(value: unknown, at: At, { object }: { object?: boolean } = {}): unknown {
	if (isBlank(value)) return undefined;
	let parsed = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch {
			// A plain text is a JSON value only where any value is taken.
			if (object) parsed = undefined;
		}
	}
	const sent = asSent(parsed);
	if (sent === null) return undefined;
	const isObject = sent !== undefined && typeof sent === 'object' && !Array.isArray(sent);
	if (object ? isObject : sent !== undefined) return sent;
	throw notA(
		at,
		value,
		object ? 'a JSON object' : 'a JSON value',
		object
			? `${at.label} is sent to Metal as a JSON object, such as { "company": "Acme" }. Write one, or give an expression that returns an object, such as {{ $json }}.`
			: `${at.label} is sent to Metal as JSON: text, a number, true or false, a list or an object. Give one of these, such as "Acme", 42 or { "amount": 5 }.`,
	);
}

/** The value as Metal will receive it, or undefined when JSON cannot carry it. */
function asSent(value: unknown): unknown {
	if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
	try {
		const text = JSON.stringify(value) as string | undefined;
		return text === undefined ? undefined : JSON.parse(text);
	} catch {
		// Circular, or a BigInt.
		return undefined;
	}
}
