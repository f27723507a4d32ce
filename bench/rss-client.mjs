// The measured process of bench/rss-1gib.ts: signs in to the emulator as the demo account, uploads one
// file through DriveService, downloads it again and prints one `RESULT {json}` line with its own peak RSS
// (getrusage maxrss) after each step. Plain JavaScript on purpose: no TypeScript loader in this process,
// so only pdrive-tui's code (from dist/, or from source/ when run with --import tsx) is measured.
import {mkdir} from 'node:fs/promises';

const {moduleRoot, url, source, outDir} = JSON.parse(process.argv[2] ?? '{}');
const ext = moduleRoot.endsWith('/source') ? '.ts' : '.js';
const peakKiB = () => process.resourceUsage().maxRSS;
const seconds = (since) => Number(process.hrtime.bigint() - since) / 1e9;

const result = {startKiB: peakKiB()};
const {loginDemo} = await import(`${moduleRoot}/emulator/seed/demo-seed${ext}`);
const {DriveService} = await import(`${moduleRoot}/services/drive/drive-service${ext}`);
result.modulesKiB = peakKiB();

const session = await loginDemo(url);
const drive = DriveService.create({session, clientUid: 'pdrive-bench'});
const root = await drive.root();
result.readyKiB = peakKiB();

let started = process.hrtime.bigint();
const node = await drive.upload(source, root.uid);
result.uploadSeconds = seconds(started);
result.afterUploadKiB = peakKiB();

await mkdir(outDir, {recursive: true});
started = process.hrtime.bigint();
result.downloadedPath = await drive.download(node.uid, outDir);
result.downloadSeconds = seconds(started);
result.afterDownloadKiB = peakKiB();

process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
process.exit(0);
