// Shapes shared by the benchmarks and bench/run.ts.

/** Where the measured code comes from: the built `dist/` (what `pdrive-tui` runs) or `source/` via tsx. */
export type CodeFrom = 'dist' | 'source';

export interface BenchOptions {
	/** Size of the test file in MiB (each benchmark has its own default). */
	sizeMiB: number;
	from: CodeFrom;
	/** Progress lines for the person running the bench. */
	log(line: string): void;
}

export interface BenchMetric {
	label: string;
	value: number;
	unit: string;
	/** Upper limit the value should stay under (same unit); reported as a ratio, never a failure. */
	budget?: number;
}

export interface BenchResult {
	metrics: BenchMetric[];
	/** How it was measured, in a sentence or two. */
	method: string;
}

export interface Benchmark {
	id: string;
	title: string;
	defaultSizeMiB: number;
	/** Throws on errors (wrong bytes, a crash); slowness or a busy machine are never errors. */
	run(opts: BenchOptions): Promise<BenchResult>;
}
