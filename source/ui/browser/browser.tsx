import {Box, Text} from 'ink';
import {useCallback, useEffect, useMemo, useState} from 'react';
import {throttle} from '../../services/transfers/throttle.js';
import {useSyncState} from '../../hooks/use-sync-reducer.js';
import {useJobCursor} from '../../hooks/use-job-cursor.js';
import {useKeyCommands} from '../../hooks/use-key-commands.js';
import {type PaneControls, usePane} from '../../hooks/use-pane.js';
import {type TransferQueueLike, useTransfers} from '../../hooks/use-transfers.js';
import type {CommandId} from '../../services/keys/commands.js';
import type {PaneFileSystem} from '../../services/panes/pane-fs.js';
import type {TransferJob} from '../../services/transfers/transfer-queue.js';
import {ConfirmQuit} from './confirm-quit.js';
import {HelpOverlay, type HelpRow} from './help-overlay.js';
import {KeyBar} from './key-bar.js';
import {Pane, paneListRows} from './pane.js';
import {ProgressPanel} from './progress-panel.js';
import {isTooSmall, TooSmall} from './too-small.js';
import {runTransferCommand} from './transfer-commands.js';
import {TransferList} from './transfer-list.js';

export interface BrowserProps {
	local: PaneFileSystem;
	drive: PaneFileSystem;
	queue?: TransferQueueLike;
	helpRows: readonly HelpRow[];
	columns: number;
	rows: number;
	onExit: () => void;
	/** Shown in the top line, e.g. the signed-in user. */
	title?: string;
	/** How long a status line stays without a key (tests shorten it). */
	statusMs?: number;
}

/** Fastest a pane is re-listed while transfers keep finishing into it. */
export const REFRESH_MS = 2000;

/** How long a status line stays when no key comes. */
export const STATUS_MS = 6000;

/** Job rows in the progress panel (plus its summary line): 3 at 80×24, more on taller terminals. */
export function progressJobRows(rows: number): number {
	return Math.max(3, Math.floor(rows / 8));
}

type Side = 'local' | 'drive';
/** What covers the panes (help, the transfer list) or the progress panel (quit). */
type Dialog = 'help' | 'quit' | 'transfers';

function paneFor(side: Side, local: PaneControls, drive: PaneControls) {
	return side === 'local' ? local : drive;
}

function errorText(error: unknown): string {
	return error instanceof Error && error.message ? error.message : String(error);
}

/** The two-pane browser: state lives in the hooks, this file maps commands onto them. */
export function Browser({
	local,
	drive,
	queue,
	helpRows,
	columns,
	rows,
	onExit,
	title,
	statusMs = STATUS_MS,
}: BrowserProps) {
	const left = usePane(local);
	const right = usePane(drive);
	// Read through refs in key handlers: several keys can arrive before the next render.
	const [focus, setFocus, focusRef] = useSyncState<Side>('local');
	const [dialog, setDialog, dialogRef] = useSyncState<Dialog | undefined>(undefined);
	const [status, setStatus] = useState<string | undefined>(undefined);
	// A status line answers one key: it goes with the next key, or after a few seconds.
	useEffect(() => {
		if (!status) return;
		const timer = setTimeout(() => setStatus(undefined), statusMs);
		return () => clearTimeout(timer);
	}, [status, statusMs]);

	// A pane shows what arrived: re-listed when the queue goes idle, and while jobs finish into it
	// at most every REFRESH_MS (re-listing a big folder after each of thousands of files would
	// cost more than the transfers).
	const {refresh: refreshLeft} = left;
	const {refresh: refreshRight} = right;
	const throttled = useMemo(
		() => ({
			left: throttle(refreshLeft, REFRESH_MS),
			right: throttle(refreshRight, REFRESH_MS),
		}),
		[refreshLeft, refreshRight],
	);
	useEffect(
		() => () => {
			throttled.left.cancel();
			throttled.right.cancel();
		},
		[throttled],
	);
	const onFinished = useCallback(
		(finished: TransferJob[], idle: boolean) => {
			for (const [pane, again] of [
				[left, throttled.left],
				[right, throttled.right],
			] as const) {
				const here = pane.state.location;
				if (!here) continue;
				if (idle) {
					again.cancel();
					pane.refresh();
				} else if (finished.some((j) => j.target === here.id || j.target === here.path)) {
					again();
				}
			}
		},
		[left, right, throttled],
	);
	const jobs = useTransfers(queue, onFinished);
	const running = jobs.filter((j) => j.state === 'running').length;
	const queued = jobs.filter((j) => j.state === 'queued').length;
	const busy = running + queued;
	// The quit question is moot once everything finished: close it.
	useEffect(() => {
		if (busy === 0 && dialogRef.current === 'quit') setDialog(undefined);
	}, [busy, dialogRef, setDialog]);
	const jobCursor = useJobCursor(jobs);

	const tooSmall = isTooSmall(columns, rows);
	const jobRows = progressJobRows(rows);
	const progressRows = 1 + jobRows;
	const paneHeight = Math.max(5, rows - 2 - progressRows);
	const leftWidth = Math.floor(columns / 2);
	const rightWidth = columns - leftWidth;
	const listRows = paneListRows(paneHeight);
	const {setViewport: setLeftViewport} = left;
	const {setViewport: setRightViewport} = right;
	useEffect(() => {
		setLeftViewport(listRows);
		setRightViewport(listRows);
	}, [listRows, setLeftViewport, setRightViewport]);

	const copy = () => {
		const from = focusRef.current;
		const source = paneFor(from, left, right);
		const target = paneFor(from === 'local' ? 'drive' : 'local', left, right);
		const entry = source.current();
		const dest = target.state.location;
		if (!queue) return setStatus('Transfers are not available.');
		if (!entry) return setStatus('Nothing to copy here.');
		if (!dest) return setStatus('The other pane has not opened a folder yet.');
		if (entry.kind === 'other') return setStatus('Only files and folders can be copied.');
		const job =
			from === 'local'
				? queue.copyToDrive(entry.id, dest.id, {
						kind: entry.kind,
						size: entry.size,
						targetLabel: dest.path,
					})
				: queue.copyToLocal(
						{uid: entry.id, name: entry.name, type: entry.kind, size: entry.size},
						dest.id,
					);
		setStatus(`Copying ${entry.name} to ${dest.path}`);
		job.catch((error: unknown) => setStatus(`Copy failed: ${errorText(error)}`));
	};

	const quit = () => (busy > 0 ? setDialog('quit') : onExit());
	const keyOf = (command: CommandId) =>
		(helpRows as readonly (HelpRow & {command?: string})[])
			.find((r) => r.command === command)
			?.keys.split(' / ')[0] ?? command;

	const run = (command: CommandId | undefined, name: string) => {
		const dialog = dialogRef.current;
		const focus = focusRef.current;
		if (dialog === 'help') return setDialog(undefined);
		if (dialog === 'quit') {
			if (name === 'y') return onExit();
			if (name === 'n' || command === 'listing.cancel' || command === 'quit') setDialog(undefined);
			return;
		}
		if (dialog === 'transfers') {
			return runTransferCommand(command, {
				queue,
				cursor: jobCursor,
				pageRows: Math.max(1, paneHeight - 5),
				setStatus,
				close: () => setDialog(undefined),
				help: () => setDialog('help'),
				quit,
			});
		}
		const pane = paneFor(focus, left, right);
		switch (command) {
			case 'cursor.down':
				return pane.move(1);
			case 'cursor.up':
				return pane.move(-1);
			case 'cursor.pageDown':
				return pane.page(1);
			case 'cursor.pageUp':
				return pane.page(-1);
			case 'cursor.top':
				return pane.jump('start');
			case 'cursor.bottom':
				return pane.jump('end');
			case 'folder.open':
				return pane.open();
			case 'folder.parent':
				return pane.parent();
			case 'pane.switch':
				return setFocus(focus === 'local' ? 'drive' : 'local');
			case 'listing.cancel':
				pane.cancel();
				return;
			case 'listing.refresh':
				return pane.refresh();
			case 'copy':
				return copy();
			case 'transfers.show':
				jobCursor.reset();
				return setDialog('transfers');
			case 'transfer.cancel':
			case 'transfer.retry':
				return setStatus(
					`Cancel and retry work in the transfer list: press ${keyOf('transfers.show')}.`,
				);
			case 'help':
				return setDialog('help');
			case 'quit':
				return quit();
			default:
				return;
		}
	};

	useKeyCommands(
		(command, press) => {
			// A status line answers the last key; the next key clears it (and may set a new one).
			setStatus(undefined);
			if (press.name === 'paste') return setStatus('Pasting does nothing here.');
			run(command, press.name);
		},
		{bracketedPaste: true},
	);

	if (tooSmall) return <TooSmall columns={columns} rows={rows} />;
	return (
		<Box flexDirection="column" width={columns} height={rows}>
			<Text wrap="truncate" bold>
				pdrive-tui{title ? ` — ${title}` : ''}
			</Text>
			{dialog === 'help' ? (
				<HelpOverlay rows={helpRows} width={columns} height={paneHeight + progressRows} />
			) : dialog === 'transfers' ? (
				<TransferList jobs={jobs} cursor={jobCursor.index} width={columns} height={paneHeight} />
			) : (
				<Box flexDirection="row" height={paneHeight}>
					<Pane
						title="Local"
						state={left.state}
						focused={focus === 'local'}
						width={leftWidth}
						height={paneHeight}
					/>
					<Pane
						title="Drive"
						state={right.state}
						focused={focus === 'drive'}
						width={rightWidth}
						height={paneHeight}
					/>
				</Box>
			)}
			{dialog === 'quit' ? (
				<ConfirmQuit running={running} queued={queued} />
			) : dialog === 'help' ? null : (
				<Box height={progressRows}>
					<ProgressPanel jobs={jobs} width={columns} maxRows={jobRows} />
				</Box>
			)}
			<KeyBar rows={helpRows} width={columns} status={status} mode={dialog ?? 'panes'} />
		</Box>
	);
}
