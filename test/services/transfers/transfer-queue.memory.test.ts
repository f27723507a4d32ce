// Finished jobs must not keep what a transfer hung on its abort signal (the SDK's uploader keeps
// its whole state there): a 30,000-file copy would otherwise hold 30,000 uploaders.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import v8 from 'node:v8';
import vm from 'node:vm';
import {TransferQueue} from '../../../source/services/transfers/transfer-queue.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

test('what a transfer attached to its abort signal is freed once the job finished', async () => {
	const N = 300;
	const held: WeakRef<object>[] = [];
	const executor = {
		async upload(_path: string, _parent: string, opts: {signal?: AbortSignal}) {
			const state = {blocks: new Uint8Array(1024)};
			held.push(new WeakRef(state));
			opts.signal?.addEventListener('abort', () => state.blocks.fill(0));
		},
		async download() {},
		async createRemoteFolder() {
			return {uid: 'folder'};
		},
		async createLocalFolder() {},
		async listLocal() {
			return Array.from({length: N}, (_, i) => ({name: `f${i}`, kind: 'file' as const, size: 1}));
		},
		async listRemote() {
			return [];
		},
		async statLocal() {
			return {kind: 'folder' as const};
		},
	};
	const queue = new TransferQueue({executor});
	await queue.copyToDrive('/folder', 'root');
	await queue.idle();
	assert.equal(queue.summary().done, N);
	for (let i = 0; i < 3; i++) {
		gc();
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	const alive = held.filter((ref) => ref.deref() !== undefined).length;
	assert.ok(alive <= 4, `${alive} of ${N} transfers' state still held after they finished`);
	assert.equal(queue.jobs().length, N, 'the jobs themselves stay listed');
});
