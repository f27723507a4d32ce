import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {helpRows} from '../../../source/services/keys/help.js';
import {helpText} from '../../../source/ui/start/help-text.js';

const readme = readFileSync(new URL('../../../readme.md', import.meta.url), 'utf8');

function optionLines(text: string): string[] {
	// The option list: from the line that starts with --demo to the one that starts with --version.
	const start = text.search(/^[ \t]*--demo /m);
	const end = text.search(/^[ \t]*--version /m);
	assert.ok(start >= 0 && end > start, 'the text lists the options from --demo to --version');
	return text
		.slice(start, text.indexOf('\n', end))
		.split('\n')
		.map((line) => line.trim());
}

test('--help lists every implemented key command', () => {
	const help = helpText();
	for (const row of helpRows()) assert.ok(help.includes(row.keys), `--help shows ${row.keys}`);
	assert.match(help, /Ctrl-C\s+Quit at once/);
});

test("the readme's options are the ones --help prints, word for word", () => {
	assert.deepEqual(optionLines(readme), optionLines(helpText()));
});
