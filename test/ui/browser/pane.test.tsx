import {afterEach, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {cleanup, render} from 'ink-testing-library';
import {initialPaneState, type PaneState, paneReducer} from '../../../source/hooks/pane-state.js';
import type {PaneEntry} from '../../../source/services/panes/pane-fs.js';
import {Pane} from '../../../source/ui/browser/pane.js';
import {cellWidth} from '../../../source/ui/text/truncate-cells.js';
import {file, folder} from './fakes.js';

afterEach(() => cleanup());

function stateWith(entries: PaneEntry[], height: number, moves = 0): PaneState {
	let s = paneReducer(
		{...initialPaneState, viewport: height - 4},
		{type: 'navigate', location: {id: '/', path: '/home/me'}},
	);
	s = paneReducer(s, {type: 'listed', location: {id: '/', path: '/home/me'}, entries});
	return paneReducer(s, {type: 'move', delta: moves});
}

const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

describe('Pane', () => {
	test('header, folders first, sizes and counts', () => {
		const entries = [
			file('/', 'b.txt', 2_000),
			folder('/', 'zeta'),
			file('/', 'a.txt', 1_200_000),
			folder('/', 'Alpha'),
		];
		const {lastFrame} = render(
			<Pane title="Local" state={stateWith(entries, 12)} focused width={60} height={12} />,
		);
		const frame = stripAnsi(lastFrame() ?? '');
		assert.match(frame, /Local \/home\/me/);
		const order = ['Alpha', 'zeta', 'a.txt', 'b.txt'].map((n) => frame.indexOf(n));
		assert.deepEqual(
			[...order].sort((x, y) => x - y),
			order,
			frame,
		);
		assert.match(frame, /1\.2 MB/);
		assert.match(frame, /2\.0 kB/);
		assert.match(frame, /2024-01-02 03:04/);
		assert.match(frame, /2 folders, 2 files, 1\.2 MB/);
	});

	test('a 10,000 entry folder renders only the visible rows around the cursor', () => {
		const entries = Array.from({length: 10_000}, (_, i) =>
			file('/', `file-${String(i).padStart(5, '0')}`),
		);
		const started = performance.now();
		const {lastFrame} = render(
			<Pane title="Drive" state={stateWith(entries, 20, 5000)} focused width={70} height={20} />,
		);
		const frame = stripAnsi(lastFrame() ?? '');
		assert.ok(performance.now() - started < 2000);
		const names = frame.match(/file-\d{5}/g) ?? [];
		assert.equal(names.length, 16);
		assert.ok(names.includes('file-05000'));
		assert.ok(!names.includes('file-00000'));
		assert.match(frame, /0 folders, 10,000 files/);
	});

	test('long CJK and emoji names are cut by cells, rows keep the pane width', () => {
		const name = '非常に長い日本語のファイル名がここにあります_写真_2024年.jpg';
		const entries = [file('/', name), file('/', '👨‍👩‍👧'.repeat(20))];
		const width = 60;
		const {lastFrame} = render(
			<Pane title="Local" state={stateWith(entries, 10)} focused width={width} height={10} />,
		);
		const lines = stripAnsi(lastFrame() ?? '').split('\n');
		const row = lines.find((l) => l.includes('非常に'))!;
		assert.ok(row.includes('…'), row);
		assert.ok(!row.includes('2024年.jpg'));
		for (const line of lines) assert.ok(cellWidth(line) <= width, `${cellWidth(line)}: ${line}`);
		const emojiRow = lines.find((l) => l.includes('👨‍👩‍👧'))!;
		assert.ok(emojiRow.includes('…'));
	});

	test('control and bidi characters are shown visibly, never sent raw', () => {
		const entries = [
			file('/', 'evil\x1b[2Jname'),
			file('/', 'invoice\u202Efdp.exe'),
			file('/', 'new\nline'),
		];
		const {lastFrame} = render(
			<Pane title="Drive" state={stateWith(entries, 10)} focused width={70} height={10} />,
		);
		const raw = lastFrame() ?? '';
		assert.ok(!raw.includes('\x1b[2J'));
		assert.ok(!raw.includes('\u202E'));
		const frame = stripAnsi(raw);
		assert.match(frame, /evil␛\[2Jname/);
		assert.match(frame, /invoice<U\+202E>fdp\.exe/);
		assert.match(frame, /new␊line/);
	});

	test('listing progress replaces the counts', () => {
		let s = paneReducer(initialPaneState, {type: 'navigate', location: {id: '/', path: '/big'}});
		s = paneReducer(s, {type: 'progress', count: 1240});
		const {lastFrame} = render(<Pane title="Drive" state={s} focused width={60} height={10} />);
		assert.match(stripAnsi(lastFrame() ?? ''), /loading… 1,240 items/);
	});
});

test('a listing error that quotes a hostile name is shown visibly in the footer', () => {
	const state = {
		...initialPaneState,
		location: {id: '/', path: '/'},
		message: "EACCES: permission denied, scandir '/x\x1b[2Jy\nz'",
	};
	const {lastFrame} = render(<Pane title="Local" state={state} focused width={60} height={8} />);
	const frame = lastFrame() ?? '';
	assert.ok(!frame.includes('\x1b[2J'));
	assert.match(frame, /EACCES: permission denied, scandir '\/x␛\[2Jy␊z'/);
	assert.equal(frame.split('\n').length, 8);
});
