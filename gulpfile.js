// Copies what tsc does not: the node's and the credential's icons, next to the compiled code in
// dist/. tsc (tsconfig.json) emits the code and the JSON files under nodes/ (codex, output schemas).
const { src, dest } = require('gulp');

function copyAssets() {
	return src(['nodes/**/*.{svg,png}', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:assets'] = copyAssets;
exports.default = copyAssets;
