import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export interface PresenceIdentity {
  playerId: string;
  name: string;
}

/**
 * Rewrite an incoming y-protocols awareness update so that every state it sets carries the
 * sender's signed-in identity in `user`, and drop entries for client ids that another connection
 * controls. Awareness is otherwise unchecked client data, so without this a participant could show
 * up under a teammate's name or clear a teammate's presence.
 *
 * The wire format (y-protocols/awareness encodeAwarenessUpdate) is a count followed by, per
 * client: clientID, clock, and the state as a JSON string ("null" for a removed client).
 * Throws on a malformed update.
 */
export function stampPresence(update: Uint8Array, identity: PresenceIdentity, ownedByOthers: (clientId: number) => boolean): Uint8Array {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: { clientId: number; clock: number; state: string }[] = [];
  for (let index = 0; index < count; index++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    if (ownedByOthers(clientId)) continue;
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) throw new Error('awareness state must be an object or null');
    const stamped = state === null ? null : { ...(state as Record<string, unknown>), user: { playerId: identity.playerId, name: identity.name } };
    entries.push({ clientId, clock, state: JSON.stringify(stamped) });
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after the awareness update');

  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}
