// Issue 4, part 3: copies in both directions through the real CLI (`--api-url` at an emulator this
// test runs), checked on the screen and byte for byte on both sides: what the TUI uploaded is read
// back through a DriveService of the test's own; what it downloaded is compared with the seed.
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {demoFiles} from '../../source/emulator/seed/demo-content.js';
import type {RunningEmulator} from '../../source/emulator/start-emulator.js';
import type {DriveNode} from '../../source/services/drive/drive-node.js';
import type {DriveService} from '../../source/services/drive/drive-service.js';
import {formatSize} from '../../source/ui/text/format-size.js';
import {KEYS} from './pty-harness.js';
import {
	cursorOn,
	driveRow,
	exitOf,
	expectScreen,
	independentDrive,
	localRow,
	makeTempDirs,
	paneHeader,
	press,
	signIn,
	startSeededEmulator,
	type TempDirs,
	withCli,
} from './e2e-helpers.js';

const BIG = 'random-5mib.bin';
const SMALL = 'small-note.txt';
// Over one 4 MiB block, and not a multiple of anything.
const bigBytes = randomBytes(5 * 1024 * 1024 + 12_345);
const smallBytes = Buffer.from(`a note written at ${new Date().toISOString()}\n`);

let emulator: RunningEmulator;
let dirs: TempDirs;
let readBack: string;

before(async () => {
	[emulator, dirs] = await Promise.all([startSeededEmulator(), makeTempDirs()]);
	readBack = await mkdtemp(path.join(os.tmpdir(), 'pdrive-e2e-readback-'));
	await writeFile(path.join(dirs.cwd, BIG), bigBytes);
	await writeFile(path.join(dirs.cwd, SMALL), smallBytes);
});

after(async () => {
	await emulator?.stop();
	await dirs?.remove();
	if (readBack) await rm(readBack, {recursive: true, force: true});
});

const summary = (done: number) =>
	new RegExp(`^${done} done, 0 failed, 0 running, 0 queued — `, 'm');

async function childByName(drive: DriveService, parentUid: string, name: string) {
	const found: DriveNode[] = [];
	for await (const node of drive.listFolder(parentUid)) if (node.name === name) found.push(node);
	assert.equal(found.length, 1, `exactly one ${name} in Drive`);
	return found[0] as DriveNode;
}

test('F5 and c upload local files, F5 downloads a Drive file; bytes match on both sides', {
	timeout: 60_000,
}, async () => {
	await withCli(['--api-url', emulator.url], {cwd: dirs.cwd, env: dirs.env}, async (cli) => {
		await signIn(cli);
		const start = await expectScreen(
			cli,
			[cursorOn(BIG), localRow(SMALL), driveRow('README.txt')],
			{
				marked: true,
			},
		);
		assert.doesNotMatch(start, driveRow(BIG));

		// Local pane: F5 on the first file uploads it into the Drive root.
		await press(cli, KEYS.f5, /Copying random-5mib\.bin to \//);
		await cli.waitFor(summary(1), 30_000);
		await expectScreen(cli, [
			new RegExp(`││ {2}random-5mib\\.bin\\s+${formatSize(bigBytes.length)} `),
			/│3 folders, 2 files, /,
		]);

		// 'c' copies too.
		await press(cli, 'j', cursorOn(SMALL));
		await press(cli, 'c', /Copying small-note\.txt to \//);
		await cli.waitFor(summary(2), 30_000);
		// The Drive root lists both uploads next to the seed.
		await expectScreen(cli, [driveRow(BIG), driveRow(SMALL), /│3 folders, 3 files, /]);

		// Drive pane: down to /Projects/pdrive/assets and F5 the 9 MiB seeded file into cwd.
		await press(cli, KEYS.tab, cursorOn('Documents', 'folder'));
		await press(cli, 'j', cursorOn('Photos', 'folder'));
		await press(cli, 'j', cursorOn('Projects', 'folder'));
		await press(cli, KEYS.enter, paneHeader('Drive', '/Projects'));
		await cli.waitForMarked(cursorOn('pdrive', 'folder'));
		await press(cli, KEYS.enter, paneHeader('Drive', '/Projects/pdrive'));
		await cli.waitForMarked(cursorOn('assets', 'folder'));
		await press(cli, KEYS.enter, paneHeader('Drive', '/Projects/pdrive/assets'));
		await cli.waitForMarked(cursorOn('dataset.bin'));
		await press(cli, KEYS.f5, new RegExp(`Copying dataset\\.bin to ${dirs.cwd}`));
		await cli.waitFor(summary(3), 30_000);
		await expectScreen(cli, [
			new RegExp(`^│ {2}dataset\\.bin\\s+${formatSize(9 * 1024 * 1024)} `, 'm'),
			/^│0 folders, 3 files, /m,
		]);

		// Nothing running: q quits at once.
		cli.write('q');
		assert.equal((await exitOf(cli)).exitCode, 0);
	});

	// The download, byte for byte against the seed's content.
	const seeded = demoFiles().find((f) => f.name === 'dataset.bin');
	assert.ok(seeded);
	const downloaded = await readFile(path.join(dirs.cwd, 'dataset.bin'));
	assert.equal(downloaded.length, 9 * 1024 * 1024);
	assert.ok(downloaded.equals(Buffer.from(seeded.content)), 'dataset.bin is byte-exact');

	// The uploads, read back through a DriveService of the test's own (not the TUI).
	const drive = await independentDrive(emulator.url);
	const root = await drive.root();
	for (const [name, bytes] of [
		[BIG, bigBytes],
		[SMALL, smallBytes],
	] as const) {
		const node = await childByName(drive, root.uid, name);
		assert.equal(node.type, 'file');
		assert.equal(node.size, bytes.length, `${name}: size on Drive`);
		const local = await drive.download(node.uid, readBack);
		assert.equal(path.basename(local), name);
		assert.ok((await readFile(local)).equals(bytes), `${name} is byte-exact on Drive`);
	}
});
