// Refused input carries the JSON path of the problem from where it was found (a ValidationError
// from the schema, the store's own checks), not a path read back out of the message text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '@shared/api-error';
import { validateChannel } from '@shared/notification-section';
import { validateProfile } from '@shared/signing/validate-profile';
import { startEngine, type EngineFixture } from '../sender/engine-fixture';

let fx: EngineFixture;
beforeAll(async () => {
  fx = await startEngine([], []);
});
afterAll(async () => fx?.close());

describe('validation errors with paths', () => {
  it('are thrown by the section validators themselves', () => {
    const refuse = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error;
      }
      throw new Error('expected a refusal');
    };
    const channel = refuse(() => validateChannel({ id: 'c', name: 'C', type: 'custom', url: 'not a url' }, 'channel'));
    expect(channel).toBeInstanceOf(ValidationError);
    expect(channel).toMatchObject({ code: 'invalid', path: 'channel.url', message: 'channel.url: is not a URL' });
    expect(refuse(() => validateProfile({ id: 'p', name: 'p', kind: 'nope' }, 'profile'))).toMatchObject({ code: 'invalid', path: 'profile.kind' });
  });

  it('reach the caller with the path of the field: settings, profiles, channels, unknown channels', async () => {
    const h = fx.engine.handlers;
    await expect(h['settings.update']({ receiver: { port: 70000 } })).rejects.toMatchObject({
      code: 'invalid',
      path: 'settings.receiver.port',
      message: 'settings.receiver.port must be an integer 0-65535',
    });
    await expect(
      h['signing.saveProfile']({ profile: { id: 'p', name: 'p', kind: 'static', secret: 's', placement: { namespace: 'header', key: '' } } }),
    ).rejects.toMatchObject({ code: 'invalid', path: 'profile.placement.key' });
    await expect(h['notifications.saveChannel']({ channel: { id: 'c', name: 'C', type: 'slack', url: 'ftp://x' } })).rejects.toMatchObject({
      code: 'invalid',
      path: 'channel.url',
      message: 'channel.url: must be an http or https URL',
    });
    await expect(h['notifications.testChannel']({ channelId: 'nope' })).rejects.toMatchObject({
      code: 'invalid',
      path: 'channelId',
      message: 'no channel "nope"',
    });
  });
});
