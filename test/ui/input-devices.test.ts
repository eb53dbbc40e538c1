import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { audioInputs, parseChosenMicrophone, resolveMicrophone } from '../../ui/src/recording/input-devices';

const USB = { deviceId: 'id-usb', label: 'USB microphone' };
const BUILT_IN = { deviceId: 'id-built-in', label: 'Built-in microphone' };

describe('the microphone a profile chose', { timeout: 10_000 }, () => {
  test('is found by its id, else by its name (a new id after Lectern starts on another port), else it is missing', () => {
    assert.deepEqual(resolveMicrophone(null, [USB]), { kind: 'default' });
    assert.deepEqual(resolveMicrophone(USB, [BUILT_IN, USB]), { kind: 'found', device: USB });
    assert.deepEqual(resolveMicrophone({ deviceId: 'old-id', label: 'USB microphone' }, [BUILT_IN, USB]), { kind: 'found', device: USB });
    assert.deepEqual(resolveMicrophone(USB, [BUILT_IN]), { kind: 'missing', chosen: USB });
    assert.deepEqual(resolveMicrophone({ deviceId: 'old-id', label: '' }, [{ deviceId: 'x', label: '' }]), {
      kind: 'missing',
      chosen: { deviceId: 'old-id', label: '' },
    });
  });

  test('is read back from its preference, and a value that is not ours counts as no choice', () => {
    assert.deepEqual(parseChosenMicrophone(JSON.stringify(USB)), USB);
    assert.equal(parseChosenMicrophone(null), null);
    assert.equal(parseChosenMicrophone('not json'), null);
    assert.equal(parseChosenMicrophone('{"deviceId":3,"label":"x"}'), null);
  });

  test('the list offers real inputs only, not the browser aliases or outputs', () => {
    const listed = audioInputs([
      { kind: 'audioinput', deviceId: 'default', label: 'Default' },
      { kind: 'audioinput', deviceId: 'communications', label: 'Communications' },
      { kind: 'audioinput', ...USB },
      { kind: 'audiooutput', deviceId: 'speaker', label: 'Speakers' },
      { kind: 'videoinput', deviceId: 'cam', label: 'Camera' },
    ]);
    assert.deepEqual(listed, [USB]);
  });
});
