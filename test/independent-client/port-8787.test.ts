// The exact command of issue 2's acceptance, on its fixed port 8787 (skipped when something else
// holds that port): `pdrive-tui emulator --port 8787 --user demo@example.com --password 'correct horse'
// --totp JBSWY3DPEHPK3PXP` serves the independent client, which logs in with a current TOTP code and
// unlocks the address keys.
import assert from 'node:assert/strict';
import {createServer} from 'node:net';
import {test} from 'node:test';
import {independentLogin} from './independent-client.js';
import {spawnEmulator} from './spawn-emulator.js';

function portFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const probe = createServer();
		probe.once('error', () => resolve(false));
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
	});
}

test('`pdrive-tui emulator --port 8787 …` serves the independent SRP client', async (t) => {
	if (!(await portFree(8787))) {
		t.skip('port 8787 is in use on this machine');
		return;
	}
	const emu = await spawnEmulator([
		'--port',
		'8787',
		'--user',
		'demo@example.com',
		'--password',
		'correct horse',
		'--totp',
		'JBSWY3DPEHPK3PXP',
	]);
	try {
		assert.equal(emu.lines[0], 'listening http://127.0.0.1:8787');
		const s = await independentLogin(
			'http://127.0.0.1:8787',
			'demo@example.com',
			'correct horse',
			'JBSWY3DPEHPK3PXP',
		);
		assert.ok(s.scopes.includes('full'));
		assert.ok(s.userKeys.every((k) => k.isDecrypted()));
		assert.ok(s.addressKeys.length > 0 && s.addressKeys.every((k) => k.isDecrypted()));
	} finally {
		assert.equal(await emu.stop(), 0);
	}
});
