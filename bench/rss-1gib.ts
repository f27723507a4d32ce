// Uploads and downloads one file (1 GiB by default) through DriveService against the emulator and
// reports the client's peak RSS (issue 3: under 300 MB) and its speeds.
//
// How it is measured: this process writes the test file and runs the emulator (startEmulator with
// its data under a temp folder); the client runs in a child process, bench/rss-client.mjs, which
// loads pdrive-tui's code from dist/ (what `pdrive-tui` runs; `npm run bench` builds it first) or
// from source/ through tsx (--from source, which adds the loader's own memory). Peak RSS is the
// child's getrusage maxrss after each step; the bytes are compared by SHA-1 here, not in the child.
//
// Run: node --import tsx bench/rss-1gib.ts [sizeMiB] [--from source]   (or through bench/run.ts)
import {spawn} from 'node:child_process';
import {createCipheriv, createHash} from 'node:crypto';
import {createReadStream, existsSync} from 'node:fs';
import {mkdtemp, open, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {BenchOptions, BenchResult, CodeFrom} from './bench-types.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MiB = 1024 * 1024;
export const RSS_BUDGET_MB = 300;

/** Pseudo-random (AES-CTR of zeros), so compression or deduplication cannot flatter the numbers. */
async function writeTestFile(file: string, bytes: number): Promise<void> {
	const cipher = createCipheriv('aes-128-ctr', Buffer.alloc(16, 7), Buffer.alloc(16));
	const zero = Buffer.alloc(8 * MiB);
	const handle = await open(file, 'w');
	try {
		for (let done = 0; done < bytes; ) {
			const n = Math.min(zero.length, bytes - done);
			await handle.write(cipher.update(zero.subarray(0, n)));
			done += n;
		}
	} finally {
		await handle.close();
	}
}

async function sha1File(file: string): Promise<string> {
	const hash = createHash('sha1');
	for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

interface ClientReport {
	startKiB: number;
	modulesKiB: number;
	readyKiB: number;
	uploadSeconds: number;
	afterUploadKiB: number;
	downloadSeconds: number;
	afterDownloadKiB: number;
	downloadedPath: string;
}

function runClient(from: CodeFrom, input: object): Promise<ClientReport> {
	const moduleRoot = path.join(repo, from);
	if (from === 'dist' && !existsSync(path.join(moduleRoot, 'services/drive/drive-service.js'))) {
		throw new Error('dist/ is missing: run `npm run build` first (npm run bench does).');
	}
	const loader = from === 'source' ? ['--import', 'tsx'] : [];
	const child = spawn(
		process.execPath,
		[...loader, path.join(repo, 'bench/rss-client.mjs'), JSON.stringify({moduleRoot, ...input})],
		{cwd: repo, stdio: ['ignore', 'pipe', 'pipe']},
	);
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (d) => {
		stdout += d;
	});
	child.stderr.on('data', (d) => {
		stderr += d;
	});
	return new Promise((resolve, reject) => {
		child.once('error', reject);
		child.once('exit', (code) => {
			const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
			if (code !== 0 || !line) {
				reject(new Error(`the measured client failed (exit ${code}): ${stderr.trim() || stdout}`));
				return;
			}
			resolve(JSON.parse(line.slice('RESULT '.length)) as ClientReport);
		});
	});
}

const mbOfKiB = (kib: number) => (kib * 1024) / 1e6;

export async function runRoundTripRss(opts: BenchOptions): Promise<BenchResult> {
	const bytes = Math.round(opts.sizeMiB * MiB);
	const work = await mkdtemp(path.join(os.tmpdir(), 'pdrive-bench-rss-'));
	const {startEmulator} = await import('../source/emulator/start-emulator.js');
	let emulator: Awaited<ReturnType<typeof startEmulator>> | undefined;
	try {
		const source = path.join(work, 'big.bin');
		opts.log(`writing a ${opts.sizeMiB} MiB test file`);
		await writeTestFile(source, bytes);
		emulator = await startEmulator({port: 0, dataDir: path.join(work, 'emulator')});
		opts.log(`client from ${opts.from}/: upload, then download (emulator ${emulator.url})`);
		const report = await runClient(opts.from, {
			url: emulator.url,
			source,
			outDir: path.join(work, 'out'),
		});
		const [want, got] = await Promise.all([sha1File(source), sha1File(report.downloadedPath)]);
		if (want !== got) throw new Error(`the downloaded file differs from the uploaded one`);
		const mb = bytes / 1e6;
		return {
			method:
				`${opts.sizeMiB} MiB file; client in its own process with code from ${opts.from}/, ` +
				'peak RSS = getrusage maxrss of that process; emulator in the bench process; byte-exact by SHA-1.',
			metrics: [
				{label: 'upload speed', value: mb / report.uploadSeconds, unit: 'MB/s'},
				{label: 'download speed', value: mb / report.downloadSeconds, unit: 'MB/s'},
				{label: 'upload time', value: report.uploadSeconds, unit: 's'},
				{label: 'download time', value: report.downloadSeconds, unit: 's'},
				{label: 'peak RSS after start-up and login', value: mbOfKiB(report.readyKiB), unit: 'MB'},
				{
					label: 'peak RSS during upload',
					value: mbOfKiB(report.afterUploadKiB),
					unit: 'MB',
					budget: RSS_BUDGET_MB,
				},
				{
					label: 'peak RSS overall (upload + download)',
					value: mbOfKiB(report.afterDownloadKiB),
					unit: 'MB',
					budget: RSS_BUDGET_MB,
				},
			],
		};
	} finally {
		await emulator?.stop();
		await rm(work, {recursive: true, force: true});
	}
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const args = process.argv.slice(2);
	const from: CodeFrom =
		args.includes('--from') && args[args.indexOf('--from') + 1] === 'source' ? 'source' : 'dist';
	const size = Number(args.find((a) => /^\d+(\.\d+)?$/.test(a)) ?? 1024);
	const result = await runRoundTripRss({sizeMiB: size, from, log: (l) => console.log(l)});
	for (const m of result.metrics) {
		const budget = m.budget
			? ` (budget ${m.budget} ${m.unit}: ${((100 * m.value) / m.budget).toFixed(0)}%)`
			: '';
		console.log(`${m.label}: ${m.value.toFixed(1)} ${m.unit}${budget}`);
	}
	console.log(result.method);
}
