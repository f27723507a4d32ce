// TransferQueue + the real executor over DriveService, against the in-process emulator (real
// login, real SDK, genuinely encrypted blocks): a local tree goes up and comes back byte-identical.
import assert from 'node:assert/strict';
import {mkdir, mkdtemp, readdir, readFile, stat, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import {deterministicBytes} from '../../../source/emulator/seed/demo-content.js';
import type {DriveNode} from '../../../source/services/drive/drive-service.js';
import {createTransferExecutor} from '../../../source/services/transfers/transfer-executor.js';
import {TransferQueue} from '../../../source/services/transfers/transfer-queue.js';
import {type Harness, startHarness, storeRawNames} from '../drive/emulator-harness.js';

const MiB = 1024 * 1024;

/** Every entry under `root` as 'rel/path/' (folders) or 'rel/path' → bytes (files). */
async function readTree(root: string): Promise<Map<string, Buffer | 'folder'>> {
	const out = new Map<string, Buffer | 'folder'>();
	const walk = async (dir: string, rel: string) => {
		for (const entry of await readdir(dir, {withFileTypes: true})) {
			const full = path.join(dir, entry.name);
			const key = rel ? `${rel}/${entry.name}` : entry.name;
			if (entry.isDirectory()) {
				out.set(`${key}/`, 'folder');
				await walk(full, key);
			} else {
				assert.ok(entry.isFile(), `${full} is neither file nor folder`);
				out.set(key, await readFile(full));
			}
		}
	};
	await walk(root, '');
	return out;
}

async function childNamed(
	drive: Harness['drive'],
	parentUid: string,
	name: string,
): Promise<DriveNode> {
	for await (const node of drive.listFolder(parentUid)) if (node.name === name) return node;
	throw new Error(`no ${name} in ${parentUid}`);
}

describe('TransferQueue over createTransferExecutor(DriveService) against the emulator', () => {
	let h: Harness;
	let rootUid: string;
	before(async () => {
		h = await startHarness();
		rootUid = (await h.drive.root()).uid;
	});
	after(async () => {
		await h?.stop();
	});

	test('a local folder tree goes to Drive and comes back byte-identical', async () => {
		const src = path.join(h.tmp, 'tree');
		await mkdir(path.join(src, 'nested', 'deeper'), {recursive: true});
		await mkdir(path.join(src, 'empty-folder'));
		await writeFile(path.join(src, 'zero.bin'), new Uint8Array(0));
		await writeFile(path.join(src, 'hello.txt'), 'hello, drive\n');
		await writeFile(path.join(src, 'big.bin'), deterministicBytes(4 * MiB + 4321, 'queue-big'));
		await writeFile(path.join(src, 'nested', 'inner.txt'), 'inner');
		await writeFile(
			path.join(src, 'nested', 'deeper', 'deep.bin'),
			deterministicBytes(70_000, 'deep'),
		);
		await writeFile(path.join(src, 'nested', 'deeper', 'Résumé 履歴書.txt'), 'non-ASCII name');
		const original = await readTree(src);

		const up = new TransferQueue({executor: createTransferExecutor(h.drive)});
		let notifications = 0;
		up.subscribe(() => notifications++);
		await up.copyToDrive(src, rootUid, {targetLabel: '/'});
		await up.idle();
		const upJobs = up.jobs();
		assert.deepEqual(
			upJobs.filter((j) => j.state !== 'done').map((j) => `${j.name}: ${j.error?.message}`),
			[],
		);
		assert.equal(upJobs.length, 6, 'one job per file');
		assert.ok(upJobs.every((j) => j.direction === 'upload' && j.kind === 'file'));
		for (const job of upJobs) {
			const size = (await stat(job.source)).size;
			assert.equal(job.bytesTotal, size, job.name);
			assert.equal(job.bytesDone, size, job.name);
		}
		assert.equal(upJobs.find((j) => j.name === 'deep.bin')?.targetLabel, '/tree/nested/deeper');
		assert.ok(notifications > upJobs.length);

		// Back down through a second service with its own SDK client: only what the server holds.
		const fresh = h.freshDrive();
		const remoteTree = await childNamed(fresh, rootUid, 'tree');
		const out = await mkdtemp(path.join(h.tmp, 'back-'));
		const down = new TransferQueue({executor: createTransferExecutor(fresh), concurrency: 2});
		await down.copyToLocal(remoteTree, out);
		await down.idle();
		const downJobs = down.jobs();
		assert.deepEqual(
			downJobs.filter((j) => j.state !== 'done').map((j) => `${j.name}: ${j.error?.message}`),
			[],
		);
		assert.equal(downJobs.length, 6);
		assert.deepEqual(await readdir(out), ['tree']);

		const copy = await readTree(path.join(out, 'tree'));
		assert.deepEqual([...copy.keys()].sort(), [...original.keys()].sort());
		for (const [key, value] of original) {
			const back = copy.get(key);
			if (value === 'folder') assert.equal(back, 'folder', key);
			else assert.ok(Buffer.isBuffer(back) && value.equals(back), `${key} differs`);
		}
		assert.equal((copy.get('zero.bin') as Buffer).length, 0);
		assert.equal((copy.get('big.bin') as Buffer).length, 4 * MiB + 4321);

		// Copying the same tree up again merges into the existing folders; files conflict.
		const again = new TransferQueue({executor: createTransferExecutor(h.drive)});
		await again.copyToDrive(src, rootUid, {targetLabel: '/'});
		await again.idle();
		const againJobs = again.jobs();
		assert.equal(againJobs.length, 6);
		assert.ok(
			againJobs.every((j) => j.kind === 'file' && j.error?.kind === 'name-exists'),
			JSON.stringify(againJobs.map((j) => [j.name, j.state, j.error])),
		);
		const rootNames: string[] = [];
		for await (const node of h.freshDrive().listFolder(rootUid)) rootNames.push(node.name);
		assert.equal(rootNames.filter((n) => n === 'tree').length, 1, 'no second tree folder');
		const nested = await childNamed(h.freshDrive(), remoteTree.uid, 'nested');
		const nestedNames: string[] = [];
		for await (const node of h.freshDrive().listFolder(nested.uid)) nestedNames.push(node.name);
		assert.deepEqual(nestedNames.sort(), ['deeper', 'inner.txt']);
	});

	test('remote file names that are hostile locally stay inside the target folder', async () => {
		const folder = await h.drive.createFolder(rootUid, 'hostile-queue');
		// Our service refuses such names; another client (the raw SDK) can still store them.
		await storeRawNames(h.session, folder.uid, ['../escape', 'a/b'], 'hostile-queue-writer');
		const out = await mkdtemp(path.join(h.tmp, 'hostile-back-'));
		const q = new TransferQueue({executor: createTransferExecutor(h.freshDrive())});
		await q.copyToLocal({uid: folder.uid, name: folder.name, type: 'folder'}, out);
		await q.idle();
		assert.deepEqual(
			q.jobs().map((j) => j.state),
			['done', 'done'],
		);
		assert.deepEqual(await readdir(out), ['hostile-queue']);
		assert.deepEqual((await readdir(path.join(out, 'hostile-queue'))).sort(), ['.._escape', 'a_b']);
		assert.ok(!(await readdir(h.tmp)).includes('escape'));
	});
});
