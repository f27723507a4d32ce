// Runs the benchmarks listed in bench/benchmarks.ts and prints their numbers, ratios and budgets.
// It fails (exit 1) only when a benchmark errs (a crash, wrong bytes); slow or over-budget numbers
// are reported, never failures, since they depend on the machine and on what else runs on it.
//
//   npm run bench                                  (builds dist/, then every benchmark at full size)
//   npm run bench -- --size 64                     (quick try: 64 MiB; or PDRIVE_BENCH_SIZE_MIB=64)
//   npm run bench -- --only rss-1gib --from source (measure source/ through tsx instead of dist/)
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import type {Benchmark, BenchMetric, CodeFrom} from './bench-types.js';
import {BENCHMARKS} from './benchmarks.js';

export interface RunOptions {
	sizeMiB?: number;
	only?: string[];
	from: CodeFrom;
}

export function parseRunOptions(argv: string[], env: NodeJS.ProcessEnv): RunOptions {
	const {values} = parseArgs({
		args: argv,
		options: {
			size: {type: 'string'},
			only: {type: 'string', multiple: true},
			from: {type: 'string', default: 'dist'},
		},
		strict: true,
	});
	const rawSize = values.size ?? env.PDRIVE_BENCH_SIZE_MIB;
	let sizeMiB: number | undefined;
	if (rawSize !== undefined && rawSize !== '') {
		sizeMiB = Number(rawSize);
		if (!Number.isFinite(sizeMiB) || sizeMiB <= 0)
			throw new Error(
				`--size / PDRIVE_BENCH_SIZE_MIB must be a positive number of MiB, not "${rawSize}"`,
			);
	}
	if (values.from !== 'dist' && values.from !== 'source')
		throw new Error(`--from must be dist or source, not "${values.from}"`);
	const ids = BENCHMARKS.map((b) => b.id);
	for (const id of values.only ?? [])
		if (!ids.includes(id)) throw new Error(`unknown benchmark "${id}"; known: ${ids.join(', ')}`);
	return {sizeMiB, only: values.only, from: values.from};
}

function formatNumber(value: number): string {
	if (value >= 100) return value.toFixed(0);
	if (value >= 10) return value.toFixed(1);
	return value.toFixed(2);
}

/** `label  value unit  [x% of budget: within | OVER]`, aligned. */
export function formatMetrics(metrics: BenchMetric[]): string[] {
	const width = Math.max(...metrics.map((m) => m.label.length));
	return metrics.map((m) => {
		let line = `  ${m.label.padEnd(width)}  ${formatNumber(m.value).padStart(7)} ${m.unit}`;
		if (m.budget !== undefined) {
			const ratio = m.value / m.budget;
			const verdict = ratio < 1 ? 'within budget' : 'OVER budget';
			line += `  (${(ratio * 100).toFixed(0)}% of the ${m.budget} ${m.unit} budget: ${verdict})`;
		}
		return line;
	});
}

/** Runs the benchmarks one after the other; returns how many failed with an error. */
export async function runBenchmarks(
	benchmarks: Benchmark[],
	opts: RunOptions,
	print: (line: string) => void,
): Promise<number> {
	const chosen = benchmarks.filter((b) => !opts.only || opts.only.includes(b.id));
	let failed = 0;
	for (const bench of chosen) {
		const sizeMiB = opts.sizeMiB ?? bench.defaultSizeMiB;
		print(`\n${bench.id}: ${bench.title}`);
		const started = Date.now();
		try {
			const result = await bench.run({
				sizeMiB,
				from: opts.from,
				log: (line) => print(`  … ${line}`),
			});
			for (const line of formatMetrics(result.metrics)) print(line);
			print(`  measured: ${result.method}`);
			print(`  wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
		} catch (error) {
			failed++;
			print(`  ERROR: ${error instanceof Error ? error.message : String(error)}`);
		}
	}
	print(
		`\n${chosen.length - failed} of ${chosen.length} benchmark(s) ran without errors` +
			(failed ? `; ${failed} failed` : ''),
	);
	return failed;
}

async function main(): Promise<number> {
	let opts: RunOptions;
	try {
		opts = parseRunOptions(process.argv.slice(2), process.env);
	} catch (error) {
		console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
		return 2;
	}
	return (await runBenchmarks(BENCHMARKS, opts, (line) => console.log(line))) > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	process.exitCode = await main();
}
