/**
 * Whether `text` occurs anywhere in `value`: every own property, enumerable or not (an Error's
 * `cause`, `stack`, an Axios error's `config.headers`), however deep. JSON.stringify would miss
 * the hidden ones.
 */
export function containsText(value: unknown, text: string, seen = new Set<unknown>()): boolean {
	if (typeof value === 'string') return value.includes(text);
	if (value === null || typeof value !== 'object' || seen.has(value)) return false;
	seen.add(value);
	if (value instanceof Map) value = Object.fromEntries(value);
	return Object.getOwnPropertyNames(value).some((key) => {
		const descriptor = Object.getOwnPropertyDescriptor(value, key);
		return (
			descriptor !== undefined &&
			'value' in descriptor &&
			containsText(descriptor.value, text, seen)
		);
	});
}
