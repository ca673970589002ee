import { inexactJsonNumber } from './numbers';
import { describe, invalid, isBlank, notA, type At } from './values';

/**
 * Any JSON value (`object`: only a JSON object): a value as an expression gives it, or a text holding
 * JSON; where any value is taken, a text that is not JSON is that text. Checked in the form it is
 * sent in (a date becomes its ISO text); what JSON cannot carry (NaN, Infinity, a function, a
 * circular value, a number with more digits than a JS number keeps) is refused rather than sent as
 * null, left out or changed. null is "not set".
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
		if (parsed !== value) refuseInexact(value, at);
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

/** A JSON text holding a number that would reach Metal changed is refused, saying how to send it. */
function refuseInexact(json: string, at: At): void {
	const number = inexactJsonNumber(json);
	if (number === undefined) return;
	const holding = json.trim() === number.text ? 'a number' : `holding the number ${number.text},`;
	throw invalid(
		at,
		`The "${at.label}" parameter in item ${at.itemIndex} is ${describe(json)}, ${holding} which would reach Metal as ${JSON.stringify(number.value)}`,
		`${at.label} is sent to Metal as JSON, and a JSON number keeps 15 to 17 significant digits, so the node does not send this one. To send it as text, as an ID usually is, put it in quotes: "${number.text}". To send a number, round it to fewer digits.`,
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
