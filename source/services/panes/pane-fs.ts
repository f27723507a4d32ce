/** One entry of a pane, local or Drive. */
export interface PaneEntry {
	/** Local: absolute path. Drive: node uid. */
	id: string;
	name: string;
	kind: 'file' | 'folder' | 'other';
	size?: number;
	modified?: Date;
	/** Something could not be read or verified; the entry is still shown. */
	warning?: string;
}

/** Where a pane is. */
export interface PaneLocation {
	/** Local: absolute path. Drive: folder uid. */
	id: string;
	/** What the pane shows as its path. */
	path: string;
	parentId?: string;
}

export interface PaneListOptions {
	signal: AbortSignal;
	/** Entries seen so far, called as they stream in. */
	onProgress?: (count: number) => void;
}

/** The one file-system interface serving both panes. */
export interface PaneFileSystem {
	side: 'local' | 'drive';
	home(): Promise<PaneLocation>;
	open(location: PaneLocation, entry: PaneEntry): PaneLocation;
	parent(location: PaneLocation): Promise<PaneLocation | undefined>;
	/** The last listing of this location (sorted), for an instant revisit; re-list to reconcile. */
	cached(location: PaneLocation): PaneEntry[] | undefined;
	/** Lists the location, sorted folders first then by name. Rejects when the signal aborts. */
	list(location: PaneLocation, opts: PaneListOptions): Promise<PaneEntry[]>;
}
