import { readPreference } from '../settings/preferences';
import { audioInputs, MICROPHONE_PREFERENCE, parseChosenMicrophone, resolveMicrophone } from './input-devices';

/** The connected input the profile chose (see MicrophonePicker), or null for the system default (none chosen, or gone). */
export async function chosenInputDeviceId(profileId: string): Promise<string | null> {
  const [saved, devices] = await Promise.all([
    readPreference({ kind: 'profile', profileId }, MICROPHONE_PREFERENCE),
    navigator.mediaDevices.enumerateDevices(),
  ]);
  const resolution = resolveMicrophone(parseChosenMicrophone(saved), audioInputs(devices));
  return resolution.kind === 'found' ? resolution.device.deviceId : null;
}
