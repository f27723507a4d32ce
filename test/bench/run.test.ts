import assert from 'node:assert/strict';
import {test} from 'node:test';
import {BENCHMARKS} from '../../bench/benchmarks.js';
import {formatMetrics, parseRunOptions, runBenchmarks} from '../../bench/run.js';

test('benchmarks are data with unique ids and a default size', () => {
	const ids = BENCHMARKS.map((b) => b.id);
	assert.deepEqual(new Set(ids).size, ids.length);
	assert.ok(ids.includes('rss-1gib'));
	for (const b of BENCHMARKS) assert.ok(b.defaultSizeMiB > 0 && typeof b.run === 'function');
});

test('size from --size or PDRIVE_BENCH_SIZE_MIB (flag wins); --from and --only are checked', () => {
	assert.deepEqual(parseRunOptions([], {}), {sizeMiB: undefined, only: undefined, from: 'dist'});
	assert.equal(parseRunOptions([], {PDRIVE_BENCH_SIZE_MIB: '64'}).sizeMiB, 64);
	assert.equal(parseRunOptions(['--size', '8'], {PDRIVE_BENCH_SIZE_MIB: '64'}).sizeMiB, 8);
	assert.equal(parseRunOptions(['--from', 'source'], {}).from, 'source');
	assert.deepEqual(parseRunOptions(['--only', 'rss-1gib'], {}).only, ['rss-1gib']);
	for (const bad of [
		['--size', '0'],
		['--size', 'x'],
		['--from', 'elsewhere'],
		['--only', 'nope'],
		['--what'],
	])
		assert.throws(() => parseRunOptions(bad, {}), bad.join(' '));
});

test('metrics print as numbers with units; budgets as a ratio, over budget is reported, not thrown', () => {
	const lines = formatMetrics([
		{label: 'upload speed', value: 38.25, unit: 'MB/s'},
		{label: 'peak RSS', value: 259, unit: 'MB', budget: 300},
		{label: 'peak RSS elsewhere', value: 330, unit: 'MB', budget: 300},
	]);
	assert.match(lines[0]!, /upload speed\s+38\.3 MB\/s$/);
	assert.match(lines[1]!, /259 MB {2}\(86% of the 300 MB budget: within budget\)$/);
	assert.match(lines[2]!, /330 MB {2}\(110% of the 300 MB budget: OVER budget\)$/);
});

test('only errors count as failures: a slow or over-budget benchmark does not', async () => {
	const lines: string[] = [];
	const seen: number[] = [];
	const failed = await runBenchmarks(
		[
			{
				id: 'slow',
				title: 'slow and over budget',
				defaultSizeMiB: 1024,
				run: async (o) => {
					seen.push(o.sizeMiB);
					return {method: 'fake', metrics: [{label: 'rss', value: 900, unit: 'MB', budget: 300}]};
				},
			},
			{
				id: 'broken',
				title: 'throws',
				defaultSizeMiB: 1,
				run: async () => {
					throw new Error('bytes differ');
				},
			},
		],
		{from: 'dist', sizeMiB: 4},
		(line) => lines.push(line),
	);
	assert.equal(failed, 1);
	assert.deepEqual(seen, [4]);
	assert.ok(lines.some((l) => /OVER budget/.test(l)));
	assert.ok(lines.some((l) => l === '  ERROR: bytes differ'));
	assert.ok(lines.at(-1)?.includes('1 of 2 benchmark(s) ran without errors; 1 failed'));
});
