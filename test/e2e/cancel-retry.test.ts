// Cancel and retry from the transfer list (w, x, r) through the real CLI, at full speed: the cancel
// lands while the SDK has block uploads in flight, and SDK 0.9.9 leaves those aborted requests
// unhandled; the app must stay up, and the retry must upload the file byte-exact. Then quitting
// during a download (held by the emulator's slow-storage switch) must leave no temporary file.
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {after, before, test} from 'node:test';
import type {RunningEmulator} from '../../source/emulator/start-emulator.js';
import {KEYS} from './pty-harness.js';
import {
	cursorOn,
	exitOf,
	expectScreen,
	independentDrive,
	makeTempDirs,
	press,
	signIn,
	startSeededEmulator,
	type TempDirs,
	withCli,
} from './e2e-helpers.js';

const NAME = 'video-48mib.bin';
const bytes = randomBytes(48 * 1024 * 1024 + 777);

let emulator: RunningEmulator;
let dirs: TempDirs;
let readBack: string;

before(async () => {
	[emulator, dirs] = await Promise.all([startSeededEmulator(), makeTempDirs()]);
	readBack = await mkdtemp(path.join(os.tmpdir(), 'pdrive-e2e-readback-'));
	await mkdir(path.join(dirs.cwd, 'inbox'));
	await writeFile(path.join(dirs.cwd, NAME), bytes);
});

after(async () => {
	await emulator?.stop();
	await dirs?.remove();
	if (readBack) await rm(readBack, {recursive: true, force: true});
});

test('x cancels a running upload mid-block, the app stays up, r uploads it again byte-exact', {
	timeout: 90_000,
}, async () => {
	await withCli(['--api-url', emulator.url], {cwd: dirs.cwd, env: dirs.env}, async (cli) => {
		await signIn(cli);
		await press(cli, 'j', cursorOn(NAME)); // past the 'inbox' folder
		await press(cli, KEYS.f5, /Copying video-48mib\.bin to \//);
		await press(cli, 'w', /Transfers \(1\) — x cancel · r retry · Esc back/);
		// Some blocks are up, most are still to go: cancel now.
		await cli.waitFor(/▶ ↑ video-48mib\.bin\s+[█░]+\s+([1-9]|[1-5]\d)%/, 30_000);
		await press(cli, 'x', /– ↑ video-48mib\.bin\s+cancelled — r retries/);
		await expectScreen(cli, [/Cancelled video-48mib\.bin\./, /0 done, 0 failed, 1 cancelled/]);

		// Still alive and answering keys well after the aborted block requests came back.
		await new Promise((r) => setTimeout(r, 1500));
		await press(cli, KEYS.escape, cursorOn(NAME));
		await press(cli, 'w', /Transfers \(1\)/);

		await press(cli, 'r', /Retrying video-48mib\.bin\./);
		await cli.waitFor(/^1 done, 0 failed, 0 running, 0 queued — /m, 60_000);
		await expectScreen(cli, [/✓ ↑ video-48mib\.bin\s+50 MB in/]);
		cli.write('q');
		assert.equal((await exitOf(cli)).exitCode, 0);
	});

	const drive = await independentDrive(emulator.url);
	const root = await drive.root();
	const found = [];
	for await (const node of drive.listFolder(root.uid)) if (node.name === NAME) found.push(node);
	assert.equal(found.length, 1, 'one file, no leftover from the cancelled try');
	const local = await drive.download(found[0].uid, readBack);
	assert.ok((await readFile(local)).equals(bytes), 'the retried upload is byte-exact');
	assert.equal(emulator.controls.drive.stats().drafts, 0, 'no draft left on the server');
});

test('quitting during a download cancels it and leaves no temporary file', {
	timeout: 90_000,
}, async () => {
	// A config folder of its own: this start signs in too (the first test saved its session).
	const env = {PDRIVE_TUI_CONFIG_DIR: await mkdtemp(path.join(os.tmpdir(), 'pdrive-e2e-config-'))};
	await withCli(['--api-url', emulator.url], {cwd: dirs.cwd, env}, async (cli) => {
		await signIn(cli);
		await press(cli, KEYS.enter, /│Local \S*inbox\s/); // into the empty local folder
		await press(cli, KEYS.tab, cursorOn('Documents', 'folder'));
		await press(cli, 'G', cursorOn(NAME));
		emulator.controls.drive.delayStorage(60_000); // the download stays running
		await press(cli, KEYS.f5, /Copying video-48mib\.bin to /);
		await cli.waitFor(/0 done, 0 failed, 1 running/);
		await press(cli, 'q', /1 transfer running — quit anyway\? y\/n/);
		cli.write('y');
		assert.equal((await exitOf(cli)).exitCode, 0);
	});
	emulator.controls.drive.delayStorage(0);
	await rm(env.PDRIVE_TUI_CONFIG_DIR, {recursive: true, force: true});
	assert.deepEqual(await readdir(path.join(dirs.cwd, 'inbox')), []);
});
