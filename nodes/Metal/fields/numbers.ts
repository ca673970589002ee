/**
 * Numbers written as text (in a sheet, an expression, a JSON text) and what JSON can carry of them.
 * A JS number keeps 15 to 17 significant digits: "1456789012345678901", an ID mapped from an item,
 * reads as 1456789012345678800. The node never sends a number changed without saying so.
 */

// Decimal notation only, as a sheet or JSON writes numbers: "12", "-0.5", "1.2e3", ".5".
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** The number a decimal text stands for, and whether a JS number holds it exactly. */
export function decimalNumber(text: string): { value: number; exact: boolean } | undefined {
	if (!DECIMAL.test(text)) return undefined;
	const value = Number(text);
	return { value, exact: significand(text) === significand(String(value)) };
}

/**
 * A number's significant digits and the place of its decimal point, whatever its notation:
 * "0012.340e1" and "123.4" are both "1234e3"; every zero is "0".
 */
function significand(text: string): string {
	const [mantissa, exponent = '0'] = text.replace(/^[+-]/, '').toLowerCase().split('e');
	const [whole, fraction = ''] = mantissa.split('.');
	const digits = whole + fraction;
	const lead = /^0*/.exec(digits)![0].length;
	const kept = digits.slice(lead).replace(/0+$/, '');
	const sign = /^-/.test(text) ? '-' : '';
	return kept === '' ? '0' : `${sign}${kept}e${whole.length - lead + Number(exponent)}`;
}

// A JSON number where a JSON value may stand (strings are skipped whole, escapes included).
const JSON_TOKEN = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/** The first number of a valid JSON text that a JS number cannot hold exactly, if any. */
export function inexactJsonNumber(json: string): { text: string; value: number } | undefined {
	for (const [token] of json.matchAll(JSON_TOKEN)) {
		if (token.startsWith('"')) continue;
		const number = decimalNumber(token);
		if (number !== undefined && !number.exact) return { text: token, value: number.value };
	}
	return undefined;
}
