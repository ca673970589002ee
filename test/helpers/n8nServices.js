// n8n-core's services (the poll executor with its logger, tracing and error reporter) come from its
// dependency injection container, which is n8n-core's own copy of @n8n/di. Plain JavaScript because
// the n8n lint forbids `require` in TypeScript files.
'use strict';
const { Container } = require(require.resolve('@n8n/di', { paths: [require.resolve('n8n-core')] }));

/** The instance n8n-core's container holds for a service class, such as PollTriggerExecutor. */
exports.n8nService = (type) => Container.get(type);
