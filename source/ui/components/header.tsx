import {text as say} from '../../i18n/messages.js';
import {Box, Text} from 'ink';
import {memo} from 'react';
import {sanitizeForDisplay} from '../../protocol/sanitize.js';
import {type SessionState, speaksLmtp} from '../../protocol/session.js';
import {formatTarget, type Target} from '../../protocol/target.js';
import type {RouteInfo} from '../../session/controller.js';
import {routeSummary} from '../route-model.js';
import {truncateToWidth} from '../text-width.js';
import {useTheme} from '../theme.js';

export type HeaderProps = {width: number; target: Target; state: SessionState; insecure: boolean; route?: RouteInfo; lmtp?: boolean};

/**
The top line: where, how safe, who, and what phase. Plaintext and disabled certificate
checks get a loud marker that cannot be missed, in colour or not.
*/
export const Header = memo(function Header({width, target, state, insecure, route = {}, lmtp = false}: HeaderProps) {
	const theme = useTheme();
	const open = state.phase !== 'disconnected' && state.phase !== 'closed';
	const t = say();
	const tls = state.tls ? `${state.tls.protocol}${state.tls.verified ? '' : ` ${t['header.unverified']}`}` : open ? '' : t['header.notConnected'];
	const auth = state.auth ? t['header.auth'](state.auth.identity ?? state.auth.mechanism) : '';
	const alarm = insecure || (state.tls && !state.tls.verified) ? ` ${t['header.certChecksOff']} ` : open && !state.tls ? ` ${t['header.plaintext']} ` : '';
	// Where the session really goes (the MX that answered, the proxy) follows the target; the end is cut first.
	const {answered, notes} = routeSummary(route, lmtp || speaksLmtp(state));
	const after = [tls, notes].filter(Boolean).join('  ');
	const where = `${formatTarget(target)}${answered ? ` → ${answered}` : ''}  ${after}${tls === '' && after !== '' ? '  ' : ''}`;
	const right = `${auth ? `${auth}  ` : ''}${t[`phase.${state.phase}`]}  F1 ${t['hint.help']} `;
	// When the route does not fit, the program's name goes first.
	const named = ` smtp-explorer  ${where}`;
	const tight = (answered ?? notes) !== '' && named.length + alarm.length + right.length > width;
	const left = sanitizeForDisplay(tight ? ` ${where}` : named);
	const room = Math.max(0, width - alarm.length - right.length);
	// A cut keeps one space before the phase.
	const leftText = left.length > room ? truncateToWidth(left, Math.max(0, room - 1)) : left;
	const gap = Math.max(0, width - leftText.length - alarm.length - right.length);
	return (
		<Box width={width} height={1}>
			<Text wrap="truncate-end">
				<Text inverse bold>{leftText}</Text>
				{alarm ? <Text inverse={!theme.color} backgroundColor={theme.color ? 'red' : undefined} color={theme.color ? 'white' : undefined} bold>{alarm}</Text> : null}
				<Text inverse>{' '.repeat(gap)}{right}</Text>
			</Text>
		</Box>
	);
});
