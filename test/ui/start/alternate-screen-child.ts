// Child process for alternate-screen.test.ts: enters the alternate screen with the CLI's policy,
// then leaves one rejection unhandled (an AbortError as the SDK leaves them, or a real error).
import {enterAlternateScreen} from '../../../source/ui/start/alternate-screen.js';
import {isStrayAbort} from '../../../source/ui/start/stray-abort.js';

const kind = process.argv[2];
const screen = enterAlternateScreen(process.stdout, () => {}, {
	isHarmlessRejection: isStrayAbort,
	onHarmless: () => process.stderr.write('harmless\n'),
});
const reason =
	kind === 'abort' ? new DOMException('Request aborted', 'AbortError') : new TypeError('boom');
void Promise.reject(reason);
setTimeout(() => {
	screen.leave();
	process.stdout.write('still alive\n');
}, 100);
