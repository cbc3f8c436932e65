/**
 * Keeps GetCallStatistics fresh: subscribes to the server's event stream (GET /console/api/events, one `stats` event
 * every two seconds) and, when the browser has no EventSource or the stream cannot be opened, polls the action
 * instead. The stream's own reconnection is shown as 'reconnecting'; after a few failed reconnects in a row the page
 * switches to polling rather than leaving the numbers frozen.
 */
import { useEffect, useState } from 'react';
import { ApiError, callAction } from '../../api';
import type { CallStatistics, StatisticsWindow } from './statistics';

export type LiveMode = 'connecting' | 'live' | 'reconnecting' | 'polling';

export interface LiveStatistics {
  data: CallStatistics | undefined;
  mode: LiveMode;
  /** The last failure, cleared by the next good answer. */
  error: unknown;
}

/** How often polling asks, like the stream's own interval. */
export const POLL_SECONDS = 2;
/** Stream errors in a row (no event in between) before giving up on the stream. */
const MAX_STREAM_ERRORS = 3;

interface Envelope {
  Data: CallStatistics;
}

function failureOf(text: string): ApiError {
  try {
    const body = JSON.parse(text) as { Code?: string; Message?: string; RequestId?: string };
    return new ApiError(400, body.Code ?? 'Console.StreamFailure', body.Message ?? text, body.RequestId);
  } catch {
    return new ApiError(0, 'Console.StreamFailure', text);
  }
}

/** Live statistics for `range`; `attempt` changes to start over (a retry button). */
export function useLiveStatistics(range: StatisticsWindow, attempt: number): LiveStatistics {
  const [state, setState] = useState<LiveStatistics>({ data: undefined, mode: 'connecting', error: undefined });

  useEffect(() => {
    let stopped = false;
    let source: EventSource | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const params = { Minutes: range.minutes, BucketSeconds: range.bucketSeconds };
    setState((prev) => ({ data: prev.data, mode: 'connecting', error: undefined }));

    const show = (data: CallStatistics, mode: LiveMode) => setState({ data, mode, error: undefined });
    const fail = (error: unknown, mode: LiveMode) => setState((prev) => ({ data: prev.data, mode, error }));

    async function poll() {
      if (stopped) return;
      try {
        const res = (await callAction('waihu', 'GetCallStatistics', params)) as unknown as Envelope;
        if (!stopped) show(res.Data, 'polling');
      } catch (err) {
        if (!stopped) fail(err, 'polling');
        // A refused window or a lost session will not get better by asking again.
        if (err instanceof ApiError && (err.status === 400 || err.status === 401)) return;
      }
      if (!stopped) timer = setTimeout(() => void poll(), POLL_SECONDS * 1000);
    }

    function fallBackToPolling() {
      source?.close();
      source = undefined;
      void poll();
    }

    if (typeof EventSource === 'undefined') {
      void poll();
    } else {
      const query = new URLSearchParams({ Minutes: String(params.Minutes), BucketSeconds: String(params.BucketSeconds) });
      source = new EventSource(`/console/api/events?${query}`);
      let errorsInARow = 0;
      source.addEventListener('stats', (e) => {
        errorsInARow = 0;
        try {
          show((JSON.parse((e as MessageEvent<string>).data) as Envelope).Data, 'live');
        } catch (err) {
          fail(err, 'live');
        }
      });
      source.addEventListener('failure', (e) => {
        const error = failureOf((e as MessageEvent<string>).data);
        fail(error, 'live');
        // The server ends the stream after a refused window; reconnecting would only repeat the refusal.
        if (error.code.startsWith('Invalid')) {
          source?.close();
          source = undefined;
        }
      });
      // Signed out elsewhere: one plain request lets the app's 401 handling take the user to sign-in.
      source.addEventListener('signedout', fallBackToPolling);
      source.addEventListener('error', () => {
        if (stopped || !source) return;
        errorsInARow++;
        if (source.readyState === EventSource.CLOSED || errorsInARow > MAX_STREAM_ERRORS) fallBackToPolling();
        else setState((prev) => ({ ...prev, mode: 'reconnecting' }));
      });
    }

    return () => {
      stopped = true;
      source?.close();
      clearTimeout(timer);
    };
  }, [range.minutes, range.bucketSeconds, attempt]);

  return state;
}
