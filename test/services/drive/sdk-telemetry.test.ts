import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {createDriveClient, sdkBaseUrl} from '../../../source/services/drive/create-drive-client.js';
import {createSdkTelemetry, redact} from '../../../source/services/drive/sdk-telemetry.js';

describe('SDK telemetry and client factory', () => {
	test('logs go only to the debug logger, with tokens and PGP blocks redacted', () => {
		const lines: string[] = [];
		const logger = createSdkTelemetry((line) => lines.push(line)).getLogger('upload');
		logger.info('block 1:Zm9vYmFyYmF6cXV4cXV1eHh4eHh4eHh4eHh4eHh4eHg uploaded');
		logger.debug('Authorization: Bearer abcdef0123456789abcdef');
		logger.error(
			'failed',
			new Error('-----BEGIN PGP MESSAGE-----\nxyz\n-----END PGP MESSAGE-----'),
		);
		assert.equal(lines.length, 3);
		assert.ok(!lines.join('\n').includes('Zm9vYmFyYmF6'));
		assert.ok(!lines.join('\n').includes('abcdef0123456789'));
		assert.ok(!lines.join('\n').includes('xyz'));
		assert.match(lines[2] ?? '', /\[sdk:upload\] error failed \(Error: \[pgp\]\)/);
		assert.equal(redact('pm-storage-token: 0123456789abcdefXYZ'), 'pm-storage-token: [redacted]');
	});

	test('without a debug logger the telemetry is silent', () => {
		const original = console.log;
		let printed = 0;
		console.log = () => {
			printed++;
		};
		try {
			const t = createSdkTelemetry();
			t.getLogger('x').info('hello');
			t.recordMetric({eventName: 'debounceLongWait'});
		} finally {
			console.log = original;
		}
		assert.equal(printed, 0);
	});

	test('config.baseUrl is host[:port][/path] without scheme or trailing slash', () => {
		assert.equal(sdkBaseUrl(new URL('http://127.0.0.1:8787')), '127.0.0.1:8787');
		assert.equal(sdkBaseUrl(new URL('http://localhost:8080/api/')), 'localhost:8080/api');
		assert.equal(sdkBaseUrl(new URL('https://drive-api.proton.me')), 'drive-api.proton.me');
		const client = createDriveClient({
			session: {
				apiBase: new URL('http://127.0.0.1:1'),
				account: {userKeys: [], addresses: []},
				fetch,
			},
			clientUid: 'x',
		});
		assert.equal(typeof client.getMyFilesRootFolder, 'function');
	});
});
