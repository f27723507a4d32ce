import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {DriveNode} from '../../../source/services/drive/drive-node.js';
import type {DriveLike} from '../../../source/services/panes/drive-like.js';
import {createDrivePaneFs} from '../../../source/services/panes/drive-pane-fs.js';

/** An in-memory Drive: a tree of nodes, a cache filled by complete listings, and a gate to pause listing. */
class FakeDrive implements DriveLike {
	nodes = new Map<string, DriveNode>();
	cache = new Map<string, DriveNode[]>();
	getNodeCalls = 0;
	/** When set, listFolder waits on it after each node. */
	gate?: Promise<void>;

	constructor() {
		this.add({uid: 'root', name: '', type: 'folder'});
	}

	add(node: DriveNode): void {
		this.nodes.set(node.uid, node);
	}

	async root() {
		return this.nodes.get('root')!;
	}

	async *listFolder(uid: string, opts: {signal?: AbortSignal} = {}) {
		const children = [...this.nodes.values()].filter((n) => n.parentUid === uid);
		for (const child of children) {
			if (this.gate) await this.gate;
			if (opts.signal?.aborted) throw new Error('cancelled');
			yield child;
		}
		this.cache.set(uid, children);
	}

	cachedChildren(uid: string) {
		return this.cache.get(uid);
	}

	async getNode(uid: string) {
		this.getNodeCalls++;
		const node = this.nodes.get(uid);
		if (!node) throw new Error('not found');
		return node;
	}

	pathOf(uid: string) {
		const names: string[] = [];
		let current = this.nodes.get(uid);
		while (current && current.uid !== 'root') {
			if (!this.cache.get(current.parentUid ?? '')?.some((n) => n.uid === current?.uid))
				return undefined;
			names.unshift(current.name);
			current = this.nodes.get(current.parentUid ?? '');
		}
		return names;
	}
}

function sampleDrive(): FakeDrive {
	const drive = new FakeDrive();
	drive.add({uid: 'f-b', parentUid: 'root', name: 'b.txt', type: 'file', size: 3});
	drive.add({uid: 'd-photos', parentUid: 'root', name: 'Photos', type: 'folder'});
	drive.add({uid: 'd-docs', parentUid: 'root', name: 'docs', type: 'folder'});
	drive.add({uid: 'f-old', parentUid: 'root', name: 'old', type: 'file', trashed: new Date()});
	drive.add({
		uid: 'f-bad',
		parentUid: 'root',
		name: '⚠ undecryptable x',
		type: 'file',
		warning: 'Name could not be decrypted',
	});
	drive.add({uid: 'd-2024', parentUid: 'd-photos', name: '2024', type: 'folder'});
	drive.add({uid: 'f-img', parentUid: 'd-2024', name: 'img.jpg', type: 'file', size: 10});
	return drive;
}

const signal = () => new AbortController().signal;

describe('drive pane', () => {
	test('home is the root at /; list sorts, hides trashed nodes, keeps warnings, reports progress', async () => {
		const fs = createDrivePaneFs(sampleDrive());
		assert.equal(fs.side, 'drive');
		const home = await fs.home();
		assert.deepEqual(home, {id: 'root', path: '/'});
		const counts: number[] = [];
		const entries = await fs.list(home, {signal: signal(), onProgress: (n) => counts.push(n)});
		assert.deepEqual(
			entries.map((e) => [e.id, e.name, e.kind]),
			[
				['d-docs', 'docs', 'folder'],
				['d-photos', 'Photos', 'folder'],
				['f-bad', '⚠ undecryptable x', 'file'],
				['f-b', 'b.txt', 'file'],
			],
		);
		assert.equal(entries[2].warning, 'Name could not be decrypted');
		assert.equal(entries[3].size, 3);
		assert.deepEqual(counts, [1, 2, 3, 4, 5]);
	});

	test('open builds display paths; parent walks back up to the root and stops there', async () => {
		const drive = sampleDrive();
		const fs = createDrivePaneFs(drive);
		const home = await fs.home();
		const entries = await fs.list(home, {signal: signal()});
		const photos = fs.open(home, entries.find((e) => e.name === 'Photos')!);
		assert.deepEqual(photos, {id: 'd-photos', path: '/Photos', parentId: 'root'});
		const [y2024] = await fs.list(photos, {signal: signal()});
		const year = fs.open(photos, y2024);
		assert.deepEqual(year, {id: 'd-2024', path: '/Photos/2024', parentId: 'd-photos'});
		const up = await fs.parent(year);
		assert.deepEqual(up, {id: 'd-photos', path: '/Photos'});
		const top = await fs.parent(up!);
		assert.deepEqual(top, {id: 'root', path: '/'});
		assert.equal(await fs.parent(top!), undefined);
	});

	test('parent of a location without parentId asks the Drive for the node', async () => {
		const drive = sampleDrive();
		const fs = createDrivePaneFs(drive);
		await fs.home();
		const up = await fs.parent({id: 'd-2024', path: '/Photos/2024'});
		assert.equal(up?.id, 'd-photos');
		assert.equal(up?.path, '/Photos');
		assert.equal(drive.getNodeCalls, 1);
	});

	test('cached gives the last listing for an instant revisit, falling back to the Drive cache', async () => {
		const drive = sampleDrive();
		const fs = createDrivePaneFs(drive);
		const home = await fs.home();
		assert.equal(fs.cached(home), undefined);
		const listed = await fs.list(home, {signal: signal()});
		assert.deepEqual(fs.cached(home), listed);
		// A second pane fs over the same Drive sees the service's cache (sorted, trashed hidden).
		const other = createDrivePaneFs(drive);
		assert.deepEqual(
			other.cached(home)?.map((e) => e.id),
			listed.map((e) => e.id),
		);
	});

	test('aborting mid-listing rejects and does not cache a partial listing', async () => {
		const drive = sampleDrive();
		const fs = createDrivePaneFs(drive);
		const home = await fs.home();
		const controller = new AbortController();
		let release!: () => void;
		drive.gate = new Promise((r) => {
			release = r;
		});
		const counts: number[] = [];
		const listing = fs.list(home, {
			signal: controller.signal,
			onProgress: (n) => {
				counts.push(n);
				if (n === 2) controller.abort();
			},
		});
		release();
		await assert.rejects(listing);
		assert.deepEqual(counts, [1, 2]);
		assert.equal(fs.cached(home), undefined);
	});
});
