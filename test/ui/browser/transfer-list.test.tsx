import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {jobRoute, TransferList, windowStart} from '../../../source/ui/browser/transfer-list.js';
import {job} from './fakes.js';

afterEach(() => cleanup());

test('the window keeps the cursor in view, centred where it can', () => {
	assert.equal(windowStart(5, 4, 10), 0);
	assert.equal(windowStart(100, 0, 10), 0);
	assert.equal(windowStart(100, 50, 10), 45);
	assert.equal(windowStart(100, 99, 10), 90);
});

test('10,000 jobs: only the rows that fit are drawn, the selected one among them', () => {
	const jobs = Array.from({length: 10_000}, (_, i) =>
		job({id: `j${i}`, name: `file-${i}.bin`, state: 'queued'}),
	);
	const {lastFrame} = render(<TransferList jobs={jobs} cursor={5000} width={100} height={20} />);
	const frame = lastFrame() ?? '';
	// 20 rows: 2 border, 1 title, 4 for the selected job's details; 13 job rows.
	assert.equal((frame.match(/file-\d+\.bin/g) ?? []).length, 13);
	assert.match(frame, /file-5000\.bin/);
	assert.match(frame, /Transfers \(10,000\)/);
});

test('hostile job names are shown visibly in the list', () => {
	const {lastFrame} = render(
		<TransferList
			jobs={[job({id: 'x', name: 'evil\x1b[2Jname', state: 'queued'})]}
			cursor={0}
			width={80}
			height={10}
		/>,
	);
	const frame = lastFrame() ?? '';
	assert.ok(!frame.includes('\x1b[2J'));
	assert.match(frame, /evil␛\[2Jname/);
});

test('the selected job is told in full under the list: its route and its whole error, wrapped', () => {
	const message = `'design.md' already exists in /tmp/a/very/long/folder/name/that/does/not/fit/on/one/line/Projects; rename or delete it first`;
	const jobs = [
		job({id: 'a', name: 'ok.txt', state: 'done', source: '/home/me/ok.txt', targetLabel: '/Docs'}),
		job({
			id: 'b',
			name: 'design.md',
			direction: 'download',
			state: 'failed',
			targetLabel: '/tmp/a/very/long/folder/name/that/does/not/fit/on/one/line/Projects',
			error: {kind: 'name-exists', message},
		}),
	];
	const {lastFrame, rerender} = render(
		<TransferList jobs={jobs} cursor={1} width={80} height={12} />,
	);
	const flat = (lastFrame() ?? '').replace(/[║\s]+/g, ' ');
	assert.ok(flat.includes(message.replace(/\s+/g, ' ')), flat);
	assert.match(lastFrame() ?? '', /↓ Drive design\.md → /);
	rerender(<TransferList jobs={jobs} cursor={0} width={80} height={12} />);
	assert.match(lastFrame() ?? '', /↑ \/home\/me\/ok\.txt → Drive \/Docs/);
});

test('routes show the home folder as ~, like the panes', () => {
	const up = job({id: 'u', source: '/home/me/v.mp4', targetLabel: '/Videos'});
	const down = job({id: 'd', name: 'r.txt', direction: 'download', targetLabel: '/home/me/in'});
	assert.equal(jobRoute(up, '/home/me'), '↑ ~/v.mp4 → Drive /Videos');
	assert.equal(jobRoute(down, '/home/me'), '↓ Drive r.txt → ~/in');
	assert.equal(jobRoute(down, '/root'), '↓ Drive r.txt → /home/me/in');
});
