'use strict';

// How the simulator ranks the results of a search. Metal says its searches rank by relevance, not
// how; this rule is the simulator's own, deterministic so tests can assert an order (README,
// "Searches"). A resource searches either by terms (workspaces, companies, deals, people,
// activities) or by words (documents, which Metal searches "by meaning", beyond a simulator).

const WORD_CHAR = /[\p{L}\p{N}]/u;
const WORDS = /[\p{L}\p{N}]+/gu;

// How a field value (lower case) matches a term (lower case), best first.
const EQUAL = 4;
const PREFIX = 3;
const WHOLE_WORD = 2;
const SUBSTRING = 1;

function isWordChar(char) {
	return char !== undefined && WORD_CHAR.test(char);
}

/** EQUAL, PREFIX, WHOLE_WORD (no letter or digit on either side), SUBSTRING, or 0. */
function tier(value, term) {
	if (value === term) return EQUAL;
	if (value.startsWith(term)) return PREFIX;
	let best = 0;
	for (let at = value.indexOf(term); at !== -1; at = value.indexOf(term, at + 1)) {
		if (!isWordChar(value[at - 1]) && !isWordChar(value[at + term.length])) return WHOLE_WORD;
		best = SUBSTRING;
	}
	return best;
}

/**
 * The lower-case strings a record holds in its search fields (each a field name or a function of
 * the record; a list of strings counts string by string).
 */
function valuesOf(record, fields) {
	return fields
		.flatMap((field) => (typeof field === 'function' ? [field(record)] : [record[field]]))
		.flatMap((value) => (Array.isArray(value) ? value : [value]))
		.filter((value) => typeof value === 'string')
		.map((value) => value.toLowerCase());
}

/**
 * By terms: [query words found in some field, how the whole query matches its best field, the sum
 * of each word's best match]. A word is found when it is a substring of a field.
 */
function termScore(values, phrase) {
	const best = (term) => Math.max(0, ...values.map((value) => tier(value, term)));
	const wordTiers = [...new Set(phrase.split(' '))].map(best);
	const found = wordTiers.filter((wordTier) => wordTier > 0).length;
	return [found, best(phrase), wordTiers.reduce((sum, wordTier) => sum + wordTier, 0)];
}

/** The distinct words (runs of letters and digits) of `text`, in lower case. */
function wordsOf(text) {
	return new Set(text.toLowerCase().match(WORDS) ?? []);
}

/** By words: [query words of 3+ characters that are words of the fields]. */
function wordScore(values, phrase) {
	const held = wordsOf(values.join(' '));
	const wanted = [...wordsOf(phrase)].filter((word) => [...word].length >= 3);
	return [wanted.filter((word) => held.has(word)).length];
}

function compareScores(a, b) {
	for (let index = 0; index < a.length; index += 1) {
		if (a[index] !== b[index]) return b[index] - a[index];
	}
	return 0;
}

/**
 * The records matching `query`, best first; ties (and every record when `*` matches all) newest id
 * first. A record whose score starts with 0 (no word found) is not a match.
 */
function rankMatches(records, { query, fields, by = 'terms', starMatchesAll = false }) {
	const phrase = query.trim().toLowerCase().replace(/\s+/g, ' ');
	const matchAll = starMatchesAll && phrase === '*';
	const score = by === 'words' ? wordScore : termScore;
	return records
		.map((record) => ({ record, score: matchAll ? [] : score(valuesOf(record, fields), phrase) }))
		.filter((scored) => matchAll || scored.score[0] > 0)
		.sort(
			(a, b) =>
				compareScores(a.score, b.score) ||
				(a.record.id < b.record.id ? 1 : a.record.id > b.record.id ? -1 : 0),
		)
		.map((scored) => scored.record);
}

module.exports = { rankMatches };
