/**
 * The requests an outbound call sends, built from its dialog state (RFC 3261 §8.1.1, §12.2.1.1): the INVITE and
 * its CANCEL before the dialog exists, and ACK/BYE inside it, where the Request-URI is the far end's Contact and
 * the Route headers are the route set learned from Record-Route. Kept apart from the call's state machine so
 * the message shapes can be read, and tested, on their own.
 */
import { SipHeaders } from '../signalling/sip-headers.js';
import { formatNameAddr, parseNameAddr } from '../signalling/sip-header-values.js';
import { newBranch } from '../signalling/identifiers.js';
import type { SipRequest, SipResponse } from '../signalling/sip-message.js';
import type { SipPeer } from './udp-transport.js';

/** Identifies waihu in User-Agent. */
export const USER_AGENT = 'waihu';

/** Methods waihu accepts inside a call (Allow). */
export const ALLOWED_METHODS = 'INVITE, ACK, BYE, CANCEL, OPTIONS, NOTIFY';

/** What an outbound call knows about its dialog; remote fields fill in when the 2xx arrives. */
export interface UacDialog {
  callId: string;
  /** The From value without tag, and our tag. */
  localUri: string;
  localDisplayName?: string;
  localTag: string;
  /** The To value of the INVITE (the callee), and the far end's tag once known. */
  remoteUri: string;
  remoteTag?: string;
  /** Where in-dialog requests go: the far end's Contact, else the INVITE's Request-URI. */
  remoteTarget: string;
  /** Record-Route of the 2xx, reversed (§12.1.2); empty without proxies that record routes. */
  routeSet: string[];
  /** Our Contact URI. */
  contact: string;
}

/** A top Via for a new transaction from `local`, asking for rport (RFC 3581) so NATed replies still find us. */
export function viaFor(local: SipPeer, branch: string = newBranch()): string {
  return `SIP/2.0/UDP ${local.host}:${local.port};branch=${branch};rport`;
}

function fromValue(dialog: UacDialog): string {
  const from = { uri: dialog.localUri, params: {}, tag: dialog.localTag };
  return formatNameAddr(dialog.localDisplayName ? { ...from, displayName: dialog.localDisplayName } : from);
}

function toValue(dialog: UacDialog, withTag: boolean): string {
  const to = { uri: dialog.remoteUri, params: {} };
  return formatNameAddr(withTag && dialog.remoteTag ? { ...to, tag: dialog.remoteTag } : to);
}

/** The headers every request of the call shares; the caller adds Contact, body and the rest. */
function baseRequest(method: string, uri: string, via: string, dialog: UacDialog, seq: number, routes: readonly string[], toTag: boolean): SipRequest {
  const headers = new SipHeaders();
  headers.append('Via', via);
  for (const route of routes) headers.append('Route', route);
  headers.append('Max-Forwards', 70);
  headers.append('From', fromValue(dialog));
  headers.append('To', toValue(dialog, toTag));
  headers.append('Call-ID', dialog.callId);
  headers.append('CSeq', `${seq} ${method}`);
  return { kind: 'request', method, uri, headers, body: '' };
}

/** The INVITE with its SDP offer; `authorization` answers a 401/407 challenge of the previous attempt. */
export function buildInvite(dialog: UacDialog, via: string, seq: number, sdp: string, authorization?: { header: string; value: string }): SipRequest {
  const invite = baseRequest('INVITE', dialog.remoteTarget, via, dialog, seq, [], false);
  invite.headers.append('Contact', `<${dialog.contact}>`);
  if (authorization) invite.headers.append(authorization.header, authorization.value);
  invite.headers.append('Allow', ALLOWED_METHODS);
  invite.headers.append('User-Agent', USER_AGENT);
  invite.headers.append('Content-Type', 'application/sdp');
  invite.body = sdp;
  return invite;
}

/** The CANCEL of a pending INVITE (§9.1): same Via (branch), Request-URI, From, To, Call-ID, Route, CSeq number. */
export function buildCancel(invite: SipRequest): SipRequest {
  const headers = new SipHeaders();
  headers.append('Via', invite.headers.get('Via') ?? '');
  for (const route of invite.headers.getAll('Route')) headers.append('Route', route);
  headers.append('Max-Forwards', 70);
  for (const name of ['From', 'To', 'Call-ID']) headers.append(name, invite.headers.get(name) ?? '');
  const seq = (invite.headers.get('CSeq') ?? '').trim().split(/\s+/)[0];
  headers.append('CSeq', `${seq} CANCEL`);
  return { kind: 'request', method: 'CANCEL', uri: invite.uri, headers, body: '' };
}

/** A request inside the confirmed dialog: ACK of a 2xx (the INVITE's CSeq number) or BYE (the next one). */
export function buildInDialog(method: 'ACK' | 'BYE', dialog: UacDialog, local: SipPeer, seq: number): SipRequest {
  const request = baseRequest(method, dialog.remoteTarget, viaFor(local), dialog, seq, dialog.routeSet, true);
  if (method === 'BYE') request.headers.append('User-Agent', USER_AGENT);
  return request;
}

/** A REFER asking the far end to call `target` (RFC 3515); its progress comes back in NOTIFYs. */
export function buildRefer(dialog: UacDialog, local: SipPeer, seq: number, target: string): SipRequest {
  const request = baseRequest('REFER', dialog.remoteTarget, viaFor(local), dialog, seq, dialog.routeSet, true);
  request.headers.append('Refer-To', `<${target}>`);
  request.headers.append('Referred-By', `<${dialog.localUri}>`);
  request.headers.append('Contact', `<${dialog.contact}>`);
  request.headers.append('User-Agent', USER_AGENT);
  return request;
}

/** Fills the dialog's remote half from a 2xx (or a 1xx with a tag): tag, Contact target, reversed Record-Route. */
export function learnRemote(dialog: UacDialog, response: SipResponse): void {
  const to = parseNameAddr(response.headers.get('To') ?? '');
  if (to?.tag) dialog.remoteTag = to.tag;
  const contact = parseNameAddr(response.headers.get('Contact') ?? '');
  if (contact) dialog.remoteTarget = contact.uri;
  dialog.routeSet = response.headers.getAll('Record-Route').reverse();
}
