import { Injectable } from '@nestjs/common';
import { DEFAULT_ADDRESS_QUOTA, ParticipantAccessRules, type AddressDecision, type AddressWindow } from './participant-access.rules.js';

/** Addresses remembered at most; past it, expired windows go first, then the oldest. */
const MAX_ADDRESSES = 50_000;

/**
 * The "send me my link again" form's limit per client address, in this instance's memory: with
 * several instances behind a balancer, each counts its own share (DESIGN.md, Participant links).
 */
@Injectable()
export class AddressLimit {
  private readonly windows = new Map<string, AddressWindow>();
  readonly quota = DEFAULT_ADDRESS_QUOTA;

  take(address: string, now = Date.now()): AddressDecision {
    const decision = ParticipantAccessRules.takeRequest(this.windows.get(address), now, this.quota);
    this.windows.delete(address);
    if (this.windows.size >= MAX_ADDRESSES) this.forget(now);
    this.windows.set(address, decision.window);
    return decision;
  }

  private forget(now: number): void {
    for (const [address, window] of this.windows) if (ParticipantAccessRules.expired(window, now, this.quota)) this.windows.delete(address);
    for (const address of this.windows.keys()) {
      if (this.windows.size < MAX_ADDRESSES) break;
      this.windows.delete(address);
    }
  }
}
