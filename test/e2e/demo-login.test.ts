// Issue 4, part 1: `pdrive-tui --demo` in a real pty — notice, demo credentials with the current
// 2FA code, a wrong code re-asks only the code, the right code (read off the screen) opens both panes.
import assert from 'node:assert/strict';
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {DEMO_NOTICE_LINES} from '../../source/ui/login/notice.js';
import {
	DEMO_ACCOUNT,
	enterCredentials,
	driveRow,
	enterTotp,
	expectScreen,
	focusedEmptyField,
	localRow,
	makeTempDirs,
	paneHeader,
	type TempDirs,
	waitForBrowser,
	withCli,
	wrongTotp,
} from './e2e-helpers.js';

let dirs: TempDirs;

before(async () => {
	dirs = await makeTempDirs();
	await writeFile(path.join(dirs.cwd, 'alpha.txt'), 'alpha\n');
	await writeFile(path.join(dirs.cwd, 'beta.bin'), Buffer.alloc(2048, 7));
	await mkdir(path.join(dirs.cwd, 'folder-one'));
});

after(async () => {
	await dirs.remove();
});

test('--demo: notice, demo credentials, wrong 2FA code re-asks only the code, then both panes', {
	timeout: 45_000,
}, async () => {
	await withCli(['--demo'], {cwd: dirs.cwd, env: dirs.env}, async (cli) => {
		await expectScreen(
			cli,
			[
				focusedEmptyField('Username'),
				...DEMO_NOTICE_LINES,
				'Demo mode: a local emulator, no real account.',
				`│ Username: ${DEMO_ACCOUNT.username} `,
				`│ Password: ${DEMO_ACCOUNT.password} `,
				/│ 2FA code: \d{6} \(changes in \d+s\)/,
			],
			{marked: true, timeoutMs: 30_000},
		);

		await enterCredentials(cli);
		let screen = await expectScreen(cli, ['This account uses two-factor authentication.']);
		assert.doesNotMatch(screen, /^ Password:/m, 'the password prompt is gone at the 2FA step');

		await enterTotp(cli, wrongTotp());
		screen = await expectScreen(
			cli,
			[
				/The code is wrong, expired or already used/,
				focusedEmptyField('2FA code'),
				'This account uses two-factor authentication.',
			],
			{marked: true},
		);
		assert.doesNotMatch(screen, /^ (Username|Password):/m, 'only the code is asked again');

		// The right code, as the demo box shows it now.
		const box = await expectScreen(cli, [/│ 2FA code: \d{6} \(changes/]);
		const code = /│ 2FA code: (\d{6}) \(changes/.exec(box)?.[1];
		assert.ok(code, 'the demo box shows a 6-digit code');
		await enterTotp(cli, code);

		await waitForBrowser(cli);
		screen = await expectScreen(cli, [
			/^pdrive-tui — demo@example\.com/m,
			paneHeader('Local', dirs.cwd),
			paneHeader('Drive', '/'),
			/^│\/ folder-one\s/m,
			localRow('alpha.txt'),
			localRow('beta.bin'),
			/│1 folder, 2 files, [\d.]+ k?B\s/,
			/││\/ Documents\s[\s\S]*││\/ Photos\s[\s\S]*││\/ Projects\s/,
			driveRow('README.txt'),
			/│3 folders, 1 file, 173 B\s/,
			'No transfers. F5/c copies the highlighted entry to the other pane.',
		]);
		assert.doesNotMatch(screen, /sign in/);
	});
});
