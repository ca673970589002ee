import { searchOperation } from '../search';

export const search = searchOperation({
	noun: 'document',
	plural: 'documents',
	path: '/v1/documents',
	placeholder: 'e.g. revenue growth of Acme in 2025',
	description:
		"Search the text of the documents ingested into Metal (memos, decks, filings, data room files) by meaning, and return the matching documents as Metal reports them, best match first. Use it to answer a question from the firm's own documents; ask in plain words. To find a company, deal or person record by its name, use that resource's Search instead.",
});
