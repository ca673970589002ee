/**
 * Each watched deal's last seen stage and status, in 8 characters: a 42-bit hash of its id (7
 * characters) and one character naming its (stage, status) pair in a small table. 10,000 deals take
 * about 80 KB of the workflow's static data.
 */

/** A deal's stage and status, null where Metal sent none. */
export type StageStatus = [stage: string | null, status: string | null];

/** What the workflow's static data keeps. */
export interface Snapshot {
	/** The pairs in use; a deal's code is the index of its pair here, as one ALPHABET character. */
	pairs: StageStatus[];
	/** Key and code of every deal, 8 characters each, sorted by key. */
	deals: string;
}

// URL-safe base64: each character carries 6 bits and needs no escaping in JSON.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const KEY_LENGTH = 7;
const ENTRY_LENGTH = KEY_LENGTH + 1;

/**
 * A 42-bit hash of a deal's id (two 32-bit multiply-xorshift lanes, 21 bits of each), as 7
 * characters. Two of 10,000 deals share a key with a chance of about 1 in 88,000; such deals are
 * left out of the snapshot rather than mistaken for each other.
 */
export function keyOf(id: string): string {
	let a = 0x9e3779b9;
	let b = 0x85ebca6b;
	for (let i = 0; i < id.length; i++) {
		const c = id.charCodeAt(i);
		a = Math.imul(a ^ c, 0xcc9e2d51);
		b = Math.imul(b ^ c, 0x1b873593);
		a = (a << 13) | (a >>> 19);
		b = (b << 17) | (b >>> 15);
	}
	a = Math.imul(a ^ (a >>> 16), 0x85ebca6b) ^ Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
	b = Math.imul(b ^ (b >>> 16), 0xc2b2ae35) ^ Math.imul(a ^ (a >>> 15), 0x27d4eb2f);
	let bits = (a >>> 11) * 2 ** 21 + (b >>> 11);
	let key = '';
	for (let i = 0; i < KEY_LENGTH; i++) {
		key += ALPHABET[bits % 64];
		bits = Math.floor(bits / 64);
	}
	return key;
}

/** The snapshot of `deals` (key → pair). Pairs past the 64 a character can name are left out. */
export function encode(deals: Map<string, StageStatus>): Snapshot {
	const pairs: StageStatus[] = [];
	const codes = new Map<string, string>();
	let text = '';
	for (const key of [...deals.keys()].sort()) {
		const pair = deals.get(key) as StageStatus;
		const name = JSON.stringify(pair);
		let code = codes.get(name);
		if (code === undefined) {
			if (pairs.length === ALPHABET.length) continue;
			code = ALPHABET[pairs.length];
			pairs.push(pair);
			codes.set(name, code);
		}
		text += key + code;
	}
	return { pairs, deals: text };
}

/** Key → pair of a snapshot; entries that do not read as one are skipped. */
export function decode({ pairs, deals }: Snapshot): Map<string, StageStatus> {
	const map = new Map<string, StageStatus>();
	for (let i = 0; i + ENTRY_LENGTH <= deals.length; i += ENTRY_LENGTH) {
		const pair = pairs[ALPHABET.indexOf(deals[i + KEY_LENGTH])];
		if (pair !== undefined) map.set(deals.slice(i, i + KEY_LENGTH), pair);
	}
	return map;
}

export function samePair(a: StageStatus, b: StageStatus): boolean {
	return a[0] === b[0] && a[1] === b[1];
}

const isPair = (value: unknown): value is StageStatus =>
	Array.isArray(value) &&
	value.length === 2 &&
	value.every((part) => part === null || typeof part === 'string');

/** The snapshot kept in the workflow's static data, if it is one. */
export function readSnapshot(stored: { pairs?: unknown; deals?: unknown }): Snapshot | undefined {
	const { pairs, deals } = stored;
	if (typeof deals !== 'string' || !Array.isArray(pairs) || !pairs.every(isPair)) return undefined;
	return { pairs, deals };
}
