/**
 * Texts as a user means them, for the names the node compares itself (Create or Get, filters, the
 * pickers): the same whatever their case, the spaces around them, or how their accents are encoded.
 * "Café" typed as one character é or as e plus a combining accent is one name (Unicode's canonical
 * equivalence, normal form NFC). Compatibility forms (full-width letters, ligatures such as ﬁ,
 * superscripts) stay different: they can mean something else.
 */
export function textKey(text: string): string {
	return text.trim().normalize('NFC').toLowerCase();
}

/**
 * The forms a search for `text` should be sent in: as given, then composed and decomposed. Metal
 * does not document whether its search equates them, and a name stored in the other form must be
 * found all the same.
 */
export function searchForms(text: string): string[] {
	return [...new Set([text, text.normalize('NFC'), text.normalize('NFD')])];
}
