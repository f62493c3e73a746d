import type { RegistrationSettingsEntity } from './registration-settings.entity.js';

export interface RegistrationSettingsView {
  missionId: string;
  capacity: number;
  opensAt: string | null;
  closesAt: string | null;
  approval: RegistrationSettingsEntity['approval'];
  delegationQuotas: Record<string, number>;
  confirmed: number;
  waitlisted: number;
  updatedAt: string;
}

export function toSettingsView(settings: RegistrationSettingsEntity): RegistrationSettingsView {
  return {
    missionId: settings.missionId,
    capacity: settings.capacity,
    opensAt: settings.opensAt?.toISOString() ?? null,
    closesAt: settings.closesAt?.toISOString() ?? null,
    approval: settings.approval,
    delegationQuotas: settings.delegationQuotas,
    confirmed: settings.confirmedCount,
    waitlisted: settings.waitlistedCount,
    updatedAt: settings.updatedAt.toISOString(),
  };
}
