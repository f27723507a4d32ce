import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {HelpOverlay} from '../../../source/ui/browser/help-overlay.js';
import {keysHelpRows} from './help-rows.js';

afterEach(() => cleanup());

test('at 80×24 every key fits in the help (it covers the panes and the progress panel)', () => {
	// The browser gives the help rows - 2 lines: the title line and the key bar stay.
	const {lastFrame} = render(<HelpOverlay rows={keysHelpRows} width={80} height={24 - 2} />);
	const frame = lastFrame() ?? '';
	assert.equal(frame.split('\n').length, 22);
	for (const row of keysHelpRows) assert.ok(frame.includes(row.description), row.description);
	assert.doesNotMatch(frame, /more \(enlarge the terminal\)/);
});

test('when the rows do not fit, the last line says how many more there are', () => {
	const {lastFrame} = render(<HelpOverlay rows={keysHelpRows} width={80} height={10} />);
	const frame = lastFrame() ?? '';
	assert.equal(frame.split('\n').length, 10);
	assert.match(frame, new RegExp(`… ${keysHelpRows.length - 6} more \\(enlarge the terminal\\)`));
});
