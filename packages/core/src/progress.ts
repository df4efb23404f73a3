/**
 * Long work (solves, backtests) reports through a `Progress` so libraries stay silent and a CLI can
 * draw on stderr; stdout stays clean for JSON.
 */
export interface Progress {
  /** `fraction` in [0, 1] when known; `message` says what is going on. */
  update(stage: string, fraction: number | undefined, message?: string): void;
  done(stage: string, message?: string): void;
}

export const silentProgress: Progress = { update() {}, done() {} };

/** A progress line on stderr, redrawn in place on a terminal, throttled to a few lines a second elsewhere. */
export function stderrProgress(options: { minIntervalMs?: number } = {}): Progress {
  const tty = Boolean(process.stderr.isTTY);
  const minInterval = options.minIntervalMs ?? (tty ? 100 : 2000);
  let last = 0;
  let lastStage = '';
  const line = (stage: string, fraction: number | undefined, message?: string): string => {
    const bar =
      fraction === undefined
        ? ''
        : `[${'#'.repeat(Math.round(Math.min(1, Math.max(0, fraction)) * 20)).padEnd(20, '.')}] ${Math.round(fraction * 100)}% `;
    return `${stage}: ${bar}${message ?? ''}`;
  };
  return {
    update(stage, fraction, message) {
      const now = Date.now();
      if (stage === lastStage && now - last < minInterval) return;
      last = now;
      lastStage = stage;
      if (tty) process.stderr.write(`\r\x1b[2K${line(stage, fraction, message)}`);
      else process.stderr.write(`${line(stage, fraction, message)}\n`);
    },
    done(stage, message) {
      lastStage = '';
      process.stderr.write(`${tty ? '\r\x1b[2K' : ''}${stage}: done${message ? ` ${message}` : ''}\n`);
    },
  };
}

/** A wall-clock budget: `timeLimitSeconds` from creation. */
export interface Deadline {
  readonly startedAt: number;
  readonly endsAt: number;
  expired(): boolean;
  remainingMs(): number;
  elapsedMs(): number;
}

export function deadlineIn(timeLimitSeconds: number, now: () => number = Date.now): Deadline {
  const startedAt = now();
  const endsAt = startedAt + timeLimitSeconds * 1000;
  return {
    startedAt,
    endsAt,
    expired: () => now() >= endsAt,
    remainingMs: () => Math.max(0, endsAt - now()),
    elapsedMs: () => now() - startedAt,
  };
}
