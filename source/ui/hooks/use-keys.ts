import {useStdin, useStdout} from 'ink';
import {useEffect, useRef} from 'react';
import type {Key} from '../key-parser.js';
import {initialReader, readKeys} from '../key-reader.js';
import {markLeftRightMargins, marginsFromReport} from '../terminal-margins.js';

/**
The one input router's source: every input event Ink reads from the terminal, split into
keys by our own reader (Ink hands a run of typed characters over as one event, and does
not report F1 or tell a paste from typing). The handler gets the keys of each event in
order, and routes each against the state the previous one left. The terminal's answer about
left/right margins arrives here too: it marks the output stream for the terminal writer.
*/
export function useKeys(handler: (keys: Key[]) => void, isActive = true): void {
	const {internal_eventEmitter: emitter, setRawMode, isRawModeSupported} = useStdin();
	const {stdout} = useStdout();
	const latest = useRef(handler);
	useEffect(() => {
		latest.current = handler;
	});

	useEffect(() => {
		if (!isActive || !isRawModeSupported) return;
		setRawMode(true);
		return () => setRawMode(false);
	}, [isActive, isRawModeSupported, setRawMode]);

	useEffect(() => {
		if (!isActive) return;
		// A paste in progress spans events: the reader's state lives as long as the subscription.
		let reader = initialReader;
		const onInput = (input: string) => {
			const read = readKeys(reader, input);
			reader = read.state;
			for (const report of read.reports) {
				const margins = marginsFromReport(report);
				if (margins !== undefined) markLeftRightMargins(stdout, margins);
			}

			if (read.keys.length > 0) latest.current(read.keys);
		};

		emitter.on('input', onInput);
		return () => {
			emitter.off('input', onInput);
		};
	}, [emitter, isActive, stdout]);
}
