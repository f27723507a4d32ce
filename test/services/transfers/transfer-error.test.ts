import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {DriveError} from '../../../source/services/drive/drive-error.js';
import {LocalFsError} from '../../../source/services/local/local-fs.js';
import {toTransferError} from '../../../source/services/transfers/transfer-error.js';

function errno(code: string, message = `${code}: something`): Error {
	return Object.assign(new Error(message), {code});
}

describe('toTransferError', () => {
	test('keeps DriveError kinds and messages', () => {
		for (const kind of [
			'name-exists',
			'not-found',
			'invalid-name',
			'integrity',
			'cancelled',
			'network',
			'other',
		] as const) {
			const error = toTransferError(new DriveError(kind, `Drive says ${kind}.`));
			assert.deepEqual(error, {kind, message: `Drive says ${kind}.`});
		}
	});

	test('maps errno codes to kinds the UI knows', () => {
		const expected: Record<string, string> = {
			EEXIST: 'name-exists',
			ENOENT: 'not-found',
			ENOTDIR: 'not-found',
			EACCES: 'permission',
			EPERM: 'permission',
			EROFS: 'permission',
			ENOSPC: 'no-space',
			EDQUOT: 'no-space',
			ECONNRESET: 'network',
			ECONNREFUSED: 'network',
			ETIMEDOUT: 'network',
			EISDIR: 'unsupported',
		};
		for (const [code, kind] of Object.entries(expected)) {
			assert.deepEqual(toTransferError(errno(code)), {kind, message: `${code}: something`}, code);
		}
	});

	test('an unknown errno code or plain error is "other" with its message', () => {
		assert.deepEqual(toTransferError(errno('EWEIRD', 'odd')), {kind: 'other', message: 'odd'});
		assert.deepEqual(toTransferError(new Error('boom')), {kind: 'other', message: 'boom'});
	});

	test('aborts become "cancelled"', () => {
		const abort = Object.assign(new Error('The operation was aborted'), {name: 'AbortError'});
		assert.deepEqual(toTransferError(abort), {kind: 'cancelled', message: 'Cancelled'});
		const dom = new DOMException('This operation was aborted', 'AbortError');
		assert.equal(toTransferError(dom).kind, 'cancelled');
	});

	test("the local fs 'exists' kind means name-exists", () => {
		const error = toTransferError(new LocalFsError('exists', "'a' already exists"));
		assert.deepEqual(error, {kind: 'name-exists', message: "'a' already exists"});
		assert.equal(toTransferError(new LocalFsError('permission', 'no')).kind, 'permission');
	});

	test('never throws, whatever is thrown', () => {
		assert.deepEqual(toTransferError('just a string'), {kind: 'other', message: 'just a string'});
		for (const value of [undefined, null, 42, {}, Symbol('s'), new Error('')]) {
			const error = toTransferError(value);
			assert.equal(typeof error.kind, 'string');
			assert.ok(error.message.length > 0, `message for ${String(value)}`);
		}
	});
});
