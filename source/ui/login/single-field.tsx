import {editText} from '../../hooks/text-edit.js';
import {useKeyPresses} from '../../hooks/use-key-presses.js';
import {useLiveState} from '../../hooks/use-live-state.js';
import {TextField} from './text-field.js';

interface Props {
	label: string;
	mask?: boolean;
	busy: boolean;
	onSubmit: (value: string) => void;
}

/** One text field that submits on Enter (2FA code, mailbox password). */
export function SingleField({label, mask, busy, onSubmit}: Props) {
	const [value, setValue] = useLiveState('');
	useKeyPresses((press) => {
		const edit = editText(value(), press);
		if (edit.kind === 'change') setValue(edit.value);
		else if (edit.kind === 'submit' && value()) {
			const submitted = value();
			setValue('');
			onSubmit(submitted);
		}
	}, !busy);
	return <TextField label={label} value={value()} focused={!busy} mask={mask} />;
}
