import { PREFERENCE_KEYS } from '../../../src/contracts/preference-keys.js';

/** The microphone a profile chose (profile preference MICROPHONE_PREFERENCE, as JSON); none means the system default. */
export interface ChosenMicrophone {
  deviceId: string;
  label: string;
}

export interface InputDevice {
  deviceId: string;
  label: string;
}

export const MICROPHONE_PREFERENCE = PREFERENCE_KEYS.microphone;

/** The saved choice, or null when there is none or it is not ours (a hand-edited value). */
export function parseChosenMicrophone(value: string | null): ChosenMicrophone | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as Partial<ChosenMicrophone>;
    return typeof parsed.deviceId === 'string' && typeof parsed.label === 'string' ? { deviceId: parsed.deviceId, label: parsed.label } : null;
  } catch {
    return null;
  }
}

export type MicrophoneResolution = { kind: 'default' } | { kind: 'found'; device: InputDevice } | { kind: 'missing'; chosen: ChosenMicrophone };

/**
 * Which connected input the saved choice is: by id, else by name (a browser gives the same microphone another id
 * when Lectern starts on another port), else it is missing (unplugged, disabled).
 */
export function resolveMicrophone(chosen: ChosenMicrophone | null, devices: readonly InputDevice[]): MicrophoneResolution {
  if (!chosen) return { kind: 'default' };
  const device =
    devices.find((candidate) => candidate.deviceId === chosen.deviceId) ??
    (chosen.label ? devices.find((candidate) => candidate.label === chosen.label) : undefined);
  return device ? { kind: 'found', device } : { kind: 'missing', chosen };
}

/** The audio inputs a device list holds, without the browser's "default" and "communications" aliases of real ones. */
export function audioInputs(devices: readonly { kind: string; deviceId: string; label: string }[]): InputDevice[] {
  return devices
    .filter((device) => device.kind === 'audioinput' && device.deviceId !== 'default' && device.deviceId !== 'communications')
    .map(({ deviceId, label }) => ({ deviceId, label }));
}
