/**
 * The words of a 404, derived once from the request's path rather than spelled out by every
 * operation: `/v1/deals/{id}` is a deal that Metal does not have, `/v1/companies/externalId=crm-1` a
 * company with that external ID; a path that names no record quotes Metal, since either the endpoint
 * or a record the body names may be missing.
 */

/** Metal's collections, as a user names one of their records, with where its ID is found. */
const RECORDS: Record<string, { noun: string; find?: string }> = {
	activities: {
		noun: 'activity',
		find: 'Use the ID that Activity → Create gave for it (the id field of its output), or find it with Activity → Search.',
	},
	companies: {
		noun: 'company',
		find: 'Pick the company From List, or find it with Company → Search or Get Many.',
	},
	deals: {
		noun: 'deal',
		find: 'Find the deal with Deal → Search or Get Many.',
	},
	people: { noun: 'person', find: 'Find the person with Person → Search.' },
	scores: { noun: 'score', find: "Copy the score's ID from Metal." },
	workflows: { noun: 'workflow', find: 'Pick the workflow From List, or copy its ID from Metal.' },
	'workflow-runs': {
		noun: 'workflow run',
		find: 'Use the ID from the output of Workflow Run → Start, or find the run with Workflow Run → Get Many.',
	},
	workspaces: {
		noun: 'workspace',
		find: 'Pick the workspace From List, or find its ID with Workspace → Search.',
	},
};

/** How a path segment names a record: by Metal ID, or by the external ID Metal keeps for it. */
function identifier(segment: string): { by: 'ID' | 'external ID'; value: string } | undefined {
	if (/^[0-9a-f]{24}$/i.test(segment)) return { by: 'ID', value: segment };
	const external = /^externalId=(.*)$/.exec(segment);
	if (external) return { by: 'external ID', value: decoded(external[1]) };
	return undefined;
}

function decoded(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** What Metal's 404 for a request to `path` means, and what to check; `metal` is Metal's words. */
export function notFoundOf(path: string, metal: string): { message: string; description: string } {
	const segments = path.replace(/^\/v1\//, '').split('/');
	for (let i = segments.length - 1; i > 0; i--) {
		const named = identifier(segments[i]);
		if (named === undefined) continue;
		const { noun, find } = RECORDS[segments[i - 1]] ?? { noun: singular(segments[i - 1]) };
		const check =
			named.by === 'ID'
				? `Check the ID: it may be mistyped, or belong to ${article(noun)} ${noun} of another organization than the API key's.`
				: `Check the external ID: it must be exactly the one Metal keeps for the ${noun} (its externalId, case and spaces included), in the organization of the API key.`;
		return {
			message: `Metal has no ${noun} with the ${named.by} "${named.value}"`,
			description: find ? `${check} ${find}` : check,
		};
	}
	// No record in the path: the endpoint is missing, or a record the body names (a create's).
	return {
		message: `Metal could not find it: ${metal}`,
		description: `Check the Base URL in the Metal API credential (https://api.metal.ai, or a proxy that forwards ${path} to it), and that the records this item names belong to the organization of the API key.`,
	};
}

const singular = (plural: string) => plural.replace(/ies$/, 'y').replace(/s$/, '');

/** "a" or "an", as the noun begins. */
export const article = (noun: string) => (/^[aeiou]/i.test(noun) ? 'an' : 'a');
