// The patient's join page from the camera check to the call and back, against
// a fake twilio-video: nothing is sent before "Join the call", the call view
// comes up once the room is joined, and a dropped call says what happened and
// offers "Join again".
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { JoinMedia } from '@/app/join/[token]/_components/join-media';

import { installFakeTwilio, issuedToken } from './helpers/fake-twilio';

let fake = installFakeTwilio();
const videoToken = vi.fn(async () => ({ ...issuedToken, rejoinKey: 'rejoin-1' }));
vi.mock('@/app/join/[token]/_components/join-api', () => ({
  joinApi: { videoToken: () => videoToken(), preflightToken: async () => null },
}));

beforeEach(() => {
  fake = installFakeTwilio();
  vi.stubGlobal('navigator', {
    ...navigator,
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)',
    mediaDevices: Object.assign(new EventTarget(), { enumerateDevices: async () => [] }),
  });
});
afterEach(() => vi.unstubAllGlobals());

const props = {
  token: 'link-token',
  appointmentId: 'appt-1',
  role: 'patient' as const,
  clinician: 'Dr Lee',
  consent: <p>Consent</p>,
  waiting: <p>You are in the waiting room.</p>,
};

describe('join steps', () => {
  it('turns the camera and microphone on in the check without sending anything, then continues', async () => {
    const onContinue = vi.fn();
    render(
      <JoinMedia
        {...props}
        step="check"
        admitted={false}
        open
        onContinue={onContinue}
        onTokenIssued={vi.fn()}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Turn on camera and microphone' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Continue' }));
    expect(onContinue).toHaveBeenCalled();
    expect(fake.made.map((t) => t.kind)).toEqual(['audio', 'video']);
    expect(videoToken).not.toHaveBeenCalled();
    expect(fake.api.connect).not.toHaveBeenCalled();
  });

  it('joins from the waiting room only once admitted, and shows the call with the clinician’s name', async () => {
    const onTokenIssued = vi.fn();
    const view = render(
      <JoinMedia
        {...props}
        step="waiting"
        admitted={false}
        open
        onContinue={vi.fn()}
        onTokenIssued={onTokenIssued}
      />,
    );
    expect(screen.queryByRole('button', { name: /Join the call/ })).toBeNull();
    view.rerender(
      <JoinMedia
        {...props}
        step="waiting"
        admitted
        open
        onContinue={vi.fn()}
        onTokenIssued={onTokenIssued}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Join the call' }));
    expect(await screen.findByRole('heading', { name: 'In your session with Dr Lee' })).toBeTruthy();
    expect(onTokenIssued).toHaveBeenCalledWith('rejoin-1');
    expect(fake.api.connect).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Connected. Waiting for Dr Lee to join…')).toBeTruthy();
  });

  it('after a dropped call says what happened in plain words and offers “Join again”', async () => {
    render(
      <JoinMedia {...props} step="waiting" admitted open onContinue={vi.fn()} onTokenIssued={vi.fn()} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Join the call' }));
    await screen.findByRole('heading', { name: 'In your session with Dr Lee' });
    act(() => fake.room.end({ code: 53001, message: 'Signaling connection disconnected' }));
    expect(screen.getByRole('heading', { name: 'You were disconnected' })).toBeTruthy();
    expect(screen.getByText('Your connection dropped')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Join again' })).toBeTruthy();
    await waitFor(() => expect(fake.made.every((t) => t.isStopped)).toBe(true));
  });
});
