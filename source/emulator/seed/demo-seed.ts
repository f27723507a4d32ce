import {mkdtemp, rm, utimes, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {TOTP} from 'otpauth';
import {LoginFlow} from '../../services/auth/login-flow.js';
import {DriveService} from '../../services/drive/drive-service.js';
import type {ActiveSession} from '../../services/session/active-session.js';
import {createMemorySessionStore} from '../../services/session/session-store.js';
import {DEMO_FOLDERS, demoFiles} from './demo-content.js';

const DEMO = {
	username: 'demo@example.com',
	password: 'correct horse',
	totpSecret: 'JBSWY3DPEHPK3PXP',
};

/**
 * Servers refuse a TOTP step that was already used; when this code was (an earlier login in the
 * same 30 s), the next step's code is still inside the accepted ±1 window.
 */
async function submitTotpOnce(flow: LoginFlow): ReturnType<LoginFlow['submitTotp']> {
	const totp = new TOTP({secret: DEMO.totpSecret, digits: 6, period: 30, algorithm: 'SHA1'});
	try {
		return await flow.submitTotp(totp.generate());
	} catch (error) {
		if ((error as {kind?: string}).kind !== 'wrong-totp') throw error;
		return flow.submitTotp(totp.generate({timestamp: Date.now() + 30_000}));
	}
}

/** Logs in to the emulator as the demo account (password, then TOTP) with a throwaway session store. */
export async function loginDemo(url: string): Promise<ActiveSession> {
	const flow = new LoginFlow({apiBase: new URL(url), store: createMemorySessionStore()});
	let step = await flow.begin(DEMO.username, DEMO.password);
	for (let i = 0; i < 3 && step.step !== 'ready'; i++) {
		if (step.step === 'totp') {
			step = await submitTotpOnce(flow);
		} else {
			step = await flow.submitMailboxPassword(DEMO.password);
		}
	}
	if (step.step !== 'ready') throw new Error('Demo seed: login did not complete');
	return step.session;
}

/**
 * Fills the demo account with a small, realistic tree — through the SDK, so every name, key and
 * block is genuinely encrypted. Files are written to a temp folder and go through upload().
 */
export async function seedDemo(url: string): Promise<void> {
	const session = await loginDemo(url);
	const drive = DriveService.create({session, clientUid: 'pdrive-tui-demo-seed'});
	const root = await drive.root();
	const folders = new Map<string, string>([['', root.uid]]);
	for (const folder of DEMO_FOLDERS) {
		const parent = folders.get(
			path.posix.dirname(folder) === '.' ? '' : path.posix.dirname(folder),
		);
		if (!parent) throw new Error(`Demo seed: parent of ${folder} missing`);
		const node = await drive.createFolder(parent, path.posix.basename(folder));
		folders.set(folder, node.uid);
	}
	const tmp = await mkdtemp(path.join(os.tmpdir(), 'pdrive-demo-seed-'));
	try {
		for (const file of demoFiles()) {
			const local = path.join(tmp, `${folders.size}-${Math.random().toString(36).slice(2)}`);
			await writeFile(local, file.content);
			await utimes(local, file.modified, file.modified);
			const parent = folders.get(file.folder);
			if (!parent) throw new Error(`Demo seed: folder ${file.folder} missing`);
			await drive.upload(local, parent, {name: file.name});
			await rm(local, {force: true});
		}
	} finally {
		await rm(tmp, {recursive: true, force: true});
	}
}
