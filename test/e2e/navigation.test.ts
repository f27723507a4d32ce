// Issue 4, parts 2 and 4: moving around both panes of `pdrive-tui --demo` in a real pty (Enter/l and
// the right arrow open, Backspace/h and the left arrow go back, j/k and the arrows move, Tab switches),
// then q with no running jobs exits 0 and leaves the alternate screen.
import assert from 'node:assert/strict';
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {KEYS} from './pty-harness.js';
import {
	cursorOn,
	currentTotp,
	ENTER_ALTERNATE_SCREEN,
	enterCredentials,
	enterTotp,
	exitOf,
	expectScreen,
	LEAVE_ALTERNATE_SCREEN,
	makeTempDirs,
	paneHeader,
	press,
	STEP_MS,
	type TempDirs,
	waitForBrowser,
	withCli,
} from './e2e-helpers.js';

let dirs: TempDirs;

before(async () => {
	dirs = await makeTempDirs();
	await mkdir(path.join(dirs.cwd, 'inbox'));
	await writeFile(path.join(dirs.cwd, 'inbox', 'letter.txt'), 'dear reader\n');
	await writeFile(path.join(dirs.cwd, 'top.txt'), 'top\n');
});

after(async () => {
	await dirs.remove();
});

test('--demo: navigate both panes with Enter/l/→, Backspace/h/←, j/k/↑/↓ and Tab; q exits 0', {
	timeout: 45_000,
}, async () => {
	await withCli(['--demo'], {cwd: dirs.cwd, env: dirs.env}, async (cli) => {
		await enterCredentials(cli);
		await enterTotp(cli, currentTotp());
		await waitForBrowser(cli);

		// Local pane has focus; its cursor starts on the first row (folders first).
		await cli.waitForMarked(cursorOn('inbox', 'folder'), STEP_MS);
		await press(cli, 'j', cursorOn('top.txt'));
		await press(cli, 'k', cursorOn('inbox', 'folder'));
		await press(cli, KEYS.enter, paneHeader('Local', path.join(dirs.cwd, 'inbox')));
		await cli.waitForMarked(cursorOn('letter.txt'), STEP_MS);
		await press(cli, KEYS.backspace, paneHeader('Local', dirs.cwd));
		await cli.waitForMarked(cursorOn('inbox', 'folder'), STEP_MS);

		// Drive pane: Tab moves the highlight there (the local row is only underlined now).
		let marked = await press(cli, KEYS.tab, cursorOn('Documents', 'folder'));
		assert.doesNotMatch(marked, cursorOn('inbox', 'folder'), 'one highlighted row at a time');

		await press(cli, 'j', cursorOn('Photos', 'folder'));
		await press(cli, KEYS.down, cursorOn('Projects', 'folder'));
		await press(cli, KEYS.down, cursorOn('README.txt'));
		await press(cli, KEYS.down, cursorOn('README.txt')); // the last row stays put
		await press(cli, KEYS.up, cursorOn('Projects', 'folder'));
		await press(cli, 'k', cursorOn('Photos', 'folder'));
		await press(cli, KEYS.up, cursorOn('Documents', 'folder'));
		await press(cli, 'k', cursorOn('Documents', 'folder')); // the first row stays put

		// Enter opens Documents, Backspace comes back with the cursor on the folder we left.
		await press(cli, KEYS.enter, paneHeader('Drive', '/Documents'));
		await expectScreen(
			cli,
			[
				cursorOn('budget-2024.csv'),
				/budget-2024\.csv[\s\S]*notes\.md[\s\S]*Résumé – 履歴書\.txt/,
				/│0 folders, 3 files, /,
			],
			{marked: true},
		);
		await press(cli, KEYS.backspace, paneHeader('Drive', '/'));
		await cli.waitForMarked(cursorOn('Documents', 'folder'), STEP_MS);

		// l and → go down two levels, h and ← come back up.
		await press(cli, 'j', cursorOn('Photos', 'folder'));
		await press(cli, 'j', cursorOn('Projects', 'folder'));
		await press(cli, 'l', paneHeader('Drive', '/Projects'));
		await cli.waitForMarked(cursorOn('pdrive', 'folder'), STEP_MS);
		await press(cli, KEYS.right, paneHeader('Drive', '/Projects/pdrive'));
		await expectScreen(cli, [cursorOn('assets', 'folder'), /\/ assets[\s\S]*design\.md/], {
			marked: true,
		});
		await press(cli, 'j', cursorOn('design.md'));
		await press(cli, 'h', paneHeader('Drive', '/Projects'));
		await cli.waitForMarked(cursorOn('pdrive', 'folder'), STEP_MS);
		await press(cli, KEYS.left, paneHeader('Drive', '/'));
		await cli.waitForMarked(cursorOn('Projects', 'folder'), STEP_MS);
		// At the root there is no parent: h changes nothing.
		await press(cli, 'h', paneHeader('Drive', '/'));
		await cli.waitForMarked(cursorOn('Projects', 'folder'), STEP_MS);

		// Tab back: the local pane kept its place.
		await press(cli, KEYS.tab, cursorOn('inbox', 'folder'));
		marked = await expectScreen(cli, [cursorOn('inbox', 'folder'), paneHeader('Local', dirs.cwd)], {
			marked: true,
		});
		assert.doesNotMatch(marked, cursorOn('Projects', 'folder'));

		// No running jobs: q quits at once, with exit code 0, off the alternate screen.
		cli.write('q');
		const exit = await exitOf(cli);
		assert.equal(exit.exitCode, 0);
		const raw = cli.raw();
		assert.ok(raw.includes(ENTER_ALTERNATE_SCREEN), 'entered the alternate screen');
		assert.ok(
			raw.lastIndexOf(LEAVE_ALTERNATE_SCREEN) > raw.lastIndexOf(ENTER_ALTERNATE_SCREEN),
			'left the alternate screen after last entering it',
		);
		assert.doesNotMatch(raw, /quit anyway\?/, 'no confirmation without running jobs');
	});
});
