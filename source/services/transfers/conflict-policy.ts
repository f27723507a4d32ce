/**
 * What to do when the target already holds the name. UI-free: today the app uses `failOnConflict`;
 * the roadmap's conflict dialog becomes another ConflictPolicy (asking the user, remembering
 * "apply to all") without touching the queue.
 */
export type ConflictResolution = 'fail' | 'skip' | 'keep-both' | 'replace';

export interface Conflict {
	direction: 'upload' | 'download';
	kind: 'file' | 'folder';
	name: string;
	/** Where, for people (Drive path or local folder). */
	targetLabel: string;
	/** How many times this job already hit a conflict (keep-both renames retry). */
	attempt: number;
}

export interface ConflictPolicy {
	resolve(conflict: Conflict): ConflictResolution | Promise<ConflictResolution>;
}

export const failOnConflict: ConflictPolicy = {resolve: () => 'fail'};

/** A policy that always answers the same (e.g. after "apply to all"). */
export function fixedPolicy(resolution: ConflictResolution): ConflictPolicy {
	return {resolve: () => resolution};
}

export function conflictMessage(name: string, targetLabel: string): string {
	return `'${name}' already exists in ${targetLabel}; rename or delete it first`;
}

/** 'report.pdf' → 'report (1).pdf', 'archive.tar.gz' → 'archive (1).tar.gz', '.env' → '.env (1)'. */
export function keepBothName(name: string, n: number): string {
	const tar = /\.tar\.[A-Za-z0-9]{1,8}$/.exec(name);
	const dot = tar && tar.index > 0 ? tar.index : name.lastIndexOf('.');
	if (dot <= 0) return `${name} (${n})`;
	return `${name.slice(0, dot)} (${n})${name.slice(dot)}`;
}

/** Folders merge: copying a folder into a place that has a folder of that name adds to it. */
export const FOLDER_CONFLICT = 'merge' as const;
