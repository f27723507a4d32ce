import {Box, Text} from 'ink';
import {editText} from '../../hooks/text-edit.js';
import {useKeyPresses} from '../../hooks/use-key-presses.js';
import {useLiveState} from '../../hooks/use-live-state.js';
import {TextField} from './text-field.js';

interface Props {
	initialUsername: string;
	busy: boolean;
	onSubmit: (username: string, password: string) => void;
}

interface Form {
	username: string;
	password: string;
	field: 'username' | 'password';
}

/** Username and (masked) password. With a pre-filled username the password has focus. */
export function UsernamePasswordScreen({initialUsername, busy, onSubmit}: Props) {
	const [form, setForm] = useLiveState<Form>({
		username: initialUsername,
		password: '',
		field: initialUsername ? 'password' : 'username',
	});

	useKeyPresses((press) => {
		const f = form();
		const edit = editText(f[f.field], press);
		switch (edit.kind) {
			case 'change':
				setForm({...f, [f.field]: edit.value});
				return;
			case 'next':
			case 'previous':
				setForm({...f, field: f.field === 'username' ? 'password' : 'username'});
				return;
			case 'submit':
				if (f.field === 'username') {
					if (f.username) setForm({...f, field: 'password'});
					return;
				}
				if (!f.username) {
					setForm({...f, field: 'username'});
					return;
				}
				if (!f.password) return;
				setForm({...f, password: ''});
				onSubmit(f.username, f.password);
				return;
			default:
				return;
		}
	}, !busy);

	const {username, password, field} = form();
	return (
		<Box flexDirection="column">
			<TextField label="Username" value={username} focused={!busy && field === 'username'} />
			<TextField label="Password" value={password} focused={!busy && field === 'password'} mask />
			<Text dimColor>Enter: next / sign in · Tab: switch field · Ctrl-C: quit</Text>
		</Box>
	);
}
