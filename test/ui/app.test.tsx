import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {LoginError} from '../../source/services/auth/login-errors.js';
import type {ActiveSession} from '../../source/services/session/active-session.js';
import {App} from '../../source/ui/app.js';
import {keysHelpRows} from './browser/help-rows.js';
import {fakePaneFs, fakeQueue, file} from './browser/fakes.js';
import {eventually, KEYS} from './helpers.js';

afterEach(() => cleanup());

const session = {username: 'alice@example.com'} as ActiveSession;
const services = () => ({
	local: fakePaneFs('local', {'/': [file('/', 'here.txt', 1)]}),
	drive: fakePaneFs('drive', {'/': [file('/', 'there.txt', 2)]}),
	queue: fakeQueue().queue,
});
const noFlow = () => {
	throw new Error('no login expected');
};

test('a saved session skips the login screen', async () => {
	const {lastFrame} = render(
		<App
			resume={async () => session}
			createFlow={noFlow}
			openBrowser={services}
			helpRows={keysHelpRows}
			onExit={() => {}}
		/>,
	);
	await eventually(() => assert.match(lastFrame() ?? '', /there\.txt/));
	assert.match(lastFrame() ?? '', /pdrive-tui — alice@example\.com/);
	assert.doesNotMatch(lastFrame() ?? '', /Username:/);
});

test('a saved session that cannot be resumed: the login screen says why', async () => {
	const expired = new LoginError(
		'session-expired',
		'Your saved session has expired; sign in again.',
	);
	const {lastFrame} = render(
		<App
			resume={async () => {
				throw expired;
			}}
			createFlow={noFlow}
			openBrowser={services}
			helpRows={keysHelpRows}
			onExit={() => {}}
		/>,
	);
	await eventually(() => assert.match(lastFrame() ?? '', /Username:/));
	assert.match(lastFrame() ?? '', /Your saved session has expired; sign in again\./);
	assert.match(lastFrame() ?? '', /unofficial, third-party app/);
});

test('no saved session: the login screen, with no error; Ctrl-C quits', async () => {
	let exits = 0;
	const {lastFrame, stdin} = render(
		<App
			resume={async () => undefined}
			createFlow={noFlow}
			openBrowser={services}
			helpRows={keysHelpRows}
			onExit={() => exits++}
		/>,
	);
	await eventually(() => assert.match(lastFrame() ?? '', /Username:/));
	assert.doesNotMatch(lastFrame() ?? '', /could not be resumed|expired/);
	stdin.write(KEYS.ctrlC);
	await eventually(() => assert.equal(exits, 1));
});
