import type {UiState} from './ui-state.js';

/** The UI state in one place outside React's render cycle: each key reads what the previous key wrote. */
export function createUiStore(initial: UiState) {
	let state = initial;
	const listeners = new Set<() => void>();
	return {
		get: () => state,
		set(next: UiState) {
			if (next === state) return;
			state = next;
			for (const listener of listeners) listener();
		},
		subscribe(listener: () => void) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
	};
}
