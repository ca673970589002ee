import { tryToParseDateTime } from 'n8n-workflow';

import { isBlank, notA, type At } from './values';

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
