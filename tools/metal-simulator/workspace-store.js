'use strict';

// In-memory workspaces of the one organization the simulator pretends to serve. Callers get
// copies, so a test that edits a returned object cannot change what the API answers next.

function createWorkspaceStore({ nextId, now = () => new Date() }) {
	let records = [];
	let sequence = 0;

	function toWorkspace(record) {
		return structuredClone(record.workspace);
	}

	function matches(workspace, needle) {
		if (workspace.name.toLowerCase().includes(needle)) return true;
		return workspace.company !== undefined && workspace.company.toLowerCase().includes(needle);
	}

	return {
		create({ name, company, isPrivate }) {
			const timestamp = now().toISOString();
			// Key order follows the OpenAPI Workspace schema; company only appears when given.
			const workspace = {
				id: nextId(),
				name,
				source: 'api',
				...(company !== undefined ? { company } : {}),
				isPrivate: isPrivate ?? false,
				isPersonal: false,
				createdAt: timestamp,
				updatedAt: timestamp,
			};
			sequence += 1;
			records.push({ sequence, workspace });
			return structuredClone(workspace);
		},

		get(id) {
			const record = records.find((candidate) => candidate.workspace.id === id);
			return record ? toWorkspace(record) : undefined;
		},

		/** Case-insensitive substring match on name or company, newest first. */
		search({ query, page, limit, starMatchesAll }) {
			const needle = query.trim().toLowerCase();
			const matchAll = starMatchesAll && needle === '*';
			const hits = records
				.filter((record) => matchAll || matches(record.workspace, needle))
				// The sequence breaks ties between workspaces created within the same millisecond.
				.sort((a, b) => b.sequence - a.sequence);
			const offset = (page - 1) * limit;
			return {
				data: hits.slice(offset, offset + limit).map(toWorkspace),
				metadata: {
					page,
					limit,
					totalCount: hits.length,
					totalPages: Math.ceil(hits.length / limit),
				},
			};
		},

		/** Every stored workspace, oldest first (creation order). */
		all() {
			return records.map(toWorkspace);
		},

		clear() {
			records = [];
		},
	};
}

module.exports = { createWorkspaceStore };
