import path from 'node:path';
import PQueue from 'p-queue';
import {toSafeLocalName} from '../drive/safe-name.js';
import {DEFAULT_CONFIG} from '../config/defaults.js';
import {
	type ConflictPolicy,
	conflictMessage,
	failOnConflict,
	keepBothName,
} from './conflict-policy.js';
import type {TransferExecutor} from './executor.js';
import {etaSeconds, SpeedMeter} from './speed-meter.js';
import {type TransferError, toTransferError} from './transfer-error.js';
import {
	isRetryable,
	type JobState,
	summarize,
	type TransferJob,
	type TransferSummary,
} from './transfer-job.js';

export type {
	ExecutorTransferOptions,
	LocalListing,
	RemoteListing,
	TransferExecutor,
} from './executor.js';
export type {TransferError} from './transfer-error.js';
export type {JobState, TransferJob, TransferSummary} from './transfer-job.js';

/** One folder walk; cancelAll() marks it so it adds no more jobs or folders. */
interface Walk {
	cancelled: boolean;
}

/** Most keep-both renames tried before giving up. */
const MAX_RENAMES = 50;

type Work =
	| {op: 'upload-file'; localPath: string; parentUid: string}
	| {op: 'download-file'; uid: string; localDir: string}
	| {op: 'upload-folder'; localPath: string; parentUid: string}
	| {op: 'download-folder'; uid: string; localDir: string};

interface LiveJob {
	job: TransferJob;
	work: Work;
	controller: AbortController;
	meter: SpeedMeter;
	/** The executor call still in flight (also after a cancel the executor has not honoured yet). */
	active?: Promise<void>;
}

export interface TransferQueueOptions {
	executor: TransferExecutor;
	/** Transfers at once; default from config (4). */
	concurrency?: number;
	/** Clock in ms (tests pass a fake one). */
	now?: () => number;
	conflictPolicy?: ConflictPolicy;
}

export interface CopyHint {
	/** Known kind of the source (saves a stat). */
	kind?: 'file' | 'folder' | 'other';
	size?: number;
	/** Display path of the target, e.g. the Drive pane's path ('/Photos'). */
	targetLabel?: string;
}

/** Transfer queue: UI-free, on p-queue; rendering subscribes and throttles on its own. */
export class TransferQueue {
	readonly #executor: TransferExecutor;
	readonly #now: () => number;
	readonly #queue: PQueue;
	readonly #policy: ConflictPolicy;
	readonly #jobs = new Map<string, LiveJob>();
	readonly #listeners = new Set<() => void>();
	readonly #walks = new Set<Promise<void>>();
	readonly #activeWalks = new Set<Walk>();
	#seq = 0;

	constructor(opts: TransferQueueOptions) {
		this.#executor = opts.executor;
		this.#now = opts.now ?? Date.now;
		this.#policy = opts.conflictPolicy ?? failOnConflict;
		this.#queue = new PQueue({concurrency: opts.concurrency ?? DEFAULT_CONFIG.concurrency});
	}

	get concurrency(): number {
		return this.#queue.concurrency;
	}

	/** Copies a local file or folder into a Drive folder; folders are created before their files. */
	copyToDrive(localPath: string, parentUid: string, hint: CopyHint = {}): Promise<void> {
		return this.#walk((walk) => this.#copyToDrive(path.resolve(localPath), parentUid, hint, walk));
	}

	/** Copies a Drive file or folder into a local folder; folders are created before their files. */
	copyToLocal(
		node: {uid: string; name: string; type: 'file' | 'folder'; size?: number},
		localDir: string,
	): Promise<void> {
		const dir = path.resolve(localDir);
		if (node.type === 'folder') {
			return this.#walk((walk) => this.#walkDownload(node.uid, node.name, dir, walk));
		}
		this.#enqueueFile('download', node.name, node.uid, dir, dir, node.size, {
			op: 'download-file',
			uid: node.uid,
			localDir: dir,
		});
		return Promise.resolve();
	}

	cancel(id: string): void {
		const live = this.#jobs.get(id);
		if (!live) return;
		const {job} = live;
		if (job.state !== 'queued' && job.state !== 'running') return;
		live.controller.abort();
		this.#finish(live, 'cancelled');
	}

	/** Cancels every queued and running job, and stops folder walks from adding more. */
	cancelAll(): void {
		for (const walk of this.#activeWalks) walk.cancelled = true;
		for (const id of this.#jobs.keys()) this.cancel(id);
	}

	/** Re-queues a failed or cancelled job from zero. */
	retry(id: string): void {
		const live = this.#jobs.get(id);
		if (!live || !isRetryable(live.job.state)) return;
		const {job} = live;
		// Skipped entries (FIFOs, sockets, links to folders) would only fail the same way again.
		if (job.error?.kind === 'unsupported') return;
		job.state = 'queued';
		job.bytesDone = 0;
		job.speed = 0;
		delete job.etaSeconds;
		delete job.error;
		delete job.skipped;
		delete job.startedAt;
		delete job.finishedAt;
		live.controller = new AbortController();
		this.#schedule(live);
		this.#notify();
	}

	/** Forgets finished jobs that need no attention (done and cancelled). */
	clearFinished(): void {
		for (const [id, live] of this.#jobs) {
			if (live.job.state === 'done' || live.job.state === 'cancelled') this.#jobs.delete(id);
		}
		this.#notify();
	}

	/** Snapshots in the order the jobs were added, with speed and ETA as of now. */
	jobs(): TransferJob[] {
		const now = this.#now();
		return [...this.#jobs.values()].map((live) => this.#snapshot(live, now));
	}

	summary(): TransferSummary {
		return summarize([...this.#jobs.values()].map((l) => l.job));
	}

	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => {
			this.#listeners.delete(listener);
		};
	}

	/** Resolves when no folder walk, queued or running job is left. */
	async idle(): Promise<void> {
		while (this.#walks.size > 0 || this.#queue.size > 0 || this.#queue.pending > 0) {
			await Promise.all([...this.#walks]);
			await this.#queue.onIdle();
		}
	}

	// ---- internals ----

	#snapshot(live: LiveJob, now: number): TransferJob {
		const job = {...live.job};
		if (job.error) job.error = {...job.error};
		if (job.state === 'running') {
			job.speed = live.meter.speed(now);
			const eta = etaSeconds(job.bytesDone, job.bytesTotal, job.speed);
			if (eta === undefined) delete job.etaSeconds;
			else job.etaSeconds = eta;
		}
		return job;
	}

	/** Runs a folder walk that idle() waits for and cancelAll() can stop. */
	#walk(run: (walk: Walk) => Promise<void>): Promise<void> {
		const walk: Walk = {cancelled: false};
		this.#activeWalks.add(walk);
		const tracked = run(walk).finally(() => {
			this.#walks.delete(tracked);
			this.#activeWalks.delete(walk);
		});
		this.#walks.add(tracked);
		return tracked;
	}

	#notify(): void {
		for (const listener of [...this.#listeners]) {
			try {
				listener();
			} catch {
				// A listener's failure must not break the queue.
			}
		}
	}

	#newJob(
		direction: 'upload' | 'download',
		kind: 'file' | 'folder',
		name: string,
		source: string,
		target: string,
		targetLabel: string,
		bytesTotal: number,
		work: Work,
	): LiveJob {
		const job: TransferJob = {
			id: `t${++this.#seq}`,
			direction,
			kind,
			name,
			source,
			target,
			targetLabel,
			state: 'queued',
			bytesDone: 0,
			bytesTotal,
			speed: 0,
		};
		const live: LiveJob = {job, work, controller: new AbortController(), meter: new SpeedMeter()};
		this.#jobs.set(job.id, live);
		return live;
	}

	#enqueueFile(
		direction: 'upload' | 'download',
		name: string,
		source: string,
		target: string,
		targetLabel: string,
		size: number | undefined,
		work: Work,
	): LiveJob {
		const live = this.#newJob(
			direction,
			'file',
			name,
			source,
			target,
			targetLabel,
			size ?? 0,
			work,
		);
		this.#schedule(live);
		this.#notify();
		return live;
	}

	/** A visible failed job for something that is not transferred (unsupported entry, folder error). */
	#failedEntry(
		direction: 'upload' | 'download',
		kind: 'file' | 'folder',
		name: string,
		source: string,
		target: string,
		targetLabel: string,
		work: Work,
		error: TransferError,
	): void {
		const live = this.#newJob(direction, kind, name, source, target, targetLabel, 0, work);
		live.job.state = 'failed';
		live.job.error = error;
		live.job.finishedAt = this.#now();
		this.#notify();
	}

	#schedule(live: LiveJob): void {
		const previous = live.active;
		void this.#queue.add(async () => {
			// A cancelled run the executor has not given up yet must end before the retry starts.
			if (previous) await previous.catch(() => {});
			if (live.job.state !== 'queued') return;
			if (live.work.op === 'upload-folder' || live.work.op === 'download-folder') {
				await this.#rewalk(live);
				return;
			}
			const run = this.#runFile(live);
			live.active = run;
			await run;
		});
	}

	#finish(live: LiveJob, state: JobState, error?: TransferError): void {
		const {job} = live;
		const now = this.#now();
		job.state = state;
		job.finishedAt = now;
		delete job.etaSeconds;
		if (error) job.error = error;
		// A skipped job moved nothing: it keeps bytesDone 0 and gets no speed.
		if (state === 'done' && !job.skipped) {
			if (job.bytesTotal > 0) job.bytesDone = job.bytesTotal;
			const seconds = (now - (job.startedAt ?? now)) / 1000;
			job.speed = seconds > 0 ? job.bytesDone / seconds : 0;
		} else {
			job.speed = 0;
		}
		// Let go of what the executor hung on this run's abort signal (the SDK's uploader keeps
		// its state there): thousands of finished jobs must not hold thousands of uploaders.
		// A cancel has aborted the old controller already; a retry makes a new one anyway.
		live.controller = new AbortController();
		live.meter = new SpeedMeter();
		this.#notify();
	}

	async #runFile(live: LiveJob): Promise<void> {
		const {job, work} = live;
		const signal = live.controller.signal;
		job.state = 'running';
		job.startedAt = this.#now();
		live.meter.start(job.startedAt);
		this.#notify();
		const onProgress = (done: number, total: number) => {
			if (job.state !== 'running' || signal.aborted) return;
			job.bytesDone = done;
			if (total > 0) job.bytesTotal = total;
			live.meter.add(this.#now(), done);
			this.#notify();
		};
		let name = job.name;
		for (let attempt = 0; ; attempt++) {
			try {
				if (work.op === 'upload-file') {
					await this.#executor.upload(work.localPath, work.parentUid, {name, signal, onProgress});
				} else if (work.op === 'download-file') {
					await this.#executor.download(work.uid, work.localDir, {name, signal, onProgress});
				}
				if (job.state === 'running') {
					if (name !== job.name) job.name = name;
					this.#finish(live, 'done');
				}
				return;
			} catch (thrown) {
				if (job.state !== 'running') return; // cancelled meanwhile
				const error = toTransferError(thrown);
				if (signal.aborted || error.kind === 'cancelled') {
					this.#finish(live, 'cancelled');
					return;
				}
				if (error.kind !== 'name-exists') {
					this.#finish(live, 'failed', error);
					return;
				}
				const resolution = await this.#policy.resolve({
					direction: job.direction,
					kind: 'file',
					name: job.name,
					targetLabel: job.targetLabel,
					attempt,
				});
				if (job.state !== 'running') return;
				if (resolution === 'skip') {
					job.skipped = true;
					job.bytesDone = 0;
					this.#finish(live, 'done');
					return;
				}
				if (resolution === 'keep-both' && attempt < MAX_RENAMES) {
					name = keepBothName(job.name, attempt + 1);
					job.bytesDone = 0;
					live.meter.start(this.#now());
					continue;
				}
				const message =
					resolution === 'replace'
						? `'${job.name}' already exists in ${job.targetLabel}; replacing is not supported yet, rename or delete it first`
						: conflictMessage(job.name, job.targetLabel);
				this.#finish(live, 'failed', {kind: 'name-exists', message});
				return;
			}
		}
	}

	/** Re-runs the walk of a folder job that failed before (retry). */
	async #rewalk(live: LiveJob): Promise<void> {
		const {job, work} = live;
		job.state = 'running';
		job.startedAt = this.#now();
		this.#notify();
		try {
			await this.#walk(async (walk) => {
				if (work.op === 'upload-folder') {
					const uid = await this.#remoteFolder(work.parentUid, job.name, job.targetLabel);
					await this.#fillRemote(work.localPath, uid, joinDrive(job.targetLabel, job.name), walk);
				} else if (work.op === 'download-folder') {
					const dir = await this.#localFolder(work.localDir, job.name);
					await this.#fillLocal(work.uid, dir, walk);
				}
			});
			if (job.state === 'running') this.#finish(live, 'done');
		} catch (thrown) {
			if (job.state === 'running') this.#finish(live, 'failed', toTransferError(thrown));
		}
	}

	async #copyToDrive(
		localPath: string,
		parentUid: string,
		hint: CopyHint,
		walk: Walk,
	): Promise<void> {
		const name = path.basename(localPath);
		const targetLabel = hint.targetLabel ?? parentUid;
		let kind = hint.kind;
		let size = hint.size;
		if (kind === undefined) {
			try {
				({kind, size} = await this.#statLocal(localPath));
			} catch (thrown) {
				this.#failedEntry(
					'upload',
					'file',
					name,
					localPath,
					parentUid,
					targetLabel,
					{op: 'upload-file', localPath, parentUid},
					toTransferError(thrown),
				);
				return;
			}
		}
		if (walk.cancelled) return;
		if (kind === 'folder') {
			await this.#walkUpload(localPath, parentUid, targetLabel, walk);
			return;
		}
		if (kind === 'other') {
			this.#unsupported('upload', name, localPath, parentUid, targetLabel);
			return;
		}
		this.#enqueueFile('upload', name, localPath, parentUid, targetLabel, size, {
			op: 'upload-file',
			localPath,
			parentUid,
		});
	}

	async #statLocal(localPath: string): Promise<{kind: 'file' | 'folder' | 'other'; size?: number}> {
		if (this.#executor.statLocal) return this.#executor.statLocal(localPath);
		const name = path.basename(localPath);
		const entry = (await this.#executor.listLocal(path.dirname(localPath))).find(
			(e) => e.name === name,
		);
		if (!entry) throw Object.assign(new Error(`${localPath} does not exist`), {code: 'ENOENT'});
		return entry;
	}

	#unsupported(
		direction: 'upload' | 'download',
		name: string,
		source: string,
		target: string,
		targetLabel: string,
		reason = 'not a regular file or folder',
	): void {
		const work: Work =
			direction === 'upload'
				? {op: 'upload-file', localPath: source, parentUid: target}
				: {op: 'download-file', uid: source, localDir: target};
		this.#failedEntry(direction, 'file', name, source, target, targetLabel, work, {
			kind: 'unsupported',
			message: `'${name}' was skipped: ${reason}`,
		});
	}

	/** Creates the remote folder (merging into an existing folder of that name) and fills it. */
	async #walkUpload(
		localPath: string,
		parentUid: string,
		targetLabel: string,
		walk: Walk,
	): Promise<void> {
		if (walk.cancelled) return;
		const name = path.basename(localPath);
		let uid: string;
		try {
			uid = await this.#remoteFolder(parentUid, name, targetLabel);
			await this.#fillRemote(localPath, uid, joinDrive(targetLabel, name), walk);
		} catch (thrown) {
			this.#failedEntry(
				'upload',
				'folder',
				name,
				localPath,
				parentUid,
				targetLabel,
				{op: 'upload-folder', localPath, parentUid},
				toTransferError(thrown),
			);
		}
	}

	async #remoteFolder(parentUid: string, name: string, targetLabel: string): Promise<string> {
		try {
			return (await this.#executor.createRemoteFolder(parentUid, name)).uid;
		} catch (thrown) {
			if (toTransferError(thrown).kind !== 'name-exists') throw thrown;
			const existing = (await this.#executor.listRemote(parentUid)).find((n) => n.name === name);
			if (existing?.type === 'folder') return existing.uid;
			throw Object.assign(new Error(conflictMessage(name, targetLabel)), {kind: 'name-exists'});
		}
	}

	/** Files of a local folder become jobs at once; subfolders are created (awaited) then walked. */
	async #fillRemote(localDir: string, uid: string, label: string, walk: Walk): Promise<void> {
		const entries = await this.#executor.listLocal(localDir);
		if (walk.cancelled) return;
		const folders: string[] = [];
		for (const entry of entries) {
			const full = path.join(localDir, entry.name);
			if (entry.kind === 'folder' && entry.link) {
				this.#unsupported(
					'upload',
					entry.name,
					full,
					uid,
					label,
					'symbolic link to a folder (not followed)',
				);
			} else if (entry.kind === 'folder') {
				folders.push(full);
			} else if (entry.kind === 'file') {
				this.#enqueueFile('upload', entry.name, full, uid, label, entry.size, {
					op: 'upload-file',
					localPath: full,
					parentUid: uid,
				});
			} else {
				this.#unsupported('upload', entry.name, full, uid, label, entry.warning?.toLowerCase());
			}
		}
		for (const folder of folders) await this.#walkUpload(folder, uid, label, walk);
	}

	async #walkDownload(
		uid: string,
		remoteName: string,
		localDir: string,
		walk: Walk,
	): Promise<void> {
		if (walk.cancelled) return;
		try {
			const dir = await this.#localFolder(localDir, remoteName);
			await this.#fillLocal(uid, dir, walk);
		} catch (thrown) {
			this.#failedEntry(
				'download',
				'folder',
				remoteName,
				uid,
				localDir,
				localDir,
				{op: 'download-folder', uid, localDir},
				toTransferError(thrown),
			);
		}
	}

	async #localFolder(localDir: string, remoteName: string): Promise<string> {
		// Remote names are untrusted: the folder must be a direct child of localDir.
		const dir = path.join(localDir, toSafeLocalName(remoteName));
		await this.#executor.createLocalFolder(dir);
		return dir;
	}

	async #fillLocal(uid: string, dir: string, walk: Walk): Promise<void> {
		const children = await this.#executor.listRemote(uid);
		if (walk.cancelled) return;
		const folders: typeof children = [];
		for (const child of children) {
			if (child.type === 'folder') folders.push(child);
			else {
				this.#enqueueFile('download', child.name, child.uid, dir, dir, child.size, {
					op: 'download-file',
					uid: child.uid,
					localDir: dir,
				});
			}
		}
		for (const folder of folders) await this.#walkDownload(folder.uid, folder.name, dir, walk);
	}
}

function joinDrive(parent: string, name: string): string {
	return parent.endsWith('/') ? `${parent}${name}` : `${parent}/${name}`;
}
