import type {DriveNode} from './drive-node.js';

/**
 * What the Drive service remembers about the remote tree. An interface so a persistent,
 * event-driven cache (roadmap) can replace the in-memory one without changing callers.
 */
export interface TreeCache {
	/** Records a complete listing of a folder (replaces the previous one). */
	setChildren(folderUid: string, children: DriveNode[]): void;
	/** Last complete listing of a folder, or undefined when never listed (or invalidated). */
	children(folderUid: string): DriveNode[] | undefined;
	get(uid: string): DriveNode | undefined;
	/** Inserts or updates one node; moves it between cached parent listings when its parent changed. */
	put(node: DriveNode): void;
	/** Forgets a node (trashed / deleted): drops it from its parent's listing, and its own subtree. */
	remove(uid: string): void;
	/** Drops a folder's listing so the next visit lists it again. */
	invalidate(folderUid: string): void;
}

export class MemoryTreeCache implements TreeCache {
	readonly #nodes = new Map<string, DriveNode>();
	readonly #children = new Map<string, Map<string, DriveNode>>();

	setChildren(folderUid: string, children: DriveNode[]): void {
		const previous = this.#children.get(folderUid);
		const listing = new Map<string, DriveNode>();
		for (const child of children) {
			listing.set(child.uid, child);
			this.#nodes.set(child.uid, child);
		}
		// Children that vanished since the last listing are forgotten with their subtrees.
		if (previous) {
			for (const uid of previous.keys()) {
				if (!listing.has(uid)) this.#forget(uid);
			}
		}
		this.#children.set(folderUid, listing);
	}

	children(folderUid: string): DriveNode[] | undefined {
		const listing = this.#children.get(folderUid);
		return listing ? [...listing.values()] : undefined;
	}

	get(uid: string): DriveNode | undefined {
		return this.#nodes.get(uid);
	}

	put(node: DriveNode): void {
		const previous = this.#nodes.get(node.uid);
		if (previous?.parentUid && previous.parentUid !== node.parentUid) {
			this.#children.get(previous.parentUid)?.delete(node.uid);
		}
		this.#nodes.set(node.uid, node);
		if (node.parentUid) this.#children.get(node.parentUid)?.set(node.uid, node);
	}

	remove(uid: string): void {
		const node = this.#nodes.get(uid);
		if (node?.parentUid) this.#children.get(node.parentUid)?.delete(uid);
		this.#forget(uid);
	}

	invalidate(folderUid: string): void {
		this.#children.delete(folderUid);
	}

	#forget(uid: string): void {
		const listing = this.#children.get(uid);
		this.#children.delete(uid);
		this.#nodes.delete(uid);
		if (listing) for (const child of listing.keys()) this.#forget(child);
	}
}
