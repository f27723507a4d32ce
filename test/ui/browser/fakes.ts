import type {
	PaneEntry,
	PaneFileSystem,
	PaneLocation,
} from '../../../source/services/panes/pane-fs.js';
import type {TransferJob} from '../../../source/services/transfers/transfer-queue.js';
import type {TransferQueueLike} from '../../../source/hooks/use-transfers.js';

/** An in-memory pane file system: folders are paths, `tree[path]` lists their entries. */
export function fakePaneFs(
	side: 'local' | 'drive',
	tree: Record<string, PaneEntry[]>,
	opts: {slow?: (path: string) => boolean} = {},
): PaneFileSystem & {lists: string[]} {
	const lists: string[] = [];
	return {
		side,
		lists,
		async home() {
			return {id: '/', path: '/'};
		},
		open(location: PaneLocation, entry: PaneEntry) {
			return {id: entry.id, path: entry.id, parentId: location.id};
		},
		async parent(location: PaneLocation) {
			if (location.id === '/') return undefined;
			const up = location.id.slice(0, location.id.lastIndexOf('/')) || '/';
			return {id: up, path: up};
		},
		cached() {
			return undefined;
		},
		async list(location, {signal, onProgress}) {
			lists.push(location.id);
			if (opts.slow?.(location.id)) {
				let n = 0;
				await new Promise<void>((_resolve, reject) => {
					const t = setInterval(() => {
						n += 10;
						onProgress?.(n);
					}, 5);
					signal.addEventListener('abort', () => {
						clearInterval(t);
						reject(new DOMException('Cancelled', 'AbortError'));
					});
				});
			}
			const entries = tree[location.id] ?? [];
			onProgress?.(entries.length);
			return entries;
		},
	};
}

export const file = (dir: string, name: string, size = 100): PaneEntry => ({
	id: `${dir === '/' ? '' : dir}/${name}`,
	name,
	kind: 'file',
	size,
	modified: new Date(2024, 0, 2, 3, 4),
});
export const folder = (dir: string, name: string): PaneEntry => ({
	id: `${dir === '/' ? '' : dir}/${name}`,
	name,
	kind: 'folder',
});

/** A queue whose jobs the test drives by hand. */
export function fakeQueue() {
	let jobs: TransferJob[] = [];
	const listeners = new Set<() => void>();
	const calls: unknown[][] = [];
	const notify = () => {
		for (const l of listeners) l();
	};
	const queue: TransferQueueLike = {
		jobs: () => jobs,
		subscribe(l) {
			listeners.add(l);
			return () => listeners.delete(l);
		},
		async copyToDrive(localPath, parentUid) {
			calls.push(['copyToDrive', localPath, parentUid]);
		},
		async copyToLocal(node, localDir) {
			calls.push(['copyToLocal', node, localDir]);
		},
		cancel(id) {
			calls.push(['cancel', id]);
		},
		retry(id) {
			calls.push(['retry', id]);
		},
	};
	return {
		queue,
		calls,
		listeners,
		set(next: TransferJob[]) {
			jobs = next;
			notify();
		},
	};
}

export function job(partial: Partial<TransferJob> & {id: string}): TransferJob {
	return {
		direction: 'upload',
		kind: 'file',
		name: partial.id,
		targetLabel: '/',
		source: '/src',
		target: '/',
		state: 'running',
		bytesDone: 0,
		bytesTotal: 0,
		speed: 0,
		...partial,
	};
}
