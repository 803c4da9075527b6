import {useCallback, useState, useSyncExternalStore} from 'react';
import type {Key} from '../key-parser.js';
import {routeKey} from '../router.js';
import {routeEvent} from '../router-flows.js';
import type {Effect, RouteContext, RouterEvent} from '../router-types.js';
import type {UiState} from '../ui-state.js';
import {createUiStore} from '../ui-store.js';
import {useKeys} from './use-keys.js';


/**
Runs the router at the edge: keys from the terminal and events from the session go
through `routeKey` and `routeEvent` one at a time, against the latest state and the
session as it is at that moment; the effects they return are handed to `run`.
*/
export function useRouter(initial: () => UiState, contextOf: () => RouteContext, run: (effect: Effect, dispatch: (event: RouterEvent) => void) => void) {
	const [store] = useState(() => createUiStore(initial()));
	const state = useSyncExternalStore(store.subscribe, store.get);

	const dispatch = useCallback(
		(event: RouterEvent) => {
			const routed = routeEvent(store.get(), event, contextOf());
			store.set(routed.state);
			for (const effect of routed.effects) run(effect, dispatch);
		},
		[store, contextOf, run],
	);

	useKeys((keys: Key[]) => {
		for (const key of keys) {
			const routed = routeKey(store.get(), key, contextOf());
			store.set(routed.state);
			for (const effect of routed.effects) run(effect, dispatch);
		}
	});

	return {state, dispatch};
}
