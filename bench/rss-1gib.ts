// Uploads and downloads a 1 GiB file through DriveService against the emulator and prints the
// client's peak RSS. The emulator runs in a child process so only the client is measured.
// Run: node --import tsx bench/rss-1gib.ts [sizeMiB]   (goal: peak RSS < 300 MB)
import {type ChildProcess, spawn} from 'node:child_process';
import {createHash, createCipheriv} from 'node:crypto';
import {createReadStream} from 'node:fs';
import {mkdtemp, open, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const CHILD_FLAG = '--emulator-child';

async function runEmulatorChild(): Promise<void> {
	const {startEmulator} = await import('../source/emulator/start-emulator.js');
	// The source file is written here too, so its write buffers do not count against the client.
	await writeBigFile(process.argv[4] as string, Number(process.argv[5]));
	const emulator = await startEmulator({port: 0, dataDir: process.argv[3]});
	process.stdout.write(`URL ${emulator.url}\n`);
	process.on('SIGTERM', () => void emulator.stop().then(() => process.exit(0)));
}

function startChild(
	dataDir: string,
	source: string,
	bytes: number,
): Promise<{url: string; child: ChildProcess}> {
	const self = fileURLToPath(import.meta.url);
	const child = spawn(
		process.execPath,
		['--import', 'tsx', self, CHILD_FLAG, dataDir, source, String(bytes)],
		{
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	return new Promise((resolve, reject) => {
		let buffered = '';
		child.stdout?.on('data', (data: Buffer) => {
			buffered += data.toString();
			const match = /URL (\S+)/.exec(buffered);
			if (match) resolve({url: match[1] as string, child});
		});
		child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
	});
}

async function writeBigFile(file: string, bytes: number): Promise<void> {
	const cipher = createCipheriv('aes-128-ctr', Buffer.alloc(16, 7), Buffer.alloc(16));
	const zero = Buffer.alloc(8 * 1024 * 1024);
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

const mb = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;

async function main(): Promise<void> {
	const sizeMiB = Number(process.argv[2] ?? 1024);
	const work = await mkdtemp(path.join(os.tmpdir(), 'pdrive-rss-'));
	const stage = (label: string) =>
		console.log(
			`  ${label}: peak RSS ${mb(process.resourceUsage().maxRSS)}, now ${mb(process.memoryUsage().rss / 1024)}`,
		);
	stage('start');
	const source = path.join(work, 'big.bin');
	const {url, child} = await startChild(path.join(work, 'emulator'), source, sizeMiB * 1024 * 1024);
	try {
		const {loginDemo} = await import('../source/emulator/seed/demo-seed.js');
		const {DriveService} = await import('../source/services/drive/drive-service.js');
		stage('modules loaded');
		const session = await loginDemo(url);
		stage('logged in');
		const drive = DriveService.create({session, clientUid: 'pdrive-bench'});
		const root = await drive.root();
		const baseline = process.resourceUsage().maxRSS;
		console.log(`size ${sizeMiB} MiB; RSS before transfers: ${mb(baseline)}`);

		let t = Date.now();
		const node = await drive.upload(source, root.uid);
		const upSeconds = (Date.now() - t) / 1000;
		const afterUpload = process.resourceUsage().maxRSS;
		console.log(
			`upload   ${upSeconds.toFixed(1)} s (${(sizeMiB / upSeconds).toFixed(0)} MiB/s), peak RSS ${mb(afterUpload)}`,
		);

		const out = path.join(work, 'out');
		await (await import('node:fs/promises')).mkdir(out);
		t = Date.now();
		const final = await drive.download(node.uid, out);
		const downSeconds = (Date.now() - t) / 1000;
		const afterDownload = process.resourceUsage().maxRSS;
		console.log(
			`download ${downSeconds.toFixed(1)} s (${(sizeMiB / downSeconds).toFixed(0)} MiB/s), peak RSS ${mb(afterDownload)}`,
		);
		const same = (await sha1File(final)) === (await sha1File(source));
		console.log(`byte-exact: ${same}; peak RSS overall: ${mb(afterDownload)} (goal < 300 MB)`);
		if (!same) process.exitCode = 1;
	} finally {
		child.kill('SIGTERM');
		await rm(work, {recursive: true, force: true});
	}
}

if (process.argv[2] === CHILD_FLAG) await runEmulatorChild();
else await main();
