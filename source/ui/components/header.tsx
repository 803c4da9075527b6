import {Box, Text} from 'ink';
import {phaseLabels} from '../../protocol/phase.js';
import type {SessionState} from '../../protocol/session.js';
import {formatTarget, type Target} from '../../protocol/target.js';
import {truncateToWidth} from '../text-width.js';
import {useTheme} from '../theme.js';

export type HeaderProps = {width: number; target: Target; state: SessionState; insecure: boolean};

/**
The top line: where, how safe, who, and what phase. Plaintext and disabled certificate
checks get a loud marker that cannot be missed, in colour or not.
*/
export function Header({width, target, state, insecure}: HeaderProps) {
	const theme = useTheme();
	const open = state.phase !== 'disconnected' && state.phase !== 'closed';
	const tls = state.tls ? `${state.tls.protocol}${state.tls.verified ? '' : ' unverified'}` : open ? '' : 'not connected';
	const auth = state.auth ? `auth: ${state.auth.identity ?? state.auth.mechanism}` : '';
	const alarm = insecure || (state.tls && !state.tls.verified) ? ' !! CERT CHECKS OFF !! ' : open && !state.tls ? ' PLAINTEXT ' : '';
	const left = ` smtp-explorer  ${formatTarget(target)}  ${tls}`;
	const right = `${auth ? `${auth}  ` : ''}${phaseLabels[state.phase]}  F1 help `;
	const room = Math.max(0, width - alarm.length - right.length);
	const leftText = truncateToWidth(left, room);
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
}
