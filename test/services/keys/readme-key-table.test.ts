import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {renderKeyTableMarkdown} from '../../../source/services/keys/help.js';

const readme = readFileSync(new URL('../../../readme.md', import.meta.url), 'utf8');

test("the readme's key table is the one generated from the keymap", () => {
	const block = /<!-- keys:start[^>]*-->\n([\s\S]*?)<!-- keys:end -->/.exec(readme);
	assert.ok(block, 'readme.md has the keys:start / keys:end markers');
	assert.equal(
		block[1],
		renderKeyTableMarkdown(),
		'regenerate it: node --import tsx source/services/keys/print-key-table.ts',
	);
});
