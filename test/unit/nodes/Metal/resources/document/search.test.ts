import type { INodePropertyOptions } from 'n8n-workflow';

import { Metal } from '../../../../../../nodes/Metal/Metal.node';
import { describeSearch } from '../../../../../helpers/metalSearch';

describeSearch('Document', 'document', '/v1/documents');

describe('Document → Search: what it tells an AI agent', () => {
	const operations = new Metal().description.properties.find(
		(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('document'),
	);
	const options = (operations?.options ?? []) as INodePropertyOptions[];

	it('is the only operation of Document', () => {
		expect(options.map((o) => o.value)).toEqual(['search']);
	});

	it('says what it returns, and to use a record’s own Search to find it by name', () => {
		expect(options[0].description).toBe(
			"Search the text of the documents ingested into Metal (memos, decks, filings, data room files) by meaning, and return the matching documents as Metal reports them, best match first. Use it to answer a question from the firm's own documents; ask in plain words. To find a company, deal or person record by its name, use that resource's Search instead.",
		);
	});
});
