import type { IDataObject } from 'n8n-workflow';

/**
 * Metal ids are 24-hex ObjectIds whose first 4 bytes are the record's creation time in seconds, and
 * Metal lists records newest first by id. Compared as lower-case text, ids sort as they are created.
 */
const OBJECT_ID = /^[0-9a-f]{24}$/;

/** The record's id in lower case, or undefined when it has none a trigger can follow. */
export function idOf(record: IDataObject): string | undefined {
	const id = typeof record.id === 'string' ? record.id.toLowerCase() : undefined;
	return id !== undefined && OBJECT_ID.test(id) ? id : undefined;
}

/** The creation time of the record with this id, in seconds since 1970. */
export function secondsOf(id: string): number {
	return parseInt(id.slice(0, 8), 16);
}

/** The lowest id a record created at `seconds` can have. */
export function firstIdAt(seconds: number): string {
	const clamped = Math.min(0xffffffff, Math.max(0, Math.floor(seconds)));
	return clamped.toString(16).padStart(8, '0') + '0'.repeat(16);
}

/** The id that follows `id`: everything below it is `id` or older. */
export function nextId(id: string): string {
	const digits = id.split('');
	for (let i = digits.length - 1; i >= 0; i--) {
		if (digits[i] !== 'f') {
			digits[i] = (parseInt(digits[i], 16) + 1).toString(16);
			return digits.join('');
		}
		digits[i] = '0';
	}
	return id;
}

export const maxId = (a: string, b: string) => (a > b ? a : b);
export const minId = (a: string, b: string) => (a < b ? a : b);
