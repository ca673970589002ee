import type { Outcome } from './corpus';

/** The item the JSON corpus runs on, for the expressions that read it. */
export const JSON_ITEM = { company: 'Acme', amount: 5 };

const empty: Outcome = { error: 'empty' };
const invalid: Outcome = { error: 'invalid' };
const sent = (value: unknown): Outcome => ({ sent: value });

/**
 * Values for a JSON parameter, each given by an expression, with what the node must do with it
 * where only a JSON object is taken (a workflow run's Input) and where any JSON value is (an
 * enrichment's Value). Both are required: blank, and JSON null, are "empty". A value is checked in
 * the form it is sent in: a text holding JSON is what it holds, a date its ISO text; what JSON
 * cannot carry is refused, never sent as null or left out.
 */
export const JSON_CORPUS: Array<
	[label: string, expression: string, object: Outcome, anyValue: Outcome]
> = [
	['empty text', '""', empty, empty],
	['spaces and a newline', '"  \\n"', empty, empty],
	['only a zero-width space', '"\\u200b"', empty, empty],
	['null', 'null', empty, empty],
	['a missing field', '$json.missing', empty, empty],
	['the text "null"', '"null"', empty, empty],
	['an empty object', '({})', sent({}), sent({})],
	[
		'an object',
		'({ company: "Acme", years: [2024, 2025] })',
		sent({ company: 'Acme', years: [2024, 2025] }),
		sent({ company: 'Acme', years: [2024, 2025] }),
	],
	['the incoming item', '$json', sent(JSON_ITEM), sent(JSON_ITEM)],
	[
		'an object nested deep',
		'({ a: { b: [1, { c: null }] } })',
		sent({ a: { b: [1, { c: null }] } }),
		sent({ a: { b: [1, { c: null }] } }),
	],
	[
		'an object as JSON text',
		'\'{"company":"Acme","n":1}\'',
		sent({ company: 'Acme', n: 1 }),
		sent({ company: 'Acme', n: 1 }),
	],
	['JSON text with spaces around', '\' { "a": 1 } \'', sent({ a: 1 }), sent({ a: 1 })],
	['an object with an undefined field', '({ a: undefined, b: 1 })', sent({ b: 1 }), sent({ b: 1 })],
	['an object with NaN inside', '({ score: NaN })', sent({ score: null }), sent({ score: null })],
	['an empty list', '[]', invalid, sent([])],
	['a list', '[1, "two", { three: 3 }]', invalid, sent([1, 'two', { three: 3 }])],
	['a list as JSON text', '"[1,2]"', invalid, sent([1, 2])],
	['text', '"Acme makes rockets"', invalid, sent('Acme makes rockets')],
	['text that looks like an object', '"{company: Acme}"', invalid, sent('{company: Acme}')],
	['broken JSON', '\'{"a":\'', invalid, sent('{"a":')],
	['quoted JSON text', '\'"42"\'', invalid, sent('42')],
	['the text "42"', '"42"', invalid, sent(42)],
	// A JS number keeps 15 to 17 digits: never sent changed, refused saying how to send it.
	['an ID of 19 digits, as text', '"1456789012345678901"', invalid, invalid],
	['JSON text holding a 19-digit number', '\'{"id":1456789012345678901}\'', invalid, invalid],
	[
		'JSON text holding a 19-digit ID in quotes',
		'\'{"id":"1456789012345678901"}\'',
		sent({ id: '1456789012345678901' }),
		sent({ id: '1456789012345678901' }),
	],
	['a 19-digit ID in quotes', '\'"1456789012345678901"\'', invalid, sent('1456789012345678901')],
	['a long decimal, as text', '"0.12345678901234567891"', invalid, invalid],
	['a decimal with a trailing zero, as text', '"1.50"', invalid, sent(1.5)],
	['2^53 + 1, which no number holds, as text', '"9007199254740993"', invalid, invalid],
	['a large integer a number holds exactly, as text', '"1e21"', invalid, sent(1e21)],
	['JSON text holding a number beyond what JSON carries', '\'{"a":1e400}\'', invalid, invalid],
	['the text " 0 "', '" 0 "', invalid, sent(0)],
	['the text "true"', '"true"', invalid, sent(true)],
	['the text "TRUE" (not JSON)', '"TRUE"', invalid, sent('TRUE')],
	['zero', '0', invalid, sent(0)],
	['a negative decimal', '-3.5', invalid, sent(-3.5)],
	['true', 'true', invalid, sent(true)],
	['false', 'false', invalid, sent(false)],
	['NaN', 'NaN', invalid, invalid],
	['Infinity', 'Infinity', invalid, invalid],
	['minus Infinity', '-Infinity', invalid, invalid],
	['a date', 'new Date(0)', invalid, sent('1970-01-01T00:00:00.000Z')],
	[
		"a Luxon date (in the workflow's time zone)",
		'DateTime.fromISO("2026-11-29T10:00:00Z")',
		invalid,
		sent('2026-11-29T05:00:00.000-05:00'),
	],
	['a symbol', 'Symbol("a")', invalid, invalid],
	['an object whose JSON is nothing', '({ toJSON: () => undefined })', invalid, invalid],
	['100,000 characters', '"x".repeat(100000)', invalid, sent('x'.repeat(100000))],
	['emoji and right-to-left text', '"صفقة 🚀"', invalid, sent('صفقة 🚀')],
	['a NUL character', '"a\\u0000b"', invalid, sent('a\u0000b')],
];
