import type { INodePropertyOptions } from 'n8n-workflow';

import type { NodeRun } from './runMetalNode';
import type { RecordedRequest } from './metalNock';

/**
 * A corpus of awkward values, each fed to a parameter through an expression, as a sheet, an upstream
 * node or an AI agent would. Every value must give either a clear error that names the parameter and
 * the item (and send nothing), or a request whose field has the documented type. Never a crash.
 * Each entry: a label, the expression, and the value the expression gives.
 */
export const CORPUS: Array<[label: string, expression: string, value: unknown]> = [
	['empty text', '""', ''],
	['a space', '" "', ' '],
	['tabs and newlines', '"\\t\\n\\r"', '\t\n\r'],
	['a no-break space', '"\\u00a0"', '\u00a0'],
	['only a zero-width space', '"\\u200b"', '\u200b'],
	['only a byte order mark and a word joiner', '"\\ufeff\\u2060"', '\ufeff\u2060'],
	['only a Hangul filler and a braille blank', '"\\u3164\\u2800"', '\u3164\u2800'],
	['null', 'null', null],
	['undefined', 'undefined', undefined],
	['a missing field', '$json.missing', undefined],
	['zero', '0', 0],
	['one', '1', 1],
	['a negative number', '-42', -42],
	['a decimal', '3.14', 3.14],
	['a number between 0 and 1', '0.57', 0.57],
	['NaN', 'NaN', NaN],
	['Infinity', 'Infinity', Infinity],
	['true', 'true', true],
	['false', 'false', false],
	['an empty object', '({})', {}],
	['an object', '({ name: "Atlas" })', { name: 'Atlas' }],
	['an empty list', '[]', []],
	['a list', '["Atlas"]', ['Atlas']],
	['a date', 'new Date(0)', new Date(0)],
	['100,000 characters', '"x".repeat(100000)', 'x'.repeat(100000)],
	['a NUL character', '"a\\u0000b"', 'a\u0000b'],
	['a bell character', '"a\\u0007b"', 'a\u0007b'],
	['emoji', '"Deal 🚀 ✨"', 'Deal 🚀 ✨'],
	['right-to-left Arabic', '"صفقة أطلس"', 'صفقة أطلس'],
	['Hebrew with a RTL mark', '"עסקה\\u200f"', 'עסקה\u200f'],
	['the text "true"', '"true"', 'true'],
	['the text "TRUE"', '"TRUE"', 'TRUE'],
	['the text "False"', '"False"', 'False'],
	['the text "yes"', '"yes"', 'yes'],
	['the text "1"', '"1"', '1'],
	['the text " 0 "', '" 0 "', ' 0 '],
	['the text "42"', '"42"', '42'],
	['an ID of 19 digits, as text', '"1456789012345678901"', '1456789012345678901'],
	['the text "null"', '"null"', 'null'],
	['a dot-dot', '".."', '..'],
	['a Metal ID', '"665f1c2a9b1e4a0012a3b4c5"', '665f1c2a9b1e4a0012a3b4c5'],
	['a Metal ID with spaces', '" 665f1c2a9b1e4a0012a3b4c5 "', ' 665f1c2a9b1e4a0012a3b4c5 '],
	['an ID with a path', '"665f1c2a9b1e4a0012a3b4c5/../x"', '665f1c2a9b1e4a0012a3b4c5/../x'],
	['markup', '"<script>alert(1)</script>"', '<script>alert(1)</script>'],
	['an expression-looking text', '"{" + "{ $json.name }" + "}"', '{{ $json.name }}'],
	['leading and trailing spaces', '"  Atlas  "', '  Atlas  '],
	['a quote and a backslash', '"O\'Brien \\\\ Co"', "O'Brien \\ Co"],
];

/** What a value becomes: sent as `sent`, left out, or refused (`empty` or `invalid`). */
export type Outcome = { sent: unknown } | { omitted: true } | { error: 'empty' | 'invalid' };

const INVISIBLE = /^[\s\p{Default_Ignorable_Code_Point}\u180e\u2800]*$/u;
const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && INVISIBLE.test(value));

/** The documented rule of each kind of parameter: what the node must do with a value. */
export const RULES = {
	text: (value: unknown): Outcome =>
		isBlank(value)
			? { omitted: true }
			: typeof value === 'string'
				? { sent: value }
				: { error: 'invalid' },
	boolean: (value: unknown): Outcome => {
		if (isBlank(value)) return { omitted: true };
		if (typeof value === 'boolean') return { sent: value };
		const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
		if (text === 'true' || text === 'false') return { sent: text === 'true' };
		const number = typeof value === 'number' ? value : text === undefined ? NaN : Number(text);
		return number === 0 || number === 1 ? { sent: number === 1 } : { error: 'invalid' };
	},
	number:
		({ min, max, integer }: { min?: number; max?: number; integer?: boolean } = {}) =>
		(value: unknown): Outcome => {
			if (isBlank(value)) return { omitted: true };
			// A text is sent only in decimal notation, and only when a number holds it exactly.
			const text = typeof value === 'string' ? value.trim() : undefined;
			const decimal = text !== undefined && /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text);
			const exact = !decimal || !/^[+-]?\d+$/.test(text) || BigInt(text) === BigInt(Number(text));
			const number = text === undefined ? value : decimal && exact ? Number(text) : NaN;
			const ok =
				typeof number === 'number' &&
				Number.isFinite(number) &&
				(!integer || Number.isInteger(number)) &&
				(min === undefined || number >= min) &&
				(max === undefined || number <= max);
			return ok ? { sent: number } : { error: 'invalid' };
		},
	choice:
		(options: INodePropertyOptions[]) =>
		(value: unknown): Outcome => {
			if (isBlank(value)) return { omitted: true };
			const key = (t: unknown) =>
				String(t)
					.trim()
					.toLowerCase()
					.replace(/[\s_-]+/g, '_');
			const match =
				typeof value === 'string'
					? options.find((o) => key(o.value) === key(value) || key(o.name) === key(value))
					: undefined;
			return match ? { sent: match.value } : { error: 'invalid' };
		},
	metalId: (value: unknown): Outcome => {
		if (isBlank(value)) return { omitted: true };
		const text = typeof value === 'string' ? value.trim() : '';
		return /^[0-9a-f]{24}$/i.test(text) ? { sent: text } : { error: 'invalid' };
	},
};

/** A rule for a required parameter: blank is an "empty" error rather than left out. */
export const requiredRule =
	(rule: (value: unknown) => Outcome) =>
	(value: unknown): Outcome => {
		const outcome = rule(value);
		return 'omitted' in outcome ? { error: 'empty' } : outcome;
	};

/**
 * Checks one run against the outcome the rule gives: the error names the parameter and the item
 * (and nothing was sent), or the request carries the value, or leaves the field out.
 */
export function expectOutcome(
	outcome: Outcome,
	{ error, output }: NodeRun,
	requests: RecordedRequest[],
	{ label, field }: { label: string; field: (body: Record<string, unknown>) => unknown },
) {
	if ('error' in outcome) {
		const start =
			outcome.error === 'empty'
				? `The "${label}" parameter is empty in item 0`
				: `The "${label}" parameter in item 0 is `;
		expect(error?.message.startsWith(start)).toBe(true);
		expect(error?.description?.startsWith(label)).toBe(true);
		expect(requests).toHaveLength(0);
		return;
	}
	expect(error).toBeUndefined();
	expect(output).toHaveLength(1);
	expect(requests).toHaveLength(1);
	const body = requests[0].body as Record<string, unknown>;
	if ('omitted' in outcome) expect(field(body)).toBeUndefined();
	else expect(field(body)).toEqual(outcome.sent);
}
