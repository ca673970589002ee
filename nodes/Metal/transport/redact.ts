/** The most of an upstream message an error quotes: a proxy's HTML page is no error message. */
export const MAX_UPSTREAM_TEXT = 300;

const REDACTED = '[redacted]';

/**
 * Scrubs the credential's secrets from what Metal, or whatever answers at the Base URL, sends back.
 * A proxy that echoes the request headers must not put the API key into errors, error items or
 * output items, where n8n stores it with the execution.
 */
export class Redactor {
	private readonly secrets: string[];

	constructor(secrets: unknown[]) {
		const texts = secrets.filter((s): s is string => typeof s === 'string' && s.trim().length >= 4);
		// Also as a URL or JSON would quote them; longest first, so no part of a secret survives.
		const forms = texts.flatMap((s) => [s, encodeURIComponent(s), JSON.stringify(s).slice(1, -1)]);
		this.secrets = [...new Set(forms)].sort((a, b) => b.length - a.length);
	}

	/** An upstream text for an error: secrets scrubbed, cut to a readable length. */
	message(text: string): string {
		const clean = this.scrub(text.trim());
		return clean.length > MAX_UPSTREAM_TEXT ? `${clean.slice(0, MAX_UPSTREAM_TEXT)}…` : clean;
	}

	/** A whole answer (parsed JSON, or text) as an error may quote it: scrubbed, cut short. */
	quote(answer: unknown): string {
		const text = typeof answer === 'string' ? answer : JSON.stringify(answer);
		return this.message(text ?? '');
	}

	/** Every string in a parsed answer, scrubbed in place; the answer itself is returned. */
	answer<T>(value: T): T {
		if (value === null || typeof value !== 'object') return value;
		const record = value as Record<string, unknown>;
		for (const key of Object.keys(record)) {
			const entry = record[key];
			if (typeof entry === 'string') record[key] = this.scrub(entry);
			else if (entry !== null && typeof entry === 'object') this.answer(entry);
		}
		return value;
	}

	private scrub(text: string): string {
		let clean = text;
		for (const secret of this.secrets) {
			if (clean.includes(secret)) clean = clean.split(secret).join(REDACTED);
		}
		return clean;
	}
}
