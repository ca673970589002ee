'use strict';
// The Metal records the example workflows in examples/ refer to by ID or external ID (deals,
// companies, people, a Metal workflow, a score) or search for (documents), seeded into the local
// simulator so that each example runs as shipped.
// The IDs are made up: a user puts their own in the examples' sample nodes.

const IDS = Object.freeze({
	companyAcme: '6650c1a0000000000000c001',
	companyBoreal: '6650c1a0000000000000c002',
	companyCygnus: '6650c1a0000000000000c003',
	// In the CRM sheet of the external ID sync (crm-1001, crm-1002; crm-1003 is not in Metal).
	companyDelphi: '6650c1a0000000000000c004',
	companyElara: '6650c1a0000000000000c005',
	dealFalcon: '6650d1a0000000000000d001',
	// The newest deal: its ID is the highest.
	dealGannet: '6650d1a0000000000000d002',
	personJane: '6650e1a0000000000000e001',
	personOmar: '6650e1a0000000000000e002',
	workflowScreen: '6650f1a0000000000000f001',
	scoreAcme: '6650a1a0000000000000a001',
	docAcmeMemo: '6650b1a0000000000000b001',
	docAcmeDeck: '6650b1a0000000000000b002',
	docBoreal: '6650b1a0000000000000b003',
});

const COMPANIES = [
	{
		id: IDS.companyAcme,
		canonicalName: 'Acme Health',
		companyType: 'operating',
		sector: 'Healthcare',
		website: 'https://acmehealth.example',
	},
	{
		id: IDS.companyBoreal,
		canonicalName: 'Boreal Software',
		companyType: 'operating',
		sector: 'Software',
	},
	// Another case of the same sector: a filter on "Healthcare" keeps it.
	{
		id: IDS.companyCygnus,
		canonicalName: 'Cygnus Clinics',
		companyType: 'operating',
		sector: 'healthcare',
	},
	{
		id: IDS.companyDelphi,
		canonicalName: 'Delphi Robotics',
		companyType: 'operating',
		sector: 'Manufacturing',
		website: 'https://delphi-robotics.example',
		externalId: 'crm-1001',
	},
	{
		id: IDS.companyElara,
		canonicalName: 'Elara Foods',
		companyType: 'operating',
		sector: 'Food',
		externalId: 'crm-1002',
	},
];

const DEALS = [
	{
		id: IDS.dealFalcon,
		name: 'Project Falcon',
		companyId: IDS.companyAcme,
		stage: 'DUE_DILIGENCE',
		status: 'ACTIVE',
	},
	{
		id: IDS.dealGannet,
		name: 'Project Gannet',
		companyId: IDS.companyCygnus,
		stage: 'SOURCED',
		status: 'ACTIVE',
	},
];

const PEOPLE = [
	{ id: IDS.personJane, firstName: 'Jane', lastName: 'Doe', currentTitle: 'VP Finance' },
	{ id: IDS.personOmar, firstName: 'Omar', lastName: 'Haddad', currentTitle: 'Director' },
];

// What the firm's documents say (Metal searches their text): two about Acme Health, one not.
const DOCUMENTS = [
	{
		id: IDS.docAcmeMemo,
		title: 'Acme Health: investment committee memo',
		text: 'Acme Health runs 38 outpatient clinics in New England. Revenue grew 31% in 2025.',
	},
	{
		id: IDS.docAcmeDeck,
		title: 'Acme Health management presentation',
		text: 'Growth plan: 12 new clinics by 2027, funded by the add-on acquisitions.',
	},
	{
		id: IDS.docBoreal,
		title: 'Boreal Software churn analysis',
		text: 'Net revenue retention of 104% across the mid-market segment.',
	},
];

const SCREEN_OUTPUT = {
	recommendation: 'Proceed to IC',
	memo: 'Cygnus Clinics: 14 clinics, 22% revenue growth, founder-led.',
};

const SCORE = {
	id: IDS.scoreAcme,
	frameworkId: '6650a1a0000000000000a0f1',
	frameworkName: 'Healthcare services thesis',
	company: IDS.companyAcme,
	screeningId: '6650a1a0000000000000a051',
	finalScore: 4.2,
	elementScores: [
		{
			elementId: '6650a1a0000000000000a0e1',
			elementName: 'Market',
			score: 4.5,
			reasoning: 'Fragmented regional market with room to consolidate',
			confidence: 0.85,
		},
		{
			elementId: '6650a1a0000000000000a0e2',
			elementName: 'Team',
			score: 3.8,
			reasoning: 'Experienced founder, thin finance function',
			confidence: 0.7,
		},
	],
	metadata: {},
};

/**
 * Seeds the records the examples refer to. The Metal workflow finishes `runDurationMs` after it is
 * started (1 s by default), with SCREEN_OUTPUT.
 */
function seedSampleRecords(simulator, { runDurationMs = 1000 } = {}) {
	simulator.seed('companies', COMPANIES);
	simulator.seed('deals', DEALS);
	simulator.seed('people', PEOPLE);
	simulator.seed('workflows', {
		id: IDS.workflowScreen,
		name: 'Screen a deal',
		runDurationMs,
		runOutput: SCREEN_OUTPUT,
	});
	simulator.seed('scores', SCORE);
	simulator.seed('documents', DOCUMENTS);
	// A workspace made by an earlier run: Create or Get finds it rather than making another.
	simulator.seed('workspaces', { name: 'Project Falcon', company: 'Acme Health' });
}

module.exports = {
	COMPANIES,
	DEALS,
	DOCUMENTS,
	IDS,
	PEOPLE,
	SCORE,
	SCREEN_OUTPUT,
	seedSampleRecords,
};
