import {useStdin} from 'ink';
import {useEffect, useRef} from 'react';
import {type Key, parseKey} from '../key-parser.js';

/**
The one input router's source: every key event Ink reads from the terminal, parsed by our
own parser (Ink's `useInput` does not report F1 or tell a paste from typing).
*/
export function useKeys(handler: (key: Key) => void, isActive = true): void {
	const {internal_eventEmitter: emitter, setRawMode, isRawModeSupported} = useStdin();
	const latest = useRef(handler);
	latest.current = handler;

	useEffect(() => {
		if (!isActive || !isRawModeSupported) return;
		setRawMode(true);
		return () => setRawMode(false);
	}, [isActive, isRawModeSupported, setRawMode]);

	useEffect(() => {
		if (!isActive) return;
		const onInput = (input: string) => latest.current(parseKey(input));
		emitter.on('input', onInput);
		return () => {
			emitter.off('input', onInput);
		};
	}, [emitter, isActive]);
}
