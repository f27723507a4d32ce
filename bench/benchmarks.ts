// The benchmarks bench/run.ts runs, in order. Add one by writing a module with a `run()` and listing it here.
import type {Benchmark} from './bench-types.js';
import {runRoundTripRss} from './rss-1gib.js';

export const BENCHMARKS: Benchmark[] = [
	{
		id: 'rss-1gib',
		title: 'Upload + download of one file through DriveService (peak RSS of the client)',
		defaultSizeMiB: 1024,
		run: runRoundTripRss,
	},
];
