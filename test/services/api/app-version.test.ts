import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {APP_VERSION} from '../../../source/services/api/app-version.js';

test('APP_VERSION is the honest external-drive id with the package.json version', () => {
	const pkg = JSON.parse(
		readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
	) as {version: string};
	assert.equal(APP_VERSION, `external-drive-pdrive_tui@${pkg.version}`);
	assert.match(APP_VERSION, /^external-drive-[a-z_]+@\d+\.\d+\.\d+/);
});
