'use strict';

const crypto = require('node:crypto');

function sameSecret(received, expected) {
	if (typeof received !== 'string') return false;
	// Hashing first gives equal lengths, which timingSafeEqual needs; a local tool hardly needs
	// constant time, but it costs nothing and keeps the habit.
	const digest = (value) => crypto.createHash('sha256').update(value).digest();
	return crypto.timingSafeEqual(digest(received), digest(expected));
}

/**
 * Checks the two Metal auth headers. Returns what the request log may keep: the client id (unless
 * the caller put the secret in it by mistake), and booleans about the key, never its value.
 */
function checkCredentials(headers, { clientId, apiKey }) {
	const receivedClientId = headers['x-metal-client-id'];
	const receivedApiKey = headers['x-metal-api-key'];
	const clientIdMatched = sameSecret(receivedClientId, clientId);
	const apiKeyMatched = sameSecret(receivedApiKey, apiKey);
	const loggableClientId =
		receivedClientId === undefined
			? null
			: sameSecret(receivedClientId, apiKey)
				? '[redacted]'
				: receivedClientId;
	return {
		matched: clientIdMatched && apiKeyMatched,
		apiKeyPresent: receivedApiKey !== undefined,
		apiKeyMatched,
		loggableClientId,
	};
}

module.exports = { checkCredentials };
