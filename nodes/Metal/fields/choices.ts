import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * The options of a choice from Metal's documented values, each named in Title Case from its value
 * ("DUE_DILIGENCE" → "Due Diligence", "investment_bank" → "Investment Bank") unless `names` gives
 * the name (for initials such as "IC Meeting"). Options keep the documented order.
 */
export function documentedChoices(
	values: string[],
	names: Record<string, string> = {},
): INodePropertyOptions[] {
	const titled = (value: string) =>
		value
			.toLowerCase()
			.split('_')
			.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
			.join(' ');
	return values.map((value) => ({ name: names[value] ?? titled(value), value }));
}
